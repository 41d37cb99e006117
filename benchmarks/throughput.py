"""End-to-end claims/s against bare ``SentenceTransformer.encode`` of the same claim texts.

    .venv/bin/python benchmarks/throughput.py [--runs 3] [--data multisource/basil_dev.jsonl]
        [--before REF] [--rerun 3] [--stages both|after|none] [--profile]

Each round, side by side in one benchmark run (the code is copied once at the start, so
edits to the tree during the benchmark do not leak in):

1. ``claimtrack run --json`` (Prefect embedded, a new warehouse, default configuration) on
   the data in a child process: wall seconds and claims stored -> end-to-end claims/s;
   with ``--before REF`` also the same tree with the throughput files (``THROUGHPUT_FILES``)
   as of REF, alternating which goes first;
2. bare ``SentenceTransformer.encode`` (torch fp32, batch 64, the same MiniLM weights the
   pipeline uses) of exactly the claim texts that run stored (every claim, duplicates
   included, as the issue measured), in a second child process, timed around ``encode``
   only (model loading excluded);
3. the stage breakdown: the same stages called in-process without Prefect (ingest, spaCy
   and model loading, claims (for "after": with their vectors made alongside), the
   embeddings left, clusters, stories), each timed, into another new warehouse, and the
   spaCy parse alone on the same texts; "Prefect and process" is the end-to-end wall time
   minus the stages.

After the last round, ``--rerun N`` times an unchanged re-run of each side's warehouse
against an empty five-task Prefect flow, alternating, N times each (the issue asks for
<= 1.2x). Reports the medians of the rounds and the ratio of the medians (the issue asks
for >= 0.8x); benchmarks/out/throughput.json keeps every measurement."""

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
t0, c0 = time.perf_counter(), time.process_time()
model.encode(texts, batch_size=64, convert_to_numpy=True)
print(json.dumps({"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0, "texts": len(texts)}))
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
from claimtrack.embed import Embedder
t0 = time.perf_counter(); emb = Embedder.from_settings(s).load(); t["model load"] = time.perf_counter() - t0
t0 = time.perf_counter()
pipeline.extract(s, run_id, **({"embedder": emb} if sys.argv[3] == "overlap" else {}))
t["claims (parse + rules + write" + (", claims embedded alongside)" if sys.argv[3] == "overlap" else ")")] = time.perf_counter() - t0
t0 = time.perf_counter(); e = pipeline.embed(s, run_id, embedder=emb); t["embeddings (left after extraction)"] = time.perf_counter() - t0
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


EMPTY_FLOW = """
from prefect import flow, task

@task
def step(x):
    return x + 1

@flow(name="empty-five-tasks")
def empty():
    x = 0
    for _ in range(5):
        x = step(x)
    return x

empty()
"""


# The files issue "Throughput" changed; ``--before REF`` puts their REF versions into a copy
# of the current tree, so that before and after differ by exactly these files (claim rules
# edited meanwhile are the same on both sides).
THROUGHPUT_FILES = ("claimtrack/pipeline.py", "flows/pipeline.py", "claimtrack/warehouse.py", "claimtrack/embed.py",
                    "claimtrack/embed_onnx.py", "claimtrack/stories.py", "claimtrack/story_store.py",
                    "claimtrack/claims/nlp.py")


def code_copy(dest: Path, ref: str | None = None) -> Path:
    """A frozen copy of the code (claimtrack/, flows/, sql/) the runs import, with the
    throughput files at ``ref`` when given."""
    import shutil

    for part in ("claimtrack", "flows", "sql"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    for rel in THROUGHPUT_FILES if ref else ():
        old = subprocess.run(["git", "show", f"{ref}:{rel}"], capture_output=True, text=True, cwd=ROOT)
        if old.returncode != 0:
            raise SystemExit(f"git show {ref}:{rel} failed: {old.stderr.strip()}")
        (dest / rel).write_text(old.stdout, encoding="utf-8")
    return dest


def _env(tmp: Path, code: Path, home: str = "prefect") -> dict:
    env = dict(os.environ, PREFECT_HOME=str(tmp / home), PYTHONPATH=str(code))
    env.pop("PREFECT_API_URL", None)
    return env


def _run_cmd(data: Path, tmp: Path) -> list[str]:
    return [PY, "-m", "claimtrack.cli", "run", "--json", "--source", f"jsonl:{data}", "--warehouse", str(tmp / "w.duckdb")]


def unchanged_rerun(data: Path, sides: dict, reps: int) -> dict:
    """``claimtrack run`` again on each side's warehouse (nothing new) against an empty flow of
    five trivial tasks (Prefect's own cost: process start, imports, temporary server), each a
    whole child process as a user waits for it, alternating, ``reps`` times each."""
    first = next(iter(sides.values()))
    times: dict[str, list[float]] = {"empty flow": []} | {label: [] for label in sides}
    for _ in range(reps):
        t0 = time.perf_counter()
        proc = subprocess.run([PY, "-c", EMPTY_FLOW], capture_output=True, text=True,
                              env=_env(first[0], first[1], "prefect-empty"), cwd=first[0])
        times["empty flow"].append(round(time.perf_counter() - t0, 2))
        if proc.returncode != 0:
            raise SystemExit(f"the empty flow failed: {proc.stderr[-2000:]}")
        for label, (tmp, code) in sides.items():
            t0 = time.perf_counter()
            proc = subprocess.run(_run_cmd(data, tmp), capture_output=True, text=True, env=_env(tmp, code), cwd=tmp)
            times[label].append(round(time.perf_counter() - t0, 2))
            if proc.returncode != 0:
                raise SystemExit(f"claimtrack run (re-run, {label}) failed: {proc.stderr[-2000:]}")
            new = json.loads(proc.stdout)["counts"]
            if new.get("articles_new") or new.get("claims_new"):
                raise SystemExit(f"the re-run ({label}) was not unchanged: {new}")
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"seconds": times, "median_seconds": med,
            "ratio_to_empty_flow": {k: round(v / med["empty flow"], 3) for k, v in med.items() if k != "empty flow"}}


def _children_cpu() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def end_to_end(data: Path, tmp: Path, code: Path) -> dict:
    t0, c0 = time.perf_counter(), _children_cpu()
    proc = subprocess.run(_run_cmd(data, tmp), capture_output=True, text=True, env=_env(tmp, code), cwd=tmp)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - c0
    if proc.returncode != 0:
        raise SystemExit(f"claimtrack run failed: {proc.stderr[-2000:]}")
    import duckdb

    con = duckdb.connect(str(tmp / "w.duckdb"), read_only=True)
    try:
        texts = [r[0] for r in con.execute("SELECT text FROM claims ORDER BY claim_id").fetchall()]
    finally:
        con.close()
    (tmp / "texts.json").write_text(json.dumps(texts))
    return {"wall_seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "claims": len(texts),
            "claims_per_second": round(len(texts) / wall, 1)}


def bare_encode(tmp: Path) -> dict:
    proc = subprocess.run([PY, "-c", BARE_ENCODE, str(tmp / "texts.json")], capture_output=True, text=True,
                          cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"bare encode failed: {proc.stderr[-2000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"seconds": round(r["seconds"], 2), "cpu_seconds": round(r["cpu_seconds"], 2),
            "claims_per_second": round(r["texts"] / r["seconds"], 1)}


def stages(data: Path, tmp: Path, code: Path, mode: str) -> dict:
    proc = subprocess.run([PY, "-c", STAGES, str(data), str(tmp / "stages.duckdb"), mode], capture_output=True,
                          text=True, cwd=code, env=dict(os.environ, PYTHONPATH=str(code)))
    if proc.returncode != 0:
        raise SystemExit(f"stage breakdown failed: {proc.stderr[-2000:]}")
    return {k: round(v, 2) for k, v in json.loads(proc.stdout.strip().splitlines()[-1]).items()}


# Frames that only pass the call on (the CLI, Typer/Click, runpy, Prefect's engine wrappers,
# import machinery): left out of the profile table so that it shows where the time goes.
WRAPPERS = ("runpy", "typer/", "click/", "claimtrack/cli.py", "prefect/flow_engine.py", "prefect/task_engine.py",
            "prefect/flows.py", "prefect/tasks.py", "prefect/utilities/callables", "contextlib.py", "<frozen importlib",
            "{built-in method builtins.exec}", "<string>", "{built-in method builtins.next}",
            "concurrent/futures", "threading.py", "{built-in method builtins.__import__}", "importlib/__init__.py",
            "<listcomp>", "<genexpr>", "_local_map", "(minibatch)", "thinc/model.py", "thinc/layers/chain.py",
            "thinc/layers/with_array.py", "spacy/language.py:1536(pipe)", "onnxruntime_inference_collection.py",
            "spacy/pipeline/pipe.pyx")


def profile(data: Path, tmp: Path, code: Path, top: int = 20) -> dict:
    """``claimtrack run`` on a new warehouse under cProfile (the flow's process; the temporary
    Prefect server is a child process, its start is the wait in ``server.py start``). Returns
    the wall seconds and the top ``top`` functions by cumulative time, wrappers left out."""
    import pstats

    prof = tmp / "run.prof"
    cmd = [PY, "-m", "cProfile", "-o", str(prof)] + _run_cmd(data, tmp)[1:]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(tmp, code), cwd=tmp)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"profiled claimtrack run failed: {proc.stderr[-2000:]}")
    st = pstats.Stats(str(prof))
    total = st.total_tt
    rows = []
    for (path, line, name), (cc, nc, tt, ct, _callers) in sorted(st.stats.items(), key=lambda kv: -kv[1][3]):
        where = f"{path}:{line}({name})" if line else name
        short = where.replace(str(code) + "/", "").split("site-packages/")[-1]
        if any(w in where for w in WRAPPERS) or name in ("<module>",):
            continue
        rows.append({"function": short, "calls": nc, "tottime_s": round(tt, 2), "cumtime_s": round(ct, 2),
                     "share_of_run": round(ct / total, 3)})
        if len(rows) == top:
            break
    return {"wall_seconds": round(wall, 2), "profiled_seconds": round(total, 2), "top_cumulative": rows}


def summarise(rounds: list[dict], label: str) -> dict:
    rs = [r[label] for r in rounds]
    e2e = statistics.median(r["end_to_end"]["claims_per_second"] for r in rs)
    bare = statistics.median(r["bare_encode"]["claims_per_second"] for r in rounds)
    wall = statistics.median(r["end_to_end"]["wall_seconds"] for r in rs)
    bare_cpu = statistics.median(r["bare_encode"]["cpu_seconds"] for r in rounds)
    out = {"median_bare_encode_cpu_seconds": bare_cpu, "median_end_to_end_claims_per_second": e2e, "median_bare_encode_claims_per_second": bare,
           "ratio": round(e2e / bare, 3), "median_end_to_end_wall_seconds": wall,
           "claims": rs[0]["end_to_end"]["claims"]}
    out["median_end_to_end_cpu_seconds"] = statistics.median(r["end_to_end"]["cpu_seconds"] for r in rs)
    if "stages" in rs[0]:
        stage_med = {k: round(statistics.median(r["stages"][k] for r in rs), 2) for k in rs[0]["stages"]}
        in_stages = sum(v for k, v in stage_med.items() if not k.startswith("of which"))
        stage_med["Prefect and process (end-to-end wall - stages)"] = round(wall - in_stages, 2)
        out["median_stage_seconds"] = stage_med
    return out


def main() -> None:
    import shutil

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--data", default="multisource/basil_dev.jsonl", help="a JSONL file under the bench folder")
    ap.add_argument("--rerun", type=int, default=3,
                    help="then time an unchanged re-run against an empty five-task flow, this many times each (0: skip)")
    ap.add_argument("--before", metavar="REF",
                    help="also run, alternating, the tree with the throughput files as of git REF ('before')")
    ap.add_argument("--stages", choices=("both", "after", "none"), default="both",
                    help="which sides get the in-process stage breakdown")
    ap.add_argument("--profile", action="store_true",
                    help="only profile one run (cProfile, each side) and print the top-20 cumulative table")
    args = ap.parse_args()
    data = bench_file(args.data)
    rounds, rerun = [], None
    with tempfile.TemporaryDirectory(prefix="claimtrack-throughput-") as d:
        base = Path(d)
        codes = {"after": code_copy(base / "code-after")}
        if args.before:
            codes = {"before": code_copy(base / "code-before", args.before)} | codes
        if args.profile:
            out = {}
            for label, code in codes.items():
                (base / f"profile-{label}").mkdir()
                out[label] = profile(data, base / f"profile-{label}", code)
                print(f"### {label}: {out[label]['wall_seconds']} s wall under cProfile "
                      f"({out[label]['profiled_seconds']} s profiled), load average {os.getloadavg()[0]:.1f}\n")
                print("| function | calls | own s | cumulative s | share |\n|---|---|---|---|---|")
                for r in out[label]["top_cumulative"]:
                    print(f"| `{r['function']}` | {r['calls']} | {r['tottime_s']} | {r['cumtime_s']} | {r['share_of_run']:.0%} |")
                print(flush=True)
            write_result("throughput_profile", {"machine": machine(), **out})
            return
        for i in range(args.runs):
            labels = list(codes) if i % 2 == 0 else list(reversed(codes))  # alternate who goes first
            r, sides = {}, {}
            for label in labels:
                tmp = base / f"round{i}-{label}"
                tmp.mkdir()
                r[label] = {"end_to_end": end_to_end(data, tmp, codes[label])}
                if args.stages == "both" or args.stages == label:
                    r[label]["stages"] = stages(data, tmp, codes[label], "serial" if label == "before" else "overlap")
                sides[label] = (tmp, codes[label])
            r["bare_encode"] = bare_encode(sides["after"][0])
            if i == args.runs - 1 and args.rerun:
                rerun = unchanged_rerun(data, {k: sides[k] for k in codes}, args.rerun)
                print("unchanged re-run:", json.dumps(rerun), flush=True)
            for label in labels:
                shutil.rmtree(base / f"round{i}-{label}")
            rounds.append(r)
            print(f"round {i + 1}:", json.dumps(r), flush=True)
    out = {
        "command": f".venv/bin/python benchmarks/throughput.py --runs {args.runs} --data {args.data} --rerun {args.rerun}"
                   + (f" --before {args.before}" if args.before else "") + f" --stages {args.stages}",
        "machine": machine(), "load_average_at_end": os.getloadavg(), "rounds": rounds,
        **{label: summarise(rounds, label) for label in codes},
        "unchanged_rerun": rerun,
    }
    write_result("throughput", out)
    print(json.dumps({k: v for k, v in out.items() if k != "rounds"}, indent=1))


if __name__ == "__main__":
    main()
