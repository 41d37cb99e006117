"""Sentences -> claims: attribution, clause splitting, typed fields (rules over spaCy's parse)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from claimtrack.claims.filters import QUOTES, drop_reason, is_fragment
from claimtrack.claims.model import Claim, Extraction
from claimtrack.claims.nlp import get_nlp
from claimtrack.claims.numbers import extract_numbers
from claimtrack.claims.segment import iter_docs, sentence_spans

EXTRACTOR_VERSION = "rules-v1"

SPEECH_VERBS = {
    "say", "tell", "add", "note", "insist", "warn", "deny", "claim", "state", "mention",
    "emphasise", "emphasize", "stress", "indicate", "announce", "report", "confirm",
    "explain", "argue", "acknowledge", "admit", "assert", "declare", "suggest", "write",
    "reply", "respond", "caution", "predict", "promise", "vow", "point", "observe",
    "remark", "reiterate", "allege", "contend", "maintain", "concede", "disclose", "reveal",
}
HEDGES = {"may", "might", "could", "reportedly", "allegedly", "possibly", "perhaps",
          "apparently", "likely", "probably", "seemingly", "purportedly"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "LAW", "PRODUCT"}
SUBJECTS = ("nsubj", "nsubjpass", "expl")
TRIM_LEAD_DEPS = {"mark", "cc", "punct"}


class _Unit:
    """A token range [start, end) holding one claim's content, with its attribution."""

    __slots__ = ("start", "end", "head", "speaker", "cue", "quote_kind", "prefix")

    def __init__(self, start, end, head, speaker=None, cue=None, quote_kind="none", prefix=""):
        self.start, self.end, self.head = start, end, head
        self.speaker, self.cue, self.quote_kind, self.prefix = speaker, cue, quote_kind, prefix


def _subtree_range(tok) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _span_text(doc, start: int, end: int) -> str:
    return doc[start:end].text.strip() if end > start else ""


def _quoted(doc, start: int, end: int, s: int, e: int) -> bool:
    """Is [start, end) wrapped in quotation marks (within the sentence [s, e))?"""
    before = doc[start - 1].text if start - 1 >= s else ""
    first = doc[start].text if start < end else ""
    return any(q in before or q == first for q in "\"“«") or (first in QUOTES and first != "'")


def _speaker_of(verb) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            a, b = _subtree_range(child)
            return verb.doc[a:b].text.strip(" ,") or None
    # '"...," added the adviser': the parser often makes the inverted subject an object.
    quoted_before = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)
    if quoted_before:
        for child in verb.children:
            if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "appos") and child.pos_ in ("NOUN", "PROPN", "PRON"):
                a, b = _subtree_range(child)
                return verb.doc[a:b].text.strip(" ,") or None
    return None


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
                return [_Unit(start, e, root, speaker, "according to", _kind(doc, start, e, s, e))]
            if b >= e - 1:  # "..., according to X."
                return [_Unit(s, a, root, speaker, "according to", _kind(doc, s, a, s, e))]
            return [_Unit(s, e, root, speaker, "according to", "indirect")]
    # "X said (that) ...", "\"...,\" added X", "X told reporters ..."
    # A negated cue ("did not confirm that ...") asserts nothing about its content:
    # the whole sentence stays one (negative) claim.
    negated_cue = any(c.dep_ == "neg" for c in root.children)
    if root.lemma_.lower() in SPEECH_VERBS and root.pos_ in ("VERB", "AUX") and not negated_cue:
        speaker = _speaker_of(root)
        units: list[_Unit] = []
        for child in root.children:
            if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
                a, b = _subtree_range(child)
                units.append(_Unit(a, b, child, speaker, root.text, _kind(doc, a, b, s, e)))
            elif child.dep_ == "advcl" and child.lemma_.lower() in SPEECH_VERBS and child.tag_ == "VBG":
                # "..., noting that the meeting lasted four hours"
                for gc in child.children:
                    if gc.dep_ == "ccomp":
                        a, b = _subtree_range(gc)
                        units.append(_Unit(a, b, gc, speaker, child.text, _kind(doc, a, b, s, e)))
        if units:
            return units
    return [_Unit(s, e, root)]


def _kind(doc, a: int, b: int, s: int, e: int) -> str:
    return "direct" if _quoted(doc, a, b, s, e) else "indirect"


def _split_coordination(doc, unit: _Unit) -> list[_Unit]:
    """Split "A did X and B did Y" into two units; "A did X but did Y" shares A as prefix."""
    head = unit.head
    for child in head.children:
        if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX"):
            continue
        if not (unit.start <= child.i < unit.end):
            continue
        c_start = child.left_edge.i
        # the coordinating conjunction (and/but) and comma before the second clause
        cut = c_start
        while cut - 1 > unit.start and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].text == ","):
            cut -= 1
        if cut <= unit.start:
            continue
        has_subject = any(g.dep_ in SUBJECTS for g in child.children)
        prefix = unit.prefix
        if not has_subject:
            subj = next((g for g in head.children if g.dep_ in SUBJECTS), None)
            if subj is None:
                continue
            a, b = _subtree_range(subj)
            prefix = doc[a:b].text + " "
        first = _Unit(unit.start, cut, head, unit.speaker, unit.cue, unit.quote_kind, unit.prefix)
        second = _Unit(c_start, unit.end, child, unit.speaker, unit.cue, unit.quote_kind, prefix)
        return _split_coordination(doc, first) + _split_coordination(doc, second)
    return [unit]


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].text in QUOTES
                           or (doc[start].dep_ in TRIM_LEAD_DEPS and doc[start].lower_ in ("that", "and", "but", "so", "while"))):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in QUOTES):
        # keep a closing bracket that matches an opening one inside
        if doc[end - 1].text == ")" and "(" in doc[start:end].text:
            break
        end -= 1
    return start, end


def _fields(doc, start: int, end: int) -> dict:
    toks = doc[start:end]
    negated = any(t.dep_ == "neg" for t in toks)
    hedge = next((t.lower_ for t in toks if t.lower_ in HEDGES and (t.tag_ == "MD" or t.pos_ in ("ADV", "ADJ"))), None)
    ents = []
    for ent in doc.ents:
        if ent.start >= start and ent.end <= end and ent.label_ in ENTITY_LABELS:
            label = f"{ent.label_}:{ent.text}"
            if label not in ents:
                ents.append(label)
    return {
        "polarity": "negative" if negated else "positive",
        "hedge": hedge,
        "numbers": extract_numbers(toks),
        "entities": ents,
    }


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


def _claims_of_doc(doc, offset: int, sentence_base: int, min_tokens: int, dropped: Counter) -> tuple[list[Claim], int]:
    claims: list[Claim] = []
    n = 0
    for s, e in sentence_spans(doc):
        sidx = sentence_base + n
        n += 1
        sentence = doc[s:e].text
        reason = drop_reason(sentence)
        if reason:
            dropped[reason] += 1
            continue
        s = _skip_dateline(doc, s, e)
        if s >= e:
            dropped["fragment"] += 1
            continue
        root = doc[s:e].root
        units = []
        for unit in _attribute(doc, s, e, root):
            units.extend(_split_coordination(doc, unit))
        kept = 0
        for unit in units:
            a, b = _trim(doc, unit.start, unit.end)
            if b <= a or is_fragment(doc[a:b], min_tokens):
                continue
            body = doc[a:b].text
            text = unit.prefix + body if unit.prefix else body
            if unit.prefix and body[:1].isupper() and not doc[a].ent_type_ and doc[a].pos_ != "PROPN":
                text = unit.prefix + body[0].lower() + body[1:]
            claims.append(
                Claim(
                    text=text,
                    char_start=offset + doc[a].idx,
                    char_end=offset + doc[b - 1].idx + len(doc[b - 1].text),
                    sentence_idx=sidx,
                    speaker=unit.speaker,
                    cue=unit.cue,
                    quote_kind=unit.quote_kind if unit.speaker or unit.cue else "none",
                    **_fields(doc, a, b),
                )
            )
            kept += 1
        if not kept:
            dropped["fragment"] += 1
    return claims, n


def extract_many(texts: Sequence[str], *, min_tokens: int = 4, batch_size: int = 64) -> list[Extraction]:
    """Extract claims from many article texts at once (one spaCy ``pipe`` over all paragraphs)."""
    nlp = get_nlp()
    results = [Extraction(claims=[], n_sentences=0) for _ in texts]
    counters = [Counter() for _ in texts]
    for ti, para, doc in iter_docs(nlp, texts, batch_size=batch_size):
        res = results[ti]
        claims, n = _claims_of_doc(doc, para.offset, res.n_sentences, min_tokens, counters[ti])
        res.claims.extend(claims)
        res.n_sentences += n
    for res, counter in zip(results, counters):
        res.dropped = dict(counter)
    return results


def extract_claims(text: str, *, min_tokens: int = 4) -> list[Claim]:
    """Claims of one article text, each with its exact char span in ``text``."""
    return extract_many([text], min_tokens=min_tokens)[0].claims
