"""Turning one JSON object (a .json file or a JSONL line) into an Article.

Only the shape is settled here (an object with text or html); field types, sizes and date
ranges are checked for every source kind in ``validate.py``."""

from __future__ import annotations

from typing import Any

from claimtrack.sources.base import Article, parse_datetime
from claimtrack.sources.html import html_to_text
from claimtrack.sources.validate import RecordError, describe, loads_guarded

__all__ = ["RecordError", "article_from_record", "loads_guarded"]


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def article_from_record(rec: Any, *, default_source: str, origin: str) -> Article:
    if not isinstance(rec, dict):
        raise RecordError(f"is {describe(rec)}; expected a JSON object with at least 'text' or 'html'")
    text = rec.get("text")
    html = rec.get("html")
    meta: dict[str, Any] = {}
    if text is not None and not isinstance(text, str):
        raise RecordError(f"has a 'text' that is {describe(text)}, not text")
    if (text is None or not text.strip()) and isinstance(html, str):
        try:
            text, meta = html_to_text(html, url=_str_or_none(rec.get("url")))
        except Exception as exc:  # noqa: BLE001 - hostile markup
            raise RecordError(f"has 'html' that could not be parsed ({type(exc).__name__})") from exc
        meta = meta or {}
    if not isinstance(text, str) or not text.strip():
        raise RecordError("has no non-empty 'text' or 'html' field")
    raw_date = rec.get("published_at") or rec.get("date") or meta.get("published_at")
    try:
        published = parse_datetime(raw_date)
    except (TypeError, ValueError, OverflowError) as exc:
        raise RecordError(f"has an unparseable published_at {describe(raw_date)} ({str(exc)[:80]})") from exc
    source = rec.get("source")
    if isinstance(source, bool) or not isinstance(source, (str, int, float)) or not str(source).strip():
        source = meta.get("source") or default_source  # an object or a list is no outlet name
    ext_id = rec.get("id")
    return Article(
        source=source,
        text=text,
        url=rec.get("url") or meta.get("url"),
        title=rec.get("title") or meta.get("title"),
        published_at=published,
        language=rec.get("language"),
        external_id=ext_id,
        origin=origin,
        author=rec.get("author") or meta.get("author"),
    )
