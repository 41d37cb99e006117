"""Attribution: who says a clause, with which cue, in whose words.

"X said (that) ...", "\"...,\" added X", "..., prosecutors say", "according to X",
"X described Y as Z" / "X called Y Z" (-> "Y is Z"), "..., noting that ...", and reporting
asides left inside a clause ("The real problem, he said, is ...")."""

from __future__ import annotations

import re

from claimtrack.claims.filters import QUOTES
from claimtrack.claims.units import Unit, range_, subtree, subtree_range


SPEECH_VERBS = {
    "say", "tell", "add", "note", "insist", "warn", "deny", "claim", "state", "mention",
    "emphasise", "emphasize", "stress", "indicate", "announce", "report", "confirm",
    "explain", "argue", "acknowledge", "admit", "assert", "declare", "suggest", "write",
    "reply", "respond", "caution", "predict", "promise", "vow", "point", "observe",
    "remark", "reiterate", "allege", "contend", "maintain", "concede", "disclose", "reveal",
    "believe", "think", "feel", "fear", "estimate", "insist", "testify", "recall", "tweet",
}


DESCRIBE_VERBS = {"describe": "described … as", "call": "called", "brand": "branded", "dub": "dubbed", "label": "labelled"}


def is_quoted(doc, start: int, end: int, s: int, e: int) -> bool:
    """Is [start, end) wrapped in quotation marks (within the sentence [s, e))?"""
    before = doc[start - 1].text if start - 1 >= s else ""
    first = doc[start].text if start < end else ""
    return any(q in before or q == first for q in "\"“«") or (first in QUOTES and first != "'")


def quote_kind_of(doc, a: int, b: int, s: int, e: int) -> str:
    if is_quoted(doc, a, b, s, e):
        return "direct"
    inner = doc[a:b].text
    return "mixed" if any(q in inner for q in "\"“”«»") else "indirect"


def find_speaker(verb):
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


def speaker_text(tok) -> str | None:
    if tok is None:
        return None
    a, b = subtree_range(tok)
    # drop a relative clause or appositive hanging off the speaker ("X, who ..., said")
    drop = set()
    for c in tok.children:
        if c.dep_ in ("relcl", "appos", "acl") and c.i > tok.i:
            drop |= subtree(c)
    words = [t for t in tok.doc[a:b] if t.i not in drop]
    text = "".join(t.text_with_ws for t in words)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = re.sub(r"\s*,(\s*,)+", ",", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,")
    return text or None


def content_units(doc, verb, speaker_tok, s, e, cue=None) -> list[Unit]:
    speaker = speaker_text(speaker_tok)
    units = []
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX") and (speaker_tok is None or child.i != speaker_tok.i):
            a, b = subtree_range(child)
            units.append(Unit(range_(a, b), child, speaker, cue or verb.text, quote_kind_of(doc, a, b, s, e)))
        elif child.dep_ in ("advcl", "conj") and child.tag_ == "VBG" and child.lemma_.lower() in SPEECH_VERBS | set(DESCRIBE_VERBS):
            # "..., noting that the meeting lasted four hours" / "calling it premature to ..."
            units.extend(u.copy(kind="participial") for u in content_units(doc, child, speaker_tok, s, e)
                         or describe_units(doc, child, speaker_tok, s, e))
    return units


def describe_units(doc, verb, speaker_tok, s, e) -> list[Unit]:
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
    oa, ob = subtree_range(obj)
    if lemma == "describe" and as_.i < ob and as_.head.i == obj.i:
        ob = as_.i
    pa, pb = subtree_range(pred)
    if lemma != "describe" and pred.dep_ == "oprd":
        pb = max(pb, max((c.right_edge.i + 1 for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > pred.i), default=pb))
    copula = "was" if verb.tag_ == "VBD" or doc[oa].lower_ == "it" and verb.tag_ == "VBG" else "is"
    kind = "mixed" if any(t.text in "\"“”«»" for t in doc[max(pa - 1, s):min(pb + 1, e)]) else "indirect"
    cue = DESCRIBE_VERBS[lemma]
    if verb.tag_ == "VBG":
        cue = {"describe": "describing … as", "call": "calling"}.get(lemma, cue)
    return [Unit(range_(oa, ob) + [copula] + range_(pa, pb), pred, speaker_text(speaker_tok), cue, kind,
                  kind="description", composed=True)]


def attribute(doc, s: int, e: int, root) -> list[Unit]:
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
                units = [Unit(range_(start, e), root, speaker, "according to", quote_kind_of(doc, start, e, s, e))]
            elif b >= e - 1:  # "..., according to X."
                inner = attribute_verbal(doc, s, a, e, root)
                if inner:
                    return inner
                units = [Unit(range_(s, a), root, speaker, "according to", quote_kind_of(doc, s, a, s, e))]
            else:
                units = [Unit(range_(s, a) + range_(b, e), root, speaker, "according to", "indirect")]
            return units
    return attribute_verbal(doc, s, e, e, root) or [Unit(range_(s, e), root)]


def attribute_verbal(doc, s, end, e, root) -> list[Unit]:
    """"X said (that) ...", "\"...,\" added X", "..., prosecutors say", "X described Y as Z"."""
    # A negated cue ("did not confirm that ...") asserts nothing about its content:
    # the whole sentence stays one (negative) claim.
    negated_cue = any(c.dep_ == "neg" for c in root.children)
    lemma = root.lemma_.lower()
    if root.pos_ in ("VERB", "AUX") and not negated_cue:
        if lemma in SPEECH_VERBS:
            units = content_units(doc, root, find_speaker(root), s, e)
            if units:
                return [u for u in units if max(u.token_set(), default=s) < end] or units
        if lemma in DESCRIBE_VERBS:
            units = describe_units(doc, root, find_speaker(root), s, e)
            if units:
                return units
        # "Moschetto was arrested ..., prosecutors say": the cue hangs off the content
        for child in root.children:
            if (child.dep_ in ("parataxis", "advcl", "ccomp") and child.i > root.i
                    and child.lemma_.lower() in SPEECH_VERBS and child.tag_ in ("VBP", "VBZ", "VBD")
                    and not any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in child.children)):
                spk = find_speaker(child)
                if spk is None:
                    continue
                a, b = subtree_range(child)
                pieces = [i for i in range(s, end) if not a <= i < b]
                return [Unit(pieces, root, speaker_text(spk), child.text, "indirect")]
        # Participial add-on to a non-speech clause: "X met Y, noting that ..."
        extra = [u for u in content_units(doc, root, find_speaker(root), s, e) if u.kind == "participial"]
        if extra:
            drop = set()
            for c in root.children:
                if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in SPEECH_VERBS | set(DESCRIBE_VERBS):
                    drop |= subtree(c)
            main = Unit([i for i in range(s, end) if i not in drop], root)
            return [main] + extra
    return []


SAY_VERBS = SPEECH_VERBS - {"believe", "think", "feel", "fear", "estimate", "predict", "recall", "promise", "vow"}


def aside_attribution(doc, unit: Unit, toks: set[int]):
    """A reporting clause left inside a claim ("The real problem, he said, is ...",
    "..., Fox said of Trump"): (cue verb, tokens to cut) or None."""
    head = unit.head
    for i in sorted(toks):
        v = doc[i]
        if v.i == head.i or v.lemma_.lower() not in SAY_VERBS or v.pos_ != "VERB":
            continue
        content = [c for c in v.children if c.dep_ in ("ccomp", "parataxis") and c.i in toks]
        own = [c for c in v.children if c.dep_ in ("ccomp", "dobj", "xcomp") and c.i not in toks]
        if own:
            continue
        if v.head.i == head.i and v.dep_ in ("parataxis", "advcl", "ccomp", "conj") or content and content[0].i == head.i:
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
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
            return v, subj, cut
    return None


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
