"""A folder of articles: .txt/.md (optional front matter), .html/.htm, .json, .jsonl.

Hidden files and unknown extensions are skipped (counted in the batch's stats); every
unreadable file becomes an ``IngestError`` and the other files are still read. The source
stays inside its folder: a symbolic link whose target (resolved) lies outside it is not
read (one row), and neither is anything that is not a regular file (a FIFO, a device) or a
file larger than ``MAX_FILE_BYTES``."""

from __future__ import annotations

from pathlib import Path

from claimtrack.errors import SourceError
from claimtrack.sources.base import Article, IngestError, SourceBatch, parse_datetime
from claimtrack.sources.frontmatter import split_front_matter
from claimtrack.sources.html import html_to_text
from claimtrack.sources.jsonl import read_jsonl_lines
from claimtrack.sources.records import RecordError, article_from_record, loads_guarded

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".json", ".jsonl"}


MAX_FILE_BYTES = 50_000_000  # .txt/.md/.html/.json; a larger file is refused unread
MAX_JSONL_FILE_BYTES = 2_000_000_000

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


def read_text_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    size = path.stat().st_size
    if size > max_bytes:
        raise RecordError(f"is {size:,} bytes, more than the {max_bytes:,} this kind of file may have; it was not read")
    return decode_text(path.read_bytes())


def _from_text(path: Path, default_source: str) -> Article:
    header, body = split_front_matter(read_text_file(path))
    if not body.strip():
        raise RecordError("has no text")
    try:
        published = parse_datetime(header.get("published_at") or header.get("date"))
    except ValueError as exc:
        raise RecordError(f"has an unparseable published_at {str(header.get('published_at'))[:60]!r}") from exc
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
    real_root = root.resolve()
    fallback = default_source or real_root.name
    batch = SourceBatch()
    skipped = {"skipped_hidden": 0, "skipped_unknown_type": 0, "skipped_not_regular": 0, "skipped_outside_folder": 0}
    files = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            skipped["skipped_hidden"] += p.is_file()
            continue
        if p.is_dir():
            continue
        if p.suffix.lower() not in SUFFIXES:
            skipped["skipped_unknown_type"] += 1
            continue
        try:
            real = p.resolve(strict=True)
        except (OSError, RuntimeError):  # a dangling link or a loop
            skipped["skipped_not_regular"] += 1
            batch.errors.append(IngestError(spec, str(p), "NotAFile", f"{p} is a broken or looping link; it was skipped"))
            continue
        if not real.is_relative_to(real_root):
            skipped["skipped_outside_folder"] += 1
            batch.errors.append(IngestError(spec, str(p), "OutsideFolder",
                                            f"{p} links to {real}, outside the source folder {real_root}; it was not read"))
            continue
        if not real.is_file():
            skipped["skipped_not_regular"] += 1
            batch.errors.append(IngestError(spec, str(p), "NotAFile", f"{p} is not a regular file (a FIFO or a device?); it was skipped"))
            continue
        files.append(p)
    batch.stats.update({k: v for k, v in skipped.items() if v})
    for path in files:
        suffix = path.suffix.lower()
        try:
            if suffix in TEXT_SUFFIXES:
                batch.articles.append(_from_text(path, fallback))
            elif suffix in HTML_SUFFIXES:
                batch.articles.append(_from_html(path, fallback))
            elif suffix == ".json":
                rec = loads_guarded(read_text_file(path))
                batch.articles.append(article_from_record(rec, default_source=fallback, origin=str(path)))
            else:
                sub = read_jsonl_lines(read_text_file(path, MAX_JSONL_FILE_BYTES), spec=spec, origin=str(path), default_source=fallback)
                batch.articles.extend(sub.articles)
                batch.errors.extend(sub.errors)
        except (RecordError, OSError) as exc:
            batch.errors.append(
                IngestError(spec, str(path), type(exc).__name__, f"{path} {exc}".strip())
            )
        except Exception as exc:  # noqa: BLE001 - one file never costs the folder
            batch.errors.append(IngestError(spec, str(path), type(exc).__name__,
                                            f"{path} could not be read ({type(exc).__name__}: {str(exc)[:200]})"))
    return batch
