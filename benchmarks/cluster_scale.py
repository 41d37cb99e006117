"""Clustering at scale: claimtrack's clustering vs sentence-transformers' community_detection.

    .venv/bin/python benchmarks/cluster_scale.py [--sizes 10000 100000 1000000] [--cd-max 100000]

Data: embeddings of real news sentences (MRPC train sentence1 + STS-B news sentence1,
encoded once with the pipeline's embedder and cached in benchmarks/out/), made into N
claims with known groups: each group is one real sentence vector (randomly rotated copies
of the real set supply more groups than there are sentences), and its members are that
vector plus small Gaussian noise (cosine ~0.85-0.95 to it) — near-duplicates whose true
grouping is known. Group sizes vary 1-9 (mean 5).

Each (method, size) runs in a fresh subprocess; we report wall time of the clustering call
and the child's peak RSS, and pairwise precision/recall/F1 against the known groups.
Then the scheduled-run case: 1k new claims added to the N-claim clustering through the
saved candidate index (load + assign), which community_detection cannot do incrementally.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import OUT, bench_file, machine, read_jsonl, write_result  # noqa: E402

THRESHOLD = 0.7
DIM = 384


def base_vectors() -> np.ndarray:
    cache = OUT / "scale_base_vectors.npy"
    if cache.exists():
        return np.load(cache)
    texts = sorted({r["sentence1"] for r in read_jsonl(bench_file("paraphrase/mrpc_train.jsonl"))}
                   | {r["sentence1"] for r in read_jsonl(bench_file("paraphrase/stsb_news_train_dev.jsonl"))})
    from claimtrack.embed import Embedder

    vecs = Embedder().encode(texts)
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(cache, vecs)
    return vecs


def make_data(n: int, seed: int = 0, extra: int = 0):
    """N claims (+ `extra` later ones) with known group labels, in a fixed random order."""
    rng = np.random.default_rng(seed)
    base = base_vectors()
    sizes = []
    total = 0
    while total < n + extra:
        s = int(rng.integers(1, 10))
        sizes.append(s)
        total += s
    n_groups = len(sizes)
    reps = []
    while sum(len(r) for r in reps) < n_groups:
        if not reps:
            reps.append(base)
        else:  # a random rotation: same geometry, unrelated to the other copies
            q, _ = np.linalg.qr(rng.normal(size=(DIM, DIM)))
            reps.append((base @ q).astype(np.float32))
    centers = np.vstack(reps)[:n_groups]
    del reps
    labels = np.repeat(np.arange(n_groups), sizes)[: n + extra]
    labels = labels[rng.permutation(len(labels))]  # a fixed random arrival order
    # built in chunks, in place, so the data itself costs ~1.5 GB at 1M, not 3x that
    vecs = np.empty((len(labels), DIM), dtype=np.float32)
    for a in range(0, len(labels), 100_000):
        b = min(a + 100_000, len(labels))
        sigma = rng.uniform(0.015, 0.03, size=(b - a, 1)).astype(np.float32)
        chunk = centers[labels[a:b]]
        chunk += rng.standard_normal(size=(b - a, DIM), dtype=np.float32) * sigma
        chunk /= np.linalg.norm(chunk, axis=1, keepdims=True)
        vecs[a:b] = chunk
    return vecs[:n], labels[:n], vecs[n:], labels[n:]


def pairwise(pred: np.ndarray, gold: np.ndarray) -> dict:
    def pairs(counts):
        counts = counts.astype(np.int64)
        return int((counts * (counts - 1) // 2).sum())

    _, pred_idx = np.unique(pred, return_inverse=True)
    joint = pred_idx.astype(np.int64) * (int(gold.max()) + 1) + gold.astype(np.int64)
    tp = pairs(np.unique(joint, return_counts=True)[1])
    pp = pairs(np.bincount(pred_idx))
    gp = pairs(np.bincount(gold))
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM; unlike ru_maxrss it is not inherited
    from the parent across fork/exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child(method: str, n: int) -> None:
    vecs, labels, extra_vecs, _ = make_data(n, extra=1000)
    ids = [f"c{i:08d}" for i in range(n)]
    out: dict = {"method": method, "n": n, "data_rss_mb": peak_rss_mb()}
    if method == "claimtrack":
        import tempfile

        from claimtrack.cluster import CandidateIndex, assign

        t0 = time.perf_counter()
        index = CandidateIndex(DIM)
        res = assign(index, {}, ids, vecs, THRESHOLD)
        out["seconds"] = round(time.perf_counter() - t0, 2)
        out["index"] = index.kind
        pred = np.array([a.cluster_id for a in res.assignments])
        out.update(pairwise(pred, labels))
        out["clusters"] = int(len(np.unique(pred)))
        # the scheduled run: 1k new claims added to the existing clustering. An HNSW index is
        # loaded from disk as the pipeline does; an exact one is rebuilt from the stored
        # representative vectors (here: taken from the in-memory index, as the warehouse would).
        rep_fields: dict = {}
        t1 = time.perf_counter()
        if index.kind == "hnsw":
            path = Path(tempfile.mkdtemp()) / "reps.faiss"
            index.save(path, "bench")
            t1 = time.perf_counter()
            loaded = CandidateIndex.load(path, "bench", DIM)
        else:
            reps = index._mat[: len(index)].copy()
            t1 = time.perf_counter()
            loaded = CandidateIndex(DIM)
            loaded.add(list(index.ids), reps)
        assign(loaded, rep_fields, [f"x{i:05d}" for i in range(len(extra_vecs))], extra_vecs, THRESHOLD)
        out["incremental_1k_seconds"] = round(time.perf_counter() - t1, 2)
    else:
        import torch
        from sentence_transformers.util import community_detection

        torch.set_num_threads(2)
        t0 = time.perf_counter()
        comms = community_detection(torch.from_numpy(vecs), threshold=THRESHOLD, min_community_size=1, batch_size=1024)
        out["seconds"] = round(time.perf_counter() - t0, 2)
        pred = np.full(n, -1, dtype=np.int64)
        for ci, members in enumerate(comms):
            pred[members] = ci
        missing = pred < 0
        pred[missing] = len(comms) + np.arange(missing.sum())
        out.update(pairwise(pred, labels))
        out["clusters"] = int(len(np.unique(pred)))
    out["peak_rss_mb"] = peak_rss_mb()
    print("RESULT " + json.dumps(out), flush=True)


def crossover(rep_counts=(2_000, 5_000, 10_000, 20_000, 50_000, 100_000), queries: int = 1024) -> list[dict]:
    """Seconds to find the 10 nearest of one block of queries among R representatives:
    exact (NumPy) vs HNSW (search + the cost of inserting the R vectors, per block of
    1,024 claims of a 1M run, i.e. build time amortised over R / 1,024 blocks)."""
    import faiss

    from claimtrack.cluster import HNSW_EF_SEARCH, HNSW_M, CandidateIndex

    rng = np.random.default_rng(1)
    out = []
    for r in rep_counts:
        reps = rng.normal(size=(r, DIM)).astype(np.float32)
        reps /= np.linalg.norm(reps, axis=1, keepdims=True)
        truth = rng.integers(0, r, queries)
        q = reps[truth] + rng.normal(scale=0.02, size=(queries, DIM)).astype(np.float32)
        q /= np.linalg.norm(q, axis=1, keepdims=True)
        exact = CandidateIndex(DIM, hnsw_min=10**12)
        exact.add([str(i) for i in range(r)], reps)
        t = time.perf_counter()
        for _ in range(3):
            exact.search(q)
        t_exact = (time.perf_counter() - t) / 3
        hnsw = faiss.IndexHNSWFlat(DIM, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        t = time.perf_counter()
        hnsw.add(reps)
        t_build = time.perf_counter() - t
        hnsw.hnsw.efSearch = HNSW_EF_SEARCH
        t = time.perf_counter()
        for _ in range(3):
            _, ih = hnsw.search(q, 10)
        t_hnsw = (time.perf_counter() - t) / 3
        # what clustering needs: the near-duplicate's own representative among the candidates
        recall = float(np.mean([t in row for t, row in zip(truth.tolist(), ih.tolist())]))
        row = {"reps": r, "exact_search_s_per_1024": round(t_exact, 4), "hnsw_search_s_per_1024": round(t_hnsw, 4),
               "hnsw_build_s": round(t_build, 2), "hnsw_finds_true_rep": round(recall, 4)}
        print(row, flush=True)
        out.append(row)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--cd-max", type=int, default=100_000, help="largest size to try community_detection at")
    ap.add_argument("--cd-timeout", type=int, default=1800)
    ap.add_argument("--child", nargs=2)
    ap.add_argument("--no-crossover", action="store_true")
    a = ap.parse_args()
    if a.child:
        child(a.child[0], int(a.child[1]))
        return
    cross = [] if a.no_crossover else crossover()
    base_vectors()  # build the cache once, outside the timed children
    results = []
    for n in a.sizes:
        for method in ("claimtrack", "community_detection"):
            if method == "community_detection" and n > a.cd_max:
                results.append({"method": method, "n": n, "skipped": f"quadratic; not run above {a.cd_max}"})
                continue
            try:
                proc = subprocess.run([sys.executable, __file__, "--child", method, str(n)],
                                      capture_output=True, text=True, timeout=a.cd_timeout)
                line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
                res = json.loads(line[7:]) if line else {"method": method, "n": n, "error": proc.stderr[-500:]}
            except subprocess.TimeoutExpired:
                res = {"method": method, "n": n, "skipped": f"did not finish in {a.cd_timeout} s"}
            print(res, flush=True)
            results.append(res)
    # merge with earlier runs of other sizes (a size measured again replaces its old row)
    old_path = OUT / "cluster_scale.json"
    old = json.loads(old_path.read_text()) if old_path.exists() else {}
    keep = [r for r in old.get("results", []) if (r["method"], r["n"]) not in {(x["method"], x["n"]) for x in results}]
    write_result("cluster_scale", {"machine": machine(), "threshold": THRESHOLD,
                                   "command": "python benchmarks/cluster_scale.py " + " ".join(sys.argv[1:]),
                                   "crossover": cross or old.get("crossover", []),
                                   "results": sorted(keep + results, key=lambda r: (r["n"], r["method"]))})


if __name__ == "__main__":
    main()
