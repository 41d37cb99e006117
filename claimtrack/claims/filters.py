"""Sentences that are not claims: questions, bylines, credits, boilerplate, fragments."""

from __future__ import annotations

import re

from claimtrack.claims.resolve import (FEMALE_FIRST, MALE_FIRST, PERSON_NOUNS, ROLE_NOUNS, bound_object,
                                      description_span, group_possessive, person_noun)

QUOTES = "\"'“”‘’«»"
BYLINE = re.compile(r"^\s*by\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}\s*[,|]?.{0,40}$", re.I)
CREDIT = re.compile(
    # ("Video shows that ..." is a claim: a video credit is "Video: ...", "Video by ...", "Video courtesy ...")
    r"^\s*(photo|photograph|image|picture|credit|video(?=\s*(?:[:|\u2013\u2014-]|by\b|courtesy\b|credit\b|$))|"
    r"reporting by|editing by|additional reporting|writing by)\b",
    re.I,
)
BOILERPLATE = re.compile(
    # ("©" only as a copyright sign: "Ã©" is a mis-decoded "é", as in "protegÃ©s"; "Â©" is a mis-decoded "©")
    r"\b(subscribe|newsletter|sign up|read more|all rights reserved|click here|follow us|cookie|"
    r"share this|terms of use|privacy policy)\b|(?<!\u00c3)\u00a9|\bcopyright\b|"
    # (an advertisement label, not a sentence about an advertisement: "the advertisement suggests ...")
    r"^\W*advertisement\W*$|\badvertisement\W+continue reading\b|"
    r"\bthis (?:post|article|story|report) (?:has been|was) (?:updated|revised|corrected)\b",
    re.I,
)


def drop_reason(sentence: str) -> str | None:
    """Why a whole sentence is not a claim, or None if it may hold claims."""
    core = sentence.strip().rstrip(QUOTES + " ")
    if not core:
        return "empty"
    if core.endswith("?"):
        return "question"
    if BYLINE.match(sentence) and len(sentence.split()) <= 10:
        return "byline"
    if CREDIT.match(sentence):
        return "credit"
    if BOILERPLATE.search(sentence):
        return "boilerplate"
    return None


def is_fragment(tokens, min_tokens: int) -> bool:
    """Too short, or no verb: not a proposition."""
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if len(words) < min_tokens:
        return True
    return not any(t.pos_ in ("VERB", "AUX") for t in tokens)


def normalise_title(text: str) -> str:
    """Comparable form of a headline or sentence: lowercase words only."""
    return " ".join(re.findall(r"\w+", text.lower()))


FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
THIRD_PERSON = {"he", "she", "him", "her", "his"}
REFLEXIVES = {"themselves", "itself", "himself", "herself"}
UNRESOLVED_SPEAKERS = {"he", "she", "they", "him", "her", "them"}


# a subject "it" whose verb (or its predicate) has one of these is an expletive ("It is
# difficult to say ...", "It seems that ...", "It was the review that set off ...")
EXPLETIVE_DEPS = {"ccomp", "csubj", "xcomp", "relcl", "acl"}
EXPLETIVE_VERBS = {"seem", "appear", "happen", "matter", "remain", "take", "rain", "turn", "look", "sound"}


# "It is hard to say", "it takes courage to ...": an "it" pointing to an infinitive; not "it was
# designed to eat the Constitution", "it could be signed into law to reopen the government"
XCOMP_EXPLETIVE = {"be", "take", "cost", "pay", "help", "hurt", "make", "seem", "appear", "remain"}
# verbs whose object "it" points forward ("made it clear that", "find it hard to"); "allow it to happen" is about something
OBJECT_EXPLETIVE = {"make", "find", "consider", "take", "keep", "leave", "think", "believe", "deem", "call"}


# adjectives that raise the subject of their infinitive ("it is likely to happen": "it" is
# what happens), unlike "it is hard to say" (an expletive pointing to the infinitive)
RAISING_ADJS = {"likely", "unlikely", "certain", "sure", "bound", "set", "poised", "due", "able", "unable",
                "apt", "liable", "slated", "expected", "supposed"}


def expletive_it(head, strict_if: bool = True) -> bool:
    """Is the subject "it" of ``head`` an expletive (pointing forward to a clause), not a
    pronoun for something the claim does not name?"""
    if head.lemma_.lower() in EXPLETIVE_VERBS and not (head.lemma_.lower() in ("seem", "appear") and any(
            c.dep_ == "xcomp" and c.lemma_ == "be" for c in head.children)):
        return True  # ("it seems to be rather serious" is about something; "it seems that ..." is not)
    for c in head.children:
        if strict_if and c.dep_ == "advcl" and not (head.lemma_.lower() in ("be", "help", "hurt", "matter", "make") or any(
                g.dep_ in ("acomp", "attr") for g in head.children)):
            continue  # "if it did come up ..., it would put Brown in a tough spot": no "it would be nice if"
        if c.dep_ == "xcomp" and head.lemma_.lower() in XCOMP_EXPLETIVE or c.dep_ in ("ccomp", "csubj", "advcl") and any(
                g.dep_ == "mark" and g.lower_ in ("if", "whether", "that", "when") for g in c.children):
            return True  # ("It defended what Akin called ...": a "what" clause is an object)
        if c.dep_ == "attr" and any(g.dep_ == "det" and g.lower_ in ("a", "an") for g in c.children) and any(
                g.dep_ == "relcl" and any(x.dep_ == "aux" and x.lower_ in ("has", "have", "had") for x in g.children)
                or g.dep_ == "relcl" and any(x.lower_ == "since" for x in g.children) for g in c.children):
            return False  # "it was an algorithmic glitch that has since been fixed": a description of "it", no cleft
        if c.dep_ == "acomp" and c.lower_ in RAISING_ADJS and any(g.dep_ == "xcomp" for g in c.children):
            return False  # "it was likely to happen tonight": "it" is what happens, no expletive
        if c.dep_ in ("attr", "acomp", "oprd") and any(g.dep_ in EXPLETIVE_DEPS and (g.dep_ != "acl" or any(
                x.tag_ == "TO" for x in g.children)) for g in c.children):
            # (the clause of the predicate itself, "It was the review that set off ...", "It is
            # hard to say", "It is a shame to ..."; not a participle, "It was a performance
            # guaranteed to ...", nor a clause deep inside it: "It is also the frankest acknowledgment yet of
            # the degree to which the controversy has damaged ..." is about something)
            return True
    return False


DEMONSTRATIVES = {"this", "that", "these", "those"}
TIME_NOUNS = {"week", "weekend", "year", "month", "day", "morning", "afternoon", "evening", "night", "time",
              "season", "summer", "winter", "spring", "fall", "autumn", "century", "decade", "term", "session",
              "quarter", "point", "moment", "hour", "era", "cycle", "election", "country", "nation",
              "way", "road", "matter", "far", "much", "kind", "sort", "type", "case",
              # degree and stage of the telling ("a first at this level", "at this stage")
              "level", "stage", "scale", "juncture", "extent", "degree", "pace"}
# ... but only with "this"/"these": "well above that level", "to that extent" point back to
# something the claim does not say
DEGREE_NOUNS = {"level", "levels", "stage", "stages", "scale", "juncture", "extent", "degree", "pace"}
PLACE_NOUNS = {"state", "city", "town", "region", "area", "place", "location", "post", "country", "county"}


VAGUE_NOUNS = {"others", "other", "some", "many", "one", "ones", "those", "these", "most", "all", "time", "times",
               "part", "now", "today", "year", "week", "day", "month"}


def subject_pronoun(subj):
    """The pronoun a subject stands on: the subject itself, "them"/"it" in "most of them",
    "each of them", or "its" in "its 29 electoral votes"; else the subject."""
    if subj.lower_ in ("it", "they", "them"):
        return subj
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > subj.i:
            p = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ in ("them", "it")), None)
            if p is not None:
                return p
            p = next((g for g in c.children if g.dep_ == "pobj"), None)  # "several of their colleagues"
            if p is not None and subj.lower_ in VAGUE_NOUNS | {"several", "few", "none", "each", "any", "both"}:
                q = next((g for g in p.children if g.dep_ == "poss" and g.lower_ in ("their", "its")), None)
                if q is not None:
                    return q
        if c.dep_ == "poss" and c.lower_ == "its":
            return c
        if c.dep_ == "poss" and c.lower_ == "their" and not any(
                g.pos_ == "PROPN" or g.dep_ in ("appos", "compound") for g in subj.subtree if g.i != c.i):
            return c  # ("Their party's nominee, Roy Dunn, ..." names who it is about)
    return subj


def demonstrative_np(doc, idx, subs, quoted, speaker, direct=False) -> bool:
    """A noun that only a demonstrative determines ("that sentiment", "this decision", "those
    cases"), outside a speaker's quoted words, with nothing in the claim it points back to
    (the same noun, or a place for "that state"): which one, the claim does not say. Not
    times and places of the telling ("this week", "that year", "this country"), nor a noun a
    restrictive clause or "of" phrase says more of ("that part of the bill", "those who ...")."""
    toks = set(idx)
    for i in idx:
        t = doc[i]
        if t.dep_ != "det" or i in subs:
            continue
        noun = t.head
        if t.lower_ == "the" and any(c.lower_ == "same" and c.dep_ == "amod" for c in noun.children):
            pass  # "Obama made the same argument on the stump": the same as what?
        elif t.lower_ not in DEMONSTRATIVES:
            continue
        if t.lower_ == "the" and any(doc[j].lower_ in ("as", "that") and doc[j].i > noun.i for j in idx):
            continue  # ("the same amount of savings as ...")
        if noun.pos_ != "NOUN" or noun.i not in toks or (noun.lower_ in TIME_NOUNS or noun.lemma_.lower() in TIME_NOUNS) \
                and not (t.lower_ in ("that", "those") and noun.lower_ in DEGREE_NOUNS):
            continue
        if speaker and (i in quoted or direct):
            continue  # (a speaker's quoted words, also a quotation running on from a sentence before)
        if any(c.dep_ in ("acl", "prep") and c.i > noun.i and (c.dep_ == "acl" or c.lower_ == "of") for c in noun.children):
            continue
        # the subject of the verb the noun's phrase hangs on is no antecedent of its "these"/"those":
        # "tax cuts will come before these measures" sets the two apart
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        rival = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")} if verb.pos_ in ("VERB", "AUX") else set()
        rival |= {g.i for r in list(rival) for g in doc[r].subtree}
        if any(c.dep_ == "relcl" and c.i > noun.i and doc[c.left_edge.i - 1].text != "," for c in noun.children) and not (
                t.lower_ == "these" and not any(j < t.i and doc[j].tag_ == "NNS" and doc[j].lower_ not in VAGUE_NOUNS
                                                and j not in rival for j in toks)):
            # ("those who ...", "that part of the bill which ..." say which; "these measures that
            # are already in the queue" points back all the same)
            continue
        if any(doc[j].lemma_.lower() == noun.lemma_.lower() or doc[j].ent_type_ in ("GPE", "LOC", "FAC")
               and noun.lower_ in PLACE_NOUNS or t.lower_ in ("these", "those") and doc[j].tag_ == "NNS"
               and doc[j].lower_ not in VAGUE_NOUNS and j not in rival for j in toks if j < t.i):
            continue  # ("the nation's libel laws, even though those statutes are ...")
        return True
    return False


def object_it(doc, idx, head, quoted, speaker, direct: bool = False) -> bool:
    """An object "it"/"them" the claim gives nothing to refer to ("Pelosi rejected it even
    before Trump spoke"): no thing named before it (people are no "it"), not "make it
    clear that ...", not a speaker's own quoted words."""
    toks = set(idx)
    for i in idx:
        t = doc[i]
        if t.lower_ == "its" and t.dep_ == "poss" and t.head.dep_ in ("dobj", "pobj") and t.head.i in toks \
                and (t.head.dep_ == "dobj" or t.head.head.head.pos_ in ("VERB", "AUX") and t.head.head.head.i < t.i):
            # (not a phrase fronted before its verb: "on its face, ...")
            # "Republican officials disputed its characterization": whose, the claim does not
            # say (its own subject may own it: "The board released its report")
            if speaker and (t.i in quoted or direct or not (named_person(speaker) or described_person(speaker))):
                continue  # ("Twitter said Mr. Jones had not violated its policies": the speaker's own)
            if any(doc[j].lower_ in ("it", "they") and doc[j].pos_ == "PRON" for j in toks if j < t.i):
                continue  # ("it would defer its inquiry": one thing, as the claim's subject says)
            if any(doc[j].pos_ in ("NOUN", "PROPN") and doc[j].ent_type_ != "PERSON" and doc[j].lower_ not in VAGUE_NOUNS
                   and doc[j].dep_ != "compound" and not person_noun(doc[j]) and doc[j].lemma_.lower() not in PERSON_NOUNS | ROLE_NOUNS
                   and doc[j].ent_type_ not in ("DATE", "TIME", "NORP") for j in toks if j < t.i):
                continue
            return True
        if t.lower_ == "their" and t.dep_ == "poss" and t.head.dep_ == "dobj" and t.head.i in toks \
                and not (speaker and (t.i in quoted or direct)) and t.head.head.pos_ == "VERB" and any(
                    c.dep_ == "nsubj" and c.ent_type_ == "PERSON" and not any(g.dep_ == "conj" for g in c.children)
                    for c in t.head.head.children) and not any(
                    doc[j].tag_ in ("NNS", "NNPS") or doc[j].ent_type_ in ("ORG", "NORP", "GPE")
                    or doc[j].pos_ == "NOUN" and doc[j].dep_ != "pobj" or doc[j].lower_ in ("they", "them", "we", "us")
                    for j in toks if j < t.i):
            # "Mayor Hale, in turn, endorsed their demands": one person is no "their", and the
            # claim names nobody else it could be
            return True
        if t.lower_ not in ("it", "them") or t.dep_ not in ("dobj", "pobj", "dative") or t.pos_ != "PRON":
            continue
        if speaker and (t.i in quoted or direct):
            continue  # (a direct quotation whose marks opened in the sentence before, too)
        if t.dep_ == "dobj" and t.head.lemma_.lower() in OBJECT_EXPLETIVE and any(
                c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for c in t.head.children):
            continue  # "made it clear that ...", "found it hard to ..."
        # the subject of its own verb is never what an object "it" is ("A protester posted it
        # to YouTube": not the protester; that would be "itself")
        verb = t.head if t.dep_ != "pobj" else t.head.head
        # (nor its object: "pare back his vision for it" is no vision for the vision)
        own = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") or c.dep_ in ("dobj", "dative") and c.i < t.i}
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(c.tag_ == "TO" for c in verb.children):
            # "the military option to stop it": the option is the means, not what "it" is
            own |= {verb.head.i} | {c.i for c in verb.head.children if c.dep_ in ("compound", "amod")}
        if not own and verb.dep_ == "conj":
            own = {c.i for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        if t.dep_ == "pobj" and t.head.head.pos_ == "NOUN":
            # "pare back his vision for it", "stress the need for it": the noun the pronoun's
            # phrase hangs on is not what it is
            own |= {t.head.head.i}
            if t.head.lower_ == "of" and t.head.head.dep_ == "conj" and t.head.head.head.pos_ == "NOUN":
                own |= {t.head.head.head.i}  # nor the part listed with it: "the first hour and a half of it"
        if any(j not in own and doc[j].pos_ in ("NOUN", "PROPN") and doc[j].ent_type_ != "PERSON" and doc[j].lower_ not in VAGUE_NOUNS
               and doc[j].dep_ != "compound" and not person_noun(doc[j]) and doc[j].lower_ not in PERSON_NOUNS | ROLE_NOUNS
               and not (t.lower_ == "it" and doc[j].tag_ in ("NNS", "NNPS"))
               and not (t.lower_ == "them" and doc[j].tag_ not in ("NNS", "NNPS")) for j in toks if j < t.i):
            continue
        if t.lower_ == "them" and any(doc[j].ent_type_ == "PERSON" or doc[j].tag_ == "NNS" for j in toks if j < t.i):
            continue
        return True
    return False


# a person the claim only describes by an epithet ("the congressman", "the 68-year-old
# congressman", "the former FBI agent"): who, the claim does not say (roles the article titles,
# "the mayor", "the president", are resolved or read as the office, and stay)
EPITHET_NOUNS = {"congressman", "congresswoman", "agent", "businessman", "businesswoman", "billionaire",
                 "politician", "veep", "incumbent", "challenger", "newcomer", "lawmaker", "septuagenarian",
                 "octogenarian", "firebrand", "freshman", "host", "anchor", "pundit", "commentator"}
# generic roles a subject names nobody by ("The official also insisted on anonymity"), when
# resolution (the one person titled so, the person quoted last) found no name
# (only "official": the anonymous source's word; "the aide", "the adviser" often re-describe a named person)
GENERIC_EPITHETS = {"official", "spokesperson", "spokesman", "spokeswoman"}
# "The Illinois Democrat faces up to five years in prison": a party word for a person
PARTY_EPITHETS = {"democrat", "republican"}
# speakers only an epithet names ("the legislator said"), besides EPITHET_NOUNS
# two sides a speaker names without saying which ("both sides said", "the two sides told")
PAIR_SPEAKER = re.compile(r"(?i)(?:both|both sides|the two sides)")
# a name particle cut from its name ("al" of "al-Qaddafi", "bin", "van") is nobody
PARTICLE_SPEAKER = re.compile(r"(?:al|el|bin|ibn|abu|de|del|der|da|di|du|van|von|le|la)")
SPEAKER_EPITHETS = {"legislator", "cameraman", "spokesperson", "spokesman", "spokeswoman", "official"}
# "the pair disparaged ...": which two, the claim does not say
GROUP_EPITHETS = {"pair", "duo", "trio"}
# calendar nouns an anaphoric "that"/"those" points back with ("For that year, ..."); not "at
# that point", "that way" (idioms), nor "this year" (the telling's own time)
CALENDAR_NOUNS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "weekend", "season",
                  "quarter", "decade", "century", "night", "morning", "afternoon", "evening", "summer",
                  "winter", "spring", "fall", "autumn", "term", "session", "cycle", "date"}
NUMBER_WORDS = {"two", "three", "four", "both", "one"}


def anonymous_before(doc, t) -> bool:
    """Did the text before ``t``'s sentence bring in an unnamed one of its kind ("according to
    another official who was present", "a spokesman for the campaign")? Then "the official" is
    that anonymous person, whom no claim can name."""
    start = t.sent.start
    return any(x.lemma_.lower() == t.lemma_.lower() and any(
        c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "another", "one", "second") for c in x.children)
        for x in doc[:start])


def epithet_person(doc, idx, subs, quoted, speaker, direct=False) -> bool:
    """A person only an epithet names ("the congressman remained in critical condition", "the
    former FBI agent"), or a bare "The two"/"The next one" subject, outside a speaker's quoted
    words, that resolution did not turn into a name."""
    for i in idx:
        t = doc[i]
        if i in subs or speaker and (i in quoted or direct):
            continue
        if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lower_ in PERSON_NOUNS | ROLE_NOUNS | EPITHET_NOUNS \
                and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") and any(
                    c.dep_ == "amod" and c.lower_ == "former" for c in t.children) and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in t.children) and not any(
                    c.dep_ in ("relcl", "acl", "appos") or c.dep_ == "prep" and c.lower_ in ("of", "from", "for", "at", "in")
                    for c in t.children) and t.head.dep_ != "appos" and not any(
                    doc[j].ent_type_ == "PERSON" or j in subs and subs[j] for j in idx if j < t.i):
            # "The former Pennsylvania senator has a daughter", "cheered the former agent's
            # termination": "former" is no office the article's one holder fills, it is a person the
            # claim does not name (after "Romney's news conference", "the former governor" is Romney)
            return True
        if t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in PERSON_NOUNS | ROLE_NOUNS and any(
                c.dep_ in ("det", "predet") and c.lower_ == "both" for c in t.children) and not any(
                c.dep_ in ("prep", "relcl", "acl", "appos", "amod", "compound") for c in t.children) and not any(
                doc[j].ent_type_ == "PERSON" or j in subs and subs[j] for j in idx if j < t.i):
            # "Both men were fired before ...": which two, the claim does not say ("both sides", a
            # reporter's word for the parties the article is about, stays)
            return True
        generic = t.lower_ in GENERIC_EPITHETS | GROUP_EPITHETS and t.dep_ in ("nsubj", "nsubjpass") and not any(
            c.dep_ in ("amod", "compound", "nummod") for c in t.children) and (
            t.lower_ in GROUP_EPITHETS or anonymous_before(doc, t))  # ("the senior official" may be titled)
        # ("The Congressman will be in the hospital": the tagger calls a capitalised epithet a name)
        if t.lower_ in EPITHET_NOUNS and (t.pos_ == "NOUN" and t.tag_ == "NN" or t.tag_ == "NNP" and t.ent_type_ != "PERSON"
                                          and not t.ent_type_ and t.dep_ != "compound") \
                or generic and t.pos_ == "NOUN" and t.tag_ == "NN" \
                or t.lower_ in PARTY_EPITHETS and t.tag_ in ("NNP", "NN") and t.dep_ in ("nsubj", "nsubjpass") and all(
                    c.dep_ == "det" or c.dep_ == "compound" and c.ent_type_ == "GPE" for c in t.children):
            # (not "the top Republican and Democrat on the committee": that says who)
            det = next((c for c in t.children if c.dep_ == "det"), None)
            if det is None or det.lower_ not in ("the", "that", "this"):
                continue
            if any(c.dep_ in ("relcl", "acl", "appos") or c.dep_ == "prep" and c.lower_ in ("of", "from", "for")
                   for c in t.children) or t.dep_ == "compound":
                continue  # ("the congressman from Ohio", "the congressman who ...": says more)
            if any(a.dep_ == "acl" and a.head.pos_ == "NOUN" for a in t.ancestors):
                continue  # ("claims that the congressman had misused his office": about the claims)
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in ("say", "tell", "add", "argue", "contend", "write"):
                continue  # ("meddling the California congressman said is ...": the claim's speaker)
            if any(doc[j].dep_ == "poss" and (doc[j].ent_type_ == "PERSON" or doc[j].pos_ == "PROPN"
                                               and doc[j].ent_type_ not in ("GPE", "NORP", "LOC"))
                   for j in idx if j < t.i):
                continue  # ("Trump's tax returns showed the New York businessman lost ...": the owner)
            if t.head.dep_ == "appos" or any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                                             for c in t.children):
                continue
            return True
        if t.lower_ in NUMBER_WORDS and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NUM", "PRON", "NOUN", "DET") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
                and not any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in t.children):
            return True  # "The two were the earliest supporters", "The next one will be a town hall"
    return False


# nouns for a relation between two things, which a bare "the distinction" leaves unsaid
RELATIONAL_NOUNS = {"distinction", "difference", "contrast", "discrepancy", "similarity", "parallel", "comparison"}


def anaphoric_np(doc, idx, subs, quoted, speaker, direct=False) -> bool:
    """"For that year, the budget was ..." (a "that"/"those" calendar noun) and "such funding",
    "such a meeting" with nothing in the claim they point back to (a date, the same noun);
    "this year" (the telling's own time), "such things as ..." and quoted words stay."""
    toks = set(idx)
    for i in idx:
        t = doc[i]
        if i in subs or speaker and (i in quoted or direct):
            continue
        noun = t.head
        if noun.i not in toks or noun.pos_ != "NOUN":
            continue
        if t.lower_ in ("that", "those") and t.dep_ == "det" and noun.lower_ in CALENDAR_NOUNS:
            if any(c.dep_ in ("relcl", "acl", "prep", "amod") for c in noun.children):
                continue  # ("that year's budget", "that week in June", "that same year")
            if any(doc[j].ent_type_ in ("DATE", "TIME", "EVENT") and j < t.i for j in toks):
                continue
            return True
        if t.lower_ == "following" and t.dep_ == "amod" and t.i < noun.i and noun.lower_ not in CALENDAR_NOUNS \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
                and not any(c.dep_ in ("relcl", "acl", "prep") and c.i > noun.i and c.lower_ != "on" for c in noun.children) \
                and t.i - 1 >= 0 and doc[t.i - 1].lower_ == "the":
            # "a post provides the following commentary on the encounter": what follows is not in
            # the claim ("the following day" is a time)
            return True
        if t.lower_ == "the" and t.dep_ == "det" and noun.lemma_.lower() in RELATIONAL_NOUNS and (noun.dep_ in (
                "nsubjpass", "dobj") or noun.dep_ == "nsubj" and noun.head.lemma_ != "be") and not any(c.dep_ in ("prep", "relcl", "acl", "amod", "compound", "poss")
                                                          for c in noun.children):
            # "Republicans ignored the distinction": between what, the claim does not say ("The
            # difference now is that ..." says what it is)
            return True
        if t.lower_ == "such" and t.dep_ in ("amod", "predet", "det") and t.i < noun.i and noun.tag_ in ("NN", "NNS") \
                and (noun.dep_ in ("nsubj", "nsubjpass", "dobj") or noun.dep_ == "pobj" and noun.head.lower_ in (
                    "for", "against", "about", "with", "into", "to") and noun.head.head.pos_ == "VERB"
                    and noun.head.dep_ == "prep") \
                and not any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > t.i for c in noun.children):
            # ("such a free hand", "such a big deal": a degree, not a thing named before)
            # (one such thing as subject or object: "such a meeting", "such funding"; plural ones too,
            # "criticized such attacks", "allow such imports", and the object of a verb's "with"/
            # "to"/"into": "cooperate with such an investigation"; an adjunct "in such cases", "in
            # such a format" describes the claim's own subject)
            if any(c.lower_ == "as" or c.dep_ in ("relcl", "acl") for c in noun.children) or any(
                    doc[j].lower_ == "as" and j > noun.i for j in toks) or any(
                    doc[j].lemma_.lower() == noun.lemma_.lower() for j in toks if j < t.i):
                continue  # ("such things as ...", "such a plan that ...")
            return True
    return False


# what an organisation may call itself ("Twitter said it is a platform for ...")
ORG_NOUNS = {"company", "firm", "platform", "organization", "organisation", "group", "business", "agency",
             "network", "service", "site", "party", "nonprofit", "charity", "bank", "newspaper", "outlet",
             "publication", "union", "coalition", "campaign", "movement", "member", "partner", "leader",
             "supporter", "provider", "maker", "school", "university", "government", "country", "state"}


HONORIFICS = ("mr.", "ms.", "mrs.", "dr.", "sen.", "rep.", "gov.", "mr", "ms", "mrs", "dr")


def named_person(speaker: str) -> bool:
    """Is the speaker, as written, a person (an honorific, a known first name: "Mr. Goelman",
    "Aitan Goelman"), who is no "it"?"""
    words = speaker.split()
    return len(words) >= 2 and (words[0].lower() in HONORIFICS or words[0].lower() in MALE_FIRST | FEMALE_FIRST)


# people a speaker is described as ("a senior Democratic staffer", "the aide"): no "it"
SPEAKER_PEOPLE = PERSON_NOUNS | ROLE_NOUNS | SPEAKER_EPITHETS | {"staffer", "aide", "source", "strategist",
                                                               "operative", "consultant", "insider"}


def inside_marks(doc, i: int) -> bool:
    """Is token ``i`` between quotation marks of its sentence (an odd count of marks before it)?"""
    return sum(1 for t in doc[doc[i].sent.start:i] if t.is_quote and t.text not in ("'", "’", "‘")) % 2 == 1


def described_person(speaker: str) -> bool:
    """Is the speaker, as written, one person described by a role ("A senior Democratic
    staffer", "the official")? (A person is no "it" the speaker says something of.)"""
    words = speaker.lower().split()
    return len(words) >= 2 and words[0] in ("a", "an", "the", "one") and words[-1] in SPEAKER_PEOPLE and " of " not in speaker


def predicate_possessive(t) -> bool:
    """Is possessive ``t`` inside the predicate noun of a copula whose subject is a person ("the
    vice president is his senior", "Smith was her boss")? A person is not his own senior, so
    the possessive is someone else the claim does not name ("his own man" is his own)."""
    noun = t.head
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or any(c.lower_ == "own" for c in noun.children):
        return False
    subj = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and noun.head.dep_ == "relcl":
        subj = noun.head.head
    return subj is not None and (subj.ent_type_ == "PERSON" or person_noun(subj) or subj.lower_ in (
        "he", "she", "who") or subj.pos_ == "NOUN" and subj.lower_ in PERSON_NOUNS | ROLE_NOUNS)



# --- vague referents (session 27) ---
# person roles a bare definite description stands on ("The president tweeted ...", "the
# committee's chairman wrote ...", "The New York Democrat granted ..."): who, the claim does not
# say unless resolution turned it into a name
VAGUE_ROLES = (ROLE_NOUNS | PERSON_NOUNS | EPITHET_NOUNS | SPEAKER_EPITHETS) - {
    "man", "woman", "boy", "girl", "father", "mother", "wife", "husband", "son", "daughter", "star", "chief",
    "general", "executive", "leader", "owner", "employee", "worker", "student", "victim", "suspect", "defendant",
    "plaintiff", "shooter", "gunman", "justice"} | {"speaker", "minister", "candidate", "nominee", "democrat", "republican",
                                                  "secretary", "congressman", "lawmaker", "spokesman"}
# documents a speaker may be that do not say whose ("the statement said", "the lawsuit says")
VAGUE_DOCUMENTS = {"statement", "letter", "suit", "lawsuit", "complaint", "memo", "release", "filing", "email",
                   "e-mail", "document", "cable", "post", "tweet", "ad", "advertisement", "petition", "motion"}
# people in the plural a speaker does not say which of ("The scholars say ...")
VAGUE_PEOPLE = {"scholars", "women", "men", "officials", "experts", "researchers", "authors", "writers", "critics",
                "activists", "residents", "protesters", "students", "organizers", "plaintiffs", "analysts",
                "lawmakers", "aides", "sources", "advisers", "members", "leaders", "parents", "teachers", "workers",
                "people", "theologians", "faculty"}
# organisations an anaphoric "the company" stands for
VAGUE_ORGS = {"company", "group", "campaign", "office", "organization", "organisation", "agency", "firm"}
# shell nouns for an event the claim does not tell ("The controversy has galvanized ...",
# "The move left ...", "The tightening was reflected ..."); with its own content ("the move to
# cut taxes", "the controversy over the ad") the noun says what
SHELL_NOUNS = {"controversy", "move", "decision", "tightening", "development", "incident", "episode", "flap", "furor",
               "furore", "uproar", "announcement", "remarks", "comments", "photo", "photograph",
               "picture", "image", "video", "tweet", "outburst", "gaffe", "revelation", "revelations",
               "reversal", "spat", "feud"}
def vague_speaker(speaker: str) -> bool:
    """Is the speaker, as written, a description that does not say who: a person role ("the
    committee's chairman", "The Democratic senator", "the House speaker"), a document or an
    organisation in lowercase words only ("the statement", "That cable", "the company"; not "The
    Washington Post", "the Romney campaign", "the statement from Grimm's attorney"), people in the
    plural ("The scholars"), or one of many ("One official", "one of the women", "A group of
    Republicans")?"""
    words = speaker.split()
    if len(words) < 2:
        return False
    first, last, mid = words[0].lower(), words[-1], words[1:-1]
    if first in ("one", "a") and (first == "one" and len(words) <= 4 or words[1:3] in (
            ["group", "of"], ["handful", "of"], ["number", "of"], ["couple", "of"]) and len(words) <= 5):
        return " and " not in speaker  # ("One official", "one of the women", "A group of Republicans")
    if first not in ("the", "this", "that", "these", "those") or any(w.lower() in ("of", "from", "for", "and", "at")
                                                                     for w in mid):
        return False  # ("the statement from Grimm's attorney", "the president of the board")
    if last.lower() in VAGUE_ROLES and first in ("the", "this", "that") and len(mid) <= 4 and not any(
            w[:1].isupper() and w.endswith(("'s", "’s")) for w in mid):
        return True  # ("the committee's chairman"; not "the Trump campaign's adviser")
    if len(mid) > 2 or not all(w.islower() for w in mid):
        return False  # ("The Georgetown University letter", "the DOJ document" say whose)
    return last in VAGUE_DOCUMENTS | VAGUE_ORGS or last in VAGUE_PEOPLE and first in ("the", "these", "those") or (
        last.endswith("s") and last[:-1] in VAGUE_DOCUMENTS)  # ("the statements said")


def another_subject(doc, idx, subs, quoted, speaker, direct, head) -> bool:
    """The claim's subject is "another <noun>" ("Another technical concern covers ..."): one
    more of something the claim does not give. Not a person ("Another man has died after the
    crash" tells an event; as a speaker, "Another man said", it is gated in claim_problem)."""
    if head is None or head.i not in idx:
        return False
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i in idx and c.i not in subs and c.pos_ == "NOUN" and c.lower_ not in (
                PERSON_NOUNS | ROLE_NOUNS) and any(
                g.dep_ == "det" and g.lower_ == "another" and g.i in idx and g.i == c.left_edge.i for g in c.children) and not any(
                doc[j].pos_ in ("NOUN", "PROPN") for j in idx if j < c.left_edge.i):
            # (not after nouns the claim gives: "The local police were in control; then another unit took over")
            if any(g.dep_ == "appos" or g.dep_ == "compound" and g.pos_ == "PROPN" for g in c.children) or head.lemma_ == "be" \
                    and any(g.dep_ == "attr" and g.i in idx and (g.pos_ == "PROPN" or g.ent_type_ in ("PERSON", "ORG"))
                            for g in head.children):
                return False  # ("Another critic, Laurence Tribe, likened ...", "Another possibility is Del. Jane Roe")
            return not (speaker and (c.i in quoted or direct))
    return False


def named_elsewhere(doc, idx, labels, sent=None, ctx=None, besides: str | None = None) -> bool:
    """Does the text name an entity of ``labels`` ("PERSON", "ORG") outside the claim's own words
    (outside the sentence ``sent`` when given), in this paragraph (or, for "ORG", the paragraph
    before), or a person the article named before (``ctx``) outside that sentence? Only then is a
    bare description ("the president", "the company") a stand-in for a name the claim leaves out;
    a text that names nobody gives the description as all it has. An entity that is part of the
    words ``besides`` (the speaker as written: "Kremlin" of "the Kremlin adviser") is no other name."""
    ents = doc.user_data.get("vague_ents")
    if ents is None:
        ents = doc.user_data["vague_ents"] = [(e.start, e.end, e.label_) for e in doc.ents]
    if sent is not None:
        if any(label in labels and (b <= sent.start or a >= sent.end) for a, b, label in ents):
            return True
    else:
        toks = set(idx)
        if any(label in labels and not any(j in toks for j in range(a, b))
               and not (besides and doc[a:b].text in besides) for a, b, label in ents):
            return True
    if "PERSON" in labels and ctx is not None and ctx.people:
        words = {t.text for t in sent} if sent is not None else {doc[i].text for i in idx}
        return any(p.name.split()[-1] not in words for p in ctx.people if p.name)
    prev = doc.user_data.get("claimtrack_prev")
    return "ORG" in labels and prev is not None and any(e.label_ == "ORG" for e in prev.ents)


def vague_description(doc, idx, subs, quoted, speaker, direct=False, head=None, ctx=None) -> bool:
    """The claim's subject is a description that does not say who or what: a person role ("The
    president tweeted", "The Republican governor has a long history ..."), an organisation ("the
    company said at the time ..."), or an event ("The controversy has galvanized the state", "The
    photo in question showed ..."), with no name, no clause or phrase of its own, and nothing
    before it in the claim; not in a speaker's quoted words, not what resolution named."""
    toks = set(idx)
    for i in idx:
        t = doc[i]
        if i in subs or speaker and (i in quoted or direct):
            continue
        if head is not None and head.dep_ == "relcl" and t.i == head.head.i:
            pass  # a relative clause is about its noun ("The controversy, which has galvanized the state")
        elif t.dep_ not in ("nsubj", "nsubjpass") or head is not None and t.head.i != head.i:
            continue
        if head is None and t.head.dep_ != "ROOT":
            continue
        low = t.lower_
        if t.ent_type_ == "PERSON" or t.pos_ not in ("NOUN", "PROPN"):
            continue
        role = low in VAGUE_ROLES and t.tag_ in ("NN", "NNP")
        org = low in VAGUE_ORGS and t.tag_ == "NN"
        shell = low in SHELL_NOUNS and t.pos_ == "NOUN"
        if not (role or org or shell):
            continue
        kids = list(t.children)
        det = next((c for c in kids if c.dep_ == "det"), None)
        poss = next((c for c in kids if c.dep_ == "poss"), None)
        if det is None and poss is None:
            continue
        if det is not None and det.lower_ not in ("the", "this", "that", "these", "those"):
            continue
        if poss is not None and not (role and poss.pos_ == "NOUN" and poss.tag_ == "NN" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in poss.children) and not any(
                c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in poss.children)):
            continue  # ("Trump's spokesman", "its chairman" is another rule; "the committee's chairman" says no name)
        said = False
        for c in kids:
            if c.i not in toks:
                continue  # (a clause or phrase cut out of the claim says nothing in it)
            if c.dep_ == "relcl" and not any(g.tag_ in ("WDT", "WP", "WP$") and g.i in toks for g in c.children):
                continue  # (the relative clause made the claim itself: "The controversy has galvanized the state")
            if c.dep_ in ("relcl", "acl", "appos", "nummod") or c.dep_ == "compound" and (
                    c.ent_type_ == "PERSON" if role else c.pos_ == "PROPN" or c.ent_type_ or org or shell):
                # ("the Trump campaign", "the move to cut taxes", "the elephant trophy decision"; a
                # place or body says no name: "The New York Democrat", "the House speaker")
                said = True
            elif c.dep_ == "prep" and not (c.lower_ == "in" and any(g.lower_ == "question" for g in c.children)):
                said = True  # ("the controversy over the ad", "the president of the board"; not "in question")
            elif c.dep_ == "amod" and (org or shell) and c.pos_ == "PROPN":
                said = True
        if said or t.head.dep_ == "appos" or any(c.dep_ == "appos" for c in t.head.children if c.i > t.i):
            continue
        if t.head.lemma_ == "be" and any(c.dep_ == "attr" and c.ent_type_ in ("PERSON", "ORG") and c.i in toks
                                         for c in t.head.children):
            continue  # ("The latest candidate to learn the hard way was Representative Bruce Braley": says who)
        if shell and t.head.lemma_.lower() in ("start", "begin", "erupt", "arise", "stem") and any(
                c.dep_ == "advcl" and c.i in toks for c in t.head.children):
            continue  # ("The controversy started when Mr. Lee linked ...": the claim tells what it was)
        if role and not named_elsewhere(doc, idx, ("PERSON",), t.sent, ctx) or org and not named_elsewhere(
                doc, idx, ("ORG", "PERSON") if low in ("office", "campaign") else ("ORG",), t.sent, ctx) \
                or shell and not (t.sent.start > 0 or "claimtrack_prev" in doc.user_data):
            continue  # (the text names nobody it could be; an event no text before tells)
        if any(doc[j].ent_type_ == "PERSON" or j in subs and subs[j] or doc[j].lemma_.lower() == t.lemma_.lower()
               or (org or shell) and doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in ("DATE", "TIME", "GPE", "NORP")
               for j in toks if j < t.left_edge.i):
            continue  # ("After Romney spoke, the candidate ...": the claim gives who)
        return True
    return False


# a bare plural speaker, no modifier at all ("Sources said", "officials said"), and the named
# things a claim may still be anchored by
# (only the anonymous ones: a bare "Officials", "Analysts" or "Critics" still speaks in this
# project's own tests, "Officials told reporters the road had been closed since noon")
BARE_PLURAL_SPEAKERS = {"sources", "experts", "observers", "insiders"}
ANCHOR_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}


def claim_problem(doc, idx, subs, quoted, *, speaker, speaker_resolved, direct, head=None,
                  ctx=None, speaker_alone: str | None = None, kept=frozenset()) -> str | None:
    """Why a finished claim cannot stand alone, or None: first person with no speaker
    ("We know how to win elections"), a speaker that is an unresolved pronoun ("he said
    ..."), a he/she nobody could resolve ("Fox said he is not a Democrat" of Trump; "Issa
    remains hopeful that she will testify": Issa is a man), a subject "it"/"they" the claim
    gives nothing to refer to ("It's a very touchy subject"). ``quoted``: tokens exempt from
    the pronoun check (a quotation, a pronoun kept for a person the claim already names).
    ``ctx`` (the article's people, for genders) and ``head`` (the claim's verb) are optional;
    ``kept``: pronouns kept for a named person (a he and a her both kept for one person
    cannot both be right); ``speaker_alone``: the speaker's name when the sentence names nobody else ("Mayor Lopez
    said he would veto the plan": he is the speaker as the statement reads)."""
    toks = [doc[i] for i in idx if i not in subs]
    if not speaker and any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in toks):
        return "unattributed_first_person"
    if speaker and speaker.lower() in FIRST_PERSON and not speaker_resolved:
        return "unattributed_first_person"  # "We believe ...": who "we" are, the claim does not say
    if not speaker and any(t.lower_ in ("you", "your") and t.pos_ == "PRON" and t.i not in quoted for t in toks):
        return "unattributed_second_person"  # "you've been given a target": said to whom, by whom?
    if speaker and speaker.lower() in UNRESOLVED_SPEAKERS and not speaker_resolved:
        return "unresolved_speaker"
    if speaker and not speaker_resolved and PAIR_SPEAKER.fullmatch(speaker.strip()):
        return "unresolved_speaker"  # "Both sides said the case is consequential": which sides?
    if speaker and PARTICLE_SPEAKER.fullmatch(speaker.strip()):
        return "unresolved_speaker"  # "... (Libyan strongman Muammar) al-Qaddafi is going to ...": not "al" said
    if speaker and not speaker_resolved and speaker.strip().lower() in BARE_PLURAL_SPEAKERS and not any(
            subs.get(i) or doc[i].pos_ == "PROPN" or doc[i].ent_type_ in ANCHOR_ENTS for i in idx):
        # "Sources said more resignations could be coming", "experts said the activities could be
        # hugely damaging": nobody said to have said it, about nothing the claim names
        return "unresolved_speaker"
    # each he/she outside quotes: resolved, kept because the claim (or its speaker) already
    # names that person (``quoted`` holds those), or after a person the claim names whose
    # known gender fits; else nobody could resolve it
    named: list[str] = [speaker_alone] if speaker_alone else []
    subjects = bool(speaker_alone)  # a person named as a subject (or the speaker) before
    genders: set[str] = set()
    described = False  # a person the claim describes without a name ("the congressman")
    for i in idx:
        t = doc[i]
        if i in subs:
            if subs[i]:
                named.append(subs[i].removesuffix("'s"))
                subjects = subjects or t.dep_ in ("nsubj", "nsubjpass")
            continue
        if t.ent_type_ == "PERSON" and t.ent_iob_ == "B":
            ent = next((x for x in doc.ents if x.start == i), None)
            if ent is not None:
                text = ent.text.removesuffix("'s").removesuffix("’s").strip()
                named.append((ctx.canonical(text) if ctx is not None else None) or text)
                subjects = subjects or ent.root.dep_ in ("nsubj", "nsubjpass")
            continue
        if t.pos_ == "NOUN" and description_span(t) is not None:
            named.append("")  # "the mayor's budget and her plan": a person the claim describes
            subjects = subjects or t.dep_ in ("nsubj", "nsubjpass")
            continue
        if person_noun(t):
            described = True
        if t.lower_ in THIRD_PERSON and t.pos_ == "PRON" and i in kept:
            genders.add("m" if t.lower_ in ("he", "him", "his") else "f")
            if group_possessive(t) and len(set(n for n in named if n)) <= 1:
                return "unresolved_pronoun"  # "Romney and other Republicans criticized his policy": not Romney's
        if t.lower_ in THIRD_PERSON and t.pos_ == "PRON" and i not in quoted:
            low = t.lower_
            genders.add("m" if low in ("he", "him", "his") else "f")
            if t.dep_ == "poss" and predicate_possessive(t) and len(set(n for n in named if n)) <= 1:
                return "unresolved_pronoun"  # "the vice president at 69 is his senior": not his own senior
            if described and t.dep_ == "poss":
                continue  # "the congressman had misused his office": his is the congressman's
            if (bound_object(t) or group_possessive(t)) and len(set(n for n in named if n)) <= 1 and "" not in named:
                return "unresolved_pronoun"  # "Cruz has a stiff challenge trying to catch him"
            if not named:
                return "unresolved_pronoun"
            if t.dep_ in ("nsubj", "nsubjpass") and not subjects and (
                    "" not in named or head is not None and t.head.i == head.i):
                # "After threatening Mr. Cruz's wife, he retweeted ...", "in a rebuke of the
                # president, he decided ...": the claim's subject he/she after people named or
                # described only as objects or owners is most often someone else (a described
                # person may still be the he of a clause inside: "the president's comments were
                # made as he left")
                return "unresolved_pronoun"
            if ctx is not None and not any(not n or ctx.gender_fits(n, low) for n in named):
                return "unresolved_pronoun"
    if len(genders) == 2 and len(set(named)) < 2 and "" not in named:  # "Corfman claimed he took off her shirt"
        return "unresolved_pronoun"
    first = doc[min(idx)] if idx else None
    if first is not None and first.lower_ in DEMONSTRATIVES and first.pos_ == "PRON" and first.dep_ in (
            "nsubj", "nsubjpass") and not (speaker and (first.i in quoted or direct)) and first.i not in subs and not any(
            c.dep_ in ("relcl", "acl", "prep") for c in first.children):  # ("Those who ask ..." says who)
        return "unresolved_pronoun"  # "That is not the objective, man is the objective": that what?
    if first is not None and first.lower_ in ("that", "this") and first.pos_ == "PRON" and first.dep_ in (
            "nsubj", "nsubjpass") and first.i not in subs and first.i >= 2 and doc[first.i - 1].dep_ == "cc" \
            and doc[first.i - 1].i not in idx and doc[first.i - 2].text == ",":
        # '"Too many voices are being destroyed, and that cannot be allowed to happen," he tweeted'
        # split at its "and": the "that" is the clause cut off before it, also in quoted words
        return "unresolved_pronoun"
    lead = next((doc[i] for i in sorted(idx) if not doc[i].is_punct), None) if head is None and idx else None
    if lead is not None and lead.pos_ == "PRON" and lead.i not in subs and (lead.lower_ in REFLEXIVES or lead.lower_ in (
            "it", "its", "they", "them", "their") and lead.dep_ not in ("nsubj", "nsubjpass")
            and not (speaker and (lead.i in quoted or direct)) and not (lead.lower_ == "it" and any(
                g.dep_ in ("ccomp", "xcomp") for c in lead.head.children if c.i > lead.i
                for g in [c] + ([x for x in c.children] if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") else [])))):
        # a claim composed from two places ("X called Y Z" -> "Y was Z", "its arm, Z," -> "its arm
        # is Z") that opens on a pronoun: "Senator Ruiz called it cruel" -> "it was cruel" (what?),
        # "described themselves as easy targets" -> "themselves was easy targets" (no grammar); not
        # the speaker's own subject of a composed "they refused to budge" -> "they will not budge",
        # nor an "it" a clause after spells out ("calling it premature to discuss dates")
        return "unresolved_pronoun"
    if demonstrative_np(doc, idx, subs, quoted, speaker, direct):
        return "unresolved_pronoun"  # "Mr. Sasse echoed that sentiment": which sentiment?
    if speaker and not speaker_resolved and re.fullmatch(
            r"(?i)the (?:[\w-]+ ){0,3}(%s)" % "|".join(sorted(EPITHET_NOUNS | SPEAKER_EPITHETS)), speaker.strip()):
        return "unresolved_pronoun"  # "The congressman added ...": which congressman?
    if epithet_person(doc, idx, subs, quoted, speaker, direct) or anaphoric_np(doc, idx, subs, quoted, speaker, direct):
        return "unresolved_pronoun"  # "the former FBI agent", "For that year, ...", "such funding"
    if speaker and not speaker_resolved and vague_speaker(speaker.strip()) and named_elsewhere(doc, idx, ("PERSON", "ORG"), ctx=ctx,
                                                                                         besides=speaker):
        return "unresolved_speaker"  # "The president tweeted", "the statement said", "One official said"
    if speaker and not speaker_resolved and speaker.split()[0].lower() == "another" and len(speaker.split()) <= 3 \
            and not any(ch.isdigit() for ch in speaker):  # ("Another 19 percent said ...": a poll's share)
        return "unresolved_speaker"  # "Another man said ...": another than whom?
    if first is not None and [doc[j].lower_ for j in range(first.i, min(first.i + 4, len(doc)))] == [
            "at", "the", "time", ","] and not (speaker and (first.i in quoted or direct)) and first.i > first.sent.start \
            and doc[first.i - 1].lower_ in ("but", "and", "yet"):
        return "unresolved_pronoun"  # "(But) at the time, same-sex marriage was little discussed": at what time?
    if another_subject(doc, idx, subs, quoted, speaker, direct, head):
        return "unresolved_description"  # "Another technical concern covers the remedies": another than what?
    if vague_description(doc, idx, subs, quoted, speaker, direct, head, ctx):
        return "unresolved_description"  # "The controversy has galvanized the state", "The Republican governor has ..."
    if (head is None or head.i in idx) and object_it(doc, idx, head, quoted, speaker, direct):
        return "unresolved_pronoun"
    if first is not None and first.lower_ == "it" and first.pos_ == "PRON" and first.dep_ == "nsubj" and head is not None \
            and first.head.i == head.i and head.lemma_ == "be" and first.i not in subs \
            and not (speaker and (first.i in quoted or direct)) and any(
                c.dep_ == "attr" and any(g.dep_ == "relcl" and g.i not in idx for g in c.children) for c in head.children):
        # "It was the number one thing" (that Democrats had said Obama should have done): a cleft
        # whose clause was cut off; its "it" now points to nothing
        return "unresolved_pronoun"
    if first is not None and first.lower_ == "it" and first.pos_ == "PRON" and first.dep_ == "nsubj" \
            and head is not None and first.head.i != head.i and first.head.i < head.i and first.head.dep_ in (
            "ccomp", "parataxis") and not expletive_it(first.head) and not (speaker and (first.i in quoted or direct)):
        return "unresolved_pronoun"  # "It's also the result of some unusual alliances: Schumer led ..."
    if head is not None and head.i in idx:
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in idx), None)
        if subj is None and head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i not in idx:
            # "The writers say it is not a free pass and requires ...": the subject carried over
            # from the first conjunct
            subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in idx), None)
        if subj is None and head.dep_ == "relcl" and head.head.i in idx and head.head.pos_ == "NOUN":
            subj = head.head  # a relative clause is about its noun ("their efforts come after ...")
        if subj is not None and subj.i not in subs:
            pron = subject_pronoun(subj)
            if pron.i in subs:  # resolved ("its" -> "the company's")
                pron = subj
            # nouns before it it could refer to ("For others, it is about ...": "others" is none;
            # nor is a noun in a phrase fronted before its own subject: "In light of the current
            # debate, it could complicate ...")
            fronted = set()
            for c in head.children:
                if c.dep_ in ("prep", "npadvmod") and c.i < subj.i and pron.i == subj.i:
                    fronted |= set(range(c.left_edge.i, c.right_edge.i + 1))
                if c.dep_ == "advcl" and c.i < subj.i and pron.i == subj.i and pron.lower_ in ("it", "they") and any(
                        g.dep_ in ("nsubj", "nsubjpass") and g.lower_ == pron.lower_ and not any(
                            doc[j].pos_ in ("NOUN", "PROPN") for j in idx if j < g.i) for g in c.children):
                    # "if it did come up before a vote on the tax cuts, it would put Brown in ...": the
                    # clause's own "it" is the same unknown thing; its nouns come after it
                    fronted |= set(range(c.left_edge.i, c.right_edge.i + 1))
            before = [doc[i] for i in idx if i < pron.i and doc[i].pos_ in ("NOUN", "PROPN")
                      and doc[i].lower_ not in VAGUE_NOUNS and i not in fronted
                      and not (pron.i != subj.i and (doc[i].ent_type_ in ("DATE", "TIME")
                                                     or doc[i].lemma_.lower() in CALENDAR_NOUNS))]
            low = pron.lower_
            dem = next((c for c in subj.children if c.dep_ == "det" and c.lower_ in DEMONSTRATIVES), None)
            if dem is not None and subj.pos_ == "NOUN" and subj.lower_ not in TIME_NOUNS and not before \
                    and not (speaker and (dem.i in quoted or direct)) and not any(c.dep_ in ("relcl", "acl") for c in subj.children):
                return "unresolved_pronoun"  # "This bill takes a bipartisan approach": which bill?
            if low in ("this", "that") and subj.pos_ == "PRON" and not (speaker and (pron.i in quoted or direct)) and not before \
                    and not expletive_it(head):
                # ("Sellers said that was not the appropriate comparison": what was not, the
                # claim does not say; a speaker's quoted "That's a bunch of malarkey" stays)
                return "unresolved_pronoun"  # "This is far from the only declared national emergency"
            if low in ("their", "its") and pron.i != subj.i and not speaker and not before and pron.i not in quoted:
                return "unresolved_pronoun"
            if low == "their" and not speaker and not before and pron.i not in quoted:
                return "unresolved_pronoun"  # "their efforts come after both chambers passed the bill"
            # a speaker who is one named person is no "they"; a person or a group is no "it"
            # ("Rick Santorum said they believe man should protect the earth", "Administration
            # officials warn it would leave the United States vulnerable")
            # (a quotation that opened in a sentence before holds the whole claim: no marks of its own)
            running = direct and not any(t.is_quote for t in doc[doc[min(idx)].sent.start:min(idx)])
            person = bool(speaker) and (speaker_alone is not None or ctx is not None and ctx.canonical(speaker) is not None
                                        or (named_person(speaker) or described_person(speaker)) and not running) \
                and " and " not in speaker
            if speaker and not person and not running and " " not in speaker and speaker[:1].isupper() and any(
                    t.ent_type_ == "PERSON" and t.text == speaker for t in doc[min(idx)].sent):
                person = True  # a surname alone the parse tags as a person ("Ruiz said it ..."), no organisation
            group = bool(speaker) and (" and " in speaker or speaker.split()[-1][:1].islower() and speaker.endswith("s"))
            # (a quotation worked into the reporter's "that" clause -- 'responded that "they do not
            # ..."' -- reads as indirect speech: its "they" is nobody the claim names either)
            woven = pron.i >= 2 and doc[pron.i - 1].is_quote and doc[pron.i - 2].lower_ == "that" \
                and doc[pron.i - 2].dep_ == "mark" and pron.i == min(idx) + (1 if doc[min(idx)].is_quote else 0)
            if low in ("they", "them") and not before and (not speaker or person and (pron.i not in quoted or woven)):
                return "unresolved_pronoun"  # "Rather, they go through the bureaucracy", "most of them"
            # an organisation that speaks of "it" as a thing it is not ("Twitter said it was an
            # algorithmic glitch that has since been fixed"): the glitch's "it" is unnamed
            thing = pron.i == subj.i and head.lemma_ == "be" and not direct and any(
                c.dep_ == "attr" and c.pos_ == "NOUN" and c.lemma_.lower() not in ORG_NOUNS and any(
                    g.dep_ == "det" and g.lower_ in ("a", "an") for g in c.children) for c in head.children)
            # (a speaker's own words -- also a quotation opened in a sentence before -- keep the
            # old reading of "if": "If that were so, it would never have been ratified")
            # ("A senior staffer said it was likely to happen": an "it" bound to a speaker who is a
            # person, outside quotation marks, is no speaker's own name for itself)
            unbound = pron.i in kept and person and (named_person(speaker) or described_person(speaker)) \
                and not direct and not inside_marks(doc, pron.i)
            words = bool(speaker) and (pron.i in quoted and not unbound or direct)
            if low in ("it", "its") and not before and not (pron.i == subj.i and expletive_it(head, strict_if=not words)) \
                    and not (pron.i in quoted and not unbound and speaker and not (thing and pron.i in kept and not direct)) \
                    and not (pron.i != subj.i and speaker and not (person or group)) \
                    and not (speaker and not (person or group) and not thing):
                # (a speaker's own words keep their "it": the statement shows who said it)
                return "unresolved_pronoun"  # "It's a very touchy subject", "its 29 electoral votes"
    return None
