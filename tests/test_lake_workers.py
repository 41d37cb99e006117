"""Workers writing their own batches into a PostgreSQL-catalogued DuckLake: idempotent by
the content-hash ids (a retried or duplicated batch adds nothing twice), the flow on a
2-process Dask LocalCluster gives the single-file warehouse's tables, and a worker killed
mid-batch leaves nothing a re-run cannot finish."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS
from test_lake import contents, postgres, same_up_to_float_noise, settings_for  # noqa: F401 - the session's PostgreSQL fixture

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


def _extract_jobs(settings, run_id: str) -> list[dict]:
    """The extraction jobs the flow would send to workers for every pending article."""
    from claimtrack import lake, pipeline
    from claimtrack.claims import EXTRACTOR_VERSION
    from claimtrack.warehouse import open_for_write, sql_file

    with open_for_write(settings.warehouse) as con:
        pending = con.execute(sql_file("pipeline/pending_extraction_by_language.sql"),
                              {"extractor_version": EXTRACTOR_VERSION, "non_english": False}).fetchall()
        meta = dict(con.execute("SELECT article_id, struct_pack(p := published_at, t := title) FROM articles").fetchall())
    jobs = []
    for b0 in range(0, len(pending), 4):
        batch = pending[b0 : b0 + 4]
        jobs.append({
            "texts": [r[2] for r in batch], "min_tokens": settings.extraction.min_tokens,
            "batch_size": settings.extraction.batch_size,
            "published_at": [meta[r[0]]["p"] for r in batch], "titles": [meta[r[0]]["t"] for r in batch],
            "store": {"warehouse": str(settings.warehouse), "data_path": lake.data_path(settings.warehouse),
                      "run_id": run_id, "batch": [[r[0], r[1]] for r in batch]},
        })
    del pipeline
    return jobs


def _counts(warehouse) -> dict:
    from claimtrack.warehouse import query_published

    return {t: query_published(warehouse, f"SELECT count(*) FROM {t}").item()
            for t in ("claims", "article_extractions", "embeddings")}


def _keys_unique(warehouse) -> bool:
    from claimtrack.warehouse import query_published

    return query_published(warehouse, "SELECT count(*) = count(DISTINCT claim_id) FROM claims").item()


def test_batches_written_by_workers_are_idempotent(tmp_path, postgres, embedder):  # noqa: F811
    """The same batch written again (a retry after a lost result) adds nothing; two copies
    committed at the same time (a duplicated task) are folded to one by the clustering
    stage's de-duplication before any claim is clustered."""
    import pickle

    from claimtrack import lake, pipeline

    wh = f"ducklake:postgres:{postgres.new_database()}"
    settings = settings_for(wh, tmp_path / "files")
    run_id = pipeline.start_run(settings)
    pipeline.ingest(settings, run_id)
    jobs = _extract_jobs(settings, run_id)
    first = [pipeline.extract_store_job(j) for j in jobs]
    pipeline.finish_run(settings, run_id, "completed", {})
    once = _counts(wh)
    assert once["claims"] == sum(c["claims_new"] for c in first) > 50
    # retried: every batch again, sequentially
    for j in jobs:
        pipeline.extract_store_job(j)
    pipeline.finish_run(settings, run_id, "completed", {})
    assert _counts(wh) == once
    # duplicated: the first batch twice at the same time, from two processes
    job_file = tmp_path / "job.pkl"
    job_file.write_bytes(pickle.dumps(jobs[0]))
    code = ("import pickle,sys; from claimtrack import pipeline; "
            f"print(pipeline.extract_store_job(pickle.load(open({str(job_file)!r}, 'rb'))))")
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
    con = lake.connect(wh)
    try:
        with __import__("claimtrack.warehouse").warehouse.transaction(con):
            lake.dedupe(con)
        n = con.execute("SELECT count(*), count(DISTINCT claim_id) FROM claims").fetchone()
    finally:
        con.close()
    assert n[0] == n[1] == once["claims"]
    # embeddings from workers: again twice, nothing doubled
    from claimtrack.warehouse import open_for_write, sql_file

    with open_for_write(wh) as con:
        pending = con.execute(sql_file("pipeline/pending_embeddings.sql"), {"model": embedder.model_id}).fetchall()
    job = {"texts": [t for _, t in pending[:40]], "embedding": settings.embedding.model_dump(),
           "store": {"warehouse": wh, "data_path": str(tmp_path / "files"), "run_id": run_id,
                     "model": embedder.model_id, "hashes": [h for h, _ in pending[:40]]}}
    assert pipeline.embed_store_job(job) == pipeline.embed_store_job(job) == 40
    pipeline.finish_run(settings, run_id, "completed", {})
    assert _counts(wh)["embeddings"] == 40


def test_dask_workers_write_the_lake_equal_to_single_file(tmp_path, postgres, prefect_server, monkeypatch):  # noqa: F811
    """(a) the DuckDB file, single process, vs (c) a PostgreSQL-backed DuckLake with 2 Dask
    workers writing their batches: identical tables and view outputs. Then a worker is
    killed (SIGKILL) at a batch commit: the run fails or finishes, and the re-run reaches
    the same tables."""
    from flows.pipeline import run_flow

    monkeypatch.chdir(tmp_path)
    single = tmp_path / "single.duckdb"
    a = run_flow(sources=[f"folder:{SEEDS}"], warehouse=str(single))
    wh = f"ducklake:postgres:{postgres.new_database()}"
    monkeypatch.setenv("CLAIMTRACK_LAKE__DATA_PATH", str(tmp_path / "files"))
    b = run_flow(sources=[f"folder:{SEEDS}"], warehouse=wh, workers=2)
    assert a["counts"]["claims_new"] == b["counts"]["claims_new"] > 50
    assert a["counts"]["embeddings_new"] == b["counts"]["embeddings_new"]
    ref = contents(single)
    got = contents(wh)
    for key in ref:
        assert same_up_to_float_noise(got[key], ref[key]), key

    wh2 = f"ducklake:postgres:{postgres.new_database()}"
    monkeypatch.setenv("CLAIMTRACK_FAULT", "worker-commit:2")
    try:
        run_flow(sources=[f"folder:{SEEDS}"], warehouse=wh2, workers=2)
    except Exception:  # noqa: BLE001 - the killed workers may fail the run (KilledWorker): that is the point
        pass
    monkeypatch.delenv("CLAIMTRACK_FAULT")
    run_flow(sources=[f"folder:{SEEDS}"], warehouse=wh2, workers=2)
    got2 = contents(wh2)
    for key in ref:
        assert same_up_to_float_noise(got2[key], ref[key]), key
