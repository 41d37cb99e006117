"""Claims that read as whole statements: one row per fragment kind and per resolution rule.

Each row: article text -> the stored claims (as ``statement``: speaker + cue + text) and the
claim-level drop reasons counted in ``Extraction.dropped``."""

import pytest

from claimtrack.claims import extract_many

pytestmark = pytest.mark.usefixtures("nlp")

CASES = [
    # -- fragments: repaired -------------------------------------------------------------
    ("trailing conjunction stripped",
     "Adam Schiff is innocent and.",
     ["Adam Schiff is innocent"], {}),
    # -- fragments: dropped and counted --------------------------------------------------
    ("restrictive relative clause is no claim of its own",
     "Those who ask for details will be disappointed.",
     ["Those who ask for details will be disappointed"], {}),
    ("first person without a speaker",
     '"We know how to win elections."',
     [], {"unattributed_quote": 1}),  # someone's quoted words, nobody named: no claim of the narrator's
    ("speaker is a pronoun nobody can resolve",
     "Anna Lee met Tom Baker in Paris. He said that the deal was close.",
     ["Anna Lee met Tom Baker in Paris"], {"unresolved_speaker": 1}),
    ("pronoun subject nobody can resolve",
     "He will continue to serve his constituents.",
     [], {"unresolved_pronoun": 1}),
    ("infinitive without a finite verb",
     "To lose the race by so much.",
     [], None),
    # -- resolution: right, then natural -------------------------------------------------
    ("a person once per claim: the speaker is named, the pronoun stays",
     "Richard Blumenthal spoke in Norfolk. Richard Blumenthal said he had served in Vietnam.",
     ["Richard Blumenthal spoke in Norfolk", "Richard Blumenthal said he had served in Vietnam"], {}),
    ("a person once per claim: possessive after the name stays",
     "Anna Lee founded the company in 2010. She sold her stake in the firm last year.",
     ["Anna Lee founded the company in 2010", "Anna Lee sold her stake in the firm last year"], {}),
    ("a pronoun becomes the name when the claim does not name the person",
     "Anna Lee founded the company in 2010. The board praised her leadership on Monday.",
     ["Anna Lee founded the company in 2010", "The board praised Anna Lee's leadership on Monday"], {}),
    ("another person in the sentence: not certain, not resolved (and dropped)",
     "Vicente Fox spoke on Monday. He is not a Democrat, Fox said of Donald Trump.",
     ["Vicente Fox spoke on Monday"], None),
    ("gender from an honorific rules a candidate out",
     "Mr. Trump spoke on Monday. She did not address the video.",
     ["Mr. Trump spoke on Monday"], {"unresolved_pronoun": 1}),
    ("third person inside a quotation is the speaker's wording",
     'Anna Lee spoke on Monday. The board said "she will stay on as chair".',
     ["Anna Lee spoke on Monday", 'The board said "she will stay on as chair"'], {}),
]


@pytest.mark.parametrize("name,text,claims,dropped", CASES, ids=[c[0] for c in CASES])
def test_claim_quality(name, text, claims, dropped):
    res = extract_many([text])[0]
    assert [c.statement for c in res.claims] == claims
    if dropped is not None:
        claim_level = {k: v for k, v in res.dropped.items() if k not in ("fragment", "question", "headline")}
        assert claim_level == dropped
    for c in res.claims:
        assert c.original_text and text[c.char_start:c.char_end]  # evidence kept as today
        assert not c.text.lower().endswith((" and", " or", " to", " that", " the"))


def test_statement_reads_said_for_punctuation_cues_and_keeps_quote_marks():
    from claimtrack.claims.model import Claim

    c = Claim(text="We will win this state", char_start=0, char_end=1, speaker="Mike Pence", cue=":",
              quote_kind="direct")
    assert c.statement == 'Mike Pence said "We will win this state"'
    c = Claim(text="the plan is dead", char_start=0, char_end=1, speaker="Ana Ruiz", cue="―", quote_kind="indirect")
    assert c.statement == "Ana Ruiz said the plan is dead"
