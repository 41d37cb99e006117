"""The distributed path: the flow on a 2-process Dask LocalCluster (prefect-dask's
DaskTaskRunner) gives exactly the single-process warehouse."""

import duckdb
import pytest

from conftest import SEEDS

pytestmark = pytest.mark.slow


def snapshot(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            "articles": sorted(con.execute("SELECT article_id, content_hash FROM articles").fetchall()),
            "claims": sorted(con.execute("SELECT claim_id, text, char_start, char_end, speaker FROM claims").fetchall()),
            "embeddings": sorted(con.execute("SELECT model, text_hash FROM embeddings").fetchall()),
            "members": sorted(con.execute("SELECT claim_id, cluster_id FROM cluster_members").fetchall()),
            "variants": sorted(con.execute("SELECT cluster_id, claim_id FROM claim_variants").fetchall()),
            "vectors": con.execute("SELECT sum(list_sum(embedding::FLOAT[])) FROM embeddings").fetchall()[0][0],
        }
    finally:
        con.close()


def test_dask_run_equals_single_process_run(prefect_server, tmp_path):
    from flows.pipeline import run_flow

    single, dist = tmp_path / "single.duckdb", tmp_path / "dask.duckdb"
    a = run_flow(sources=[f"folder:{SEEDS}"], warehouse=str(single))
    b = run_flow(sources=[f"folder:{SEEDS}"], warehouse=str(dist), workers=2)
    assert a["counts"]["claims_new"] == b["counts"]["claims_new"] > 50
    sa, sb = snapshot(single), snapshot(dist)
    vec_a, vec_b = sa.pop("vectors"), sb.pop("vectors")
    assert sa == sb
    assert vec_a == pytest.approx(vec_b, rel=1e-4)
