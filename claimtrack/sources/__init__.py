"""Source kinds: each module turns a location into Articles plus IngestErrors."""

from __future__ import annotations

from claimtrack.config import SourceConfig
from claimtrack.sources.base import Article, IngestError, SourceBatch
from claimtrack.sources.folder import read_folder
from claimtrack.sources.jsonl import read_jsonl

READERS = {"folder": read_folder, "jsonl": read_jsonl}


def read_source(source: SourceConfig) -> SourceBatch:
    """Read every article of one configured source."""
    reader = READERS[source.kind]
    return reader(source.location, spec=source.spec, default_source=source.name)


__all__ = ["Article", "IngestError", "SourceBatch", "read_source"]
