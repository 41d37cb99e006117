"""XML sitemaps, news sitemaps and sitemap indexes (plain or gzipped).

``<url><loc>`` entries are fetched newest first (``news:publication_date``, else
``lastmod``), at most ``http.max_items`` new ones per run; a sitemap index is followed one
level down (its newest ``MAX_CHILD_SITEMAPS`` children). The outlet is the source's
configured ``name``, else the news sitemap's ``news:publication/news:name``, else the host.
Every sitemap is fetched with a conditional GET: an unchanged one costs one 304."""

from __future__ import annotations

import gzip
import io
from datetime import datetime
from urllib.parse import urljoin

from claimtrack.sources.base import IngestError, SourceBatch, parse_datetime
from claimtrack.sources.http import Fetcher, FetchResult, xml_type
from claimtrack.sources.pages import Entry, error_row, fetch_entries, fetch_listing, host_of

MAX_CHILD_SITEMAPS = 20


class SitemapError(ValueError):
    pass


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(el, name: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _when(value: str | None) -> datetime | None:
    try:
        return parse_datetime(value)
    except ValueError:
        return None


def parse_sitemap(body: bytes, max_bytes: int):
    """-> ("index", [(loc, lastmod)]) or ("urlset", [(loc, lastmod, news_name, news_date, news_title)])."""
    from lxml import etree

    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
                body = gz.read(max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise SitemapError(f"is not valid gzip ({exc})") from exc
        if len(body) > max_bytes:
            raise SitemapError(f"unpacks to more than http.max_bytes ({max_bytes} bytes)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"is not well-formed XML ({exc})") from exc
    kind = _local(root.tag)
    if kind == "sitemapindex":
        return kind, [(_child_text(s, "loc"), _child_text(s, "lastmod")) for s in root if _local(s.tag) == "sitemap"]
    if kind == "urlset":
        out = []
        for u in root:
            if _local(u.tag) != "url":
                continue
            out.append((_child_text(u, "loc"), _child_text(u, "lastmod"), _child_text(u, "name"),
                        _child_text(u, "publication_date"), _child_text(u, "title")))
        return kind, out
    raise SitemapError(f"has root element <{kind}>, not <urlset> or <sitemapindex>")


def read_sitemap(location: str, *, spec: str, default_source: str | None = None,
                 fetcher: Fetcher | None = None) -> SourceBatch:
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    batch = SourceBatch()
    try:
        res = fetch_listing(fetcher, location, spec, batch)
        if res is None:
            return batch
        try:
            kind, items = parse_sitemap(res.body, fetcher.config.max_bytes)
        except SitemapError as exc:
            detail = f"{location} {exc}"
            batch.errors.append(IngestError(spec, location, "MalformedSitemap", detail, stage="parse"))
            batch.failed = detail
            return batch
        done: list[FetchResult] = [res]
        rows = []
        if kind == "sitemapindex":
            children = sorted((i for i in items if i[0]), key=lambda i: _when(i[1]) or datetime.min, reverse=True)
            for loc, _ in children[:MAX_CHILD_SITEMAPS]:
                child_url = urljoin(res.final_url or location, loc)
                cres = fetcher.fetch(child_url, accept=xml_type, remember=False)
                if cres.not_modified:
                    fetcher.remember(cres)
                    continue
                if cres.error:
                    batch.errors.append(error_row(spec, cres))
                    continue
                try:
                    ckind, citems = parse_sitemap(cres.body, fetcher.config.max_bytes)
                    if ckind != "urlset":
                        raise SitemapError("is a sitemap index inside a sitemap index; only one level is followed")
                except SitemapError as exc:
                    batch.errors.append(IngestError(spec, child_url, "MalformedSitemap", f"{child_url} {exc}", stage="parse"))
                    continue
                rows += [(cres.final_url or child_url, *i) for i in citems]
                done.append(cres)
        else:
            rows = [(res.final_url or location, *i) for i in items]
        entries = []
        for base, loc, lastmod, news_name, news_date, news_title in rows:
            if not loc:
                continue
            entries.append(Entry(
                link=urljoin(base, loc),
                outlet=default_source or news_name or host_of(res.final_url or location),
                title=news_title, published_at=_when(news_date),
                newest=_when(news_date) or _when(lastmod) or datetime.min,
            ))
        entries.sort(key=lambda e: e.newest, reverse=True)
        fetch_entries(fetcher, entries, spec=spec, batch=batch)
        for r in done:
            if batch.stats.get("transient_errors"):
                fetcher.forget(r)
            else:
                fetcher.remember(r)
        return batch
    finally:
        if own:
            fetcher.close()
