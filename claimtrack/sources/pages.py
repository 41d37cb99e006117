"""Web pages -> Articles, shared by the rss, urls and sitemap sources.

Each entry (a feed item, a listed URL, a sitemap ``<url>``) is fetched through the run's
``Fetcher``, its main text extracted with trafilatura; the entry's own title, date and
author fill in what the page lacks (the entry's date wins: feeds give exact timestamps).
URLs that already led to a stored article are not fetched again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from claimtrack.sources.base import Article, IngestError, SourceBatch, parse_datetime
from claimtrack.sources.html import html_to_text
from claimtrack.sources.http import Fetcher, FetchResult, html_type


@dataclass
class Entry:
    link: str
    outlet: str | None = None  # None: the page's site name, else the host
    title: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    newest: datetime | None = None  # ordering only (sitemaps: publication date, else lastmod)


def host_of(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def error_row(spec: str, res: FetchResult) -> IngestError:
    return IngestError(spec, res.url, res.error or "Error", res.detail, stage=res.stage)


def fetch_entries(fetcher: Fetcher, entries: list[Entry], *, spec: str, batch: SourceBatch) -> None:
    """Fetch the new entries' pages (newest first, at most ``http.max_items``) into ``batch``."""
    fresh, seen = [], set()
    for e in entries:
        if fetcher.cache.is_known(e.link) or e.link in seen:
            batch.stats["known_skipped"] = batch.stats.get("known_skipped", 0) + 1
            continue
        seen.add(e.link)
        fresh.append(e)
    cap = fetcher.config.max_items
    if len(fresh) > cap:
        batch.stats["over_max_items"] = len(fresh) - cap
        fresh = fresh[:cap]
    results = fetcher.fetch_many([e.link for e in fresh], accept=html_type)
    for entry, res in zip(fresh, results):
        if res.not_modified:
            continue
        if res.error:
            batch.errors.append(error_row(spec, res))
            if res.transient:
                batch.stats["transient_errors"] = batch.stats.get("transient_errors", 0) + 1
            continue
        art = page_article(res, entry)
        if isinstance(art, IngestError):
            art.source_spec = spec
            batch.errors.append(art)
        else:
            batch.articles.append(art)


def page_article(res: FetchResult, entry: Entry) -> Article | IngestError:
    url = res.final_url or res.url
    try:
        text, meta = html_to_text(res.text(), url=url)
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml on hostile markup
        return IngestError("", res.url, type(exc).__name__, f"{url} could not be parsed as HTML ({exc})", stage="main_text")
    if not text or not text.strip():
        return IngestError("", res.url, "NoMainText", f"{url} has no main text that could be extracted", stage="main_text")
    published = entry.published_at
    if published is None:
        try:
            published = parse_datetime(meta.get("published_at"))
        except ValueError:
            published = None
    return Article(
        source=entry.outlet or meta.get("source") or host_of(url),
        text=text,
        url=url,
        title=meta.get("title") or entry.title,
        published_at=published,
        author=meta.get("author") or entry.author,
        origin=res.url,
        aliases=[u for u in dict.fromkeys([res.url, entry.link]) if u != url],
    )


def fetch_listing(fetcher, location: str, spec: str, batch):
    """Fetch a feed or sitemap document with a conditional GET. Returns the response, or
    None when there is nothing to read: unchanged (304, counted in ``batch.stats``) or
    failed (one error row in ``batch``, and the source marked failed)."""
    from claimtrack.sources.http import xml_type

    res = fetcher.fetch(location, accept=xml_type, remember=False)
    if res.not_modified:
        batch.stats["source_not_modified"] = 1
        fetcher.remember(res)
        return None
    if res.error:
        batch.errors.append(error_row(spec, res))
        batch.failed = res.detail
        return None
    return res
