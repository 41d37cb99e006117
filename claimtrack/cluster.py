"""Near-duplicate claim clusters: verified, field-aware, deterministic, stable ids.

Retrieval: each claim asks the candidate index for the cluster representatives most similar
to it (cosine at least the configured floor). Decision: the same-claim verifier
(:mod:`claimtrack.verify`, a small trained model over cosine, word overlap with and
without names, entities and typed-field conflicts) decides each candidate pair. A pair the
verifier calls the same claim but for a typed field (a number, a date, the polarity, a
person) is a *contradiction*: the claim is kept out of that cluster and recorded as its
*variant*, because those are the contradictions users want.

Clustering: claims are visited in a deterministic order (published_at, claim_id). A claim
joins the most similar candidate cluster whose representative the verifier calls the same
claim and none of whose members it calls a different claim (complete linkage), else it
founds a new cluster whose id is a hash of its own claim id; a cluster founded in the pass
then merges into an older one when the two pass that test as one. So clusters cannot chain
and no stored cluster holds a pair the verifier calls different. Background descriptors
("Sen. X is R-Iowa") cluster only with each other, within BACKGROUND_WINDOW_DAYS. Existing clusters are never
renumbered; ``recluster`` rebuilds from scratch and maps new clusters onto old ids by
overlap, recording merges and splits.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from claimtrack.fields import ClaimFields, conflicts  # noqa: F401  (re-exported)
from claimtrack.ids import content_hash
from claimtrack.verify import (
    CONFLICT_FEATURES,
    FEATURES,
    POLARITY_LENGTH,  # noqa: F401  (re-exported: "X" vs "not X" needs the same sentence)
    POLARITY_OVERLAP,  # noqa: F401
    ClaimEvidence,
    VerifierModel,
    evidence_of_texts,
    features_matrix,
    field_conflicts,
    load_model,
    pair_features,
    speakers_differ,
)

# Below this many representatives an exact inner-product search is faster than building
# and querying an HNSW graph (measured: benchmarks/cluster_scale.py, docs/BENCHMARKS.md).
HNSW_MIN_REPS = 10_000
HNSW_M = 32
HNSW_EF_SEARCH = 64
CANDIDATES = 20
# Cluster membership (average linkage, measured on BASIL dev with benchmarks/basil_pipeline.py):
# a claim joins when it is the same claim as one member (the verifier's threshold t), the mean
# probability over all members is at least MEAN_RATIO * t and no member is below
# DIFFERENT_RATIO * t (a different claim). With the trained t = 0.56: 0.39 and 0.14.
MEAN_RATIO = 0.7
DIFFERENT_RATIO = 0.25
# Background descriptors ("Sen. Chuck Grassley is R-Iowa", claim kinds in
# clustering.background_kinds) recur across unrelated stories. They are clustered only with
# each other, only when every member was published within this many days of the others
# (one story's time), and a background cluster is stored only once two outlets carry it.
BACKGROUND_WINDOW_DAYS = 2.0


def cluster_id_for(founding_claim_id: str) -> str:
    return "c_" + content_hash("cluster", founding_claim_id)


# --------------------------------------------------------------------------- index


class CandidateIndex:
    """Nearest representatives by inner product (= cosine on unit vectors).

    Exact (a NumPy matrix product against every representative, which on this machine
    beats faiss' flat index) below ``hnsw_min`` vectors, faiss HNSW above it; vectors can
    be added as clustering goes. Position ``i`` in the index is ``ids[i]``."""

    def __init__(self, dim: int, hnsw_min: int = HNSW_MIN_REPS):
        self.dim = dim
        self.hnsw_min = hnsw_min
        self.ids: list[str] = []
        self._mat = np.zeros((1024, dim), dtype=np.float32)  # exact mode: rows [0, len)
        self._index = None  # faiss HNSW in approximate mode
        self.kind = "exact"

    def __len__(self) -> int:
        return len(self.ids)

    def _to_hnsw(self) -> None:
        import faiss

        faiss.omp_set_num_threads(os.cpu_count() or 1)
        hnsw = faiss.IndexHNSWFlat(self.dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efSearch = HNSW_EF_SEARCH
        hnsw.add(self._mat[: len(self.ids)])
        self._index = hnsw
        self._mat = np.zeros((0, self.dim), dtype=np.float32)
        self.kind = "hnsw"

    def add(self, ids: list[str], vecs: np.ndarray) -> None:
        if not ids:
            return
        vecs = np.ascontiguousarray(vecs, dtype=np.float32)
        if self.kind == "hnsw":
            self._index.add(vecs)
        else:
            n, m = len(self.ids), len(ids)
            if n + m > len(self._mat):
                grown = np.zeros((max(2 * len(self._mat), n + m), self.dim), dtype=np.float32)
                grown[:n] = self._mat[:n]
                self._mat = grown
            self._mat[n : n + m] = vecs
        self.ids.extend(ids)
        if self.kind == "exact" and len(self.ids) >= self.hnsw_min:
            self._to_hnsw()

    def search(self, vecs: np.ndarray, k: int = CANDIDATES) -> tuple[np.ndarray, np.ndarray]:
        """(similarities, positions) of the k nearest representatives of each query,
        most similar first; -1 positions pad rows when fewer exist."""
        n = len(self.ids)
        if not n:
            q = len(vecs)
            return np.zeros((q, 0), np.float32), np.zeros((q, 0), np.int64)
        k = min(k, n)
        vecs = np.ascontiguousarray(vecs, dtype=np.float32)
        if self.kind == "hnsw":
            return self._index.search(vecs, k)
        sims = vecs @ self._mat[:n].T
        if k < n:
            top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        else:
            top = np.broadcast_to(np.arange(n), (len(vecs), n)).copy()
        top_sims = np.take_along_axis(sims, top, axis=1)
        # order by similarity, then by position (older representative first) for ties
        order = np.lexsort((top, -top_sims), axis=1)
        return np.take_along_axis(top_sims, order, axis=1), np.take_along_axis(top, order, axis=1).astype(np.int64)

    # persistence: only worth it for large indexes (an exact one is rebuilt from the warehouse)
    def save(self, path: Path, fingerprint: str) -> None:
        import faiss

        if self.kind != "hnsw":
            raise ValueError("only an HNSW index is saved; an exact one is rebuilt from the warehouse")
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        faiss.write_index(self._index, str(tmp))
        os.replace(tmp, path)
        meta = {"fingerprint": fingerprint, "kind": self.kind, "n": len(self.ids), "ids": self.ids}
        mtmp = path.with_name(path.name + ".ids.json.tmp")
        mtmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(mtmp, path.with_name(path.name + ".ids.json"))

    @classmethod
    def load(cls, path: Path, fingerprint: str, dim: int) -> "CandidateIndex | None":
        """The saved index if it matches ``fingerprint``, else None (rebuild it)."""
        import faiss

        path = Path(path)
        meta_path = path.with_name(path.name + ".ids.json")
        if not path.exists() or not meta_path.exists():
            return None
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("fingerprint") != fingerprint:
                return None
            raw = faiss.read_index(str(path))
        except (OSError, ValueError, RuntimeError):
            return None
        if raw.ntotal != meta["n"] or raw.d != dim:
            return None
        out = cls(dim)
        out._index, out.kind, out.ids = raw, "hnsw", list(meta["ids"])
        out._mat = np.zeros((0, dim), dtype=np.float32)
        raw.hnsw.efSearch = HNSW_EF_SEARCH
        return out


# --------------------------------------------------------------------------- assignment


@dataclass
class Assignment:
    claim_id: str
    cluster_id: str
    similarity: float  # cosine to the cluster's representative (1.0 for the founder)
    founded: bool


@dataclass
class Variant:
    """A claim the verifier calls a contradiction of a cluster's representative: the same
    claim but for a typed field (number, date, polarity, person)."""

    cluster_id: str  # the cluster whose representative it contradicts
    claim_id: str
    similarity: float
    differing: dict[str, tuple[str, str]]  # field -> (representative's value, claim's value)


@dataclass
class ClusterResult:
    assignments: list[Assignment] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)


@dataclass
class ClusterState:
    """What a cluster's membership test reads: every member's vector and evidence, the
    representative first."""

    vectors: list[np.ndarray] = field(default_factory=list)
    evidence: list[ClaimEvidence] = field(default_factory=list)
    background: bool = False  # a cluster of background descriptors (see BACKGROUND_WINDOW_DAYS)
    days: list = field(default_factory=list)  # members' publication days (background clusters)


@dataclass(frozen=True)
class Scope:
    """Where a claim may cluster: a background descriptor (only with background descriptors
    published within the window) or not; ``day`` is its publication time in days (None:
    unknown, and a background claim without a date joins nothing)."""

    background: bool = False
    day: float | None = None


FOREGROUND = Scope()


def _offer(best: dict[str, tuple[float, int]], cluster: str, sim: float, order: int) -> None:
    """Keep each candidate cluster's highest similarity and its oldest index position."""
    prev = best.get(cluster)
    best[cluster] = (max(sim, prev[0]), min(order, prev[1])) if prev else (sim, order)


def assign(
    index: CandidateIndex,
    states: dict[str, ClusterState],
    claim_ids: list[str],
    claim_vectors: np.ndarray,
    claim_evidence: list[ClaimEvidence],
    verifier: "PairVerifier",
    block: int = 1024,
    k: int = CANDIDATES,
    trace: dict | None = None,
    scopes: list[Scope] | None = None,
    window_days: float = BACKGROUND_WINDOW_DAYS,
    merge: bool = True,
) -> ClusterResult:
    """Assign claims (already in deterministic order) to existing or new clusters.

    ``index`` holds the vectors of every clustered claim, each under its cluster's id, and
    grows as claims are assigned; ``states`` maps cluster id -> its members (representative
    first) and grows too. A claim's candidates are the clusters of its nearest clustered
    claims (cosine at least ``verifier.floor``), most similar first. It joins the first
    candidate where the verifier calls it the same claim as at least one member, its mean
    probability over all members reaches ``verifier.mean_threshold`` (average linkage), no
    member is a different claim (probability below ``verifier.different_below``) and no
    member's typed fields conflict with it;
    else it founds a new cluster. A candidate whose representative it contradicts (same
    claim but for a typed field) is recorded as a variant of that cluster.

    Then (``merge``) a cluster founded in this pass merges into an older one when the two
    would pass the same tests as one cluster (:func:`merge_new_clusters`): a claim that
    joined the most similar of two candidates no longer keeps its partner out.

    ``scopes`` (one per claim; default: every claim foreground) keeps background
    descriptors among themselves and within ``window_days`` of every member.

    ``trace`` (benchmarks only): when a dict, each claim id maps to the list of
    (candidate cluster, outcome) pairs tried, in order."""
    result = ClusterResult()
    existing = set(states)
    refused: dict[str, list[tuple[str, float, int]]] = {}
    vecs_all = np.asarray(claim_vectors, dtype=np.float32)
    floor = verifier.floor
    for b0 in range(0, len(claim_ids), block):
        vecs = vecs_all[b0 : b0 + block]
        sims, idx = index.search(vecs, k)
        # similarities inside the block, for claims assigned in this block (one matrix product)
        local_sims = vecs @ vecs.T
        added_pos: list[int] = []
        added_ids: list[str] = []
        base = len(index)
        for i, cid in enumerate(claim_ids[b0 : b0 + block]):
            ev = claim_evidence[b0 + i]
            vec = vecs[i]
            scope = scopes[b0 + i] if scopes is not None else FOREGROUND
            best: dict[str, tuple[float, int]] = {}  # cluster -> (best sim, order)
            for s, j in zip(sims[i].tolist(), idx[i].tolist()):
                if j >= 0 and s >= floor:
                    _offer(best, index.ids[j], s, j)
            if added_pos:
                local = local_sims[i, added_pos]
                for j in np.flatnonzero(local >= floor).tolist():
                    _offer(best, added_ids[j], float(local[j]), base + j)
            chosen = None
            tried = trace.setdefault(cid, []) if trace is not None else None
            # most similar first; ties go to the older cluster
            ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
            for cl, (s, _) in ranked:
                st = states[cl]
                if st.background != scope.background:
                    continue
                if scope.background and (scope.day is None or any(
                        d is None or abs(d - scope.day) > window_days for d in st.days)):
                    if tried is not None:
                        tried.append((cl, "outside the background window"))
                    continue
                rep_cos = float(st.vectors[0] @ vec)
                verdict = verifier.judge(rep_cos, st.evidence[0], ev)
                if verdict.contradiction:
                    result.variants.append(Variant(cl, cid, round(rep_cos, 6), verdict.differing))
                    if tried is not None:
                        tried.append((cl, "contradicts representative"))
                    continue
                if verdict.differing:
                    if tried is not None:
                        tried.append((cl, "field conflict with representative"))
                    continue
                cos = np.asarray(st.vectors, dtype=np.float32) @ vec
                probs = verifier.probabilities(cos, st.evidence, [ev] * len(cos))
                why = None
                if float(probs.max()) < verifier.threshold:
                    why = "no member the same claim"
                elif float(probs.mean()) < verifier.mean_threshold:
                    why = "mean below average linkage"
                elif float(probs.min()) < verifier.different_below:
                    why = "a member judged different"
                elif any(field_conflicts(m, ev) for m in st.evidence[1:]):
                    why = "field conflict with a member"
                if why is not None:
                    if tried is not None:
                        tried.append((cl, why))
                    continue
                if tried is not None:
                    tried.append((cl, "joined"))
                chosen = (cl, rep_cos)
                break
            if chosen is not None:
                cl = chosen[0]
                result.assignments.append(Assignment(cid, cl, round(chosen[1], 6), False))
            else:
                cl = cluster_id_for(cid)
                if merge:  # the older clusters it was refused by, and their sizes then
                    refused[cl] = [(o, sim, len(states[o].vectors)) for o, (sim, _) in ranked]
                states[cl] = ClusterState(background=scope.background)
                result.assignments.append(Assignment(cid, cl, 1.0, True))
            states[cl].vectors.append(vec)
            states[cl].evidence.append(ev)
            states[cl].days.append(scope.day)
            added_pos.append(i)
            added_ids.append(cl)
        if added_ids:
            index.add(added_ids, vecs[added_pos])
    if merge:
        merge_new_clusters(index, states, result, verifier, existing, k, window_days,
                           vectors=dict(zip(claim_ids, vecs_all)), candidates=refused)
    return result


def _mergeable(a: ClusterState, b: ClusterState, verifier: "PairVerifier", window_days: float) -> bool:
    """Would clusters ``a`` and ``b`` pass as one cluster? Same population (and, for background
    descriptors, every day within the window of every other), no cross pair has a
    typed-field conflict or is a different claim, at least one cross pair is the same claim
    and the mean probability over all cross pairs reaches the mean bar: the test a single
    claim passes to join (:func:`assign`), over every member of the smaller side."""
    if a.background != b.background:
        return False
    if a.background and any(x is None or y is None or abs(x - y) > window_days for x in a.days for y in b.days):
        return False
    cos = (np.asarray(b.vectors, dtype=np.float32) @ np.asarray(a.vectors, dtype=np.float32).T).ravel()
    ev_b = [y for y in b.evidence for _ in a.evidence]
    ev_a = [x for _ in b.evidence for x in a.evidence]
    probs = verifier.probabilities(cos, ev_a, ev_b)
    if (float(probs.max()) < verifier.threshold or float(probs.min()) < verifier.different_below
            or float(probs.mean()) < verifier.mean_threshold):
        return False
    return not any(field_conflicts(x, y) for x, y in zip(ev_a, ev_b))


def merge_new_clusters(index: CandidateIndex, states: dict[str, ClusterState], result: ClusterResult,
                       verifier: "PairVerifier", existing: set[str], k: int = CANDIDATES,
                       window_days: float = BACKGROUND_WINDOW_DAYS,
                       vectors: dict[str, np.ndarray] | None = None,
                       candidates: dict[str, list[tuple[str, float, int]]] | None = None) -> dict[str, str]:
    """Merge each cluster founded in this pass (in founding order) into the most similar
    older cluster it is :func:`_mergeable` with; returns {merged-away id: kept id}.

    Older clusters keep their ids (a cluster stored by an earlier run is never merged away
    or renumbered); the merged cluster's members, variants and index entries move to the
    kept id (``vectors``: claim id -> vector, to give moved members their cosine to the
    kept representative). Candidates are the clusters of the nearest index entries to the merged
    cluster's representative (cosine at least ``verifier.floor``), or (``candidates``, from
    :func:`assign`) the older clusters its founder was refused by, with their sizes then: a
    pair where neither side has grown since is the same test that failed and is skipped."""
    founded = [a.cluster_id for a in result.assignments if a.founded]
    if not founded:
        return {}
    order = {c: i for i, c in enumerate(list(existing) + founded)}
    moved: dict[str, str] = {}
    if candidates is None:
        reps = np.stack([states[c].vectors[0] for c in founded]).astype(np.float32)
        sims, idx = index.search(reps, k)
        candidates = {cl: [(index.ids[j], sim, -1) for sim, j in zip(sims[row].tolist(), idx[row].tolist())
                           if j >= 0 and sim >= verifier.floor]
                      for row, cl in enumerate(founded)}
    for cl in founded:
        st = states[cl]
        seen: dict[str, tuple[float, int]] = {}
        for other, sim, size in candidates.get(cl, ()):
            grown = size < 0 or len(st.vectors) > 1
            while other in moved:
                other, grown = moved[other], True
            # a stored cluster no new claim came near is not loaded: not a candidate
            if other != cl and other in states and other in order and order[other] < order[cl] and other not in seen:
                seen[other] = (sim, size if not grown else -1)
        for other, (_, size) in sorted(seen.items(), key=lambda kv: (-kv[1][0], order[kv[0]])):
            if size >= 0 and len(states[other].vectors) == size:
                continue  # neither side changed since the founder was refused: the same test
            if _mergeable(states[other], st, verifier, window_days):
                target = states[other]
                target.vectors.extend(st.vectors)
                target.evidence.extend(st.evidence)
                target.days.extend(st.days)
                del states[cl]
                moved[cl] = other
                break
    if not moved:
        return {}

    def final(c: str) -> str:
        while c in moved:
            c = moved[c]
        return c

    final_of = {c: final(c) for c in moved}
    for a in result.assignments:
        if a.cluster_id in final_of:
            a.cluster_id = final_of[a.cluster_id]
            a.founded = False
            if vectors is not None:
                a.similarity = round(float(states[a.cluster_id].vectors[0] @ vectors[a.claim_id]), 6)
    for v in result.variants:
        v.cluster_id = final_of.get(v.cluster_id, v.cluster_id)
    index.ids = [final_of.get(c, c) for c in index.ids]
    return final_of


def map_onto_old_ids(
    new_members: dict[str, str], old_members: dict[str, str]
) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Give re-computed clusters the old ids they overlap most (greedy, largest overlap first).

    Returns (new cluster id -> final id, lineage rows (event, from_id, to_id))."""
    overlap: Counter = Counter()
    for claim, new in new_members.items():
        old = old_members.get(claim)
        if old is not None:
            overlap[(new, old)] += 1
    mapping: dict[str, str] = {}
    used_old: set[str] = set()
    for (new, old), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
        if new in mapping or old in used_old:
            continue
        mapping[new] = old
        used_old.add(old)
    for new in set(new_members.values()):
        mapping.setdefault(new, new)
    lineage: list[tuple[str, str, str]] = []
    olds_of_new: dict[str, set[str]] = defaultdict(set)
    news_of_old: dict[str, set[str]] = defaultdict(set)
    for (new, old) in overlap:
        olds_of_new[mapping[new]].add(old)
        news_of_old[old].add(mapping[new])
    for final, olds in sorted(olds_of_new.items()):
        for old in sorted(olds - {final}):
            lineage.append(("merge", old, final))
    for old, finals in sorted(news_of_old.items()):
        if len(finals) > 1:
            for final in sorted(finals - {old}):
                lineage.append(("split", old, final))
    return mapping, lineage


# --------------------------------------------------------------------------- the verifier


@dataclass(frozen=True)
class Verdict:
    same: bool
    contradiction: bool
    probability: float
    differing: dict[str, tuple[str, str]]


class PairVerifier:
    """Decides candidate pairs with the trained model (:mod:`claimtrack.verify`).

    - same claim: probability >= the model's threshold and no typed-field conflict;
    - contradiction: a typed-field conflict, and the pair would be the same claim if the
      conflicting fields agreed (probability with the conflict features cleared >=
      ``contradiction_threshold``, a stricter bar: a false contradiction costs trust);
    - different: probability < ``different_below``; no cluster holds such a pair;
    - a claim joins a cluster when it is the same claim as one of its members and its mean
      probability over all members is at least ``mean_threshold`` (see :func:`assign`)."""

    def __init__(self, model: VerifierModel | None = None, floor: float = 0.5,
                 threshold: float | None = None, contradiction_threshold: float = 0.8,
                 different_below: float | None = None, mean_threshold: float | None = None):
        self.model = model or load_model()
        self.floor = float(floor)
        self.threshold = float(self.model.threshold if threshold is None else threshold)
        self.mean_threshold = float(MEAN_RATIO * self.threshold if mean_threshold is None else mean_threshold)
        self.contradiction_threshold = float(contradiction_threshold)
        self.different_below = float(DIFFERENT_RATIO * self.threshold if different_below is None else different_below)
        self._conflict_cols = [FEATURES.index(f) for f in CONFLICT_FEATURES]

    @classmethod
    def from_settings(cls, settings) -> "PairVerifier":
        cfg = settings.clustering
        return cls(floor=cfg.threshold, threshold=cfg.verifier_threshold,
                   contradiction_threshold=cfg.contradiction_threshold)

    def probabilities(self, cosines, evidence_a, evidence_b) -> np.ndarray:
        """The model's probability per pair; 0 where the claims speak for different named
        speakers (:func:`claimtrack.verify.speakers_differ`): such a pair is a different claim,
        so no cluster holds it."""
        p = self.model.probability(features_matrix(cosines, evidence_a, evidence_b))
        differ = [speakers_differ(a, b) for a, b in zip(evidence_a, evidence_b)]
        return np.where(differ, 0.0, p) if any(differ) else p

    def judge(self, cosine: float, a: ClaimEvidence, b: ClaimEvidence) -> Verdict:
        x = np.asarray(pair_features(float(cosine), a, b), dtype=np.float64)
        p = float(self.model.probability(x)[0])
        if speakers_differ(a, b):  # not the same claim, and not a contradiction either
            return Verdict(False, False, 0.0, {})
        diff = field_conflicts(a, b)
        if not diff:
            return Verdict(cosine >= self.floor and p >= self.threshold, False, p, {})
        x[self._conflict_cols] = 0.0
        p_if_agreeing = float(self.model.probability(x)[0])
        return Verdict(False, cosine >= self.floor and p_if_agreeing >= self.contradiction_threshold, p, diff)


class CosineRule(PairVerifier):
    """The first rule (cosine >= threshold and no typed-field conflict), kept as a
    baseline for benchmarks and for tests on hand-made vectors."""

    def __init__(self, threshold: float):
        self.floor = self.threshold = self.mean_threshold = float(threshold)
        self.different_below = -1.0
        self.contradiction_threshold = self.threshold

    def probabilities(self, cosines, evidence_a, evidence_b) -> np.ndarray:
        return np.asarray(cosines, dtype=np.float64)

    def judge(self, cosine: float, a: ClaimEvidence, b: ClaimEvidence) -> Verdict:
        diff = field_conflicts(a, b)
        ok = cosine >= self.threshold
        return Verdict(ok and not diff, ok and bool(diff), float(cosine), diff)


def fields_of_text(text: str) -> ClaimFields:
    """The typed fields of a bare claim text, as the extractor would store them."""
    return evidence_of_texts([text])[0].fields


class ClaimClusterer:
    """The pipeline's same-claim decision, usable on its own:

    >>> cc = ClaimClusterer()
    >>> cc.same_claim("The talks lasted three hours.", "Talks went on for three hours.")
    True
    >>> cc.same_claim("The talks lasted three hours.", "The talks lasted four hours.")
    False
    >>> cc.contradicts("The talks lasted three hours.", "The talks lasted four hours.")
    True
    """

    def __init__(self, threshold: float | None = None, embedder=None, verifier: PairVerifier | None = None):
        settings = None
        if threshold is None or embedder is None or verifier is None:
            from claimtrack.config import load_settings

            settings = load_settings()
        if embedder is None:
            from claimtrack.embed import Embedder

            embedder = Embedder.from_settings(settings)
        if verifier is None:
            verifier = PairVerifier.from_settings(settings)
            if threshold is not None:
                verifier.floor = float(threshold)
        self.verifier = verifier
        self.threshold = verifier.floor
        self.embedder = embedder

    def similarity(self, text_a: str, text_b: str) -> float:
        """Cosine similarity of the two claims' vectors (what retrieval ranks by)."""
        a, b = self.embedder.encode([text_a, text_b])
        return float(np.dot(a, b))

    def differences(self, text_a: str, text_b: str) -> dict[str, tuple[str, str]]:
        """The typed fields on which the two claims conflict (empty: compatible)."""
        a, b = evidence_of_texts([text_a, text_b])
        return field_conflicts(a, b)

    def verdicts(self, pairs: list[tuple[str, str]]) -> list[Verdict]:
        """The verifier's verdict on each pair (one encode and one spaCy pass in all)."""
        if not pairs:
            return []
        sims = self.similarities(pairs)
        texts = list(dict.fromkeys(t for pair in pairs for t in pair))
        ev = dict(zip(texts, evidence_of_texts(texts)))
        return [self.verifier.judge(float(s), ev[a], ev[b]) for s, (a, b) in zip(sims, pairs)]

    def same_claim(self, text_a: str, text_b: str) -> bool:
        """Would the pipeline call these two claims the same claim (one cluster)?"""
        return self.verdicts([(text_a, text_b)])[0].same

    def contradicts(self, text_a: str, text_b: str) -> bool:
        """Would the pipeline record these two claims as a contradiction of each other?"""
        return self.verdicts([(text_a, text_b)])[0].contradiction

    def similarities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Batch form of :meth:`similarity`."""
        if not pairs:
            return np.zeros(0, dtype=np.float32)
        va = self.embedder.encode([a for a, _ in pairs])
        vb = self.embedder.encode([b for _, b in pairs])
        return np.einsum("ij,ij->i", va, vb)

    def same_claims(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Batch form of :meth:`same_claim`."""
        return np.array([v.same for v in self.verdicts(pairs)], dtype=bool)

    def cluster(self, claim_ids: list[str], vectors: np.ndarray, evidence: list[ClaimEvidence]) -> ClusterResult:
        """Cluster from scratch (claims in the order given)."""
        dim = vectors.shape[1] if len(vectors) else self.embedder.dimension
        return assign(CandidateIndex(dim), {}, claim_ids, vectors, evidence, self.verifier)
