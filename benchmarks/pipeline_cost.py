"""End-to-end cost of this checkout against an earlier commit, side by side.

    .venv/bin/python benchmarks/pipeline_cost.py [--baseline c8c8cba] [--runs 2]

Checks the baseline commit out as a git worktree (under /tmp), then runs ``claimtrack run``
on BASIL dev (165 articles) into a fresh warehouse with each code base in turn, interleaved
(new, old, new, old, ...), both with the same virtualenv, the default configuration and
Prefect embedded. Reports each run's wall time and claims per second (claims stored / wall
seconds) and the ratio of the medians: the issue "Same claim, same story" asks for at least
0.8x the baseline's claims/s. When the two extractors store different numbers of claims
(rules-v3 drops fragments rules-v2 stored), claims/s also moves with the claim count, so the
ratio of wall times on the same input is reported beside it."""

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


def worktree(ref: str) -> Path:
    path = Path(tempfile.gettempdir()) / f"claimtrack-baseline-{ref}"
    if not (path / "claimtrack").is_dir():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), ref], check=True,
                       capture_output=True)
    return path


def run_once(code: Path, data: Path) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="claimtrack-cost-"))
    env = dict(os.environ, PREFECT_HOME=str(tmp / "prefect"), PYTHONPATH=str(code))
    env.pop("PREFECT_API_URL", None)
    cmd = [PY, "-c", "from claimtrack.cli import app; app()", "run", "--json",
           "--source", f"jsonl:{data}", "--warehouse", str(tmp / "w.duckdb")]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({code}): {proc.stderr[-2000:]}")
    summary = json.loads(proc.stdout[proc.stdout.index("{"):])["summary"]
    return {"wall_seconds": round(wall, 2), "claims": summary["claims"],
            "claims_per_second": round(summary["claims"] / wall, 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", default="c8c8cba")
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    data = bench_file("multisource/basil_dev.jsonl")
    old = worktree(args.baseline)
    runs: dict[str, list[dict]] = {"this checkout": [], f"baseline {args.baseline}": []}
    for _ in range(args.runs):
        for name, code in (("this checkout", ROOT), (f"baseline {args.baseline}", old)):
            r = run_once(code, data)
            runs[name].append(r)
            print(name, r, flush=True)
    med = {k: statistics.median(r["claims_per_second"] for r in v) for k, v in runs.items()}
    wall = {k: statistics.median(r["wall_seconds"] for r in v) for k, v in runs.items()}
    out = {"machine": machine(), "command": f"python benchmarks/pipeline_cost.py --baseline {args.baseline} --runs {args.runs}",
           "runs": runs, "median_claims_per_second": {k: round(v, 1) for k, v in med.items()},
           "ratio": round(med["this checkout"] / med[f"baseline {args.baseline}"], 3),
           # the same 165 articles in: how much faster the whole run is, whatever the claim count
           "median_wall_seconds": wall,
           "speed_ratio_same_input": round(wall[f"baseline {args.baseline}"] / wall["this checkout"], 3)}
    write_result("pipeline_cost", out)
    print(json.dumps({k: v for k, v in out.items() if k != "runs"}, indent=1))


if __name__ == "__main__":
    main()
