"""The records every source module produces."""

from __future__ import annotations

import email.utils

from dataclasses import dataclass, field
from datetime import datetime, timezone

from claimtrack.ids import content_hash, slugify


@dataclass
class Article:
    """One article as ingested. ``text`` is the plain text claims are extracted from;
    claim spans index into it."""

    source: str  # outlet name as shown to users
    text: str
    url: str | None = None
    title: str | None = None
    published_at: datetime | None = None  # UTC, naive
    language: str | None = None
    external_id: str | None = None
    origin: str = ""  # the file / line it came from, for error messages
    author: str | None = None
    aliases: list[str] = field(default_factory=list)  # other URLs that led here (feed link before redirects)

    @property
    def source_id(self) -> str:
        return slugify(self.source)

    @property
    def content_hash(self) -> str:
        return content_hash(" ".join(self.text.split()), length=32)

    @property
    def article_id(self) -> str:
        """Stable id: the outlet plus its own id, else its URL, else its content."""
        if self.external_id:
            return content_hash(self.source_id, "id", self.external_id)
        if self.url:
            return content_hash(self.source_id, "url", self.url)
        return content_hash(self.source_id, "content", self.content_hash)


@dataclass
class IngestError:
    """A row for ``ingest_errors``: the run goes on without this item."""

    source_spec: str
    uri: str
    error: str  # error class, short
    detail: str  # one sentence for a human
    stage: str = "ingest"


@dataclass
class SourceBatch:
    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    # Web sources: the source itself (feed, sitemap) could not be read -> why; and counters
    # (requests, not_modified, known_skipped) for the run's per-source report.
    failed: str | None = None
    stats: dict = field(default_factory=dict)

    def outcome(self) -> tuple[str, str | None]:
        """(status, message) for ``source_runs``: ``failed`` when the source itself could not be
        read or every item failed, ``not_modified`` on a 304, ``partial`` when some items failed."""
        first = self.errors[0].detail if self.errors else None
        if self.failed:
            return "failed", self.failed
        if self.stats.get("source_not_modified"):
            return "not_modified", None
        if self.errors and not self.articles and not self.stats.get("known_skipped"):
            return "failed", first
        if self.errors:
            return "partial", first
        return "ok", None


MAX_DATE_CHARS = 64


def parse_datetime(value: object) -> datetime | None:
    """ISO 8601 (with ``Z`` or an offset, or a bare date), an RFC 2822 date, or Unix time as a
    number (seconds, or milliseconds when it is that large) -> naive UTC datetime; None if absent.

    Raises ValueError on an unparseable value (including one that is not a string, and one
    that overflows when converted to UTC, e.g. year 1 with a positive offset) so the caller
    can record it."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str):
        s = value.strip()
        if len(s) > MAX_DATE_CHARS:
            raise ValueError(f"a date of {len(s):,} characters")
        if s.endswith("Z"):
            s = s[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(s)
        except ValueError:
            # RFC 2822, as feeds and mail-like exports write it: "Tue, 18 Feb 2025 12:40:00 GMT"
            try:
                dt = email.utils.parsedate_to_datetime(s)
            except (TypeError, ValueError, IndexError, OverflowError):
                dt = None
            if dt is None:
                raise ValueError(f"{s[:40]!r} is neither ISO 8601 nor an RFC 2822 date") from None
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        # Unix time in seconds (or milliseconds, as JavaScript writes it)
        seconds = value / 1000 if abs(value) >= 1e11 else value
        try:
            dt = datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, ValueError, OSError) as exc:
            raise ValueError(f"Unix time {value!r} is out of range") from exc
    else:
        raise ValueError(f"{type(value).__name__}, not a date string")
    if dt.tzinfo is not None:
        try:
            dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
        except (OverflowError, ValueError) as exc:
            raise ValueError("a date outside the range that can be converted to UTC") from exc
    return dt
