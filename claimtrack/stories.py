"""Stories: articles about the same news event, grouped so that one bad link cannot chain
unrelated events together.

Each article is described by (:class:`StoryArticle`):

- a vector: the embedding of its title and lead (what the article is about);
- its names: the name words of the people, organisations, places and events its claims
  mention;
- the claim clusters its claims belong to (claims the verifier called the same);
- when it was published.

Two articles' affinity (:func:`affinity`) is a weighted sum of the vectors' cosine, the
overlap of their names and whether they share a verified claim cluster; articles more than
``window_days`` apart never link. Articles are visited in a deterministic order
(published_at, article_id); each joins the story with the highest *average* affinity to all
of its articles when that reaches the threshold, else founds a new story whose id is a hash
of its founding article. Average linkage is what keeps a single shared name or claim from
merging two events, and ids never change once given: stories only grow."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from claimtrack.ids import content_hash

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "EVENT", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "LAW")
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{2,}")
NAME_STOP = frozenset("the and for of mr mrs ms new state states united house senate president".split())
LEAD_CHARS = 400


@dataclass(frozen=True)
class StoryParams:
    """Weights and bars of the story affinity (fit on BASIL dev and ECB+ dev; see
    docs/BENCHMARKS.md, benchmarks/stories.py)."""

    w_vector: float = 1.0
    w_names: float = 0.5
    w_claims: float = 0.2
    threshold: float = 0.75
    window_days: float = 7.0


@dataclass
class StoryArticle:
    article_id: str
    published_at: datetime | None
    vector: np.ndarray
    names: frozenset[str] = frozenset()
    clusters: frozenset[str] = frozenset()


def story_id_for(article_id: str) -> str:
    return "s_" + content_hash("story", article_id)


def lead_text(title: str | None, text: str) -> str:
    """What the article vector is made of: the title and the start of the text."""
    lead = " ".join((text or "")[:LEAD_CHARS].split())
    return f"{title.strip()}. {lead}" if title else lead


def name_words(entities) -> frozenset[str]:
    """Lower-cased name words of the naming entities ("PERSON:Marco Rubio" -> rubio, marco)."""
    out = set()
    for e in entities or ():
        label, _, text = str(e).partition(":")
        if label in NAME_LABELS:
            out.update(w.lower() for w in NAME_WORD.findall(text) if w.lower() not in NAME_STOP)
    return frozenset(out)


def _overlap(a: frozenset, b: frozenset) -> float:
    """Jaccard of two sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def affinity(a: StoryArticle, b: StoryArticle, p: StoryParams) -> float:
    if a.published_at is not None and b.published_at is not None:
        if abs((a.published_at - b.published_at).total_seconds()) > p.window_days * 86400:
            return 0.0
    cos = float(np.dot(a.vector, b.vector))
    return p.w_vector * cos + p.w_names * _overlap(a.names, b.names) + p.w_claims * float(bool(a.clusters & b.clusters))


def _order(a: StoryArticle):
    return (a.published_at is None, a.published_at or datetime.min, a.article_id)


@dataclass
class StoryResult:
    story_of: dict[str, str] = field(default_factory=dict)  # article id -> story id
    similarity: dict[str, float] = field(default_factory=dict)  # article id -> its average affinity (1.0 founder)


def assign_stories(articles: list[StoryArticle], existing: dict[str, str] | None = None,
                   params: StoryParams = StoryParams()) -> StoryResult:
    """Stories for ``articles``: those in ``existing`` (article id -> story id) keep their
    story; the others join or found stories in (published_at, article_id) order."""
    existing = existing or {}
    result = StoryResult()
    members: dict[str, list[StoryArticle]] = {}
    todo = []
    for art in sorted(articles, key=_order):
        sid = existing.get(art.article_id)
        if sid is not None:
            members.setdefault(sid, []).append(art)
            result.story_of[art.article_id] = sid
        else:
            todo.append(art)
    for art in todo:
        best, best_score = None, params.threshold
        for sid, arts in members.items():
            score = sum(affinity(art, m, params) for m in arts) / len(arts)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = sid, score
        if best is None:
            best, best_score = story_id_for(art.article_id), 1.0
            members[best] = []
        members[best].append(art)
        result.story_of[art.article_id] = best
        result.similarity[art.article_id] = round(best_score, 6)
    return result
