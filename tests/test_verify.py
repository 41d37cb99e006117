"""The same-claim verifier: one test per feature, the trained model file, and the cluster
invariant (no stored cluster holds a pair the verifier calls different)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.cluster import CandidateIndex, PairVerifier, assign
from claimtrack.fields import ClaimFields
from claimtrack.verify import (
    FEATURES,
    MODEL_PATH,
    evidence,
    field_conflicts,
    load_model,
    pair_features,
    speaker_name,
    stem,
)


def feats(a, b, cos=0.8, ents_a=(), ents_b=(), fa=None, fb=None):
    ea = evidence(a, list(ents_a), fa or ClaimFields.from_row([], "positive", list(ents_a)))
    eb = evidence(b, list(ents_b), fb or ClaimFields.from_row([], "positive", list(ents_b)))
    return dict(zip(FEATURES, pair_features(cos, ea, eb)))


def test_stemming_matches_inflections():
    assert stem("talks") == stem("talk") and stem("lasted") == stem("last") and stem("injuries") == "injury"
    assert stem("approved") == stem("approve") == stem("approves")


def test_cosine_is_passed_through():
    assert feats("a b c", "a b c", cos=0.42)["cosine"] == 0.42


def test_content_overlap_both_ways_ignores_stop_words():
    f = feats("The talks lasted three hours", "talks lasted three hours in Riyadh yesterday")
    assert f["overlap_min"] == 1.0            # every content word of the shorter side is shared
    assert 0.5 < f["overlap_max"] < 1.0       # the longer side adds detail


def test_bigram_overlap_sees_word_order():
    same_order = feats("Smith beat Jones in the final", "Smith beat Jones in the final")
    swapped = feats("Smith beat Jones in the final", "Jones beat Smith in the final")
    assert same_order["overlap_min"] == swapped["overlap_min"] == 1.0
    assert swapped["bigram_overlap"] < same_order["bigram_overlap"]


def test_overlap_without_names_separates_two_facts_about_one_person():
    ents = ["PERSON:Richard Blumenthal"]
    f = feats("Richard Blumenthal misspoke at a 2008 event", "Richard Blumenthal avoided going to war",
              ents_a=ents, ents_b=ents)
    assert f["overlap_min"] > 0.3            # the shared name makes the words look alike
    assert f["rest_min"] == 0.0 and f["rest_max"] == 0.0  # nothing shared beyond the name


def test_extra_names_counts_names_on_one_side_only():
    f = feats("Obama met Boehner", "Obama met Boehner", ents_a=["PERSON:Obama", "PERSON:Boehner"],
              ents_b=["PERSON:Obama", "PERSON:Boehner"])
    g = feats("Obama met Boehner", "Obama met Pelosi", ents_a=["PERSON:Obama", "PERSON:Boehner"],
              ents_b=["PERSON:Obama", "PERSON:Pelosi"])
    assert f["extra_names"] == 0 and g["extra_names"] > 0


def test_number_features():
    f = feats("12 people were hurt", "15 people were hurt",
              fa=ClaimFields(numbers=("12 people",)), fb=ClaimFields(numbers=("15 people",)))
    assert f["numbers_conflict"] == 1.0 and f["numbers_one_side"] == 0.0
    g = feats("12 people were hurt", "people were hurt", fa=ClaimFields(numbers=("12 people",)), fb=ClaimFields())
    assert g["numbers_conflict"] == 0.0 and g["numbers_one_side"] == 1.0


def test_a_value_found_elsewhere_on_the_other_side_is_no_number_conflict():
    a = ClaimFields(numbers=("15", "19 hijacker"))
    b = ClaimFields(numbers=("11 hijacker", "15", "19"))  # "Fifteen of the 19 Sept. 11 hijackers"
    assert "numbers" not in field_conflicts(evidence("x", [], a), evidence("y", [], b))


def test_polarity_conflict_needs_a_negation_in_the_wording():
    neg, pos = ClaimFields(polarity="negative"), ClaimFields(polarity="positive")
    assert feats("The mayor did not resign", "The mayor resigned", fa=neg, fb=pos)["polarity_conflict"] == 1.0
    # a parse that missed a curly "isn’t" on one side is not a contradiction
    assert feats("It isn’t about saving animals", "It isn't about saving animals", fa=pos, fb=neg)["polarity_conflict"] == 0.0


def test_date_and_people_conflicts():
    f = feats("They met on Tuesday", "They met on Wednesday",
              fa=ClaimFields.from_row([], "positive", ["DATE:Tuesday"]), fb=ClaimFields.from_row([], "positive", ["DATE:Wednesday"]))
    assert f["dates_conflict"] == 1.0
    g = feats("Rubio met Lavrov", "Rubio met Lavrov", ents_a=["PERSON:Marco Rubio"], ents_b=["PERSON:Sergei Lavrov"])
    assert g["people_conflict"] == 1.0


def test_length_ratio():
    assert feats("one two three four", "one two")["length_ratio"] == 0.5


def test_model_file_is_trained_on_these_features_and_records_its_provenance():
    model = load_model()
    assert model.features == FEATURES and len(model.weights) == len(FEATURES)
    meta = model.meta
    assert "train_verifier.py" in meta["command"]
    assert all(len(h) == 64 for h in meta["data"].values())  # sha256 of the training data
    assert 0 < model.threshold < 1
    # more evidence of sameness never lowers the probability of "same"
    w = dict(zip(FEATURES, model.weights))
    assert w["cosine"] > 0 and w["numbers_conflict"] < 0
    assert MODEL_PATH.is_file()


def test_verdicts_on_typed_conflicts():
    v = PairVerifier()
    same_words = evidence("At least 12 people were injured when the footbridge gave way", [],
                          ClaimFields(numbers=("12 people",)))
    other_value = evidence("At least 15 people were injured when the footbridge gave way", [],
                           ClaimFields(numbers=("15 people",)))
    verdict = v.judge(0.97, same_words, other_value)
    assert not verdict.same and verdict.contradiction and "numbers" in verdict.differing
    assert v.judge(0.99, same_words, same_words).same


WORDS = ["mayor", "bridge", "talks", "senator", "budget", "vote", "court", "fire", "police", "river",
         "lasted", "hours", "injured", "resigned", "approved", "rejected", "met", "said", "new", "old"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), min_size=3, max_size=8),
                          st.integers(0, 3), st.booleans(), st.integers(0, 6)), min_size=2, max_size=25),
       st.integers(0, 2**31 - 1), st.integers(1, 25))
def test_no_cluster_holds_a_pair_the_verifier_calls_different(claims, seed, block):
    """Whatever the order, the blocks, the merges of new clusters and the background
    descriptors: every pair in a cluster is above the verifier's "different" bar, and
    background descriptors share clusters only with each other, within the window."""
    from claimtrack.cluster import Scope

    rng = np.random.default_rng(seed)
    base = rng.normal(size=(4, 16))
    texts = [" ".join(words) for words, *_ in claims]
    vecs = np.stack([base[g] + rng.normal(scale=0.3, size=16) for _, g, *_ in claims]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ev = [evidence(t, [], ClaimFields()) for t in texts]
    scopes = [Scope(bg, float(day)) for _, _, bg, day in claims]
    verifier = PairVerifier(floor=0.3)
    res = assign(CandidateIndex(16), {}, [f"c{i}" for i in range(len(texts))], vecs, ev, verifier,
                 block=block, scopes=scopes, window_days=2.0)
    members: dict[str, list[int]] = {}
    for i, a in enumerate(res.assignments):
        members.setdefault(a.cluster_id, []).append(i)
    assert sum(a.founded for a in res.assignments) == len(members)
    for idx in members.values():
        assert len({scopes[i].background for i in idx}) == 1
        for x in idx:
            for y in idx:
                if x < y:
                    p = verifier.probabilities([float(vecs[x] @ vecs[y])], [ev[x]], [ev[y]])[0]
                    assert p >= verifier.different_below
                    if scopes[x].background:
                        assert abs(scopes[x].day - scopes[y].day) <= 2.0


def test_polarity_contradiction_needs_the_same_sentence_negated():
    v = PairVerifier()
    pos, neg = ClaimFields(polarity="positive"), ClaimFields(polarity="negative")
    plain = evidence("The council approved the bridge bond", [], pos)
    negated = evidence("The council did not approve the bridge bond", [], neg)
    assert v.judge(0.9, plain, negated).contradiction
    # a negation elsewhere in a longer sentence is not "X" vs "not X"
    short = evidence("Man is the objective", [], pos)
    longer = evidence("That is not the objective, man is the objective", [], neg)
    verdict = v.judge(0.85, short, longer)
    assert not verdict.contradiction and not verdict.differing  # the model alone decides "same"
    assert field_conflicts(short, longer) == {}
    assert field_conflicts(plain, negated) == {"polarity": ("positive", "negative")}


def test_party_state_tags_read_as_party_and_state():
    tag = evidence("Sen. Chuck Grassley is R-Iowa", [], ClaimFields())
    spelled = evidence("Senator Charles E. Grassley is Republican of Iowa", [], ClaimFields())
    assert {"senator", "republican", "iowa"} <= set(tag.content) & set(spelled.content)
    assert {"democrat", "new", "york"} <= set(evidence("Sen. Charles Schumer is D-N.Y.", [], ClaimFields()).content)
    assert "democrat" not in evidence("the D-Day landings", [], ClaimFields()).content
    # the spellings the extractor's party labels know are known here too ("Nebr.", "W. Va.")
    assert {"republican", "nebraska"} <= set(evidence("Sen. Deb Fischer is R-Nebr.", [], ClaimFields()).content)
    assert {"west", "virginia"} <= set(evidence("Sen. Joe Manchin is D-W. Va.", [], ClaimFields()).content)
    # a two-letter postal code that is also a word is not read as a state
    assert "indiana" not in evidence("the D-In sticker", [], ClaimFields()).content


def test_speaker_name_is_the_name_not_the_title_or_a_description():
    assert speaker_name("Representative Nancy Pelosi of California") == {"nancy", "pelosi"}
    assert speaker_name("Sen. Chuck Schumer, D-N.Y.") == {"chuck", "schumer"}
    assert speaker_name("Mr. Trump") == {"trump"}
    # a description may be anyone: no name to compare
    assert speaker_name("the presumptive Republican nominee") is None
    assert speaker_name("a senior administration official") is None
    assert speaker_name(None) is None


def _quote(text, speaker):
    return evidence(text, [], ClaimFields.from_row([], "positive", []), speaker)


def test_first_person_words_of_two_named_speakers_are_two_claims():
    """"I ask for your forgiveness" said by one politician is not another's "I beg for your
    forgiveness": same words, different claims. The same quotation under the speaker's other
    wording, or with a described speaker, is still judged on its words."""
    v = PairVerifier()
    gov = _quote("I ask the voters for their forgiveness", "Governor Tom Reyes")
    singer = _quote("I ask the voters for their forgiveness", "Lena Marsh")
    verdict = v.judge(0.99, gov, singer)
    assert not verdict.same and not verdict.contradiction
    assert v.probabilities([0.99], [gov], [singer])[0] == 0.0
    assert v.judge(0.99, gov, _quote("I ask the voters for their forgiveness", "Mr. Reyes")).same
    assert v.judge(0.99, gov, _quote("I ask the voters for their forgiveness", "the governor")).same
    # a pronoun bound to the speaker counts too; a third-person claim does not
    assert not v.judge(0.99, _quote("he was deeply saddened by the news", "Tom Reyes"),
                       _quote("he was deeply saddened by the news", "Lena Marsh")).same
    assert v.judge(0.99, _quote("The bridge will reopen in May", "Tom Reyes"),
                   _quote("The bridge will reopen in May", "Lena Marsh")).same
    # "US" is the country, not "us"
    assert not _quote("The US will reopen the embassy", "Tom Reyes").speaker_relative


def test_no_cluster_holds_first_person_claims_of_two_named_speakers():
    texts = ["I ask the voters for their forgiveness"] * 3
    speakers = ["Governor Tom Reyes", "Lena Marsh", "Tom Reyes"]
    vecs = np.tile(np.eye(1, 8, dtype=np.float32), (3, 1))
    ev = [_quote(t, s) for t, s in zip(texts, speakers)]
    res = assign(CandidateIndex(8), {}, ["a", "b", "c"], vecs, ev, PairVerifier())
    cluster = {a.claim_id: a.cluster_id for a in res.assignments}
    assert cluster["a"] == cluster["c"] != cluster["b"]
