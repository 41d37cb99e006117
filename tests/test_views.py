"""The documented views and every example query in sql/queries, on the seeds."""

from pathlib import Path

import pytest

from claimtrack.warehouse import query

pytestmark = pytest.mark.slow
QUERIES = sorted((Path(__file__).resolve().parent.parent / "sql" / "queries").glob("*.sql"))


def test_there_are_at_least_five_documented_queries():
    assert len(QUERIES) >= 5
    for q in QUERIES:
        head = q.read_text().splitlines()[:2]
        assert head[0].startswith("-- title:") and head[1].startswith("-- question:")


@pytest.mark.parametrize("path", QUERIES, ids=[q.stem for q in QUERIES])
def test_example_query_returns_rows(seeded_warehouse, path):
    df = query(seeded_warehouse, path.read_text())
    assert df.height > 0


def test_v_claim_clusters_has_the_stable_columns(seeded_warehouse):
    df = query(seeded_warehouse, "SELECT * FROM v_claim_clusters LIMIT 1")
    assert df.columns[:7] == ["claim_id", "cluster_id", "article_id", "article_url", "source", "published_at", "claim_text"]


def test_corroborated_claims_have_two_outlets_and_the_earliest_reporter(seeded_warehouse):
    df = query(seeded_warehouse, """
        SELECT k.cluster_id, k.first_reporter, k.n_outlets, k.first_seen_at,
               (SELECT arg_min(source, seen_at) FROM v_claim_clusters c WHERE c.cluster_id = k.cluster_id) AS earliest
        FROM v_corroborated_claims k""")
    assert df.height >= 5
    assert (df["n_outlets"] >= 2).all()
    assert (df["first_reporter"] == df["earliest"]).all()


def test_seed_number_disagreements_are_found(seeded_warehouse):
    df = query(seeded_warehouse, "SELECT value_a, value_b FROM v_disagreements WHERE kind = 'number'")
    pairs = {frozenset(r) for r in df.iter_rows()}
    assert frozenset({"4.5 hour", "3 hour"}) in pairs
    assert frozenset({"15 people", "12 people"}) in pairs


def test_exclusive_claims_belong_to_single_outlet_clusters(seeded_warehouse):
    df = query(seeded_warehouse, """
        SELECT e.cluster_id, count(DISTINCT c.source) AS n
        FROM v_exclusive_claims e JOIN v_claim_clusters c USING (cluster_id) GROUP BY 1""")
    assert df.height > 0 and (df["n"] == 1).all()


def test_agreement_matrix_is_symmetric(seeded_warehouse):
    df = query(seeded_warehouse, """
        SELECT a.shared_clusters = b.shared_clusters AS same
        FROM v_source_agreement a JOIN v_source_agreement b
          ON a.source_a = b.source_b AND a.source_b = b.source_a""")
    assert df.height > 0 and df["same"].all()


def test_speaker_view_reports_who_said_what(seeded_warehouse):
    df = query(seeded_warehouse, "SELECT speaker, reported_by FROM v_speaker_claims WHERE speaker ILIKE '%Okafor%'")
    assert df.height >= 2 and df["reported_by"].n_unique() >= 2
