"""Claim.statement: how a reported claim reads on its own (speaker + cue + content)."""

import pytest

from claimtrack.claims import extract_claims


@pytest.mark.parametrize(
    "sentence, statement",
    [
        # a function word that only opened the sentence is lower-cased after the cue
        ("The county will close the bridge on Monday, Mayor Lena Ortiz said.",
         "Lena Ortiz said the county will close the bridge on Monday"),
        ("According to the filing, From March onward the firm paid its suppliers late.",
         "According to the filing, from March onward the firm paid its suppliers late"),
        # a document resolved to whose it is says so, not "Ohio and Texas says"
        ("Ohio and Texas filed a lawsuit against the agency on Monday. “The rule harms our farmers,” the lawsuit says.",
         'According to the lawsuit from Ohio and Texas, "The rule harms our farmers"'),
        # a name opening the content keeps its capital
        ("Portugal will host the summit, the minister said.",
         "The minister said Portugal will host the summit"),
        # a quotation the claim leaves open is closed at its end: the "my" stays the speaker's
        ('The chief said he was "saddened by this decision," adding, "It has been an honor to serve my city."',
         'The chief said he was "saddened by this decision," adding, "It has been an honor to serve my city"'),
        # a direct quote keeps its marks and its capital
        ('"The plan is dead," Ortiz said.', 'Ortiz said "The plan is dead"'),
        # a free relative object ("what he says there") is no reporting aside: the quotation
        # reads whole, not cut at "trust"
        ('"For him to skip the hearing, I wouldn\'t trust what he says there," Lee said.',
         'Lee said "For him to skip the hearing, I wouldn\'t trust what he says there"'),
        # a relative clause after a name's "on" phrase is about the whole name (the reporter's aside)
        ("The clerk said the Committee on Ethics, which is led by Senator Ann Lee, received the letter.",
         "the Committee on Ethics is led by Senator Ann Lee"),
        # an intention whose pronoun speaker was resolved states the name, not the pronoun
        ("Union leaders met the mayor on Monday. They refused to drop their demand for a raise.",
         "Union leaders refused to drop their demand for a raise"),
        # ... and a subject whose pronoun was resolved keeps its own intention verb, not "His
        # visit said Barack Obama's visit will muddy ..."
        ("President Barack Obama toured a plant in Ohio on Monday. His visit to Detroit, though, "
         "threatens to muddy the talks on the budget.",
         "Barack Obama's visit to Detroit threatens to muddy the talks on the budget"),
        # a document whose words name who issued it reads as that one's (session 28)
        ("“We are disappointed by the ruling,” said the statement from Lee's attorney, Ann Rowe.",
         'According to the statement from Ann Rowe, "We are disappointed by the ruling"'),
        # a counted group speaker named by the one list the article gives for its act (session 28)
        ("Two airlines sued the agency on Friday, saying the new fee was unlawful. "
         "The suit from Delta and United asks a judge to block the fee.",
         "Delta and United said the new fee was unlawful"),
    ],
)
def test_statement_reads_as_one_sentence(sentence, statement):
    statements = [c.statement for c in extract_claims(sentence)]
    assert statement in statements, statements


def test_statement_without_speaker_is_the_text():
    (claim,) = extract_claims("The bridge closed on Monday after the flood.")
    assert claim.speaker is None
    assert claim.statement == claim.text == "The bridge closed on Monday after the flood"


@pytest.mark.parametrize(
    "sentence",
    [
        # an if/whether clause under ask/wonder/question is only asked about: no intention
        # ("the city will close the schools") is read off it (session 28)
        "The storm led the mayor to ask the council if the city planned to close the schools.",
        "He wondered if the council planned to raise taxes.",
        "Reporters questioned whether the senator intended to run again.",
    ],
)
def test_asked_about_intention_is_no_claim(sentence):
    texts = [c.text for c in extract_claims(sentence)]
    assert not any(" will " in t for t in texts), texts


def test_intention_outside_a_question_stays():
    texts = [c.text for c in extract_claims("The city council planned to raise taxes in May.")]
    assert texts == ["The city council will raise taxes in May"], texts


def test_double_apostrophe_quote_is_closed_at_the_claim_edge():
    # NYT texts write a quotation mark as two apostrophes ('' ... ''): a claim that cuts the
    # quotation keeps it balanced, as with '"' (session 28)
    from claimtrack.claims.extract import render
    from claimtrack.claims.nlp import get_nlp

    doc = get_nlp()("Ann Lee said the fee ''is a gift to landlords,'' and then she left the room.")
    toks = [t.text for t in doc]
    start, end = toks.index("the"), toks.index("landlords") + 1
    assert render(doc, list(range(start, end)), {}) == "the fee ''is a gift to landlords''"
