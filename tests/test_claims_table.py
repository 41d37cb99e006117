"""Sentence -> expected claims, one row per construction (grows with every fix).

Each row names the rule module it exercises (claimtrack/claims/<module>.py), the text, the
granularity, and the exact claims expected as (text, speaker) -- a changed rule that breaks
a row fails here with the sentence in the test id."""

from __future__ import annotations

import pytest

from claimtrack.claims import extract_many
from claimtrack.claims.nlp import get_nlp

# (module, text, granularity, expected [(claim text, speaker)], expected dropped reasons or None)
TABLE = [
    # coordination: a subject list splits when the verb reads the same with one subject
    ("coordination", "Smith and Jones arrived in Paris on Monday.", "clause",
     [("Smith arrived in Paris on Monday", None), ("Jones arrived in Paris on Monday", None)], None),
    # coordination: conjoined objects with one shared verb, each a separate fact
    ("coordination", "The company fired its chief executive and its finance director.", "clause",
     [("The company fired its chief executive", None), ("The company fired its finance director", None)], None),
    # coordination: two verbs under one "hopes to"
    ("coordination", "Rose hopes to build on the display and take some big titles across the year.", "clause",
     [("Rose hopes to build on the display", None), ("Rose hopes to take some big titles across the year", None)], None),
    # coordination: a symmetric verb keeps its list ("met Putin and Macron" may be one meeting)
    ("coordination", "The senator met Putin and Macron in Riyadh.", "clause",
     [("The senator met Putin and Macron in Riyadh", None)], None),
    # attribution: a list of speakers is the speaker, not its last member
    ("attribution", "Smith and Jones have said the deal is dead.", "clause",
     [("the deal is dead", "Smith and Jones")], None),
    # relative: a non-restrictive relative clause is a claim of its own, cut from the main one
    ("relative", "Prosecutors say the men, who were arrested in March, stole $2 million.", "clause",
     [("the men stole $2 million", "Prosecutors"), ("the men were arrested in March", "Prosecutors")], None),
    # relative: a restrictive relative clause stays inside its claim
    ("relative", "The people who ask for details were ignored.", "clause",
     [("The people who ask for details were ignored", None)], None),
    # relative: a reporting subject before a name is no title ("Moschetto is Authorities allege")
    ("relative", "Authorities allege Moschetto hired accomplices to burn down the practice.", "clause",
     [("Authorities allege Moschetto hired accomplices to burn down the practice", None)], None),
    # fragments: a past tense the tagger calls VBN gets no inserted "was"
    ("fragments", "The bridge reopened on Monday after repairs.", "clause",
     [("The bridge reopened on Monday after repairs", None)], None),
    # relative: a participial modifier between commas is a claim of its own, cut from the main one
    ("relative", "The delegation, led by Senator John Smith, arrived in Kyiv on Tuesday.", "clause",
     [("The delegation arrived in Kyiv on Tuesday", None),
      ("The delegation was led by Senator John Smith", None)], None),
    # a leading topic phrase stays in the stored clause: it carries what the claim is about
    # (cutting it lost the seeds' planted same claim "delegations ... on Ukraine")
    ("relative", "On the Ukrainian issue, both parties agreed to form specific delegations of negotiators.", "clause",
     [("On the Ukrainian issue, both parties agreed to form specific delegations of negotiators", None)], None),
    # resolution: "he" after a person who is the sentence's object is not resolved to them
    ("resolution", "The sheriff thanked Smith before he left the building in a hurry.", "clause",
     [("The sheriff thanked Smith before he left the building in a hurry", None)], None),
    # resolution: "the president" is the president the article named; "the vice president" and
    # "the president of the board" are someone else
    ("resolution", "President Barack Obama spoke on Monday. The president signed the bill on Tuesday.", "clause",
     [("President Barack Obama spoke on Monday", None), ("Barack Obama signed the bill on Tuesday", None)], None),
    ("resolution", "President Barack Obama met Joe Biden on Monday. The vice president dominated the debate on Tuesday.",
     "clause", [("President Barack Obama met Joe Biden on Monday", None),
                ("The vice president dominated the debate on Tuesday", None)], None),
    ("resolution", "President Barack Obama spoke on Monday. The president of the board of trustees received a letter "
     "on Tuesday.", "clause", [("President Barack Obama spoke on Monday", None),
                               ("The president of the board of trustees received a letter on Tuesday", None)], None),
    # facets (atomic): core, then the core with each modifier; a subject list splits first
    ("facets", "Smith and Jones arrived in Paris on Monday.", "atomic",
     [("Smith arrived in Paris", None), ("Smith arrived in Paris on Monday", None),
      ("Jones arrived in Paris", None), ("Jones arrived in Paris on Monday", None)], None),
]


@pytest.fixture(scope="module", autouse=True)
def _nlp():
    get_nlp()


@pytest.mark.parametrize("module,text,granularity,expected,dropped", TABLE,
                         ids=[f"{m}:{t[:40]}:{g}" for m, t, g, _, _ in TABLE])
def test_table(module, text, granularity, expected, dropped):
    res = extract_many([text], granularity=granularity)[0]
    got = [(c.text, c.speaker) for c in res.claims]
    assert got == expected
    if dropped is not None:
        assert res.dropped == dropped


def test_subject_split_agreement():
    """coordination.subject_split_agrees: plural verb forms block a subject-list split."""
    from claimtrack.claims.coordination import subject_split_agrees

    nlp = get_nlp()
    for sent, verb, ok in [("Smith and Jones arrived.", "arrived", True),
                           ("Smith and Jones will speak.", "speak", True),
                           ("Smith and Jones have left.", "left", False),
                           ("Smith and Jones say it.", "say", False)]:
        doc = nlp(sent)
        tok = next(t for t in doc if t.text == verb)
        assert subject_split_agrees(tok) is ok, sent


def test_agreeing_list_never_yields_plural_verb_for_one_member():
    res = extract_many(["Smith and Jones have left the party."])[0]
    assert not any(c.text.startswith(("Smith have", "Jones have")) for c in res.claims)


def test_headline_passive_gets_its_auxiliary():
    """fragments.headline_copula: "X arrested by Y" (a headline) -> "X was arrested by Y"."""
    from claimtrack.claims.fragments import headline_copula
    from claimtrack.claims.units import Unit

    doc = get_nlp()("Teenager arrested by police after a tip-off.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    pieces = list(range(len(doc)))
    out = headline_copula(doc, Unit(pieces, root), pieces)
    if root.tag_ == "VBN" and any(c.dep_ == "agent" for c in root.children):
        assert "was" in out and out.index("was") == root.i
    else:  # the parse did not see a passive root: nothing is inserted
        assert out == pieces
