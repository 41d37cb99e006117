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


@dataclass
class Paragraph:
    text: str
    offset: int  # char offset of the paragraph in the article


def paragraphs(text: str) -> list[Paragraph]:
    out = []
    for m in PARAGRAPH.finditer(text):
        chunk = m.group(0)
        if chunk.strip():
            out.append(Paragraph(chunk, m.start()))
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
