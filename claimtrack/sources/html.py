"""HTML -> main text and metadata, via trafilatura."""

from __future__ import annotations

from typing import Any


# Page metadata that carries a full timestamp (trafilatura's own date is day-only).
TIME_XPATHS = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@property="og:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//meta[@name="pubdate" or @name="publishdate" or @name="date" or @name="dc.date"]/@content',
    "//time[@datetime]/@datetime",
)


def published_time(html: str) -> str | None:
    """The page's own publication timestamp, if its metadata gives one."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for xp in TIME_XPATHS:
        found = tree.xpath(xp)
        if found and str(found[0]).strip():
            return str(found[0]).strip()
    return None


MIN_MAIN_TEXT_WORDS = 5


def html_to_text(html: str, url: str | None = None) -> tuple[str | None, dict[str, Any]]:
    """Return the article's main text (paragraphs joined by newlines) and what metadata the page has."""
    import trafilatura

    try:
        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False, favor_precision=True
        )
        md = trafilatura.extract_metadata(html, default_url=url)
    except (RecursionError, ValueError, TypeError, MemoryError, AttributeError):
        # pathological markup (absurd nesting, broken encodings): no main text, caller reports it
        return None, {}
    if text is not None and len(text.split()) < MIN_MAIN_TEXT_WORDS:
        text = None  # a menu or a footer is not an article
    meta: dict[str, Any] = {}
    if md is not None:
        meta = {
            "title": md.title,
            "source": md.sitename,
            "url": md.url,
            "published_at": published_time(html) or md.date,
            "author": md.author,
        }
    return text, meta
