"""The rules-v2 claim fields in the warehouse, and a version bump replacing old claims."""

import json

import duckdb
import pytest

from claimtrack.config import Settings, SourceConfig
from conftest import run_stages

pytestmark = pytest.mark.usefixtures("nlp")

ARTICLE = {
    "source": "Test Wire", "url": "https://example.test/a", "title": "Talks end",
    "published_at": "2025-02-20T12:00:00Z",
    "text": ("Kremlin negotiator Yuri Ushakov, 72, told reporters that the talks lasted four hours on Tuesday. "
             "He said the two sides would meet again."),
}


def test_fields_are_stored_and_a_version_bump_replaces_old_claims(tmp_path, embedder, monkeypatch):
    from claimtrack import pipeline

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(src))])
    run_stages(s, embedder)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    rows = con.execute(
        "SELECT c.text, c.speaker, c.speaker_mention, c.dates, c.spans, c.claim_kind, c.checkworthiness, "
        "c.original_text, a.text FROM claims c JOIN articles a USING (article_id) ORDER BY c.char_start").fetchall()
    con.close()
    by_text = {r[0]: r for r in rows}
    first = by_text["the talks lasted four hours on Tuesday"]
    assert first[1] == "Yuri Ushakov" and first[3] == ["2025-02-18"] and 0 < first[6] <= 1
    assert by_text["Kremlin negotiator Yuri Ushakov is 72 years old"][5] == "appositive"
    last = by_text["the two sides would meet again"]
    assert last[1] == "Yuri Ushakov" and last[2] == "He"
    for text, *_, spans, _, _, original, article in [(r[0], r[4], r[5], r[6], r[7], r[8]) for r in rows]:
        assert all(0 <= a < b <= len(article) for a, b in spans)

    # a new extractor version re-extracts and replaces the article's claims and memberships
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "rules-test-bump")
    run_stages(s, embedder)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    versions = con.execute("SELECT DISTINCT extractor_version FROM claims").fetchall()
    n_claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    orphans = con.execute(
        "SELECT count(*) FROM cluster_members m WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.claim_id = m.claim_id)"
    ).fetchone()[0]
    members = con.execute("SELECT count(*) FROM cluster_members").fetchone()[0]
    # background descriptors (appositive/title/description claims) are stored, not clustered
    clusterable = con.execute(
        "SELECT count(*) FROM claims WHERE coalesce(claim_kind, 'clause') NOT IN ('appositive', 'title')"
    ).fetchone()[0]
    con.close()
    assert versions == [("rules-test-bump",)]
    assert n_claims == len(rows) and members == clusterable < n_claims and orphans == 0


def test_atomic_granularity_groups_facts_by_clause_and_switching_re_extracts(tmp_path, embedder):
    """``[extraction] granularity = "atomic"`` stores each clause as its atomic facts, grouped
    by ``parent_claim_id``; switching back to ``clause`` re-extracts and replaces them."""
    src = tmp_path / "in.jsonl"
    text = ("Ann Rowe met the speaker in Riyadh on Tuesday. "
            "Rose finished runner-up at the Masters, her coach said.")
    src.write_text(json.dumps(dict(ARTICLE, text=text)) + "\n", encoding="utf-8")
    base = dict(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(src))])
    s = Settings(**base, extraction={"granularity": "atomic"})
    run_stages(s, embedder)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    rows = con.execute("SELECT text, parent_claim_id, extractor_version, sentence_idx FROM claims ORDER BY text").fetchall()
    con.close()
    groups: dict = {}
    for t, parent, version, sidx in rows:
        assert parent is not None and version.endswith("+atomic")
        groups.setdefault(parent, set()).add((t, sidx))
    texts = {t for t, *_ in rows}
    assert {"Ann Rowe met the speaker", "Ann Rowe met the speaker in Riyadh",
            "Ann Rowe met the speaker on Tuesday"} <= texts
    meeting = next(g for g in groups.values() if ("Ann Rowe met the speaker", 0) in g)
    assert {t for t, _ in meeting} == {"Ann Rowe met the speaker", "Ann Rowe met the speaker in Riyadh",
                                       "Ann Rowe met the speaker on Tuesday"}
    assert all(("Rose finished runner-up", 1) not in g for g in groups.values() if g is meeting)

    s = Settings(**base)  # back to the default clause granularity: every article re-extracted
    run_stages(s, embedder)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    rows = con.execute("SELECT text, parent_claim_id, extractor_version FROM claims").fetchall()
    con.close()
    assert "Ann Rowe met the speaker in Riyadh on Tuesday" in {t for t, *_ in rows}
    assert all(p is None and "+" not in v for _, p, v in rows)
