"""Relative clauses and lists split off (or kept whole), one row per rule (session 27): text ->
the exact claims expected as (text, speaker). Sentences written for these tests. A relative
clause given the wrong noun, or a conjunct given a subject that is not its own, is worse than a
sentence kept whole."""

from __future__ import annotations

import pytest

from claimtrack.claims.nlp import get_nlp

from claim_rows import assert_rows

# (rule, text, expected [(claim text, speaker)], expected dropped reasons or None)
TABLE = [
    # a "which" after a place inside a "from"/"in" phrase or a name's "of" phrase may be about the
    # outer noun (the war, the Parliament): the clause stays in its sentence, no claim of the place
    ("place_which", "The war in Yemen, which has entered its sixth year, was started by rebels in 2014.",
     [("The war in Yemen, which has entered its sixth year, was started by rebels in 2014", None)], {}),
    ("place_which", "All powers shall rest in a Parliament of the United Kingdom, which shall consist of two houses.",
     [("All powers shall rest in a Parliament of the United Kingdom, which shall consist of two houses", None)], {}),
    # ... but after a common noun's "of" the place is meant
    ("place_which", "Officials praised the history of Portugal, which for centuries dominated the sea trade.",
     [("Officials praised the history of Portugal", None), ("Portugal for centuries dominated the sea trade", None)], {}),
    # a "which could ..." after a verb's prepositional object may be about the whole clause (the
    # support, not the chairmanship): no claim of it; in the speaker's unquoted words it is cut
    ("modal_which", "Mayor Ana Ruiz said on Monday she will support Tom Hale for the party chairmanship, "
     "which could give Hale a majority on the board.",
     [("on Monday she will support Tom Hale for the party chairmanship", "Mayor Ana Ruiz")], {}),
    # a "who" the parse hung on a noun far before it, past other nouns, is nobody certain
    ("far_who", "The report described the competing pressures standing in the way of any settlement between a "
     "company unwilling to lose money on its flagship plant and newly organized workers — poised to strike on "
     "Monday — who refuse to accept the offer.",
     [("The report described the competing pressures standing in the way of any settlement between a company "
       "unwilling to lose money on its flagship plant and newly organized workers — poised to strike on Monday — "
       "who refuse to accept the offer", None)], {}),
    ("far_who", "A day later, a driver had struck members of the city council cycling team, injuring three riders — "
     "including Ana Ruiz, the deputy mayor of the city — who were there for a race.",
     [("A day later, a driver had struck members of the city council cycling team, injuring three riders — "
       "including Ana Ruiz — who were there for a race", None), ("Ana Ruiz is the deputy mayor of the city", None)],
     {}),
    # a cut aside takes the closing quotation mark after its comma with it
    ("aside_quote", "Some of the parents, known as “the night watch,” stood up holding signs.",
     [("Some of the parents stood up holding signs", None), ("the parents were known as “the night watch”", None)],
     {}),
    # an imperative conjunct ("but don't expect ...") is no claim and the first subject is not
    # its subject: the first clause is kept alone
    ("imperative_conjunct", "Tom Baker has dropped plans to run for mayor, but don't expect him to leave politics.",
     [("Tom Baker has dropped plans to run for mayor", None)], {}),
    # a thing acted on (passive) is not who denied, dismissed, called ...: kept whole
    ("voice_mismatch", "Ana Ruiz said that the company's email server had been hacked and denied the report as a hoax.",
     [("the company's email server had been hacked and denied the report as a hoax", "Ana Ruiz")], {}),
    # ... but the same subject may be founded and become
    ("voice_mismatch", "The city was founded in 1820 and became the state capital in 1850.",
     [("The city was founded in 1820", None), ("The city became the state capital in 1850", None)], {}),
    # a list that is the topic of one singular noun ("its message about A and B") stays whole
    ("topic_list", "The museum left out the part about paying miners and farmers as day laborers.",
     [("The museum left out the part about paying miners and farmers as day laborers", None)], {}),
    ("topic_list", "The union has chosen this month to move off its main message about wages and pensions.",
     [("The union has chosen this month to move off its main message about wages and pensions", None)], {}),
    # a noun phrase after the comma that closes an "appositive" makes it a list member: no "X is Y",
    # and the clause keeps every member
    ("list_not_appositive", "Ms. Lee kept to her numbers, citing the $2 billion deficit, a 6 percent jobless rate for "
     "12 months, and the 5,000 lost jobs.",
     [("Ms. Lee kept to her numbers, citing the $2 billion deficit, a 6 percent jobless rate for 12 months, and the "
       "5,000 lost jobs", None)], {}),
    ("list_not_appositive", "The company, a major supplier of parts, closed its plant in Ohio on Monday.",
     [("The company closed its plant in Ohio on Monday", None), ("The company is a major supplier of parts", None)], {}),
]


@pytest.fixture(scope="module", autouse=True)
def _nlp():
    get_nlp()


@pytest.mark.parametrize("rule,text,expected,dropped", TABLE, ids=[f"{r[0]}-{i}" for i, r in enumerate(TABLE)])
def test_split_rows(rule, text, expected, dropped):
    assert_rows(text, expected, dropped)
