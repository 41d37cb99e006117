"""Calibrate the clustering threshold on MRPC train (label 1 = same claim).

    .venv/bin/python benchmarks/calibrate_threshold.py

Scores every pair with ``ClaimClusterer.similarity`` (the pipeline's own embedder),
sweeps the threshold, and reports the threshold with the best F1 and the one with the
best accuracy, plus F1/accuracy at the configured threshold and the Spearman correlation
with STS-B news scores."""

from __future__ import annotations

import sys
import time

import numpy as np

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))

from benchmarks.common import bench_file, machine, read_jsonl, write_result  # noqa: E402
from claimtrack import ClaimClusterer  # noqa: E402
from claimtrack.config import load_settings  # noqa: E402


def f1_acc(sims: np.ndarray, labels: np.ndarray, t: float) -> tuple[float, float, float, float]:
    pred = sims >= t
    tp = float(np.sum(pred & (labels == 1)))
    fp = float(np.sum(pred & (labels == 0)))
    fn = float(np.sum(~pred & (labels == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, float(np.mean(pred == (labels == 1))), p, r


def main() -> None:
    mrpc = read_jsonl(bench_file("paraphrase/mrpc_train.jsonl"))
    settings = load_settings()
    cc = ClaimClusterer()
    t0 = time.perf_counter()
    sims = cc.similarities([(r["sentence1"], r["sentence2"]) for r in mrpc])
    elapsed = time.perf_counter() - t0
    labels = np.array([int(r["label"]) for r in mrpc])
    grid = np.round(np.arange(0.40, 0.96, 0.005), 3)
    scores = [(t, *f1_acc(sims, labels, t)) for t in grid]
    best_f1 = max(scores, key=lambda s: (s[1], s[2]))
    best_acc = max(scores, key=lambda s: (s[2], s[1]))
    cur = f1_acc(sims, labels, settings.clustering.threshold)
    result = {
        "machine": machine(),
        "pairs": len(mrpc),
        "encode_seconds": round(elapsed, 1),
        "best_f1": {"threshold": best_f1[0], "f1": round(best_f1[1], 4), "accuracy": round(best_f1[2], 4)},
        "best_accuracy": {"threshold": best_acc[0], "f1": round(best_acc[1], 4), "accuracy": round(best_acc[2], 4)},
        "configured": {"threshold": settings.clustering.threshold, "f1": round(cur[0], 4),
                       "accuracy": round(cur[1], 4), "precision": round(cur[2], 4), "recall": round(cur[3], 4)},
        "curve": [{"threshold": float(t), "f1": round(f, 4), "accuracy": round(a, 4), "precision": round(p, 4), "recall": round(r, 4)}
                  for t, f, a, p, r in scores if round(t * 100) % 5 == 0],
    }
    # The pipeline's full rule (cosine + typed-field conflicts) at the configured threshold,
    # through ClaimClusterer.same_claims.
    same = cc.same_claims([(r["sentence1"], r["sentence2"]) for r in mrpc])
    tp = float(np.sum(same & (labels == 1))); fp = float(np.sum(same & (labels == 0)))
    fn = float(np.sum(~same & (labels == 1)))
    p_, r_ = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    result["rule"] = {"threshold": settings.clustering.threshold, "f1": round(2 * p_ * r_ / max(p_ + r_, 1e-9), 4),
                      "accuracy": round(float(np.mean(same == (labels == 1))), 4),
                      "precision": round(p_, 4), "recall": round(r_, 4)}
    stsb_path = bench_file("paraphrase/stsb_news_train_dev.jsonl")
    stsb = read_jsonl(stsb_path)
    s2 = cc.similarities([(r["sentence1"], r["sentence2"]) for r in stsb])
    from scipy.stats import spearmanr  # scipy comes with sentence-transformers

    result["stsb_news_spearman"] = round(float(spearmanr(s2, [r["score"] for r in stsb]).statistic), 4)
    path = write_result("calibration", result)
    for k in ("best_f1", "best_accuracy", "configured", "rule"):
        print(k, result[k])
    print("STS-B news Spearman", result["stsb_news_spearman"])
    print("written", path)


if __name__ == "__main__":
    main()
