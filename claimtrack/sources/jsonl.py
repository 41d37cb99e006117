"""JSON Lines: one article per line,
``{"source", "url", "title", "published_at", "text" | "html", "id"?}``.
A bad line becomes an ``IngestError``; the other lines are still read."""

from __future__ import annotations

from pathlib import Path

from claimtrack.errors import SourceError
from claimtrack.sources.base import IngestError, SourceBatch
from claimtrack.sources.records import RecordError, article_from_record, loads_guarded

MAX_JSONL_BYTES = 2_000_000_000  # a larger file is refused whole (split it)


def read_jsonl_lines(content: str, *, spec: str, origin: str, default_source: str) -> SourceBatch:
    batch = SourceBatch()
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            rec = loads_guarded(line)
        except RecordError as exc:
            batch.errors.append(IngestError(spec, where, "JSONDecodeError", f"line {lineno} of {origin} {exc}"))
            continue
        try:
            batch.articles.append(article_from_record(rec, default_source=default_source, origin=where))
        except RecordError as exc:
            batch.errors.append(IngestError(spec, where, "RecordError", f"line {lineno} of {origin} {exc}"))
        except Exception as exc:  # noqa: BLE001 - one line never costs the file
            batch.errors.append(IngestError(spec, where, type(exc).__name__,
                                            f"line {lineno} of {origin} could not be read ({type(exc).__name__}: {str(exc)[:200]})"))
    return batch


def read_jsonl(location: str, *, spec: str, default_source: str | None = None) -> SourceBatch:
    path = Path(location)
    if not path.is_file():
        raise SourceError(
            f"JSONL file '{location}' does not exist; check the path in --source or claimtrack.toml."
        )
    from claimtrack.sources.folder import decode_text

    batch = SourceBatch()
    try:
        size = path.stat().st_size
        if size > MAX_JSONL_BYTES:
            raise RecordError(f"is {size:,} bytes, more than the {MAX_JSONL_BYTES:,} a JSONL file may have; split it")
        content = decode_text(path.read_bytes())
    except (RecordError, OSError) as exc:
        detail = f"JSONL file '{location}' {exc}."
        batch.errors.append(IngestError(spec, str(path), type(exc).__name__, detail))
        batch.failed = detail
        return batch
    return read_jsonl_lines(content, spec=spec, origin=str(path), default_source=default_source or path.stem)
