"""Attribution: who says (believes, intends, ...) a clause, with which cue, in whose words.

The cue lexicon (``cues``: speech / belief / intention / other) is combined with the
dependency patterns that show an attribution:

- "X said (that) ...", "X thinks ...", "X has learned ...": a cue verb with a subject and
  a content clause (ccomp/parataxis); "…, The Post has learned", "…, prosecutors say": the
  cue after its content; "\"...,\" added X": the inverted subject;
- "X did A and said B": a cue verb conjoined with another verb; X owns B, A stays a claim;
- "X vowed to Y" (a commissive with an infinitive) -> "X will Y", cue "vowed", intention;
- "according to X", "X described Y as Z" / "X called Y Z" (-> "Y is Z"), "..., noting that
  ...", and reporting asides left inside a clause ("The real problem, he said, is ...");
- quotes split over sentences of a paragraph ("\u201cA. B,\u201d she said.", "She said: \u201cA. B.\u201d"):
  each quoted sentence gets the quote's speaker; an "I think" inside a quotation is the
  quoted speaker's own words (the outer speaker owns the claim).

A speaker is a person, an organisation or a description of one: never a clause, a
condition ("if she's elected"), a dash aside or dateline debris; when none fits, the
claim is left unattributed."""

from __future__ import annotations

import re

from claimtrack.claims import cues
from claimtrack.claims.quotes import inner_quotes, nested, quote_kind_of, quote_regions, wholly_quoted
from claimtrack.claims.reported_content import (CLAIM_NOUNS, DIRECTIVES, _subordinate, clause_head, content_units,
                                                nominal_units, participle_owner, verb_units)
from claimtrack.claims.speakers import (_speech_verb, find_speaker, paragraph_speaker, quote_attribution, speaker_text,
                                        valid_speaker)
from claimtrack.claims.speech_words import (ASIDE_VERBS, CLAUSE_CUES, DESCRIBE_VERBS, FIRST_SECOND, SAY_VERBS,
                                            SPEECH_CUES, SPEECH_VERBS, cue_text, is_cue, lem)
from claimtrack.claims.units import Unit, range_, subtree, subtree_range

# The attribution rules live in modules of their own (``speech_words``, ``quotes``, ``speakers``,
# ``reported_content``, ``speaker_pronouns``); the names the other claim modules import from
# here are re-exported.
from claimtrack.claims.filters import QUOTES  # noqa: F401  (re-exported)
from claimtrack.claims.quotes import quoted_tokens  # noqa: F401  (re-exported)
from claimtrack.claims.speaker_pronouns import (bound_pronouns, carried_listener, epithet_speaker,  # noqa: F401
                                                not_a_speaker, pronoun_speaker)


def discourse_phrases(doc, s: int, e: int) -> tuple[set[int], object]:
    """"That said, ...", "This said, ...", "Having said that, ...", "That being said, ...": a
    form of "say" whose only arguments are a demonstrative and auxiliaries, followed by a
    comma, is a discourse connective, no cue: (its tokens with the comma, the clause head
    that replaces it when the parse made it the root) -- (set(), None) when there is none."""
    cut: set[int] = set()
    head = None
    for v in doc[s:e]:
        if v.lower_ != "said" or v.i + 2 >= e:
            continue
        kids = list(v.children)
        demo = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in ("that", "this") and c.tag_ == "DT"]
        rest = [c for c in kids if c not in demo and c.dep_ not in ("aux", "auxpass", "punct", "cc", "ccomp", "conj")]
        if len(demo) != 1 or rest or any(c.dep_ in ("aux", "auxpass") and c.lower_ not in ("having", "being") for c in kids):
            continue
        lo = min([v.i] + [c.i for c in kids if c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj")])
        hi = max([v.i] + [c.i for c in kids if c.dep_ == "dobj"]) + 1
        if doc[hi].text != "," or lo > s and not (doc[lo - 1].is_punct or doc[lo - 1].dep_ == "cc"):
            continue  # (opening its clause: at the sentence start, after a quotation mark, a comma or "but")
        if lo > s and doc[lo - 1].text in ("\u201c", '"', "``", "''"):
            lo -= 1  # (with the opening mark: a quotation that opens on it opens on what follows)
        cut |= set(range(lo, hi + 1))
        if v.dep_ == "ROOT":
            head = next((c for c in kids if c.dep_ in ("ccomp", "conj") and c.i > hi), None)
        break
    return cut, head


def attribute(doc, s: int, e: int, root) -> list[Unit]:
    """Split a sentence into content units with their speakers; a sentence inside a quote
    that spans several sentences gets the quote's speaker; a sentence of a paragraph that is
    someone's words as a whole (``paragraph_speaker``) gets that speaker."""
    units = _attribute(doc, s, e, root)
    if any(t.lower_ in CLAIM_NOUNS for t in doc[s:e]):
        units = units + nominal_units(doc, s, e)
    inner = [r for r in inner_quotes(doc) if r[0] < e and r[1] > s]
    if inner:
        # (a claim that holds the inner cue -- "when we began, she said, 'A" -- is the outer
        # speaker's report of what was said, and stays whole)
        out = []
        for u in units:
            toks = u.token_set()
            cut = [(lo, hi) for lo, hi, cue_i in inner if cue_i not in toks]
            out.append(u.copy([p for p in u.pieces if not (isinstance(p, int) and any(lo <= p < hi for lo, hi in cut))])
                       if cut and any(lo <= i < hi for i in toks for lo, hi in cut) else u)
        units = out
    return units


CONTRAST_MARKS = {"while", "although", "though", "whereas"}


def swallowed_main(doc, s: int, e: int, root) -> bool:
    """"While X said A B show that C": a cue in a contrasting subordinate clause whose content
    ran on to the sentence's end, leaving no main clause outside it (the parse glued the main
    clause into what X said, for want of a comma): the content cannot be told apart."""
    if root.pos_ in ("VERB", "AUX"):
        return False
    for t in root.children:
        if t.dep_ == "advcl" and lem(t) in SPEECH_CUES and any(
                c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in t.children):
            inside = set(subtree(t))
            return all(doc[i].is_punct or doc[i].pos_ in ("CCONJ", "ADV", "SPACE") for i in range(s, e) if i not in inside)
    return False


def _attribute(doc, s: int, e: int, root) -> list[Unit]:
    if swallowed_main(doc, s, e, root):
        return []
    units = [_cut_trailing_cue(doc, u) for u in attribute_sentence(doc, s, e, root)]
    units = [_past_bracket(doc, u, s, e) for u in units]
    covered = set().union(*(u.token_set() for u in units)) if units else set()
    for r in doc[s:e]:
        # a tree after a bracket that no clause went on with (see ``_past_bracket``) is read
        # as the sentence it was parsed as
        if r.dep_ == "ROOT" and r.i != root.i and r.i not in covered and s < r.left_edge.i and doc[r.left_edge.i - 1].text in (")", "]"):
            units += [_cut_trailing_cue(doc, u) for u in attribute_sentence(doc, r.left_edge.i, min(r.right_edge.i + 1, e), r)]
    if any(t.lower_ == "said" for t in doc[s:e]):
        connective, head = discourse_phrases(doc, s, e)
        if connective:
            units = [u.copy([p for p in u.pieces if not (isinstance(p, int) and p in connective)],
                            head=head if head is not None and u.head.i in connective else None) for u in units]
    para = paragraph_speaker(doc)
    if para is not None and para[0] and para[3] < e and s < para[4]:
        name, cue, cut, _, _ = para
        if cut:
            units = [u.copy([p for p in u.pieces if not (isinstance(p, int) and p in cut)]) for u in units]
        if not any(u.speaker for u in units):
            return [u.copy(speaker=name, cue=cue, quote_kind="direct") for u in units]
    if any(u.speaker and u.speaker.lower() not in FIRST_SECOND for u in units):
        return units
    # (a cue whose speaker is "I"/"we" inside a quotation is the quote speaker's own report:
    # the rest of the sentence is still the quote speaker's words)
    inherited = quote_attribution(doc, s, e)
    if inherited is None:
        if units and not any(u.speaker for u in units) and wholly_quoted(doc, s, e):
            return []  # someone's quoted words, the paragraph does not say whose: no fact of the narrator's
        return units
    tok, cue = inherited
    speaker = speaker_text(tok)
    if s <= tok.i < e:
        # "\u201cMotives matter, and I think A,\u201d Woodhouse said.": the cue and its speaker are in
        # the sentence (the parse found no reported clause): only the quotation is the claim
        region = next(((a, b) for a, b in quote_regions(doc) if a < tok.i and b > s and not a < tok.i < b
                       and any(a < i < b for i in range(s, e))), None)
        if region is None:
            return units
        units = [u.copy([p for p in u.pieces if not isinstance(p, int) or region[0] < p < region[1]]) for u in units]
    return [u if u.speaker else u.copy(speaker=speaker, cue=cue, quote_kind="direct") for u in units]


def _past_bracket(doc, unit: Unit, s: int, e: int) -> Unit:
    """"... it looks like (Libyan strongman Moammar) Gadhafi is going to beat ...": where the
    parse ended a tree at a closing bracket inside the sentence (see ``segment.sentence_spans``),
    a clause that runs up to the bracket goes on with the tree after it."""
    toks = unit.token_set()
    if not toks:
        return unit
    j = max(toks)
    if doc[j].text not in (")", "]") or j + 1 >= e or doc[j + 1].dep_ != "ROOT" and doc[j + 1].head.dep_ != "ROOT":
        return unit
    nxt = doc[j + 1] if doc[j + 1].dep_ == "ROOT" else doc[j + 1].head
    if nxt.left_edge.i != j + 1 or nxt.right_edge.i >= e or nxt.i == unit.head.i:
        return unit
    return unit.copy(unit.pieces + [i for i in range(j + 1, nxt.right_edge.i + 1) if i not in toks])


def _leading_frame(doc, toks: set[int], cut: set[int]) -> set[int]:
    """"At another point, Mr. X said, “We assume ...”": when the aside's cut is followed by
    the opening mark of the quotation, the scene-setting phrase before it (no verb, outside
    every quotation) is no part of the quoted words: its tokens, or an empty set."""
    lo, hi = min(cut), max(cut)
    after = [i for i in sorted(toks) if i > hi]
    lead = [i for i in sorted(toks) if i < lo]
    if not after or not lead or doc[after[0]].text not in ("\u201c", '"', "``", "''") or doc[after[0]].i != after[0]:
        return set()
    regions = quote_regions(doc)
    if not any(a == after[0] for a, _ in regions):
        return set()
    words = [i for i in lead if not doc[i].is_punct]
    if not words or len(words) > 8 or any(doc[i].pos_ in ("VERB", "AUX") for i in words) \
            or any(a <= i <= b for i in lead for a, b in regions):
        return set()
    tops = [doc[i] for i in words if doc[i].head.i not in lead or doc[i].head.i == i]
    if not tops or any(t.dep_ not in ("prep", "advmod", "npadvmod") for t in tops):
        return set()  # ("The savings, she said, “do not cut ...”": the quotation's subject stays)
    return set(lead)


def _cut_trailing_cue(doc, unit: Unit) -> Unit:
    """"X said, “A,” said X.": a repeated inverted cue after the quotation's closing mark
    ("said the senator") is no part of the attributed content."""
    if not unit.speaker:
        return unit
    idx = [p for p in unit.pieces if isinstance(p, int)]
    q = next((i for i in reversed(idx) if doc[i].text in ("”", '"', "''")), None)
    if q is None or q == idx[-1] or q - 1 < 0 or doc[q - 1].text != ",":
        return unit
    tail = [i for i in idx if i > q]
    verbs = [i for i in tail if lem(doc[i]) in SPEECH_VERBS and doc[i].pos_ == "VERB"]
    if not verbs or verbs[0] != tail[0] or any(
            doc[i].pos_ in ("VERB", "AUX") and i != verbs[0] or doc[i].text in ("“",) for i in tail):
        return unit  # only "said NAME" after the quotation
    cut = set(tail) | {q - 1}
    return unit.copy([p for p in unit.pieces if not (isinstance(p, int) and p in cut)])


def as_aside_units(doc, s: int, e: int, root) -> list[Unit]:
    """"Hawaii, as one of Mr. Obama's advisers pointed out, rarely gets two hurricanes" /
    "As the Post reported Monday, the company ...": an "as" aside names the speaker; the
    rest of the sentence is the content."""
    for t in doc[s:e]:
        if t.lower_ != "as" or not (t.i == s or doc[t.i - 1].text == ","):
            continue
        v = next((x for x in doc[t.i + 2:min(t.i + 12, e)] if x.pos_ == "VERB"), None)
        if v is None or not is_cue(v, SAY_VERBS | {"report", "point", "write", "tweet", "put"}):
            return []
        words = doc[t.i + 1:v.i]
        if not any(w.pos_ in ("NOUN", "PROPN") for w in words) or any(w.pos_ in ("VERB", "AUX") for w in words):
            return []
        j = v.i + 1
        if lem(v) == "put":  # "as X put it" / "as X put it bluntly" (no other "put")
            if j >= e or doc[j].lower_ != "it":
                return []
            j += 1
            if j < e and doc[j].pos_ == "ADV" and doc[j].lower_.endswith("ly"):
                j += 1
        while j < e and (doc[j].dep_ in ("prt", "npadvmod") or doc[j].ent_type_ in ("DATE", "TIME")):
            j += 1  # "pointed out", "reported Monday"
        if j >= e or doc[j].text != ",":
            return []  # "as officials said the storm was near": no aside
        if root.i > j and is_cue(root, SAY_VERBS) and any(c.dep_ == "nsubj" and c.i > j for c in root.children):
            return []  # "As the Post reported, A, a spokesman said": the sentence's own cue speaks
        speaker = re.sub(r"\s+", " ", words.text).strip(" ,")
        cue = "as " + " ".join(x.text for x in doc[v.i:j] if x.dep_ == "prt" or x.i == v.i or x.i == v.i + 1 and lem(v) == "put")
        pieces = [i for i in range(s, e) if not (t.i - (0 if t.i == s else 1) <= i <= j)]
        if len([i for i in pieces if doc[i].is_alpha]) < 4:
            return []
        inside = set(pieces)
        head = root if root.i in inside else next(
            (doc[i] for i in pieces if doc[i].pos_ in ("VERB", "AUX") and doc[i].head.i not in inside), root)
        # the parse may hang the subject on the cue ("Hawaii, as X pointed out, does not get"):
        # the claim is composed around the aside
        stolen = not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children) and any(
            doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i == v.i and doc[i].i < t.i for i in pieces)
        # ("As X put it, \u201cA.\u201d": a quotation after a leading aside is the speaker's own words)
        kind = quote_kind_of(doc, j + 1, e, s, e) if t.i == s and j + 1 < e else "indirect"
        return [Unit(pieces, head, speaker, cue, kind if kind == "direct" else "indirect", composed=stolen)]
    return []


LEAD_CUES = {"said", "says", "added", "adds"}
OPENING_MARKS = ("\u201c", '"', "``", "''")


def lead_cue_units(doc, s: int, e: int, root) -> list[Unit]:
    """"Said Ellis: \u201cI don't see it.\u201d": an inverted cue opening the sentence, a name (its
    words all proper nouns), a colon and a quotation to the sentence's end -- the quoted words
    are the name's (the parse makes the cue a part of the name and the quotation hang on it).
    Only a name: "Said the official:" names nobody."""
    if e - s < 6 or doc[s].lower_ not in LEAD_CUES or not doc[s].is_title or doc[s + 1].pos_ != "PROPN" \
            or doc[s].ent_type_:
        return []  # (a cue the tagger took into the name, "Said Ortega" a PERSON, is left as it was)
    colon = next((k for k in range(s + 2, min(s + 8, e)) if doc[k].text == ":"), None)
    if colon is None or colon + 3 >= e or doc[colon + 1].text not in OPENING_MARKS:
        return []
    name = doc[s + 1:colon]
    if not all(w.pos_ == "PROPN" or w.text in ("-", ".") and not w.whitespace_ for w in name):
        return []
    region = next(((a, b) for a, b in quote_regions(doc) if a == colon + 1), None)
    if region is None or region[1] < e - 2:
        return []  # (the quotation ends before the sentence does)
    pieces = range_(colon + 2, min(region[1], e))
    inside = set(pieces)
    head = next((doc[i] for i in pieces if doc[i].pos_ in ("VERB", "AUX") and doc[i].head.i not in inside), None)
    if head is None:
        return []
    return [Unit(pieces, head, re.sub(r"\s+", " ", name.text), doc[s].lower_, "direct")]


def attribute_sentence(doc, s: int, e: int, root) -> list[Unit]:
    aside = as_aside_units(doc, s, e, root) or lead_cue_units(doc, s, e, root)
    if aside:
        return aside
    # "according to X" anywhere in the sentence.
    for tok in doc[s:e]:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < e and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None) if to is not None else None
            if pobj is None and tok.i <= s + 1 and to is not None:
                # "According to engineer Paul Ortega, the bridge ...", the name parsed as the
                # subject: the words up to the comma are the speaker
                comma = next((j for j in range(to.i + 1, min(to.i + 12, e)) if doc[j].text == ","), None)
                words = doc[to.i + 1:comma] if comma is not None else None
                if words is not None and len(words) and any(w.pos_ in ("NOUN", "PROPN") for w in words) \
                        and not any(w.pos_ in ("VERB", "AUX") for w in words) and comma + 4 < e:
                    rest = range_(comma + 1, e)
                    inside = set(rest)
                    head = next((doc[i] for i in rest if doc[i].pos_ in ("VERB", "AUX") and doc[i].head.i not in inside
                                 or doc[i].i == root.i), root)
                    stolen = not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in inside for c in head.children)
                    return [Unit(rest, head, words.text, "according to", quote_kind_of(doc, comma + 1, e, s, e),
                                 composed=stolen)]
            if pobj is None or _quoted_source(doc, tok, s, e):
                continue
            if tok.i > s + 1 and any(x.dep_ == "relcl" or x.pos_ in ("VERB", "AUX") and x.i < tok.i and any(
                    g.tag_ in ("WDT", "WP") and g.lower_ in ("which", "who") for g in x.children) for x in tok.ancestors):
                # "..., which classifies him as overweight according to his body mass index": the
                # source speaks to the relative clause, not to the sentence that carries it
                continue
            a, b = tok.i, pobj.right_edge.i + 1
            if tok.i <= s + 1:  # "According to X, the move ...": the parse may run X on past its comma
                comma = next((j for j in range(pobj.i + 1, b) if doc[j].text == ","), None)
                if comma is not None and comma + 1 < e and any(doc[j].pos_ in ("DET", "NOUN", "PROPN", "PRON")
                                                              for j in range(comma + 1, min(comma + 3, e))):
                    b = comma
            speaker = doc[pobj.left_edge.i : b].text
            if tok.i > s + 1 and any(c.dep_ == "appos" and doc[c.left_edge.i - 1].text == "," for c in pobj.children):
                # "..., according to Politico, part of the inquiry into ...": an appositive after
                # the source (often the parse's misreading of what the sentence adds) is no part of who
                speaker = speaker_text(pobj) or speaker
            if a - 1 >= s and doc[a - 1].text == ",":
                a -= 1
            if a <= s + 1:  # "According to X, ..."
                start = b + 1 if b < e and doc[b].text == "," else b
                if any(doc[j].lower_ in ("i", "we") and doc[j].dep_ in ("nsubj", "nsubjpass") and doc[j].head.i == root.i
                       for j in range(start, e)):
                    # "According to the Gazette, I just saw the reports ...": the source is not
                    # the "I" who speaks; its own cue, if any, names the speaker, else nobody
                    return attribute_verbal(doc, start, e, e, root) or [Unit(range_(start, e), root)]
                units = [Unit(range_(start, e), root, speaker, "according to", quote_kind_of(doc, start, e, s, e))]
            elif b >= e - 1 or not any(doc[j].pos_ in ("VERB", "AUX") for j in range(b, e)) and (doc[b].text == "," or any(
                    c.dep_ == "appos" and doc[c.left_edge.i - 1].text == "," for c in pobj.children)):
                # "..., according to X." (or "..., according to X, part of the inquiry into Y.": a
                # verbless appositive after it, which the parse did not hang on X)
                inner = attribute_verbal(doc, s, a, e, root)
                if inner:
                    return inner
                units = [Unit(range_(s, a), root, speaker, "according to", quote_kind_of(doc, s, a, s, e))]
            else:
                units = [Unit(range_(s, a) + range_(b, e), root, speaker, "according to", "indirect")]
            return units
    return attribute_verbal(doc, s, e, e, root) or embedded_units(doc, s, e, root) or noun_cue_units(doc, s, e, root) \
        or [Unit(range_(s, e), root)]


def noun_cue_units(doc, s: int, e: int, root) -> list[Unit]:
    """"(But) Trump claims that A" / "Trump charges that A" parsed with the cue as a plural noun
    (the sentence's root or the root's object): a name opening the sentence, the cue word
    right after it and "that" with a clause of its own subject after that: A, the name's."""
    if root.pos_ in ("VERB", "AUX"):
        return []
    first = s
    while first < e - 1 and (doc[first].pos_ == "CCONJ" or doc[first].is_space):
        first += 1
    c = next((t for t in doc[first + 1:min(first + 5, e)] if t.tag_ == "NNS" and (t.i == root.i or t.head.i == root.i and t.dep_ == "dobj")), None)
    if c is None or c.i + 2 >= e or doc[c.i + 1].lower_ != "that" or doc[c.i + 1].dep_ != "mark" \
            or cues.lemma_of(c.lower_) not in (SPEECH_CUES & CLAUSE_CUES) or cues.lemma_of(c.lower_) == c.lower_:
        return []
    who = doc[first:c.i]
    if not all(t.is_title and t.pos_ in ("PROPN", "NOUN") for t in who):
        return []
    if not (any(t.pos_ == "PROPN" for t in who) or len(who) == 1 and who[0].tag_ == "NN"):
        return []
    clause = doc[c.i + 1].head
    a, b = subtree_range(clause)
    if a != c.i + 1 or clause.pos_ not in ("VERB", "AUX") or not any(g.dep_ in ("nsubj", "nsubjpass", "expl") and g.i > a
                                                                       for g in clause.children):
        return []
    while b > a and doc[b - 1].is_punct and doc[b - 1].text not in QUOTES:
        b -= 1
    if any(not doc[j].is_punct for j in range(b, e)):
        return []  # (the clause runs to the sentence's end)
    # (a speaker only when it is someone the article names: "Fraud charges that ..." is no one)
    doc.user_data.setdefault("claimtrack_unsure_speakers", set()).add(clause.i)
    return [Unit(range_(a + 1, b), clause, who.text, c.text, quote_kind_of(doc, a + 1, b, s, e))]


def _quoted_source(doc, tok, s: int, e: int) -> bool:
    """Is the "according to X" at ``tok`` inside a quotation whose own speaker is known ("“We
    read the audit and now according to the county it fails,” Lopez said.")? Then X is named
    by the quote's speaker, within the quoted words, and takes no clause of the quotation from
    that speaker (the clause keeps "according to X" in its text)."""
    region = next(((a, b) for a, b in quote_regions(doc) if a < tok.i < b), None)
    if region is None:
        return False
    return _speech_verb(doc, range(s, e), region) is not None or quote_attribution(doc, s, e) is not None


def embedded_units(doc, s: int, e: int, root) -> list[Unit]:
    """A cue with its own subject inside a clause that is not one: "Mexico kept its cool,
    though a panel found the US was in breach", "Patriot filed in Richmond, where experts
    say judges move fast", "economists who argue that ...": the reported clause is the
    cue's speaker's; the rest of the sentence stays a claim of its own."""
    for v in doc[s:e]:
        # (an active subject: "when the diagnosis was confirmed" reports nobody's words)
        if v.i == root.i or v.dep_ not in ("advcl", "conj", "relcl", "parataxis") or v.tag_ == "VBG" \
                or not is_cue(v, CLAUSE_CUES) or not any(c.dep_ == "nsubj" for c in v.children):
            continue
        if v.dep_ == "relcl" and v.head.pos_ == "NOUN" and v.head.i < v.i and v.left_edge.i - 1 >= s \
                and doc[v.left_edge.i - 1].text not in (",", "(", "—", "--", "-") \
                and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in v.children) \
                and not any(c.dep_ == "expl" for c in v.head.head.children) \
                and not any(t.ent_type_ == "PERSON" and t.i < v.i for t in getattr(find_speaker(v), "subtree", ())):
            # "The paper found two workers who said they were fired": a say-verb inside a
            # restrictive relative clause tells which workers; it is no cue for the sentence,
            # which cut there ("The paper found two workers") says nothing. It stays whole. (Not
            # "the day the campaign announced ...", "a plan that aides say ...", whose cue has a
            # speaker of its own; nor "Carafano who said ...", a name's clause with its comma left
            # out, or "critics like Ms. Cole who said ...", whose clause is a named person's; nor
            # "There are economists who argue that ...", whose main clause only brings in the speaker.)
            continue
        units = verb_units(doc, v, s, e)
        if not units:
            continue
        cut = subtree(v)
        hi = max(cut)
        if any(a in cut and b > hi + 1 and any(doc[j].is_alpha for j in range(hi + 1, min(b, e))) for a, b in quote_regions(doc)):
            # "…, a civic group, which said it was “wrong to claim that water does not matter.”":
            # the parse ended the cue's clause inside the quotation it opens; cut there, the
            # quotation's tail is glued onto the main clause. The sentence stays whole.
            return [Unit(range_(s, e), root)]
        lo = min(cut)
        while lo - 1 >= s and doc[lo - 1].text in (",", "—", "--", "-") or lo - 1 >= s and doc[lo - 1].dep_ in ("cc", "mark") \
                and doc[lo - 1].head.i in (v.i, v.head.i) and lo - 1 not in cut:
            lo -= 1
            cut.add(lo)
        main = Unit([i for i in range(s, e) if i not in cut], root)
        return [main] + units
    return []


def inverted_aside_units(doc, s: int, e: int, root) -> list[Unit]:
    """"Her comments, said Josh Earnest, the press secretary, are consistent with ...": the
    parse makes "Her comments" the subject of "said" and the speaker the subject of the rest;
    the speaker is the name after the cue, the claim "Her comments are consistent with ..."."""
    if not is_cue(root, SAY_VERBS) or root.i - 1 < s or doc[root.i - 1].text != ",":
        return []
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subj is None or subj.pos_ == "PRON" and subj.lower_ not in ("it",):
        return []
    cc = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i and clause_head(c)), None)
    if cc is None:
        return []
    x = next((c for c in cc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if x is None:  # "The rules, said Senator Hale, are a gift": the name hangs on the cue
        x = next((c for c in root.children if c.dep_ in ("nsubj", "dobj", "npadvmod", "attr") and c.i > root.i), None)
    if x is None or x.left_edge.i != root.i + 1 or not valid_speaker(x) or x.i > cc.i:
        return []
    after = x.right_edge.i + 1  # (the comma closing the speaker may hang on it or not)
    if after < e and doc[after].text == ",":
        after += 1
    elif doc[after - 1].text != ",":
        return []
    inside = subtree(cc)
    sb = subj.right_edge.i + 1
    while sb > subj.i + 1 and doc[sb - 1].is_punct:
        sb -= 1
    pieces = range_(subj.left_edge.i, sb) + [i for i in range(after, e) if i in inside]
    if not any(doc[i].pos_ in ("VERB", "AUX") for i in range(after, e) if i in inside):
        return []
    return [Unit(pieces, cc, speaker_text(x), cue_text(root), quote_kind_of(doc, after, e, s, e), composed=True)]


def _subject_aside(doc, root, s: int, end: int):
    """A reporting aside between a cue's subject and the cue ("The poll, Smith said, shows
    ...", "That approach, Harlan continued, suggests ..."): (aside verb, its subject, the
    tokens to cut: the aside and its commas) or None."""
    for v in root.children:
        if v.i > root.i:
            break
        if v.dep_ != "parataxis" or v.pos_ != "VERB" or lem(v) not in ASIDE_VERBS or any(
                c.dep_ in ("neg", "ccomp", "dobj", "xcomp") for c in v.children):
            continue
        lo, hi = v.left_edge.i, v.right_edge.i  # (the commas around it, on it or not)
        lo = lo if doc[lo].text == "," else lo - 1
        hi = hi if doc[hi].text == "," else hi + 1
        if lo < s or hi >= end or doc[lo].text != "," or doc[hi].text != ",":
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < lo for c in root.children):
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
        if subj is None or not valid_speaker(subj):
            continue
        return v, subj, set(range(lo, hi + 1))
    return None


def _fronted_subject(doc, root, s: int, end: int):
    """"The savings, Ms. Hale said, “do not cut a single benefit.”" parsed with the cue as the
    root, the fronted subject hung on it and the rest as its xcomp: the subject and the rest
    are the content, Hale its speaker (a Unit), or None."""
    if root.pos_ != "VERB" or lem(root) not in ASIDE_VERBS:
        return None
    hi = root.i  # (with a phrase of its own: "X, Mr. Y said on Fox, was ...")
    for c in root.children:
        if c.dep_ == "prep" and c.i == hi + 1 and c.right_edge.i - c.i <= 4:
            hi = c.right_edge.i
    if hi + 2 >= end or doc[hi + 1].text != ",":
        return None
    # (the subject next to the cue: "That group, Mr. Y said": two subjects, Y the nearer)
    subj = max((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), key=lambda c: c.i, default=None)
    if subj is None or subj.pos_ != "PROPN" or not valid_speaker(subj):
        return None
    comma = subj.left_edge.i - 1
    front = next((c for c in root.children if c.dep_ in ("dep", "nsubj", "npadvmod") and c.i < comma
                  and c.left_edge.i == s and c.right_edge.i + 1 == comma and c.pos_ in ("NOUN", "PROPN")), None)
    rest = next((c for c in root.children if c.dep_ in ("xcomp", "ccomp") and c.i > hi + 1), None)
    if comma <= s or doc[comma].text != "," or front is None or rest is None or rest.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in ("dobj", "dative") for c in root.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in rest.children):
        return None
    pieces = list(range(s, comma)) + list(range(hi + 2, end))
    return Unit(pieces, rest, speaker_text(subj), cue_text(root), quote_kind_of(doc, hi + 2, end, s, end),
                composed=True)  # (its subject is not the head's in the parse)


# prepositions that give a cue its own object ("argued for the wall", "spoke about taxes")
ARGUED_FOR = {"for", "against", "about", "over", "with"}


def attribute_verbal(doc, s, end, e, root) -> list[Unit]:
    """"X said (that) ...", "\"...,\" added X", "..., prosecutors say", "X described Y as Z",
    "X vowed to Y", "X did A and said B"."""
    # A negated cue ("did not confirm that ...") asserts nothing about its content:
    # the whole sentence stays one (negative) claim.
    if root.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in root.children):
        return []
    inverted = inverted_aside_units(doc, s, e, root)
    if inverted:
        return inverted
    lemmas = CLAUSE_CUES | set(DESCRIBE_VERBS) | cues.COMMISSIVE | DIRECTIVES
    if is_cue(root, lemmas):
        aside = _subject_aside(doc, root, s, end)
        if aside is not None:
            # "That approach, Harlan said, shows that ...": the aside's speaker says the whole
            # clause; the cue's subject ("That approach") is no speaker, the aside no content
            v, subj, cut = aside
            pieces = [i for i in range(s, end) if i not in cut]
            return [Unit(pieces, root, speaker_text(subj), cue_text(v), quote_kind_of(doc, s, end, s, e))]
        fronted = _fronted_subject(doc, root, s, end)
        if fronted is not None:
            return [fronted]
        units = verb_units(doc, root, s, e)
        if units:
            # "X is telling A and says B": each conjoined cue reports its own clause
            for conj in root.children:
                if conj.dep_ == "conj" and conj.i > root.i and is_cue(conj, lemmas) and conj.tag_ != "VBG":
                    more = verb_units(doc, conj, s, e)
                    if more:
                        cut = subtree(conj)
                        units = [u.copy([p for p in u.pieces if not (isinstance(p, int) and p in cut)])
                                 for u in units] + more
            if all(u.kind == "participial" for u in units) and lem(root) not in ("tell", "ask") \
                    and any(c.dep_ == "dobj" for c in root.children):
                # "Ms. Hale posted a long message on Sunday, writing that ...": the cue reports
                # nothing itself; its clause is a claim of its own, as for any verb
                drop = set()
                for c in root.children:
                    if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and lem(c) in SPEECH_VERBS | set(DESCRIBE_VERBS):
                        drop |= subtree(c)
                units = [Unit([i for i in range(s, end) if i not in drop], root)] + units
            return [u for u in units if max(u.token_set(), default=s) < end] or units
    # "X appeared to suggest that ...", "X went on to explain that ...": the cue is the
    # infinitive, the speaker the subject of the verb it hangs off
    for x in root.children:
        if any(c.dep_ in ("dobj", "dative") and c.i < x.i for c in root.children):
            break  # "X urged Y to point out that ...": Y would point it out, not X
        if x.dep_ == "xcomp" and is_cue(x, CLAUSE_CUES) and any(g.tag_ == "TO" for g in x.children):
            spk = find_speaker(root)
            if spk is None or nested(doc, x, spk, s, e):
                continue
            units = content_units(doc, x, spk, s, e, cue=f"{cue_text(root)} to {x.text}")
            if units:
                return [u for u in units if max(u.token_set(), default=s) < end] or units
    # "X did A and said B": X owns B; "X did A" stays a claim of its own
    for conj in root.children:
        if conj.dep_ != "conj" or conj.i < root.i or not is_cue(conj, lemmas) or conj.tag_ == "VBG":
            continue
        units = verb_units(doc, conj, s, e)
        if not units:
            continue
        cut = subtree(conj)
        later = [c.right_edge.i for c in root.children if c.dep_ == "conj" and c.i > conj.i and c.pos_ in ("VERB", "AUX")]
        if later:
            # "The mayor is airing an ad that mocks the council, vows to “end the tax,” and attacks
            # the plan": with the cue cut out of the middle of a list of verbs, the verbs after it
            # ("…,” and attacks the plan") would be glued onto the first; they go with the cue
            cut |= set(range(conj.i, max(later) + 1))
        for c in root.children:  # the "and" (and a comma) before the conjoined cue
            if c.dep_ in ("cc", "punct") and c.i < conj.i and c.i > max((t.i for t in root.children if t.i < conj.i
                                                                         and t.dep_ not in ("cc", "punct")), default=root.i):
                cut.add(c.i)
        main = Unit([i for i in range(s, end) if i not in cut], root)
        return [main] + units
    # "Moschetto was arrested ..., prosecutors say" / "..., The Post has learned": the cue
    # hangs off the content
    for child in root.children:
        if (child.dep_ in ("parataxis", "advcl", "ccomp") and child.i > root.i
                and is_cue(child, cues.FINAL_CUES | SPEECH_VERBS)
                # ("…, the controversy grew when a paper reported the issue": a clause opened by
                # "when", "after", "because" tells when or why, never who said the main clause)
                and not _subordinate(child)
                and (child.tag_ in ("VBP", "VBZ", "VBD") or child.tag_ == "VBN" and any(
                    c.dep_ == "aux" and c.lemma_ == "have" for c in child.children))
                and not any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in child.children)
                # "… turned tense as the mayor argued for his budget": the cue has its own
                # object (what was argued for), so it reports nothing of the main clause
                and not any(g.dep_ == "prep" and g.i == child.i + 1 and g.lower_ in ARGUED_FOR for g in child.children)):
            spk = find_speaker(child)
            if spk is None or nested(doc, child, spk, s, e):
                continue
            a, b = subtree_range(child)
            kind = "indirect"
            if spk.dep_ == "conj":
                # ("“… should trouble every voter,” Chairman Dean Marsh said", see ``find_speaker``):
                # the quotation's last words, parsed as the cue's subject, stay in the content
                qb = next((qb for qa, qb in quote_regions(doc) if qa < spk.head.i < qb < spk.i and a <= qb), None)
                if qb is not None:
                    a = qb
                    kind = quote_kind_of(doc, s, qb + 1, s, e)
            pieces = [i for i in range(s, end) if not a <= i < b]
            return [Unit(pieces, root, speaker_text(spk), cue_text(child), kind)]
    # "X opened the hearing by saying (that) ...": the speaker of the main verb owns the clause
    for p in root.children:
        if p.dep_ != "prep" or p.lower_ != "by" or p.i < root.i:
            continue
        pc = next((c for c in p.children if c.dep_ == "pcomp" and c.tag_ == "VBG" and is_cue(c, SAY_VERBS)), None)
        spk = find_speaker(root) if pc is not None else None
        if spk is None or nested(doc, pc, spk, s, e):
            continue
        units = content_units(doc, pc, spk, s, e, cue=f"{cue_text(root)} by {cue_text(pc)}")
        if units:
            cut = subtree(p)
            main = Unit([i for i in range(s, end) if i not in cut], root)
            return [main] + units
    # Participial add-on to a non-speech clause: "X met Y, noting that ..."
    stance = None  # stances stay unattributed clauses (see STANCE_CUES)
    owner = find_speaker(root)
    if owner is None:
        owner = participle_owner(doc, root)
    extra = [u for u in content_units(doc, root, owner, s, e) if u.kind == "participial"]
    if extra:
        drop = set()
        for c in root.children:
            if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and lem(c) in SPEECH_VERBS | set(DESCRIBE_VERBS):
                drop |= subtree(c)
        main = Unit([i for i in range(s, end) if i not in drop], root)
        if stance is not None:
            main = main.copy(speaker=stance[0], cue=stance[1])
        return [main] + extra
    if stance is not None:
        return [Unit(range_(s, end), root, stance[0], stance[1], "none")]
    return []


def _all_quoted(doc, toks: set[int]) -> bool:
    """Do the claim's words all lie inside one quotation?"""
    words = [i for i in toks if not doc[i].is_punct]
    return bool(words) and any(a < min(words) and max(words) < b for a, b in quote_regions(doc))


def aside_attribution(doc, unit: Unit, toks: set[int]):
    """A reporting clause left inside a claim ("The real problem, he said, is ...",
    "..., Fox said of Trump"): (cue verb, tokens to cut) or None."""
    head = unit.head
    for i in sorted(toks):
        v = doc[i]
        if v.i == head.i or lem(v) not in SAY_VERBS or v.pos_ != "VERB" or _subordinate(v):
            continue  # ("…, the dispute grew when a paper reported it": when, not who)
        if unit.speaker and any(v.i == cue_i for _, _, cue_i in inner_quotes(doc)):
            continue  # "“And Karen said, A,” Stone said": Stone reports Karen's words; A is not his
        content = [c for c in v.children if c.dep_ in ("ccomp", "parataxis") and c.i in toks]
        own = [c for c in v.children if c.dep_ in ("ccomp", "dobj", "xcomp") and c.i not in toks]
        if own:
            continue
        if any(c.dep_ in ("xcomp", "ccomp") and c.i > v.i and c.i != head.i and c.i in toks for c in v.children) and any(
                c.dep_ in ("dobj", "dative") for c in v.children):
            continue  # "…, or else a strong culture tells them what to do": a clause of its own, no aside
        lo, hi = v.left_edge.i, v.right_edge.i
        bracketed = v.dep_ == "parataxis" and lo > 0 and hi + 1 < len(doc) and "," in (doc[lo].text, doc[lo - 1].text) \
            and "," in (doc[hi].text, doc[hi + 1].text)  # "The difference now, he told me, is ..."
        if v.head.i == head.i and v.dep_ in ("parataxis", "advcl", "ccomp", "conj") or content and content[0].i == head.i \
                or bracketed:
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or not valid_speaker(subj):
                continue
            if subj.lower_ in FIRST_SECOND and _all_quoted(doc, toks):
                continue  # "“Then, you say, well, ...”": the quoted speaker's own words, not cut out
            cut = {v.i}
            for c in v.children:
                if c.i == head.i or c.dep_ == "punct" and c.text not in (",", "—", "--"):
                    continue
                cut |= subtree(c)
            # the commas around it
            lo, hi = min(cut), max(cut)
            if lo - 1 in toks and doc[lo - 1].text in (",", "—", "--"):
                cut.add(lo - 1)
            elif hi + 1 in toks and doc[hi + 1].text in (",", "—", "--"):
                cut.add(hi + 1)
            cut |= _leading_frame(doc, toks, cut)
            lo, hi = min(cut), max(cut)
            closing = [j for j in range(lo - 1, subj.left_edge.i) if j in toks and doc[j].text in ("\u201d", '"', "''")]
            opening = [j for j in range(v.i + 1, hi + 2) if j in toks and doc[j].text in ("\u201c", '"', "``", "''")]
            if closing and opening and subj.i < v.i:
                # '\u201cA,\u201d she said, \u201cB.\u201d': one quotation again, no '\u201d \u201c' left inside
                cut |= {closing[-1], opening[0]}
                lo, hi = min(cut), max(cut)
            if lo - 1 in toks and doc[lo].text == "," and doc[lo - 1].lower_ in ("that", "this") \
                    and doc[lo - 1].dep_ == "pobj" and doc[lo - 1].head.dep_ == "prep" \
                    and doc[lo - 1].head.left_edge.i == min(toks) and lo - min(toks) <= 3:
                # "Given that, Mr. X said, A": not "Given that A" (its "that" read as a conjunction);
                # the frame that points back at the sentence before goes with the aside
                cut |= set(range(min(toks), lo))
            return v, subj, cut
    return None
