"""The core stages end to end (no Prefect): counts, idempotence, incremental runs, determinism."""

import json
import random

import duckdb
import pytest

from claimtrack.config import Settings, SourceConfig
from conftest import SEEDS, run_stages

pytestmark = pytest.mark.slow


def table_counts(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "claims", "embeddings", "clusters", "cluster_members")}
    finally:
        con.close()


def test_seeds_give_cross_source_results(seeded_warehouse):
    counts = table_counts(seeded_warehouse)
    assert counts["articles"] == len([p for p in SEEDS.iterdir() if not p.name.startswith(".")]) + 1  # jsonl holds 2
    con = duckdb.connect(str(seeded_warehouse), read_only=True)
    try:
        clusterable = con.execute(
            "SELECT count(*) FROM claims WHERE coalesce(claim_kind, 'clause') NOT IN ('appositive', 'title')"
        ).fetchall()[0][0]
        # background descriptors cluster only among themselves, and only where two outlets carry one
        background = con.execute(
            """SELECT m.cluster_id, count(*), count(DISTINCT c.source_id),
                      bool_and(coalesce(c.claim_kind, 'clause') IN ('appositive', 'title'))
               FROM cluster_members m JOIN claims c USING (claim_id) GROUP BY m.cluster_id
               HAVING bool_or(coalesce(c.claim_kind, 'clause') IN ('appositive', 'title'))""").fetchall()
    finally:
        con.close()
    assert all(outlets >= 2 and only_background for _, _, outlets, only_background in background)
    assert counts["claims"] > 60 and counts["cluster_members"] == clusterable + sum(r[1] for r in background)
    # identical texts are embedded once (claims, plus each article's title and lead for stories)
    assert counts["embeddings"] <= counts["claims"] + counts["articles"]
    con = duckdb.connect(str(seeded_warehouse), read_only=True)
    try:
        # every claim's span is its evidence in the stored article text
        rows = con.execute(
            "SELECT a.text, c.char_start, c.char_end, c.text FROM claims c JOIN articles a USING (article_id)"
        ).fetchall()
        for text, s, e, claim in rows:
            assert 0 <= s < e <= len(text)
            evidence = text[s:e]
            # a claim that ends inside a quotation closes it with a mark the article has later
            claim = claim.rstrip('"”»')
            assert claim.endswith(evidence) or claim == evidence or claim.split()[-1] in evidence
        # no stored cluster holds a pair the verifier calls a different claim
        from claimtrack.cluster import PairVerifier
        from claimtrack.cluster_store import _evidence, _vectors
        from claimtrack.warehouse import frame, sql_file

        verifier = PairVerifier()
        ids = [r[0] for r in con.execute("SELECT DISTINCT cluster_id FROM cluster_members").fetchall()]
        members = frame(con, sql_file("pipeline/cluster_states.sql"), {"ids": ids})
        vecs, ev = _vectors(members), _evidence(members)
        cl = members["cluster_id"].to_list()
        pairs = [(i, j) for i in range(len(cl)) for j in range(i + 1, len(cl)) if cl[i] == cl[j]]
        assert pairs  # the seeds do have multi-claim clusters
        probs = verifier.probabilities([float(vecs[i] @ vecs[j]) for i, j in pairs],
                                       [ev[i] for i, _ in pairs], [ev[j] for _, j in pairs])
        assert probs.min() >= verifier.different_below
    finally:
        con.close()


def test_second_run_adds_nothing(tmp_path, embedder):
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="folder", location=str(SEEDS))])
    first = run_stages(s, embedder)
    before = table_counts(s.warehouse)
    second = run_stages(s, embedder)
    assert first["articles_new"] > 0
    assert second["articles_new"] == 0 and second["claims_new"] == 0
    assert second["embeddings_new"] == 0 and second["clusters_new"] == 0 and second["members_new"] == 0
    assert table_counts(s.warehouse) == before


def _write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


ARTICLES = [
    {"source": "Paper A", "id": "a1", "published_at": "2025-05-01T08:00:00Z",
     "text": "The river flooded the old town on Monday. At least 40 homes were evacuated, officials said."},
    {"source": "Paper B", "id": "b1", "published_at": "2025-05-01T09:30:00Z",
     "text": "The river flooded the old town on Monday. At least 45 homes were evacuated, officials said. The mayor declared an emergency."},
    {"source": "Paper C", "id": "c1", "published_at": "2025-05-01T11:00:00Z",
     "text": "Flood water covered the old town on Monday. The mayor declared a state of emergency. A new bakery opened downtown."},
]


def _clusters(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dict(con.execute("SELECT claim_id, cluster_id FROM cluster_members").fetchall())
    finally:
        con.close()


def test_same_claims_in_any_input_order_give_the_same_cluster_ids(tmp_path, embedder):
    results = []
    for i in range(3):
        rows = list(ARTICLES)
        random.Random(i).shuffle(rows)
        _write_jsonl(tmp_path / f"in{i}.jsonl", rows)
        s = Settings(warehouse=tmp_path / f"w{i}.duckdb", sources=[SourceConfig(kind="jsonl", location=str(tmp_path / f"in{i}.jsonl"))])
        run_stages(s, embedder)
        results.append(_clusters(s.warehouse))
    assert results[0] == results[1] == results[2]
    assert len(set(results[0].values())) < len(results[0])  # something did cluster


def test_incremental_run_keeps_existing_ids(tmp_path, embedder):
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, ARTICLES[:2])
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(src))])
    run_stages(s, embedder)
    before = _clusters(s.warehouse)
    _write_jsonl(src, ARTICLES)
    counts = run_stages(s, embedder)
    after = _clusters(s.warehouse)
    assert counts["articles_new"] == 1
    assert all(after[k] == v for k, v in before.items())
    assert len(after) > len(before)


def test_bad_rows_are_recorded_and_the_rest_is_stored(tmp_path, embedder):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLES[0]) + "\n{oops\n" + json.dumps({"source": "X"}) + "\n")
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(src))])
    counts = run_stages(s, embedder)
    assert counts["articles_new"] == 1 and counts["errors"] == 2
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        errs = con.execute("SELECT uri, error FROM ingest_errors ORDER BY uri").fetchall()
    finally:
        con.close()
    assert [e[0].rsplit(":", 1)[1] for e in errs] == ["2", "3"]


def test_a_later_run_failing_leaves_stored_data(tmp_path, embedder):
    from claimtrack.errors import SourceError

    src = tmp_path / "in.jsonl"
    _write_jsonl(src, ARTICLES)
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(src))])
    run_stages(s, embedder)
    before = table_counts(s.warehouse)
    bad = Settings(warehouse=s.warehouse, sources=[SourceConfig(kind="jsonl", location=str(tmp_path / "missing.jsonl"))])
    with pytest.raises(SourceError):
        run_stages(bad, embedder)
    assert table_counts(s.warehouse) == before


def test_recluster_keeps_ids_and_records_lineage(tmp_path, embedder):
    from claimtrack import pipeline

    src = tmp_path / "in.jsonl"
    _write_jsonl(src, ARTICLES)
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(src))])
    run_stages(s, embedder)
    before = _clusters(s.warehouse)
    counts = pipeline.recluster(s, "r_test", embedder.model_id)
    assert _clusters(s.warehouse) == before
    assert counts["clusters_kept_ids"] == counts["clusters"] and counts["merges"] == counts["splits"] == 0
    # a looser verifier merges clusters: the surviving ids are old ones, merges are recorded
    loose = s.model_copy(update={"clustering": s.clustering.model_copy(
        update={"threshold": 0.1, "verifier_threshold": 0.0005})})
    counts = pipeline.recluster(loose, "r_test2", embedder.model_id)
    after = _clusters(s.warehouse)
    assert set(after.values()) <= set(before.values())
    assert counts["merges"] > 0
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        events = con.execute("SELECT DISTINCT event FROM cluster_lineage").fetchall()
    finally:
        con.close()
    assert ("merge",) in events


def test_number_variants_are_kept_apart_and_linked(tmp_path, embedder):
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, ARTICLES[:2])
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(src))])
    run_stages(s, embedder)
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        rows = con.execute(
            "SELECT kind, value_a, value_b, source_a, source_b FROM v_contradictions"
        ).fetchall()
        same = con.execute(
            "SELECT count(*) FROM v_claim_clusters a JOIN v_claim_clusters b USING (cluster_id) "
            "WHERE a.claim_text LIKE '%40 homes%' AND b.claim_text LIKE '%45 homes%'"
        ).fetchall()[0][0]
    finally:
        con.close()
    assert ("number", "40 home", "45 home", "Paper A", "Paper B") in rows
    assert same == 0


def test_a_changed_same_claim_rule_reclusters_once_keeping_ids(tmp_path, embedder):
    from claimtrack import pipeline

    src = tmp_path / "in.jsonl"
    _write_jsonl(src, ARTICLES)
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(src))])
    run_stages(s, embedder)
    before = _clusters(s.warehouse)
    # an unchanged rule: nothing to do
    assert pipeline.cluster(s, "r_same", embedder.model_id)["members_new"] == 0
    stricter = s.model_copy(update={"clustering": s.clustering.model_copy(update={"verifier_threshold": 0.97})})
    counts = pipeline.cluster(stricter, "r_new_rule", embedder.model_id)
    assert "clusters_kept_ids" in counts  # it reclustered
    after = _clusters(s.warehouse)
    assert set(after) == set(before) and len(set(after.values())) >= len(set(before.values()))
    assert set(before.values()) & set(after.values())  # old ids kept by overlap
    assert "clusters_kept_ids" not in pipeline.cluster(stricter, "r_again", embedder.model_id)  # once
