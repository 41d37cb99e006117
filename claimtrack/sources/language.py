"""Language of an article's text: py3langid (offline, a bundled naive-Bayes model over
byte n-grams, 97 languages, deterministic). Texts too short to judge get None."""

from __future__ import annotations

MIN_CHARS = 40
SAMPLE_CHARS = 4000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code (``en``, ``fr``, …) or None when the text is too short to tell."""
    sample = " ".join(text.split())[:SAMPLE_CHARS]
    if len(sample) < MIN_CHARS:
        return None
    import py3langid

    return py3langid.classify(sample)[0]
