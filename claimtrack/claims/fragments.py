"""The fragment check: is a claim a full proposition (subject, finite verb, no dangling
conjunction, no attribution leftover)? Repairs what the parse allows, else a drop reason."""

from __future__ import annotations

from claimtrack.claims.attribution import SAY_VERBS, aside_attribution
from claimtrack.claims.relative import fronted_name
from claimtrack.claims.units import Unit, tokens_with, trim_pieces


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


# reporting verbs that are nothing without what was reported ("testified on Wednesday" is an act)
PURE_SAY = {"say", "tell", "add", "note", "state", "announce", "report", "write", "tweet", "explain", "reiterate"}
# verbs of asking: their content is the question
QUESTION_VERBS = {"ask", "wonder", "inquire"}


SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}


DANGLING_END = {"and", "or", "but", "nor", "that", "to", "of", "the", "a", "an", "which", "who", "whom",
                "whose", "than", "as", "because", "if", "while", "whether", "just"}


DANGLING_LEAD = {"and", "or", "but", "nor", "so", "that", "while", "although", "though", "whereas"}


# a clause introduced by one of these is a subordinate clause: alone it asserts nothing
# ("Once the final bill is done")
SUBORDINATE_MARKS = {"once", "if", "when", "whenever", "because", "although", "though", "while", "whereas",
                     "unless", "until", "after", "before", "since", "as", "whether", "so", "lest"}


# a subject that is only a determiner/ordinal whose noun was elided ("a second would provide
# money", "Those think we should pull out"): what it is about is not in the claim
VAGUE_SUBJECTS = {"those", "these", "one", "ones", "second", "first", "third", "latter", "former", "others", "some",
                  "another", "both", "either", "neither", "each", "many", "most", "several", "few"}


# amounts of a group ("a handful of others", "a number of those")
PART_NOUNS = {"handful", "number", "couple", "dozen", "dozens", "group", "host", "few", "lot", "majority", "minority"}


# "I mean", "you know", "I think" alone say nothing
FILLER_VERBS = {"mean", "know", "guess", "think", "suppose", "believe", "say", "see"}


# adverbs that lean on what follows them ("partly because ...")
CUT_ADVERBS = {"partly", "largely", "mainly", "mostly", "primarily", "chiefly", "solely", "entirely", "only",
               "precisely", "simply", "just", "even", "especially", "particularly"}


# counts whose noun was elided ("Hundreds exchanged over months were found")
QUANTITY_SUBJECTS = {"hundreds", "thousands", "dozens", "millions", "scores", "tens"}


# a pro-verb stands for an action the claim does not say ("Lawmakers did so easily",
# "Mr. Schumer did the same"): nobody can tell what was done
PRO_VERB_OBJECTS = {"so", "same", "likewise"}


def pro_verb(doc, head, toks: set[int]) -> bool:
    """Is the claim's verb "do so" / "do the same" / "do likewise" (or "follow suit")?"""
    if head.lemma_.lower() == "follow" and any(c.lower_ == "suit" for c in head.children if c.i in toks):
        return True
    if head.lemma_.lower() != "do" or head.pos_ not in ("VERB", "AUX"):
        return False
    nxt = [doc[j].lower_ for j in range(head.i + 1, min(head.i + 3, len(doc))) if j in toks]
    if nxt[:1] in (["so"], ["likewise"]) or nxt[:2] == ["the", "same"]:
        return True  # "did so easily" ("so" hung on "easily")
    for c in head.children:
        if c.i not in toks:
            continue
        if c.lower_ in ("so", "likewise") and c.dep_ in ("advmod", "dobj", "acomp") and c.i > head.i:
            return True
        if c.lower_ == "same" and c.dep_ in ("dobj", "npadvmod", "attr") and c.i > head.i:
            return True
    return False


# subjects whose verb agrees with neither number reliably ("the news is", "data are")
AGREEMENT_EXEMPT = {"news", "data", "politics", "media", "economics", "series", "species", "headquarters",
                    "means", "physics", "ethics", "statistics", "mathematics", "police", "people", "staff",
                    "crew", "couple", "family", "team", "public", "majority", "number", "rest", "lot", "half",
                    "total", "committee", "government", "administration", "board", "jury", "state", "group"}
SINGULAR_PRONOUNS = {"he", "she", "it"}
PLURAL_PRONOUNS = {"they", "we"}
SINGULAR_FORMS = {"is", "was", "has", "does", "'s", "’s"}
PLURAL_FORMS_ONLY = {"are", "were", "have", "do", "'re", "’re", "'ve", "’ve"}


def agreement_broken(doc, head, subj, toks: set[int], relative: bool = False) -> bool:
    """Does the claim's subject disagree with its finite verb ("he are informed", "many
    Republicans therefore is not eligible")? Such a claim was put together from pieces of
    two clauses (a subject carried to a conjunct that is not its verb, an aside cut out)."""
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i in toks and c.i < head.i]
    finite = next((a for a in auxes if a.tag_ in FINITE_TAGS), None)
    if finite is None:
        if head.tag_ not in ("VBZ", "VBP", "VBD"):
            return False
        finite = head
    if finite.tag_ == "MD" or subj.i > finite.i:
        return False  # "might", or an inverted "So do the senators"
    low, form = subj.lower_, finite.lower_
    if low in SINGULAR_PRONOUNS:
        return form in PLURAL_FORMS_ONLY or finite.tag_ == "VBP"
    if low in PLURAL_PRONOUNS:
        return form in SINGULAR_FORMS or finite.tag_ == "VBZ"  # "We radically weakens protections"
    if subj.pos_ not in ("NOUN", "PROPN") or low in AGREEMENT_EXEMPT or subj.lemma_.lower() in AGREEMENT_EXEMPT:
        return False
    if any(c.dep_ in ("prep", "conj", "cc", "appos") for c in subj.children):
        return False  # "a number of people are", "Smith and Jones": number is the parse's guess
    if (subj.tag_ == "NNP" and subj.ent_type_ == "PERSON" or relative and subj.tag_ == "NN") and form in (
            "are", "were") and not any(
            c.dep_ in ("conj", "cc") for c in subj.children):
        # "Steve Scalise were there for a practice" (a team or a "side" may take "are" in
        # British usage: "Chelsea are clear at the top"; a person does not)
        return True
    plural = subj.tag_ == "NNS" or subj.tag_ == "NNPS" and subj.ent_type_ == "NORP"
    if plural and subj.lower_.endswith("s") and not subj.lower_.endswith("ss") and (
            subj.text[:1].islower() or subj.ent_type_ == "NORP"):  # ("Tattoo Disasters is on Channel 5": a title)
        # (a relative clause in "-s" after a plural noun is about an earlier noun: "the division
        # overseeing nonprofit organizations, which includes the Cincinnati office")
        return finite.tag_ == "VBZ" and (form in SINGULAR_FORMS or relative)
    return False


def own_subject(head, toks):
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in toks and c.i < head.i), None)


def reduced_relative(doc, head, toks: set[int]) -> bool:
    """A past participle phrase read as a clause: "Text messages turned over to the committee
    showed ..." parsed as "turned" (the root) with "showed" its conjunct, no "and" or comma
    between them -- the real verb is the conjunct, cut out of the claim; "turned over to the
    committee" only says which messages."""
    if head.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    if any(c.dep_ in ("cc", "preconj") for c in head.children):
        return False
    for c in head.children:
        if c.dep_ != "conj" or c.i < head.i or c.i in toks or c.pos_ not in ("VERB", "AUX"):
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            continue
        between = doc[head.i + 1:c.left_edge.i]
        if between and all(t.i in toks for t in between) and not any(
                t.text in (",", ";", ":", "-", "--", "\u2014", "\u2013") or t.dep_ == "cc" for t in between):
            return True
    return False


def participle_before_verb(doc, head, toks: set[int]) -> bool:
    """"State lawmakers -- Democrats and Republicans -- exasperated after six years of
    controversies, were scrambling to ...": a participle with no auxiliary whose conjunct
    (after a comma, no "and") is the clause's real verb with its own auxiliary and no subject
    of its own, cut out of the claim; the participle only describes the subject."""
    if head.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    for c in head.children:
        if c.dep_ != "conj" or c.i < head.i or c.i in toks or c.pos_ != "VERB":
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            continue
        aux = [g for g in c.children if g.dep_ in ("aux", "auxpass") and g.i < c.i]
        if not aux or not any(a.tag_ in FINITE_TAGS for a in aux):
            continue
        k = aux[0].i - 1
        if k > head.i and doc[k].text == "," and not any(g.dep_ == "cc" and g.i > c.left_edge.i - 3 and g.i < c.i
                                                         for g in head.children):
            return True
    return False


def free_relative(doc, first, head, toks: set[int]) -> bool:
    """Is the claim only a "what" clause -- "what you want to hear" -- whose "what" is an object
    inside it (a free relative, cut from the verb that took it), and that verb "say"/"tell" or part
    of a relative clause? Not a subject clause: "What he said was false" has its own main verb."""
    w = first
    if w.is_quote and w.i + 1 in toks:
        w = doc[w.i + 1]
    if w.lower_ not in ("what", "whatever") or w.dep_ not in ("dobj", "pobj", "attr") or w.i > head.i:
        return False
    a = w.head
    for _ in range(6):
        if a.dep_ in ("csubj", "csubjpass") or a.i not in toks:
            return False
        if a.i == head.i:
            break
        a = a.head
    else:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < w.i for c in head.children):
        return False
    # only when the verb that took it is "say"/"tell" or inside a relative clause ("the guy who looks
    # into your eye and says what you want to hear": no report of anyone's words); "Ruiz explained
    # what the plan would cost" reads whole with its speaker and stays
    v = head.head
    if v.i not in toks and v.lemma_.lower() in ("say", "tell"):
        return True  # ("says what you want to hear", "told them what they wanted to hear": no words of anyone's)
    for _ in range(3):
        if v.i in toks:
            return False
        if v.dep_ == "relcl":
            return True
        if v.dep_ != "conj":
            return False
        v = v.head
    return False


CONDITION_MARKS = {"if", "unless", "whether"}


def conditional_outside(head, toks: set[int]) -> bool:
    """Does the claim's verb, or a verb it hangs from, open with an "if"/"unless"/"whether" the
    claim left out? Then the claim is a condition or an open question stored as a fact:
    "impeachment is only possible if Republican lawmakers believe Trump is unfit" gave
    "Republican lawmakers believe Trump is unfit"."""
    a = head
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS and c.i not in toks for c in a.children):
            return True
        if a.dep_ == "ROOT" or a.head.i == a.i:
            return False
        a = a.head
    return False


INVERTED_CONDITIONS = {"had", "were", "should"}
# verbs whose reflexive object needs its "from" ("distanced himself" from what?)
FROM_VERBS = {"distance", "dissociate", "disassociate"}
# adjectives that need their "to" ("were central" to what?)
BARE_ADJS = {"central", "integral", "instrumental", "pivotal"}


def inverted_condition_outside(doc, head, toks: set[int]) -> bool:
    """Does the claim's sentence open on an inverted condition ("Had I been mayor then, ...",
    "Should the talks fail, ...") the claim leaves out? The parse hangs such a clause anywhere
    (a ccomp, a conjunct); the claim after it states as a fact what holds only on it."""
    sent = head.sent
    k = sent.start
    while k < sent.end and (doc[k].is_quote or doc[k].is_punct):
        k += 1
    if k + 2 >= sent.end or k in toks or min(toks) < k:
        return False
    t = doc[k]
    if t.lower_ not in INVERTED_CONDITIONS or t.tag_ not in ("VBD", "MD") or doc[k + 1].dep_ not in (
            "nsubj", "nsubjpass", "det", "poss", "compound", "amod"):
        return False
    return doc[sent.end - 1].text != "?" and not any(doc[j].text == "?" for j in range(k, sent.end))


def fronted_condition_outside(doc, head, toks: set[int]) -> bool:
    """A conjunct whose first conjunct has a fronted "if"/"unless" clause the claim leaves out:
    "If the bill passes, taxes will rise and the deficit will shrink" -> "the deficit will
    shrink" holds only on the condition too."""
    a = head
    if any(c.dep_ == "advcl" and c.i in toks and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
           for c in head.children):
        return False  # ("..., and if private colleges are considered, they may double again": its own condition)
    for _ in range(4):
        if a.dep_ != "conj" or a.head.i == a.i:
            return False
        a = a.head
        if any(doc[j].lower_ in ("but", "yet") for j in range(max(head.left_edge.i - 2, a.i), head.i)):
            return False  # ("If you are weeding out fake news, X is fake, & yet I do not ask ...")
        if any(c.dep_ == "advcl" and c.i < a.i and c.i not in toks and any(
                g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children) for c in a.children):
            return True
    return False


def question_cut(doc, toks: set[int]) -> bool:
    """"... to ask the majority leader" with its "if the party planned to ..." cut off: an asking
    verb in the claim whose embedded question is not in it."""
    end = doc[max(toks)]
    while end.is_punct and end.i - 1 in toks:
        end = doc[end.i - 1]
    v = end.head if end.dep_ in ("dobj", "dative") else end
    if v.i not in toks or v.lemma_.lower() not in QUESTION_VERBS:
        return False
    return any(c.dep_ in ("advcl", "ccomp") and c.i > end.i and c.i not in toks and any(
        g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children) for c in v.children)


# nouns whose clause says what they are about ("zero chance the meeting would be canceled")
CONTENT_NOUNS = {"chance", "possibility", "likelihood", "doubt", "indication", "sign", "evidence", "risk", "danger",
                 "prospect", "question", "hope", "fear", "expectation"}


def content_noun_cut(doc, head, toks: set[int]) -> str | None:
    """"there was zero chance" with "the meeting would be canceled" split off as a second report
    (the parse hung it on "told"): the first is cut mid-noun-phrase, the second says the
    opposite of what was said. Both go."""
    end = doc[max(toks)]
    while (end.is_punct or end.is_quote) and end.i - 1 in toks:
        end = doc[end.i - 1]
    if end.lemma_.lower() in CONTENT_NOUNS and end.dep_ == "attr" and end.head.i == head.i and any(
            c.dep_ == "expl" for c in head.children):
        nxt = next((doc[j] for j in range(end.i + 1, min(end.i + 3, end.sent.end)) if not doc[j].is_quote), None)
        if nxt is not None and not nxt.is_punct and nxt.i not in toks:
            return "fragment_dangling"  # "there was zero chance" (the meeting would be canceled)
    if head.dep_ == "ccomp" and head.left_edge.i >= 2:
        k = head.left_edge.i - 1
        while k > 0 and doc[k].is_quote:
            k -= 1
        prev = doc[k]
        if prev.lemma_.lower() in CONTENT_NOUNS and prev.dep_ == "attr" and prev.head.dep_ == "ccomp" \
                and prev.head.head.i == head.head.i and any(c.dep_ == "expl" for c in prev.head.children):
            return "fragment_garbled"  # "the meeting would be canceled": what there was zero chance of
    return None


def finite_core(doc, unit: Unit, toks: set[int]) -> str | None:
    """Why a (non-composed) claim is not a proposition -- no finite verb, no subject, an
    unsplit reporting verb -- or None."""
    head = unit.head
    if head.i not in toks:
        return "fragment_no_verb"
    first = next((doc[i] for i in sorted(toks) if not doc[i].is_punct), None)
    if first is not None and first.dep_ == "prep" and first.i >= 1 and first.i - 1 not in toks \
            and doc[first.i - 1].dep_ == "cc" and not doc[first.i - 1].is_sent_start and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in first.children):
        # "for not requiring buyers to ..." cut off its verb before ("criticized the state for X,
        # and for not requiring ..."): a tail with nobody doing it (a sentence's own "But since
        # taking office, ..." is no tail)
        return "fragment_dangling"
    nxt = doc[first.i + 1] if first is not None and first.i + 1 < len(doc) else None
    if first is not None and first.lower_ == "however" and first.dep_ == "advmod" and nxt is not None \
            and nxt.pos_ in ("ADJ", "ADV") and (first.head.i == nxt.i and nxt.head.i == head.i or first.head.i == head.i
                                                  and nxt.head.i == head.i and nxt.dep_ in ("acomp", "advmod")):
        # "However valid her remarks may have been, though" (no matter how valid): the clause
        # the claim is, is the concession; what it concedes to was cut off
        return "fragment_subordinate"
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.i not in toks for a in auxes) or any(a.tag_ == "TO" for a in auxes):
        return "fragment_no_finite_verb"  # "to lose the race", an auxiliary cut off
    if not auxes and head.tag_ not in FINITE_TAGS:
        # the tagger often calls a past tense VBN and a present VB; a participle or a bare
        # verb with its modal left in the other conjunct ("could approve X and fund Y") is not
        if head.tag_ == "VBG" or head.pos_ not in ("VERB", "AUX"):
            return "fragment_no_finite_verb"
        if head.dep_ == "conj" and head.tag_ == "VB" and any(
                c.dep_ == "aux" and c.tag_ == "MD" and c.i not in toks for c in head.head.children):
            return "fragment_no_finite_verb"
    if unit.kind == "relative":
        noun = head.head
        words = [doc[i].lower_ for i in sorted(toks)]
        if any(a == "not" and b == "only" for a, b in zip(words, words[1:])) and "but" not in words:
            return "fragment_dangling"  # "partisanship, which is not only unfortunate, I think ..."
        if noun.pos_ in ("NOUN", "PROPN") and noun.i in toks and agreement_broken(doc, head, noun, toks, relative=True):
            return "fragment_garbled"  # "Steve Scalise were there": the clause is about "four people"
        return None
    subj = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i in toks]
    if not subj and head.dep_ == "conj":
        subj = [doc[i] for i in toks if doc[i].dep_ in SUBJECT_DEPS and i < head.i]
    if not subj:
        # one member of a split subject list ("Smith and Jones arrived" -> "Jones arrived")
        subj = [c for c in head.children if c.dep_ in SUBJECT_DEPS and any(
            m.i in toks and m.dep_ == "conj" for m in c.subtree)]
    if not subj and any(c.dep_ in ("ccomp", "parataxis") and c.i < head.i and c.i in toks
                        and any(g.dep_ in SUBJECT_DEPS for g in c.children) for c in head.children):
        # "X had been closed ..., city records show": a full clause before a source the parse
        # did not see as one ("city records" read as a compound); the clause stands alone
        return None
    if not subj:
        return "fragment_no_subject"
    if conditional_outside(head, toks) or fronted_condition_outside(doc, head, toks) \
            or inverted_condition_outside(doc, head, toks):
        return "fragment_subordinate"  # "Voters believe the mayor is unfit" (impeachment is possible only if ...)
    if question_cut(doc, toks):
        return "fragment_dangling"  # "... to ask the majority leader" (if the party planned to ...)
    cut = content_noun_cut(doc, head, toks)
    if cut is not None:
        return cut
    if head.lemma_.lower() in FROM_VERBS and any(c.dep_ == "dobj" and c.lower_ in ("himself", "herself", "themselves", "itself")
                                                 for c in head.children) and not any(
            c.dep_ in ("prep", "ccomp", "advcl") and c.i in toks for c in head.children):
        return "fragment_dangling"  # "Mr. Hale distanced himself, too": from what?
    if head.lemma_ == "be" and doc[max(toks)].lower_ in BARE_ADJS and any(
            c.dep_ == "acomp" and c.i == max(toks) and not any(c.children) for c in head.children):
        return "fragment_dangling"  # "Taxes, housing and crime were central" (to what?)
    if doc[min(toks)].lower_ == "here" and head.lemma_ == "be" and doc[min(toks)].head.i == head.i and any(
            c.dep_ in ("nsubj", "attr") and c.i > head.i for c in head.children):
        return "fragment_presentative"  # "Here are some of the officials' responses": no claim
    if any(c.dep_ == "advcl" and c.i not in toks and any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS and g.i not in toks
                                                       for g in c.children) and any(g.dep_ == "ccomp" for g in c.children)
           for x in [head] + [c for c in head.children if c.dep_ in ("acomp", "attr")] for c in x.children):
        # "impeachment is only possible" with its "if voters believe ..." cut out (the report inside
        # the condition was taken out as a claim of its own): the rest states as a fact what holds
        # only on the condition (an atomic split of a plain "if found guilty" is not this rule's)
        return "fragment_dangling"
    if all(t.tag_ in ("WP", "WDT") for t in subj):
        return "fragment_no_subject"
    if all(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PRON", "NOUN", "PROPN") and any(
            c.dep_ == "mark" and c.lower_ in SUBORDINATE_MARKS for c in t.children) for t in subj):
        # "if anything will take days to sort out": the aside "if anything" is no subject (the
        # clause's own subject, "What it accomplished", went with the first conjunct)
        return "fragment_subordinate"
    if head.dep_ == "ccomp" and head.head.dep_ == "relcl" and head.head.lemma_.lower() in SAY_VERBS and any(
            c.i not in toks and c.dep_ not in ("nsubj", "nsubjpass") and (c.tag_ in ("WDT", "WP") or c.lower_ == "that" and c.dep_ == "mark")
            for c in head.head.children) or head.dep_ == "ccomp" and head.head.dep_ == "relcl" and any(
            c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "pobj") and c.i not in toks for c in head.children):
        # "an approach that some advisers say the president never fully comprehended": what is
        # said comes out of a relative clause; its gap (the approach) is not in the claim
        return "fragment_dangling"
    if head.dep_ == "conj" and all(t.dep_ == "csubj" and t.tag_ == "VBG" and not any(g.dep_ in ("nsubj", "poss") for g in t.children)
                                   and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," for t in subj):
        # "Ryan went on offense, using an interview ... to claim Obama's plan treats ...": a
        # participle after a comma is no subject ("Paul Ryan using an interview ... treats ...")
        return "fragment_garbled"
    lead = sorted(toks)[:2]
    if len(lead) == 2 and doc[lead[0]].lower_ in ("had", "were", "should") and doc[lead[0]].dep_ == "aux" \
            and doc[lead[1]].dep_ in ("nsubj", "nsubjpass") and doc[lead[0]].head.i == head.i:
        return "fragment_subordinate"  # "Had I been president at the time" (, I would have ...): an "if" clause alone
    s0 = subj[0]
    if s0.lower_ in QUANTITY_SUBJECTS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in s0.children) and (
            any(c.dep_ == "auxpass" for c in head.children) or any(c.dep_ == "acl" for c in s0.children)
            or any(c.dep_ == "conj" and any(g.dep_ == "auxpass" for g in c.children) for c in head.children)
            and head.tag_ in ("VBD", "VBN") and not any(c.dep_ == "cc" for c in head.children)):
        # "Hundreds exchanged over months were found ...": hundreds of what, the claim does not
        # say ("Thousands marched in Paris" says people)
        return "fragment_vague_subject"
    if own_subject(head, toks) is not None and participial_aside(doc, head, own_subject(head, toks), toks):
        return "fragment_no_finite_verb"  # "Mr. Biden, clearly delighted to come to the rescue"
    if pro_verb(doc, head, toks) or any(c.dep_ in ("xcomp", "advcl") and c.i in toks and pro_verb(doc, c, toks)
                                         for c in head.children):
        return "fragment_pro_verb"  # "Lawmakers in both chambers did so easily"
    own = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in toks), None)
    if own is None and head.dep_ == "conj":  # a subject carried over from the first conjunct
        own = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in toks), None)
    if own is not None and agreement_broken(doc, head, own, toks):
        return "fragment_garbled"  # "he are informed by the company", "Republicans therefore is"
    if any(c.dep_ == "mark" and c.i in toks and c.lower_ in SUBORDINATE_MARKS and c.i == min(toks)
           for c in head.children):
        return "fragment_subordinate"  # "Once the final bill is done"
    first = doc[min(toks)]
    lead = [doc[i].lower_ for i in sorted(toks)[:3]]
    if lead == ["by", "the", "time"] and not any(doc[i].text == "," for i in toks if i > sorted(toks)[2]):
        return "fragment_subordinate"  # "By the time Mr. Trump discussed the matter ..." (its main clause cut)
    if first.tag_ == "WRB" and first.lower_ in ("why", "how", "when", "where", "whether") and first.head.i == head.i:
        return "fragment_subordinate"  # "why Weiner was hiring a lawyer": an embedded question alone
    if free_relative(doc, first, head, toks):
        return "fragment_subordinate"  # 'Christie says "what you want to hear"': a wh-clause alone is no statement
    if first.text in ("'s", "’s", "'re", "’re", "n't", "n’t", "'m", "’m"):
        return "fragment_dangling"  # "'s the bottom line": the word before it was cut off
    if first.lower_ == "then" and (any(t.lower_ == "if" for t in doc[first.sent.start:first.i]) or any(
            t.is_alpha for t in doc[first.sent.start:first.i])):
        # "then Democrats can talk": the "if ..." (or "open the government, and then ...") it
        # depends on was cut
        return "fragment_subordinate"
    if first.lower_ == "how" and first.tag_ == "WRB" and (first.head.i == head.i or first.head.head.i == head.i) \
            and not any(doc[j].text == "?" for j in range(first.i, min(len(doc), max(toks) + 2))):
        return "fragment_subordinate"  # "how much you appreciate the efforts of ...": an embedded clause alone
    if first.lower_ == "however" and first.tag_ == "WRB" and first.i + 1 < len(doc) and doc[first.i + 1].text != ",":
        return "fragment_subordinate"  # "However valid her comments may have been"
    s0 = subj[0]
    if s0.lower_ in VAGUE_SUBJECTS and s0.pos_ != "PROPN" and not any(
            c.dep_ in ("prep", "relcl", "compound", "amod") or c.pos_ in ("NOUN", "PROPN") for c in s0.children):
        # "a second would provide money", "One released this week found 56 percent ..."
        return "fragment_vague_subject"
    if s0.lower_ == "things" and s0.dep_ == "nsubj" and not any(s0.children):
        return "fragment_vague_subject"  # "things did not start well": which things, the claim does not say
    if s0.lower_ in PART_NOUNS and s0.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lower_ in ("others", "those", "these")
                                                          and not any(g.children) for g in c.children)
            for c in s0.children):
        return "fragment_vague_subject"  # "A handful of others attended the meeting": others than whom?
    if (head.tag_ == "VBD" or head.tag_ == "VBN" and head.dep_ != "ROOT" and not any(
            doc[i].dep_ in ("aux", "auxpass") for i in toks if i < head.i)) and not auxes and any(
            c.dep_ == "agent" for c in head.children):
        # (a ROOT one is a headline, "was" is inserted; a conjunct may carry the first verb's "was")
        return "fragment_no_finite_verb"  # "The latest criticism signed by priests": a participle
    if participle_before_verb(doc, head, toks):
        return "fragment_no_finite_verb"  # "state lawmakers, exasperated after six years ..." (, were scrambling)
    if reduced_relative(doc, head, toks):
        return "fragment_no_finite_verb"  # "Text messages turned over to the committee" (... showed)
    words = [doc[i].lower_ for i in sorted(toks)]
    if any(a == "not" and b == "only" for a, b in zip(words, words[1:])) and "but" not in words:
        return "fragment_dangling"  # "partisanship is not only unfortunate" (its "but ..." cut off)
    last = max(toks)
    after = [doc[j].lower_ for j in range(last + 1, min(last + 3, len(doc)))]
    contrast = any(doc[i].lower_ == "not" and doc[i].head.pos_ not in ("VERB", "AUX") for i in toks)
    if contrast and "but" not in words and (after[:1] == ["but"] or after[:2] == [",", "but"]):
        return "fragment_dangling"  # "views the hacking not as an attack on one party" (", but as ..." cut off)
    if last == head.i and head.pos_ == "VERB" and head.lemma_.lower() not in SAY_VERBS and any(
            c.dep_ == "advcl" and c.i > head.i and c.i not in toks and any(
                g.dep_ == "mark" and g.lower_ in ("after", "before", "when", "as", "because", "until")
                for g in c.children) for c in head.children):
        return "fragment_dangling"  # "The surge of support came" (its "after X said ..." cut out)
    end = doc[last]
    if end.pos_ == "ADJ" and end.dep_ in ("pobj", "dobj") and last + 2 < len(doc) and doc[last + 1].pos_ == "CCONJ" \
            and doc[last + 2].pos_ == "ADJ" and doc[last + 2].dep_ == "amod" and last + 1 not in toks:
        # "Romney added his voice after five past" (", and present senators urged ...": the
        # parse cut an adjective pair "past and present" of one noun phrase)
        return "fragment_dangling"
    while end.i > min(toks) and (end.is_punct or end.is_quote) and end.i - 1 in toks:
        end = doc[end.i - 1]  # ('... decisions that they think”': the quote mark is no word)
    wlast = end.i
    verb = end.head if end.dep_ == "prt" else end
    if verb.pos_ == "VERB" and (verb.i == wlast or end.dep_ == "prt") and any(
            c.dep_ == "dobj" and c.i > wlast and c.i not in toks or c.dep_ in ("ccomp", "xcomp") and c.i > wlast
            and c.i not in toks and verb.lemma_.lower() not in SAY_VERBS and doc[c.left_edge.i].tag_ in ("WP", "WDT")
            for c in verb.children):
        # "a performance guaranteed to amp up" (its object cut off), "I wouldn't trust" (what he says)
        return "fragment_dangling"
    if verb.pos_ == "VERB" and verb.i == wlast:
        nxt = next((doc[j] for j in range(wlast + 1, min(wlast + 4, len(doc))) if not doc[j].is_quote), None)
        if nxt is not None and nxt.i not in toks and nxt.tag_ in ("VBZ", "VBP", "VBD", "MD") and nxt.sent.start == end.sent.start:
            # '"... making decisions that they think" are in the best interests of ...': a finite
            # verb right after the claim's last verb is the rest of its clause, cut off
            return "fragment_dangling"
    if head.lemma_.lower() in FILLER_VERBS and all(c.dep_ in ("nsubj", "aux", "neg", "punct", "advmod") for c in head.children
                                                   if c.i in toks) and any(
            c.dep_ == "nsubj" and c.lower_ in ("i", "you", "we") for c in head.children if c.i in toks):
        return "fragment_dangling"  # 'Christie declared "I mean"': a filler, what he meant was cut
    lemma = head.lemma_.lower()
    if lemma in QUESTION_VERBS and head.pos_ == "VERB" and asked_nothing(doc, head, toks):
        return "attribution_leftover"  # "X asked at a news conference": the question went elsewhere
    if lemma in SAY_VERBS and head.pos_ == "VERB" and not any(c.dep_ == "neg" for c in head.children):
        deps = ("ccomp", "parataxis", "xcomp") if lemma == "tell" else ("ccomp", "parataxis", "dobj", "xcomp", "dative", "prep")
        content = [c for c in head.children if c.dep_ in deps and c.i in toks and not (
            c.dep_ == "prep" and lemma in PURE_SAY and (c.lower_ in SETTING_PREPS and lemma != "add" and not any(
                g.pos_ in ("VERB", "AUX") for g in c.subtree) or all(
                g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in MEDIA for g in c.children)))]
        if not content and not unit.composed:
            # "X told reporters" / "The committee said on Wednesday, escalating ..."
            return "attribution_leftover"
    if lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children) and not any(
            c.dep_ in ("prep", "xcomp", "ccomp", "dobj", "advcl") and c.i in toks for c in head.children):
        return "attribution_leftover"  # "Managers, he went on": what he went on to say was cut out
    return None


def asked_nothing(doc, head, toks: set[int]) -> bool:
    """Is the asking verb left with nothing asked: no object or clause of its own in the claim, and
    after it only when and where it was asked ("asked at a news conference", "asked on Friday")?"""
    if any(c.i in toks and c.dep_ in ("ccomp", "parataxis", "xcomp", "dobj", "dative", "conj") for c in head.children):
        return False
    for i in toks:
        if i <= head.i or doc[i].is_punct:
            continue
        t = doc[i]
        while t.head.i != head.i and t.head.i != t.i:
            t = t.head
        if t.head.i != head.i or t.i == head.i:
            return False
        setting = t.dep_ == "prep" and all(g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in MEDIA
                                           for g in t.children) or t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME")
        if not setting:
            return False
    return True


# where something was said: "wrote in a letter delivered Tuesday" says nothing yet
# where or when a saying happened, never what was said ("Trump said at the end of a lengthy post on
# Twitter": the words were in the quotation before it); not a phrase with a clause inside ("said in a
# notice issued Thursday that ...": the parse hung the "that" clause there), nor "add" ("adds a third
# late on" is a goal)
SETTING_PREPS = {"at", "during", "after", "before", "in", "on", "via", "through", "near", "from", "outside", "inside"}
MEDIA = {"letter", "statement", "interview", "tweet", "post", "email", "e-mail", "memo", "speech", "release",
         "conference", "call", "video", "message", "op-ed", "column", "filing", "report", "appearance"}


def headline_copula(doc, unit: Unit, pieces):
    """A headline-style passive without its auxiliary ("Five men arrested by Australian police
    after tip-off") gets "was"/"were" after its subject; anything else is left as it is."""
    head = unit.head
    if unit.composed or head.tag_ != "VBN" or head.dep_ != "ROOT" or head.i not in pieces:
        return pieces
    if any(c.dep_ in ("aux", "auxpass", "dobj") for c in head.children):
        return pieces
    if not any(c.dep_ == "agent" for c in head.children):
        return pieces  # "The bridge reopened ..." is a past tense the tagger called VBN
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i), None)
    if subj is None or subj.right_edge.i + 1 != head.i or subj.pos_ not in ("NOUN", "PROPN"):
        return pieces
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    k = pieces.index(head.i)
    return pieces[:k] + ["were" if plural else "was"] + pieces[k:]


# an answer to a question the claim does not give ("Will it pass? Probably not, but ...",
# "Yes, the senate approved it"): the answer goes, what follows its comma stands alone
ANSWERS = (("yes",), ("no",), ("yeah",), ("nope",), ("not", "really"), ("probably", "not"), ("maybe", "not"),
           ("perhaps", "not"), ("certainly", "not"), ("absolutely", "not"), ("definitely", "not"),
           ("of", "course", "not"), ("not", "at", "all"), ("not", "yet"))


def answer_cut(doc, pieces):
    """The pieces without an opening answer, its comma and "but" ("Probably not, but apparently X"
    -> "apparently X"; the "but" goes with the dangling words after). Only before "but": a
    quoted "No, not $2.5 billion, no -- ..." is the speaker's own reply and stays."""
    ints = [p for p in pieces[:5] if isinstance(p, int)]
    if not ints or doc[ints[0]].lower_ not in ("yes", "no", "yeah", "nope", "not", "probably", "maybe", "perhaps",
                                              "certainly", "absolutely", "definitely", "of"):
        return pieces
    words = [doc[i].lower_ for i in ints]
    for a in ANSWERS:
        n = len(a)
        if tuple(words[:n]) == a and len(words) > n + 1 and words[n:n + 2] == [",", "but"] and ints[n] == ints[0] + n:
            k = pieces.index(ints[n])
            return pieces[k + 1:]
    return pieces


def subordinate_inside(doc, t, toks) -> bool:
    """Is ``t`` the mark of an adverbial clause whose main verb is in the claim too ("While I
    planned ..., I know ...", "Although Akin has apologized, I believe ...")?"""
    return t.dep_ == "mark" and t.head.dep_ == "advcl" and t.head.head.i in toks and t.head.i in toks


def participial_aside(doc, head, subj, toks) -> bool:
    """"Mr. Biden, clearly delighted to come to the rescue": a subject, a comma, and a
    participle the tagger called a past tense (the clause's own verb was split off or cut):
    an aside about the subject, no proposition."""
    if head.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    k = subj.right_edge.i + 1
    if k >= head.i or doc[k].text != "," or k not in toks:
        return False
    return all(doc[j].dep_ in ("advmod", "neg") and doc[j].head.i == head.i for j in range(k + 1, head.i))


def subject_pair(doc, unit: Unit, toks: set[int]):
    """Two subjects on one verb ("The former co-chairman of the campaign, Jackson was elected
    ... and resigned ...": a fronted description, then the name): (description, name) when
    the second is a name right after a comma closing the first, else (first, None) when the
    parse gave the verb two subjects across a colon with no verb between, else None."""
    head = unit.head
    verb = head.head if head.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) else head
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if len(subs) != 2 or not any(s.i in toks for s in subs):
        return None
    first, second = subs
    name = fronted_name(doc, first)
    if name is not None and name.i == second.i:
        return first, second
    between = doc[first.i + 1:second.left_edge.i]
    if any(t.text == ":" for t in between) and not any(t.pos_ in ("VERB", "AUX") or t.dep_ == "cc" for t in between):
        return first, None  # "The only candidate less palatable: Trump, the developer turned star"
    return None  # (a parse joining two clauses, "Death toll climbs, officials say, with 9,000 injured", is left alone)


def dep_tail(doc, unit: Unit, pieces):
    """"Mr. Jones had not violated its policies, later suspended the two accounts": a finite
    verb the parse hung on the claim's verb as "dep" after a comma, with no subject of its own
    (it belongs to a clause the parse broke); the claim ends before its comma."""
    toks = {p for p in pieces if isinstance(p, int)}
    for c in unit.head.children:
        if c.dep_ == "dep" and c.pos_ == "VERB" and c.tag_ in ("VBD", "VBZ", "VBP") and c.i in toks and c.i > unit.head.i \
                and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            a = c.left_edge.i
            if a - 1 in toks and doc[a - 1].text in (",", ";") and max(toks) <= c.right_edge.i + 1:
                return [p for p in pieces if not (isinstance(p, int) and p >= a - 1)]
    return pieces


def repair(doc, unit: Unit, pieces):
    """Repair what the parse allows (a reporting aside cut out, a dangling conjunction or
    preposition stripped), then check the claim is a proposition: (pieces, drop reason or
    None, (speaker token, cue) of a cut-out aside or None). An aside whose cut would leave
    the claim dangling ("Our problem with Ryan is | that he claims ...") is no aside: the
    claim is checked whole instead."""
    cuts = doc.user_data.get("claimtrack.cuts")
    if cuts:
        ints = [p for p in pieces if isinstance(p, int)]
        if ints and any(min(ints) < c <= max(ints) for c in cuts):
            # a claim that runs over a sentence end the parse did not see ("... in Washington,
            # D.C. Jackson's wife spent ...", see ``segment._abbreviation_ends``): its tree is
            # two sentences' words glued, no proposition
            return pieces, "fragment", None
    first = _repair(doc, unit, pieces, True)
    if first[2] is not None and first[1] == "fragment_dangling":
        again = _repair(doc, unit, pieces, False)
        if again[1] is None:
            return again
    return first


def _repair(doc, unit: Unit, pieces, asides: bool):
    aside = None
    pieces = headline_copula(doc, unit, pieces)
    toks = {p for p in pieces if isinstance(p, int)}
    if not unit.composed:
        hit = aside_attribution(doc, unit, toks) if asides else None
        if hit is not None:
            v, subj, cut = hit
            pieces = trim_pieces(doc, [p for p in pieces if not (isinstance(p, int) and p in cut)])
            aside = (subj, v.text)
            toks = {p for p in pieces if isinstance(p, int)}
        pieces = dep_tail(doc, unit, pieces)
        pair = subject_pair(doc, unit, toks)
        if pair is not None and pair[1] is not None:
            desc, name = pair  # the name is the subject; the description before it goes
            gone = set(range(desc.left_edge.i, name.left_edge.i))
            keep = [p for p in pieces if not (isinstance(p, int) and p in gone)]
            if name.i not in toks:
                k = next((n for n, p in enumerate(keep) if isinstance(p, int) and p > name.i), len(keep))
                keep = keep[:k] + [j for j in range(name.left_edge.i, name.right_edge.i + 1)] + keep[k:]
            pieces = keep
        elif pair is not None:
            return pieces, "fragment_garbled", aside  # "The only candidate less palatable: Trump, the developer turned star"
        toks = {p for p in pieces if isinstance(p, int)}

    def dangling(p, lead):
        if not isinstance(p, int):
            return False
        t = doc[p]
        if t.is_punct:
            return True
        if lead:
            # not a determiner: "That cable warned ..." keeps its "That", and "That is not the
            # objective" its subject; not the mark of a subordinate clause inside the claim
            # ("While I planned on serving ..., I know ..." is no comma splice)
            if t.dep_ == "nsubj" and t.tag_ == "DT" or subordinate_inside(doc, t, toks):
                return False
            return t.lower_ in DANGLING_LEAD and t.dep_ in ("cc", "mark", "advmod", "nsubj")
        if t.lower_ in DANGLING_END or t.dep_ in ("cc", "preconj", "det", "poss", "case", "aux", "mark") or t.tag_ == "MD":
            return True
        if t.lower_ == "not" and t.head.pos_ in ("AUX", "VERB") and t.head.i < t.i and not any(
                c.i > t.i and c.i in toks for c in t.head.children):
            return True  # "the sailor has not": what he has not done was cut off
        if t.lemma_ == "be" and t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass") and not any(
                c.dep_ in ("attr", "acomp", "ccomp", "xcomp", "prep", "advmod", "oprd", "npadvmod") and c.i in toks for c in t.children):
            return True  # "Our problem with Representative Ryan is": what it is was cut off
        if not t.whitespace_ and t.i + 1 < len(doc) and doc[t.i + 1].text in ("-", "—", "–") and t.is_alpha:
            return True  # "Congress needs to re-": a word cut at its hyphen
        if t.dep_ == "advmod" and t.lower_ in CUT_ADVERBS and t.i + 1 < len(doc) and t.i + 1 not in toks \
                and not doc[t.i + 1].is_punct:
            return True  # "won control of the House in 2010 partly" (its "because ..." cut off)
        return t.dep_ in ("prep", "agent") and not any(c.i in toks for c in t.children)
    pieces = answer_cut(doc, pieces)
    while pieces and dangling(pieces[0], True):
        if isinstance(pieces[0], int) and doc[pieces[0]].lower_ == "nor":
            # "Nor is he a pundit" without its "Nor" would say the opposite ("is Steele a pundit")
            return pieces, "fragment_dangling", aside
        pieces = pieces[1:]
    while pieces and dangling(pieces[-1], False):
        t = doc[pieces[-1]] if isinstance(pieces[-1], int) else None
        if t is not None and not t.is_punct and t.dep_ != "cc" and t.lower_ not in ("and", "or", "but", "nor"):
            # a preposition, article or "to" whose words were cut off: the claim is cut mid-sentence
            return pieces, "fragment_dangling", aside
        pieces = pieces[:-1]
    ints = [k for k, p in enumerate(pieces) if isinstance(p, int)]
    dots = [k for k in ints if doc[pieces[k]].text in ("…", "...")]
    if dots and 0 < len(ints) - 1 - ints.index(dots[-1]) <= 2 and not any(
            doc[pieces[k]].pos_ in ("VERB", "AUX", "NOUN", "PROPN") for k in ints[ints.index(dots[-1]) + 1:]):
        # "You paid in to Medicare for years … now": a word or two after an ellipsis, the
        # rest of their clause cut off; the claim ends at the ellipsis
        pieces = pieces[:dots[-1]]
    pieces = balance_brackets(doc, trim_pieces(doc, given_that(doc, pieces)))
    toks = {p for p in pieces if isinstance(p, int)}
    if not toks:
        return pieces, "fragment_dangling", aside
    if not toks.isdisjoint(tokens_with(doc, ("?",))):
        return pieces, "question", aside  # "Etheridge appears irritated ? before ...": a question cut out
    if unit.composed:
        return pieces, ("fragment_dangling" if relative_gap(doc, unit.head, toks) else None), aside
    if elliptical_inversion(doc, toks):
        return pieces, "fragment", aside
    if "enough" in (doc[i].lower_ for i in toks) and bare_enough(doc, toks):
        return pieces, "fragment_vague_object", aside
    return pieces, finite_core(doc, unit, toks), aside


def given_that(doc, pieces):
    """"Given that, Mr. Smith said, the plan was doomed": "Given that" points back to what the
    sentence before said; the claim is what follows it ("the plan was doomed")."""
    ints = [p for p in pieces if isinstance(p, int)]
    if len(ints) < 4 or doc[ints[0]].lower_ != "given" or doc[ints[1]].lower_ not in ("that", "this") \
            or ints[1] != ints[0] + 1 or ints[1] + 1 >= len(doc) or doc[ints[1] + 1].text != ",":
        return pieces
    gone = {ints[0], ints[1], ints[1] + 1}
    return [p for p in pieces if not (isinstance(p, int) and p in gone)]


def bare_enough(doc, toks: set[int]) -> bool:
    """"Mr. Cruz had finally had enough": a bare "enough" as the object of "have" says enough of
    what nowhere in the claim."""
    return any(doc[i].lower_ == "enough" and doc[i].dep_ == "dobj" and doc[i].head.lemma_ == "have"
               and not any(doc[i].children) for i in toks)


ELLIPSIS_BARE = ("xcomp", "ccomp", "acomp", "attr", "dobj", "prep", "advcl", "oprd", "agent", "neg")


def elliptical_inversion(doc, toks: set[int]) -> bool:
    """"(and so) will Tom [Smith]", "(nor) did the mayor": an auxiliary before its subject and
    nothing after it, the verb phrase it stands for left in the clause before: no proposition."""
    first = doc[min(toks)]
    if not (first.tag_ == "MD" or first.pos_ == "AUX") or first.head.i in toks and first.head.i != first.i:
        return False
    kids = [c for c in first.children if c.i in toks]
    return any(c.dep_ in ("nsubj", "expl") and c.i > first.i for c in kids) and not any(
        c.dep_ in ELLIPSIS_BARE or c.pos_ in ("VERB", "AUX") for c in kids)


GAP_NOUNS = {"way", "reason", "place", "time", "day", "week", "month", "year", "moment", "point", "extent", "manner"}


def balance_brackets(doc, pieces):
    """Brackets the cut left half: a ")" whose "(" is not in the claim goes ("(The suit)
    certainly was a shock" -> "The suit certainly was a shock"); a "(" whose words are all kept
    but not its ")" gets it back ("Sen. Paul Grant (D-Ohio" -> "Sen. Paul Grant (D-Ohio)").
    Square brackets alike ("[We worked] all night" cut to "We worked] all night" -> "We worked
    all night")."""
    texts = [doc[p].text for p in pieces if isinstance(p, int)]
    if "(" in texts or ")" in texts:
        pieces = _balance(doc, pieces, "(", ")")
    if "[" in texts or "]" in texts:
        pieces = _balance(doc, pieces, "[", "]")
    return pieces


def _balance(doc, pieces, o_mark: str, c_mark: str):
    ints = [p for p in pieces if isinstance(p, int)]
    opened, stray, inner = [], set(), 0  # inner: brackets opened inside a token ("7-6(3) 6-3")
    for p in ints:
        text = doc[p].text
        if text == o_mark:
            opened.append(p)
        elif text == c_mark:
            if inner:
                inner -= 1
            elif opened:
                opened.pop()
            else:
                stray.add(p)
        else:
            inner = max(0, inner + text.count(o_mark) - text.count(c_mark))
    if stray:
        pieces = [p for p in pieces if not (isinstance(p, int) and p in stray)]
    if len(opened) == 1 and isinstance(pieces[-1], int) and pieces[-1] > opened[0]:
        o, last = opened[0], pieces[-1]
        toks = {p for p in pieces if isinstance(p, int)}
        close = next((t.i for t in doc[o + 1:min(len(doc), o + 12)] if t.text in (o_mark, c_mark)), None)
        if close is not None and doc[close].text == c_mark and close == last + 1 and all(
                k in toks for k in range(o, close)):
            pieces = pieces + [close]
    return pieces


def relative_gap(doc, head, toks: set[int]) -> bool:
    """A composed claim whose verb is the infinitive of a relative clause with a subject of its own
    and no object: "the proposals she planned to bring up on Thursday" stored as "she will bring up
    on Thursday" -- what she will bring up is the noun the clause hangs on, not in the claim ("the
    day she planned to leave" gave "she will leave": a time is no object, that stays)."""
    if head is None or head.dep_ != "xcomp" or head.pos_ != "VERB":
        return False
    v = head.head
    if v.dep_ != "relcl" or v.head.i in toks or v.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in v.children):
        return False  # ("officials who plan to resign": the relative pronoun is the subject)
    if v.head.lemma_.lower() in GAP_NOUNS or v.head.ent_type_ in ("DATE", "TIME") or any(
            t.tag_ in ("WDT", "WP", "WRB") for t in v.subtree):
        return False  # ("a clip in which the girl threatens to leave": the gap is no object)
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative", "oprd") for c in head.children)
