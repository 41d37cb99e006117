"""README's "Claims" section shows what the current extractor stores for the seed article."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

pytestmark = pytest.mark.usefixtures("nlp")


def test_readme_seed_claims_are_the_current_extractors():
    import update_readme_claims as tool

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = text[text.index(tool.START) + len(tool.START): text.index(tool.END)].strip()
    assert shown == tool.section().strip(), (
        "README's seed claims are out of date; regenerate them with `.venv/bin/python tools/update_readme_claims.py`")
