"""The record boundary: every article any source yields passes here before it is stored.

Whatever a source module (or a hostile input) put in an ``Article``, what leaves this
module is an ``Article`` whose fields have the stored types, within bounds:

- ``text`` must be a non-empty string of at most ``MAX_ARTICLE_CHARS`` characters, else the
  record is refused (one ``ingest_errors`` row): a 20 MB "article" is a data dump or a
  broken page, and would stall claim extraction. NUL and other C0 control characters
  (except tab and newline) are removed.
- Metadata (title, author, source, language, id, url) must be text: numbers are coerced to
  text, an author list of strings is joined, anything else (an object, a list, true/false)
  is dropped with a row saying so and the article kept; over-long values are cut (title,
  author) or dropped (url, id, language).
- ``published_at`` must be a datetime between ``MIN_DATE`` and now plus a day; a date
  outside is dropped (stored as unknown) and the article kept, with a row: a wrong clock
  must not make an outlet "first".
- Anything else that goes wrong with one record (a bug included) refuses that record only.

``loads_guarded`` parses one JSON document (a .json file or a JSONL line) with a size cap,
without Python's int-string limit or recursion limit escaping as an exception.

``ArticleRecord`` (pydantic, strict) states the stored shape; every article is checked
against it after coercion."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimtrack.sources.base import Article, IngestError, SourceBatch

MAX_ARTICLE_CHARS = 1_000_000
MAX_RECORD_CHARS = 8_000_000  # one JSON document (a .json file or a JSONL line), html included
MAX_DETAIL_CHARS = 1_000  # an ingest_errors row's sentence
MAX_INT_DIGITS = 100  # longer JSON integers are kept as their digits (text)
FUTURE_TOLERANCE = timedelta(days=1)
MIN_DATE = datetime(1800, 1, 1)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# field -> (most characters, cut (True) or drop (False) when longer)
FIELD_CAPS = {
    "title": (1_000, True), "author": (500, True), "source": (200, True), "language": (35, False),
    "external_id": (1_000, False), "url": (4_096, False), "origin": (4_096, True),
}


class RecordError(ValueError):
    """The record cannot become an article; the message says why."""


class ArticleRecord(BaseModel):
    """The shape of a stored article (checked strictly after coercion)."""

    model_config = ConfigDict(strict=True, extra="forbid")

    source: str = Field(min_length=1, max_length=FIELD_CAPS["source"][0])
    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS)
    url: str | None = Field(None, max_length=FIELD_CAPS["url"][0])
    title: str | None = Field(None, max_length=FIELD_CAPS["title"][0])
    published_at: datetime | None = None
    language: str | None = Field(None, max_length=FIELD_CAPS["language"][0])
    external_id: str | None = Field(None, max_length=FIELD_CAPS["external_id"][0])
    origin: str = Field("", max_length=FIELD_CAPS["origin"][0])
    author: str | None = Field(None, max_length=FIELD_CAPS["author"][0])
    aliases: list[str] = Field(default_factory=list)


def describe(value: Any) -> str:
    """A short description of a value for an error sentence (never its repr: it may be
    megabytes long or nested thousands deep)."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return repr(value[:60] + ("…" if len(value) > 60 else ""))
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


def _parse_int(digits: str) -> int | str:
    return int(digits) if len(digits) <= MAX_INT_DIGITS else digits


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def loads_guarded(text: str) -> Any:
    """``json.loads`` for untrusted input: size-capped; a nesting too deep for the parser,
    an integer of thousands of digits or NaN/Infinity never raise anything but RecordError."""
    if len(text) > MAX_RECORD_CHARS:
        raise RecordError(f"is {len(text):,} characters long, more than the {MAX_RECORD_CHARS:,} a record may have")
    try:
        return json.loads(text, parse_int=_parse_int, parse_constant=_no_constant)
    except RecursionError as exc:
        raise RecordError("is nested too deeply to be an article record") from exc
    except json.JSONDecodeError as exc:
        raise RecordError(f"is not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except (ValueError, MemoryError) as exc:
        raise RecordError(f"is not valid JSON ({str(exc)[:120]})") from exc


def clean_text(value: str) -> str:
    return CONTROL.sub("", value)


def coerce_str(field: str, value: Any, notes: list[str]) -> str | None:
    """A metadata value -> text or None; what was dropped or cut is added to ``notes``."""
    if value is None:
        return None
    if isinstance(value, bool):
        notes.append(f"{field} is true/false, not text; ignored")
        return None
    if isinstance(value, str):
        s = value
    elif isinstance(value, (int, float)):
        try:
            s = str(value)
        except ValueError:  # an int past Python's int-string limit
            notes.append(f"{field} is a number too long to store; ignored")
            return None
    elif field == "author" and isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        s = ", ".join(v.strip() for v in value if v.strip())
    else:
        notes.append(f"{field} is {describe(value)}, not text; ignored")
        return None
    s = " ".join(clean_text(s).split()) if field != "url" else clean_text(s).strip()
    if not s:
        return None
    cap, cut = FIELD_CAPS[field]
    if len(s) > cap:
        if not cut:
            notes.append(f"{field} is {len(s):,} characters long (at most {cap:,}); ignored")
            return None
        notes.append(f"{field} cut to {cap:,} characters")
        s = s[: cap - 1] + "…"
    return s


def _where(art: Any, spec: str) -> str:
    for attr in ("url", "origin"):
        v = getattr(art, attr, None)
        if isinstance(v, str) and v.strip():
            return v.strip()[:300]
    return spec


def normalise_article(art: Any, now: datetime) -> tuple[Article, list[str]]:
    """Coerce one article to the stored shape. Returns it with notes (fields dropped or cut,
    a date dropped); raises RecordError when the article cannot be stored at all."""
    if not isinstance(art, Article):
        raise RecordError(f"is {describe(art)}, not an article (a bug in the source module)")
    notes: list[str] = []
    text = art.text
    if not isinstance(text, str):
        raise RecordError(f"has text that is {describe(text)}, not text")
    text = clean_text(text)
    if len(text) > MAX_ARTICLE_CHARS:
        raise RecordError(f"has {len(text):,} characters, more than the {MAX_ARTICLE_CHARS:,} an article may have")
    if not text.strip():
        raise RecordError("has no text")
    source = coerce_str("source", art.source, notes)
    if not source:
        raise RecordError(f"has no outlet name (source is {describe(art.source)})")
    published = art.published_at
    if published is not None and not isinstance(published, datetime):
        notes.append(f"published_at is {describe(published)}, not a date; stored as unknown")
        published = None
    if published is not None and published.tzinfo is not None:
        try:
            published = published.astimezone(timezone.utc).replace(tzinfo=None)
        except (OverflowError, ValueError):
            notes.append("published_at cannot be converted to UTC; stored as unknown")
            published = None
    if published is not None and published > now + FUTURE_TOLERANCE:
        notes.append(f"says it was published {published:%Y-%m-%d %H:%M}, in the future; stored with an unknown date")
        published = None
    if published is not None and published < MIN_DATE:
        notes.append(f"says it was published {published:%Y-%m-%d}, before {MIN_DATE:%Y}; stored with an unknown date")
        published = None
    aliases = art.aliases if isinstance(art.aliases, list) else []
    aliases = [a for a in aliases if isinstance(a, str) and 0 < len(a) <= FIELD_CAPS["url"][0]]
    origin = art.origin if isinstance(art.origin, str) else ""
    fields = dict(
        source=source, text=text,
        url=coerce_str("url", art.url, notes), title=coerce_str("title", art.title, notes),
        published_at=published, language=coerce_str("language", art.language, notes),
        external_id=coerce_str("external_id", art.external_id, notes),
        origin=coerce_str("origin", origin, []) or "", author=coerce_str("author", art.author, notes),
        aliases=aliases,
    )
    try:
        rec = ArticleRecord(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise RecordError(f"does not fit the article record ({'.'.join(map(str, first['loc']))}: {first['msg']})") from exc
    return Article(**rec.model_dump()), notes


def _row(spec: str, where: str, error: str, detail: str, stage: str = "validate") -> IngestError:
    if len(detail) > MAX_DETAIL_CHARS:
        detail = detail[: MAX_DETAIL_CHARS - 1] + "…"
    return IngestError(str(spec), str(where)[:4_096], str(error)[:100], detail, stage=stage)


def validate_batch(batch: SourceBatch, spec: str, now: datetime | None = None) -> SourceBatch:
    """Normalise every article of ``batch`` (see the module's docstring); a refused one
    becomes one row, the others are kept. Error rows are made safe to store too."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    kept = []
    for art in batch.articles:
        where = _where(art, spec)
        try:
            clean, notes = normalise_article(art, now)
        except RecordError as exc:
            error = "ArticleTooLong" if "more than the" in str(exc) else "EmptyArticle" if str(exc) == "has no text" else "InvalidRecord"
            batch.errors.append(_row(spec, where, error, f"{where} {exc}; it was skipped"))
            continue
        except Exception as exc:  # noqa: BLE001 - one record never costs the run
            batch.errors.append(_row(spec, where, type(exc).__name__,
                                     f"{where} could not be checked ({type(exc).__name__}: {str(exc)[:200]}); it was skipped"))
            continue
        for note in notes:
            error = "FutureDate" if "in the future" in note else "DateOutOfRange" if "published" in note else "FieldIgnored"
            batch.errors.append(_row(spec, where, error, f"{where} {note}" if not note.startswith("says") else f"{where} {note}"))
        kept.append(clean)
    batch.articles = kept
    batch.errors = [
        e if isinstance(e, IngestError) and all(isinstance(getattr(e, f), str) for f in ("source_spec", "uri", "error", "detail", "stage"))
        and len(e.detail) <= MAX_DETAIL_CHARS
        else _row(spec, getattr(e, "uri", spec), getattr(e, "error", "Error"), str(getattr(e, "detail", e)), str(getattr(e, "stage", "ingest")))
        for e in batch.errors
    ]
    return batch
