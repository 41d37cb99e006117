"""Embedding backends side by side: bare SentenceTransformer.encode vs torch / onnx / onnx-int8.

    .venv/bin/python benchmarks/embed_backends.py [--runs 3] [--e2e-runs 3] [--skip-e2e]

Same process, same claim texts: the distinct claims the pipeline extracts from
../shared/bench/multisource/basil_dev.jsonl (ingest + extract stages into a temporary
warehouse). For each backend: claims/s (median of ``--runs`` timed runs, interleaved so
that machine noise hits every backend alike), peak RSS added by the backend (measured in
a fresh subprocess), mean/min cosine to fp32 (bare encode), MRPC-train same-claim F1 at
the configured threshold, and whether leader clustering of the BASIL claims (the
pipeline's ``assign()`` code, pipeline order) gives the same clusters as with fp32
vectors. Also: thread settings (intra-op threads 1 vs all cores), token budgets, the
tokeniser's share of the time, and the whole pipeline end to end (``claimtrack run`` in
a fresh warehouse, Prefect embedded, cold start) under ``torch`` and under the default
backend, median of ``--e2e-runs``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, bench_file, machine, read_jsonl, write_result  # noqa: E402

BACKENDS = ("torch", "onnx", "onnx-int8")


def claim_rows(data: Path) -> list[tuple[str, str, str, str]]:
    """(claim_id, text, source_id, origin) of every claim the pipeline extracts, in the
    pipeline's clustering order; cached in the temp dir by input hash and extractor version."""
    from claimtrack.claims import EXTRACTOR_VERSION

    digest = hashlib.sha256(data.read_bytes()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"claimtrack-bench-claims-{digest}-{EXTRACTOR_VERSION}.json"
    if cache.exists():
        return [tuple(r) for r in json.loads(cache.read_text())]
    from claimtrack import pipeline
    from claimtrack.config import Settings, SourceConfig
    from claimtrack.warehouse import connect

    tmp = Path(tempfile.mkdtemp(prefix="claimtrack-embbench-"))
    settings = Settings(warehouse=tmp / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(data))])
    pipeline.preflight(settings)
    run_id = pipeline.start_run(settings)
    pipeline.ingest(settings, run_id)
    pipeline.extract(settings, run_id)
    con = connect(settings.warehouse, read_only=True)
    rows = con.execute(
        """SELECT c.claim_id, c.text, c.source_id, a.origin FROM claims c JOIN articles a USING (article_id)
           ORDER BY a.published_at NULLS LAST, c.claim_id""").fetchall()
    con.close()
    cache.write_text(json.dumps(rows))
    return [tuple(r) for r in rows]


def stage_seconds(data: Path, backend: str, cache_dir: str) -> dict:
    """The pipeline's stages in process (no Prefect), fresh warehouse: seconds per stage."""
    from claimtrack import pipeline
    from claimtrack.config import EmbeddingConfig, Settings, SourceConfig

    tmp = Path(tempfile.mkdtemp(prefix="claimtrack-stages-"))
    settings = Settings(warehouse=tmp / "w.duckdb", sources=[SourceConfig(kind="jsonl", location=str(data))],
                        embedding=EmbeddingConfig(backend=backend, cache_dir=cache_dir))
    pipeline.preflight(settings)
    run_id = pipeline.start_run(settings)
    out, t = {}, time.perf_counter()
    pipeline.ingest(settings, run_id)
    out["ingest"], t = time.perf_counter() - t, time.perf_counter()
    pipeline.extract(settings, run_id)
    out["extract"], t = time.perf_counter() - t, time.perf_counter()
    emb = pipeline.embed(settings, run_id)
    out["embed (incl. model load)"], t = time.perf_counter() - t, time.perf_counter()
    pipeline.cluster(settings, run_id, emb["model"])
    out["cluster"] = time.perf_counter() - t
    return {k: round(v, 1) for k, v in out.items()}


def peak_rss_mb(backend: str, texts_file: Path) -> float:
    """Peak RSS of a fresh process that loads the backend and encodes the texts."""
    code = f"""
import json, resource, sys
sys.path.insert(0, {str(ROOT)!r})
texts = json.load(open({str(texts_file)!r}))
if {backend!r} == "bare":
    from sentence_transformers import SentenceTransformer
    from claimtrack.embed import model_path
    SentenceTransformer(model_path(), device="cpu").encode(texts, batch_size=64, normalize_embeddings=True)
else:
    from claimtrack.embed import Embedder
    Embedder(backend={backend!r}).encode(texts)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return round(float(out.stdout.strip().splitlines()[-1]), 0)


def f1(sims, labels, t):
    from benchmarks.calibrate_threshold import f1_acc

    return f1_acc(sims, labels, t)[0]


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def e2e(data: Path, backend: str, runs: int, cache_dir: str) -> list[float]:
    cli = str(ROOT / ".venv" / "bin" / "claimtrack")
    times = []
    for _ in range(runs):
        tmp = Path(tempfile.mkdtemp(prefix="claimtrack-e2e-"))
        env = dict(os.environ, PREFECT_HOME=str(tmp / "prefect"), CLAIMTRACK_EMBEDDING__BACKEND=backend,
                   CLAIMTRACK_EMBEDDING__CACHE_DIR=cache_dir)
        t0 = time.perf_counter()
        proc = subprocess.run([cli, "run", "--json", "--source", f"jsonl:{data}", "--warehouse", str(tmp / "w.duckdb")],
                              capture_output=True, text=True, env=env, cwd=tmp)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"pipeline failed ({backend}): {proc.stderr[-2000:]}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--e2e-runs", type=int, default=3)
    ap.add_argument("--skip-e2e", action="store_true")
    ap.add_argument("--sweep-texts", type=int, default=1000, help="texts for the thread/budget/RSS measurements")
    args = ap.parse_args()
    data = bench_file("multisource/basil_dev.jsonl")
    mrpc = read_jsonl(bench_file("paraphrase/mrpc_train.jsonl"))

    import numpy as np
    from sentence_transformers import SentenceTransformer

    from claimtrack import embed_onnx
    from claimtrack import ClaimClusterer
    from claimtrack.config import load_settings
    from claimtrack.embed import Embedder, model_path

    settings = load_settings()
    threshold = settings.clustering.threshold
    default_backend = settings.embedding.backend
    cache_dir = settings.embedding.cache_dir or str(embed_onnx.default_cache_dir())
    rows = claim_rows(data)
    ids = [r[0] for r in rows]
    texts = list(dict.fromkeys(r[1] for r in rows))  # distinct claim texts (what the pipeline embeds)
    print(f"{len(rows)} claims, {len(texts)} distinct texts", flush=True)

    st = SentenceTransformer(model_path(), device="cpu")
    embedders = {b: Embedder(backend=b, cache_dir=cache_dir).load() for b in BACKENDS}
    export_seconds = {}
    for b in ("onnx", "onnx-int8"):
        manifest = json.loads((embedders[b].onnx_path().parent / "manifest.json").read_text())
        export_seconds[b] = {"seconds": manifest["seconds"], "MB": round(embedders[b].onnx_path().stat().st_size / 1e6, 1)}

    def bare():
        return st.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)

    runners = {"bare": bare, **{b: (lambda b=b: embedders[b].encode(texts)) for b in BACKENDS}}
    for fn in runners.values():  # warm-up
        fn() if fn is bare else None
    for b in BACKENDS:
        embedders[b].encode(texts[:256])
    times = {k: [] for k in runners}
    for _ in range(args.runs):  # interleaved
        for k, fn in runners.items():
            times[k].append(timed(fn))
        print({k: round(v[-1], 2) for k, v in times.items()}, flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}

    ref = bare().astype(np.float32)
    vec = {b: embedders[b].encode(texts) for b in BACKENDS}
    text_row = {t: i for i, t in enumerate(texts)}
    claim_rows_idx = np.array([text_row[r[1]] for r in rows])

    def clusters(v):
        # The pipeline's rule through the public API (cosine to representatives only).
        res = ClaimClusterer(threshold=threshold, embedder=embedders["torch"]).cluster(ids, v[claim_rows_idx])
        return {a.claim_id: a.cluster_id for a in getattr(res, "assignments", res)}

    ref_clusters = clusters(ref)
    # MRPC train: same-claim F1 at the configured threshold under each backend.
    s1 = [r["sentence1"] for r in mrpc]
    s2 = [r["sentence2"] for r in mrpc]
    labels = np.array([int(r["label"]) for r in mrpc])
    mrpc_ref = (st.encode(s1, batch_size=64, normalize_embeddings=True), st.encode(s2, batch_size=64, normalize_embeddings=True))
    sims_ref = np.einsum("ij,ij->i", *mrpc_ref)
    results = {}
    for name in ("bare", *BACKENDS):
        v = ref if name == "bare" else vec[name]
        cos = np.einsum("ij,ij->i", v, ref)
        if name == "bare":
            sims = sims_ref
        else:
            sims = np.einsum("ij,ij->i", embedders[name].encode(s1), embedders[name].encode(s2))
        cl = clusters(v)
        results[name] = {
            "claims_per_second": round(len(texts) / med[name], 1),
            "seconds_median": round(med[name], 2),
            "seconds_runs": [round(x, 2) for x in times[name]],
            "speedup_vs_bare": round(med["bare"] / med[name], 2),
            "cosine_to_fp32_mean": round(float(cos.mean()), 4),
            "cosine_to_fp32_min": round(float(cos.min()), 4),
            "mrpc_f1": round(f1(sims, labels, threshold), 4),
            "mrpc_decisions_changed": int(np.sum((sims >= threshold) != (sims_ref >= threshold))),
            "mrpc_max_abs_cosine_shift": round(float(np.max(np.abs(sims - sims_ref))), 4),
            "basil_claims_moved": sum(cl[c] != ref_clusters[c] for c in ids),
            "basil_clusters": len(set(cl.values())),
        }
    results["bare"]["basil_clusters"] = len(set(ref_clusters.values()))
    partial = {"machine": machine(), "command": "python benchmarks/embed_backends.py", "claims": len(rows),
               "distinct_texts": len(texts), "threshold": threshold, "default_backend": default_backend,
               "runs": args.runs, "exports": export_seconds, "backends": results}
    write_result("embed_backends.partial", partial)
    print(json.dumps(results, indent=1), flush=True)

    # Threads and token budget (ONNX backends): the default is intra-op threads = cores.
    from claimtrack.embed_onnx import available_threads

    cores = available_threads()
    sub = texts[:: max(1, len(texts) // args.sweep_texts)][: args.sweep_texts]  # spread over the corpus
    thread_rows = []
    configs = [(b, th, True) for b in ("onnx", "onnx-int8") for th in sorted({1, cores})]
    configs.append((default_backend if default_backend != "torch" else "onnx", cores, False))
    ts_by = {c: [] for c in configs}
    for _ in range(args.runs):  # interleaved
        for b, th, spin in configs:
            embed_onnx.ALLOW_SPINNING = spin
            e = Embedder(backend=b, cache_dir=cache_dir, threads=th).load()
            e.encode(sub[:64])
            ts_by[(b, th, spin)].append(timed(lambda: e.encode(sub)))
    embed_onnx.ALLOW_SPINNING = True
    for (b, th, spin), ts in ts_by.items():
        thread_rows.append({"backend": b, "threads": th, "spinning": spin,
                            "claims_per_second": round(len(sub) / statistics.median(ts), 1)})
    budget_rows = []
    budgets = ((1024, 64), (4096, 64), (8192, 256), (1_000_000, 32))
    bts = {c: [] for c in budgets}
    for _ in range(args.runs):
        for budget, bs in budgets:
            e = Embedder(backend=default_backend, cache_dir=cache_dir, token_budget=budget, batch_size=bs).load()
            bts[(budget, bs)].append(timed(lambda: e.encode(sub)))
    for (budget, bs), ts in bts.items():
        budget_rows.append({"backend": default_backend, "token_budget": budget, "batch_size": bs,
                            "claims_per_second": round(len(sub) / statistics.median(ts), 1)})
    tok = embed_onnx.load_tokenizer(model_path())
    tok_seconds = statistics.median(timed(lambda: tok.encode_batch(texts)) for _ in range(3))

    texts_file = Path(tempfile.mkdtemp(prefix="claimtrack-rss-")) / "texts.json"
    texts_file.write_text(json.dumps(sub))
    for name in ("bare", *BACKENDS):
        results[name]["peak_rss_mb"] = peak_rss_mb(name, texts_file)

    out = {
        "machine": machine(),
        "command": "python benchmarks/embed_backends.py",
        "claims": len(rows),
        "distinct_texts": len(texts),
        "threshold": threshold,
        "default_backend": default_backend,
        "runs": args.runs,
        "exports": export_seconds,
        "backends": results,
        "sweep_texts": len(sub),
        "threads": thread_rows,
        "token_budgets": budget_rows,
        "tokenizer_seconds": round(tok_seconds, 3),
        "tokenizer_share_of_default": round(tok_seconds / med[default_backend], 4),
    }
    if not args.skip_e2e:
        write_result("embed_backends.partial", out)
        runs = {"torch": [], default_backend: []}
        for _ in range(args.e2e_runs):  # interleaved
            for b in runs:
                runs[b] += e2e(data, b, 1, cache_dir)
            print("e2e", {b: [round(x, 1) for x in v] for b, v in runs.items()}, flush=True)
            out["e2e_partial"] = runs
            write_result("embed_backends.partial", out)
        out["e2e"] = {
            b: {"wall_seconds_runs": [round(x, 1) for x in v], "wall_seconds_median": round(statistics.median(v), 1),
                "claims_per_second": round(len(rows) / statistics.median(v), 1)}
            for b, v in runs.items()
        }
        out["stages_default_backend"] = stage_seconds(data, default_backend, cache_dir)
        out["e2e_ratio_default_to_bare_encode"] = round(out["e2e"][default_backend]["claims_per_second"]
                                                        / results["bare"]["claims_per_second"], 3)
    path = write_result("embed_backends", out)
    print(json.dumps(out, indent=1))
    print("written", path)


if __name__ == "__main__":
    main()
