"""Regenerate the seed article's claims in README.md (between the seed-claims markers): what
the extractor stores for ``seeds/000_e803d3f3405ea422.txt``, the real article the project was
started from, shown as the report shows claims (the statement with its speaker).

    .venv/bin/python tools/update_readme_claims.py

tests/test_readme_claims.py fails when the README's table is not what the current
extractor gives, so the table always shows the claims of the code it ships with."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START, END = "<!-- seed-claims:start -->", "<!-- seed-claims:end -->"
SEED = ROOT / "seeds" / "000_e803d3f3405ea422.txt"


def seed_claims():
    from claimtrack.claims import extract_claims
    from claimtrack.sources.folder import _from_text

    article = _from_text(SEED, "seed")
    return extract_claims(article.text, published_at=article.published_at, title=article.title)


def cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def section() -> str:
    from claimtrack.claims import EXTRACTOR_VERSION

    claims = seed_claims()
    rows = ["| # | claim as the report shows it | kind | speaker as worded | cue (kind) |", "|---|---|---|---|---|"]
    for k, c in enumerate(claims, 1):
        cue = f"{c.cue} ({c.attribution_kind})" if c.cue else ""
        rows.append(f"| {k} | {cell(c.statement)} | {c.kind} | {cell(c.speaker_mention)} | {cell(cue)} |")
    return (f"Extractor `{EXTRACTOR_VERSION}`, `clause` granularity (what the pipeline stores): "
            f"{len(claims)} claims.\n\n" + "\n".join(rows) + "\n")


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = text[: text.index(START) + len(START)] + "\n\n" + section() + "\n" + text[text.index(END):]
    readme.write_text(new, encoding="utf-8")
    print(f"updated {readme}")


if __name__ == "__main__":
    main()
