"""A file of page URLs, one per line (blank lines and ``#`` comments ignored).

Each page is fetched and its main text extracted. The outlet is the source's configured
``name``, else the page's site name, else the host. A line that is not an http(s) URL is
an ``ingest_errors`` row; URLs already stored are not fetched again."""

from __future__ import annotations

from pathlib import Path

from claimtrack.errors import SourceError
from claimtrack.sources.base import IngestError, SourceBatch
from claimtrack.sources.http import Fetcher, is_http_url
from claimtrack.sources.pages import Entry, fetch_entries

MAX_LIST_BYTES = 50_000_000
MAX_URL_CHARS = 4_096


def read_urls(location: str, *, spec: str, default_source: str | None = None,
              fetcher: Fetcher | None = None) -> SourceBatch:
    path = Path(location)
    if not path.is_file():
        raise SourceError(
            f"URL list '{location}' does not exist; check the path in --source or claimtrack.toml."
        )
    batch = SourceBatch()
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            raise ValueError(f"is larger than {MAX_LIST_BYTES:,} bytes; split it")
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        detail = f"URL list '{location}' is not valid UTF-8 (byte {exc.start}); re-save it as UTF-8."
    except (OSError, ValueError) as exc:
        detail = f"URL list '{location}' could not be read ({exc})."
    else:
        detail = None
    if detail:
        batch.errors.append(IngestError(spec, location, "UnreadableList", detail, stage="parse"))
        batch.failed = detail
        return batch
    entries = []
    for lineno, line in enumerate(lines, start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if len(url) > MAX_URL_CHARS or not is_http_url(url):
            batch.errors.append(IngestError(spec, f"{location}:{lineno}", "InvalidURL",
                                            f"line {lineno} of {location} is not a valid http(s) URL", stage="parse"))
            continue
        entries.append(Entry(link=url, outlet=default_source))
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        fetch_entries(fetcher, entries, spec=spec, batch=batch)
    finally:
        if own:
            fetcher.close()
    return batch
