"""Distributed execution on this machine: BASIL dev end to end with 1 vs 2 Dask workers
(side by side in one run), against the plain single-process flow, and Prefect+Dask's
per-task overhead.

    .venv/bin/python benchmarks/dask_scaling.py [--repeats 1]

Each configuration runs the real flow (`flows.pipeline.run_flow`, Prefect embedded) on a
fresh warehouse; the LocalCluster start-up and each worker's model loading are included,
as a user would pay them."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import bench_file, machine, write_result  # noqa: E402


def noop(x):
    return x


def task_overhead(n_tasks: int = 200) -> dict:
    """Seconds per task for n no-op compute_batch tasks, on Dask (2 processes) and threads."""
    from prefect import flow

    from flows.pipeline import dask_task_runner, task_mapper

    @flow(name="overhead-probe")
    def probe(n: int) -> float:
        task_mapper(noop, [0] * 4)  # warm the runner
        t0 = time.perf_counter()
        task_mapper(noop, list(range(n)))
        return (time.perf_counter() - t0) / n

    threads = probe(n_tasks)
    dask = probe.with_options(task_runner=dask_task_runner(2))(n_tasks)
    return {"tasks": n_tasks, "dask_2proc_ms_per_task": round(dask * 1000, 2), "threads_ms_per_task": round(threads * 1000, 2)}


def run_once(data: Path, workers: int | None) -> dict:
    from flows.pipeline import run_flow

    wh = Path(tempfile.mkdtemp(prefix="claimtrack-dask-")) / "w.duckdb"
    t0 = time.perf_counter()
    res = run_flow(sources=[f"jsonl:{data}"], warehouse=str(wh), workers=workers)
    return {"seconds": time.perf_counter() - t0, "claims": res["counts"]["claims_new"],
            "clusters": res["summary"]["clusters"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=1)
    a = ap.parse_args()
    data = bench_file("multisource/basil_dev.jsonl")
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="claimtrack-prefect-"))
    overhead = task_overhead()
    print("overhead", overhead, flush=True)
    runs: dict[str, list[dict]] = {"single process": [], "dask 1 worker": [], "dask 2 workers": []}
    for _ in range(a.repeats):
        for label, workers in (("single process", None), ("dask 1 worker", 1), ("dask 2 workers", 2)):
            r = run_once(data, workers)
            print(label, r, flush=True)
            runs[label].append(r)
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
    claims = runs["single process"][0]["claims"]
    out = {
        "machine": machine(),
        "command": "python benchmarks/dask_scaling.py " + " ".join(sys.argv[1:]),
        "claims": claims,
        "seconds": {k: round(v, 1) for k, v in med.items()},
        "claims_per_second": {k: round(claims / v, 1) for k, v in med.items()},
        "speedup_2_vs_1_workers": round(med["dask 1 worker"] / med["dask 2 workers"], 3),
        "same_result": len({(r["claims"], r["clusters"]) for v in runs.values() for r in v}) == 1,
        "task_overhead": overhead,
    }
    print(json.dumps(out, indent=1))
    print("written", write_result("dask_scaling", out))


if __name__ == "__main__":
    main()
