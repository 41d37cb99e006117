"""The throughput changes must not change what a run stores: the same stages run twice on
the same checkout, the old way (extract, then embed, then cluster and stories) and the
flow's way (claims embedded alongside extraction, smaller batches), each into a new
warehouse, and every stored table is compared.

    .venv/bin/python benchmarks/throughput_identity.py [--data multisource/basil_dev.jsonl]

Claims, progress markers, clusters, members, variants and stories must be identical
(every column but run ids and timestamps; float columns such as a member's similarity to
1e-5, and their largest difference is printed); vectors are compared by the largest
absolute difference per component (the ONNX batches are cut differently, so floating-point
sums may round differently). Exit status 1 when anything differs. Also prints each mode's stage
seconds (in-process, no Prefect), side by side."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, bench_file, machine, write_result  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable

RUN = """
import json, sys, time
from pathlib import Path
from claimtrack import pipeline
from claimtrack.config import Settings, SourceConfig
from claimtrack.embed import Embedder
mode, data, wh = sys.argv[1], sys.argv[2], Path(sys.argv[3])
s = Settings(warehouse=wh, sources=[SourceConfig(kind="jsonl", location=data)])
t = {}
t0 = time.perf_counter(); run_id = pipeline.start_run(s); pipeline.ingest(s, run_id); t["ingest"] = time.perf_counter() - t0
emb = Embedder.from_settings(s)
t0 = time.perf_counter()
counts = pipeline.extract(s, run_id, embedder=emb if mode == "overlap" else None)
t["extract"] = time.perf_counter() - t0
t0 = time.perf_counter(); e = pipeline.embed(s, run_id, embedder=emb); t["embed"] = time.perf_counter() - t0
t0 = time.perf_counter(); c = pipeline.cluster(s, run_id, e["model"]); t["cluster + stories"] = time.perf_counter() - t0
pipeline.finish_run(s, run_id, "completed", {})
t["total"] = sum(t.values())
print(json.dumps({"seconds": {k: round(v, 2) for k, v in t.items()},
                  "embedded_alongside": counts.get("embeddings_new", 0), "embedded_after": e["embeddings_new"]}))
"""

IGNORED = ("run_id", "created_at", "updated_at", "extracted_at", "clustered_at", "first_seen_at", "last_seen_at",
           "ingested_at", "fetched_at", "occurred_at", "assigned_at", "applied_at", "last_run_id")
TABLES = ("articles", "claims", "article_extractions", "clusters", "cluster_members", "claim_variants",
          "article_stories")


def run(mode: str, data: Path, wh: Path, code: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code))
    proc = subprocess.run([PY, "-c", RUN, mode, str(data), str(wh)], capture_output=True, text=True, cwd=code, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def rows(con, table: str) -> tuple[list[tuple], list[list[float]]]:
    """The table's rows without run ids and timestamps, sorted: (the non-float columns, the
    float columns), the floats apart so that they can be compared to rounding."""
    desc = [(r[0], r[1]) for r in con.execute(f"DESCRIBE {table}").fetchall()
            if r[0] not in IGNORED and not r[0].endswith("_at")]
    keys = [c for c, t in desc if t not in ("DOUBLE", "FLOAT")]
    floats = [c for c, t in desc if t in ("DOUBLE", "FLOAT")]
    got = con.execute(f"SELECT {', '.join(keys + floats)} FROM {table}").fetchall()
    got = sorted(got, key=lambda r: repr(r[: len(keys)]))
    return [tuple(map(repr, r[: len(keys)])) for r in got], [list(r[len(keys):]) for r in got]


def compare(a: Path, b: Path) -> dict:
    import duckdb
    import numpy as np

    ca, cb = duckdb.connect(str(a), read_only=True), duckdb.connect(str(b), read_only=True)
    try:
        out = {}
        for t in TABLES:
            (ka, fa), (kb, fb) = rows(ca, t), rows(cb, t)
            diff = max((abs((x or 0) - (y or 0)) for ra, rb in zip(fa, fb) for x, y in zip(ra, rb)), default=0.0)
            # identical: every non-float column, and every float to 1e-5 (similarities are stored rounded to 1e-6)
            out[t] = {"rows": [len(ka), len(kb)], "identical": ka == kb and diff <= 1e-5,
                      "floats_bit_identical": fa == fb, "max_float_difference": diff}
        ea = dict(ca.execute("SELECT model || '|' || text_hash, embedding FROM embeddings").fetchall())
        eb = dict(cb.execute("SELECT model || '|' || text_hash, embedding FROM embeddings").fetchall())
        common = sorted(set(ea) & set(eb))
        diff = max((float(np.abs(np.asarray(ea[k]) - np.asarray(eb[k])).max()) for k in common), default=0.0)
        out["embeddings"] = {"rows": [len(ea), len(eb)], "same_texts": set(ea) == set(eb),
                             "max_abs_difference": diff,
                             "bit_identical": sum(ea[k] == eb[k] for k in common)}
        return out
    finally:
        ca.close()
        cb.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="multisource/basil_dev.jsonl", help="a JSONL file under the bench folder")
    ap.add_argument("--keep", help="a new folder to keep the code copy and both warehouses in")
    args = ap.parse_args()
    data = bench_file(args.data)
    with tempfile.TemporaryDirectory(prefix="claimtrack-identity-") as d:
        tmp = Path(args.keep) if args.keep else Path(d)
        tmp.mkdir(parents=True, exist_ok=True)
        # one frozen copy of the code for both modes: other work on the tree must not leak in between
        for part in ("claimtrack", "sql"):
            shutil.copytree(ROOT / part, tmp / "code" / part, ignore=shutil.ignore_patterns("__pycache__"))
        serial = run("serial", data, tmp / "serial.duckdb", tmp / "code")
        overlap = run("overlap", data, tmp / "overlap.duckdb", tmp / "code")
        result = compare(tmp / "serial.duckdb", tmp / "overlap.duckdb")
    same = all(v.get("identical", True) for v in result.values()) and result["embeddings"]["same_texts"]
    out = {"command": f".venv/bin/python benchmarks/throughput_identity.py --data {args.data}", "machine": machine(),
           "load_average_at_end": os.getloadavg(), "identical": same, "serial": serial, "overlap": overlap,
           "tables": result}
    write_result("throughput_identity", out)
    print(json.dumps(out, indent=1))
    print("IDENTICAL" if same else "DIFFERENT")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
