"""Write docs/BENCHMARKS.md from benchmarks/out/*.json (the figures measured on this machine)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import OUT, ROOT  # noqa: E402


def load(name: str) -> dict | None:
    path = OUT / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def main() -> None:
    lines = ["# Benchmarks", "",
             "Figures measured by `make benchmark` (which runs `benchmarks/run_all.py`) on the machine named "
             "in each section, with the third-party data in `../shared/bench` (see its README for the "
             "definitions). Timings on a 2-core machine are noisy; compare ratios taken in the same run.", ""]
    cal = load("calibration")
    if cal:
        lines += [
            "## Same-claim threshold on MRPC train", "",
            f"Command: `.venv/bin/python benchmarks/calibrate_threshold.py` — {cal['pairs']} pairs, machine: {cal['machine']}.",
            "Every pair is scored with `ClaimClusterer.similarity` (the pipeline's own embedder); a pair is "
            "\"same claim\" when the cosine is at least the threshold.", "",
            "| threshold | F1 | accuracy | note |", "|---|---|---|---|",
            f"| {cal['best_f1']['threshold']} | {cal['best_f1']['f1']} | {cal['best_f1']['accuracy']} | best F1 on MRPC train |",
            f"| {cal['best_accuracy']['threshold']} | {cal['best_accuracy']['f1']} | {cal['best_accuracy']['accuracy']} | best accuracy on MRPC train |",
            f"| **{cal['configured']['threshold']}** | **{cal['configured']['f1']}** | **{cal['configured']['accuracy']}** | **configured** (precision {cal['configured']['precision']}, recall {cal['configured']['recall']}) |",
            "",
            f"STS-B news (train+dev): Spearman of the similarity against the gold scores = {cal['stsb_news_spearman']}.", "",
            "The curve (every 0.05):", "",
            "| threshold | F1 | accuracy | precision | recall |", "|---|---|---|---|---|",
        ]
        lines += [f"| {c['threshold']:.2f} | {c['f1']} | {c['accuracy']} | {c['precision']} | {c['recall']} |" for c in cal["curve"]]
        lines.append("")
    basil = load("basil_pipeline")
    if basil:
        lines += [
            "## BASIL dev end to end", "",
            f"Command: `{basil['command']}` — machine: {basil['machine']}.",
            f"The `claim-pipeline` flow runs through the CLI (`claimtrack run --source jsonl:../shared/bench/multisource/basil_dev.jsonl`, "
            f"Prefect embedded, cold start included) into a fresh warehouse; then bare `SentenceTransformer.encode` "
            f"(fp32, batch 64) encodes the same claim texts in the same run.", "",
            "| figure | value |", "|---|---|",
            f"| articles / events | {basil['articles']} / {basil['events']} |",
            f"| claims extracted | {basil['claims']} |",
            f"| clustering threshold | {basil['threshold']} |",
            f"| pipeline wall time (whole flow, incl. Prefect start-up and model loading) | {basil['pipeline_wall_seconds']} s |",
            f"| **pipeline claims/s end to end** | **{basil['pipeline_claims_per_second']}** |",
            f"| bare `SentenceTransformer.encode` claims/s (same texts) | {basil['bare_encode_claims_per_second']} |",
            f"| clusters / cross-outlet clusters | {basil['clusters']} / {basil['cross_outlet_clusters']} |",
            f"| **purity** (cross-outlet clusters within one event) | **{basil['purity']}** |",
            f"| **coverage** (events with a pure cross-outlet cluster) | **{basil['coverage']}** |",
            "",
            "Threshold sweep (same stored vectors, same `assign()` code):", "",
            "| threshold | clusters | cross-outlet clusters | purity | coverage |", "|---|---|---|---|---|",
        ]
        lines += [f"| {s['threshold']} | {s['clusters']} | {s['cross_outlet_clusters']} | {s['purity']} | {s['coverage']} |" for s in basil["threshold_sweep"]]
        lines.append("")
    extra = ROOT / "docs" / "BENCHMARKS.notes.md"
    if extra.exists():
        lines += [extra.read_text(encoding="utf-8")]
    (ROOT / "docs" / "BENCHMARKS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote docs/BENCHMARKS.md")


if __name__ == "__main__":
    main()
