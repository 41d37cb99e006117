"""Typing: polarity, hedge, numbers, dates and entities of a claim, and check-worthiness."""

from __future__ import annotations

from claimtrack.claims.dates import resolve_date
from claimtrack.claims.model import Claim
from claimtrack.claims.numbers import extract_numbers


HEDGES = {"may", "might", "could", "reportedly", "allegedly", "possibly", "perhaps",
          "apparently", "likely", "probably", "seemingly", "purportedly", "reported", "alleged"}


ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "LAW", "PRODUCT"}


def typed_fields(doc, idx: list[int], published_at) -> dict:
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
