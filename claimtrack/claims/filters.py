"""Sentences that are not claims: questions, bylines, credits, boilerplate, fragments."""

from __future__ import annotations

import re

QUOTES = "\"'“”‘’«»"
BYLINE = re.compile(r"^\s*by\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}\s*[,|]?.{0,40}$", re.I)
CREDIT = re.compile(
    r"^\s*(photo|photograph|image|picture|credit|video|reporting by|editing by|additional reporting|writing by)\b",
    re.I,
)
BOILERPLATE = re.compile(
    r"\b(subscribe|newsletter|sign up|read more|all rights reserved|click here|follow us|cookie|"
    r"advertisement|share this|terms of use|privacy policy)\b|©|\bcopyright\b",
    re.I,
)


def drop_reason(sentence: str) -> str | None:
    """Why a whole sentence is not a claim, or None if it may hold claims."""
    core = sentence.strip().rstrip(QUOTES + " ")
    if not core:
        return "empty"
    if core.endswith("?"):
        return "question"
    if BYLINE.match(sentence) and len(sentence.split()) <= 10:
        return "byline"
    if CREDIT.match(sentence):
        return "credit"
    if BOILERPLATE.search(sentence):
        return "boilerplate"
    return None


def is_fragment(tokens, min_tokens: int) -> bool:
    """Too short, or no verb: not a proposition."""
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if len(words) < min_tokens:
        return True
    return not any(t.pos_ in ("VERB", "AUX") for t in tokens)


def normalise_title(text: str) -> str:
    """Comparable form of a headline or sentence: lowercase words only."""
    return " ".join(re.findall(r"\w+", text.lower()))
