"""The clustering stage against the warehouse: incremental assignment and full recluster.

Reads embedded claims and the existing clusters, runs :mod:`claimtrack.cluster`, and
writes clusters, members, variants (and lineage on recluster) in one transaction. A large
candidate index (HNSW) is saved next to the warehouse and reused while it matches the
warehouse's clusters; a small one is rebuilt from the warehouse each run."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import polars as pl

from claimtrack import progress
from claimtrack.cluster import (
    BACKGROUND_WINDOW_DAYS,
    HNSW_MIN_REPS,
    CandidateIndex,
    ClaimFields,
    ClusterResult,
    ClusterState,
    PairVerifier,
    Scope,
    assign,
    map_onto_old_ids,
)
from claimtrack.verify import ClaimEvidence, evidence
from claimtrack.config import Settings
from claimtrack.warehouse import frame, open_for_write, sql_file, transaction, utcnow

log = logging.getLogger("claimtrack")
DIM = 384


def index_path(warehouse: Path) -> Path:
    from claimtrack.lake import local_path

    warehouse = local_path(warehouse)  # a DuckLake's catalog file, or a local stand-in
    return warehouse.with_name(warehouse.name + ".reps.faiss")


def _vectors(df: pl.DataFrame) -> np.ndarray:
    if df.height == 0:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.ascontiguousarray(df["embedding"].to_numpy(), dtype=np.float32)


def _evidence(df: pl.DataFrame) -> list[ClaimEvidence]:
    """What the verifier reads of each claim, from what extraction stored (no re-parse), with
    its speaker (a first-person claim is its speaker's).
    Resolved dates (rules-v2 claims) when the extractor stored them, else DATE entities."""
    dates = df["dates"].to_list() if "dates" in df.columns else [None] * df.height
    speakers = df["speaker"].to_list() if "speaker" in df.columns else [None] * df.height
    return [
        evidence(t, e, ClaimFields.from_row(n, p, e, d), s)
        for t, n, p, e, d, s in zip(df["text"].to_list(), df["numbers"].to_list(), df["polarity"].to_list(),
                                    df["entities"].to_list(), dates, speakers)
    ]


def _day(v) -> float | None:
    return None if v is None or (isinstance(v, float) and v != v) else float(v)


def _scopes(df: pl.DataFrame) -> list[Scope]:
    """Where each claim may cluster (columns ``background`` and ``day``)."""
    return [Scope(bool(b), _day(d)) for b, d in zip(df["background"].to_list(), df["day"].to_list())]


def _drop_lonely_background(result: ClusterResult, scopes: list[Scope], sources: list[str],
                            claim_ids: list[str]) -> ClusterResult:
    """Background clusters founded in this pass that no second outlet carries are not
    stored: their descriptors stay unclustered (background claims) and are offered again
    while a new claim falls within the window. Clusters already stored have two outlets."""
    by_claim = dict(zip(claim_ids, zip(scopes, sources)))
    founded = {a.cluster_id for a in result.assignments if a.founded and by_claim[a.claim_id][0].background}
    outlets: dict[str, set] = {c: set() for c in founded}
    for a in result.assignments:
        if a.cluster_id in outlets:
            outlets[a.cluster_id].add(by_claim[a.claim_id][1])
    lonely = {c for c, o in outlets.items() if len(o) < 2}
    if not lonely:
        return result
    return ClusterResult([a for a in result.assignments if a.cluster_id not in lonely],
                         [v for v in result.variants if v.cluster_id not in lonely])


def _fingerprint(con, model: str, threshold: float, skip_kinds: list[str]) -> str:
    n, last_created, last_id = con.execute(sql_file("pipeline/clusters_fingerprint.sql"),
                                           {"model": model, "skip_kinds": skip_kinds}).fetchall()[0]
    return f"{model}|{threshold}|{n}|{last_created}|{last_id}"


def _load_index(con, settings: Settings, model: str) -> tuple[CandidateIndex, str]:
    """The saved index when it matches the warehouse, else one rebuilt from it."""
    skip = settings.clustering.background_kinds
    fp = _fingerprint(con, model, settings.clustering.threshold, skip)
    n = int(fp.split("|")[2])
    if n >= HNSW_MIN_REPS:
        saved = CandidateIndex.load(index_path(settings.warehouse), fp, DIM)
        if saved is not None:
            log.info("cluster: reusing the saved candidate index (%d representatives)", len(saved))
            return saved, fp
    reps = frame(con, sql_file("pipeline/clustered_vectors.sql"), {"model": model, "skip_kinds": skip})
    index = CandidateIndex(DIM)
    index.add(reps["cluster_id"].to_list(), _vectors(reps))
    return index, fp


def _cluster_states(con, index: CandidateIndex, vecs: np.ndarray, floor: float,
                    skip_kinds: list[str]) -> dict[str, ClusterState]:
    """Members of the clusters the new claims could join (only those are read)."""
    sims, idx = index.search(vecs)
    ids = sorted({index.ids[j] for srow, row in zip(sims, idx) for s, j in zip(srow, row) if j >= 0 and s >= floor})
    if not ids:
        return {}
    df = frame(con, sql_file("pipeline/cluster_states.sql"), {"ids": ids})
    states: dict[str, ClusterState] = {}
    skip = set(skip_kinds)
    for cid, vec, ev, kind, day in zip(df["cluster_id"].to_list(), _vectors(df), _evidence(df),
                                       df["claim_kind"].to_list(), df["day"].to_list()):
        st = states.get(cid)
        if st is None:  # the representative comes first and says which population it is
            st = states[cid] = ClusterState(background=kind in skip)
        st.vectors.append(vec)
        st.evidence.append(ev)
        st.days.append(_day(day))
    return states


def _write(con, result: ClusterResult, run_id: str, model: str, threshold: float,
           founders: dict[str, str] | None = None, created: dict[str, object] | None = None) -> None:
    """Insert clusters (founders), members and variants staged as Arrow tables."""
    now = utcnow()
    founded = [a for a in result.assignments if a.founded]
    reps = founders if founders is not None else {a.cluster_id: a.claim_id for a in founded}
    clusters_df = pl.DataFrame(
        {
            "cluster_id": list(reps),
            "representative_claim_id": list(reps.values()),
            "model": [model] * len(reps),
            "threshold": [threshold] * len(reps),
            "created_at": [(created or {}).get(c, now) for c in reps],
            "run_id": [run_id] * len(reps),
        },
        schema={"cluster_id": pl.Utf8, "representative_claim_id": pl.Utf8, "model": pl.Utf8,
                "threshold": pl.Float64, "created_at": pl.Datetime("us"), "run_id": pl.Utf8},
    )
    members_df = pl.DataFrame(
        {
            "claim_id": [a.claim_id for a in result.assignments],
            "cluster_id": [a.cluster_id for a in result.assignments],
            "similarity": [a.similarity for a in result.assignments],
            "run_id": [run_id] * len(result.assignments),
        },
        schema={"claim_id": pl.Utf8, "cluster_id": pl.Utf8, "similarity": pl.Float64, "run_id": pl.Utf8},
    )
    variants_df = pl.DataFrame(
        {
            "cluster_id": [v.cluster_id for v in result.variants],
            "claim_id": [v.claim_id for v in result.variants],
            "similarity": [v.similarity for v in result.variants],
            "differing": [list(v.differing) for v in result.variants],
            "representative_values": [[a for a, _ in v.differing.values()] for v in result.variants],
            "claim_values": [[b for _, b in v.differing.values()] for v in result.variants],
            "run_id": [run_id] * len(result.variants),
        },
        schema={"cluster_id": pl.Utf8, "claim_id": pl.Utf8, "similarity": pl.Float64,
                "differing": pl.List(pl.Utf8), "representative_values": pl.List(pl.Utf8),
                "claim_values": pl.List(pl.Utf8), "run_id": pl.Utf8},
    ).unique(["cluster_id", "claim_id"], keep="first", maintain_order=True)
    con.register("new_clusters", clusters_df.to_arrow())
    con.register("new_members", members_df.to_arrow())
    con.register("new_variants", variants_df.to_arrow())
    try:
        con.execute("INSERT INTO clusters SELECT * FROM new_clusters ON CONFLICT DO NOTHING")
        con.execute("INSERT INTO cluster_members SELECT * FROM new_members ON CONFLICT DO NOTHING")
        con.execute("INSERT INTO claim_variants SELECT * FROM new_variants ON CONFLICT DO NOTHING")
    finally:
        for name in ("new_clusters", "new_members", "new_variants"):
            con.unregister(name)


def _split(df: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(claims that cluster as usual, background descriptors with a date)."""
    return df.filter(~pl.col("background")), df.filter(pl.col("background") & pl.col("day").is_not_null())


def _cluster_background(con, model: str, bg: pl.DataFrame, verifier: PairVerifier,
                        skip_kinds: list[str], incremental: bool) -> ClusterResult:
    """Cluster dated background descriptors among themselves, each only with descriptors
    published within BACKGROUND_WINDOW_DAYS of every member (a small exact index of the
    stored background clusters of those days); clusters one outlet carries are not kept."""
    if bg.height == 0:
        return ClusterResult()
    index = CandidateIndex(DIM)
    vecs = _vectors(bg)
    states: dict[str, ClusterState] = {}
    if incremental:
        days = bg["day"]
        reps = frame(con, sql_file("pipeline/background_vectors.sql"),
                     {"model": model, "skip_kinds": skip_kinds, "day_from": float(days.min()) - BACKGROUND_WINDOW_DAYS,
                      "day_to": float(days.max()) + BACKGROUND_WINDOW_DAYS})
        index.add(reps["cluster_id"].to_list(), _vectors(reps))
        states = _cluster_states(con, index, vecs, verifier.floor, skip_kinds)
    ids, scopes = bg["claim_id"].to_list(), _scopes(bg)
    result = assign(index, states, ids, vecs, _evidence(bg), verifier, scopes=scopes)
    return _drop_lonely_background(result, scopes, bg["source_id"].to_list(), ids)


def rule_fingerprint(settings: Settings) -> str:
    """What the stored clusters depend on besides the vectors: the verifier model file and
    the clustering settings."""
    import hashlib

    from claimtrack.verify import MODEL_PATH

    c = settings.clustering
    sha = hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()[:16]
    # "skip" stays last: v_summary reads the background kinds from it
    return (f"verifier {sha} | floor {c.threshold} | threshold {c.verifier_threshold} | "
            f"contradiction {c.contradiction_threshold} | named speakers differ | new clusters merge | background within {BACKGROUND_WINDOW_DAYS} days, "
            f"2 outlets | skip {','.join(sorted(c.background_kinds))}")


def _record_rule(con, rule: str, run_id: str) -> None:
    con.execute("DELETE FROM cluster_rule")
    con.execute("INSERT INTO cluster_rule VALUES (?, ?, ?)", [rule, utcnow(), run_id])


def cluster_new(settings: Settings, run_id: str, model: str) -> dict:
    """Add every unclustered claim to a cluster; existing ids never change. When the
    embedding model or the same-claim rule changed since the clusters were made, recluster
    every claim instead (ids kept by overlap)."""
    threshold = settings.clustering.threshold
    rule = rule_fingerprint(settings)
    with open_for_write(settings.warehouse) as con:
        other = con.execute("SELECT count(*) FROM clusters WHERE model <> ?", [model]).fetchall()[0][0]
        n_clusters = con.execute("SELECT count(*) FROM clusters").fetchall()[0][0]
        stored = [r[0] for r in con.execute("SELECT rule FROM cluster_rule").fetchall()]
        if other:
            log.info("cluster: the embedding model changed to %s; reclustering every claim", model)
        elif n_clusters and stored != [rule]:
            log.info("cluster: the same-claim rule changed (%s); reclustering every claim", rule)
            other = 1
        elif not stored:
            with transaction(con):
                _record_rule(con, rule, run_id)
    if other:
        return recluster(settings, run_id, model)
    with open_for_write(settings.warehouse) as con:
        pending = frame(con, sql_file("pipeline/pending_clustering.sql"),
                        {"model": model, "skip_kinds": settings.clustering.background_kinds,
                         "run_id": run_id, "window_days": BACKGROUND_WINDOW_DAYS})
        if pending.height == 0:
            log.info("cluster: nothing new")
            return {"clusters_new": 0, "members_new": 0, "variants_new": 0}
        bar = progress.start("cluster claims", pending.height)
        skip = settings.clustering.background_kinds
        fg, bg = _split(pending)
        index, _ = _load_index(con, settings, model)
        vecs = _vectors(fg)
        verifier = PairVerifier.from_settings(settings)
        states = _cluster_states(con, index, vecs, verifier.floor, skip)
        result = assign(index, states, fg["claim_id"].to_list(), vecs, _evidence(fg), verifier)
        back = _cluster_background(con, model, bg, verifier, skip, incremental=True)
        result.assignments += back.assignments
        result.variants += back.variants
        bar.advance(pending.height)
        bar.close()
        with transaction(con):
            _write(con, result, run_id, model, threshold)
        if index.kind == "hnsw":
            index.save(index_path(settings.warehouse), _fingerprint(con, model, threshold, skip))
    counts = {
        "clusters_new": sum(a.founded for a in result.assignments),
        "members_new": len(result.assignments),
        "variants_new": len(result.variants),
    }
    log.info("cluster: %s (index: %s)", counts, index.kind)
    return counts


def recluster(settings: Settings, run_id: str, model: str) -> dict:
    """Rebuild every cluster from scratch, then give the new clusters the old ids they
    overlap most; merges and splits go to ``cluster_lineage``."""
    threshold = settings.clustering.threshold
    with open_for_write(settings.warehouse) as con:
        claims = frame(con, sql_file("pipeline/all_for_clustering.sql"),
                       {"model": model, "skip_kinds": settings.clustering.background_kinds})
        if claims.height == 0:
            log.info("recluster: no claim has a vector for %s yet; nothing to do", model)
            return {"clusters": 0, "clusters_kept_ids": 0, "members": 0, "variants": 0, "merges": 0, "splits": 0}
        old = frame(con, "SELECT claim_id, cluster_id FROM cluster_members")
        old_created = dict(frame(con, "SELECT cluster_id, created_at FROM clusters").iter_rows())
        bar = progress.start("recluster claims", claims.height)
        skip = settings.clustering.background_kinds
        fg, bg = _split(claims)
        index = CandidateIndex(DIM)
        verifier = PairVerifier.from_settings(settings)
        result = assign(index, {}, fg["claim_id"].to_list(), _vectors(fg), _evidence(fg), verifier)
        back = _cluster_background(con, model, bg, verifier, skip, incremental=False)
        result.assignments += back.assignments
        result.variants += back.variants
        bar.advance(claims.height)
        bar.close()
        old_members = dict(old.iter_rows())
        mapping, lineage = map_onto_old_ids({a.claim_id: a.cluster_id for a in result.assignments}, old_members)
        founders = {mapping[a.cluster_id]: a.claim_id for a in result.assignments if a.founded}
        for a in result.assignments:
            a.cluster_id = mapping[a.cluster_id]
        for v in result.variants:
            v.cluster_id = mapping[v.cluster_id]
        now = utcnow()
        with transaction(con):
            con.execute("DELETE FROM claim_variants")
            con.execute("DELETE FROM cluster_members")
            con.execute("DELETE FROM clusters")
            _write(con, result, run_id, model, threshold, founders=founders, created=old_created)
            _record_rule(con, rule_fingerprint(settings), run_id)
            if lineage:
                con.executemany(
                    "INSERT INTO cluster_lineage VALUES (?, ?, ?, ?, ?)",
                    [[event, src, dst, now, run_id] for event, src, dst in lineage],
                )
        if index.kind == "hnsw":
            index.save(index_path(settings.warehouse), _fingerprint(con, model, threshold, skip))
    kept = sum(1 for new, final in mapping.items() if final in old_created)
    counts = {
        "clusters": len(founders),
        "clusters_kept_ids": kept,
        "members": len(result.assignments),
        "variants": len(result.variants),
        "merges": sum(1 for e in lineage if e[0] == "merge"),
        "splits": sum(1 for e in lineage if e[0] == "split"),
    }
    log.info("recluster: %s", counts)
    return counts
