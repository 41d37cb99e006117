"""End-to-end claims/s against bare ``SentenceTransformer.encode`` of the same claim texts.

    .venv/bin/python benchmarks/throughput.py [--runs 3] [--data multisource/basil_dev.jsonl]

Each round, side by side in one benchmark run:

1. ``claimtrack run --json`` (Prefect embedded, a new warehouse, default configuration) on
   the data in a child process: wall seconds and claims stored -> end-to-end claims/s;
2. bare ``SentenceTransformer.encode`` (torch fp32, batch 64, the same MiniLM weights the
   pipeline uses) of exactly the claim texts that run stored (every claim, duplicates
   included, as the issue measured), in a second child process, timed around ``encode``
   only (model loading excluded);
3. the stage breakdown: the same stages called in-process without Prefect (ingest, the
   spaCy parse, the claim rules over the parsed docs, embeddings, clusters, stories), each
   timed, into another new warehouse; "Prefect and process" is the end-to-end wall time
   minus the stages.

Reports the median of the rounds and the ratio of the medians (the issue "Throughput" asks
for >= 0.8x)."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, bench_file, machine, write_result  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable

BARE_ENCODE = """
import json, sys, time
from sentence_transformers import SentenceTransformer
from claimtrack.embed import model_path
texts = json.load(open(sys.argv[1]))
model = SentenceTransformer(model_path(), device="cpu")
model.encode(texts[:64], batch_size=64)  # warm-up, as a served model would be
t0 = time.perf_counter()
model.encode(texts, batch_size=64, convert_to_numpy=True)
print(json.dumps({"seconds": time.perf_counter() - t0, "texts": len(texts)}))
"""

STAGES = """
import json, sys, time
from pathlib import Path
from claimtrack import pipeline
from claimtrack.claims import extract as ex
from claimtrack.claims.segment import iter_docs
from claimtrack.config import Settings, SourceConfig
from claimtrack.cluster_store import cluster_new
from claimtrack.story_store import group_stories

s = Settings(warehouse=Path(sys.argv[2]), sources=[SourceConfig(kind="jsonl", location=sys.argv[1])])
t = {}
t0 = time.perf_counter(); run_id = pipeline.start_run(s); pipeline.ingest(s, run_id); t["ingest"] = time.perf_counter() - t0
from claimtrack.claims.nlp import get_nlp
t0 = time.perf_counter(); get_nlp(); t["spaCy load"] = time.perf_counter() - t0
t0 = time.perf_counter(); pipeline.extract(s, run_id); t["claims (parse + rules + write)"] = time.perf_counter() - t0
from claimtrack.embed import Embedder
t0 = time.perf_counter(); emb = Embedder.from_settings(s).load(); t["model load"] = time.perf_counter() - t0
t0 = time.perf_counter(); e = pipeline.embed(s, run_id, embedder=emb); t["embeddings"] = time.perf_counter() - t0
t0 = time.perf_counter(); cluster_new(s, run_id, e["model"]); t["clusters"] = time.perf_counter() - t0
t0 = time.perf_counter(); group_stories(s, run_id); t["stories"] = time.perf_counter() - t0
# the parse alone, on the same texts, to split "claims" into spaCy and the rules
import duckdb
con = duckdb.connect(sys.argv[2], read_only=True)
texts = [r[0] for r in con.execute("SELECT text FROM articles").fetchall()]
con.close()
t0 = time.perf_counter(); n = sum(1 for _ in iter_docs(get_nlp(), texts)); t["of which the spaCy parse"] = time.perf_counter() - t0
print(json.dumps(t))
"""


def end_to_end(data: Path, tmp: Path) -> dict:
    env = dict(os.environ, PREFECT_HOME=str(tmp / "prefect"))
    env.pop("PREFECT_API_URL", None)
    cmd = [PY, "-m", "claimtrack.cli", "run", "--json", "--source", f"jsonl:{data}",
           "--warehouse", str(tmp / "w.duckdb")]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"claimtrack run failed: {proc.stderr[-2000:]}")
    import duckdb

    con = duckdb.connect(str(tmp / "w.duckdb"), read_only=True)
    try:
        texts = [r[0] for r in con.execute("SELECT text FROM claims ORDER BY claim_id").fetchall()]
    finally:
        con.close()
    (tmp / "texts.json").write_text(json.dumps(texts))
    return {"wall_seconds": round(wall, 2), "claims": len(texts), "claims_per_second": round(len(texts) / wall, 1)}


def bare_encode(tmp: Path) -> dict:
    proc = subprocess.run([PY, "-c", BARE_ENCODE, str(tmp / "texts.json")], capture_output=True, text=True,
                          cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"bare encode failed: {proc.stderr[-2000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"seconds": round(r["seconds"], 2), "claims_per_second": round(r["texts"] / r["seconds"], 1)}


def stages(data: Path, tmp: Path) -> dict:
    proc = subprocess.run([PY, "-c", STAGES, str(data), str(tmp / "stages.duckdb")], capture_output=True,
                          text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"stage breakdown failed: {proc.stderr[-2000:]}")
    return {k: round(v, 2) for k, v in json.loads(proc.stdout.strip().splitlines()[-1]).items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--data", default="multisource/basil_dev.jsonl", help="a JSONL file under the bench folder")
    args = ap.parse_args()
    data = bench_file(args.data)
    rounds = []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="claimtrack-throughput-") as d:
            tmp = Path(d)
            r = {"end_to_end": end_to_end(data, tmp)}
            r["bare_encode"] = bare_encode(tmp)
            r["stages"] = stages(data, tmp)
        rounds.append(r)
        print(f"round {i + 1}:", json.dumps(r), flush=True)
    e2e = statistics.median(r["end_to_end"]["claims_per_second"] for r in rounds)
    bare = statistics.median(r["bare_encode"]["claims_per_second"] for r in rounds)
    wall = statistics.median(r["end_to_end"]["wall_seconds"] for r in rounds)
    stage_med = {k: round(statistics.median(r["stages"][k] for r in rounds), 2) for k in rounds[0]["stages"]}
    in_stages = sum(v for k, v in stage_med.items() if not k.startswith("of which"))
    stage_med["Prefect and process (end-to-end wall - stages)"] = round(wall - in_stages, 2)
    out = {
        "command": f".venv/bin/python benchmarks/throughput.py --runs {args.runs} --data {args.data}",
        "machine": machine(), "rounds": rounds,
        "median_end_to_end_claims_per_second": e2e, "median_bare_encode_claims_per_second": bare,
        "ratio": round(e2e / bare, 3), "median_end_to_end_wall_seconds": wall, "median_stage_seconds": stage_med,
    }
    write_result("throughput", out)
    print(json.dumps({k: v for k, v in out.items() if k != "rounds"}, indent=1))


if __name__ == "__main__":
    main()
