"""Attribution benchmark: who said it, scored against PolNeAR's annotated attributions (dev).

    .venv/bin/python benchmarks/attribution.py [--runs 3] [--limit N] [--errors]

Runs the bench's own scorer (``../shared/bench/score_attribution.py``) over
``attribution/polnear_dev.jsonl`` (84 political news articles, every attribution annotated:
source as worded, cue, content span) on the current ``extract_claims``, and prints content
recall, speaker accuracy (strict and accepting ``speaker_mention``) and attribution
precision, overall and by cue kind (speech verbs vs other cues: beliefs, intentions,
reactions), by source type and by quote kind. ``--errors`` also keeps the scorer's
per-item misses, wrong speakers and false attributions in
benchmarks/out/attribution_errors.jsonl.

Speed: ``extract_many`` over all dev article texts (spaCy model already loaded), median of
``--runs`` runs, in sentences per second (the sentence count is the extractor's own).
Results go to benchmarks/out/attribution.json. Skips (exit 0) when the bench data is absent."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import BENCH, OUT, bench_file, machine, read_jsonl, write_result  # noqa: E402

GOLD = "attribution/polnear_dev.jsonl"
SCORER = "score_attribution.py"
HEADLINE = ("content_recall", "speaker_accuracy", "speaker_accuracy_mention", "attribution_precision",
            "attribution_precision_mention")


def score(gold: Path, limit: int | None, errors: Path | None) -> dict:
    cmd = [sys.executable, str(BENCH / SCORER), str(gold)]
    if limit:
        cmd += ["--limit", str(limit)]
    if errors:
        cmd += ["--errors", str(errors)]
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"The attribution scorer failed (exit {proc.returncode}); run it by hand to see why: "
                 f"{' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def speed(texts: list[str], runs: int) -> dict:
    from claimtrack.claims.extract import extract_many
    from claimtrack.claims.nlp import get_nlp

    get_nlp()
    times, n_sent, n_claims = [], 0, 0
    for _ in range(runs):
        t0 = time.perf_counter()
        res = extract_many(texts)
        times.append(time.perf_counter() - t0)
        n_sent = sum(r.n_sentences for r in res)
        n_claims = sum(len(r.claims) for r in res)
    med = statistics.median(times)
    return {"sentences": n_sent, "texts": len(texts), "claims": n_claims, "runs": runs,
            "seconds_median": round(med, 3), "seconds_all": [round(t, 3) for t in times],
            "sentences_per_second": round(n_sent / med, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="speed runs (median taken)")
    ap.add_argument("--limit", type=int, help="score only the first N articles")
    ap.add_argument("--errors", action="store_true", help="keep the scorer's per-item errors")
    ap.add_argument("--label", default="current", help="a name for this run, stored with the figures")
    args = ap.parse_args(argv)

    gold = bench_file(GOLD)
    if not (BENCH / SCORER).is_file():
        print(f"skipped: {BENCH / SCORER} not found (set CLAIMTRACK_BENCH_DIR to the shared bench folder)")
        return 0
    errors = OUT / "attribution_errors.jsonl" if args.errors else None
    if errors:
        OUT.mkdir(parents=True, exist_ok=True)
    result = {"label": args.label, "machine": machine(), "set": GOLD, "scores": score(gold, args.limit, errors)}
    rows = read_jsonl(gold)[: args.limit or None]
    result["speed"] = speed([r["text"] for r in rows], args.runs)

    from claimtrack.claims.extract import EXTRACTOR_VERSION

    result["extractor_version"] = EXTRACTOR_VERSION
    sc = result["scores"]
    print(f"PolNeAR dev ({sc['docs']} articles, {sc['gold_attributions']} gold attributions, "
          f"{sc['claims']} claims, {sc['claims_with_speaker']} with a speaker), extractor {EXTRACTOR_VERSION}")
    for k in HEADLINE:
        print(f"  {k:32s} {sc[k]}")
    print(f"  {'sentences_per_second':32s} {result['speed']['sentences_per_second']} "
          f"({result['speed']['sentences']} sentences, median of {args.runs})")
    print(f"  {'breakdown':24s} {'gold':>5s} {'recall':>7s} {'spk acc':>8s} {'+mention':>8s}")
    for k, v in sc["breakdown"].items():
        print(f"  {k:24s} {v['gold']:5d} {v['recall'] if v['recall'] is not None else '-':>7} "
              f"{v['speaker_acc'] if v['speaker_acc'] is not None else '-':>8} "
              f"{v['speaker_acc_mention'] if v['speaker_acc_mention'] is not None else '-':>8}")
    path = write_result("attribution" if args.label == "current" else f"attribution_{args.label}", result)
    print(f"written: {path}" + (f", errors: {errors}" if errors else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
