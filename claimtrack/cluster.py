"""Near-duplicate claim clusters: representative-anchored, deterministic, stable ids.

A claim joins the most similar existing cluster whose *representative* (its founding
claim) is within the threshold; otherwise it founds a new cluster whose id is a hash
of its own claim id. Because membership is tested against the representative only,
clusters cannot chain (A~B, B~C does not pull C in unless C~A). Claims are visited in
a deterministic order (published_at, then claim_id), and existing clusters are never
renumbered: a later run only adds members or founds clusters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from claimtrack.ids import content_hash


def cluster_id_for(founding_claim_id: str) -> str:
    return "c_" + content_hash("cluster", founding_claim_id)


@dataclass
class Assignment:
    claim_id: str
    cluster_id: str
    similarity: float  # cosine to the cluster's representative (1.0 for the founder)
    founded: bool


def assign(
    rep_ids: list[str],
    rep_vectors: np.ndarray,
    claim_ids: list[str],
    claim_vectors: np.ndarray,
    threshold: float,
    block: int = 1024,
) -> list[Assignment]:
    """Assign claims (already in deterministic order) to existing or new clusters.

    ``rep_vectors`` and ``claim_vectors`` are L2-normalised rows. Work is done in
    blocks: the similarities of a block to all known representatives come from one
    matrix product; only founders made inside the block are checked one by one."""
    dim = claim_vectors.shape[1] if claim_vectors.ndim == 2 else rep_vectors.shape[1]
    reps = [np.asarray(rep_vectors, dtype=np.float32).reshape(-1, dim)]
    ids = list(rep_ids)
    out: list[Assignment] = []
    for b0 in range(0, len(claim_ids), block):
        vecs = np.asarray(claim_vectors[b0 : b0 + block], dtype=np.float32)
        known = np.vstack(reps) if len(reps) > 1 else reps[0]
        n_known = known.shape[0]
        sims = vecs @ known.T if n_known else np.zeros((len(vecs), 0), dtype=np.float32)
        new_vecs: list[np.ndarray] = []
        new_ids: list[str] = []
        for i, cid in enumerate(claim_ids[b0 : b0 + block]):
            best_j, best = -1, -1.0
            if n_known:
                j = int(np.argmax(sims[i]))
                best_j, best = j, float(sims[i, j])
            if new_vecs:
                local = np.asarray(new_vecs) @ vecs[i]
                k = int(np.argmax(local))
                # ties go to the older cluster (lower index), keeping results order-stable
                if float(local[k]) > best:
                    best_j, best = n_known + k, float(local[k])
            if best_j >= 0 and best >= threshold:
                target = ids[best_j] if best_j < n_known else new_ids[best_j - n_known]
                out.append(Assignment(cid, target, round(best, 6), False))
            else:
                new = cluster_id_for(cid)
                new_vecs.append(vecs[i])
                new_ids.append(new)
                out.append(Assignment(cid, new, 1.0, True))
        if new_vecs:
            reps.append(np.asarray(new_vecs, dtype=np.float32))
            ids.extend(new_ids)
    return out


class ClaimClusterer:
    """The pipeline's same-claim rule, usable on its own:

    >>> cc = ClaimClusterer()
    >>> cc.same_claim("The talks lasted three hours.", "Talks went on for three hours.")
    """

    def __init__(self, threshold: float | None = None, embedder=None):
        if threshold is None or embedder is None:
            from claimtrack.config import load_settings

            settings = load_settings()
            threshold = settings.clustering.threshold if threshold is None else threshold
            if embedder is None:
                from claimtrack.embed import Embedder

                embedder = Embedder.from_settings(settings)
        self.threshold = float(threshold)
        self.embedder = embedder

    def similarity(self, text_a: str, text_b: str) -> float:
        a, b = self.embedder.encode([text_a, text_b])
        return float(np.dot(a, b))

    def same_claim(self, text_a: str, text_b: str) -> bool:
        """Would the pipeline put these two claims in one cluster (one founding the other)?"""
        return self.similarity(text_a, text_b) >= self.threshold

    def similarities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Batch form of :meth:`similarity` for benchmarks."""
        if not pairs:
            return np.zeros(0, dtype=np.float32)
        va = self.embedder.encode([a for a, _ in pairs])
        vb = self.embedder.encode([b for _, b in pairs])
        return np.einsum("ij,ij->i", va, vb)

    def cluster(self, claim_ids: list[str], vectors: np.ndarray) -> list[Assignment]:
        """Cluster from scratch (claims in the order given)."""
        dim = vectors.shape[1] if len(vectors) else self.embedder.dimension
        return assign([], np.zeros((0, dim), dtype=np.float32), claim_ids, vectors, self.threshold)
