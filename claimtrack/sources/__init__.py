"""Source kinds: each module turns a location into Articles plus IngestErrors.

Local kinds (folder, jsonl) read files; web kinds (rss, urls, sitemap) fetch through the
run's shared ``Fetcher`` (``sources/http.py``: politeness, retries, conditional GET)."""

from __future__ import annotations

from claimtrack.config import SourceConfig
from claimtrack.sources.base import Article, IngestError, SourceBatch
from claimtrack.sources.feed import read_feed
from claimtrack.sources.folder import read_folder
from claimtrack.sources.http import Fetcher, HttpCache
from claimtrack.sources.jsonl import read_jsonl
from claimtrack.sources.sitemap import read_sitemap
from claimtrack.sources.urls import read_urls
from claimtrack.sources.validate import validate_batch

READERS = {"folder": read_folder, "jsonl": read_jsonl, "rss": read_feed, "urls": read_urls, "sitemap": read_sitemap}
WEB_KINDS = ("rss", "urls", "sitemap")


def read_source(source: SourceConfig, *, fetcher: Fetcher | None = None) -> SourceBatch:
    """Read every article of one configured source. Web kinds use ``fetcher`` (one per run,
    holding the conditional-GET cache); without one they get a fresh, cache-less one."""
    reader = READERS[source.kind]
    if source.kind in WEB_KINDS:
        batch = reader(source.location, spec=source.spec, default_source=source.name, fetcher=fetcher)
    else:
        batch = reader(source.location, spec=source.spec, default_source=source.name)
    return validate_batch(batch, source.spec)


__all__ = ["Article", "Fetcher", "HttpCache", "IngestError", "SourceBatch", "WEB_KINDS", "read_source"]
