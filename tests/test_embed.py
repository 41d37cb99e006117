import numpy as np
import pytest

from claimtrack import ClaimClusterer, Embedder

pytestmark = pytest.mark.slow


def test_encode_shape_dtype_and_norm(embedder):
    vecs = embedder.encode(["The talks lasted three hours.", "Rain is expected on Sunday.", ""])
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs[:2], axis=1), 1.0, atol=1e-5)
    assert embedder.encode([]).shape == (0, 384)


def test_paraphrases_are_closer_than_unrelated_claims(embedder):
    a, b, c = embedder.encode([
        "The council approved a $480 million bond to repair bridges.",
        "Councillors voted for a $480 million bridge repair bond.",
        "The football team won its third match of the season.",
    ])
    assert float(a @ b) > 0.7 > float(a @ c)


def test_embedder_is_deterministic(embedder):
    x = embedder.encode(["Same text, same vector."])
    y = embedder.encode(["Same text, same vector."])
    assert np.allclose(x, y, atol=1e-6)


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="backend"):
        Embedder(backend="tpu")


def test_clusterer_public_api(embedder):
    cc = ClaimClusterer(embedder=embedder)
    assert cc.same_claim("At least 12 people were injured when the footbridge gave way.",
                         "At least twelve people were hurt when the footbridge collapsed.")
    assert not cc.same_claim("At least 12 people were injured when the footbridge gave way.",
                             "The central bank left interest rates unchanged.")
    s = cc.similarity("The mayor resigned.", "The mayor resigned.")
    assert s == pytest.approx(1.0, abs=1e-5)
    # a different number: not the same claim, but a contradiction the pipeline records
    a, b = "The talks in Riyadh lasted three hours.", "The talks in Riyadh lasted four and a half hours."
    assert not cc.same_claim(a, b) and cc.contradicts(a, b)
    assert cc.differences(a, b) == {"numbers": ("3 hour", "4.5 hour")}
    # two different facts about one person are neither the same claim nor a contradiction
    c, d = "Richard Blumenthal misspoke at a 2008 event.", "Richard Blumenthal described the hostile reaction directed at veterans."
    assert not cc.same_claim(c, d) and not cc.contradicts(c, d)
    assert list(cc.same_claims([(a, a), (a, b)])) == [True, False]
