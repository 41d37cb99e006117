"""A folder of articles: .txt/.md (optional front matter), .html/.htm, .json, .jsonl.

Hidden files and unknown extensions are skipped; every unreadable file becomes an
``IngestError`` and the other files are still read."""

from __future__ import annotations

import json
from pathlib import Path

from claimtrack.errors import SourceError
from claimtrack.sources.base import Article, IngestError, SourceBatch, parse_datetime
from claimtrack.sources.frontmatter import split_front_matter
from claimtrack.sources.html import html_to_text
from claimtrack.sources.jsonl import read_jsonl_lines
from claimtrack.sources.records import RecordError, article_from_record

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".json", ".jsonl"}


BINARY_MAGIC = (b"\x89PNG", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"%PDF")


def decode_text(raw: bytes) -> str:
    """Bytes of a text file -> str. UTF-8 (with or without BOM) and UTF-16 with a BOM are
    read as such; anything else that is not binary is read as Windows-1252, the usual
    encoding of older newsroom exports. Binary files are refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise RecordError("starts with a UTF-16 byte-order mark but is not valid UTF-16") from exc
    if raw.startswith(BINARY_MAGIC) or b"\x00" in raw[:8192]:
        raise RecordError("is a binary file (an image, archive or PDF?), not text; remove it or convert it to text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_text_file(path: Path) -> str:
    return decode_text(path.read_bytes())


def _from_text(path: Path, default_source: str) -> Article:
    header, body = split_front_matter(read_text_file(path))
    if not body.strip():
        raise RecordError("has no text")
    try:
        published = parse_datetime(header.get("published_at") or header.get("date"))
    except ValueError as exc:
        raise RecordError(f"has an unparseable published_at {header.get('published_at')!r}") from exc
    return Article(
        source=header.get("source") or default_source,
        text=body.strip("\n"),
        url=header.get("url"),
        title=header.get("title"),
        published_at=published,
        language=header.get("language"),
        external_id=header.get("id"),
        origin=str(path),
    )


def _from_html(path: Path, default_source: str) -> Article:
    text, meta = html_to_text(read_text_file(path))
    if not text or not text.strip():
        raise RecordError("has no main text that could be extracted")
    try:
        published = parse_datetime(meta.get("published_at"))
    except ValueError:
        published = None
    return Article(
        source=meta.get("source") or default_source,
        text=text,
        url=meta.get("url"),
        title=meta.get("title"),
        published_at=published,
        origin=str(path),
    )


def read_folder(location: str, *, spec: str, default_source: str | None = None) -> SourceBatch:
    root = Path(location)
    if not root.is_dir():
        raise SourceError(
            f"Source folder '{location}' does not exist or is not a folder; check the path in --source or claimtrack.toml."
        )
    fallback = default_source or root.resolve().name
    batch = SourceBatch()
    files = sorted(
        p for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    for path in files:
        suffix = path.suffix.lower()
        try:
            if suffix in TEXT_SUFFIXES:
                batch.articles.append(_from_text(path, fallback))
            elif suffix in HTML_SUFFIXES:
                batch.articles.append(_from_html(path, fallback))
            elif suffix == ".json":
                try:
                    rec = json.loads(read_text_file(path))
                except json.JSONDecodeError as exc:
                    raise RecordError(f"is not valid JSON ({exc.msg} at line {exc.lineno})") from exc
                batch.articles.append(article_from_record(rec, default_source=fallback, origin=str(path)))
            else:
                sub = read_jsonl_lines(read_text_file(path), spec=spec, origin=str(path), default_source=fallback)
                batch.articles.extend(sub.articles)
                batch.errors.extend(sub.errors)
        except (RecordError, OSError) as exc:
            batch.errors.append(
                IngestError(spec, str(path), type(exc).__name__, f"{path} {exc}".strip())
            )
    return batch
