"""Turning one JSON object (a .json file or a JSONL line) into an Article."""

from __future__ import annotations

from typing import Any

from claimtrack.sources.base import Article, parse_datetime
from claimtrack.sources.html import html_to_text


class RecordError(ValueError):
    """The record cannot become an article; the message says why."""


def article_from_record(rec: Any, *, default_source: str, origin: str) -> Article:
    if not isinstance(rec, dict):
        raise RecordError("expected a JSON object with at least 'text' or 'html'")
    text = rec.get("text")
    html = rec.get("html")
    meta: dict[str, Any] = {}
    if (not isinstance(text, str) or not text.strip()) and isinstance(html, str):
        text, meta = html_to_text(html, url=rec.get("url"))
    if not isinstance(text, str) or not text.strip():
        raise RecordError("has no non-empty 'text' or 'html' field")
    try:
        published = parse_datetime(rec.get("published_at") or rec.get("date") or meta.get("published_at"))
    except (TypeError, ValueError) as exc:
        raise RecordError(f"has an unparseable published_at {rec.get('published_at')!r}") from exc
    source = rec.get("source") or meta.get("source") or default_source
    ext_id = rec.get("id")
    return Article(
        source=str(source),
        text=text,
        url=rec.get("url") or meta.get("url"),
        title=rec.get("title") or meta.get("title"),
        published_at=published,
        language=rec.get("language"),
        external_id=None if ext_id is None else str(ext_id),
        origin=origin,
    )
