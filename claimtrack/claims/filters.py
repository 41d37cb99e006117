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


FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
THIRD_PERSON = {"he", "she", "him", "her", "his"}
UNRESOLVED_SPEAKERS = {"he", "she", "they", "him", "her", "them"}


def claim_problem(doc, idx, subs, quoted, *, speaker, speaker_resolved, direct) -> str | None:
    """Why a finished claim cannot stand alone, or None: first person with no speaker
    ("We know how to win elections"), a speaker that is an unresolved pronoun ("he said
    ..."), or a he/she nobody could resolve ("Fox said he is not a Democrat" of Trump).
    ``quoted``: tokens exempt from the pronoun check (a quotation, a pronoun kept for a
    person the claim already names)."""
    toks = [doc[i] for i in idx if i not in subs]
    if not speaker and any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in toks):
        return "unattributed_first_person"
    if speaker and speaker.lower() in UNRESOLVED_SPEAKERS and not speaker_resolved:
        return "unresolved_speaker"
    # the first he/she of the claim, before any name: resolved, or left because the claim
    # (or its speaker) already names that person (``quoted`` holds those), else unresolved
    for i in idx:
        t = doc[i]
        if t.ent_type_ == "PERSON" or i in subs:
            break
        if t.lower_ in THIRD_PERSON and t.pos_ == "PRON" and i not in quoted:
            return "unresolved_pronoun"
    return None
