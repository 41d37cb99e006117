"""One test per construction the v1 extractor handles, on sentences written for the test."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import extract_claims
from claimtrack.claims import extract_many

pytestmark = pytest.mark.usefixtures("nlp")


def only(text):
    claims = extract_claims(text)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def test_span_is_the_evidence():
    text = "The council approved the budget on Tuesday."
    c = only(text)
    assert text[c.char_start : c.char_end] == c.text == "The council approved the budget on Tuesday"


def test_abbreviations_and_newlines_do_not_split_wrongly():
    text = "Mr. Smith met U.S. officials in Washington on Monday.\nThe meeting lasted two hours."
    claims = extract_claims(text)
    assert [c.text for c in claims] == [
        "Mr. Smith met U.S. officials in Washington on Monday",
        "The meeting lasted two hours",
    ]
    assert claims[1].sentence_idx == 1


def test_direct_quote_with_cue_after():
    text = '"It was a very serious conversation," added the Kremlin adviser.'
    c = only(text)
    assert c.text == "It was a very serious conversation"
    assert c.speaker == "the Kremlin adviser" and c.cue == "added" and c.quote_kind == "direct"
    assert text[c.char_start : c.char_end] == c.text


def test_indirect_speech_that_clause():
    c = only("The mayor said that the bridge would reopen in May.")
    assert c.text == "the bridge would reopen in May"
    assert c.speaker == "The mayor" and c.cue == "said" and c.quote_kind == "indirect"


def test_according_to_at_the_end_and_start():
    c = only("Twelve people were injured in the fire, according to the fire department.")
    assert c.text == "Twelve people were injured in the fire"
    assert c.speaker == "the fire department" and c.cue == "according to"
    c = only("According to the police, the suspect fled on foot.")
    assert c.text == "the suspect fled on foot" and c.speaker == "the police"


def test_other_cue_verbs():
    c = only("The minister warned that prices could rise again next year.")
    assert c.speaker == "The minister" and c.cue == "warned" and c.hedge == "could"
    c = only("Officials told reporters the road had been closed since noon.")
    assert c.speaker == "Officials" and c.cue == "told"


def test_coordinated_independent_clauses_are_split():
    claims = extract_claims("The company cut 200 jobs, and its chief executive resigned on Friday.")
    assert [c.text for c in claims] == ["The company cut 200 jobs", "the company's chief executive resigned on Friday"]


def test_shared_subject_is_carried_to_the_second_clause():
    claims = extract_claims("Russia hailed the talks but deemed it premature to discuss a summit.")
    assert [c.text for c in claims] == ["Russia hailed the talks", "Russia deemed it premature to discuss a summit"]


def test_participial_speech_addon_becomes_a_claim():
    claims = extract_claims('"The talks were useful," added the adviser, noting that the meeting lasted four and a half hours.')
    assert [c.text for c in claims] == ["The talks were useful", "the meeting lasted four and a half hours"]
    assert claims[1].speaker == "the adviser" and claims[1].numbers == ["4.5 hour"]


@pytest.mark.parametrize(
    "text",
    [
        "Will the council approve the plan?",
        "By Jane Doe",
        "Photo: Reuters",
        "Subscribe to our newsletter for daily updates.",
        "More to come.",
    ],
)
def test_non_claims_are_dropped_and_counted(text):
    res = extract_many([text])[0]
    assert res.claims == []
    assert sum(res.dropped.values()) == 1


def test_typed_fields():
    c = only("Officials did not confirm that 15 people were injured.")
    assert c.polarity == "negative"
    c = only("The city will borrow $480 million to repair 61 bridges.")
    assert c.numbers == ["480000000 usd", "61 bridge"]
    c = only("Prices reportedly rose 3.5% in March.")
    assert c.hedge == "reportedly" and c.numbers == ["3.5 percent"]
    c = only("Secretary of State Marco Rubio met Sergei Lavrov in Riyadh on Tuesday.")
    assert "GPE:Riyadh" in c.entities and "DATE:Tuesday" in c.entities
    assert any(e.startswith("PERSON:") for e in c.entities)


def test_dateline_is_not_part_of_the_claim():
    c = only("RIYADH (Civic Wire) - The talks lasted three hours.")
    assert c.text == "The talks lasted three hours"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=300))
def test_any_unicode_gives_valid_spans(text):
    for c in extract_claims(text):
        assert 0 <= c.char_start < c.char_end <= len(text)
        assert c.text.strip()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "The mayor said the bridge would reopen.", '"We are ready," she added.', "\n", "Mr. Lee",
    "¿Qué pasa?", "🚀🔥", "שלום עולם", " and ", "According to", ",", '"', "3.5%", "four and a half",
]), max_size=12).map("".join))
def test_news_like_fragments_never_crash(text):
    for c in extract_claims(text):
        assert 0 <= c.char_start < c.char_end <= len(text)
