"""RSS 0.9x / 1.0 / 2.0 and Atom feeds (feedparser): each entry's link is fetched and its
main text extracted; the entry's title, date and author are the fallback metadata.

The outlet is the source's configured ``name``, else the feed's title, else the host. An
unchanged feed (304) costs one request and yields nothing. The feed's validators are only
remembered when no entry failed transiently, so a page that timed out is tried again on
the next run (pages already stored are never fetched again)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urljoin

from claimtrack.sources.base import IngestError, SourceBatch
from claimtrack.sources.http import Fetcher
from claimtrack.sources.pages import Entry, fetch_entries, fetch_listing, host_of


def _entry_time(e) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = e.get(key)
        if t:
            try:
                return datetime(*t[:6])
            except (TypeError, ValueError, OverflowError):
                return None
    return None


def _link(e) -> str | None:
    link = e.get("link") or next((ln.get("href") for ln in e.get("links", []) if ln.get("href")), None) or ""
    return link.strip() or None if isinstance(link, str) else None


def read_feed(location: str, *, spec: str, default_source: str | None = None,
              fetcher: Fetcher | None = None) -> SourceBatch:
    import feedparser

    own = fetcher is None
    fetcher = fetcher or Fetcher()
    batch = SourceBatch()
    try:
        res = fetch_listing(fetcher, location, spec, batch)
        if res is None:
            return batch
        base = res.final_url or location
        parsed = feedparser.parse(
            res.body, response_headers={"content-location": base, "content-type": res.content_type or "application/xml"}
        )
        linked = [e for e in parsed.entries if _link(e)]
        if not linked and (parsed.bozo or not parsed.get("version")):
            # not XML at all, or broken so early that not one entry with a link survives
            # (feedparser recovers what it can from slightly broken feeds: those are read)
            why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or str(parsed.get("bozo_exception") or "no feed elements")
            detail = f"{location} is not a readable RSS or Atom feed ({why})"
            batch.errors.append(IngestError(spec, location, "MalformedFeed", detail, stage="parse"))
            batch.failed = detail
            return batch
        outlet = default_source or (parsed.feed.get("title") or "").strip() or host_of(base)
        entries = []
        for e in parsed.entries:
            link = _link(e)
            if not link:
                batch.errors.append(IngestError(spec, location, "EntryWithoutLink",
                                                f"an entry of {location} ({e.get('title') or e.get('id') or 'untitled'}) has no link", stage="parse"))
                continue
            try:
                link = urljoin(base, link)
            except ValueError:  # e.g. a broken IPv6 literal
                batch.errors.append(IngestError(spec, location, "InvalidURL", f"an entry of {location} has an invalid link", stage="parse"))
                continue
            entries.append(Entry(link=link, outlet=outlet, title=e.get("title"),
                                 published_at=_entry_time(e), author=e.get("author")))
        fetch_entries(fetcher, entries, spec=spec, batch=batch)
        if batch.stats.get("transient_errors"):
            fetcher.forget(res)  # fetch the feed again next run, to retry those entries
        else:
            fetcher.remember(res)
        return batch
    finally:
        if own:
            fetcher.close()
