"""Attribution benchmark: who said it, scored against PolNeAR's annotated attributions (dev).

    .venv/bin/python benchmarks/attribution.py [--runs 3] [--limit N] [--errors] [--against REV [--only PATH ...]]

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

``--against REV`` (a git revision, e.g. the commit before a change) measures that
revision's ``claimtrack`` package side by side with the working tree's (``--only PATH ...``:
the working tree with just those files as of REV, to isolate one change): both are scored,
and their speed runs alternate (one fresh process per run, the model load not timed), so a
machine shared with other work slows both alike; the ratio of the medians is reported.

Results go to benchmarks/out/attribution.json (``--label`` names another file). Skips
(exit 0) when the bench data is absent."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import BENCH, OUT, bench_file, machine, read_jsonl, write_result  # noqa: E402
from benchmarks.content_form import print_forms, recall_by_form  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLD = "attribution/polnear_dev.jsonl"
SCORER = "score_attribution.py"
HEADLINE = ("content_recall", "speaker_accuracy", "speaker_accuracy_mention", "attribution_precision",
            "attribution_precision_mention")


def _env(src: Path | None) -> dict:
    """The environment for a child process that imports ``claimtrack`` from ``src`` (None:
    the working tree)."""
    env = dict(os.environ)
    path = str(src) if src is not None else str(ROOT)
    env["PYTHONPATH"] = path + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def score(gold: Path, limit: int | None, errors: Path | None, src: Path | None = None) -> dict:
    cmd = [sys.executable, str(BENCH / SCORER), str(gold)]
    if limit:
        cmd += ["--limit", str(limit)]
    if errors:
        cmd += ["--errors", str(errors)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=_env(src))
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


def speed_child(src: Path | None, limit: int | None) -> dict:
    """One timed ``extract_many`` run in a fresh process importing ``claimtrack`` from ``src``."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--speed-child"] + (["--limit", str(limit)] if limit else [])
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=_env(src))
    if proc.returncode != 0:
        sys.exit(f"A speed run failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def export(rev: str, into: Path, only: list[str] | None = None) -> Path:
    """``claimtrack/`` as of git revision ``rev``, unpacked under ``into``; with ``only``, the
    working tree's ``claimtrack/`` with just those files as of ``rev`` (an ablation: what
    the working tree would measure without its changes to them)."""
    if only:
        shutil.copytree(ROOT / "claimtrack", into / "src" / "claimtrack",
                        ignore=shutil.ignore_patterns("__pycache__"))
        for rel in only:
            proc = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, capture_output=True, text=True)
            if proc.returncode != 0 or not rel.startswith("claimtrack/"):
                sys.exit(f"Cannot take {rel!r} from revision {rev!r} ({proc.stderr.strip() or 'not under claimtrack/'}); "
                         f"give paths under claimtrack/ that exist there.")
            (into / "src" / rel).write_text(proc.stdout, encoding="utf-8")
        return into / "src"
    tar = into / "src.tar"
    proc = subprocess.run(["git", "archive", "--format=tar", "-o", str(tar), rev, "claimtrack"], cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"Cannot export revision {rev!r} ({proc.stderr.strip()}); give a commit of this repository.")
    with tarfile.open(tar) as fh:
        fh.extractall(into / "src")
    return into / "src"


def print_scores(sc: dict, extractor: str) -> None:
    print(f"PolNeAR dev ({sc['docs']} articles, {sc['gold_attributions']} gold attributions, "
          f"{sc['claims']} claims, {sc['claims_with_speaker']} with a speaker), extractor {extractor}")
    for k in HEADLINE:
        print(f"  {k:32s} {sc[k]}")


def print_breakdown(sc: dict) -> None:
    print(f"  {'breakdown':24s} {'gold':>5s} {'recall':>7s} {'spk acc':>8s} {'+mention':>8s}")
    for k, v in sc["breakdown"].items():
        print(f"  {k:24s} {v['gold']:5d} {v['recall'] if v['recall'] is not None else '-':>7} "
              f"{v['speaker_acc'] if v['speaker_acc'] is not None else '-':>8} "
              f"{v['speaker_acc_mention'] if v['speaker_acc_mention'] is not None else '-':>8}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="speed runs (median taken)")
    ap.add_argument("--limit", type=int, help="score only the first N articles")
    ap.add_argument("--errors", action="store_true", help="keep the scorer's per-item errors")
    ap.add_argument("--label", default="current", help="a name for this run, stored with the figures")
    ap.add_argument("--against", metavar="REV", help="also measure git revision REV, side by side")
    ap.add_argument("--only", nargs="+", metavar="PATH",
                    help="with --against: the working tree with just these files as of REV")
    ap.add_argument("--speed-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    gold = bench_file(GOLD)
    rows = read_jsonl(gold)[: args.limit or None]
    if args.speed_child:  # one timed run, for --against
        print(json.dumps(speed([r["text"] for r in rows], 1)))
        return 0
    if not (BENCH / SCORER).is_file():
        print(f"skipped: {BENCH / SCORER} not found (set CLAIMTRACK_BENCH_DIR to the shared bench folder)")
        return 0
    errors = OUT / "attribution_errors.jsonl" if args.errors else None
    if errors:
        OUT.mkdir(parents=True, exist_ok=True)

    from claimtrack.claims.extract import EXTRACTOR_VERSION

    result = {"label": args.label, "machine": machine(), "set": GOLD, "extractor_version": EXTRACTOR_VERSION}
    if not args.against:
        with tempfile.TemporaryDirectory() as tmp:  # the misses, for recall by content form
            misses = errors or Path(tmp) / "errors.jsonl"
            result["scores"] = score(gold, args.limit, misses)
            result["content_forms"] = recall_by_form(rows, misses)
        result["speed"] = speed([r["text"] for r in rows], args.runs)
        sc = result["scores"]
        print_scores(sc, EXTRACTOR_VERSION)
        print(f"  {'sentences_per_second':32s} {result['speed']['sentences_per_second']} "
              f"({result['speed']['sentences']} sentences, median of {args.runs})")
        print_breakdown(sc)
        print_forms(result["content_forms"])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            src = export(args.against, Path(tmp), args.only)
            before = score(gold, args.limit, None, src)
            after = score(gold, args.limit, errors)
            runs = {"before": [], "after": []}
            for _ in range(args.runs):  # alternate, so shared-machine load hits both alike
                runs["before"].append(speed_child(src, args.limit))
                runs["after"].append(speed_child(None, args.limit))
        sps = {k: statistics.median(r["sentences_per_second"] for r in v) for k, v in runs.items()}
        result.update({"against": args.against, "only": args.only, "scores_before": before, "scores": after,
                       "speed_before": {"sentences_per_second_median": round(sps["before"], 1),
                                        "runs": [r["sentences_per_second"] for r in runs["before"]],
                                        "sentences": runs["before"][0]["sentences"]},
                       "speed": {"sentences_per_second_median": round(sps["after"], 1),
                                 "runs": [r["sentences_per_second"] for r in runs["after"]],
                                 "sentences": runs["after"][0]["sentences"]},
                       "speed_ratio": round(sps["after"] / sps["before"], 3)})
        print(f"PolNeAR dev ({after['docs']} articles, {after['gold_attributions']} gold attributions): "
              f"{args.against}{' (only ' + ', '.join(args.only) + ')' if args.only else ''} -> working tree")
        print(f"  {'':32s} {'before':>8s} {'after':>8s}")
        for k in HEADLINE + ("claims", "claims_with_speaker"):
            print(f"  {k:32s} {before[k]:>8} {after[k]:>8}")
        print(f"  {'sentences_per_second (median)':32s} {round(sps['before'], 1):>8} {round(sps['after'], 1):>8}"
              f"   ratio {result['speed_ratio']} ({args.runs} alternating runs each)")
        print(f"  {'breakdown (recall / spk+mention)':32s} {'before':>15s} {'after':>15s}")
        for k, v in after["breakdown"].items():
            b = before["breakdown"].get(k, {})
            print(f"  {k:32s} {str(b.get('recall')) + ' / ' + str(b.get('speaker_acc_mention')):>15s} "
                  f"{str(v['recall']) + ' / ' + str(v['speaker_acc_mention']):>15s}")
    path = write_result("attribution" if args.label == "current" else f"attribution_{args.label}", result)
    print(f"written: {path}" + (f", errors: {errors}" if errors else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
