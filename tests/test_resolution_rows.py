"""Pronoun and description resolution, one row per rule (session 26): text -> the exact claims
expected as (text, speaker). Sentences written for these tests. A wrong name is worse than a
pronoun, so most rules come with a row where the pronoun must stay unresolved (and the claim is
dropped) because someone else could be meant."""

from __future__ import annotations

import pytest

from claimtrack.claims.nlp import get_nlp
from claimtrack.claims.resolve import Context

from claim_rows import assert_rows

# (rule, text, expected [(claim text, speaker)], expected dropped reasons or None)
TABLE = [
    # a known surname the tagger took for a common noun ("Trump" a NOUN at the sentence start)
    # is still the person: "his" is the one person the claim names, and the claim is kept
    ("surname_slip", "Donald Trump spoke in Ohio on Monday. Trump has faced questions about a charity that bears his name.",
     [("Donald Trump spoke in Ohio on Monday", None),
      ("Trump has faced questions about a charity that bears his name", None)], {}),
    # a name the tagger gave no entity type after the pronoun ("Oz") may be whom "his" means:
    # not resolved to the one person of the sentence before
    ("unknown_name_after", "Mehmet Oz will interview Donald Trump on Thursday. Donald Trump praised the show on Monday. "
     "His medical degree has not shielded Oz from critics.",
     [("Mehmet Oz will interview Donald Trump on Thursday", None), ("Donald Trump praised the show on Monday", None)],
     {"unresolved_pronoun": 1}),
    # a person named inside the phrase a his/her owns is not its owner ("several of his heroes,
    # including ...", "his meeting with Vladimir Putin"): "his" is the speaker
    ("owned_phrase", "The new library, Mr. Lee said, honors several of his heroes, including the singer Nat King Cole "
     "and the pitcher Satchel Paige.",
     [("The new library honors several of his heroes, including the singer Nat King Cole and the pitcher Satchel Paige",
       "Lee")], {}),
    ("owned_phrase", "Tom Lee visited the museum on Monday. The exhibit, he said, honors his meeting with Vladimir Putin in 2015.",
     [("Tom Lee visited the museum on Monday", None),
      ("The exhibit honors his meeting with Vladimir Putin in 2015", "Tom Lee")], {}),
    # ... but a person named outside it still makes the owner uncertain
    ("owned_phrase", "Tom Lee visited the museum on Monday. The exhibit honors his paintings, Vladimir Putin said.",
     [("Tom Lee visited the museum on Monday", None)], {"unresolved_pronoun": 1}),
    # (session 28) ... also when the parse hangs the later names of an "including" list that
    # runs to the sentence's end elsewhere: the people listed are the owned ones
    ("owned_phrase", "The museum, Mr. Lee said, celebrated several of his heroes, including the musician Nat Cole, "
     "the baseball player Willie Mays and the Supreme Court justice Thurgood Marshall.",
     [("The museum celebrated several of his heroes, including the musician Nat Cole, the baseball player Willie Mays "
       "and the Supreme Court justice Thurgood Marshall", "Lee")], {}),
    # ... but not when the list is followed by a clause of its own (Marshall may be "his" owner)
    ("owned_phrase", "The museum, Mr. Lee said, celebrated several of his heroes, including the musician Nat Cole, "
     "and Thurgood Marshall praised it.", [], {"unresolved_pronoun": 2}),
    # (session 28) a newspaper, a report or a plural noun as the speaker is no "him": the
    # pronoun for the person its claim names before it stays as worded (not dropped) ...
    ("thing_speaker", "The Times wrote that Tom Baker had claimed a loss in 1995, which could have allowed him to "
     "avoid paying taxes.",
     [("Tom Baker had claimed a loss in 1995, which could have allowed him to avoid paying taxes", "The Times")], {}),
    ("thing_speaker", "Prosecutors said Tom Baker had claimed a loss in 1995, which allowed him to avoid paying taxes.",
     [("Tom Baker had claimed a loss in 1995, which allowed him to avoid paying taxes", "Prosecutors")], {}),
    # ... but a he carried from the sentence before is not named for such a speaker (the
    # article's one "Baker" may be another Baker than the one meant)
    ("thing_speaker", "Officers saw Tom Baker get out of a car with a handgun. Police say he posed a deadly threat.",
     [("Officers saw Tom Baker get out of a car with a handgun", None)], {"unresolved_pronoun": 1}),
    # a party label after a name ("(R)") is nobody else the pronoun could mean
    ("party_label", "Gov. Tom Baker (R) said the vote showed that voters trust him.",
     [("the vote showed that voters trust him", "Tom Baker")], {}),
    # a wire dateline's place names ("AUGUSTA, Me. —") and an appositive describing the person
    # named ("Tom Baker, the embattled governor of the state") are nobody else
    ("dateline_appositive", "AUGUSTA, Me. — Tom Baker, the embattled governor of the state, declared on Wednesday that "
     "criticism had prompted him to hint that he might leave.",
     [("Tom Baker is the embattled governor of the state", None),
      ("criticism had prompted him to hint that he might leave", "Tom Baker")], {}),
    # ... but an appositive of a name the tagger did not call a person is no such description:
    # "his client" is not Strzok's
    ("dateline_appositive", "Peter Strzok was fired on Monday. Aitan Goelman, Mr. Strzok’s lawyer, denounced his client’s dismissal.",
     [("Peter Strzok was fired on Monday", None), ("Aitan Goelman is Mr. Strzok’s lawyer", None)],
     {"unresolved_pronoun": 1}),
    # (session 27) a description resolves to the one person the article gave that title or
    # appositive, with each of its modifiers: "House Speaker Ann Rowe" is "the House speaker"
    ("described_title", "House Speaker Ann Rowe met union leaders on Monday. “We will not back down,” the House speaker said.",
     [("House Speaker Ann Rowe met union leaders on Monday", None), ("We will not back down", "Ann Rowe")], {}),
    # an appositive in the speaker's own sentence, and one before: "the league's executive director"
    ("described_appositive", "“The plan is reckless,” the council's chairman, Tom Baker, said on Tuesday.",
     [("the council's chairman is Tom Baker", None), ("The plan is reckless", "Tom Baker")], {}),
    ("described_appositive", "Ann Rowe, the league's executive director, spoke on Monday. "
     "The league's executive director said the season would start in May.",
     [("Ann Rowe spoke on Monday", None), ("Ann Rowe is the league's executive director", None),
      ("the season would start in May", "Ann Rowe")], {}),
    # the one person named in apposition to the speaker mention, whatever its noun
    ("described_appositive", "“The crash was preventable,” one of the women, Ann Rowe, said in an interview after the event.",
     [("The crash was preventable", "Ann Rowe")], {}),
    ("described_appositive", "“The crash was preventable,” two of the women, Ann Rowe and Lisa Kay, said on Monday.",
     [("The crash was preventable", "two of the women")], None),
    # as a claim's subject: a party word fits a governor whose party the article does not contradict
    ("described_subject", "Republican Gov. Tom Baker signed the budget on Monday. "
     "The Republican governor has vetoed three bills this year.",
     [("Republican Gov. Tom Baker signed the budget on Monday", None),
      ("Tom Baker has vetoed three bills this year", None)], {}),
    # a document as the speaker: whose the article says it is ("Acme Corp. said in a statement",
    # "Ohio and Texas filed a lawsuit"), only when the article names one owner for that kind
    ("document_owner", "Acme Corp. said in a statement that it would appeal the ruling. "
     "“We are confident in our case,” the statement said.",
     [("it would appeal the ruling", "Acme Corp."), ("We are confident in our case", "Acme Corp.")], {}),
    ("document_owner", "Ohio and Texas filed a lawsuit against the agency on Monday. “The rule harms our farmers,” the lawsuit says.",
     [("Ohio and Texas filed a lawsuit against the agency on Monday", None),
      ("The rule harms our farmers", "Ohio and Texas")], {}),
    # (session 28) a document whose own words name who issued it ("the statement from Lee's
    # attorney, Ann Rowe"; "the lawsuit from Ohio and Texas") is that name's; an owner named by
    # no name ("the union's lawyers") is not
    ("document_from", "“We are disappointed by the ruling,” said the statement from Lee's attorney, Ann Rowe.",
     [("Lee's attorney is Ann Rowe", None), ("We are disappointed by the ruling", "Ann Rowe")], {}),
    ("document_from", "The lawsuit from Ohio and Texas argues the rule is unlawful.",
     [("the rule is unlawful", "Ohio and Texas")], {}),
    ("document_from", "“We are disappointed by the ruling,” said the statement from the union's lawyers.",
     [("We are disappointed by the ruling", "the statement from the union's lawyers")], {}),
    # (session 28) a plural document is owned by those who issued documents of that kind,
    # in the plural ("sent letters", "said in statements")
    ("document_owner_plural", "Acme Corp. and Beta Inc. sent letters to the agency on Monday. "
     "“The rule is unlawful,” the letters said.",
     [("Acme Corp. sent letters to the agency on Monday", None), ("Beta Inc. sent letters to the agency on Monday", None),
      ("The rule is unlawful", "Acme Corp. and Beta Inc.")], {}),
    # (session 28) a counted group ("Two farm states") as a speaker or subject: the one list
    # of as many names of its kind (places for states) that the article gives for the same
    # act ("sued" / "the suit from"), once the whole article is read
    ("counted_group", "Two farm states sued the agency on Monday, saying the new rule would ruin growers. "
     "The suit from Kansas and Iowa asks a federal court to block the rule.",
     [("Kansas and Iowa sued the agency on Monday", None), ("the new rule would ruin growers", "Kansas and Iowa"),
      ("a federal court should block the rule", "Kansas and Iowa")], {}),
    ("counted_group", "Two dairy states sued the agency on Monday. The suit was filed by Vermont and Wisconsin in a federal court.",
     [("Vermont and Wisconsin sued the agency on Monday", None),
      ("The suit was filed by Vermont and Wisconsin in a federal court", None)], {}),
    # (companies for "airlines")
    ("counted_group", "Two airlines sued the agency on Friday, saying the new fee was unlawful. "
     "The suit from Delta and United asks a judge to block the fee.",
     [("Delta and United sued the agency on Friday", None), ("the new fee was unlawful", "Delta and United"),
      ("a judge should block the fee", "Delta and United")], {}),
    # (session 29, QA of rules-v13) a he/she with nobody named before it in its sentence, after a
    # sentence naming several people, is NOT the one whose known gender fits: an unnamed person
    # there ("a nurse", "the widow", "the queen") is invisible to such a pick, and a first name
    # is no certain gender ("Chris Evert", "Lynn Swann")
    ("gender_pick", "Tom Baker attacked Ann Ruiz at a rally on Monday. She has raised $2 million for the race since June.",
     [("Tom Baker attacked Ann Ruiz at a rally on Monday", None)], {"unresolved_pronoun": 1}),
    ("gender_pick", "Tom Baker and Ann Lee visited a nurse at the county hospital on Monday. She said the ward had been "
     "short of staff for a year.",
     [("Tom Baker and Ann Lee visited a nurse at the county hospital on Monday", None)], {"unresolved_speaker": 1}),
    ("gender_pick", "Lindsey Vonn and Tom Baker finished first and second in the race on Sunday. He said the course had "
     "been icy all week.", [("Lindsey Vonn finished first and second in the race on Sunday", None),
                            ("Tom Baker finished first and second in the race on Sunday", None)],
     {"unresolved_speaker": 1}),
    ("gender_pick", "Tom Baker attacked Jordan Ruiz at a rally on Monday. He has raised $2 million for the race since June.",
     [("Tom Baker attacked Jordan Ruiz at a rally on Monday", None)], {"unresolved_pronoun": 1}),
    ("gender_pick", "Tom Baker and Ann Ruiz debated Mike Cole in Dayton on Tuesday. He has raised $2 million for the race "
     "since June.", [("Tom Baker debated Mike Cole in Dayton on Tuesday", None),
                     ("Ann Ruiz debated Mike Cole in Dayton on Tuesday", None)], {"unresolved_pronoun": 1}),
    ("gender_pick", "Tom Baker attacked the senator at a rally on Monday. She has raised $2 million for the race since June.",
     [("Tom Baker attacked the senator at a rally on Monday", None)], {"unresolved_pronoun": 1}),
    ("gender_pick", "Tom Baker met Ann Ruiz and a reporter in Dayton on Monday. She has raised $2 million for the race "
     "since June.", [("Tom Baker met Ann Ruiz and a reporter in Dayton on Monday", None)], {"unresolved_pronoun": 1}),
    ("gender_pick", "Tom Baker met Ann Ruiz and her husband in Dayton on Monday. He has raised $2 million for the race "
     "since June.", [("Tom Baker met Ann Ruiz and her husband in Dayton on Monday", None)], {"unresolved_pronoun": 1}),
    ("gender_pick", "Ann Ruiz spoke in Dayton on Monday. Tom Baker and Jane Cole thanked her at the rally. She has raised "
     "$2 million for the race since June.", [("Ann Ruiz spoke in Dayton on Monday", None)], {"unresolved_pronoun": 3}),
    # (session 29) a sentence opening on "Said Ellis:" (the tagger took "Said" into the name) names
    # Ellis, the article's Tom Ellis, not a second Ellis that makes a later "Mr. Ellis" uncertain ...
    ("said_lead", "Tom Ellis spoke in Dayton on Monday. Said Ellis: “We will win this race in November.” Mr. Ellis added "
     "that taxes were too high in Ohio.",
     [("Tom Ellis spoke in Dayton on Monday", None), ("taxes were too high in Ohio", "Tom Ellis")], None),
    # ... but a first name "Said" stays one
    ("said_lead", "Said Jalili spoke in Tehran on Monday. Said Jalili: “We will win this race in November.” Jalili added "
     "that the talks had stalled in June.",
     [("Said Jalili spoke in Tehran on Monday", None), ("the talks had stalled in June", "Said Jalili")], None),
    ("gender_pick", "Tom Baker and Jane Cole thanked her at the rally on Monday. She has raised $2 million for the race "
     "since June.", [], {"unresolved_pronoun": 3}),
    ("gender_pick", "Tom Baker spoke about Ann Ruiz's record on Monday. The crowd in Dayton booed loudly. She has raised "
     "$2 million for the race since June.", [("Tom Baker spoke about Ann Ruiz's record on Monday", None),
                                             ("The crowd in Dayton booed loudly", None)], {"unresolved_pronoun": 1}),
    ("gender_pick", "Ann Ruiz spoke in Dayton on Monday. Tom Baker and Jane Cole thanked the crowd at the rally. She has "
     "raised $2 million for the race since June.",
     [("Ann Ruiz spoke in Dayton on Monday", None), ("Tom Baker thanked the crowd at the rally", None),
      ("Jane Cole thanked the crowd at the rally", None)], {"unresolved_pronoun": 1}),
    # (session 29, post-freeze) the he of a reported clause after another man in view between the
    # speaker and it -- a "him" outside the claim, or a man named as the object of the speaker's
    # own act -- may be that man: not kept for the speaker, the claim is dropped ...
    ("other_in_view", "Tom Baker, a lawyer from Ohio, defeated Mr. Cole, often attacking him for being weak on crime "
     "and arguing that he backed early release for violent offenders.",
     [("Tom Baker defeated Mr. Cole", None), ("Tom Baker is a lawyer from Ohio", None)], {"unresolved_pronoun": 1}),
    ("other_in_view", "Tom Baker, a lawyer from Ohio, defeated Jim Cole in the primary, arguing that he backed early "
     "release for violent offenders.",
     [("Tom Baker defeated Jim Cole in the primary", None), ("Tom Baker is a lawyer from Ohio", None)],
     {"unresolved_pronoun": 1}),
    # ... but the only man in view, a listener, a man of the sentence before, or a woman in view
    # leave it the speaker's (tried: a man who was the subject of the sentence before also
    # blocking it lost 24 good claims on BASIL dev, "Kerry said Tuesday that he would be in
    # Switzerland" after Biden: withdrawn)
    ("other_in_view", "Tom Baker ran for governor in Ohio. Baker said he would win the race in November.",
     [("Tom Baker ran for governor in Ohio", None), ("he would win the race in November", "Tom Baker")], {}),
    ("other_in_view", "Tom Baker told Jim Cole on Monday that he would back the bill.",
     [("he would back the bill", "Tom Baker")], {}),
    ("other_in_view", "Tom Baker defeated Jim Cole in the primary. Baker said he would run again in 2020.",
     [("Tom Baker defeated Jim Cole in the primary", None), ("he would run again in 2020", "Tom Baker")], {}),
    ("other_in_view", "Tom Baker defeated Ann Lee, often attacking her record on crime and arguing that he would be "
     "tougher on violent offenders.",
     [("Tom Baker defeated Ann Lee", None), ("he would be tougher on violent offenders", "Tom Baker")], {}),
]


@pytest.fixture(scope="module", autouse=True)
def _nlp():
    get_nlp()


@pytest.mark.parametrize("rule,text,expected,dropped", TABLE, ids=[f"{r}:{t[:40]}" for r, t, _, _ in TABLE])
def test_table(rule, text, expected, dropped):
    assert_rows(text, expected, dropped)


# (session 27) where a description or document must NOT become a name: two governors; a
# candidate for "the president"; another office ("the foreign minister" after "Prime Minister
# Ann Rowe"); another party; no explicit link ("the tea party-backed candidate"); two owners of
# a statement; a suit nobody is said to have filed. (Whether such a claim is kept with its
# description as the speaker or dropped is the filters' business: only the name is checked.)
NOT_RESOLVED = [
    ("Gov. Tom Baker met Gov. Ann Rowe on Monday. The governor said the deal was close.", "the deal was close"),
    ("Tom Baker campaigned in Ohio on Monday. The president said the economy was strong.", "the economy was strong"),
    # (the sentence before's one person is no executive director: rules-v10 gave the senator)
    ("Senator Ann Lee backed the bill on Monday. The union's executive director said the bill hurts workers.",
     "the bill hurts workers"),
    ("Prime Minister Ann Rowe arrived in Paris on Monday. The foreign minister said the talks would resume.",
     "the talks would resume"),
    ("Democratic Gov. Ann Rowe vetoed the bill on Monday. The Republican governor said the veto was a mistake.",
     "the veto was a mistake"),
    ("Tom Baker won the primary on Tuesday. The tea party-backed candidate thanked the volunteers in Richmond.",
     "thanked the volunteers in Richmond"),
    ("Acme Corp. said in a statement that it would appeal the ruling. The union issued a statement too. "
     "“We are confident in our case,” the statement said.", "We are confident in our case"),
    ("A lawsuit was filed against the agency on Monday. Acme Corp. sued too. “The rule harms our farmers,” the lawsuit says.",
     "The rule harms our farmers"),
    # another committee's chairman: the possessor's own words ("Senate") must fit the title too
    ("The housing committee's chairman, Representative Ann Rowe, wrote to the agency on Monday. "
     "The Senate housing committee's chairman said the agency had failed to answer.", "the agency had failed to answer"),
    ("The House Ethics Committee's chairman, Tom Baker, opened an inquiry on Monday. "
     "The Senate Ethics Committee's chairman said the inquiry was premature.", "the inquiry was premature"),
    # (session 28) a singular document after plural ones is one of them, whose? And a plural
    # after one owner's single statement is not certainly that owner's
    ("Ann Lee and Tom Baker said in statements on Monday that the deal was fair. “We will keep talking,” the statement said.",
     "We will keep talking"),
    ("Acme Corp. said in a statement on Monday that it would appeal. “We will keep talking,” the statements said.",
     "We will keep talking"),
    # (session 28) "the spokesperson" after "A spokesperson for Ann Rowe fired back" is that one,
    # not the person quoted last (rules-v12 gave Baker)
    ("Tom Baker said on Monday that the plan would fail. A spokesperson for Ann Rowe fired back on Tuesday. "
     "The spokesperson also praised Rowe's record on taxes.", "also praised Rowe's record"),
]

# (session 28) a counted group that must keep its words, as speaker and as subject: another
# list of as many names of the kind; no shared act ("grow wheat" is not "sued"); another count;
# "two other states" (not those named); "Both states said" (saying is no shared act); a list of
# another kind (companies are no states)
GROUP_NOT_RESOLVED = [
    "Two farm states sued the agency on Monday, saying the new rule would ruin growers. The suit from Kansas and "
    "Iowa asks a federal court to block the rule. Texas and Ohio filed a suit too.",
    "Two farm states sued the agency on Monday, saying the new rule would ruin growers. "
    "Kansas and Iowa grow most of the country's wheat.",
    "Three farm states sued the agency on Monday, saying the new rule would ruin growers. "
    "The suit from Kansas and Iowa asks a federal court to block the rule.",
    "Two other states sued the agency on Monday, saying the new rule would ruin growers. "
    "The suit from Kansas and Iowa asks a federal court to block the rule.",
    "Kansas and Iowa filed a challenge to the rule on Monday. Both states said the rule would ruin growers.",
    "Two states sued the agency on Monday, saying the rule was unlawful. The suit from Acme Corp. and Beta Inc. "
    "asks a judge to block the rule.",
    # (QA of rules-v12) a list that tells of another occasion: "last year", "a separate case", a year
    "Two farm states sued the agency on Monday, saying the new rule would ruin growers. "
    "Last year, Texas and Ohio sued the agency over a different rule.",
    "Two farm states sued the agency on Monday, saying the new rule would ruin growers. "
    "In a separate case, Texas and Ohio sued the agency in 2019.",
]

# (QA of rules-v12) a counted group as subject that a list of the same kind and count must not
# name: a shared verb alone is no shared act ("were charged", "were fined"), a different thing
# ("a pact" / "a statement criticising the pact"), another occasion ("last year", "separate")
GROUP_SUBJECT_NOT_RESOLVED = [
    "Two senators were charged with fraud on Monday. Last year, Senators Tom Baker and Ann Rowe were charged "
    "with fraud in another case and later acquitted.",
    "Two banks were fined $10 million on Tuesday for hiding losses. Acme Bank and Beta Bank were fined in 2019 "
    "for similar conduct.",
    "Two banks were fined $10 million on Tuesday for hiding losses. Acme Bank and Beta Bank were fined too.",
    "Three countries signed a trade pact on Friday. France, Germany and Italy signed a statement criticising the pact.",
]


@pytest.mark.parametrize("text", GROUP_SUBJECT_NOT_RESOLVED, ids=[t[:40] for t in GROUP_SUBJECT_NOT_RESOLVED])
def test_counted_group_subject_not_resolved(text):
    from claimtrack.claims import extract_many

    claims = extract_many([text])[0].claims
    assert any(c.original_text.split()[0] in ("Two", "Three") for c in claims)
    for c in claims:
        if c.original_text.split()[0] in ("Two", "Three"):
            assert c.text == c.original_text, c.text


@pytest.mark.parametrize("text", GROUP_NOT_RESOLVED, ids=[t[:40] for t in GROUP_NOT_RESOLVED])
def test_counted_group_not_resolved(text):
    from claimtrack.claims import extract_many

    claims = extract_many([text])[0].claims
    groups = [c for c in claims if c.speaker_mention and c.speaker_mention.split()[0] in ("Two", "Three", "Both")]
    assert groups
    for c in groups:
        assert c.speaker == c.speaker_mention, (c.text, c.speaker)
    for c in claims:
        if c.original_text.split()[0] in ("Two", "Three", "Both"):
            assert c.text == c.original_text


@pytest.mark.parametrize("text,words", NOT_RESOLVED, ids=[t[:40] for t, _ in NOT_RESOLVED])
def test_description_not_resolved(text, words):
    from claimtrack.claims import extract_many

    for c in extract_many([text])[0].claims:
        if words in c.original_text:
            assert c.speaker in (None, c.speaker_mention), (c.text, c.speaker)
            assert c.text == c.original_text


def test_epithet_before_a_first_name_is_no_fuller_name():
    # "Crooked Karen Lowe" (a quoted nickname) does not become the person's name
    ctx = Context()
    ctx.add_person("Karen Lowe", set(), "f")
    ctx.add_person("Crooked Karen Lowe", set(), None)
    assert [p.name for p in ctx.people] == ["Karen Lowe"]
    # a fuller name still grows ("Karen Ann Lowe" is not an epithet)
    ctx.add_person("Karen Ann Lowe", set(), None)
    assert [p.name for p in ctx.people] == ["Karen Ann Lowe"]
    # seen first with a word before the first name (a headline's "Critics Slam Karen Lowe"),
    # the person takes the plain name once it is seen
    ctx = Context()
    ctx.add_person("Slam Karen Lowe", set(), None)
    ctx.add_person("Karen Lowe", set(), "f")
    assert [p.name for p in ctx.people] == ["Karen Lowe"]


def test_gender_of_a_name_that_grew_since():
    # a sentence recorded "Karen Lowe"; the person's name has since grown: "he" still does not fit her
    ctx = Context()
    ctx.add_person("Karen Lowe", set(), "f")
    ctx.add_person("Karen Ann Lowe", set(), None)
    assert not ctx.gender_fits("Karen Lowe", "he")
    assert ctx.gender_fits("Karen Lowe", "she")


def test_person_entity_cut_at_its_possessive():
    # the tagger's "Clinton’s van" as one PERSON: the person is "Clinton", never "Clinton’s van"
    from spacy.tokens import Span

    from claimtrack.claims.resolve import person_spans

    doc = get_nlp()("Lowe’s van was supposed to be escorted by the police.")
    doc.ents = [Span(doc, 0, 3, label="PERSON")]
    spans = person_spans(doc, 0, len(doc))
    assert [(ent.text, text) for ent, text, _ in spans] == [("Lowe", "Lowe")]


def test_surname_of_a_name_tagged_no_person_is_ambiguous():
    # (session 28) "Keith Lamont Scott" tagged an organisation, "Rakeyia Scott" a person: a bare
    # "Scott" is no certain Rakeyia Scott (PolNeAR: "they ordered him" -> "Rakeyia Scott" was her husband)
    from spacy.tokens import Span

    from claimtrack.claims.resolve import person_spans

    ctx = Context()
    doc = get_nlp()("Keith Lamont Scott was sitting in his car. Rakeyia Scott can be heard yelling.")
    r = next(t.i for t in doc if t.text == "Rakeyia")
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, r, r + 2, label="PERSON")]
    for ent, text, roles in person_spans(doc, 0, len(doc), ctx):
        ctx.add_person(text, roles)
    assert ctx.shadows == {"Scott": {"Keith"}}
    assert ctx.canonical("Rakeyia Scott") == "Rakeyia Scott"
    assert ctx.canonical("Scott") is None
    # a shadow with the person's own first name is the same person
    ctx = Context()
    ctx.add_person("Keith Scott", set())
    ctx.shadows = {"Scott": {"Keith"}}
    assert ctx.canonical("Scott") == "Keith Scott"


# (session 28) a bare "the forum" / "that committee" whose noun the article named earlier in
# one fuller phrase only (a proper-noun compound, a proper-noun possessor, an "of" phrase)
# becomes that phrase (the claim's original_text keeps its words); as speaker too
THING_RESOLVED = [
    ("Delegates gathered in Lusaka on Monday for the Southern Grain Growers Forum. The forum closed Thursday without a deal.",
     "The forum closed Thursday without a deal", "The Southern Grain Growers Forum closed Thursday without a deal", None),
    ("Staff at the Department of Rural Affairs briefed reporters on Monday. Ann Rowe, a spokeswoman for the department, "
     "said the rule would be delayed.",
     # (a claim-final "the department" keeps its wording, as a claim-final pronoun does: the
     # claim's span, its evidence, ends on it)
     "Ann Rowe is a spokeswoman for the department", "Ann Rowe is a spokeswoman for the department", None),
    ("Nevada's water law took effect in June. Ranchers are challenging the law in federal court.",
     "Ranchers are challenging the law in federal court", "Ranchers are challenging Nevada's water law in federal court",
     None),
    ("The Senate Ethics Committee opened an inquiry into Mr. Baker on Monday. Tom Baker is the committee chairman.",
     "Tom Baker is the committee chairman", "Tom Baker is the Senate Ethics Committee chairman", None),
    ("The Senate Ethics Committee opened an inquiry into Mr. Baker on Monday. That committee said it would meet again in May.",
     "it would meet again in May", "it would meet again in May", "The Senate Ethics Committee"),
    # a name with "on"/"of" before a role: "the chairman of ..."; a comma relative clause split off
    ("The Senate Select Committee on Fisheries held a hearing on Monday. Tom Baker is the committee chairman.",
     "Tom Baker is the committee chairman", "Tom Baker is the chairman of the Senate Select Committee on Fisheries", None),
    ("Delegates met in Lusaka for the Southern Grain Growers Forum. The forum, which closed Thursday, was paid for by donors.",
     "The forum closed Thursday", "The Southern Grain Growers Forum closed Thursday", None),
]


@pytest.mark.parametrize("text,original,resolved,speaker", THING_RESOLVED, ids=[t[:40] for t, *_ in THING_RESOLVED])
def test_named_thing_resolved(text, original, resolved, speaker):
    from claimtrack.claims import extract_many

    claims = extract_many([text])[0].claims
    hit = [c for c in claims if c.original_text == original]
    assert hit, [c.original_text for c in claims]
    assert (hit[0].text, hit[0].speaker) == (resolved, speaker)
    assert not any(e.startswith("PERSON:") and "Forum" in e or "Department" in e and e.startswith("PERSON:")
                   for e in hit[0].entities)


# ... but never a guess: another committee named or introduced ("A House committee"), a
# plural, a word of its own ("the latest committee report", "Nevada's new water law" is a
# description, not a name), the noun inside a quotation, a general noun ("the economy")
THING_NOT_RESOLVED = [
    ("The Senate Ethics Committee opened an inquiry on Monday. A House committee held hearings too. "
     "The committee said it would meet again in May.", "it would meet again in May"),
    ("The Senate Ethics Committee opened an inquiry on Monday. The House Ethics Committee declined. "
     "The committee said it would meet again in May.", "it would meet again in May"),
    ("Nevada's water law took effect in June. Ranchers are challenging the laws in federal court.",
     "Ranchers are challenging the laws"),
    ("Nevada's new water law took effect in June. Ranchers are challenging the law in federal court.",
     "Ranchers are challenging the law"),
    ("The Senate Ethics Committee opened an inquiry on Monday. The latest committee report said the rules were broken.",
     "the rules were broken"),
    ("The Senate Ethics Committee opened an inquiry on Monday. \u201cThe committee will not rush,\u201d said Ann Rowe.",
     "The committee will not rush"),
    ("The Ohio Economy Council met on Monday. The economy grew 3 percent last year.", "The economy grew"),
    ("Monday's hearing on the budget was tense. The hearing ended without a vote on Thursday.", "The hearing ended"),
    # a name inside a name ("Climate Impact Research" is the Institute's), a headline line
    ("Hans Lee is the director of the Potsdam Institute for Climate Impact Research in Germany. "
     "The research drew links between emissions and floods.", "The research drew links"),
    ("Senator Lee Throws His Hat in the Ring for the Ohio Race\n\nTom Lee said on Monday that he would throw his hat "
     "in the ring.", "throw his hat in the ring"),
]


@pytest.mark.parametrize("text,words", THING_NOT_RESOLVED, ids=[t[:40] for t, _ in THING_NOT_RESOLVED])
def test_named_thing_not_resolved(text, words):
    from claimtrack.claims import extract_many

    claims = extract_many([text])[0].claims
    for c in claims:
        if words in c.original_text:
            assert c.text == c.original_text
            assert c.speaker in (None, c.speaker_mention), (c.text, c.speaker)


# (session 29, reader r73 #214) a later verb conjunct split off with its first one's subject
# ("..., and on Monday expressed satisfaction that he had been fired"): a he left as worded while
# the cut-off conjunct names another man (Cole) cannot stand alone -- ``unsure_pronouns`` finds it
# and extract drops such a claim as unresolved_pronoun; a conjunct with its own subject,
# or a person named only in a relative clause of the subject, is no such case
UNSURE = [
    ("Tom Baker has denounced Mr. Cole for months, and on Monday expressed satisfaction that he had been fired.",
     "expressed", True),
    ("Tom Baker has denounced Ann Cole for months, and on Monday expressed satisfaction that he had been elected.",
     "expressed", False),
    ("Tom Baker has denounced Mr. Cole for months, and on Monday Baker expressed satisfaction that he had been fired.",
     "expressed", False),
]


@pytest.mark.parametrize("text,verb,unsure", UNSURE)
def test_unsure_pronoun_in_split_conjunct(text, verb, unsure):
    from claimtrack.claims import resolve
    from claimtrack.claims.resolution import unsure_pronouns

    doc = get_nlp()(text)
    ctx = Context()
    s, e = 0, len(doc)
    spans = resolve.person_spans(doc, s, e, ctx)
    for ent, name, roles in spans:
        ctx.add_person(name, roles, resolve.gender_of(doc, ent, s))
    v2 = next(t for t in doc if t.text == verb)
    subj = next(c for c in v2.head.children if c.dep_ == "nsubj")
    pieces = sorted({t.i for t in subj.subtree} | {t.i for t in v2.subtree if t.dep_ != "punct" or t.i > v2.i})
    he = next(t.i for t in doc if t.lower_ == "he")
    assert (he in unsure_pronouns(doc, pieces, s, ctx, {}, set(), spans)) is unsure


def test_split_conjunct_with_unsure_he_is_not_stored():
    from claimtrack.claims import extract

    result = extract.extract_many([UNSURE[0][0]])[0]
    assert [c.text for c in result.claims] == ["Tom Baker has denounced Mr. Cole for months"]
    assert result.dropped.get("unresolved_pronoun") == 1
    # the pronoun that the claim itself can only mean one way stays
    kept = extract.extract_many([UNSURE[1][0]])[0]
    assert any("he had been elected" in c.text for c in kept.claims)
