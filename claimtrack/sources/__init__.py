"""Source kinds: each module turns a location into Articles plus IngestErrors.

Local kinds (folder, jsonl) read files; web kinds (rss, urls, sitemap) fetch through the
run's shared ``Fetcher`` (``sources/http.py``: politeness, retries, conditional GET)."""

from __future__ import annotations

import logging

from claimtrack.config import SourceConfig
from claimtrack.errors import SourceError
from claimtrack.sources.base import Article, IngestError, SourceBatch
from claimtrack.sources.feed import read_feed
from claimtrack.sources.folder import read_folder
from claimtrack.sources.http import Fetcher, HttpCache
from claimtrack.sources.jsonl import read_jsonl
from claimtrack.sources.sitemap import read_sitemap
from claimtrack.sources.urls import read_urls
from claimtrack.sources.validate import validate_batch

log = logging.getLogger("claimtrack")
READERS = {"folder": read_folder, "jsonl": read_jsonl, "rss": read_feed, "urls": read_urls, "sitemap": read_sitemap}
WEB_KINDS = ("rss", "urls", "sitemap")


def read_source(source: SourceConfig, *, fetcher: Fetcher | None = None) -> SourceBatch:
    """Read every article of one configured source. Web kinds use ``fetcher`` (one per run,
    holding the conditional-GET cache); without one they get a fresh, cache-less one.

    Every article passes ``validate_batch`` (the record boundary). A source location that
    does not exist is a ``SourceError`` (the user's to fix; ``preflight`` checks it first);
    any other exception out of a source module is a bug, and becomes this source's failed
    outcome (one row) so the run still stores every other source's articles."""
    reader = READERS[source.kind]
    try:
        if source.kind in WEB_KINDS:
            batch = reader(source.location, spec=source.spec, default_source=source.name, fetcher=fetcher)
        else:
            batch = reader(source.location, spec=source.spec, default_source=source.name)
    except SourceError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug in one source never costs the others
        log.exception("source %s failed", source.spec)
        detail = (f"{source.spec} could not be read ({type(exc).__name__}: {str(exc)[:300]}); "
                  "this is a bug in claimtrack, please report it")
        batch = SourceBatch(errors=[IngestError(source.spec, source.location, type(exc).__name__, detail, stage="source")],
                            failed=detail)
    return validate_batch(batch, source.spec)


__all__ = ["Article", "Fetcher", "HttpCache", "IngestError", "SourceBatch", "WEB_KINDS", "read_source"]
