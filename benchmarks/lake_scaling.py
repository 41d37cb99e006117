"""The warehouse past one file, measured: the same input through the single DuckDB file, a
DuckLake with a local catalog file, and a DuckLake on PostgreSQL; and the PostgreSQL lake
with 1 vs 2 Dask workers writing their own batches. Side by side in one run.

    .venv/bin/python benchmarks/lake_scaling.py [--data seeds|basil] [--repeats 1]

Each configuration runs the real flow (``flows.pipeline.run_flow``, Prefect embedded) on a
fresh warehouse. PostgreSQL is started on a temporary folder with a Unix socket (as the
``postgres`` user when run as root); without PostgreSQL those rows are skipped.

"write share" is the wall time the flow process spent inside warehouse transactions
(statements and commit) over the run's wall time; with workers writing, their batch
transactions run in the workers and are not in that share."""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, bench_file, machine, write_result  # noqa: E402


@contextlib.contextmanager
def postgres_server():
    """A throw-away PostgreSQL; yields a function making a fresh database's conninfo, or None."""
    bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    bindir = bindirs[0] if bindirs else (os.path.dirname(shutil.which("initdb") or "") or None)
    if not bindir:
        print("PostgreSQL not installed: the PostgreSQL rows are skipped")
        yield None
        return
    root = Path(tempfile.mkdtemp(prefix="claimtrack-pg-"))
    prefix = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        os.chmod(root, 0o755)
        prefix = ["runuser", "-u", "postgres", "--"]
    data = root / "data"
    subprocess.run(prefix + [f"{bindir}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
                   check=True, capture_output=True)
    subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", str(data), "-l", str(root / "log"), "-w", "-o",
                             f"-k {root} -c listen_addresses='' -c max_connections=200", "start"],
                   check=True, capture_output=True)
    n = [0]

    def new_db() -> str:
        n[0] += 1
        subprocess.run(prefix + [f"{bindir}/createdb", "-h", str(root), "-U", "postgres", f"bench{n[0]}"],
                       check=True, capture_output=True)
        return f"dbname=bench{n[0]} host={root} user=postgres"

    def db_bytes(conninfo: str) -> int:
        name = conninfo.split()[0].split("=", 1)[1]
        out = subprocess.run(prefix + [f"{bindir}/psql", "-h", str(root), "-U", "postgres", "-At", "-c",
                                       f"SELECT pg_database_size('{name}')"], check=True, capture_output=True, text=True)
        return int(out.stdout.strip())

    new_db.db_bytes = db_bytes

    try:
        yield new_db
    finally:
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


class WriteClock:
    """Wall time spent inside ``warehouse.transaction`` blocks of this process."""

    def __init__(self):
        self.seconds = 0.0

    @contextlib.contextmanager
    def install(self):
        from claimtrack import cluster_store, pipeline, story_store, warehouse

        original = warehouse.transaction

        @contextlib.contextmanager
        def timed(con):
            t0 = time.perf_counter()
            try:
                with original(con) as c:
                    yield c
            finally:
                self.seconds += time.perf_counter() - t0

        mods = (warehouse, pipeline, cluster_store, story_store)
        saved = [getattr(m, "transaction") for m in mods]
        for m in mods:
            m.transaction = timed
        try:
            yield self
        finally:
            for m, s in zip(mods, saved):
                m.transaction = s


def run_once(spec: str, warehouse: str, data_path: str | None, workers: int | None, catalog_bytes=None) -> dict:
    from claimtrack.warehouse import query_published
    from flows.pipeline import run_flow

    if data_path:
        os.environ["CLAIMTRACK_LAKE__DATA_PATH"] = data_path
    else:
        os.environ.pop("CLAIMTRACK_LAKE__DATA_PATH", None)
    clock = WriteClock()
    with clock.install():
        t0 = time.perf_counter()
        res = run_flow(sources=[spec], warehouse=warehouse, workers=workers)
        seconds = time.perf_counter() - t0
    members = query_published(warehouse, "SELECT count(*) FROM cluster_members").item()
    parquet = list(Path(data_path).rglob("*.parquet")) if data_path else []
    out = {"seconds": seconds, "claims": res["counts"]["claims_new"], "members": members,
           "clusters": res["summary"]["clusters"], "write_seconds": clock.seconds,
           "parquet_files": len(parquet) if data_path else None,
           "parquet_bytes": sum(p.stat().st_size for p in parquet) if data_path else None}
    if not warehouse.startswith("ducklake:"):
        out["warehouse_bytes"] = Path(warehouse).stat().st_size
    elif warehouse.startswith("ducklake:postgres:") and catalog_bytes:
        out["catalog_bytes"] = catalog_bytes(warehouse[len("ducklake:postgres:"):])
    else:
        out["catalog_bytes"] = Path(warehouse[len("ducklake:"):]).stat().st_size
    if data_path:  # what compaction does to this run's files, and what it costs
        from claimtrack import lake

        t0 = time.perf_counter()
        c = lake.compact(warehouse, keep="1 second")
        out["compact_seconds"] = time.perf_counter() - t0
        after = list(Path(data_path).rglob("*.parquet"))
        out["parquet_files_after_compact"] = len(after)
        out["parquet_bytes_after_compact"] = sum(p.stat().st_size for p in after)
        out["compact"] = c
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", choices=["seeds", "basil"], default="basil")
    ap.add_argument("--repeats", type=int, default=1)
    a = ap.parse_args()
    spec = f"folder:{ROOT / 'seeds'}" if a.data == "seeds" else f"jsonl:{bench_file('multisource/basil_dev.jsonl')}"
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="claimtrack-prefect-"))
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")  # a loaded 2-core machine
    runs: dict[str, list[dict]] = {}
    with postgres_server() as new_db:
        configs = [("DuckDB file", "file", None), ("DuckLake, local catalog file", "lake-file", None)]
        if new_db:
            configs += [("DuckLake on PostgreSQL", "lake-pg", None),
                        ("DuckLake on PostgreSQL, 1 Dask worker writing", "lake-pg", 1),
                        ("DuckLake on PostgreSQL, 2 Dask workers writing", "lake-pg", 2)]
        for _ in range(a.repeats):
            for label, kind, workers in configs:
                tmp = Path(tempfile.mkdtemp(prefix="claimtrack-lake-bench-"))
                if kind == "file":
                    wh, dp = str(tmp / "w.duckdb"), None
                elif kind == "lake-file":
                    wh, dp = f"ducklake:{tmp / 'w.ducklake'}", str(tmp / "files")
                else:
                    wh, dp = f"ducklake:postgres:{new_db()}", str(tmp / "files")
                r = run_once(spec, wh, dp, workers, getattr(new_db, "db_bytes", None))
                print(label, {k: (round(v, 2) if isinstance(v, float) else v) for k, v in r.items()}, flush=True)
                runs.setdefault(label, []).append(r)
                shutil.rmtree(tmp, ignore_errors=True)
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
    claims = runs["DuckDB file"][0]["claims"]
    out = {
        "machine": machine(),
        "command": "python benchmarks/lake_scaling.py " + " ".join(sys.argv[1:]),
        "data": a.data,
        "claims": claims,
        "seconds": {k: round(v, 1) for k, v in med.items()},
        "claims_per_second": {k: round(claims / v, 1) for k, v in med.items()},
        "write_share_in_flow_process": {k: round(statistics.median(r["write_seconds"] / r["seconds"] for r in v), 3)
                                        for k, v in runs.items()},
        "parquet_files": {k: v[0]["parquet_files"] for k, v in runs.items()},
        "sizes_and_compaction": {k: {f: v[0].get(f) for f in ("warehouse_bytes", "catalog_bytes", "parquet_bytes",
                                                              "compact_seconds", "parquet_files_after_compact",
                                                              "parquet_bytes_after_compact")}
                                 for k, v in runs.items()},
        "same_counts": len({(r["claims"], r["members"], r["clusters"]) for v in runs.values() for r in v}) == 1,
    }
    two, one = "DuckLake on PostgreSQL, 2 Dask workers writing", "DuckLake on PostgreSQL, 1 Dask worker writing"
    if two in med:
        out["speedup_2_vs_1_workers"] = round(med[one] / med[two], 3)
    print(json.dumps(out, indent=1))
    print("written", write_result(f"lake_scaling_{a.data}", out))


if __name__ == "__main__":
    main()
