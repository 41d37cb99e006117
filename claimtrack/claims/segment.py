"""Sentence segmentation that survives quotes, abbreviations and newlines.

Paragraphs (newline-separated) are parsed separately, so a line break always ends a
sentence; within a paragraph spaCy's dependency parse finds sentence boundaries, and
stray closing quotes or brackets it leaves at a sentence start are given back to the
previous sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

PARAGRAPH = re.compile(r"[^\n]+")
CLOSERS = set("\"'”’)]»")
# Hostile-input bounds for the parser. spaCy's tokenizer is quadratic in the length of a run
# without whitespace (its suffix search rescans the run), and the parser slows on enormous
# sentences; no claim lives in a 100-character "word" or needs a 5,000-character paragraph.
# Runs longer than MAX_RUN are blanked (same length, so every char offset stays valid) and
# paragraphs longer than MAX_PARAGRAPH are parsed in pieces cut after a sentence end
# (or, failing that, at whitespace).
MAX_RUN = 100
MAX_PARAGRAPH = 5000
LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
# A wire dateline or an all-caps section lead at a paragraph's start ("WASHINGTON (AP) — ",
# "HEMPSTEAD, N.Y., Sept. 26 (UPI) — ", "FAIRVIEW, W.Va. - ") is cut before parsing: parsed
# with the sentence it turns up as its subject or its speaker ("WASHINGTON -- President Obama said").
DATELINE = re.compile(r"^[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]*){0,4}(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?){0,2}"
                      r"(?:,\s*[A-Z][a-z]{2,4}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?\s*(?:--?|[–—―])\s+(?=[A-Z\u201c\u2018\x22\x27])")


@dataclass
class Paragraph:
    text: str
    offset: int  # char offset of the paragraph in the article


def _pieces(chunk: str, offset: int) -> Iterator[Paragraph]:
    """``chunk`` in pieces of at most MAX_PARAGRAPH characters, cut after the last sentence
    end (else the last whitespace) before the limit."""
    while len(chunk) > MAX_PARAGRAPH:
        window = chunk[:MAX_PARAGRAPH]
        ends = [m.end() for m in SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > MAX_PARAGRAPH // 4 else window.rfind(" ") + 1
        if cut <= 0:  # no whitespace at all (cannot happen after blanking): cut hard
            cut = MAX_PARAGRAPH
        yield Paragraph(chunk[:cut], offset)
        chunk, offset = chunk[cut:], offset + cut
    yield Paragraph(chunk, offset)


def paragraphs(text: str) -> list[Paragraph]:
    """The text's non-blank lines, with overlong whitespace-free runs blanked and overlong
    lines cut into pieces (see MAX_RUN, MAX_PARAGRAPH); offsets index the original text."""
    out = []
    for m in PARAGRAPH.finditer(text):
        chunk = m.group(0)
        if len(chunk) > MAX_RUN:
            chunk = LONG_RUN.sub(lambda r: " " * len(r.group(0)), chunk)
        start = m.start()
        d = DATELINE.match(chunk)
        if d and any(c.islower() for c in chunk[d.end():d.end() + 40]):
            chunk, start = chunk[d.end():], start + d.end()
        if chunk.strip():
            out.extend(p for p in _pieces(chunk, start) if p.text.strip())
    return out


def sentence_spans(doc) -> Iterator[tuple[int, int]]:
    """(start_token, end_token) of each sentence, with leading closers merged back."""
    spans: list[list[int]] = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        # A closing quote/bracket glued to the previous sentence's end belongs to it.
        while (
            spans
            and start < end
            and doc[start].text in CLOSERS
            and spans[-1][1] == start
            and doc[start - 1].whitespace_ == ""
        ):
            spans[-1][1] = start + 1
            start += 1
        # "it looks like (Libyan strongman Moammar) Gadhafi is going to ...": the parse may end
        # a sentence at a closing bracket that no sentence end precedes; the words after it
        # continue that sentence
        j = start - 1
        while j > 0 and doc[j].text in CLOSERS:
            j -= 1
        if spans and spans[-1][1] == start and j < start - 1 and doc[start - 1].text in (")", "]") \
                and doc[j].text not in (".", "!", "?") and start < end and not doc[start].is_space:
            spans[-1][1] = end
            continue
        # Skip whitespace-only tokens.
        while start < end and doc[start].is_space:
            start += 1
        if start < end:
            spans.append([start, end])
    for s, e in spans:
        yield s, e


def iter_docs(nlp, texts: Iterable[str], batch_size: int = 64):
    """spaCy docs for each paragraph of each text: yields (text_index, Paragraph, doc)."""
    items: list[tuple[int, Paragraph]] = []
    for ti, text in enumerate(texts):
        for para in paragraphs(text):
            items.append((ti, para))
    docs = nlp.pipe((p.text for _, p in items), batch_size=batch_size)
    prev = (None, None)
    for k, ((ti, para), doc) in enumerate(zip(items, docs)):
        # the paragraph's text is the doc's text (spaCy keeps every character): kept for the
        # rules that read it, as Doc.text joins every token anew at each call
        doc.user_data["claimtrack.text"] = para.text
        if prev[0] == ti:
            doc.user_data["claimtrack_prev"] = prev[1]  # (an "it" in its first sentence may point back)
        if prev[0] == ti and prev[1].user_data["claimtrack.text"].rstrip().endswith(":"):
            # "He said:" closing the paragraph before: its speaker may own this one
            doc.user_data["claimtrack_lead_in"] = prev[1]
        if k + 1 < len(items) and items[k + 1][0] == ti:
            # (the next paragraph's text: whether a quotation left open here closes there)
            doc.user_data["claimtrack_next_text"] = items[k + 1][1].text
        yield ti, para, doc
        # (done with this doc: its own back-links go, so a long article's docs are not all
        # kept alive through one chain)
        doc.user_data.pop("claimtrack_prev", None)
        doc.user_data.pop("claimtrack_lead_in", None)
        doc.user_data.pop("claimtrack_next_text", None)
        prev = (ti, doc)
