"""Which claims a rule change adds or removes, and what it does to extraction speed, measured
side by side on two source trees (e.g. `git archive` of two commits).

    .venv/bin/python benchmarks/claim_diff.py OLD_TREE NEW_TREE                 # BASIL dev claims
    .venv/bin/python benchmarks/claim_diff.py OLD_TREE NEW_TREE --set decomp    # RoSE + PropSegmEnt
    .venv/bin/python benchmarks/claim_diff.py OLD_TREE NEW_TREE --speed 5       # sentences/s, alternating

Each tree runs in its own process (PYTHONPATH=TREE), so the two extractors never share a
module. Every removed and added claim is printed, to be read before a rule is kept. Speed runs
alternate the two trees over the RoSE + PropSegmEnt sentences and report medians and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import BENCH, bench_file  # noqa: E402

CHILD = r"""
import json, sys, time
from benchmarks.common import bench_file, read_jsonl
from claimtrack.claims import extract_many
mode, out = sys.argv[1], sys.argv[2]
if mode == "basil":
    texts = [r["text"] for r in read_jsonl(bench_file("multisource/basil_dev.jsonl"))]
else:
    texts = [r["reference"] for r in read_jsonl(bench_file("decomposition/rose_acu_cnndm_dev.jsonl"))] + \
            [r["sentence"] for r in read_jsonl(bench_file("decomposition/propsegment_wiki_sentences_dev.jsonl"))]
if mode == "speed":
    from claimtrack.claims.nlp import get_nlp
    from claimtrack.claims.segment import iter_docs, sentence_spans
    n = sum(1 for _, _, doc in iter_docs(get_nlp(), texts) for _ in sentence_spans(doc))
    extract_many(texts[:50])
    t0 = time.perf_counter(); extract_many(texts, granularity="clause"); dt = time.perf_counter() - t0
    json.dump({"sentences_per_second": n / dt}, open(out, "w"))
    sys.exit(0)
grans = ("clause",) if mode == "basil" else ("clause", "atomic")
rows = set()
for g in grans:
    for i, r in enumerate(extract_many(texts, granularity=g)):
        for c in r.claims:
            rows.add((g, i, c.text, c.speaker or ""))
json.dump(sorted(rows), open(out, "w"))
"""


def run_tree(tree: Path, mode: str) -> object:
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=f"{tree}{os.pathsep}{root}", CLAIMTRACK_BENCH_DIR=str(BENCH))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        subprocess.run([sys.executable, "-c", CHILD, mode, str(out)], env=env, check=True, cwd=tree)
        return json.loads(out.read_text())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path, help="source tree before the change (holds claimtrack/)")
    ap.add_argument("new", type=Path, help="source tree after the change")
    ap.add_argument("--set", choices=("basil", "decomp"), default="basil")
    ap.add_argument("--speed", type=int, default=0, metavar="RUNS", help="time RUNS alternating runs instead")
    a = ap.parse_args()
    for tree in (a.old, a.new):
        if not (tree / "claimtrack" / "claims").is_dir():
            sys.exit(f"{tree} holds no claimtrack/ package: pass the root of a source tree (e.g. a `git archive`).")
    bench_file("multisource/basil_dev.jsonl")  # exits 0 with a message when the data is absent
    if a.speed:
        speeds: dict[Path, list[float]] = {a.old: [], a.new: []}
        for _ in range(a.speed):
            for tree in (a.old, a.new):
                speeds[tree].append(run_tree(tree, "speed")["sentences_per_second"])
        old, new = statistics.median(speeds[a.old]), statistics.median(speeds[a.new])
        print(f"old {old:.1f} sentences/s, new {new:.1f} sentences/s (medians of {a.speed}): ratio x{new / old:.3f}")
        return
    before = {tuple(r) for r in run_tree(a.old, a.set)}
    after = {tuple(r) for r in run_tree(a.new, a.set)}
    for sign, rows in (("-", sorted(before - after)), ("+", sorted(after - before))):
        for g, i, text, speaker in rows:
            print(f"{sign} [{g} {i}] {text}" + (f"   (speaker: {speaker})" if speaker else ""))
    print(f"{len(before)} claims before, {len(after)} after: {len(before - after)} removed, {len(after - before)} added")


if __name__ == "__main__":
    main()
