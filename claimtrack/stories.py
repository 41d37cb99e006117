"""Stories: articles about the same news event, grouped so that one bad link cannot chain
unrelated events together.

Each article is described by (:class:`StoryArticle`):

- a vector: the embedding of its title and lead (:func:`lead_text`: what it is about);
- its names: the lower-cased name words of the people, organisations, places, events,
  nationalities and facilities its claims mention (:func:`name_words`);
- the claim clusters its claims belong to (claims the verifier called the same);
- when it was published (may be unknown).

Two articles' affinity (:func:`affinity`) is a weighted sum::

    w_vector * cos(vectors) + w_names * jaccard(names) + w_claims * [share a claim cluster]

and 0 when both dates are known and more than ``window_days`` apart (an unknown date puts
no time constraint). Articles are visited in a deterministic order (published_at NULLS
LAST, article_id); each joins the story with the highest *average* affinity to all of its
articles when that reaches ``threshold``, else founds a new story whose id is a hash of its
founding article (:func:`story_id_for`). Average linkage is what keeps one shared name, one
near-duplicate lead or one shared claim from merging two events: joining takes affinity to
the story as a whole, not to its nearest member. Stories already given never change: an
article in ``existing`` keeps its story and new articles only add to stories.

The parameters are fit on BASIL dev and ECB+ dev by benchmarks/stories.py (grid search on
the mean B-cubed F1, checked by a 2-fold split by event; see docs/BENCHMARKS.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from claimtrack.ids import content_hash

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "EVENT", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "LAW")
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{2,}")
NAME_STOP = frozenset(["the", "and", "for", "of", "mr", "mrs", "ms", "new", "state", "states", "united", "house", "senate", "president"])
LEAD_CHARS = 400


@dataclass(frozen=True)
class StoryParams:
    """Weights and bars of the story affinity (fit by benchmarks/stories.py)."""

    w_vector: float = 1.0     # weight of the cosine of the title+lead vectors
    w_names: float = 1.5      # weight of the Jaccard of the articles' name words
    w_claims: float = 0.2     # bonus when the articles share a claim cluster
    threshold: float = 0.75   # average affinity to a story's articles needed to join it
    window_days: float = 7.0  # articles further apart (both dates known) never link


@dataclass
class StoryArticle:
    article_id: str
    published_at: datetime | None
    vector: np.ndarray                    # unit float32 vector of title + lead
    names: frozenset[str] = frozenset()   # name words (name_words of its claims' entities)
    clusters: frozenset[str] = frozenset()  # claim clusters of its claims


def story_id_for(article_id: str) -> str:
    """A story's id: a hash of its founding article (never changes)."""
    return "s_" + content_hash("story", article_id)


def lead_text(title: str | None, text: str) -> str:
    """What the article vector is made of: the title and the start of the text."""
    lead = " ".join((text or "")[:LEAD_CHARS].split())
    return f"{title.strip()}. {lead}" if title and title.strip() else lead


def name_words(entities) -> frozenset[str]:
    """Lower-cased name words of the naming entities ("PERSON:Marco Rubio" -> rubio, marco)."""
    out = set()
    for e in entities or ():
        label, _, text = str(e).partition(":")
        if label in NAME_LABELS:
            out.update(w.lower() for w in NAME_WORD.findall(text) if w.lower() not in NAME_STOP)
    return frozenset(out)


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _apart(a: datetime | None, b: datetime | None, window_days: float) -> bool:
    return a is not None and b is not None and abs((a - b).total_seconds()) > window_days * 86400


def affinity(a: StoryArticle, b: StoryArticle, p: StoryParams) -> float:
    """The affinity of two articles (the module docstring gives the formula)."""
    if _apart(a.published_at, b.published_at, p.window_days):
        return 0.0
    cos = float(np.dot(a.vector, b.vector))
    return (p.w_vector * cos + p.w_names * _jaccard(a.names, b.names)
            + p.w_claims * float(bool(a.clusters & b.clusters)))


def _order(a: StoryArticle):
    return (a.published_at is None, a.published_at or datetime.min, a.article_id)


@dataclass
class StoryResult:
    story_of: dict[str, str] = field(default_factory=dict)  # article id -> story id
    similarity: dict[str, float] = field(default_factory=dict)  # new article id -> average affinity (1.0 founder)


def assign_stories(articles: list[StoryArticle], existing: dict[str, str] | None = None,
                   params: StoryParams = StoryParams()) -> StoryResult:
    """Stories for ``articles``: those in ``existing`` (article id -> story id) keep their
    story; the others join or found stories in (published_at NULLS LAST, article_id) order.

    The result does not depend on the order of ``articles``. Cost: one vectorised pass per
    new article over the articles already placed (about 0.1 s for 500 articles)."""
    existing = existing or {}
    p = params
    ordered = sorted(articles, key=_order)
    n = len(ordered)
    result = StoryResult()
    if n == 0:
        return result
    dim = ordered[0].vector.shape[0]
    vecs = np.zeros((n, dim), dtype=np.float32)
    days = np.full(n, np.nan)
    story_idx = np.full(n, -1, dtype=np.int64)   # placed articles' story index
    placed: list[int] = []
    stories: list[str] = []
    index_of: dict[str, int] = {}
    name_post: dict[str, list[int]] = {}   # name word -> placed article positions
    cluster_post: dict[str, list[int]] = {}
    name_len = np.zeros(n)

    def place(i: int, art: StoryArticle, sid: str) -> None:
        if sid not in index_of:
            index_of[sid] = len(stories)
            stories.append(sid)
        story_idx[i] = index_of[sid]
        placed.append(i)
        for w in art.names:
            name_post.setdefault(w, []).append(i)
        for c in art.clusters:
            cluster_post.setdefault(c, []).append(i)

    for i, art in enumerate(ordered):
        vecs[i] = art.vector
        name_len[i] = len(art.names)
        if art.published_at is not None:
            days[i] = art.published_at.timestamp() / 86400.0
    # Existing articles first (in order), so that new ones are measured against all of them.
    todo = []
    for i, art in enumerate(ordered):
        sid = existing.get(art.article_id)
        if sid is not None:
            place(i, art, sid)
            result.story_of[art.article_id] = sid
        else:
            todo.append(i)
    for i in todo:
        art = ordered[i]
        best, best_score = None, p.threshold
        if placed:
            idx = np.asarray(placed)
            aff = p.w_vector * (vecs[idx] @ vecs[i]).astype(np.float64)
            if p.w_names and art.names:
                inter = np.zeros(n)
                for w in art.names:
                    for j in name_post.get(w, ()):
                        inter[j] += 1
                inter = inter[idx]
                union = name_len[idx] + len(art.names) - inter
                aff += p.w_names * np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
            if p.w_claims and art.clusters:
                shared = np.zeros(n, dtype=bool)
                for c in art.clusters:
                    shared[cluster_post.get(c, [])] = True
                aff += p.w_claims * shared[idx]
            if not np.isnan(days[i]):
                far = np.abs(days[idx] - days[i]) > p.window_days   # NaN (no date) compares False
                aff[far] = 0.0
            sidx = story_idx[idx]
            mean = np.bincount(sidx, weights=aff, minlength=len(stories)) / np.maximum(
                np.bincount(sidx, minlength=len(stories)), 1)
            k = int(np.argmax(mean))   # ties: the story founded first
            if mean[k] >= p.threshold:
                best, best_score = stories[k], float(mean[k])
        if best is None:
            best, best_score = story_id_for(art.article_id), 1.0
        place(i, art, best)
        result.story_of[art.article_id] = best
        result.similarity[art.article_id] = round(best_score, 6)
    return result


def stories_from_warehouse(con, embedder, vectors=None) -> tuple[list[StoryArticle], dict[str, str]]:
    """The story records of every article of a claimtrack warehouse, and the stories already
    given (article id -> story id, from ``article_stories``).

    ``con`` is a DuckDB connection (read-only is enough); the lead vectors come from
    ``vectors(leads) -> array`` when given (e.g. through the embedding cache), else from
    ``embedder.encode``."""
    from claimtrack.warehouse import frame, sql_file

    df = frame(con, sql_file("pipeline/story_inputs.sql"))
    if df.height == 0:
        return [], {}
    leads = [lead_text(t, x) for t, x in zip(df["title"].to_list(), df["text"].to_list())]
    vecs = np.asarray(vectors(leads) if vectors is not None else embedder.encode(leads), dtype=np.float32)
    arts = [StoryArticle(a, p, v, name_words(e), frozenset(c or ()))
            for a, p, v, e, c in zip(df["article_id"].to_list(), df["published_at"].to_list(), vecs,
                                     df["entities"].to_list(), df["clusters"].to_list())]
    existing = {a: s for a, s in zip(df["article_id"].to_list(), df["story_id"].to_list()) if s is not None}
    return arts, existing
