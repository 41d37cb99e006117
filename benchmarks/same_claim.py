"""Same-claim and contradiction decisions of ``ClaimClusterer`` on dev data.

    .venv/bin/python benchmarks/same_claim.py

- Claim pairs (claimpairs/basil_dev_pairs.jsonl, 420 cross-outlet pairs): precision and
  recall of ``same_claim`` against ``label == "same"`` and of ``contradicts`` against
  ``label == "conflict"``, with cosine >= 0.80 and the old rule (cosine >= 0.70 and no
  typed-field conflict) beside them. The verifier was fitted on these pairs, so the figures
  on the whole file are in-sample: the honest ones are the 2-fold cross-validated figures
  (split by event) that benchmarks/train_verifier.py stores with the model, repeated here.
- MRPC train (4,076 pairs): F1 and accuracy of ``same_claims`` (also in-sample; the 2-fold
  CV figures beside them), against plain cosine at the MRPC-calibrated 0.605 and 0.70.
- STS-B news: Spearman of the verifier's probability and of the cosine against the scores.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import bench_file, machine, read_jsonl, write_result  # noqa: E402
from benchmarks.train_verifier import prf  # noqa: E402
from claimtrack.cluster import ClaimClusterer, CosineRule  # noqa: E402
from claimtrack.verify import load_model  # noqa: E402


def main() -> None:
    cp = read_jsonl(bench_file("claimpairs/basil_dev_pairs.jsonl"))
    mrpc = read_jsonl(bench_file("paraphrase/mrpc_train.jsonl"))
    stsb = read_jsonl(bench_file("paraphrase/stsb_news_train_dev.jsonl"))
    cc = ClaimClusterer()
    old = ClaimClusterer(verifier=CosineRule(0.70), embedder=cc.embedder)

    t0 = time.perf_counter()
    pairs = [(r["claim_a"], r["claim_b"]) for r in cp]
    verdicts = cc.verdicts(pairs)
    seconds = time.perf_counter() - t0
    old_verdicts = old.verdicts(pairs)
    y_same = np.array([r["label"] == "same" for r in cp], dtype=int)
    y_conf = np.array([r["label"] == "conflict" for r in cp], dtype=int)
    cos = np.array([r["cosine"] for r in cp])
    same = np.array([v.same for v in verdicts])
    contra = np.array([v.contradiction for v in verdicts])
    flagged = [{"label": r["label"], "claim_a": r["claim_a"], "claim_b": r["claim_b"], "differing": v.differing}
               for v, r in zip(verdicts, cp) if v.contradiction]

    m_pairs = [(r["sentence1"], r["sentence2"]) for r in mrpc]
    y_m = np.array([int(r["label"]) for r in mrpc])
    m_same = cc.same_claims(m_pairs)
    m_cos = cc.similarities(m_pairs)

    from scipy.stats import spearmanr

    s_pairs = [(r["sentence1"], r["sentence2"]) for r in stsb]
    s_cos = cc.similarities(s_pairs)
    s_prob = np.array([v.probability for v in cc.verdicts(s_pairs)])
    gold = [r["score"] for r in stsb]

    model = load_model()
    out = {
        "machine": machine(),
        "command": "python benchmarks/same_claim.py",
        "verifier": {"threshold": cc.verifier.threshold, "contradiction_threshold": cc.verifier.contradiction_threshold,
                     "cv": model.meta.get("cv")},
        "claimpairs": {
            "pairs": len(cp), "same": int(y_same.sum()), "conflict": int(y_conf.sum()),
            "same_claim_in_sample": prf(same, y_same),
            "cosine_0.80": prf(cos >= 0.80, y_same),
            "old_rule_cos_0.70_and_fields": prf(np.array([v.same for v in old_verdicts]), y_same),
            "contradicts": {"flagged": int(contra.sum()), "true_conflicts": int((contra & (y_conf == 1)).sum())},
            "old_rule_conflicts": {"flagged": int(sum(v.contradiction for v in old_verdicts)),
                                   "true_conflicts": int(sum(v.contradiction and y == 1 for v, y in zip(old_verdicts, y_conf)))},
            "flagged_pairs": flagged,
            "seconds_for_420_pairs": round(seconds, 2),
        },
        "mrpc_train": {
            "same_claims_in_sample": prf(m_same, y_m),
            "cosine_0.605": prf(m_cos >= 0.605, y_m),
            "cosine_0.70": prf(m_cos >= 0.70, y_m),
        },
        "stsb_news_spearman": {"verifier_probability": round(float(spearmanr(s_prob, gold).statistic), 4),
                               "cosine": round(float(spearmanr(s_cos, gold).statistic), 4)},
    }
    path = write_result("same_claim", out)
    short = {k: v for k, v in out["claimpairs"].items() if k != "flagged_pairs"}
    print("claim pairs:", short)
    print("flagged contradictions:", *[(f["label"], f["claim_a"][:60], f["claim_b"][:60]) for f in flagged], sep="\n  ")
    print("MRPC train:", out["mrpc_train"])
    print("STS-B news Spearman:", out["stsb_news_spearman"])
    print("CV (train_verifier.py):", out["verifier"]["cv"])
    print("written", path)


if __name__ == "__main__":
    main()
