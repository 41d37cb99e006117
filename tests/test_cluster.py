import random

import numpy as np

from claimtrack.cluster import assign, cluster_id_for


def unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def angle_vec(deg):
    r = np.deg2rad(deg)
    return unit([np.cos(r), np.sin(r), 0.0])


def test_founder_id_is_a_hash_of_the_founding_claim():
    res = assign([], np.zeros((0, 3), np.float32), ["a", "b"], np.stack([angle_vec(0), angle_vec(5)]), 0.9)
    assert [r.cluster_id for r in res] == [cluster_id_for("a")] * 2
    assert res[0].founded and not res[1].founded and res[0].similarity == 1.0


def test_no_chaining_every_member_within_threshold_of_representative():
    # A~B (cos 30deg = 0.866) and B~C, but A and C are 60 degrees apart (0.5)
    vecs = np.stack([angle_vec(0), angle_vec(30), angle_vec(60)])
    res = assign([], np.zeros((0, 3), np.float32), ["A", "B", "C"], vecs, 0.85)
    assert res[0].cluster_id == res[1].cluster_id
    assert res[2].cluster_id != res[0].cluster_id
    for r in res:
        assert r.similarity >= 0.85


def test_existing_clusters_are_extended_never_renumbered():
    first = assign([], np.zeros((0, 3), np.float32), ["A"], np.stack([angle_vec(0)]), 0.9)
    rep_ids = [first[0].cluster_id]
    more = assign(rep_ids, np.stack([angle_vec(0)]), ["B", "C"], np.stack([angle_vec(10), angle_vec(90)]), 0.9)
    assert more[0].cluster_id == rep_ids[0] and not more[0].founded
    assert more[1].cluster_id == cluster_id_for("C") and more[1].founded


def test_joins_the_most_similar_representative():
    reps = np.stack([angle_vec(0), angle_vec(20)])
    res = assign(["x", "y"], reps, ["q"], np.stack([angle_vec(15)]), 0.9)
    assert res[0].cluster_id == "y"


def test_blocks_give_the_same_result_as_one_pass():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(20, 16))
    vecs = np.vstack([base + rng.normal(scale=0.2, size=base.shape) for _ in range(5)]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ids = [f"c{i:03d}" for i in range(len(vecs))]
    one = assign([], np.zeros((0, 16), np.float32), ids, vecs, 0.8, block=10_000)
    small = assign([], np.zeros((0, 16), np.float32), ids, vecs, 0.8, block=7)
    assert [a.cluster_id for a in one] == [a.cluster_id for a in small]
    assert 15 <= len({a.cluster_id for a in one}) <= 30
