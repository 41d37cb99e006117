"""Plain-text articles with an optional ``---`` header of ``key: value`` lines."""

from __future__ import annotations

FENCE = "---"


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Return (header, body). Without a header the whole text is the body."""
    text = raw.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        return {}, text
    header: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            return header, "".join(lines[i + 1 :])
        key, sep, value = line.partition(":")
        if sep and key.strip():
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            header[key.strip().lower()] = value
    return {}, text  # an unclosed fence is not a header
