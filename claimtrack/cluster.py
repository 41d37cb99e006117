"""Near-duplicate claim clusters: representative-anchored, field-aware, deterministic, stable ids.

The rule (``same_claim``): two claims are the same claim when the cosine of their vectors
is at least the threshold AND their typed fields do not conflict (numbers with the same
unit but different values, opposite polarity, different dates, different people). A pair
that passes the cosine but conflicts is a *variant*: it is kept out of the cluster and
recorded with the fields that differ, because those are the contradictions users want.

Clustering: claims are visited in a deterministic order (published_at, claim_id). Each
claim asks the candidate index for the representatives (founding claims) most similar to
it; it joins the most similar one that is within the threshold and compatible, else it
founds a new cluster whose id is a hash of its own claim id. Membership is tested against
the representative only, so every member is within the threshold of its representative
and clusters cannot chain. Existing clusters are never renumbered; ``recluster`` rebuilds
from scratch and maps new clusters onto old ids by overlap, recording merges and splits.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from claimtrack.ids import content_hash

# Below this many representatives an exact inner-product search is faster than building
# and querying an HNSW graph (measured: benchmarks/cluster_scale.py, docs/BENCHMARKS.md).
HNSW_MIN_REPS = 10_000
HNSW_M = 32
HNSW_EF_SEARCH = 64
CANDIDATES = 10
ENTITY_CONFLICT_LABELS = ("PERSON",)


def cluster_id_for(founding_claim_id: str) -> str:
    return "c_" + content_hash("cluster", founding_claim_id)


# --------------------------------------------------------------------------- fields


@dataclass(frozen=True)
class ClaimFields:
    """The typed fields the rule compares. Empty fields never conflict."""

    numbers: tuple[str, ...] = ()  # normalised "value unit" strings, e.g. "4.5 hour"
    polarity: str = "positive"
    dates: tuple[str, ...] = ()  # normalised date strings (resolved dates when known)
    people: tuple[str, ...] = ()  # PERSON entities

    @classmethod
    def from_row(cls, numbers, polarity, entities, dates=None) -> "ClaimFields":
        entities = list(entities or [])
        if dates is None:
            dates = [e.split(":", 1)[1] for e in entities if e.startswith("DATE:")]
        people = [e.split(":", 1)[1] for e in entities if e.split(":", 1)[0] in ENTITY_CONFLICT_LABELS]
        return cls(
            numbers=tuple(sorted(numbers or [])),
            polarity=polarity or "positive",
            dates=tuple(sorted(d for d in (_norm_date(_norm(x)) for x in dates or []) if _comparable_date(d))),
            people=tuple(sorted(_norm(p) for p in people)),
        )


RELATIVE_DATE = re.compile(r"\b(last|next|this|ago|earlier|later|recent|recently|past|coming|today|yesterday|tomorrow|tonight)\b")
ABSOLUTE_DATE = re.compile(
    r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


def _comparable_date(d: str) -> bool:
    """Only absolute dates are compared ("March", "18 February 2025", "Tuesday");
    relative ones ("last month") need the article's date to resolve and are skipped."""
    return bool(ABSOLUTE_DATE.search(d)) and not RELATIVE_DATE.search(d)


def _norm(s: str) -> str:
    return " ".join(str(s).lower().replace("'s", "").split())


def _by_unit(numbers) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for n in numbers:
        value, _, unit = n.partition(" ")
        out[unit].add(value)
    return out


def conflicts(a: ClaimFields, b: ClaimFields) -> dict[str, tuple[str, str]]:
    """Fields on which two claims disagree: {field: (value_a, value_b)}; empty if compatible."""
    out: dict[str, tuple[str, str]] = {}
    ua, ub = _by_unit(a.numbers), _by_unit(b.numbers)
    for unit in sorted(set(ua) & set(ub)):
        if not (ua[unit] & ub[unit]):
            out["numbers"] = (", ".join(a.numbers), ", ".join(b.numbers))
            break
    if a.polarity != b.polarity:
        out["polarity"] = (a.polarity, b.polarity)
    if a.dates and b.dates and not _dates_overlap(a.dates, b.dates):
        out["dates"] = (", ".join(a.dates), ", ".join(b.dates))
    if a.people and b.people and not _names_overlap(a.people, b.people):
        out["people"] = (", ".join(a.people), ", ".join(b.people))
    return out


MONTHS = {m[:3]: m for m in ("january", "february", "march", "april", "may", "june", "july",
                                "august", "september", "october", "november", "december")}
NAME_TOKEN = re.compile(r"[a-z][a-z'\-]+")


def _overlap(xs, ys) -> bool:
    """True if any value of one side matches (or is part of) a value of the other:
    'rubio' matches 'marco rubio', '2025-02' matches '2025-02-18'."""
    for x in xs:
        for y in ys:
            if x == y or x in y or y in x:
                return True
    return False


YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _dates_overlap(xs, ys) -> bool:
    """Dates agree when one contains the other ('2025-02' / '2025-02-18'). A bare month
    resolved to neighbouring years ('2025-11' / '2024-11': "in November" read as next vs
    last November) is ambiguous, not a contradiction."""
    if _overlap(xs, ys):
        return True
    for x in xs:
        for y in ys:
            mx, my = YEAR_MONTH.match(x), YEAR_MONTH.match(y)
            if mx and my and mx.group(2) == my.group(2) and abs(int(mx.group(1)) - int(my.group(1))) <= 1:
                return True
    return False


def _names_overlap(xs, ys) -> bool:
    """People match when their names share a word of 3+ letters ('hal gehman' and
    'harold w. gehman jr.'), so spelling variants of one person never conflict."""
    tx = {t for x in xs for t in NAME_TOKEN.findall(x) if len(t) >= 3}
    ty = {t for y in ys for t in NAME_TOKEN.findall(y) if len(t) >= 3}
    return bool(tx & ty) or _overlap(xs, ys)


def _norm_date(d: str) -> str:
    """'Nov. 11' -> 'november 11' so spellings of one date compare equal."""
    out = []
    for w in d.split():
        bare = w.rstrip(".")
        full = MONTHS.get(bare[:3])
        out.append(full if full and len(bare) >= 3 and full.startswith(bare) else w)
    return " ".join(out)


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
    """A claim that passed the cosine against a representative but conflicts with it."""

    cluster_id: str  # the cluster whose representative it conflicts with
    claim_id: str
    similarity: float
    differing: dict[str, tuple[str, str]]  # field -> (representative's value, claim's value)


@dataclass
class ClusterResult:
    assignments: list[Assignment] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)


def assign(
    index: CandidateIndex,
    rep_fields: dict[str, ClaimFields],
    claim_ids: list[str],
    claim_vectors: np.ndarray,
    threshold: float,
    claim_fields: list[ClaimFields] | None = None,
    block: int = 1024,
    k: int = CANDIDATES,
) -> ClusterResult:
    """Assign claims (already in deterministic order) to existing or new clusters.

    ``index`` holds the existing representatives and grows with the new founders;
    ``rep_fields`` maps cluster id -> the representative's fields and grows too."""
    result = ClusterResult()
    empty = ClaimFields()
    vecs_all = np.asarray(claim_vectors, dtype=np.float32)
    for b0 in range(0, len(claim_ids), block):
        vecs = vecs_all[b0 : b0 + block]
        sims, idx = index.search(vecs, k)
        # similarities inside the block, for founders made in this block (one matrix product)
        local_sims = vecs @ vecs.T
        founder_pos = np.empty(len(vecs), dtype=np.int64)
        n_founders = 0
        new_ids: list[str] = []
        base = len(index)
        for i, cid in enumerate(claim_ids[b0 : b0 + block]):
            fields = claim_fields[b0 + i] if claim_fields is not None else empty
            cands: list[tuple[float, int, str]] = []  # (sim, order, cluster_id)
            row_s, row_i = sims[i], idx[i]
            for s, j in zip(row_s.tolist(), row_i.tolist()):
                if j >= 0 and s >= threshold:
                    cands.append((s, j, index.ids[j]))
            if n_founders:
                local = local_sims[i, founder_pos[:n_founders]]
                for j in np.flatnonzero(local >= threshold).tolist():
                    cands.append((float(local[j]), base + j, new_ids[j]))
            chosen = None
            if cands:
                # most similar first; ties go to the older cluster
                cands.sort(key=lambda c: (-c[0], c[1]))
                for s, _, cl in cands:
                    diff = conflicts(rep_fields.get(cl, empty), fields)
                    if diff:
                        result.variants.append(Variant(cl, cid, round(s, 6), diff))
                        continue
                    chosen = (cl, s)
                    break
            if chosen is not None:
                result.assignments.append(Assignment(cid, chosen[0], round(chosen[1], 6), False))
            else:
                new = cluster_id_for(cid)
                new_ids.append(new)
                founder_pos[n_founders] = i
                n_founders += 1
                rep_fields[new] = fields
                result.assignments.append(Assignment(cid, new, 1.0, True))
        if new_ids:
            index.add(new_ids, vecs[founder_pos[:n_founders]])
    return result


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


# --------------------------------------------------------------------------- public rule


def fields_of_text(text: str) -> ClaimFields:
    """The typed fields of a bare claim text, as the extractor would store them."""
    from claimtrack.claims.nlp import get_nlp
    from claimtrack.claims.numbers import extract_numbers

    doc = get_nlp()(text)
    ents = [f"{e.label_}:{e.text}" for e in doc.ents]
    polarity = "negative" if any(t.dep_ == "neg" for t in doc) else "positive"
    return ClaimFields.from_row(extract_numbers(doc), polarity, ents)


class ClaimClusterer:
    """The pipeline's same-claim rule, usable on its own:

    >>> cc = ClaimClusterer()
    >>> cc.same_claim("The talks lasted three hours.", "Talks went on for three hours.")
    True
    >>> cc.same_claim("The talks lasted three hours.", "The talks lasted four hours.")
    False
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
        """Cosine similarity of the two claims' vectors (the first half of the rule)."""
        a, b = self.embedder.encode([text_a, text_b])
        return float(np.dot(a, b))

    def differences(self, text_a: str, text_b: str) -> dict[str, tuple[str, str]]:
        """The typed fields on which the two claims conflict (empty: compatible)."""
        return conflicts(fields_of_text(text_a), fields_of_text(text_b))

    def same_claim(self, text_a: str, text_b: str) -> bool:
        """Would the pipeline put these two claims in one cluster (one founding the other)?"""
        return self.similarity(text_a, text_b) >= self.threshold and not self.differences(text_a, text_b)

    def similarities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Batch form of :meth:`similarity` for benchmarks."""
        if not pairs:
            return np.zeros(0, dtype=np.float32)
        va = self.embedder.encode([a for a, _ in pairs])
        vb = self.embedder.encode([b for _, b in pairs])
        return np.einsum("ij,ij->i", va, vb)

    def same_claims(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Batch form of :meth:`same_claim` (one spaCy pass over all texts)."""
        from claimtrack.claims.nlp import get_nlp
        from claimtrack.claims.numbers import extract_numbers

        sims = self.similarities(pairs)
        texts = [t for pair in pairs for t in pair]
        fields = []
        for doc in get_nlp().pipe(texts, batch_size=128):
            ents = [f"{e.label_}:{e.text}" for e in doc.ents]
            pol = "negative" if any(t.dep_ == "neg" for t in doc) else "positive"
            fields.append(ClaimFields.from_row(extract_numbers(doc), pol, ents))
        ok = np.array([not conflicts(fields[2 * i], fields[2 * i + 1]) for i in range(len(pairs))])
        return (sims >= self.threshold) & ok

    def cluster(self, claim_ids: list[str], vectors: np.ndarray, fields: list[ClaimFields] | None = None) -> ClusterResult:
        """Cluster from scratch (claims in the order given)."""
        dim = vectors.shape[1] if len(vectors) else self.embedder.dimension
        return assign(CandidateIndex(dim), {}, claim_ids, vectors, self.threshold, fields)
