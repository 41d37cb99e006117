"""JSON Lines: one article per line,
``{"source", "url", "title", "published_at", "text" | "html", "id"?}``.
A bad line becomes an ``IngestError``; the other lines are still read."""

from __future__ import annotations

import json
from pathlib import Path

from claimtrack.errors import SourceError
from claimtrack.sources.base import IngestError, SourceBatch
from claimtrack.sources.records import RecordError, article_from_record


def read_jsonl_lines(content: str, *, spec: str, origin: str, default_source: str) -> SourceBatch:
    batch = SourceBatch()
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            batch.errors.append(IngestError(spec, where, "JSONDecodeError", f"line {lineno} of {origin} is not valid JSON ({exc.msg})"))
            continue
        try:
            batch.articles.append(article_from_record(rec, default_source=default_source, origin=where))
        except RecordError as exc:
            batch.errors.append(IngestError(spec, where, "RecordError", f"line {lineno} of {origin} {exc}"))
    return batch


def read_jsonl(location: str, *, spec: str, default_source: str | None = None) -> SourceBatch:
    path = Path(location)
    if not path.is_file():
        raise SourceError(
            f"JSONL file '{location}' does not exist; check the path in --source or claimtrack.toml."
        )
    from claimtrack.sources.folder import decode_text
    from claimtrack.sources.records import RecordError

    try:
        content = decode_text(path.read_bytes())
    except RecordError as exc:
        raise SourceError(f"JSONL file '{location}' {exc}.") from exc
    return read_jsonl_lines(content, spec=spec, origin=str(path), default_source=default_source or path.stem)
