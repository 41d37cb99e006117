"""Quotation geometry for the attribution rules: the double quotations of a paragraph
(``quote_regions``), whether a span lies inside one, the tokens inside quotes, a sentence
wholly quoted, and the "X said" attributions left inside a quotation (``inner_quotes``)."""

from __future__ import annotations

from claimtrack.claims.filters import QUOTES
from claimtrack.claims.speech_words import FIRST_SECOND, NON_SPEAKERS, SAY_VERBS, lem


def is_quoted(doc, start: int, end: int, s: int, e: int) -> bool:
    """Is [start, end) wrapped in quotation marks (within the sentence [s, e))?"""
    before = doc[start - 1].text if start - 1 >= s else ""
    first = doc[start].text if start < end else ""
    if any(q in before or q == first for q in "\"“«") or (first in QUOTES and first != "'"):
        return True
    if before in ("''", "``") or first in ("''", "``"):
        # NYT's two apostrophes (''A,'' X said), an opening or a closing mark: quoted only when
        # the quotation opened there runs over the whole span (not "''A'' of the plan, X said")
        a0 = start - 1 if before in ("''", "``") else start
        words = [i for i in range(start, end) if not doc[i].is_punct]
        return bool(words) and any(a == a0 and b > words[-1] for a, b in quote_regions(doc))
    return False


def quote_kind_of(doc, a: int, b: int, s: int, e: int) -> str:
    if is_quoted(doc, a, b, s, e):
        return "direct"
    words = [i for i in range(a, b) if not doc[i].is_punct]
    if words and any(qa < words[0] and words[-1] < qb for qa, qb in quote_regions(doc)):
        return "direct"  # a sentence of a quotation opened in a sentence before ("\u201cA. I mean, B,\u201d X told")
    inner = doc[a:b].text
    return "mixed" if any(q in inner for q in ("\"", "“", "”", "«", "»", "''", "``")) \
        else "indirect"


INNER_OBJECTS = {"me", "us", "him", "her", "them"}


def inner_quotes(doc) -> list[tuple[int, int, int]]:
    """Token ranges [lo, hi) of the words another person speaks inside a quotation, with their
    own cue: "\u201cWhen we began, she said, 'I want A. I want B,'\u201d he explained." / "\u201cAnd Karen
    said, We are not trying to cut your funds.\u201d" -- the cue ("she said,") and what it
    reports (to the inner quote's closing mark, else to the end of its sentence). Those words
    are not the outer speaker's: no claim of the outer speaker holds them without their cue.
    (An "I said" / "we told them" inside the quotation is the outer speaker's own report and
    stays his.) Each: (first token, end, the inner cue verb)."""
    cached = doc.user_data.get("claimtrack_inner_quotes")
    if cached is not None:
        return cached
    out: list[tuple[int, int]] = []
    for a, b in quote_regions(doc):
        i = a + 1
        while i < b - 1:
            t = doc[i]
            j = i + 1
            if j < b and doc[j].lower_ in INNER_OBJECTS:
                j += 1  # "she told me, ..."
            if doc[j].text not in (",", ":") or t.pos_ != "VERB" or lem(t) not in SAY_VERBS \
                    or t.dep_ in ("relcl", "acl") or j + 2 >= b or not doc[j + 1].is_alpha and doc[j + 1].text not in (
                        "'", "\u2018", "`"):
                # ("the same thing that Obama said,\u201d": said of a thing; "He added: \u201cA": a
                # new quotation the marks of the paragraph did not close before)
                i += 1
                continue
            subj = next((c for c in t.children if c.dep_ == "nsubj" and a < c.i < t.i), None)
            if subj is None or subj.lower_ in FIRST_SECOND or subj.lower_ in NON_SPEAKERS \
                    or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
                i += 1
                continue
            lo, k = subj.left_edge.i, j + 1
            if lo > a + 1 and doc[lo - 1].lower_ in ("and", "but", "then"):
                lo -= 1
            if k < b and doc[k].text in ("'", "\u2018", "`"):
                # to the closing single mark: one after the quote's last punctuation or right
                # before the outer closing mark (not a possessive's apostrophe)
                end = next((m for m in range(k + 1, b) if doc[m].text in ("'", "\u2019") and (
                    doc[m - 1].text in (",", ".", "?", "!") or m + 1 == b)), b - 1) + 1
            else:
                end = min(t.sent.end, b)
            out.append((lo, end, t.i))
            i = end
    doc.user_data["claimtrack_inner_quotes"] = out
    return out


def wholly_quoted(doc, s: int, e: int) -> bool:
    """The sentence [s, e) is all inside one quotation that began at or before its start."""
    words = [i for i in range(s, e) if not doc[i].is_punct and not doc[i].is_space]
    if len(words) < 3:
        return False
    # (an unclosed straight mark may be a stray one -- '"Melanie thought it was outrageous.' with no
    # closing mark in the paragraph -- and says nothing)
    return any(a < words[0] and words[-1] < b and a <= s + 1 and (b < len(doc) or doc[a].text != '"')
               for a, b in quote_regions(doc))


def nested(doc, verb, speaker_tok, s, e) -> bool:
    """An attribution inside a quotation ("\u201cI think we will win\u201d"): the quoted speaker's own
    words, not an attribution of the claim; the outer speaker owns it."""
    if speaker_tok is None:
        return False
    # (the paragraph's quotations, not the sentence's marks alone: a sentence of a quotation
    # opened in a sentence before, "\u201cA. I think B.\u201d", and one that ends it, "B,\" X said")
    def quoted(i):
        return any(a < i < b for a, b in quote_regions(doc))
    if quoted(verb.i) and speaker_tok.lower_ not in FIRST_SECOND and report_frame(doc, verb, speaker_tok):
        return False
    return quoted(verb.i) and (quoted(speaker_tok.i) or speaker_tok.lower_ in FIRST_SECOND)


def report_frame(doc, verb, speaker_tok) -> bool:
    """"A, the official said" / "A, said the official": a cue set off after its content by a
    comma, a reporter's attribution -- inside the quotation of a report that a paragraph ending
    in a colon led in ("Politico reports:" / "\u201cA, the official said."), it is the quoted
    report's own, and it holds."""
    if doc.user_data.get("claimtrack_lead_in") is None:
        return False
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i < min(verb.i, speaker_tok.i) for c in verb.children):
        return False
    first = min(verb.i, speaker_tok.left_edge.i)
    return first > 0 and doc[first - 1].text == "," and lem(verb) in SAY_VERBS


# the characters any quotation mark token below is made of
QUOTE_CHARS = ("\u201c", "\u201d", "\u00ab", "\u00bb", '"', "''", "``")


def quote_regions(doc) -> list[tuple[int, int]]:
    """(opening mark, closing mark) token indices of the double quotations of a paragraph;
    an unclosed one runs to the paragraph's end (len(doc))."""
    cached = doc.user_data.get("claimtrack_quote_regions")
    if cached is not None:
        return cached
    text = doc.user_data.get("claimtrack.text")
    if text is not None and not any(q in text for q in QUOTE_CHARS):
        doc.user_data["claimtrack_quote_regions"] = []  # (most paragraphs quote nobody: no token walk)
        return []
    out, start = [], None
    for t in doc:
        if t.text == "\u201c" and start is not None and t.i > start + 1 and not doc[t.i - 1].whitespace_ \
                and doc[t.i - 1].text in (".", ",", "?", "!") and (t.whitespace_ or t.i + 1 == len(doc)):
            # "\u201cWho can promise that?\u201c he asked.": an opening mark typed for the closing
            # one (glued to the quote's last punctuation, a space after it) closes the quote
            out.append((start, t.i))
            start = None
        elif t.text in ("\u201c", "\u00ab", "``") or t.text in ('"', "''") and start is None:
            if start is None:
                start = t.i
        elif t.text in ("\u201d", "\u00bb", '"', "''") and start is not None:
            out.append((start, t.i))
            start = None
    if start is not None:
        out.append((start, len(doc)))
    doc.user_data["claimtrack_quote_regions"] = out
    return out


def quoted_tokens(doc, s: int, e: int) -> set[int]:
    """Token indices of [s, e) inside double quotation marks (a speaker's own words)."""
    out: set[int] = set()
    if not quote_regions(doc):
        return out  # (no quotation mark in the paragraph)
    inside = False
    for t in doc[s:e]:
        if t.text in ("“", "«", "``"):
            inside = True
        elif t.text in ("”", "»"):
            inside = False
        elif t.text in ('"', "''"):  # (NYT's two apostrophes open and close alike)
            inside = not inside
        elif inside:
            out.add(t.i)
    return out
