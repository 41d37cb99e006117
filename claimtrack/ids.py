"""Content-hash identifiers: stable across re-runs, machines and input order."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def content_hash(*parts: object, length: int = 16) -> str:
    """Hex SHA-256 of the parts joined by a separator that cannot occur in them."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def text_hash(text: str) -> str:
    """Hash of a claim text after Unicode and whitespace normalisation (the embedding cache key)."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return content_hash(norm, length=32)


def slugify(name: str) -> str:
    """A readable, stable source id from an outlet name: 'The Meridian Post' -> 'the-meridian-post'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or content_hash(name, length=12)
