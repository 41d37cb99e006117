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
        if chunk.strip():
            out.extend(p for p in _pieces(chunk, m.start()) if p.text.strip())
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
    for (ti, para), doc in zip(items, docs):
        yield ti, para, doc
