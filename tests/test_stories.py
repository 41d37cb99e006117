"""Story grouping (claimtrack/stories.py) on small made-up articles with hand-made vectors:
no model, no bench data."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import numpy as np
import pytest

from claimtrack.stories import (
    StoryArticle,
    StoryParams,
    affinity,
    assign_stories,
    lead_text,
    name_words,
    story_id_for,
)

DIM = 384
T0 = datetime(2025, 2, 18, 9, 0)
PARAMS = StoryParams(w_vector=1.0, w_names=0.5, w_claims=0.2, threshold=0.6, window_days=7.0)


def unit(*weights: tuple[int, float]) -> np.ndarray:
    """A unit vector with the given (axis, weight) components."""
    v = np.zeros(DIM, dtype=np.float32)
    for axis, w in weights:
        v[axis] = w
    return v / np.linalg.norm(v)


def art(aid, vec, names=(), clusters=(), hours=0.0, dated=True):
    return StoryArticle(aid, T0 + timedelta(hours=hours) if dated else None, vec,
                        frozenset(names), frozenset(clusters))


def summit(i, hours=0.0, **kw):
    """Articles about one event: vectors near axis 0, shared names."""
    return art(f"summit-{i}", unit((0, 1.0), (10 + i, 0.3)), {"rubio", "lavrov", "riyadh"}, hours=hours, **kw)


def test_three_articles_of_one_event_form_one_story():
    res = assign_stories([summit(1), summit(2, 2), summit(3, 5)], params=PARAMS)
    assert len(set(res.story_of.values())) == 1
    assert res.story_of["summit-2"] == story_id_for("summit-1")   # founded by the first
    assert res.similarity["summit-1"] == 1.0 and res.similarity["summit-3"] >= PARAMS.threshold


def test_unrelated_events_sharing_a_name_stay_apart():
    # A fisheries story that also names Rubio: one shared name, unrelated content.
    fish = [art(f"fish-{i}", unit((1, 1.0), (20 + i, 0.3)), {"rubio", "alaska", "salmon"}, hours=i) for i in range(3)]
    res = assign_stories([summit(1), summit(2, 1), *fish], params=PARAMS)
    assert res.story_of["summit-1"] == res.story_of["summit-2"]
    assert len({res.story_of[a.article_id] for a in fish}) == 1
    assert res.story_of["fish-0"] != res.story_of["summit-1"]


def test_one_bridging_article_cannot_chain_two_stories():
    # The bridge is close to the last summit article and to the fisheries story; single link
    # would chain everything, average linkage keeps the events apart.
    a = [summit(i, i) for i in range(4)]
    fish = [art(f"fish-{i}", unit((1, 1.0), (20 + i, 0.3)), {"alaska", "salmon"}, hours=10 + i) for i in range(4)]
    bridge = art("bridge", unit((0, 0.7), (1, 0.7)), {"rubio", "alaska"}, {"c1"}, hours=5)
    a[-1] = StoryArticle(a[-1].article_id, a[-1].published_at, a[-1].vector, a[-1].names, frozenset({"c1"}))
    res = assign_stories([*a, bridge, *fish], params=PARAMS)
    assert len({res.story_of[x.article_id] for x in a}) == 1
    assert len({res.story_of[x.article_id] for x in fish}) == 1
    assert res.story_of["summit-0"] != res.story_of["fish-0"]


def test_ids_stable_when_articles_are_added():
    first = assign_stories([summit(1), summit(2, 1)], params=PARAMS)
    later = [summit(0, -1), summit(3, 3), art("other", unit((5, 1.0)), {"paris"}, hours=2)]
    second = assign_stories([summit(1), summit(2, 1), *later], existing=first.story_of, params=PARAMS)
    for aid, sid in first.story_of.items():
        assert second.story_of[aid] == sid
    # An earlier article arriving later joins the existing story; it does not re-found it.
    assert second.story_of["summit-0"] == story_id_for("summit-1")
    assert second.story_of["summit-3"] == story_id_for("summit-1")
    assert second.story_of["other"] == story_id_for("other")
    assert set(second.similarity) == {"summit-0", "summit-3", "other"}


def test_existing_articles_never_move():
    # Two articles pinned to different stories stay there even if they look alike.
    arts = [summit(1), summit(2, 1)]
    res = assign_stories(arts, existing={"summit-1": "s_a", "summit-2": "s_b"}, params=PARAMS)
    assert res.story_of == {"summit-1": "s_a", "summit-2": "s_b"}


def test_order_independent():
    rng = random.Random(7)
    arts = [summit(i, i) for i in range(4)]
    arts += [art(f"fish-{i}", unit((1, 1.0), (20 + i, 0.4)), {"salmon"}, hours=i, dated=i % 2 == 0) for i in range(4)]
    arts += [art(f"undated-{i}", unit((0, 1.0), (30 + i, 0.5)), {"rubio"}, dated=False) for i in range(3)]
    ref = assign_stories(arts, params=PARAMS)
    for _ in range(5):
        shuffled = arts[:]
        rng.shuffle(shuffled)
        res = assign_stories(shuffled, params=PARAMS)
        assert res.story_of == ref.story_of and res.similarity == ref.similarity


def test_time_window_respected():
    near = assign_stories([summit(1), summit(2, 24 * 6)], params=PARAMS)
    assert len(set(near.story_of.values())) == 1
    far = assign_stories([summit(1), summit(2, 24 * 8)], params=PARAMS)
    assert len(set(far.story_of.values())) == 2
    assert affinity(summit(1), summit(2, 24 * 8), PARAMS) == 0.0
    # An unknown date puts no time constraint.
    undated = assign_stories([summit(1), summit(2, dated=False)], params=PARAMS)
    assert len(set(undated.story_of.values())) == 1


def test_affinity_formula():
    a = art("a", unit((0, 1.0)), {"x", "y"}, {"c"})
    b = art("b", unit((0, 1.0), (1, 1.0)), {"y", "z"}, {"c", "d"})
    expected = 1.0 * (1 / np.sqrt(2)) + 0.5 * (1 / 3) + 0.2
    assert affinity(a, b, PARAMS) == pytest.approx(expected, abs=1e-6)
    # The vectorised assignment reports the same average.
    res = assign_stories([a, b], params=StoryParams(1.0, 0.5, 0.2, 0.5, 7.0))
    assert res.similarity["b"] == pytest.approx(expected, abs=1e-5)


def test_name_words_and_lead():
    names = name_words(["PERSON:Marco Rubio", "GPE:the United States", "DATE:Tuesday", "ORG:NATO", "CARDINAL:4"])
    assert names == frozenset({"marco", "rubio", "nato"})
    assert lead_text("Title ", "Body  text\nhere") == "Title. Body text here"
    assert lead_text(None, "Body") == lead_text("  ", "Body") == "Body"


def test_empty():
    assert assign_stories([]).story_of == {}
