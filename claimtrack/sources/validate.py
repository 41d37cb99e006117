"""Checks every article passes before it is stored, whatever its source kind.

- Text longer than ``MAX_ARTICLE_CHARS`` is refused (an ``ingest_errors`` row): a 20 MB
  "article" is a data dump or a broken page, and would stall claim extraction.
- A ``published_at`` more than a day in the future is dropped (stored as unknown) and the
  article kept, with a row saying so: a wrong clock must not make an outlet "first".
- NUL and other C0 control characters (except tab and newline) are removed from the text."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from claimtrack.sources.base import IngestError, SourceBatch

MAX_ARTICLE_CHARS = 1_000_000
FUTURE_TOLERANCE = timedelta(days=1)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate_batch(batch: SourceBatch, spec: str, now: datetime | None = None) -> SourceBatch:
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    kept = []
    for art in batch.articles:
        where = art.url or art.origin or spec
        if CONTROL.search(art.text):
            art.text = CONTROL.sub("", art.text)
        if len(art.text) > MAX_ARTICLE_CHARS:
            batch.errors.append(IngestError(
                spec, where, "ArticleTooLong",
                f"{where} has {len(art.text):,} characters, more than the {MAX_ARTICLE_CHARS:,} an article may have; it was skipped",
                stage="validate",
            ))
            continue
        if not art.text.strip():
            batch.errors.append(IngestError(spec, where, "EmptyArticle", f"{where} has no text; it was skipped", stage="validate"))
            continue
        if art.published_at is not None and art.published_at > now + FUTURE_TOLERANCE:
            batch.errors.append(IngestError(
                spec, where, "FutureDate",
                f"{where} says it was published {art.published_at:%Y-%m-%d %H:%M}, in the future; stored with an unknown date",
                stage="validate",
            ))
            art.published_at = None
        kept.append(art)
    batch.articles = kept
    return batch
