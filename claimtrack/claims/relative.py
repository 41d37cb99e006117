"""Propositions carried by relative clauses, appositives and titles inside a clause
("Moschetto, 54," -> "Moschetto is 54 years old"; "club owner Mike Ashley" -> "Mike Ashley
is club owner"; ", who ..." -> a claim of its own)."""

from __future__ import annotations

import re

from claimtrack.claims.attribution import SPEECH_VERBS, quote_regions, quoted_tokens
from claimtrack.claims.units import Unit, subtree, subtree_range
from claimtrack.claims.resolve import PERSON_NOUNS, ROLE_NOUNS, person_noun
from claimtrack.us_states import AP_ABBREVIATIONS, POSTAL_CODES, STATE_NAMES, abbreviation_key


RELATIVE_VAGUE = {"those", "one", "ones", "anyone", "everyone", "someone", "people", "others", "many", "some"}


def np_pieces(doc, noun, toks: set[int], exclude: set[int]) -> list[int]:
    """The noun phrase headed by ``noun`` without its relative clauses/appositives."""
    a, b = subtree_range(noun)
    drop = set(exclude)
    for c in noun.children:
        if c.dep_ in ("relcl", "appos", "acl") and c.i > noun.i:
            drop |= subtree(c)
        if c.dep_ == "punct" and c.i > noun.i:
            drop.add(c.i)
        if c.dep_ in ("cc", "conj") and c.i > noun.i:
            drop |= subtree(c)
    # (only the noun's own words: a non-projective parse hangs an appositive after the verb on
    # the subject -- "The proposal, which ..., is broken down into four subsections: law
    # enforcement, ..." -- and the words between are no part of the noun phrase)
    own = {t.i for t in noun.subtree}
    return [i for i in range(a, b) if i not in drop and i in own and doc[i].text not in ('"', "“", "”")]


NOUN_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT", "dative", "npadvmod"}


PLACE_ENTS = {"GPE", "LOC", "FAC"}


APPOSITIVE_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their"}


def appositive_is_description(doc, noun, app_head, app: list[int]) -> bool:
    """Is "NOUN, APP" an appositive that describes NOUN ("Wal-Mart, the world's largest
    employer")? Not: a place's state or country ("Maricopa County, Ariz.", "Speaker Ryan of
    Wisconsin, a Republican"), a list the parser read as an appositive ("James Comey, John
    Brennan"; "a warrior culture, a warrior mentality"), a party letter ("LePage (R)")."""
    if noun.ent_type_ in PLACE_ENTS:
        return False
    ent = next((x for x in doc.ents if x.start <= noun.i < x.end), None)
    if ent is not None and ent.start < noun.left_edge.i or "-" in noun.text and noun.text[:1].isupper() \
            and noun.text.endswith(".") or noun.i > 0 and doc[noun.i - 1].lower_ == "to" and noun.text[:1].isupper():
        return False  # "Freedom to Marry, a gay rights group" cut to "Marry"; "D-Mont." is no one
    if doc[app[0]].pos_ in ("ADV", "VERB", "AUX"):
        return False  # "Grassley, ..., often notes in hearings": a verb the parse read as a noun
    if doc[app[0]].tag_ in ("WP$", "WDT", "WP") or doc[app[0]].lower_ in ("whose", "which", "who"):
        return False  # "Mrs. Clinton, whose appearance ...": a relative clause, not a description
    if noun.pos_ == "PROPN" and app_head.ent_type_ == "PERSON" or noun.ent_type_ == "PERSON" and app_head.ent_type_ == "PERSON":
        return False  # a name is not another name ("Clinton spokesman Nick Merrill" misparsed)
    if noun.tag_ in ("NNS", "NNPS") or any(doc[j].dep_ == "conj" for j in app) or not app_head.like_num and (any(
            c.dep_ == "conj" for c in noun.children) or any(c.dep_ == "conj" for c in app_head.children)):
        # ("mentioning the $831 billion stimulus, an 8 percent unemployment rate, ... and ...": a list)
        return False  # "two officers, Special Agents Griner and Bailey": a list, not "X is Y"
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return False
    words = [doc[j] for j in app if doc[j].is_alpha]
    if len(words) == 1 and len(words[0].text) <= 2:
        return False
    if noun.pos_ == "PROPN" and words and len(words) <= 3 and state_words(words):
        return False  # "Corpus Christi, Tex.,": the place's state, not "Corpus Christi is Tex"
    return True


def participle_object(noun) -> bool:
    """"a 2005 tape of him bragging about X, which was released last fall", "a video of him
    mocking the victims, which was posted": the object of a participle that completes another
    noun; the "which" is as likely (there: surely) about that noun. (Session 29, post-freeze;
    reader r75 #123)"""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ not in ("dobj", "pobj") or verb.tag_ != "VBG":
        return False
    # (the parse may hang the participle on the noun, acl, or make it the clause's subject, csubj)
    # only "a tape/video/photo of him doing X": the participle is what the outer noun shows. (Not
    # "a camera recovered from the suspect's van, which was in the parking lot", "caught on a hot
    # mic ripping the agenda, which was set by his party": there the "which" is the object's --
    # BASIL dev, two good claims)
    doc = noun.doc
    return verb.i >= 2 and doc[verb.i - 1].tag_ == "PRP" and doc[verb.i - 1].dep_ == "pobj" \
        and doc[verb.i - 2].lower_ == "of"


def state_words(words) -> bool:
    """Are these words (an appositive's) a US state's name or news abbreviation ("Tex.", "N.H.",
    "W. Va.", "Idaho"; a capitalised two-letter postal code, "TX")? (Session 29, post-freeze)"""
    text = " ".join(w.text for w in words)
    key = abbreviation_key(text)
    return key in AP_ABBREVIATIONS or text.lower() in STATE_NAMES or (
        len(key) == 2 and text.isupper() and key in POSTAL_CODES)


def appositive_certain(doc, noun, app_head, a: int) -> bool:
    """Is it certain which noun the appositive describes, and that it is one? Not: an
    appositive of an appositive or one holding another ("gives Bowdich and the F.B.I.
    director, Christopher A. Wray, a chance ...": "Wray is a chance"); a common noun with a
    named object right before the comma ("the importance of the North Atlantic Treaty
    Organization, a defense alliance": the alliance is NATO, not the importance); a person
    and a bare place ("Sen. John Cornyn, Texas")."""
    if (noun.dep_ in ("appos", "conj") or any(c.dep_ == "appos" for c in app_head.children)) and not app_head.like_num:
        # ("President Obama and Speaker John Boehner, R-Ohio": the list is no "X is R-Ohio")
        return False  # (an age is certain: "two boys, Hudson, 3, and Emerson")
    b = subtree_range(app_head)[1]
    nxt = b + 2 if b + 2 < len(doc) and doc[b + 1].lower_ == "and" else b + 1
    if noun.pos_ == "NOUN" and not app_head.like_num and nxt < len(doc) and doc[b].text == "," \
            and doc[nxt].pos_ in ("DET", "NUM", "SYM") and doc[nxt].head.i > b \
            and doc[nxt].head.pos_ in ("NOUN", "NUM"):
        # "mentioning the $831 billion stimulus, an 8 percent unemployment rate for 43 months, the
        # 1.3 percent growth rate ...": a third noun phrase (or ", and" one) after the "appositive" makes it a
        # list member, not "the stimulus is an 8 percent unemployment rate"
        return False
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:  # "he and wife June, 81, walked"
        top = top.head
    if b + 1 < len(doc) and doc[b].text == "," and doc[b + 1].pos_ in ("VERB", "AUX") and top.head.i not in (
            doc[b + 1].i, doc[b + 1].head.i) and top.dep_ in ("pobj", "dobj", "dative", "attr", "oprd"):
        # "heaped scorn upon the company, the mayor of Washington, DC, suggested ...": the
        # "appositive" is the subject of the next verb, not a description of the noun
        return False
    if any(c.dep_ == "nummod" or c.like_num for c in noun.children) and any(
            c.dep_ == "nummod" or c.like_num for c in app_head.children):
        return False  # "Article 1, Section 1": a place in a text, not "Article 1 is Section 1"
    if noun.pos_ == "NOUN" and a - 2 >= 0 and doc[a - 2].i != noun.i and doc[a - 2].pos_ == "PROPN" \
            and doc[a - 2].i in subtree(noun):
        return False
    if (noun.ent_type_ == "PERSON" or person_noun(noun)) and app_head.lower_ in PARTITIVES:
        part = next((g for c in app_head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
        if part is not None and part.ent_type_ != "PERSON" and not person_noun(part) and part.lemma_.lower() not in \
                PERSON_NOUNS | ROLE_NOUNS | PARTITIVE_PEOPLE:
            # "the debate with Romney, the second of three debates": a person is no debate; the
            # appositive is about a noun before the name
            return False
    ent = next((x for x in doc.ents if x.start <= app_head.i < x.end), None)
    if ent is not None and ent.label_ in PLACE_ENTS and app_head.i == ent.root.i and subtree_range(app_head) == (ent.start, ent.end):
        return False
    return True


PARTITIVES = {"first", "second", "third", "fourth", "fifth", "last", "latest", "final", "next"}
# plural nouns of people ("one of the organizers", "one of five children")
PARTITIVE_PEOPLE = {"organizer", "member", "child", "son", "daughter", "candidate", "people", "person", "man",
                    "woman", "lawmaker", "senator", "official", "founder", "leader", "author", "sponsor",
                    "victim", "survivor", "plaintiff", "defendant", "suspect", "player", "winner", "finalist",
                    "nominee", "contender", "justice", "judge", "juror", "witness", "sibling", "brother", "sister",
                    "friend", "critic", "supporter", "donor", "architect", "adviser", "advisor", "aide"}


def identifying_appositive(doc, noun, app_head, np_: list[int], app: list[int]) -> bool:
    """Is the appositive the only thing that says which thing a bare definite subject is ("The
    hearing, the second this week on the port closure, offered ...": "The hearing offered ..."
    alone names no hearing)? The subject is "the" and a common noun of a thing, nothing else;
    the appositive is a definite description ("the second ...", "the governor's top priority"),
    not a name, a person or an indefinite class ("a major supplier of parts" says which kind,
    not which one)."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ != "NOUN" or len(np_) != 2 or np_[1] != noun.i \
            or doc[np_[0]].lower_ != "the":
        return False
    if person_noun(noun) or noun.lemma_.lower() in PERSON_NOUNS | ROLE_NOUNS or noun.ent_type_:
        return False
    if app_head.pos_ == "PROPN" or app_head.ent_type_ in ("PERSON", "ORG", "GPE") or person_noun(app_head) \
            or app_head.lemma_.lower() in PERSON_NOUNS | ROLE_NOUNS:
        return False
    return any(c.i < app_head.i and (c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss")
               for c in app_head.children)


def comma_before_bare_verb(doc, noun, b: int, toks: set[int]) -> bool:
    """Does a kept aside after the subject ``noun`` end on a comma right before the subject's
    verb, a bare past form ("ROLE, NAME, pleaded guilty")? The fragment check reads that as a
    subject with a participial aside (no finite verb) and drops the claim."""
    verb = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and b < len(doc) and doc[b].text == "," and b in toks \
        and noun.right_edge.i + 1 == b \
        and verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and all(doc[j].dep_ in ("advmod", "neg") and doc[j].head.i == verb.i for j in range(b + 1, verb.i))


def lead_trimmed(doc, noun, np_: list[int]) -> list[int]:
    """The noun phrase from after its last punctuation before the noun ("So pathetic,”
    Frank Sharry" -> "Frank Sharry"): words before a comma or quote are no part of the name."""
    cut = [k for k, j in enumerate(np_) if j < noun.i and (doc[j].text in (",", ";", ":", "—", "--") or doc[j].is_quote)]
    if not cut:
        return np_
    rest = np_[cut[-1] + 1:]
    return rest if rest and any(doc[j].pos_ in ("NOUN", "PROPN") for j in rest) else np_


def fronted_name(doc, desc):
    """The name right after a fronted description that the parse made a second subject of the
    same verb ("The former co-chairman of the campaign, Jackson was elected ..."), or None."""
    verb = desc.head
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if len(subs) != 2 or subs[0].i != desc.i:
        return None
    name = subs[1]
    if name.left_edge.i - 1 != desc.right_edge.i + 1 or doc[name.left_edge.i - 1].text != "," or name.pos_ != "PROPN" \
            or not all(doc[j].pos_ == "PROPN" or doc[j].text in (".", "-")
                       for j in range(name.left_edge.i, name.right_edge.i + 1)):
        return None
    lead = doc[desc.left_edge.i]
    if lead.lower_ not in ("the", "a", "an") or any(doc[j].pos_ in ("ADP", "VERB", "PRON") or doc[j].text == ","
                                                   for j in range(desc.left_edge.i, desc.i)) \
            or not any(doc[j].pos_ == "NOUN" for j in range(desc.left_edge.i, desc.right_edge.i + 1)):
        return None  # ("That group of Republicans, Mr. Corker said, ...", "With the moderator, ...")
    nxt = doc[name.right_edge.i + 1] if name.right_edge.i + 1 < len(doc) else None
    if nxt is None or not (nxt.i == verb.i or nxt.head.i == verb.i and nxt.dep_ in ("aux", "auxpass", "neg", "advmod")):
        return None  # the name is right before its verb
    return name


def name_head(noun):
    """The head of a proper name whose "of"/"on" phrase holds ``noun`` ("the House Select
    Committee on Benghazi", "the Bank of America"): a comma-set clause after the name is about
    the whole name, not its last word. None when ``noun`` is not such a name's tail."""
    if noun.dep_ != "pobj" or noun.pos_ != "PROPN" or noun.head.dep_ != "prep" or noun.head.lower_ not in ("of", "on", "for"):
        return None
    top = noun.head.head
    if top.pos_ != "PROPN" or not top.text[:1].isupper():
        return None
    ent = next((x for x in top.doc.ents if x.start <= top.i < x.end), None)
    if not (ent is not None and ent.start <= noun.i < ent.end or any(c.dep_ == "compound" for c in top.children)):
        return None
    return top


# adjectives that leave a noun waiting for its complement ("one of the few conservatives
# to ...", "the first woman to ...", "the only candidate who ...")
COMPLEMENT_ADJS = {"few", "only", "first", "last", "next", "sole"}


def runs_on(doc, tok, a: int, b: int) -> bool:
    """Does the appositive headed by ``tok`` (tokens a..b-1) go on past its subtree: no
    punctuation closes it and the next word is "to" after a noun that waits for its complement
    ("the few conservatives to ..."), the rest of a name ("Secure America | Now", "the
    Coalition | to Stop Gun Violence") or a finite verb (the "appositive" is a subject)?"""
    if doc[b - 1].is_punct or doc[b].is_punct:
        return False
    nxt = doc[b]
    if nxt.tag_ == "TO":
        return b + 1 < len(doc) and doc[b + 1].text[:1].isupper() or any(
            doc[j].lower_ in COMPLEMENT_ADJS and doc[j].dep_ == "amod" for j in range(a, b))
    if nxt.text[:1].isupper() and nxt.is_alpha:
        return True
    return nxt.tag_ in ("VBD", "VBZ", "VBP", "MD")


def pp_depth(noun) -> int:
    """How many prepositional phrases deep ``noun`` hangs under another noun ("sides of the
    spectrum": the spectrum is 1 deep under "sides"; "protests from people on all sides of
    the spectrum": 3 deep under "protests")."""
    depth, t = 0, noun
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        depth += 1
        t = t.head.head
    return depth


def infinitive_of_noun(noun):
    """The noun an infinitive completes when ``noun`` is that infinitive's object ("the decision to
    pull out of Syria", "a plan to build the wall": the decision, the plan), else None."""
    t, steps = noun, 0
    while t.dep_ in ("pobj", "prep", "dobj", "prt") and t.head.i != t.i and steps < 4:
        t, steps = t.head, steps + 1
    if t.dep_ == "acl" and t.tag_ == "VB" and t.head.pos_ == "NOUN" and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in t.children):
        return t.head
    return None


PERCEPTION_VERBS = {"show", "see", "depict", "watch", "hear", "capture", "catch", "film", "find", "spot",
                    "photograph", "record"}


def perception_tail(doc, unit, noun, rel, a: int, b: int, toks: set[int]) -> list[int]:
    """"The video shows the man, who appears to be in his 20s, approaching Etheridge": the
    object of a verb of seeing, a comma-set relative clause, then ", VERB-ing ..." at the
    clause's end -- the participle is what the video shows the man doing (the parse hung it on
    the relative clause). Its tokens, else []."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in PERCEPTION_VERBS:
        return []
    part = next((t for t in doc[a:b] if t.tag_ == "VBG" and t.dep_ in ("advcl", "acl", "conj", "xcomp")
                 and t.left_edge.i == t.i and doc[t.i - 1].text == "," and t.right_edge.i == b - 1), None)
    if part is None or part.i - 1 <= a or not all(j in toks for j in range(part.i, b)):
        return []
    return list(range(part.i, b))


def clause_conj(doc, noun, a: int, b: int, e: int) -> int | None:
    """", and Y" right after a comma-set relative clause that ends on a noun, which the parse
    joined to the clause's head noun ("The lawsuit, which was brought by Ohio's attorney general,
    X, and Utah's attorney general, Y, accused ..."): Y is the clause's last noun's partner,
    not the head's, when Y repeats a noun of the clause or is a person and the head is not.
    The end of Y (the new end of the clause), or None."""
    if not (b + 2 < e and doc[b].text == "," and doc[b + 1].lower_ == "and" and doc[b + 1].head.i in (noun.i, noun.head.i)
            and doc[b - 1].pos_ in ("NOUN", "PROPN")):
        return None
    c = next((c for c in noun.children if c.dep_ == "conj" and c.left_edge.i == b + 2), None)
    if c is None and noun.dep_ in ("nsubj", "nsubjpass"):
        # (or the parse made it a second subject of the verb: "The complaint, which ..., and Y accused")
        c = next((c for c in noun.head.children if c.dep_ == noun.dep_ and c.left_edge.i == b + 2), None)
    if c is None:
        return None
    end = c.right_edge.i if doc[c.right_edge.i].text == "," else c.right_edge.i + 1  # (the new end: its comma)
    if end >= e or doc[end].text != ",":
        return None

    def person(t):
        return t.ent_type_ == "PERSON" or person_noun(t) or any(g.dep_ == "appos" and g.ent_type_ == "PERSON"
                                                                 for g in t.children)
    same = any(doc[j].pos_ == "NOUN" and doc[j].lemma_.lower() == c.lemma_.lower() for j in range(a, b))
    if same or person(c) and not person(noun) and noun.pos_ == "NOUN":
        return end
    return None


# participles that say how a thing is counted, not what happened to it ("the economy, measured by ...")
MEASURE_VERBS = {"measure", "define", "adjust", "calculate", "express", "gauge", "compute", "count", "weight",
                 "index", "scale", "rank"}


PLURAL_VERBS = {"are", "were", "have", "do", "'re", "’re", "'ve", "’ve"}


def list_head(doc, noun, rel, a: int, toks: set[int]) -> list[int] | None:
    """The whole list "A and B" when a comma-set relative clause after its last member ``noun``
    takes a plural verb that a single member cannot have ("A and B, who have ..."), or None."""
    if noun.dep_ != "conj" or noun.tag_ not in ("NNP", "NN") or noun.i >= a:
        return None
    fin = next((c for c in rel.children if c.dep_ in ("aux", "auxpass") and c.i < rel.i), rel)
    if fin.lower_ not in PLURAL_VERBS:
        return None
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    if first.i == noun.i or first.tag_ not in ("NNP", "NN", "NNPS", "NNS"):
        return None
    span = [j for j in range(first.left_edge.i, a) if j in toks]
    if any(doc[j].dep_ in ("relcl", "appos", "acl") or doc[j].text in ("(", ")", "—", "--", ";") for j in span):
        return None  # ("Ruiz, who ..., and Hale, who are ...": members with clauses of their own)
    while span and doc[span[-1]].text in (",", "'", '"', "“", "”"):
        span.pop()
    return span or None


def closing_quote(doc, a: int, b: int, e: int) -> int | None:
    """The closing quotation mark right after the comma that ends a cut aside whose quotation
    opens inside it ("Some of the relatives, known as “angel moms,” stood up"): it goes with
    the aside, else the clause keeps a stray mark ("“Some of the relatives ” stood up")."""
    k = b + 1
    if k < e and doc[b].text == "," and doc[k].text in ("”", '"', "’", "'") and doc[k].is_quote:
        opened = sum(1 for j in range(a, b) if doc[j].text in ("“", '"'))
        closed = sum(1 for j in range(a, b) if doc[j].text == "”")
        if opened > closed and (doc[k].text != '"' or opened % 2 == 1):
            return k
    return None


def unclaimed_aside(doc, unit: Unit, tok, s: int, e: int, toks: set[int]) -> set[int]:
    """The tokens to cut for a comma-set relative clause whose noun is not certain, when it
    stands in a speaker's unquoted words ("Arpaio announced he will endorse Perry for the
    nomination, which could give Perry a boost"): it is the reporter's aside, not the
    speaker's, yet no claim of its own can be made of it. Elsewhere nothing is cut: the clause
    stays in its sentence."""
    a, b = subtree_range(tok)
    if not unit.speaker or a - 1 < s or doc[a - 1].text != "," or not all(j in toks for j in range(a, b)) \
            or set(range(a, b)) & quoted_tokens(doc, s, e):
        return set()
    out = set(range(a - 1, b))
    if b < e and doc[b].text == ",":
        out.add(b)
    return out


# a party-and-state label set off after a name ("D-Mass.", "R-Wis.", "I-Vt.")
PARTY_STATE = re.compile(r"[DRI]\s*[-\u2013]\s*[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?")


PARTIES = {"D": "a Democrat", "R": "a Republican", "I": "an independent"}


def party_words(label: str) -> str | None:
    """"R-Minn." -> "a Republican from Minnesota"; None for a state it does not know."""
    m = re.fullmatch(r"([DRI])\s*[-\u2013]\s*(.+?)\.?", label.strip())
    if m is None:
        return None
    key = abbreviation_key(m.group(2))
    state = AP_ABBREVIATIONS.get(key) or POSTAL_CODES.get(key) or STATE_NAMES.get(m.group(2).lower().rstrip("."))
    return f"{PARTIES[m.group(1)]} from {state}" if state else None


def side_units(doc, unit: Unit, s: int, e: int) -> tuple[list[Unit], set[int]]:
    """Propositions carried by relative clauses, appositives and titles inside a unit:
    the new units, and the tokens to cut from the unit itself (non-restrictive ones)."""
    toks = unit.token_set()
    side, cut = [], set()
    if unit.composed:
        return side, cut
    for i in sorted(toks):
        tok = doc[i]
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and tok.head.i in toks:
            noun = tok.head
            rel = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")), None)
            if rel is None or noun.dep_ not in NOUN_ARG_DEPS or noun.dep_ == "pobj" and noun.head.lower_ == "as":
                # ("her tenure as America's top diplomat, which lasted ...": the clause is
                # about the tenure, not the role)
                # "any voter who considers themselves middle class, which is a large number":
                # a predicate noun's "which" is about the whole clause, not the noun
                continue
            if noun.ent_type_ in ("DATE", "TIME") and rel.lower_ == "which" and noun.dep_ in ("npadvmod", "pobj"):
                # "celebrated the change in course Friday, which was believed to be a response
                # to ...": a "which" after a time is about the clause or a noun before it
                continue
            if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i in toks and PARTY_STATE.fullmatch(
                    doc[noun.left_edge.i:noun.i + 1].text):
                noun = noun.head  # "Sen. Tom Baker, D-Ohio, who was picked ...": the senator, not his party label
            inside = name_head(noun)
            if inside is not None and inside.i in toks:
                noun = inside  # "the House Select Committee on Benghazi, which is led by ...": the committee
            if rel.lower_ == "which" and pp_depth(noun) >= 2:
                # "a storm of protests from people on all sides of the political spectrum, which
                # forced her to apologize": deep in a chain of "of"/"on" phrases, which noun (or the
                # whole clause) the "which" is about is not certain; the clause stays where it is
                continue
            if rel.lower_ == "which" and inside is None and noun.ent_type_ in PLACE_ENTS and pp_depth(noun) >= 1 and (
                    noun.head.lower_ != "of" or noun.head.head.pos_ == "PROPN"):
                # "a certificate of live birth from Hawaii, which is the standard form", "a Congress
                # of the United States, which shall consist of ...", "the war in Afghanistan, which
                # has entered its ninth year": after a place inside another noun's "from"/"in" phrase,
                # or a name's "of" phrase, the "which" is as likely (here: surely) about the outer noun
                # ("the history of Norway, which ..." is Norway's: a common noun's "of"); the clause
                # stays where it is (or, in a speaker's unquoted words, is cut as the reporter's aside)
                cut |= unclaimed_aside(doc, unit, tok, s, e, toks)
                continue
            if rel.lower_ == "which" and (infinitive_of_noun(noun) is not None or participle_object(noun) and not (
                    noun.tag_ in ("NNS", "NNPS") and tok.tag_ == "VBZ")):
                # (a "-s" verb after a plural noun is the number-mismatch rule's, below)
                # "Mr. Hale's decision to pull out of the pact, which was opposed by every official":
                # after the object of an infinitive that completes a noun (the decision, the plan, the
                # move to ...), the "which" is as likely about that noun as about the object: no claim
                # is made of it. It is cut as an aside (kept, the fragment check reads "the decision
                # ..., which ..., was" as a subject and a participle and drops the whole clause)
                a, b = subtree_range(tok)
                if a - 1 >= s and doc[a - 1].text == "," and all(j in toks for j in range(a, b)):
                    cut |= set(range(a - 1, b))
                    if b < e and doc[b].text == ",":
                        cut.add(b)
                continue
            if rel.lower_ == "which" and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX") and any(
                    c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
                # "will endorse Perry for the nomination, which could give Perry a boost": a "which"
                # with could/would/will after a verb's prepositional object is as likely about the
                # whole clause (the endorsement) as about the noun
                cut |= unclaimed_aside(doc, unit, tok, s, e, toks)
                continue
            a, b = subtree_range(tok)
            if any(a <= qa < b and qb > b and any(doc[j].is_alpha for j in range(b, min(qb, e))) for qa, qb in quote_regions(doc)):
                # "…, a civic group, which said it was “wrong to claim that water does not matter.”":
                # the parse ended the clause inside a quotation it opens; cut there, the quotation's
                # tail would be glued onto the sentence. The clause stays where it is
                continue
            if rel.lower_ == "who" and a - noun.i > 8 and any(doc[j].pos_ in ("NOUN", "PROPN") and doc[j].dep_ != "compound"
                                      for j in range(noun.i + 1, a)):
                # "the crosscurrents standing in the way of any compromise between a president ...
                # and Democrats — poised to ... — who refuse to give ground": far from the noun the
                # parse gave it, with other nouns between, the clause's person is a guess ("Mr. Comey or
                # Mr. Brennan, the former director of the C.I.A., who stepped down")
                continue
            nonrestrictive = a - 1 >= s and doc[a - 1].text in (",", "(", "—", "--") and rel.lower_ != "that"
            if not nonrestrictive or noun.pos_ == "PRON" or noun.lower_ in RELATIVE_VAGUE or any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
                # (an indefinite head, "a President Romney, who supports ...", is hypothetical
                # or vague: the clause says nothing on its own)
                # "those who ask for details": the clause restricts its noun and says nothing
                # on its own ("those ask for details")
                continue
            if b < e and not doc[b - 1].whitespace_ and (doc[b].text in ("-", "–") or doc[b].is_alpha):
                # "The sheriff, who famously re-instituted chain gangs ..., said": the parse ended
                # the clause inside a hyphenated word; cut there, the rest of the clause would be
                # glued onto the sentence. The clause stays where it is
                continue
            if noun.dep_ == "ROOT" and any(doc[k].text == "," and doc[k + 1].tag_ in ("VBD", "VBN") for k in range(a, b - 1)):
                # "The leader, who had raised $5 million, blanketed the district with fliers": the
                # parse found no main verb and ran the clause on into the main clause
                continue
            near = doc[a - 2] if a - 2 >= s and doc[a - 1].text == "," and noun.i != (inside.i if inside is not None else -1) \
                else None  # (a whole name's clause is the name's)
            if near is not None and getattr(name_head(near), "i", -1) == noun.i:
                near = None  # "the Bank of America, which ...": the bank
            if near is not None and near.dep_ == "appos" and near.head.i == noun.i and PARTY_STATE.fullmatch(
                    doc[near.left_edge.i:near.i + 1].text):
                near = None  # (the party label before the comma is no noun of its own)
            if near is not None and near.ent_type_ in PLACE_ENTS and near.i != noun.i:
                # "the attack in Benghazi, Libya, which killed four Americans": whether the
                # clause is about the place or the noun before it is not certain
                continue
            if near is not None and near.pos_ in ("NOUN", "PROPN") and near.i in subtree(noun) and near.i != noun.i:
                # "any role for Kyiv or Europeans, who fear ...": the nearest noun is meant
                np_ = [j for j in range(near.left_edge.i, near.i + 1) if j in toks]
            else:
                np_ = np_pieces(doc, noun, toks, set(range(a - 1, b)) if noun.i == getattr(inside, "i", -1) else set())
            if noun.i < a:
                np_ = [j for j in np_ if j < a]  # ("said Rep. Ana Ruiz, who ..., to the Post": "to the Post" is the verb's)
            whole = list_head(doc, near if near is not None and near.dep_ == "conj" else noun, tok, a, toks)
            if whole is not None:
                # "Police arrested Ana Ruiz and Tom Hale, who were charged on Monday": the plural
                # clause is about the whole list, not its last name ("Tom Hale were charged")
                np_ = whole
            # "who appears ... and who identifies ...": the second "who" goes with the first
            # (wherever the parse hung the second: "who appears to be X and who identifies ..." may
            # join "identifies" to "be")
            again = {g.i for j in range(a, b) if doc[j].dep_ == "conj" and j != tok.i for g in doc[j].children
                     if g.dep_ in ("nsubj", "nsubjpass") and g.tag_ in ("WP", "WDT") and g.i != rel.i}
            more = clause_conj(doc, noun, a, b, e)
            if more is not None:
                b = more  # "The suit, which was brought by A's attorney general, X, and B's attorney general, Y, accused"
            tail = perception_tail(doc, unit, noun, tok, a, b, toks)
            if tail:
                b = tail[0] - 1  # the participle is the main clause's, not the relative clause's
            pieces = np_ + [j for j in range(a, b) if j != rel.i and j not in again and j in toks]
            if unit.speaker and not (set(range(a, b)) & quoted_tokens(doc, s, e)):
                # "X said the committee, which is running its own inquiry, will ...": a comma-set
                # relative clause inside indirect (unquoted) content is the reporter's aside, not
                # what X said; inside a direct quotation it stays the speaker's
                side.append(unit.copy(pieces, head=tok, kind="relative", speaker=None, cue=None, quote_kind="none"))
            else:
                side.append(unit.copy(pieces, head=tok, kind="relative", quote_kind=unit.quote_kind))
            if doc[a - 1].text == ",":
                cut |= set(range(a - 1, b))
                if tail:
                    cut.add(b)  # (the comma before the participle)
                elif b < e and doc[b].text == ",":
                    cut.add(b)
                    q = closing_quote(doc, a, b, e)
                    if q is not None:
                        cut.add(q)
                    # "Mr. Strzok, who was removed from the staff of the special counsel, Robert S.
                    # Mueller III": an appositive right after the clause names the clause's last
                    # noun (the parse hung it on the head noun); it goes with the clause
                    app = next((c for c in noun.children if c.dep_ == "appos" and c.left_edge.i == b + 1), None)
                    if app is not None and doc[b - 1].pos_ == "NOUN":
                        cut |= set(range(b, app.right_edge.i + 1))
        elif (tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i in toks
              and tok.left_edge.i == tok.i and tok.i - 1 >= s and doc[tok.i - 1].text == ","
              and tok.right_edge.i + 1 < e and doc[tok.right_edge.i + 1].text in (",", ".")):
            # "the meeting, led by foreign ministers X and Y, marks ..." -> "the meeting was led
            # by foreign ministers X and Y" + "the meeting marks ..."
            noun = tok.head
            if noun.ent_type_ in ("DATE", "TIME") and noun.dep_ in ("npadvmod", "pobj"):
                continue  # "emerged from the White House after 90 minutes, unified on ...": the subject was unified
            if tok.lemma_.lower() in MEASURE_VERBS or noun.dep_ == "pobj" and noun.head.lower_ in ("than", "as"):
                # "should not grow faster than the economy, measured by the output of goods": the
                # participle says how the noun is taken ("as measured by"), no event of its own;
                # "the economy was measured by ..." is no fact. The clause keeps it
                continue
            if noun.dep_ == "conj" or any(doc[k].dep_ == "conj" for k in range(noun.left_edge.i, tok.i)):
                continue  # "levels of spending, savings and revenues, based on ...": about the whole list
            a, b = subtree_range(tok)
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) and noun.pos_ == "NOUN" \
                    and all(j in toks for j in range(a, b)) and not any(doc[j].ent_type_ for j in range(a, b)):
                # "A young man, dressed in a jacket and tie, approached ...": "A young man was dressed
                # in a jacket and tie" says nothing of anyone; the aside is cut, no claim made of it
                # (one that names someone or something stays a claim: "A man, identified by police as
                # Tom Hale, ...")
                cut |= set(range(a - 1, b))
                if b < e and doc[b].text == ",":
                    cut.add(b)
                continue
            np_ = lead_trimmed(doc, noun, np_pieces(doc, noun, toks, set(range(a - 1, b + 1))))
            if not np_ or not all(j in toks for j in range(a, b)) or tok.lemma_.lower() in SPEECH_VERBS:
                # ("Frank Sharry, ..., tweeted on Tuesday" is no "Sharry was tweeted")
                continue
            plural = noun.tag_ in ("NNS", "NNPS")
            side.append(unit.copy(np_ + ["were" if plural else "was"] + list(range(a, b)), head=tok,
                                  kind="participial_modifier", composed=True))
            if unit.speaker and noun.dep_ in ("nsubj", "nsubjpass") and b <= noun.head.i \
                    and not (set(range(a, b)) & quoted_tokens(doc, s, e)):
                # "the plan, passed twice by the board, saves $4 million, according to the auditor",
                # "Ruiz said the plan, passed in May, would cost ...": the source speaks to the main
                # clause; in unquoted content a comma-set participle between the subject and its verb
                # is the reporter's aside (as a comma-set relative clause is), not the source's.
                # (Not a trailing one, "the team is the sixth richest, valued at $3 billion,
                # according to Forbes": that is the source's figure.)
                side[-1] = side[-1].copy(speaker=None, cue=None, quote_kind="none")
            cut |= set(range(a - 1, b))
            if b < e and doc[b].text == ",":
                cut.add(b)
                q = closing_quote(doc, a, b, e)
                if q is not None:
                    cut.add(q)
        elif (tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i in toks
              and tok.head.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.left_edge.i == tok.i and tok.i > tok.head.i
              and doc[tok.i - 1].text not in (",", "(", "—", "--") and any(c.dep_ == "agent" for c in tok.children)
              and tok.lemma_.lower() not in SPEECH_VERBS and tok.head.lower_ not in RELATIVE_VAGUE):
            # a participle with its agent inside the clause ("A delegation led by Senator Smith
            # arrived in Kyiv"): the clause keeps it (it says which delegation) and it is also a
            # fact of its own ("The delegation was led by Senator Smith")
            noun = tok.head
            a, b = subtree_range(tok)
            if not all(j in toks for j in range(a, b)) or b - a > 12 or any(
                    doc[j].text in (",", ";", "(", "—", "--") or doc[j].pos_ in ("VERB", "AUX") for j in range(a + 1, b)) \
                    or noun.dep_ in ("nsubj", "nsubjpass") and b > noun.head.i:
                # (no clause, aside or list inside it: "comments made by the billionaire that
                # are derogatory" is about the comments)
                continue
            if noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod")
                                                        for c in noun.children) or any(
                    c.dep_ == "aux" and c.tag_ == "MD" for c in noun.head.children):
                # "Cuts recommended by the board would take effect ...": a bare plural (a kind)
                # or a hypothetical clause -- no cut need exist; no fact of its own
                continue
            np_ = np_pieces(doc, noun, toks, set(range(a, b)))
            if not np_ or any(doc[j].pos_ == "PRON" for j in np_):
                continue
            if doc[np_[0]].lower_ in ("a", "an"):
                np_ = ["The"] + np_[1:]
            plural = noun.tag_ in ("NNS", "NNPS")
            side.append(unit.copy(np_ + ["were" if plural else "was"] + list(range(a, b)), head=tok,
                                  kind="participial_modifier", composed=True))
        elif (tok.dep_ == "prep" and tok.lower_ == "with" and tok.i - 1 >= s and doc[tok.i - 1].text == ","
              and tok.head.i in toks and tok.head.pos_ in ("VERB", "AUX")):
            # the absolute construction ", with work expected to begin next spring": a fact of
            # its own ("work is expected to begin next spring"), cut from the clause
            obj = next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
            part = next((c for c in obj.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")
                         and c.i > obj.i), None) if obj is not None else None
            a, b = subtree_range(tok)
            if part is None or not all(j in toks for j in range(a, b)) or not (
                    b >= e or doc[b].text in (",", ".", ";")):
                continue
            np_ = [j for j in range(obj.left_edge.i, obj.i + 1) if j in toks]
            past = unit.head is not None and unit.head.tag_ == "VBD"
            plural = obj.tag_ in ("NNS", "NNPS")
            verb = ("were" if plural else "was") if past else ("are" if plural else "is")
            side.append(unit.copy(np_ + [verb] + list(range(part.i, subtree_range(part)[1])), head=part,
                                  kind="participial_modifier", composed=True))
            cut |= set(range(a - 1, b))
        elif tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and fronted_name(doc, tok) is not None \
                and all(j in toks for j in range(tok.left_edge.i, tok.right_edge.i + 1)):
            # "A Mexican international, Hernández is the country's top scorer": the fronted
            # description is a fact of its own ("Hernández is a Mexican international"); the
            # fragment check gives the verb its name as subject
            name = fronted_name(doc, tok)
            desc: list = list(range(tok.left_edge.i, tok.right_edge.i + 1))
            if doc[desc[0]].lower_ in ("the", "a", "an") and doc[desc[0]].text[:1].isupper():
                desc[0] = doc[desc[0]].lower_
            side.append(unit.copy(list(range(name.left_edge.i, name.right_edge.i + 1)) + ["is"] + desc, head=tok,
                                  kind="appositive", composed=True, speaker=None, cue=None, quote_kind="none"))
        elif tok.dep_ == "appos" and tok.head.pos_ in ("PROPN", "NOUN") and tok.head.i in toks:
            noun = tok.head
            a, b = subtree_range(tok)
            if not (a - 1 >= s and doc[a - 1].text in (",", "(")):
                continue
            if b + 1 < e and doc[b].text == "." and not doc[b - 1].whitespace_ and doc[b + 1].text == ")":
                b += 1  # "(I-Vt.)": the abbreviation's period, split off, is part of it (not "Ruiz.) left")
            rel_cut = set()
            for c in tok.children:  # "the city's budget director, who were there": the relative is its own claim
                if c.dep_ == "relcl" and c.left_edge.i - 1 >= a and doc[c.left_edge.i - 1].text == ",":
                    rel_cut |= set(range(c.left_edge.i - 1, c.right_edge.i + 1))
            if b < e and runs_on(doc, tok, a, b):
                # "Ms. Ingraham, one of the few conservatives to put her muscle behind ...,
                # said", "director of the Coalition to Stop Gun Violence": the appositive runs
                # on past what the parse gave it; cut there it says nothing (or a wrong name)
                continue
            if any(x.pos_ == "NOUN" and x.lemma_.lower() == tok.lemma_.lower() for x in noun.ancestors):
                # "not a theology based on the Bible, a different theology": a second go at a
                # noun further up, not a description of the nearest one
                continue
            app = [j for j in range(a, b) if j in toks and j not in rel_cut
                   and not (doc[j].dep_ == "punct" and j in (a, b - 1))]
            while app and doc[app[-1]].text == ",":
                app.pop()
            if not app or not appositive_is_description(doc, noun, tok, app) or not appositive_certain(doc, noun, tok, a):
                continue
            # (only the words before the appositive: what the parse hung on the name after it
            # is no part of it -- "Chuck Schumer, the Senate minority leader, called X \"one-sided\"")
            np_ = lead_trimmed(doc, noun, [j for j in np_pieces(doc, noun, toks, set(range(a, b))) if j < a])
            if not np_ or noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in noun.children):
                continue  # "the nominee for president, Hillary Clinton" is no "president is Hillary Clinton"
            bare_role = noun.pos_ == "NOUN" and (tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN")
            if bare_role and not any(c.dep_ in ("relcl", "acl") and c.i < a for c in noun.children) and not any(
                    j != noun.i and (doc[j].dep_ in ("poss", "prep", "compound", "nmod") or doc[j].pos_ == "PROPN"
                                     or doc[j].ent_type_) for j in np_):
                # "the leader, Mitt Romney": leader of what? A bare role names nobody's role, so
                # "the leader is Mitt Romney" says nothing alone; the name stays in its clause
                continue
            # "the businessman who ran the fund, Ana Ruiz": the relative clause is what made him
            # that businessman, so "the businessman is Ana Ruiz" says nothing alone either; the
            # clause keeps its relative and loses the name, as before, but no claim is made of it
            described = not (bare_role and any(c.dep_ in ("relcl", "acl") and c.i < a for c in noun.children))
            if noun.pos_ == "NOUN" and not person_noun(noun) and not noun.ent_type_ and \
                    doc[app[0]].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr", "sir", "madam"):
                continue  # "open the border, Mr. Mayor, and ...": a vocative; a thing is no person
            if any(doc[j].dep_ == "cc" or doc[j].text in ("'", "’") for j in np_) or doc[np_[0]].pos_ in ("ADP", "ADV") \
                    or any(c.dep_ == "det" and c.lower_ in ("a", "an", "some", "any", "another") for c in noun.children):
                # "Obama and Speaker John Boehner (R-Ohio)" is no "Obama and Boehner is R-Ohio", "Sen.
                # Susan Collins' (R-Maine)" no "Collins' is R-Maine"; "about some phony ideal, some
                # phony theology" is a restatement, not "ideal is theology"
                continue
            if any(doc[j].lower_ in APPOSITIVE_PRONOUNS for j in app + np_):
                # "Cruz, his main competition", "their party's nominee, Roy Moore": whose, the
                # claim does not say
                continue
            opened = [j for j in app if doc[j].text == "("]
            if opened and not any(doc[j].text == ")" for j in app if j > opened[-1]):
                app = [j for j in app if j < opened[-1]]  # "a staffer for Rep. Roger Williams (R-Texas"
                if not app:
                    continue
            age = len(app) == 1 and doc[app[0]].like_num
            if age and (not doc[app[0]].text.isdigit() or int(doc[app[0]].text) > 120
                        or noun.pos_ != "PROPN" and not person_noun(noun)):
                continue  # "the Sept. 11, 2001, attacks" is no "the Sept. 11 is 2001 years old"
            verb = "is"
            words = " ".join(doc[j].lower_ for j in app)
            lead_words = " ".join(doc[j].lower_ for j in np_)
            if " at the time" in f" {words}" or words.startswith("then ") or noun.pos_ == "NOUN" and (
                    f"{lead_words} ".endswith(" at the time ") or " then " in f" {lead_words} "):
                # "X, McCain's policy director at the time, recalled": not "is ... at the time"; nor
                # "the F.B.I. director at the time, James Comey," -> "... at the time was James Comey"
                verb = "was"
            pieces = np_ + [verb] + app + (["years old"] if age else [])
            if not age and PARTY_STATE.fullmatch(doc[app[0]:app[-1] + 1].text):
                # "Sen. Ana Ruiz, D-Ohio," -> "Sen. Ana Ruiz is a Democrat from Ohio" (not "is D-Ohio");
                # a state the table does not know: no claim, the label is still cut
                said = party_words(doc[app[0]:app[-1] + 1].text)
                if said is None:
                    described = False
                else:
                    pieces = np_ + ["is", said]
            if noun.head.i in toks and identifying_appositive(doc, noun, tok, np_, app) and not age \
                    and not comma_before_bare_verb(doc, noun, b, toks):
                # "The hearing, the second this week on the port closure, offered few new facts":
                # a bare "the hearing" is no thing the claim names; the definite description is
                # what says which hearing, so the clause keeps it (and no "X is Y" is made of it).
                # (Only where the clause holds the subject's verb: a speaker's own appositive, "The
                # report, the first of its kind, found that ...", is still a claim of its own.)
                continue
            # the reporter's description, not the speaker's words ("Trump said Mattis, 68, ...")
            if described:
                side.append(unit.copy(pieces, head=tok, kind="appositive", composed=True, speaker=None, cue=None,
                                      quote_kind="none"))
            if noun.pos_ == "NOUN" and tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and noun.head.i in toks:
                # "the city's police chief at the time, Tom Hale, recommended ...": cut, the clause
                # would keep the role and lose the name that says who; the name stays in it
                # (not where the fragment check would read "ROLE, NAME, verbed" as a subject and an
                # aside and drop the clause: there the name is cut, as before)
                if not comma_before_bare_verb(doc, noun, b, toks):
                    continue
            cut |= set(range(a - 1, b))
            if b < e and doc[b].text in (",", ")"):
                cut.add(b)
                q = closing_quote(doc, a, b, e)
                if q is not None:
                    cut.add(q)
        elif tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and tok.dep_ == "compound" or (
                tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN"):
            # "club owner Mike Ashley" -> "Mike Ashley is club owner"
            ent = next((x for x in doc.ents if x.start == tok.i), None)
            if ent is None or ent.root.dep_ == "compound":
                continue  # "the Obama signature law": the name modifies a noun, it has no title
            j = ent.start - 1
            title = []
            while j >= s and j in toks and doc[j].dep_ in ("compound", "amod", "nmod") and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") \
                    and doc[j].ent_type_ != "PERSON" and doc[j].head.i >= ent.start - 1:
                title.insert(0, j)
                j -= 1
            if not title or not any(doc[t].pos_ == "NOUN" for t in title) or doc[title[-1]].tag_ == "NNS":
                continue
            while j >= s and j in toks and doc[j].head.i in title and doc[j].dep_ in ("amod", "compound", "nmod") \
                    and doc[j].ent_type_ != "PERSON" and (doc[j].is_alpha or "-" in doc[j].text):
                # the title with all its modifiers: "Donald Trump is real estate tycoon" (not
                # "estate tycoon"), "Wayne Rooney is England captain"
                title.insert(0, j)
                j -= 1
            if j >= s and doc[j].head.i in title and doc[j].dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod",
                                                                      "poss", "case", "nummod"):
                continue  # a modifier that cannot be part of it ("Chelsea 's captain"): the title is not whole
            if any(c.dep_ == "poss" for t in title for c in doc[t].children) or doc[title[0] - 1].text in ("-", "–"):
                # "Trump's personal lawyer John Dowd" is no "John Dowd is personal lawyer" (whose?);
                # "a latter-day Dan Quayle" is no "Dan Quayle is day"
                continue
            if doc[title[-1]].text.endswith(".") or doc[title[-1]].lower_ in ("rev", "dr", "gen", "sen", "rep", "gov",
                                                                                "mr", "mrs", "ms", "miss", "sir"):
                continue  # "civil rights leader Rev. Jesse Jackson" is no "Jesse Jackson is leader Rev."
            if doc[title[0]].ent_iob_ == "I":
                continue  # "Fox News contributor Mike Huckabee" is no "Mike Huckabee is News contributor"
            if any(doc[t].tag_.startswith("VB") or doc[t].lemma_.lower() in SPEECH_VERBS for t in title):
                continue  # "Authorities allege Moschetto ..." is no title
            name = [k for k in range(ent.start, ent.end) if doc[k].text not in ("'s", "’s")]
            side.append(unit.copy(name + ["is"] + title, head=ent.root, kind="title", composed=True, speaker=None,
                                  cue=None, quote_kind="none"))
    return side, cut

