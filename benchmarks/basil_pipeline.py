"""End-to-end benchmark on BASIL dev (165 articles, 55 events, 3 outlets).

    .venv/bin/python benchmarks/basil_pipeline.py

1. Runs the real ``claim-pipeline`` flow through the CLI on
   ``--source jsonl:../shared/bench/multisource/basil_dev.jsonl`` into a fresh warehouse
   (Prefect embedded), and times it: claims/s end to end.
2. In the same process run, encodes the same claim texts with bare
   ``SentenceTransformer.encode`` (fp32, batch 64) for comparison.
3. Scores the clusters: purity = share of cross-outlet clusters (2+ outlets) whose claims
   all come from one event; coverage = share of events with at least one pure
   cross-outlet cluster (../shared/bench/README.md).
4. Scores the labelled cross-outlet claim pairs (claimpairs/) against the stored clusters
   and contradictions.
5. Re-clusters the stored vectors with the old cosine rule (same assign() code) to compare.
6. Diagnoses the labelled ``same`` pairs the stored clusters miss: (a) a claim not found
   among the stored claims, or a background descriptor left unclustered; (b) the verifier
   says no; (c) cluster admission blocked it; (d) candidate retrieval never offered it.

    .venv/bin/python benchmarks/basil_pipeline.py --warehouse PATH   # steps 4 and 6 only,
                                                                     # on a warehouse already built
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, bench_file, machine, read_jsonl, write_result  # noqa: E402

THRESHOLDS = (0.7, 0.8)


def score(assignments: dict[str, str], claim_event: dict[str, str], claim_source: dict[str, str], n_events: int) -> dict:
    members = defaultdict(list)
    for claim_id, cluster_id in assignments.items():
        members[cluster_id].append(claim_id)
    cross = [m for m in members.values() if len({claim_source[c] for c in m}) >= 2]
    pure = [m for m in cross if len({claim_event[c] for c in m}) == 1]
    covered = {claim_event[m[0]] for m in pure}
    return {
        "clusters": len(members),
        "cross_outlet_clusters": len(cross),
        "purity": round(len(pure) / len(cross), 4) if cross else None,
        "coverage": round(len(covered) / n_events, 4),
    }


class ClaimFinder:
    """Finds a labelled claim among the stored claims of its event and outlet: by its text or
    its article wording (``original_text``); else (an extractor that words claims differently)
    the stored claim sharing the most words with it (Jaccard >= 0.6 over either wording)."""

    def __init__(self) -> None:
        self.by_key: dict = defaultdict(list)
        self.by_outlet: dict = defaultdict(list)
        self.fuzzy = 0

    def add(self, ev: str, outlet: str, texts, claim_id: str) -> None:
        for t in dict.fromkeys(t for t in texts if t):
            self.by_key[(ev, outlet, t)].append(claim_id)
            self.by_outlet[(ev, outlet)].append((set(t.lower().split()), claim_id))

    def find(self, ev: str, outlet: str, text: str) -> list[str] | None:
        hit = self.by_key.get((ev, outlet, text))
        if hit:
            return list(dict.fromkeys(hit))
        words = set(text.lower().split())
        best = max(((len(words & w) / max(len(words | w), 1), i) for w, i in self.by_outlet.get((ev, outlet), [])),
                   default=None, key=lambda x: x[0])
        if best and best[0] >= 0.6:
            self.fuzzy += 1
            return [best[1]]
        return None


def claim_pair_scores(wh: Path, rows: list[dict], clusters: dict | None = None) -> dict | None:
    """The labelled cross-outlet claim pairs (claimpairs/basil_dev_pairs.jsonl) against the
    stored warehouse: is each pair in one cluster, and is it a stored contradiction?
    A pair's claims are found by their text among the claims of that event's two outlets.
    ``clusters`` (claim id -> cluster id or None) replaces the stored memberships."""
    from benchmarks.common import BENCH

    path = BENCH / "claimpairs" / "basil_dev_pairs.jsonl"
    if not path.is_file():
        return None
    import duckdb

    pairs = read_jsonl(path)
    con = duckdb.connect(str(wh), read_only=True)
    stored = con.execute(
        """SELECT c.text, a.origin, m.cluster_id, c.claim_id, coalesce(c.claim_kind, 'clause'),
                  coalesce(c.parent_claim_id, c.claim_id), c.original_text
           FROM claims c JOIN articles a USING (article_id)
           LEFT JOIN cluster_members m USING (claim_id)""").fetchall()
    contra = {tuple(sorted(r)) for r in con.execute("SELECT claim_id_a, claim_id_b FROM v_contradictions").fetchall()}
    con.close()
    event_of_line = {i + 1: (r["event_id"], r["source_name"]) for i, r in enumerate(rows)}
    from claimtrack.config import load_settings

    background = set(load_settings().clustering.background_kinds)
    kind_of = {r[3]: r[4] for r in stored}
    if clusters is not None:
        stored = [(t, o, clusters.get(i), i, k, g, ot) for t, o, _, i, k, g, ot in stored]
    # At `atomic` granularity a labelled claim (a clause) is the group of atomic facts it was
    # split into (claims.parent_claim_id): the pair counts as one cluster when any fact of one
    # side shares a cluster with any fact of the other.
    group_of = {r[3]: r[5] for r in stored}
    members: dict = {}
    finder = ClaimFinder()
    for text, origin, cluster, claim_id, _, group, original in stored:
        members.setdefault(group, []).append((cluster, claim_id))
        finder.add(*event_of_line[int(origin.rsplit(":", 1)[1])], (text, original), claim_id)

    def lookup(ev: str, outlet: str, text: str):
        ids = finder.find(ev, outlet, text)
        return list(dict.fromkeys(m for i in ids for m in members[group_of[i]])) if ids else None
    same_pred, same_gold, conf_pred, conf_gold, found = [], [], [], [], 0
    same_pred_fg = []  # the same clusters with background descriptors left unclustered (the rule before)
    clusterable = []  # both claims are of a kind the pipeline clusters (not background descriptors)
    for p in pairs:
        a = lookup(p["event_id"], p["outlet_a"], p["claim_a"])
        b = lookup(p["event_id"], p["outlet_b"], p["claim_b"])
        if not a or not b:
            continue
        found += 1
        same_pred.append(any(x[0] is not None and x[0] == y[0] for x in a for y in b))
        same_pred_fg.append(any(x[0] is not None and x[0] == y[0] and kind_of[x[1]] not in background
                                for x in a for y in b))
        conf_pred.append(any(tuple(sorted((x[1], y[1]))) in contra for x in a for y in b))
        same_gold.append(p["label"] == "same")
        clusterable.append(any(x[0] is not None for x in a) and any(y[0] is not None for y in b))
        conf_gold.append(p["label"] == "conflict")

    def pr(pred, gold):
        tp = sum(p and g for p, g in zip(pred, gold))
        npred, ngold = sum(pred), sum(gold)
        return {"predicted": npred, "precision": round(tp / npred, 4) if npred else None,
                "recall": round(tp / ngold, 4) if ngold else None}

    return {"pairs": len(pairs), "pairs_found_in_warehouse": found, "claims_matched_by_word_overlap": finder.fuzzy,
            "stored_clusters_same": pr(same_pred, same_gold), "stored_contradictions": pr(conf_pred, conf_gold),
            "stored_clusters_same_without_background_clusters": pr(same_pred_fg, same_gold),
            "stored_clusters_same_clusterable": pr([p for p, k in zip(same_pred, clusterable) if k],
                                                   [g for g, k in zip(same_gold, clusterable) if k])}


def rule_ablation(wh: Path, rows: list[dict]) -> dict | None:
    """The stored claims of one warehouse reclustered in-process under each step of the rule
    (same claims, same vectors, same verifier), scored on the labelled pairs: before (clauses
    only, no merge), + merging new clusters, + background descriptors, both (the shipped rule;
    checked equal to the stored clusters)."""
    import duckdb
    import numpy as np
    import polars as pl

    from claimtrack.cluster import CandidateIndex, ClusterResult, PairVerifier, assign
    from claimtrack.cluster_store import _drop_lonely_background, _evidence, _scopes, _split, _vectors
    from claimtrack.config import load_settings

    settings = load_settings()
    con = duckdb.connect(str(wh), read_only=True)
    model = con.execute("SELECT any_value(model) FROM clusters").fetchall()[0][0]
    sql = (ROOT / "sql" / "pipeline" / "all_for_clustering.sql").read_text(encoding="utf-8")
    claims = pl.from_arrow(con.execute(sql, {"model": model, "skip_kinds": settings.clustering.background_kinds}).arrow())
    stored = dict(con.execute("SELECT claim_id, cluster_id FROM cluster_members").fetchall())
    con.close()
    fg, bg = _split(claims)
    verifier = PairVerifier.from_settings(settings)
    out = {}
    for name, merge, background in (("before: clauses only, no merge", False, False),
                                     ("+ merge new clusters", True, False),
                                     ("+ background descriptors", False, True),
                                     ("shipped: both", True, True)):
        res = assign(CandidateIndex(384), {}, fg["claim_id"].to_list(), _vectors(fg), _evidence(fg), verifier,
                     merge=merge)
        if background and bg.height:
            ids, scopes = bg["claim_id"].to_list(), _scopes(bg)
            back = assign(CandidateIndex(384), {}, ids, _vectors(bg), _evidence(bg), verifier, scopes=scopes,
                          merge=merge)
            res = ClusterResult(res.assignments + _drop_lonely_background(back, scopes, bg["source_id"].to_list(),
                                                                          ids).assignments)
        got = {a.claim_id: a.cluster_id for a in res.assignments}
        scores = claim_pair_scores(wh, rows, clusters=got)
        if scores is None:
            return None
        out[name] = {"same": scores["stored_clusters_same"], "clustered_claims": len(got),
                     "equals_stored": got == stored}
    return out


def diagnose(wh: Path, rows: list[dict]) -> dict | None:
    """Why each labelled ``same`` pair is not in one stored cluster, counted by cause.

    The pairs are looked up as in :func:`claim_pair_scores`. For pairs whose claims both
    cluster as usual, clustering is replayed in the stored order with the pipeline's verifier
    (``assign(trace=...)``; the replay reproduces the stored clusters, checked) to see what
    happened when the later claim was visited: the earlier claim's cluster was not among its
    candidates (retrieval), or it was and admission refused it (which test), or it joined
    another cluster first."""
    from benchmarks.common import BENCH

    path = BENCH / "claimpairs" / "basil_dev_pairs.jsonl"
    if not path.is_file():
        return None
    import duckdb
    import numpy as np

    from claimtrack.cluster import CandidateIndex, ClaimFields, PairVerifier, assign
    from claimtrack.config import load_settings
    from claimtrack.verify import evidence

    settings = load_settings()
    skip = set(settings.clustering.background_kinds)
    con = duckdb.connect(str(wh), read_only=True)
    claims = con.execute(
        """SELECT c.claim_id, c.text, a.origin, coalesce(c.claim_kind, 'clause'), m.cluster_id, e.embedding,
                  c.numbers, c.polarity, c.entities, c.dates, a.published_at IS NOT NULL, c.original_text,
                  c.speaker
           FROM claims c JOIN articles a USING (article_id) LEFT JOIN cluster_members m USING (claim_id)
           LEFT JOIN embeddings e ON e.text_hash = c.text_hash
           ORDER BY a.published_at NULLS LAST, c.claim_id""").fetchall()
    con.close()
    event_of_line = {i + 1: (r["event_id"], r["source_name"]) for i, r in enumerate(rows)}
    info: dict = {}
    finder = ClaimFinder()
    for c in claims:
        ev, outlet = event_of_line[int(c[2].rsplit(":", 1)[1])]
        info[c[0]] = {"text": c[1], "kind": c[3], "cluster": c[4], "dated": c[10],
                      "vec": None if c[5] is None else np.asarray(c[5], dtype=np.float32),
                      "ev": evidence(c[1], c[8], ClaimFields.from_row(c[6], c[7], c[8], c[9]), c[12])}
        finder.add(ev, outlet, (c[1], c[11]), c[0])
    lookup = finder.find

    order = [c for c in info if info[c]["kind"] not in skip and info[c]["vec"] is not None]
    pos = {c: i for i, c in enumerate(order)}
    verifier = PairVerifier.from_settings(settings)
    trace: dict = {}
    replay = assign(CandidateIndex(len(info[order[0]]["vec"])), {}, order,
                    np.stack([info[c]["vec"] for c in order]), [info[c]["ev"] for c in order], verifier, trace=trace)
    replayed = {a.claim_id: a.cluster_id for a in replay.assignments}
    causes: Counter = Counter()
    examples: dict = defaultdict(list)
    for p in read_jsonl(path):
        if p["label"] != "same":
            continue
        a = lookup(p["event_id"], p["outlet_a"], p["claim_a"])
        b = lookup(p["event_id"], p["outlet_b"], p["claim_b"])
        if not a or not b:
            causes["a: a claim not found among the stored claims (extraction differs)"] += 1
            continue
        if any(info[x]["cluster"] is not None and info[x]["cluster"] == info[y]["cluster"] for x in a for y in b):
            causes["found in one stored cluster"] += 1
            continue
        x, y = a[0], b[0]
        fuzzy = "" if p["claim_a"] == info[x]["text"] and p["claim_b"] == info[y]["text"] else " [claim matched by word overlap]"
        bx, by = info[x]["kind"] in skip, info[y]["kind"] in skip
        if info[x]["vec"] is None or info[y]["vec"] is None:
            cause = "a: a claim has no vector"
        elif bx != by:
            cause = "a: a background descriptor vs a clause (kept apart)"
        elif bx and not (info[x]["dated"] and info[y]["dated"]):
            cause = "a: background descriptors without a publication date"
        else:
            cos = float(info[x]["vec"] @ info[y]["vec"])
            v = verifier.judge(cos, info[x]["ev"], info[y]["ev"])
            if cos < verifier.floor:
                cause = "d: cosine below the retrieval floor"
            elif not v.same:
                cause = ("b: verifier: a typed-field conflict" if v.differing else "b: verifier says not the same")
            elif bx and (info[x]["cluster"] is None or info[y]["cluster"] is None):
                cause = "a: background descriptor left unclustered, though the verifier says same (window / rule)"
            elif bx:
                cause = "c: background descriptors in two clusters"
            else:
                if pos[x] > pos[y]:
                    x, y = y, x
                tried = dict(trace.get(y, []))
                outcome = tried.get(replayed[x])
                if outcome is None:
                    cause = ("c: joined another, more similar cluster first" if "joined" in tried.values()
                             else "d: the partner's cluster was not among the candidates (top-k)")
                else:
                    cause = f"c: admission: {outcome}"
        causes[cause + fuzzy] += 1
        examples[cause].append([p["claim_a"][:100], p["claim_b"][:100]])
    stored_same = sum(replayed[c] == info[c]["cluster"] for c in order)
    return {"replay_matches_stored_claims": f"{stored_same}/{len(order)}",
            "same_pairs": sum(causes.values()), "causes": dict(causes.most_common()),
            "examples": {k: v[:5] for k, v in examples.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--warehouse", type=Path, help="score and diagnose this BASIL dev warehouse; do not run")
    ap.add_argument("--granularity", choices=("clause", "atomic"), default="clause",
                    help="[extraction] granularity of the run (what one stored claim is)")
    args = ap.parse_args()
    data = bench_file("multisource/basil_dev.jsonl")
    rows = read_jsonl(data)
    if args.warehouse:
        out = {"warehouse": str(args.warehouse), "claim_pairs": claim_pair_scores(args.warehouse, rows),
               "rule_ablation": rule_ablation(args.warehouse, rows), "diagnosis": diagnose(args.warehouse, rows)}
        print(json.dumps(out, indent=1))
        return
    events = {i + 1: r["event_id"] for i, r in enumerate(rows)}  # JSONL line -> event
    n_events = len(set(events.values()))
    tmp = Path(tempfile.mkdtemp(prefix="claimtrack-basil-"))
    wh = tmp / "basil.duckdb"
    env = dict(os.environ, PREFECT_HOME=str(tmp / "prefect"), CLAIMTRACK_EXTRACTION__GRANULARITY=args.granularity)
    cli = [str(ROOT / ".venv" / "bin" / "claimtrack")] if (ROOT / ".venv" / "bin" / "claimtrack").exists() else ["claimtrack"]
    t0 = time.perf_counter()
    proc = subprocess.run(cli + ["run", "--json", "--source", f"jsonl:{data}", "--warehouse", str(wh)],
                          capture_output=True, text=True, env=env, cwd=tmp)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:])
        raise SystemExit(f"pipeline failed with exit code {proc.returncode}")
    result = json.loads(proc.stdout[proc.stdout.index("{"):])

    import duckdb
    import numpy as np

    con = duckdb.connect(str(wh), read_only=True)
    claims = con.execute(
        """SELECT c.claim_id, c.text, a.origin, c.source_id, m.cluster_id, e.embedding,
                  c.numbers, c.polarity, c.entities, c.dates
           FROM claims c JOIN articles a USING (article_id)
           JOIN cluster_members m USING (claim_id)
           JOIN embeddings e ON e.text_hash = c.text_hash
           ORDER BY a.published_at NULLS LAST, c.claim_id"""
    ).fetchall()
    con.close()
    claim_event = {c[0]: events[int(c[2].rsplit(":", 1)[1])] for c in claims}
    claim_source = {c[0]: c[3] for c in claims}
    pipeline_score = score({c[0]: c[4] for c in claims}, claim_event, claim_source, n_events)

    # Bare SentenceTransformer.encode on the same claim texts, same process, same machine.
    from sentence_transformers import SentenceTransformer

    from claimtrack.embed import model_path

    texts = [c[1] for c in claims]
    st = SentenceTransformer(model_path(), device="cpu")
    st.encode(texts[:64])
    t1 = time.perf_counter()
    st.encode(texts, batch_size=64, normalize_embeddings=True)
    bare = time.perf_counter() - t1

    from claimtrack.cluster import CandidateIndex, ClaimFields, CosineRule, PairVerifier, assign
    from claimtrack.verify import evidence

    vecs = np.asarray([c[5] for c in claims], dtype=np.float32)
    ids = [c[0] for c in claims]
    ev = [evidence(c[1], c[8], ClaimFields.from_row(c[6], c[7], c[8], c[9])) for c in claims]
    sweep = []
    for rule, verifier in [("verifier (default)", PairVerifier())] + [(f"cosine >= {t} + fields (old rule)", CosineRule(t)) for t in THRESHOLDS]:
        res = assign(CandidateIndex(vecs.shape[1]), {}, ids, vecs, ev, verifier)
        sweep.append({"rule": rule, "variants": len(res.variants),
                      **score({a.claim_id: a.cluster_id for a in res.assignments}, claim_event, claim_source, n_events)})

    pairs = claim_pair_scores(wh, rows)
    diagnosis = diagnose(wh, rows)
    ablation = rule_ablation(wh, rows)
    n_claims = len(claims)
    out = {
        "machine": machine(),
        "command": "python benchmarks/basil_pipeline.py" + ("" if args.granularity == "clause" else " --granularity atomic"),
        "granularity": args.granularity,
        "warehouse": str(wh),
        "articles": result["summary"]["articles"],
        "events": n_events,
        "claims": n_claims,
        "threshold": json.loads(subprocess.run(
            [sys.executable, "-c", "from claimtrack.config import load_settings; print(load_settings().clustering.threshold)"],
            capture_output=True, text=True, cwd=ROOT).stdout.strip() or "null"),
        "pipeline_wall_seconds": round(wall, 1),
        "pipeline_claims_per_second": round(n_claims / wall, 1),
        "bare_encode_seconds": round(bare, 1),
        "bare_encode_claims_per_second": round(n_claims / bare, 1),
        **pipeline_score,
        "claim_pairs": pairs,
        "rule_ablation": ablation,
        "diagnosis_of_missed_same_pairs": diagnosis,
        "threshold_sweep": sweep,
    }
    path = write_result("basil_pipeline" if args.granularity == "clause" else f"basil_pipeline_{args.granularity}", out)
    print(json.dumps({k: v for k, v in out.items() if k != "threshold_sweep"}, indent=1))
    for s in sweep:
        print(s)
    print("claim pairs:", pairs)
    print("rule ablation (same claims reclustered):", json.dumps(ablation, indent=1))
    print("diagnosis:", json.dumps({k: v for k, v in (diagnosis or {}).items() if k != "examples"}, indent=1))
    print("written", path)


if __name__ == "__main__":
    main()
