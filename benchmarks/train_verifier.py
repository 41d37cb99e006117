"""Train the same-claim verifier (claimtrack/data/verifier.json) on dev data only.

    .venv/bin/python benchmarks/train_verifier.py

Data: MRPC train (label 1 = same) and the labelled cross-outlet claim pairs from BASIL dev
(``label == "same"``), both from ../shared/bench. Model: scikit-learn logistic regression
over :data:`claimtrack.verify.FEATURES` (standardised), claim pairs weighted
``CLAIMPAIR_WEIGHT`` times an MRPC pair (they are what the pipeline decides on; MRPC is
more lenient about extra detail).

Honest figures: 2-fold cross-validation, MRPC split by row parity and the claim pairs split
by *event* (no event in both folds); every reported figure is on the fold the model did
not see. The decision threshold is the one whose cross-validated claim-pair precision first
reaches ``TARGET_PRECISION``. The final model is then fitted on all of it and written with
the command, the data's sha256, the CV figures and the threshold; nothing trains at run
time."""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import bench_file, machine, read_jsonl, write_result  # noqa: E402
from claimtrack.embed import Embedder  # noqa: E402
from claimtrack.verify import FEATURES, MODEL_PATH, VerifierModel, evidence_of_texts, features_matrix  # noqa: E402

CLAIMPAIR_WEIGHT = 10.0
TARGET_PRECISION = 0.90
C = 1.0


def prf(pred: np.ndarray, y: np.ndarray) -> dict:
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "accuracy": round(float(np.mean(pred == (y == 1))), 4)}


def featurise(pairs: list[tuple[str, str]], embedder: Embedder) -> np.ndarray:
    texts = sorted({t for p in pairs for t in p})
    pos = {t: i for i, t in enumerate(texts)}
    vecs = embedder.encode(texts)
    ev = evidence_of_texts(texts)
    cos = [float(vecs[pos[a]] @ vecs[pos[b]]) for a, b in pairs]
    return features_matrix(cos, [ev[pos[a]] for a, _ in pairs], [ev[pos[b]] for _, b in pairs])


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=C, max_iter=5000).fit((X - mean) / scale, y, sample_weight=w)
    return VerifierModel(tuple(float(x) for x in lr.coef_[0]), float(lr.intercept_[0]),
                         tuple(float(x) for x in mean), tuple(float(x) for x in scale), 0.5)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    mrpc_path = bench_file("paraphrase/mrpc_train.jsonl")
    cp_path = bench_file("claimpairs/basil_dev_pairs.jsonl")
    mrpc, cp = read_jsonl(mrpc_path), read_jsonl(cp_path)
    embedder = Embedder()
    Xm = featurise([(r["sentence1"], r["sentence2"]) for r in mrpc], embedder)
    ym = np.array([int(r["label"]) for r in mrpc])
    Xc = featurise([(r["claim_a"], r["claim_b"]) for r in cp], embedder)
    yc = np.array([int(r["label"] == "same") for r in cp])
    events = sorted({r["event_id"] for r in cp})
    random.Random(0).shuffle(events)
    fold_of = {e: i % 2 for i, e in enumerate(events)}
    fc = np.array([fold_of[r["event_id"]] for r in cp])
    fm = np.arange(len(mrpc)) % 2

    def cross_validated(keep: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """2-fold out-of-fold probabilities with only the ``keep`` feature columns."""
        pm, pc = np.zeros(len(ym)), np.zeros(len(yc))
        for k in (0, 1):
            X = np.vstack([Xm[fm != k], Xc[fc != k]])[:, keep]
            y = np.r_[ym[fm != k], yc[fc != k]]
            w = np.r_[np.ones(int(np.sum(fm != k))), np.full(int(np.sum(fc != k)), CLAIMPAIR_WEIGHT)]
            m = fit(X, y, w)
            pm[fm == k] = m.probability(Xm[fm == k][:, keep])
            pc[fc == k] = m.probability(Xc[fc == k][:, keep])
        return pm, pc

    grid = np.round(np.arange(0.30, 0.90, 0.01), 2)

    def at_target(pm, pc) -> dict:
        t = next((float(t) for t in grid if prf(pc >= t, yc)["precision"] >= TARGET_PRECISION), 0.5)
        return {"threshold": t, "claimpairs": prf(pc >= t, yc), "mrpc_train": prf(pm >= t, ym)}

    everything = list(range(len(FEATURES)))
    pm, pc = cross_validated(everything)
    threshold = at_target(pm, pc)["threshold"]
    # What each group of evidence adds (same CV, same threshold rule): the name-free overlap is
    # the answer to "similarity on the claim, not the name".
    ablations = {}
    for name, drop in (("without the name-free overlap (rest_min, rest_max, cos_x_rest)", ("rest_min", "rest_max", "cos_x_rest")),
                       ("without word overlap of any kind", ("overlap_min", "overlap_max", "bigram_overlap", "rest_min",
                                                             "rest_max", "cos_x_rest")),
                       ("cosine only", tuple(f for f in FEATURES if f != "cosine"))):
        keep = [i for i, f in enumerate(FEATURES) if f not in drop]
        ablations[name] = at_target(*cross_validated(keep))
    cv = {"threshold": threshold, "claimpairs": prf(pc >= threshold, yc), "mrpc_train": prf(pm >= threshold, ym),
          "curve": [{"threshold": float(t), "claimpairs": prf(pc >= t, yc), "mrpc_train": prf(pm >= t, ym)}
                    for t in grid[::5]]}
    cosine = {"claimpairs_cos_0.80": prf(Xc[:, 0] >= 0.80, yc), "mrpc_cos_0.70": prf(Xm[:, 0] >= 0.70, ym)}

    final = fit(np.vstack([Xm, Xc]), np.r_[ym, yc],
                np.r_[np.ones(len(ym)), np.full(len(yc), CLAIMPAIR_WEIGHT)])
    command = "python benchmarks/train_verifier.py"
    model = VerifierModel(final.weights, final.bias, final.mean, final.scale, threshold, FEATURES, {
        "command": command,
        "embedder": embedder.model_id,
        "data": {"paraphrase/mrpc_train.jsonl": sha256(mrpc_path),
                 "claimpairs/basil_dev_pairs.jsonl": sha256(cp_path)},
        "claimpair_weight": CLAIMPAIR_WEIGHT, "C": C,
        "threshold_rule": f"first threshold whose 2-fold CV claim-pair precision >= {TARGET_PRECISION}",
        "cv": {"threshold": threshold, "claimpairs": cv["claimpairs"], "mrpc_train": cv["mrpc_train"]},
    })
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    out = {"machine": machine(), "command": command, "features": list(FEATURES), "ablations": ablations,
           "weights": dict(zip(FEATURES, [round(w, 4) for w in final.weights])), "cv": cv, "cosine_baselines": cosine}
    write_result("verifier_training", out)
    print(json.dumps({"cv": {k: v for k, v in cv.items() if k != "curve"}, **cosine, "ablations": ablations}, indent=1))
    print("written", MODEL_PATH)


if __name__ == "__main__":
    main()
