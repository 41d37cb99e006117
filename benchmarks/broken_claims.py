"""Broken stored claims on BASIL dev: counts, dropped reasons, speed, and samples to read.

    .venv/bin/python benchmarks/broken_claims.py [--compare DIR] [--n 250] [--seed 7]

Runs ``extract_many`` (what the pipeline calls: texts, published_at, titles; ``clause``
granularity) over every BASIL dev article (``multisource/basil_dev.jsonl``), and reports
claims, sentences, dropped counts by reason and sentences per second (median of
``--runs``, the spaCy model already loaded).

Then it writes, for a reader to label:
- ``benchmarks/out/broken_claims_sample[_TAG].jsonl``: ``--n`` claims drawn at random
  (``--seed``) from all stored claims, each with its ``statement`` (speaker + cue + text,
  as the report shows it), ``text``, ``original_text`` and its sentence;
- ``benchmarks/out/broken_claims_resolved[_TAG].jsonl``: 100 claims whose ``text`` differs
  from ``original_text`` by a substituted name (resolution happened), same seed.

``--compare DIR`` also runs the extractor found under DIR (a source tree holding a
``claimtrack`` package, e.g. ``git archive HEAD claimtrack | tar -x -C /tmp/head``) in a
subprocess, timed on the same machine, and writes its samples with tag ``ref``.
Labels are a reader's job (rubric in the module below); the script never guesses them.
Results go to benchmarks/out/broken_claims.json."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASIL = "multisource/basil_dev.jsonl"

RUBRIC = ("broken = not a meaningful standalone statement: a fragment, cut mid-sentence, a pronoun "
          "nobody could resolve, garbled words, or a wrong rewrite (wrong person, wrong words)")


def measure(n: int, seed: int, runs: int, tag: str) -> dict:
    from benchmarks.common import OUT, bench_file, read_jsonl
    from claimtrack.claims import EXTRACTOR_VERSION, extract_many
    from claimtrack.claims.nlp import get_nlp

    rows = read_jsonl(bench_file(BASIL))
    texts = [r["text"] for r in rows]
    dates = [r.get("date") for r in rows]
    titles = [r.get("title") for r in rows]
    get_nlp()
    extract_many(texts[:2], published_at=dates[:2], titles=titles[:2])  # warm up
    times, res = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        res = extract_many(texts, published_at=dates, titles=titles)
        times.append(time.perf_counter() - t0)
    n_sent = sum(r.n_sentences for r in res)
    dropped: Counter = Counter()
    for r in res:
        dropped.update(r.dropped)
    stored = []
    for ai, r in enumerate(res):
        for c in r.claims:
            stored.append((ai, c))
    rng = random.Random(seed)
    sample = rng.sample(stored, min(n, len(stored)))
    resolved = [(ai, c) for ai, c in stored if c.original_text and c.text != c.original_text]
    rsample = random.Random(seed).sample(resolved, min(100, len(resolved)))

    def row(i, ai, c):
        text = texts[ai]
        lo = text.rfind("\n", 0, c.char_start) + 1
        hi = text.find("\n", c.char_end)
        para = text[lo: hi if hi >= 0 else len(text)]
        return {"i": i, "article": ai, "statement": c.statement, "text": c.text,
                "original_text": c.original_text, "speaker": c.speaker, "speaker_mention": c.speaker_mention,
                "cue": c.cue, "kind": c.kind, "paragraph": para[:1200]}

    OUT.mkdir(parents=True, exist_ok=True)
    suffix = f"_{tag}" if tag else ""
    with open(OUT / f"broken_claims_sample{suffix}.jsonl", "w", encoding="utf-8") as fh:
        for i, (ai, c) in enumerate(sample):
            fh.write(json.dumps(row(i, ai, c), ensure_ascii=False) + "\n")
    with open(OUT / f"broken_claims_resolved{suffix}.jsonl", "w", encoding="utf-8") as fh:
        for i, (ai, c) in enumerate(rsample):
            fh.write(json.dumps(row(i, ai, c), ensure_ascii=False) + "\n")
    sec = statistics.median(times)
    return {"extractor_version": EXTRACTOR_VERSION, "articles": len(rows), "sentences": n_sent,
            "claims": len(stored), "resolved_claims": len(resolved), "dropped": dict(dropped.most_common()),
            "seconds": round(sec, 2), "sentences_per_s": round(n_sent / sec, 1),
            "sample": len(sample), "seed": seed}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--compare", type=Path, help="source tree holding the reference claimtrack package")
    ap.add_argument("--n", type=int, default=250, help="claims in the random sample")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=3, help="timing runs (median reported)")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--src", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker is not None:  # subprocess: print one JSON line
        sys.path.insert(0, str(ROOT))
        if args.src:
            sys.path.insert(0, args.src)
        import claimtrack

        assert args.src is None or claimtrack.__file__.startswith(args.src), claimtrack.__file__
        print(json.dumps(measure(args.n, args.seed, args.runs, args.worker)))
        return
    sys.path.insert(0, str(ROOT))
    from benchmarks.common import bench_file, machine, write_result

    bench_file(BASIL)
    result = {"machine": machine(), "rubric": RUBRIC}
    if args.compare:
        out = subprocess.run([sys.executable, __file__, "--worker", "ref", "--src", str(args.compare.resolve()),
                              "--n", str(args.n), "--seed", str(args.seed), "--runs", str(args.runs)],
                             check=True, capture_output=True, text=True).stdout
        result["ref"] = json.loads(out.strip().splitlines()[-1])
    result["current"] = measure(args.n, args.seed, args.runs, "")
    for k in ("ref", "current"):
        if k in result:
            r = result[k]
            print(f"{k:8s} {r['extractor_version']}: {r['articles']} articles, {r['sentences']} sentences, "
                  f"{r['claims']} claims ({r['resolved_claims']} resolved), {r['sentences_per_s']} sentences/s")
            print(f"         dropped: {r['dropped']}")
    path = write_result("broken_claims", result)
    print(f"samples: benchmarks/out/broken_claims_sample*.jsonl; results: {path}")


if __name__ == "__main__":
    main()
