"""Crash safety (SIGKILL at every stage's commit and mid-publish, then a re-run) and
analysts reading while a run writes."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from claimtrack.warehouse import query_published, snapshot_path

pytestmark = pytest.mark.slow
RUNNER = Path(__file__).resolve().parent / "core_runner.py"
ROWS = [
    {"source": "Paper A", "id": "a1", "published_at": "2025-05-01T08:00:00Z",
     "text": "The river flooded the old town on Monday. At least 40 homes were evacuated, officials said."},
    {"source": "Paper B", "id": "b1", "published_at": "2025-05-01T09:30:00Z",
     "text": "The river flooded the old town on Monday. At least 45 homes were evacuated, officials said. The mayor declared an emergency."},
    {"source": "Paper C", "id": "c1", "published_at": "2025-05-01T11:00:00Z",
     "text": "Flood water covered the old town on Monday. The mayor declared a state of emergency."},
]


def run(spec, wh, env_extra=None, cwd=None):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, str(RUNNER), spec, str(wh)], capture_output=True, text=True,
                          env=env, timeout=300, cwd=cwd)


def state(wh):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return {
            "articles": sorted(r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()),
            "claims": sorted(r[0] for r in con.execute("SELECT claim_id FROM claims").fetchall()),
            "embeddings": con.execute("SELECT count(*) FROM embeddings").fetchall()[0][0],
            "members": sorted(con.execute("SELECT claim_id, cluster_id FROM cluster_members").fetchall()),
            "clusters": sorted(con.execute("SELECT cluster_id, representative_claim_id FROM clusters").fetchall()),
            "variants": sorted(con.execute("SELECT cluster_id, claim_id FROM claim_variants").fetchall()),
        }
    finally:
        con.close()


def test_killed_at_every_stage_then_rerun_equals_a_clean_run(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in ROWS))
    spec = f"jsonl:{src}"
    log = tmp_path / "commits.log"
    clean = tmp_path / "clean.duckdb"
    out = run(spec, clean, {"CLAIMTRACK_FAULT_LOG": str(log)}, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    expected = state(clean)
    commits = [line.split() for line in log.read_text().splitlines()]
    # one crash point per data stage: just before the first commit each stage makes
    # (its rows written, not committed), and one in the middle of publishing the snapshot
    stages = ("ingest", "_store_extraction", "_store_embeddings", "cluster_new")
    first = {}
    for k, fn in commits:
        first.setdefault(fn, k)
    assert set(stages) <= set(first), first
    points = [(f"commit:{first[s]}", s) for s in stages] + [("snapshot", "publish_snapshot")]
    for fault, where in points:
        wh = tmp_path / f"crash-{fault.replace(':', '-')}.duckdb"
        out = run(spec, wh, {"CLAIMTRACK_FAULT": fault}, cwd=tmp_path)
        assert out.returncode == -signal.SIGKILL, f"{fault} ({where}) did not crash: {out.stderr[-500:]}"
        out = run(spec, wh, cwd=tmp_path)  # the next run resumes
        assert out.returncode == 0, f"rerun after {fault} ({where}) failed: {out.stderr[-1500:]}"
        assert state(wh) == expected, f"after a crash at {fault} ({where}) the warehouse differs from a clean run"
        assert snapshot_path(wh).exists()
    print(f"crash points tested: {len(points)}: {points}")


def test_readers_query_while_a_run_writes(tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps(ROWS[0]))
    second.write_text("\n".join(json.dumps(r) for r in ROWS))
    wh = tmp_path / "w.duckdb"
    assert run(f"jsonl:{first}", wh, cwd=tmp_path).returncode == 0
    before = query_published(wh, "SELECT count(*) AS n FROM articles")["n"][0]
    results, errors = [], []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                results.append(query_published(wh, "SELECT count(*) AS n, (SELECT count(*) FROM claims) AS c FROM articles").row(0))
            except Exception as exc:  # noqa: BLE001 - any error fails the test below
                errors.append(repr(exc))

    t = threading.Thread(target=reader)
    t.start()
    try:
        out = run(f"jsonl:{second}", wh, cwd=tmp_path)
    finally:
        time.sleep(0.3)
        stop.set()
        t.join()
    assert out.returncode == 0, out.stderr[-2000:]
    after = query_published(wh, "SELECT count(*) AS n FROM articles")["n"][0]
    assert errors == []
    assert len(results) > 20
    # never half a run: a reader sees the old snapshot or the new one, nothing between
    assert {n for n, _ in results} <= {before, after} and after == 3
    old_claims = {c for n, c in results if n == before}
    assert len(old_claims) == 1
    print(f"reader/writer: {len(results)} queries, {len(errors)} errors")
