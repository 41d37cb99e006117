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
    text = doc.user_data.get("claimtrack.text")
    if text is None:
        text = doc.text
    if "!" in text:
        spans = _title_marks_joined(doc, spans)
    if len(spans) and GLUED_ABBREVIATION.search(text):
        spans = _abbreviation_ends(doc, spans, text)
    for s, e in spans:
        yield s, e


# "... in Washington, D.C. Jackson's wife spent $5,150 ...": the parse may read an initialism
# that ends a sentence as a word of the next one (a cheap test on the paragraph's text first)
GLUED_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,} [A-Z]")
FINITE = ("VBD", "VBZ", "VBP", "MD")
SUBJECT_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART")
SAYING = {"say", "tell", "add", "announce", "note", "argue", "claim", "insist", "write", "report"}
# capitalised words that are no name though the tagger may call them one ("the F.B.I. Nothing")
CLOSED_WORDS = {"nothing", "nobody", "none", "no", "he", "she", "it", "they", "we", "i", "you", "the", "this",
                "that", "these", "those", "there", "everyone", "everything", "someone", "something", "many",
                "some", "most", "all", "his", "her", "their", "its", "our", "my"}


def _title_marks_joined(doc, spans: list[list[int]]) -> list[list[int]]:
    """"... a book titled It's About the Money!: How You Can ...": an exclamation mark glued to
    a colon or comma ends a title, not a sentence; the parse's cut there is undone. (Not a
    question mark: 'He asked why?: ...' would then drop the whole as a question.)"""
    out: list[list[int]] = []
    for span in spans:
        if out and out[-1][1] == span[0]:
            a, b = out[-1]
            k = b - 1
            glued = doc[k].text in (":", ",", ";") and k > a and doc[k - 1].text == "!" \
                and doc[k - 1].whitespace_ == "" or doc[k].text == "!" and doc[k].whitespace_ == "" \
                and doc[span[0]].text in (":", ",", ";")
            if glued:
                out[-1] = [a, span[1]]
                continue
        out.append(span)
    return out


def _abbreviation_ends(doc, spans: list[list[int]], text: str) -> list[list[int]]:
    """A sentence is cut after an initialism ("D.C.", "F.B.I.") followed by a capitalised word
    that opens a clause of its own: its subject runs up to a finite verb (no punctuation
    between), the sentence before the initialism has a finite verb of its own, and either the
    word is no name ("to the F.B.I. Nothing happened") or the initialism is a state after a
    place that a preposition attaches to the words before it ("before Judge Wilkins in
    Washington, D.C. Jackson's wife spent ..."). "U.S. District Judge", "the D.C. Circuit",
    "the U.S. Army has" stay whole."""
    for m in GLUED_ABBREVIATION.finditer(text):
        a = next((t.i for t in doc.char_span(m.start(), m.end() - 2, alignment_mode="expand") or ()
                  if t.idx == m.start()), None)
        if a is None or a + 1 >= len(doc) or doc[a].idx + len(doc[a]) != m.end() - 2:
            continue
        k = next((j for j, (s, e) in enumerate(spans) if s < a and a + 1 < e), None)
        if k is None:
            continue
        s, e = spans[k]
        nxt = doc[a + 1]
        v = next((t for t in doc[a + 1:min(e, a + 9)] if t.tag_ in FINITE or t.pos_ not in SUBJECT_POS
                  and t.tag_ != "POS"), None)
        if v is None or v.tag_ not in FINITE or v.i == a + 1:
            continue
        if not any(t.tag_ in FINITE for t in doc[s:a]):
            continue
        if nxt.pos_ == "PROPN" and nxt.lower_ not in CLOSED_WORDS:
            j = a - 1
            if j < s + 2 or doc[j].text != "," or doc[j - 1].pos_ != "PROPN":
                continue
            j -= 1
            while j > s and doc[j - 1].pos_ == "PROPN":
                j -= 1
            prep = doc[j - 1] if j > s else None
            if prep is None or prep.pos_ != "ADP" or prep.head.i >= prep.i or prep.head.lemma_ in SAYING \
                    or prep.i > s and (doc[prep.i - 1].pos_ == "SCONJ" or doc[prep.i - 1].lower_ == "that"):
                continue  # ("said that in Washington, D.C. Mayor Smith has ...": the place opens the clause)
        elif doc[a - 1].pos_ == "PROPN" and nxt.ent_iob_ == "I":
            continue
        spans[k:k + 1] = [[s, a + 1], [a + 1, e]]
        doc.user_data.setdefault("claimtrack.cuts", set()).add(a + 1)  # (see ``fragments.repair``)
    return spans


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
