"""Sentences -> atomic, attributed, standalone, typed claims (rules over spaCy's parse).

Per sentence: attribution (reporting verb + content clause, "according to X", "X described
Y as Z", "…, noting that …", "…, prosecutors say") -> coordination (clauses, and lists of
subjects/objects) -> propositions carried by relative clauses, appositives and titles
("Moschetto, 54," -> "Moschetto is 54") -> resolution of pronouns and definite
descriptions against the people the article named -> typed fields (polarity, hedge,
numbers, dates, entities) and a check-worthiness score. A claim is a list of *pieces*
(token indices of the sentence, or inserted words such as "is"), so its text, its
article wording and its evidence spans all come from the same pieces."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from claimtrack.claims import resolve
from claimtrack.claims.dates import resolve_date
from claimtrack.claims.filters import QUOTES, claim_problem, drop_reason, is_fragment, normalise_title
from claimtrack.claims.model import Claim, Extraction
from claimtrack.claims.nlp import get_nlp
from claimtrack.claims.numbers import extract_numbers
from claimtrack.claims.segment import iter_docs, sentence_spans

EXTRACTOR_VERSION = "rules-v3"

SPEECH_VERBS = {
    "say", "tell", "add", "note", "insist", "warn", "deny", "claim", "state", "mention",
    "emphasise", "emphasize", "stress", "indicate", "announce", "report", "confirm",
    "explain", "argue", "acknowledge", "admit", "assert", "declare", "suggest", "write",
    "reply", "respond", "caution", "predict", "promise", "vow", "point", "observe",
    "remark", "reiterate", "allege", "contend", "maintain", "concede", "disclose", "reveal",
    "believe", "think", "feel", "fear", "estimate", "insist", "testify", "recall", "tweet",
}
DESCRIBE_VERBS = {"describe": "described … as", "call": "called", "brand": "branded", "dub": "dubbed", "label": "labelled"}
HEDGES = {"may", "might", "could", "reportedly", "allegedly", "possibly", "perhaps",
          "apparently", "likely", "probably", "seemingly", "purportedly", "reported", "alleged"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "LAW", "PRODUCT"}
SUBJECTS = ("nsubj", "nsubjpass", "expl")
TRIM_LEAD_WORDS = {"that", "and", "but", "so", "while", "whereas", "although", "though"}
SYMMETRIC_PREPS = {"between", "among", "amongst", "with"}
SYMMETRIC_VERBS = {"meet", "agree", "talk", "negotiate", "marry", "unite", "compare", "differ", "merge",
                   "discuss", "share", "split", "separate", "combine", "mix", "link", "connect", "collide"}
NO_SPACE_BEFORE = {",", ".", "'s", "’s", "n't", ")", ":", ";", "%", "'", "’"}


class _Unit:
    """One claim in the making: pieces (token indices, or inserted words), attribution,
    and the sentence it belongs to."""

    __slots__ = ("pieces", "head", "speaker", "cue", "quote_kind", "kind", "composed")

    def __init__(self, pieces, head, speaker=None, cue=None, quote_kind="none", kind="clause", composed=False):
        self.pieces = list(pieces)
        self.head = head
        self.speaker, self.cue, self.quote_kind = speaker, cue, quote_kind
        self.kind, self.composed = kind, composed

    def copy(self, pieces=None, head=None, **kw):
        u = _Unit(self.pieces if pieces is None else pieces, self.head if head is None else head,
                  self.speaker, self.cue, self.quote_kind, self.kind, self.composed)
        for k, v in kw.items():
            setattr(u, k, v)
        return u

    def token_set(self) -> set[int]:
        return {p for p in self.pieces if isinstance(p, int)}


def _subtree_range(tok) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _subtree(tok) -> set[int]:
    return set(range(tok.left_edge.i, tok.right_edge.i + 1))


def _quoted(doc, start: int, end: int, s: int, e: int) -> bool:
    """Is [start, end) wrapped in quotation marks (within the sentence [s, e))?"""
    before = doc[start - 1].text if start - 1 >= s else ""
    first = doc[start].text if start < end else ""
    return any(q in before or q == first for q in "\"“«") or (first in QUOTES and first != "'")


def _kind(doc, a: int, b: int, s: int, e: int) -> str:
    if _quoted(doc, a, b, s, e):
        return "direct"
    inner = doc[a:b].text
    return "mixed" if any(q in inner for q in "\"“”«»") else "indirect"


def _speaker_tok(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "that", "which", "this"):
            return child
    # '"...," added the adviser': the parser often makes the inverted subject an object.
    quoted_before = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)
    if quoted_before:
        for child in verb.children:
            if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "appos") and child.pos_ in ("NOUN", "PROPN", "PRON"):
                return child
    return None


def _speaker_text(tok) -> str | None:
    if tok is None:
        return None
    a, b = _subtree_range(tok)
    # drop a relative clause or appositive hanging off the speaker ("X, who ..., said")
    drop = set()
    for c in tok.children:
        if c.dep_ in ("relcl", "appos", "acl") and c.i > tok.i:
            drop |= _subtree(c)
    words = [t for t in tok.doc[a:b] if t.i not in drop]
    text = "".join(t.text_with_ws for t in words)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = re.sub(r"\s*,(\s*,)+", ",", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,")
    return text or None


def _range(a: int, b: int) -> list[int]:
    return list(range(a, b))


def _content_units(doc, verb, speaker_tok, s, e, cue=None) -> list[_Unit]:
    speaker = _speaker_text(speaker_tok)
    units = []
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX") and child is not speaker_tok:
            a, b = _subtree_range(child)
            units.append(_Unit(_range(a, b), child, speaker, cue or verb.text, _kind(doc, a, b, s, e)))
        elif child.dep_ in ("advcl", "conj") and child.tag_ == "VBG" and child.lemma_.lower() in SPEECH_VERBS | set(DESCRIBE_VERBS):
            # "..., noting that the meeting lasted four hours" / "calling it premature to ..."
            units.extend(u.copy(kind="participial") for u in _content_units(doc, child, speaker_tok, s, e)
                         or _describe_units(doc, child, speaker_tok, s, e))
    return units


def _describe_units(doc, verb, speaker_tok, s, e) -> list[_Unit]:
    """"X described Y as Z" / "X called Y Z" -> "Y is Z", cue "described … as" / "called"."""
    lemma = verb.lemma_.lower()
    if lemma not in DESCRIBE_VERBS:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    pred = None
    if lemma == "describe":
        as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is None:
            as_ = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        pred = next((c for c in as_.children if c.dep_ in ("pobj", "pcomp")), None) if as_ is not None else None
    else:
        pred = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")), None)
    if pred is None:
        return []
    oa, ob = _subtree_range(obj)
    if lemma == "describe" and as_.i < ob and as_.head is obj:
        ob = as_.i
    pa, pb = _subtree_range(pred)
    if lemma != "describe" and pred.dep_ == "oprd":
        pb = max(pb, max((c.right_edge.i + 1 for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > pred.i), default=pb))
    copula = "was" if verb.tag_ == "VBD" or doc[oa].lower_ == "it" and verb.tag_ == "VBG" else "is"
    kind = "mixed" if any(t.text in "\"“”«»" for t in doc[max(pa - 1, s):min(pb + 1, e)]) else "indirect"
    cue = DESCRIBE_VERBS[lemma]
    if verb.tag_ == "VBG":
        cue = {"describe": "describing … as", "call": "calling"}.get(lemma, cue)
    return [_Unit(_range(oa, ob) + [copula] + _range(pa, pb), pred, _speaker_text(speaker_tok), cue, kind,
                  kind="description", composed=True)]


def _attribute(doc, s: int, e: int, root) -> list[_Unit]:
    """Split a sentence into content units with their speakers."""
    # "according to X" anywhere in the sentence.
    for tok in doc[s:e]:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                continue
            a, b = tok.i, pobj.right_edge.i + 1
            speaker = doc[pobj.left_edge.i : b].text
            if a - 1 >= s and doc[a - 1].text == ",":
                a -= 1
            if a <= s + 1:  # "According to X, ..."
                start = b + 1 if b < e and doc[b].text == "," else b
                units = [_Unit(_range(start, e), root, speaker, "according to", _kind(doc, start, e, s, e))]
            elif b >= e - 1:  # "..., according to X."
                inner = _attribute_verbal(doc, s, a, e, root)
                if inner:
                    return inner
                units = [_Unit(_range(s, a), root, speaker, "according to", _kind(doc, s, a, s, e))]
            else:
                units = [_Unit(_range(s, a) + _range(b, e), root, speaker, "according to", "indirect")]
            return units
    return _attribute_verbal(doc, s, e, e, root) or [_Unit(_range(s, e), root)]


def _attribute_verbal(doc, s, end, e, root) -> list[_Unit]:
    """"X said (that) ...", "\"...,\" added X", "..., prosecutors say", "X described Y as Z"."""
    # A negated cue ("did not confirm that ...") asserts nothing about its content:
    # the whole sentence stays one (negative) claim.
    negated_cue = any(c.dep_ == "neg" for c in root.children)
    lemma = root.lemma_.lower()
    if root.pos_ in ("VERB", "AUX") and not negated_cue:
        if lemma in SPEECH_VERBS:
            units = _content_units(doc, root, _speaker_tok(root), s, e)
            if units:
                return [u for u in units if max(u.token_set(), default=s) < end] or units
        if lemma in DESCRIBE_VERBS:
            units = _describe_units(doc, root, _speaker_tok(root), s, e)
            if units:
                return units
        # "Moschetto was arrested ..., prosecutors say": the cue hangs off the content
        for child in root.children:
            if (child.dep_ in ("parataxis", "advcl", "ccomp") and child.i > root.i
                    and child.lemma_.lower() in SPEECH_VERBS and child.tag_ in ("VBP", "VBZ", "VBD")
                    and not any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in child.children)):
                spk = _speaker_tok(child)
                if spk is None:
                    continue
                a, b = _subtree_range(child)
                pieces = [i for i in range(s, end) if not a <= i < b]
                return [_Unit(pieces, root, _speaker_text(spk), child.text, "indirect")]
        # Participial add-on to a non-speech clause: "X met Y, noting that ..."
        extra = [u for u in _content_units(doc, root, _speaker_tok(root), s, e) if u.kind == "participial"]
        if extra:
            drop = set()
            for c in root.children:
                if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in SPEECH_VERBS | set(DESCRIBE_VERBS):
                    drop |= _subtree(c)
            main = _Unit([i for i in range(s, end) if i not in drop], root)
            return [main] + extra
    return []


def _trim_pieces(doc, pieces):
    def junk(p, lead):
        if not isinstance(p, int):
            return False
        t = doc[p]
        if t.is_punct or t.is_space or t.text in QUOTES:
            return not (t.text == ")" and not lead)
        return lead and t.dep_ in ("mark", "cc", "punct", "prep") and t.lower_ in TRIM_LEAD_WORDS
    while pieces and junk(pieces[0], True):
        pieces = pieces[1:]
    while pieces and junk(pieces[-1], False):
        pieces = pieces[:-1]
    # a closing bracket without its opening one
    if pieces and isinstance(pieces[-1], int) and doc[pieces[-1]].text == ")" and not any(
            isinstance(p, int) and doc[p].text == "(" for p in pieces):
        pieces = pieces[:-1]
    # collapse doubled punctuation left by excisions (", ,")
    out = []
    for p in pieces:
        if (out and isinstance(p, int) and isinstance(out[-1], int) and doc[p].text == "," and doc[out[-1]].is_punct):
            continue
        out.append(p)
    return out


RELATIVE_VAGUE = {"those", "one", "ones", "anyone", "everyone", "someone", "people", "others", "many", "some"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
SAY_VERBS = SPEECH_VERBS - {"believe", "think", "feel", "fear", "estimate", "predict", "recall", "promise", "vow"}
DANGLING_END = {"and", "or", "but", "nor", "that", "to", "of", "the", "a", "an", "which", "who", "whom",
                "whose", "than", "as", "because", "if", "while", "whether"}
DANGLING_LEAD = {"and", "or", "but", "nor", "so", "that", "while", "although", "though", "whereas"}


def _aside_attribution(doc, unit: _Unit, toks: set[int]):
    """A reporting clause left inside a claim ("The real problem, he said, is ...",
    "..., Fox said of Trump"): (cue verb, tokens to cut) or None."""
    head = unit.head
    for i in sorted(toks):
        v = doc[i]
        if v is head or v.lemma_.lower() not in SAY_VERBS or v.pos_ != "VERB":
            continue
        content = [c for c in v.children if c.dep_ in ("ccomp", "parataxis") and c.i in toks]
        own = [c for c in v.children if c.dep_ in ("ccomp", "dobj", "xcomp") and c.i not in toks]
        if own:
            continue
        if v.head is head and v.dep_ in ("parataxis", "advcl", "ccomp", "conj") or content and content[0] is head:
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            cut = {v.i}
            for c in v.children:
                if c is head or c.dep_ == "punct" and c.text not in (",", "—", "--"):
                    continue
                cut |= _subtree(c)
            # the commas around it
            lo, hi = min(cut), max(cut)
            if lo - 1 in toks and doc[lo - 1].text in (",", "—", "--"):
                cut.add(lo - 1)
            elif hi + 1 in toks and doc[hi + 1].text in (",", "—", "--"):
                cut.add(hi + 1)
            return v, subj, cut
    return None


def _finite_core(doc, unit: _Unit, toks: set[int]) -> str | None:
    """Why a (non-composed) claim is not a proposition -- no finite verb, no subject, an
    unsplit reporting verb -- or None."""
    head = unit.head
    if head.i not in toks:
        return "fragment_no_verb"
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.i not in toks for a in auxes) or any(a.tag_ == "TO" for a in auxes):
        return "fragment_no_finite_verb"  # "to lose the race", an auxiliary cut off
    if not auxes and head.tag_ not in FINITE_TAGS:
        # the tagger often calls a past tense VBN and a present VB; a participle or a bare
        # verb with its modal left in the other conjunct ("could approve X and fund Y") is not
        if head.tag_ == "VBG" or head.pos_ not in ("VERB", "AUX"):
            return "fragment_no_finite_verb"
        if head.dep_ == "conj" and head.tag_ == "VB" and any(
                c.dep_ == "aux" and c.tag_ == "MD" for c in head.head.children):
            return "fragment_no_finite_verb"
    if unit.kind == "relative":
        return None
    subj = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i in toks]
    if not subj and head.dep_ == "conj":
        subj = [doc[i] for i in toks if doc[i].dep_ in SUBJECT_DEPS and i < head.i]
    if not subj and any(c.dep_ in ("ccomp", "parataxis") and c.i < head.i and c.i in toks
                        and any(g.dep_ in SUBJECT_DEPS for g in c.children) for c in head.children):
        # "X had been closed ..., city records show": a full clause before a source the parse
        # did not see as one ("city records" read as a compound); the clause stands alone
        return None
    if not subj:
        return "fragment_no_subject"
    if all(t.tag_ in ("WP", "WDT") for t in subj):
        return "fragment_no_subject"
    lemma = head.lemma_.lower()
    if lemma in SAY_VERBS and head.pos_ == "VERB" and not any(c.dep_ == "neg" for c in head.children):
        content = [c for c in head.children if c.dep_ in ("ccomp", "parataxis", "dobj", "xcomp", "dative", "prep")
                   and c.i in toks]
        if not content and not unit.composed:  # "X told" / "The committee said on Wednesday, ..."
            return "attribution_leftover"
    return None


def _repair(doc, unit: _Unit, pieces):
    """Repair what the parse allows (a reporting aside cut out, a dangling conjunction or
    preposition stripped), then check the claim is a proposition: (pieces, drop reason or
    None, (speaker token, cue) of a cut-out aside or None)."""
    aside = None
    toks = {p for p in pieces if isinstance(p, int)}
    if not unit.composed:
        hit = _aside_attribution(doc, unit, toks)
        if hit is not None:
            v, subj, cut = hit
            pieces = _trim_pieces(doc, [p for p in pieces if not (isinstance(p, int) and p in cut)])
            aside = (subj, v.text)

    def dangling(p, lead):
        if not isinstance(p, int):
            return False
        t = doc[p]
        if t.is_punct:
            return True
        if lead:
            return t.lower_ in DANGLING_LEAD and t.dep_ in ("cc", "mark", "advmod", "nsubj", "det")
        if t.lower_ in DANGLING_END or t.dep_ in ("cc", "preconj", "det", "poss", "case", "aux", "mark"):
            return True
        return t.dep_ in ("prep", "agent") and not any(c.i in toks for c in t.children)
    while pieces and dangling(pieces[0], True):
        pieces = pieces[1:]
    while pieces and dangling(pieces[-1], False):
        t = doc[pieces[-1]] if isinstance(pieces[-1], int) else None
        if t is not None and not t.is_punct and t.dep_ != "cc" and t.lower_ not in ("and", "or", "but", "nor"):
            # a preposition, article or "to" whose words were cut off: the claim is cut mid-sentence
            return pieces, "fragment_dangling", aside
        pieces = pieces[:-1]
    pieces = _trim_pieces(doc, pieces)
    toks = {p for p in pieces if isinstance(p, int)}
    if not toks:
        return pieces, "fragment_dangling", aside
    if unit.composed:
        return pieces, None, aside
    return pieces, _finite_core(doc, unit, toks), aside


def _split_coordination(doc, unit: _Unit) -> list[_Unit]:
    """Split "A did X and B did Y" into two units; "A did X but did Y" carries A over."""
    head = unit.head
    toks = unit.token_set()
    for child in head.children:
        if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX") or child.i not in toks:
            continue
        c_start = child.left_edge.i
        cut = c_start
        while cut - 1 in toks and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].text == ","):
            cut -= 1
        first_p = [p for p in unit.pieces if not isinstance(p, int) or p < cut]
        if not any(isinstance(p, int) for p in first_p) or cut <= min(toks):
            continue
        second_p = [p for p in unit.pieces if isinstance(p, int) and p >= c_start]
        if not any(g.dep_ in SUBJECTS for g in child.children):
            subj = next((g for g in head.children if g.dep_ in SUBJECTS), None)
            if subj is None:
                continue
            sub = [i for i in range(*_subtree_range(subj)) if i in toks or not toks]
            if not sub:
                continue
            second_p = sub + second_p
        first = unit.copy(first_p)
        second = unit.copy(second_p, head=child)
        return _split_coordination(doc, first) + _split_coordination(doc, second)
    return [unit]


def _members(tok) -> list:
    """The coordinated members of a list headed by ``tok`` ("A, B and C")."""
    out, stack = [tok], [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _member_tokens(tok) -> set[int]:
    toks = _subtree(tok)
    for c in tok.children:
        if c.dep_ == "conj" or (c.dep_ in ("cc", "punct", "preconj") and c.i > tok.i):
            toks -= _subtree(c)
    return toks


def _split_lists(doc, unit: _Unit, depth: int = 0) -> list[_Unit]:
    """"Nods to Holly, Manson and King" -> one unit per member (only "and" lists of nouns
    that are subjects or objects, never under between/among/with or symmetric verbs)."""
    if depth > 1 or unit.composed:
        return [unit]
    toks = unit.token_set()
    for i in sorted(toks):
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
            continue
        conj = [c for c in tok.children if c.dep_ == "conj"]
        ccs = [c for c in tok.children if c.dep_ == "cc"] + [c for x in conj for c in x.children if c.dep_ == "cc"]
        if not conj or not ccs or any(c.lower_ not in ("and", "&") for c in ccs):
            continue
        if any(c.dep_ == "preconj" or c.lower_ == "both" for c in tok.children):
            continue
        verb = tok.head
        if tok.dep_ == "pobj":
            if verb.lower_ in SYMMETRIC_PREPS:
                continue
            verb = verb.head
        if verb.lemma_.lower() in SYMMETRIC_VERBS or tok.dep_ == "nsubj" and verb.lemma_.lower() in ("be",):
            continue
        # a compound proper name list inside an entity ("Marks and Spencer") stays whole
        if tok.ent_iob_ in ("B", "I") and any(doc[j].ent_iob_ == "I" for j in range(tok.i + 1, tok.right_edge.i + 1) if doc[j].lower_ == "and"):
            continue
        anc, inside = tok.head, False
        while anc is not unit.head and anc.i != anc.head.i:
            if anc.dep_ in ("acl", "relcl", "advcl", "ccomp", "csubj", "appos"):
                inside = True
                break
            anc = anc.head
        if inside:
            continue
        members = _members(tok)
        if len(members) < 2 or len(members) > 6:
            continue
        group = set()
        for m in members:
            group |= _subtree(m) if m is tok else _subtree(m)
        group = {g for g in group if g >= tok.i} | {g for g in _subtree(tok) if g < tok.i}
        group &= _subtree(tok)
        out = []
        for m in members:
            keep = _member_tokens(m)
            if m is not tok:
                # the head's own left modifiers (determiners, "the") stay with the first member only
                pass
            pieces = []
            inserted = False
            for p in unit.pieces:
                if isinstance(p, int) and p in group:
                    if not inserted:
                        pieces.extend(sorted(keep))
                        inserted = True
                    continue
                pieces.append(p)
            out.extend(_split_lists(doc, unit.copy(pieces), depth + 1))
        return out
    return [unit]


ARG_DEPS = {"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "dative", "agent"}
KEEP_ADVMODS = {"not", "never", "only", "just", "no", "longer", "hardly", "barely", "almost", "nearly"}


def _modifiers(doc, head, toks: set[int]) -> list[list[int]]:
    """Optional modifiers of a clause's verb (prepositional phrases, adverbial clauses,
    temporal noun phrases), each as its token list; the first PP of an intransitive verb is
    an argument ("turned to X"), not a modifier."""
    mods = []
    heads = [head]
    x = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if x is not None:
        heads.append(x)
    for h in heads:
        has_obj = any(c.dep_ in ARG_DEPS and c.dep_ != "agent" and c.i > h.i and c.pos_ != "VERB" for c in h.children)
        first_pp = True
        for c in h.children:
            if c.i not in toks or c.i < h.i and c.dep_ != "prep":
                continue
            if c.dep_ == "prep" and c.lower_ not in ("according",):
                if c.i > h.i and first_pp and not has_obj:
                    first_pp = False
                    continue
                first_pp = False
            elif c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME") and not any(t.like_num for t in c.subtree if t.ent_type_ not in ("DATE", "TIME")):
                pass
            elif c.dep_ == "advcl" and c.i > h.i:
                pass
            else:
                continue
            sub = [i for i in range(c.left_edge.i, c.right_edge.i + 1) if i in toks]
            if sub:
                mods.append(sub)
    return mods[:4]


def _facets(doc, unit: _Unit, min_tokens: int) -> list[_Unit]:
    """Atomic facets of a clause: its core (without optional modifiers) and the core with
    each modifier ("Rose finished runner-up" + "... at the Masters" + "... on 14-under")."""
    if unit.composed or unit.head.pos_ not in ("VERB", "AUX"):
        return [unit]
    toks = unit.token_set()
    mods = _modifiers(doc, unit.head, toks)
    if not mods:
        return [unit]
    allmod = set().union(*map(set, mods))

    def without(drop: set[int]) -> list:
        out = [p for p in unit.pieces if not (isinstance(p, int) and p in drop)]
        # a comma that introduced a removed modifier
        return [p for k, p in enumerate(out) if not (isinstance(p, int) and doc[p].text == ","
                and (k + 1 == len(out) or isinstance(out[k + 1], int) and doc[out[k + 1]].is_punct))]

    core = without(allmod)
    core_toks = [doc[p] for p in core if isinstance(p, int)]
    if is_fragment(core_toks, min_tokens) or unit.head.i not in {p for p in core if isinstance(p, int)}:
        return [unit]
    out = [unit.copy(core)]
    if len(mods) == 1:
        out.append(unit)
    else:
        for m in mods:
            out.append(unit.copy(without(allmod - set(m))))
        if FULL_WITH_FACETS:
            out.append(unit)
    return out


FULL_WITH_FACETS = False  # measured: adding the full clause next to its facets lowers F1


def _np_pieces(doc, noun, toks: set[int], exclude: set[int]) -> list[int]:
    """The noun phrase headed by ``noun`` without its relative clauses/appositives."""
    a, b = _subtree_range(noun)
    drop = set(exclude)
    for c in noun.children:
        if c.dep_ in ("relcl", "appos", "acl") and c.i > noun.i:
            drop |= _subtree(c)
        if c.dep_ == "punct" and c.i > noun.i:
            drop.add(c.i)
        if c.dep_ in ("cc", "conj") and c.i > noun.i:
            drop |= _subtree(c)
    return [i for i in range(a, b) if i not in drop and doc[i].text not in ('"', "“", "”")]


def _side_units(doc, unit: _Unit, s: int, e: int) -> tuple[list[_Unit], set[int]]:
    """Propositions carried by relative clauses, appositives and titles inside a unit:
    the new units, and the tokens to cut from the unit itself (non-restrictive ones)."""
    toks = unit.token_set()
    side, cut = [], set()
    if unit.composed:
        return side, cut
    for i in sorted(toks):
        tok = doc[i]
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and tok.head.i in toks:
            noun = tok.head
            rel = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")), None)
            if rel is None:
                continue
            a, b = _subtree_range(tok)
            nonrestrictive = a - 1 >= s and doc[a - 1].text in (",", "(", "—", "--") and rel.lower_ != "that"
            if not nonrestrictive or noun.pos_ == "PRON" or noun.lower_ in RELATIVE_VAGUE:
                # "those who ask for details": the clause restricts its noun and says nothing
                # on its own ("those ask for details")
                continue
            near = doc[a - 2] if a - 2 >= s and doc[a - 1].text == "," else None
            if near is not None and near.pos_ in ("NOUN", "PROPN") and near.i in _subtree(noun) and near is not noun:
                # "any role for Kyiv or Europeans, who fear ...": the nearest noun is meant
                np_ = [j for j in range(near.left_edge.i, near.i + 1) if j in toks]
            else:
                np_ = _np_pieces(doc, noun, toks, set())
            pieces = np_ + [j for j in range(a, b) if j != rel.i and j in toks]
            side.append(unit.copy(pieces, head=tok, kind="relative", quote_kind=unit.quote_kind))
            if doc[a - 1].text == ",":
                cut |= set(range(a - 1, b))
                if b < e and doc[b].text == ",":
                    cut.add(b)
        elif tok.dep_ == "appos" and tok.head.pos_ in ("PROPN", "NOUN") and tok.head.i in toks:
            noun = tok.head
            a, b = _subtree_range(tok)
            if not (a - 1 >= s and doc[a - 1].text in (",", "(")):
                continue
            app = [j for j in range(a, b) if j in toks and not (doc[j].dep_ == "punct" and j in (a, b - 1))]
            if not app:
                continue
            np_ = _np_pieces(doc, noun, toks, set(range(a, b)))
            if not np_:
                continue
            age = len(app) == 1 and doc[app[0]].like_num
            verb = "is"
            pieces = np_ + [verb] + app + (["years old"] if age else [])
            side.append(unit.copy(pieces, head=tok, kind="appositive", composed=True))
            cut |= set(range(a - 1, b))
            if b < e and doc[b].text in (",", ")"):
                cut.add(b)
        elif tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and tok.dep_ == "compound" or (
                tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN"):
            # "club owner Mike Ashley" -> "Mike Ashley is club owner"
            ent = next((x for x in doc.ents if x.start == tok.i), None)
            if ent is None:
                continue
            j = ent.start - 1
            title = []
            while j >= s and j in toks and doc[j].dep_ in ("compound", "amod", "nmod") and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") \
                    and doc[j].ent_type_ != "PERSON" and doc[j].head.i >= ent.start - 1:
                title.insert(0, j)
                j -= 1
            if not title or not any(doc[t].pos_ == "NOUN" for t in title) or doc[title[-1]].tag_ == "NNS":
                continue
            name = [k for k in range(ent.start, ent.end) if doc[k].text not in ("'s", "’s")]
            side.append(unit.copy(name + ["is"] + title, head=ent.root, kind="title", composed=True))
    return side, cut


def _render(doc, pieces, subs: dict[int, str]) -> str:
    marks = [p for p in pieces if isinstance(p, int) and doc[p].text in ('"', "“", "”", "«", "»")]
    if len(marks) % 2:
        subs = dict(subs)
        for p in marks:
            subs[p] = ""
    out = []
    prev = None
    for p in pieces:
        if isinstance(p, int):
            t = subs.get(p, doc[p].text)
            if t == "":
                prev = p
                continue
            if out:
                if isinstance(prev, int) and prev == p - 1:
                    sep = doc[prev].whitespace_
                    if prev in subs and subs[prev] == "":
                        sep = " "
                else:
                    sep = "" if doc[p].text in NO_SPACE_BEFORE else " "
                out.append(sep)
            out.append(t)
        else:
            if out:
                out.append(" ")
            out.append(p)
        prev = p
    return "".join(out).strip()


def _spans(doc, offset: int, pieces) -> list[tuple[int, int]]:
    idx = sorted({p for p in pieces if isinstance(p, int)})
    spans: list[list[int]] = []
    for i in idx:
        t = doc[i]
        a, b = offset + t.idx, offset + t.idx + len(t.text)
        if spans and spans[-1][2] == i - 1:
            spans[-1][1] = b
            spans[-1][2] = i
        else:
            spans.append([a, b, i])
    return [(a, b) for a, b, _ in spans]


def _fields(doc, idx: list[int], published_at) -> dict:
    toks = [doc[i] for i in sorted(idx)]
    negated = any(t.dep_ == "neg" or t.lower_ in ("never", "no longer") for t in toks)
    hedge = next((t.lower_ for t in toks if t.lower_ in HEDGES and (t.tag_ == "MD" or t.pos_ in ("ADV", "ADJ") or t.lower_ in ("reported", "alleged") and t.dep_ == "amod")), None)
    ents, dates = [], []
    lo, hi = (toks[0].i, toks[-1].i + 1) if toks else (0, 0)
    iset = set(idx)
    future = any(t.lower_ in ("will", "'ll", "shall") or t.tag_ == "MD" and t.lower_ == "would" for t in toks)
    for ent in doc.ents:
        if ent.start >= lo and ent.end <= hi and ent.label_ in ENTITY_LABELS and ent.start in iset:
            label = f"{ent.label_}:{ent.text}"
            if label not in ents:
                ents.append(label)
            if ent.label_ == "DATE":
                d = resolve_date(ent.text, published_at, future=future)
                if d and d not in dates:
                    dates.append(d)
    return {
        "polarity": "negative" if negated else "positive",
        "hedge": hedge,
        "numbers": extract_numbers(toks),
        "entities": ents,
        "dates": dates,
    }


def checkworthiness(c: Claim) -> float:
    """0..1: how worth tracking a claim is (specific, verifiable, attributed; not hedged
    chatter in the first person). A transparent sum of cues, not a trained model."""
    score = 0.35
    if c.numbers:
        score += 0.2
    named = [e for e in c.entities if not e.startswith("DATE:")]
    if named:
        score += 0.15
    if c.dates:
        score += 0.1
    if c.speaker:
        score += 0.05
    if c.hedge:
        score -= 0.1
    words = c.text.split()
    if len(words) < 5:
        score -= 0.1
    elif len(words) > 45:
        score -= 0.05
    low = {w.lower().strip(",.") for w in words}
    if low & {"i", "we", "you", "me", "us", "my", "our"} and c.quote_kind in ("direct", "none"):
        score -= 0.15
    if c.kind in ("title", "appositive"):
        score -= 0.05
    return round(max(0.0, min(1.0, score)), 2)


DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s+")


def _skip_dateline(doc, s: int, e: int) -> int:
    """Skip a wire dateline such as "RIYADH (Civic Wire) - " at a sentence start."""
    m = DATELINE.match(doc[s:e].text)
    if not m:
        return s
    end_char = doc[s].idx + m.end()
    while s < e and doc[s].idx < end_char:
        s += 1
    return s


def quoted_tokens(doc, s: int, e: int) -> set[int]:
    """Token indices of [s, e) inside double quotation marks (a speaker's own words)."""
    out: set[int] = set()
    inside = False
    for t in doc[s:e]:
        if t.text in ("“", "«"):
            inside = True
        elif t.text in ("”", "»"):
            inside = False
        elif t.text == '"':
            inside = not inside
        elif inside:
            out.add(t.i)
    return out


def _mentioned(doc, pieces, upto: int, ctx: resolve.Context, people_spans) -> set[str]:
    """Canonical names of the people already named in the claim before piece ``upto``."""
    toks = {p for p in pieces[:upto] if isinstance(p, int)}
    out = set()
    for ent, text, _ in people_spans:
        if ent.start in toks:
            out.add(ctx.canonical(text) or text)
    return out


def _resolution_subs(doc, pieces, s: int, e: int, ctx: resolve.Context, *, quoted: set[int] = frozenset(),
                     direct: bool = False, speaker: str | None = None, people_spans=(),
                     kept: set[int] | None = None) -> dict[int, str]:
    """Names for the pronouns and descriptions of a claim: only certain ones, never inside
    a quotation (the speaker's words), and a person once per claim -- a later pronoun for a
    person the claim (or its speaker) already names stays a pronoun."""
    subs: dict[int, str] = {}
    if direct:
        return subs
    idx = sorted(p for p in pieces if isinstance(p, int))
    pos = {p: k for k, p in enumerate(pieces) if isinstance(p, int)}
    done: set[int] = set()
    named: set[str] = set()  # people the claim already names, by a substitution

    def base(name: str) -> str:
        return name.removesuffix("'s")

    def already(i: int, name: str) -> bool:
        have = named | _mentioned(doc, pieces, pos[i], ctx, people_spans)
        if speaker:
            have.add(ctx.canonical(speaker) or speaker)
        return any(base(name) == h or base(name).split()[-1:] == h.split()[-1:] and
                   (ctx.canonical(h) or h) == base(name) for h in have)

    for i in idx:
        if i in done or i in quoted:
            continue
        tok = doc[i]
        if tok.lower_ in resolve.PRONOUNS and tok.pos_ == "PRON" or tok.lower_ in ("his", "her") and tok.dep_ == "poss":
            name = resolve.resolve_pronoun(ctx, doc, tok, s, e)
            if not name or i == idx[-1]:  # a claim-final pronoun keeps its wording (its span ends there)
                continue
            if already(i, name):
                named.add(base(name))
                if kept is not None:
                    kept.add(i)
                continue
            subs[i] = name
            named.add(base(name))
            continue
        span = resolve.description_span(tok) if tok.pos_ == "NOUN" else None
        if span is None:
            continue
        a, b = span
        if not all(j in pieces for j in range(a, b)) or any(j in quoted for j in range(a, b)):
            continue
        name = resolve.resolve_description(ctx, tok)
        if not name or " and " not in name and already(a, name):
            continue
        named.add(base(name))
        # "the official" -> "Yuri Ushakov"; a possessive stays one ("the official's" keeps 's)
        if b - 1 == idx[-1]:
            # claim-final: "between Vladimir Putin and Donald Trump, the two leaders", so the
            # claim still ends with its evidence
            subs[a] = f"{name}, {doc[a].text}"
            for j in range(a + 1, b):  # kept as worded, but not typed again ("two" is no quantity)
                subs[j] = doc[j].text
            done |= set(range(a, b))
            continue
        subs[a] = name
        for j in range(a + 1, b):
            subs[j] = ""
        done |= set(range(a, b))
    return subs


def _resolve_speaker(doc, speaker_tok_text: str | None, sent_people, ctx: resolve.Context, s: int, e: int):
    """(resolved speaker, person name for the context) for a speaker mention."""
    if not speaker_tok_text:
        return None, None
    low = speaker_tok_text.lower()
    canon = ctx.canonical(speaker_tok_text) if speaker_tok_text[:1].isupper() else None
    for _, text, roles in sent_people:
        if speaker_tok_text == text or (speaker_tok_text.endswith(" " + text) and not re.search(r"\b(for|of|to|from|with)\b|'s |’s ", speaker_tok_text)):
            name = ctx.canonical(text) or text
            return name, name
    if canon and any(p.name == canon for p in ctx.people):
        return canon, canon
    if low in resolve.PRONOUNS:
        for t in doc[s:e]:
            if t.text == speaker_tok_text and t.pos_ == "PRON":
                name = resolve.resolve_pronoun(ctx, doc, t, s, e)
                return (name or speaker_tok_text), name
        return speaker_tok_text, None
    # a definite description: find its head noun inside the sentence
    for t in doc[s:e]:
        span = resolve.description_span(t)
        if span and doc[span[0]:span[1]].text == speaker_tok_text.strip():
            name = resolve.resolve_description(ctx, t)
            if name:
                return name, name
    return speaker_tok_text, None


def _claims_of_doc(doc, offset: int, sentence_base: int, min_tokens: int, dropped: Counter,
                   ctx: resolve.Context, published_at=None, title_key: str | None = None,
                   atomic: bool = False) -> tuple[list[Claim], int]:
    claims: list[Claim] = []
    n = 0
    for s, e in sentence_spans(doc):
        sidx = sentence_base + n
        n += 1
        sentence = doc[s:e].text
        reason = drop_reason(sentence)
        if reason is None and title_key and normalise_title(sentence) == title_key:
            reason = "headline"
        if reason:
            dropped[reason] += 1
            continue
        s = _skip_dateline(doc, s, e)
        if s >= e:
            dropped["fragment"] += 1
            continue
        root = doc[s:e].root
        sent_people = resolve.person_spans(doc, s, e, ctx)
        for ent, text, roles in sent_people:
            ctx.add_person(text, roles, resolve.gender_of(doc, ent, s))
        quoted = quoted_tokens(doc, s, e)
        units: list[_Unit] = []
        attributed = _attribute(doc, s, e, root)
        # the speaker's own relative clauses and titles ("Visual journalist Anna Erickson,
        # who photographed the community, said ...") are claims too
        spk = _speaker_tok(root) if attributed and attributed[0].speaker else None
        if spk is not None:
            sa, sb = _subtree_range(spk)
            units.extend(_side_units(doc, _Unit(_range(sa, sb), spk), s, e)[0])
        for unit in attributed:
            for u in _split_coordination(doc, unit):
                side, cut = _side_units(doc, u, s, e)
                if cut:
                    u = u.copy([p for p in u.pieces if not (isinstance(p, int) and p in cut)])
                for w in _split_lists(doc, u):
                    units.extend(_facets(doc, w, min_tokens) if atomic else [w])
                for v in side:
                    units.extend(_split_lists(doc, v) if v.kind == "relative" else [v])
        kept = 0
        problems = sum(dropped.values())
        speaker_person = None
        seen_text: set[str] = set()
        for unit in units:
            pieces = _trim_pieces(doc, unit.pieces)
            idx = [p for p in pieces if isinstance(p, int)]
            if not idx:
                continue
            if unit.composed:
                words = [doc[i] for i in idx if doc[i].is_alpha or doc[i].like_num]
                if len(words) < 2:
                    continue
            elif is_fragment([doc[i] for i in idx], min_tokens):
                continue
            pieces, problem, aside = _repair(doc, unit, pieces)
            if problem:
                dropped[problem] += 1
                continue
            if aside is not None and not unit.speaker:  # "The real problem, he said, is ..."
                unit = unit.copy(speaker=_speaker_text(aside[0]), cue=aside[1],
                                 quote_kind="direct" if unit.quote_kind == "direct" or pieces and any(
                                     p in quoted for p in pieces if isinstance(p, int)) else "indirect")
            idx = [p for p in pieces if isinstance(p, int)]
            speaker, person = _resolve_speaker(doc, unit.speaker, sent_people, ctx, s, e)
            direct = unit.quote_kind == "direct"
            kept_pron: set[int] = set()
            subs = _resolution_subs(doc, pieces, s, e, ctx, quoted=quoted, direct=direct,
                                    speaker=person or (ctx.canonical(speaker) if speaker and speaker[:1].isupper() else None),
                                    people_spans=sent_people, kept=kept_pron)
            original = _render(doc, pieces, {})
            text = _render(doc, pieces, subs)
            problem = claim_problem(doc, [p for p in pieces if isinstance(p, int)], subs, quoted | kept_pron,
                                    speaker=speaker, speaker_resolved=person is not None or speaker != unit.speaker,
                                    direct=direct)
            if problem:
                dropped[problem] += 1
                continue
            if text in seen_text:
                continue
            seen_text.add(text)
            speaker_person = speaker_person or person
            spans = _spans(doc, offset, pieces)
            if unit.composed:  # "X is Y" built from two places: the evidence covers both
                main = (spans[0][0], spans[-1][1])
            else:  # from the largest piece (not a carried-over subject) to the claim's end
                big = max(spans, key=lambda sp: sp[1] - sp[0])
                main = (big[0], max(big[1], spans[-1][1]))
            claim = Claim(
                text=text,
                char_start=main[0],
                char_end=main[1],
                sentence_idx=sidx,
                speaker=speaker,
                cue=unit.cue,
                quote_kind=unit.quote_kind if unit.speaker or unit.cue else "none",
                spans=spans,
                original_text=original,
                speaker_mention=unit.speaker,
                kind=unit.kind,
                **_fields(doc, [i for i in idx if i not in subs], published_at),
            )
            for name in dict.fromkeys(v for v in subs.values() if v):
                for part in name.removesuffix("'s").split(" and "):
                    if f"PERSON:{part}" not in claim.entities:
                        claim.entities.append(f"PERSON:{part}")
            claim.checkworthiness = checkworthiness(claim)
            claims.append(claim)
            kept += 1
        resolve.update(ctx, doc, s, e, speaker_person)
        if not kept and sum(dropped.values()) == problems:  # nothing kept, no claim-level reason counted
            dropped["fragment"] += 1
    return claims, n


def extract_many(texts: Sequence[str], *, min_tokens: int = 4, batch_size: int = 64,
                 published_at: Sequence | None = None, titles: Sequence[str | None] | None = None,
                 granularity: str = "clause") -> list[Extraction]:
    """Extract claims from many article texts at once (one spaCy ``pipe`` over all paragraphs).

    ``published_at`` (one per text, datetime/ISO string/None) resolves relative dates;
    ``titles`` (one per text) drops a body sentence that repeats the headline.
    ``granularity``: "clause" (default, what the pipeline stores) gives one claim per
    proposition-bearing clause (coordinated clauses and lists split, relative clauses,
    appositives and titles as claims of their own); "atomic" also splits each clause into
    its core and one claim per optional modifier ("X met Y" + "X met Y in Riyadh" + "X met
    Y on Tuesday"), the granularity of atomic-fact benchmarks."""
    if granularity not in ("clause", "atomic"):
        raise ValueError("granularity must be 'clause' or 'atomic'")
    nlp = get_nlp()
    results = [Extraction(claims=[], n_sentences=0) for _ in texts]
    counters = [Counter() for _ in texts]
    contexts = [resolve.Context() for _ in texts]
    keys = [normalise_title(t) if t else None for t in (titles or [None] * len(texts))]
    pubs = list(published_at) if published_at is not None else [None] * len(texts)
    for ti, para, doc in iter_docs(nlp, texts, batch_size=batch_size):
        res = results[ti]
        claims, n = _claims_of_doc(doc, para.offset, res.n_sentences, min_tokens, counters[ti],
                                   contexts[ti], pubs[ti], keys[ti], granularity == "atomic")
        res.claims.extend(claims)
        res.n_sentences += n
    for res, counter in zip(results, counters):
        res.dropped = dict(counter)
    return results


def extract_claims(text: str, *, min_tokens: int = 4, published_at=None, title: str | None = None,
                   granularity: str = "clause") -> list[Claim]:
    """Claims of one article text, each with its exact char span(s) in ``text``."""
    return extract_many([text], min_tokens=min_tokens, published_at=[published_at], titles=[title],
                        granularity=granularity)[0].claims
