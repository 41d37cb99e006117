"""The check behind the sentence -> claims tables (tests/test_claims_table.py,
tests/test_resolution_rows.py): extract one text and compare every stored claim, as
(text, speaker), and optionally the dropped reasons."""

from __future__ import annotations

from claimtrack.claims import extract_many


def assert_rows(text: str, expected: list, dropped: dict | None, granularity: str = "clause") -> None:
    res = extract_many([text], granularity=granularity)[0]
    got = [(c.text, c.speaker) for c in res.claims]
    assert got == expected
    if dropped is not None:
        assert res.dropped == dropped
