"""Coordination: "A did X and B did Y" -> two clauses; "A, B and C did X" -> one claim per
member (only "and" lists of subjects/objects, never under symmetric verbs/prepositions)."""

from __future__ import annotations

from claimtrack.claims.attribution import SPEECH_VERBS, is_cue, quoted_tokens, verb_units
from claimtrack.claims.units import SUBJECTS, Unit, subtree, subtree_range
from claimtrack.claims.resolve import person_noun


def quoted_words(doc, unit: Unit) -> set[int]:
    """The unit's tokens that are a speaker's own quoted words: all of them for a direct
    quote (which may continue a quotation opened in the sentence before), else those between
    quotation marks in the unit's sentence. Coordination never rewrites these."""
    toks = unit.token_set()
    if unit.quote_kind == "direct":
        return toks
    if not toks:
        return set()
    sent = doc[min(toks)].sent
    cache = doc.user_data.setdefault("claimtrack_quoted_sent", {})
    found = cache.get(sent.start)
    if found is None:
        found = cache[sent.start] = frozenset(quoted_tokens(doc, sent.start, sent.end))
    return toks & found


PLURAL_REFS = {"their", "them", "they", "theirs", "themselves"}
DEMONSTRATIVE_REFS = {"those", "these"}


def refers_back(doc, first_toks, second_toks, subj) -> bool:
    """Does the conjunct hold a pronoun ("their", "them", "those") that may point to a plural
    noun of the first conjunct other than the subject ("contacted the officials and kept a
    record of their answers"; "is not interested in personal emails and will focus on those
    about X")? Split, the pronoun would lose what it means: the clause stays whole."""
    refs = [i for i in second_toks if doc[i].lower_ in PLURAL_REFS and doc[i].pos_ == "PRON"
            or doc[i].lower_ in DEMONSTRATIVE_REFS and doc[i].dep_ != "det"]
    if not refs:
        return False
    if subj is not None and (subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("they", "we", "these", "those")):
        return False  # ("officials met the firms and kept their records": "their" is most likely the subject's)
    skip = subtree(subj) if subj is not None else set()
    return any(doc[i].tag_ in ("NNS", "NNPS") and i not in skip and i < min(refs) for i in first_toks)


SYMMETRIC_PREPS = {"between", "among", "amongst", "with"}
LOCATIVE_PREPS = {"in", "at", "across", "throughout", "near", "around"}


SYMMETRIC_VERBS = {"meet", "agree", "talk", "negotiate", "marry", "unite", "compare", "differ", "merge",
                   "discuss", "share", "split", "separate", "combine", "mix", "link", "connect", "collide"}
# reciprocal only for their subjects ("the mayor and the council battled"; not "clash with X on A and B")
RECIPROCAL_SUBJECT_VERBS = {"battle", "clash", "spar", "feud", "quarrel", "wrangle", "bicker", "tussle"}


def joined(doc, start: int, toks: set[int]) -> bool:
    """Is the conjunct starting at ``start`` joined by a conjunction or punctuation ("..., and
    then did Y", "...; did Y")? (Adverbs and quote marks between are skipped.)"""
    j = start - 1
    while j >= 0 and (doc[j].dep_ in ("advmod", "neg") and doc[j].pos_ == "ADV" or doc[j].text in ('"', "“", "”", "'")):
        j -= 1
    if j >= 1 and j + 1 < len(doc) and (doc[j - 1].lower_, doc[j].lower_, doc[j + 1].lower_) in IDIOMS:
        return False  # "the justices have time and again declined": no second clause
    return j >= 0 and (doc[j].dep_ in ("cc", "punct", "preconj") or doc[j].pos_ in ("CCONJ", "PUNCT"))


IDIOMS = {("time", "and", "again"), ("again", "and", "again"), ("over", "and", "over"), ("more", "and", "more")}


def alternative(doc, head, child) -> bool:
    """Is the conjunct an alternative ("make it a priority, or cancel the meeting", "did not
    call nor write")? Neither side is asserted alone: the clause stays whole."""
    ccs = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < child.i]
    return bool(ccs) and ccs[-1].lower_ in ("or", "nor")


FINITE_ONLY = ("VBD", "VBZ")


def tense_mismatch(head, child) -> bool:
    """A conjunct without its own subject or auxiliary whose verb form cannot share the first
    verb's subject and auxiliaries: a bare "ease" after a finite "reported" ("officials reported
    progress on a deal that would clamp down ... but then slowly ease restrictions": "ease"
    belongs to "would", in the relative clause), or a finite "licensed" after "do not permit"
    (a noun the tagger read as a verb). The parse hung it on the wrong verb; the clause stays
    whole rather than give it the wrong subject."""
    if any(g.dep_ in SUBJECTS or g.dep_ in ("aux", "auxpass") for g in child.children):
        return False
    head_auxes = [g for g in head.children if g.dep_ in ("aux", "auxpass") and g.i < head.i]
    if head.tag_ in FINITE_ONLY and not head_auxes and child.tag_ == "VB":
        return True
    if head.tag_ in FINITE_ONLY + ("VBP",) and not head_auxes and child.tag_ == "VBG":
        return True  # "forces remain there in a training and advising role": "advising" is no clause
    if head.tag_ in ("VBZ", "VBP") and not head_auxes and child.tag_ == "VBN":
        return True  # "comes in a letter released Tuesday and signed by ...": "signed" is the letter's
    if head.tag_ == "VB" and child.tag_ == "VBD" and any(
            g.tag_ == "MD" or g.lemma_.lower() == "do" and g.tag_ in ("VBP", "VBZ") for g in head_auxes):
        return True  # ("does not remember X and claims Y", "did not stop and fled" are two clauses)
    return False


OBJECT_DEPS = ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd")


def shared_object(first, child) -> bool:
    """"get to pick and choose which laws I enforce": the object after the last verb is both
    verbs' (the first has none of its own); split, the first verb would lose it."""
    return not any(c.dep_ in OBJECT_DEPS for c in first.children) and any(
        c.dep_ in OBJECT_DEPS for c in child.children) and not any(
        c.i > first.i and c.dep_ not in ("cc", "conj", "punct") for c in first.children)


BARE_DEPS = ("cc", "punct", "aux", "neg")
BARE_QUANTIFIERS = {"none", "all", "most", "some", "many", "few", "several", "both", "each", "neither", "either"}


def bare_pair(head, child) -> bool:
    """"One party will tax and spend", "won't tax and will spend", "can sink or swim": two bare
    verbs under one subject, neither with an object or complement of its own, say one thing
    together; split, "One party will spend" misquotes it. Also "will hire and train new
    workers" (a bare verb under a modal before the conjunct's object: the object is both
    verbs'), split "The company will hire". (Session 29, post-freeze; readers r74 #225, r75 #247)"""
    if head.pos_ != "VERB" or child.pos_ != "VERB" or any(g.dep_ in SUBJECTS for g in child.children):
        return False
    if any(g.i > head.i and g.dep_ not in ("cc", "conj", "punct") for g in head.children) or any(
            g.dep_ in OBJECT_DEPS or g.dep_ in ("auxpass", "prt", "dative") for g in head.children):
        return False  # the first verb has words of its own after it
    if child.right_edge.i == child.i and all(g.dep_ in BARE_DEPS for g in child.children):
        return True
    return head.tag_ == "VB" and child.tag_ == "VB" and not any(g.dep_ in ("aux", "neg") for g in child.children) \
        and any(g.dep_ == "aux" and g.tag_ == "MD" for g in head.children) and shared_object(head, child)


NESTED_GAP_VERBS = {"swore", "said", "believed", "thought", "predicted", "feared", "hoped", "claimed", "insisted",
                    "expected", "promised", "warned", "argued"}


def nested_gap(doc, head) -> bool:
    """"recalling past tragedies that many swore would reshape politics": a relative clause
    whose gap is in a nested clause, misparsed as a "that" clause with "many swore" its subject;
    alone ("many swore would reshape politics") it has lost its head: no claim. (Session 29,
    post-freeze; readers r74 #144, r75 #92)"""
    subj = next((g for g in head.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in NESTED_GAP_VERBS or subj.pos_ != "NOUN" or head.dep_ != "ccomp":
        return False
    mark = next((g for g in head.children if g.dep_ == "mark" and g.lower_ == "that" and g.i < subj.i), None)
    return mark is not None and mark.i > 0 and doc[mark.i - 1].pos_ in ("NOUN", "PROPN")


def relative_conjunct(doc, head, child, c_start: int) -> bool:
    """"the most popular guy who looks into your eye every day and says what you want to hear":
    a conjunct the parse hung on the main verb right after a relative clause whose verb it
    matches (both "-s") is the relative clause's own second verb; the clause stays whole.
    (Session 29, post-freeze; reader r74 #2)"""
    if c_start < 2 or doc[c_start - 1].dep_ != "cc" or child.tag_ not in ("VBZ", "VBP", "VBD") or any(
            g.dep_ in SUBJECTS for g in child.children):
        return False
    t = doc[c_start - 2]
    while t.dep_ != "relcl" and t.i != head.i and t.head.i != t.i:
        t = t.head
    return t.dep_ == "relcl" and t.tag_ == child.tag_ and t.right_edge.i in (c_start - 2, c_start - 1) and t.head.i != head.i \
        and head.i < t.i and head.tag_ != child.tag_


def self_object(subj, child) -> bool:
    """Would the carried subject also be the conjunct's own object ("Mr. Lee accused Mr. Lee
    of ...")? Then the parse hung the conjunct on the wrong verb."""
    name = " ".join(t.text for t in subj.subtree if t.pos_ == "PROPN")
    if not name:
        return False
    return any(g.dep_ in ("dobj", "dative") and g.pos_ == "PROPN" and
               " ".join(t.text for t in g.subtree if t.pos_ == "PROPN") == name for g in child.children)


def series_subject(doc, head, child, cut):
    """"... to complain that the bakery had paid them less than minimum wage, did not pay for
    overtime and paid them in cash": a comma series ("A, B and C") whose first member is the
    content clause just before the comma continues that clause, not the main verb the parse
    hung it on. The subject of that clause, or None."""
    if cut < 1 or doc[cut].text != "," and doc[cut - 1].text != ",":
        return None
    if not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in child.children):
        return None  # (a series of three: "X, did Y and did Z")
    comma = cut if doc[cut].text == "," else cut - 1
    prev = doc[comma - 1]
    for verb in [prev] + list(prev.ancestors):
        if verb.i == head.i:
            return None
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ == "ccomp" and verb.right_edge.i in (comma - 1, comma):
            own = next((g for g in verb.children if g.dep_ in SUBJECTS), None)
            if own is not None and own.pos_ in ("NOUN", "PROPN") and head.i in {a.i for a in verb.ancestors}:
                return own
            return None
    return None


def noun_series_misparse(doc, toks) -> bool:
    """"would protect A's privacy, the security of the information queried, and the public's
    interest in ensuring ...": a "clause" joined by a comma alone whose verb is a bare
    participle (or a past form with nothing after it) with a noun subject of its own and no
    auxiliary ("the security ... queried") is a noun phrase of a series the parse read as
    clauses; every cut of the unit at a conjunct would cut the series, so the
    unit stays whole."""
    for i in toks:
        t = doc[i]
        if t.dep_ in ("conj", "ccomp") and t.pos_ == "VERB" and t.head.i in toks \
                and (t.tag_ in ("VBN", "VBG") or t.tag_ == "VBD" and t.right_edge.i == t.i) \
                and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") for c in t.children) \
                and not any(c.dep_ in ("aux", "auxpass") for c in t.children):
            return True
    return False


SEQUEL_ADVERBS = {"then", "thereafter", "afterward", "afterwards", "subsequently"}


def sequel(child) -> bool:
    """"We will have a national emergency, and we will then be sued": a conjunct whose
    "then" ("after that", "as a result") points to the first conjunct means little alone.
    Inside a speaker's quoted words, where the cut cannot be mended, the clause stays whole
    (outside quotes a narrator's "then" reads as a plain time and the split is kept; a
    leading "and then X can ..." is the fragment check's, which drops it)."""
    subj = next((c for c in child.children if c.dep_ in SUBJECTS), None)
    return subj is not None and any(c.dep_ == "advmod" and c.lower_ in SEQUEL_ADVERBS and subj.i < c.i < child.i
                                    for c in child.children)


def own_report(doc, unit: Unit, child) -> list[Unit]:
    """The content units of a verb conjunct that is a report of its own -- a speech verb
    with its own subject and reported clause ("..., and Trump later tweeted that B") --
    inside a unit someone else is reported to have said (not quoted words); else []."""
    if not unit.speaker or unit.quote_kind == "direct" or not is_cue(child, SPEECH_VERBS):
        return []
    subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON") or quoted_words(doc, unit) & {child.i}:
        return []
    if any(c.dep_ == "mark" for c in child.children):
        return []  # "argued that A and that B": the second "that" keeps B the speaker's
    sent = child.sent
    return [u for u in verb_units(doc, child, sent.start, sent.end) if u.token_set() <= subtree(child)]


def appositive_relative(doc, head, child, c_start: int) -> bool:
    """"settle a lawsuit his former aide, Ana Ruiz, had filed in 2014": a verb after an appositive's
    closing comma, with no "and" before it and no subject of its own, is the verb of a relative
    clause without "that" (its subject the noun before the appositive) that the parse read as a
    conjunct; split off, it took the main subject ("Hale had filed in 2014")."""
    if any(g.dep_ in SUBJECTS for g in child.children) or any(
            g.dep_ in ("cc", "preconj") and head.i < g.i < child.i for g in head.children) or any(
            doc[j].dep_ == "cc" for j in range(max(0, c_start - 2), c_start)):
        return False
    if c_start < 2 or doc[c_start - 1].text != "," or any(g.dep_ in ("cc", "conj") for g in child.children) \
            or not any(g.dep_ in ("aux", "auxpass") and g.i < child.i for g in child.children):
        return False  # ("met Ana Ruiz, the finance minister, signed the budget and left": a verb series)
    app = doc[c_start - 2]
    return app.dep_ == "appos" or app.head.dep_ == "appos" and app.head.i < app.i


def voice_mismatch(head, child) -> bool:
    """A passive first verb and an active conjunct with an object of its own and no subject
    ("the congressman's account had been hacked and dismissed the episode as a prank"): the
    first subject is what was acted on, not who acted; the second verb is someone else's (the
    parse lost its subject). The clause stays whole rather than give it that subject."""
    if any(g.dep_ in SUBJECTS or g.dep_ in ("aux", "auxpass") for g in child.children):
        return False
    subj = next((g for g in head.children if g.dep_ == "nsubjpass"), None)
    if subj is None or not any(g.dep_ == "auxpass" for g in head.children) or subj.pos_ != "NOUN" \
            or subj.ent_type_ or person_noun(subj) or subj.lemma_.lower() in PEOPLE_NOUNS:
        return False  # ("Python 2.0 was released in 2000 and introduced ...": the same subject)
    return child.tag_ in ("VBD", "VBZ", "VBP") and child.lemma_.lower() in HUMAN_VERBS and any(
        g.dep_ == "dobj" for g in child.children)


# verbs only a person (or a body of people) does: a thing acted on cannot be their subject
HUMAN_VERBS = {"dismiss", "deny", "call", "describe", "say", "insist", "claim", "blame", "acknowledge", "admit",
               "apologize", "vow", "promise", "criticize", "praise", "accuse", "reject", "defend", "urge"}


def imperative_conjunct(head, child) -> bool:
    """Is the conjunct an imperative ("..., but don't expect him to fade") that cannot take the
    first verb's subject: "do" (plural/imperative form) opening it, no subject of its own, after
    a singular subject?"""
    if any(g.dep_ in SUBJECTS for g in child.children) or child.tag_ != "VB" or head.tag_ not in ("VBD", "VBZ", "VBN") \
            or not any(g.dep_ == "cc" and g.lower_ in ("but", "and") and head.i < g.i < child.i for g in head.children):
        return False  # ('repeal "don't ask, don't tell"': a name, no clause)
    do = next((g for g in child.children if g.dep_ == "aux" and g.i < child.i), None)
    if do is None or do.lower_ != "do" or do.i != child.left_edge.i:
        return False
    subj = next((g for g in head.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.tag_ in ("NN", "NNP") and not any(g.dep_ == "conj" for g in subj.children)


def defined_by_first(doc, head, subj, cut: int) -> bool:
    """Is the carried subject an event noun that the first conjunct's own clause describes
    ("Thursday's meeting marks the second time the mayor and the governor have met, and comes
    after ...": the meeting is between the two the first conjunct names; "Thursday's meeting
    comes after ..." alone does not say whose)?"""
    if subj.pos_ != "NOUN" or len(subj.lemma_) < 5:
        return False
    lemma = subj.lemma_.lower()
    return any(doc[j].pos_ == "VERB" and j != head.i and len(doc[j].lemma_) >= 3
               and lemma.startswith(doc[j].lemma_.lower()) for j in range(head.i + 1, cut))


def clause_end_conjunct(doc, head, child, c_start: int) -> bool:
    """"the guy who calls you every day and tells you what you want to hear", "wrong when
    taxes go up but wages stay flat": a conjunct joined by a bare "and"/"but" (no comma)
    right where a relative or adverbial clause of the first conjunct ends is as likely (here:
    surely) that clause's conjunct, which the parse hung on the main verb. Cut there, the
    first claim ends mid-thought and the second loses its clause. (Used inside a speaker's
    quoted words only, where the clause may stay whole; a relative clause only when the
    conjunct has no subject of its own, an adverbial one only when it is finite, with its own
    subject and a subordinator.)"""
    cc = c_start - 1
    if cc < 1 or doc[cc].dep_ != "cc" or doc[cc].lower_ not in ("and", "but") or doc[cc - 1].is_punct:
        return False
    own_subj = any(g.dep_ in SUBJECTS for g in child.children)
    t = doc[cc - 1]
    while t.i != head.i and t.i != t.head.i:
        if t.pos_ in ("VERB", "AUX") and t.i > head.i and t.right_edge.i == cc - 1:
            if t.dep_ == "relcl":
                # (only a conjunct without a subject of its own, which shares the relative's: "I have
                # people who studied it and they cannot believe ..." is the main clause's)
                return not own_subj
            if t.dep_ == "advcl":
                # (only a finite clause opened by "when"/"if"/"because"... with its own subject: not a
                # participle or infinitive, "It's a long time coming and we're thrilled")
                return any(g.dep_ in SUBJECTS for g in t.children) and any(
                    g.dep_ == "mark" or g.dep_ == "advmod" and g.tag_ == "WRB" for g in t.children if g.i < t.i) and (
                    t.tag_ in ("VBD", "VBZ", "VBP") or any(g.dep_ in ("aux", "auxpass") for g in t.children))
            return False
        t = t.head
    return False


SUBORDINATORS = {"as", "when", "while", "because", "after", "before", "if", "since", "although", "though", "until",
                 "unless", "once", "whereas"}


def second_subordinate(doc, head, c_start: int) -> bool:
    """"Her resignation came as the council appeared to head toward a shutdown and as a slump
    became worse": a conjunct opened by the subordinator of an adverbial clause of the first
    verb is that clause's second member (a second "as ..."), which the parse joined to the main
    verb; split, the second claim reads "Her resignation as a slump became worse"."""
    first = doc[c_start]
    if first.lower_ not in SUBORDINATORS or c_start < 1 or doc[c_start - 1].lower_ not in ("and", "or", "but", ","):
        return False
    return any(g.dep_ == "advcl" and g.i < c_start and any(m.dep_ in ("mark", "advmod") and m.lower_ == first.lower_
                                                             for m in g.children) for g in head.children)


COMPARATIVE_WORDS = {"less", "more", "fewer"}
CONDITION_MARKS = {"once", "if", "unless", "until", "when", "whenever"}
CONCESSIVE_ADVERBS = {"anyway", "anyways", "regardless", "nonetheless", "nevertheless"}


def elliptical(doc, child) -> bool:
    """Is the conjunct an ellipsis that means nothing without the first clause -- a modal with
    no verb ("I will put everything into this and so will Joe"), "so did/does ..." with nothing
    done, or a bare comparative with no "than" ("faces up to five years, but guidelines recommend
    slightly less": less than what)? Split, it is a fragment; the clause stays whole."""
    if child.tag_ == "MD" and not any(g.dep_ in ("xcomp", "ccomp", "dobj", "acomp", "attr") for g in child.children):
        return True
    if child.lemma_.lower() in ("do", "be", "have") and any(g.dep_ == "advmod" and g.lower_ in ("so", "neither")
                                                            and g.i < child.i for g in child.children) \
            and not any(g.dep_ in ("xcomp", "ccomp", "dobj", "acomp", "attr") for g in child.children):
        return True
    comp = next((g for g in child.children if g.lower_ in COMPARATIVE_WORDS and g.dep_ in ("advmod", "dobj", "npadvmod")
                 and g.i > child.i and not any(c.pos_ in ("NOUN", "PROPN") for c in g.children)), None)
    return comp is not None and not any(doc[j].lower_ == "than" for j in range(comp.i, child.right_edge.i + 1))


def not_but(doc, first, child) -> bool:
    """"was spent not bemoaning his foes, but rather demanding purity": "not A but B" is one
    contrast; split, "was spent rather demanding purity" garbles the second and the first says
    only what it was not."""
    cc = next((g for g in first.children if g.dep_ == "cc" and first.i < g.i < child.i), None)
    if cc is None or cc.lower_ != "but":
        return False
    return any(g.dep_ == "neg" and g.i < first.i for g in first.children) or first.left_edge.i > 0 and \
        doc[first.left_edge.i - 1].lower_ == "not"


def split_coordination(doc, unit: Unit) -> list[Unit]:
    """Split "A did X and B did Y" into two units; "A did X but did Y" carries A over."""
    head = unit.head
    toks = unit.token_set()
    subj = next((g for g in head.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    stray = -1 if subj is None else subj.right_edge.i if doc[subj.right_edge.i].dep_ == "cc" else subj.right_edge.i + 1
    if stray in toks and stray + 1 <= head.i and doc[stray].lower_ == "but" and doc[stray].dep_ == "cc" \
            and doc[stray].head.i in (subj.i, head.i) and not any(g.dep_ == "conj" for g in subj.children) \
            and (stray + 1 == head.i or doc[stray + 1].head.i == head.i and doc[stray + 1].dep_ in ("aux", "neg")):
        # "But Mr. Hale but did not apologize": a doubled conjunction (a typo) between the subject
        # and its verb; kept, the claim reads "Mr. Hale but did not apologize"
        unit = unit.copy([p for p in unit.pieces if p != stray])
        toks = unit.token_set()
    if noun_series_misparse(doc, toks):
        return [unit]
    if nested_gap(doc, head):
        return []
    last = max(toks) if toks else -1
    if 0 <= last < len(doc) - 1 and doc[last].is_alpha and last + 1 not in toks and not doc[last + 1].is_punct:
        dangling = next((t for t in doc[min(toks):last + 1] if t.dep_ == "conj" and t.tag_ == "VBG" and t.head.pos_ == "ADJ"
                         and t.right_edge.i == last and t.i in toks and t.left_edge.i - 1 in toks
                         and doc[t.left_edge.i - 1].dep_ == "cc"), None)
        if dangling is not None:
            # "because the mission there is ongoing and removing troops now would cause ...": the
            # parse hung the next clause's gerund subject on the adjective and its verb elsewhere;
            # cut there, the claim ends "is ongoing and removing troops". Kept without it.
            # (Session 29, post-freeze; reader r74 #131)
            cut = dangling.left_edge.i - 1
            unit = unit.copy([p for p in unit.pieces if not (isinstance(p, int) and cut <= p <= last)])
            toks = unit.token_set()
            if not toks:
                return []
            last = max(toks)
    if 0 <= last < len(doc) - 1 and doc[last].dep_ == "cc" and doc[last + 1].head.i == head.i \
            and doc[last + 1].dep_ == "conj" and doc[last + 1].pos_ in ("VERB", "AUX") \
            and relative_conjunct(doc, head, doc[last + 1], last + 1):
        # '"... the most popular guy who looks into your eye every day and says what you want to
        # hear"': cut before the relative clause's second verb, the claim would end on "and";
        # the relative clause keeps its conjunct
        tail = [j for j in range(last + 1, doc[last + 1].right_edge.i + 1) if not doc[j].is_punct or j < doc[last + 1].right_edge.i]
        unit = unit.copy(unit.pieces + tail)
        toks = unit.token_set()
    if head.dep_ == "ROOT" and any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS and g.i < head.i
                                   for g in head.children):
        # '"Once the final bill is done and the law is changed and he can see that, he will ..."':
        # a condition the parse made the sentence's root; its conjuncts are the condition's
        # members, not facts ("the law is changed and is complete"). (Not "because"/"since"/
        # "although", whose clauses are asserted: "Because we're going in, and we're going to X")
        return [unit]
    for child in head.children:
        if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX") or child.i not in toks:
            continue
        c_start = child.left_edge.i
        if not joined(doc, c_start, toks):
            # "nearly a month passed before agents and analysts began to act": a verb the
            # parse hung on the main clause with no "and"/comma before it is a misparse; the
            # clause stays whole rather than cut at "analysts"
            continue
        if appositive_relative(doc, head, child, c_start):
            continue
        if alternative(doc, head, child) or tense_mismatch(head, child) or voice_mismatch(head, child):
            continue
        if second_subordinate(doc, head, c_start) or elliptical(doc, child) or any(
                g.dep_ == "advmod" and g.lower_ in CONCESSIVE_ADVERBS for g in child.children):
            # ("the wall was largely done but he needed billions anyway": "anyway" is in spite of
            # the first conjunct; alone, "he needed billions anyway" loses what it answers)
            continue
        if imperative_conjunct(head, child) and child.i not in quoted_words(doc, unit):
            # "Trump has dropped plans to moderate a debate, but don't expect him to fade": the
            # conjunct speaks to the reader; the first subject is not its subject ("Trump don't
            # expect"), and alone it is no claim: the first clause is kept without it
            cut = c_start
            while cut - 1 in toks and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].text == ","):
                cut -= 1
            first_p = [p for p in unit.pieces if not (isinstance(p, int) and cut <= p <= child.right_edge.i)]
            if any(isinstance(p, int) for p in first_p):
                return split_coordination(doc, unit.copy(first_p))
            continue
        reported = own_report(doc, unit, child)
        if reported:
            # "Officials said A, and Trump later tweeted that B": "Trump tweeted" is no part of
            # what the officials said; B is Trump's, the conjunct a report of its own
            cut = c_start
            while cut - 1 in toks and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].text == ","):
                cut -= 1
            first_p = [p for p in unit.pieces if not (isinstance(p, int) and cut <= p <= child.right_edge.i)]
            if any(isinstance(p, int) for p in first_p):
                out = split_coordination(doc, unit.copy(first_p))
                for u in reported:
                    out.extend(split_coordination(doc, u))
                return out
        if sequel(child) and child.i in quoted_words(doc, unit):
            continue
        if clause_end_conjunct(doc, head, child, c_start) and child.i in quoted_words(doc, unit):
            continue
        if c_start >= 2 and doc[c_start - 1].dep_ == "cc" and doc[c_start - 2].tag_ == "MD":
            continue  # "what the president can and cannot do": one verb shared by two modals, no clause
        if child.right_edge.i == child.i and all(g.dep_ in ("cc", "punct") for g in child.children):
            # "The inquiry began two years ago with an audit and expanded": a bare verb conjunct
            # says what it says of the first ("expanded" from that); alone it says nothing
            continue
        if bare_pair(head, child) or relative_conjunct(doc, head, child, c_start):
            continue
        cut = c_start
        while cut - 1 in toks and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].text == ","):
            cut -= 1
        first_p = [p for p in unit.pieces if not isinstance(p, int) or p < cut]
        if not any(isinstance(p, int) for p in first_p) or cut <= min(toks):
            continue
        second_p = [p for p in unit.pieces if isinstance(p, int) and p >= c_start]
        own_subj = next((g for g in child.children if g.dep_ in SUBJECTS or g.dep_ in ("csubj", "csubjpass")), None)
        # ("the plan is working and cutting it now would hurt the city": a gerund is the
        # conjunct's own subject; carried over, "the plan cutting it now would hurt the city")
        if own_subj is not None and own_subj.lower_ in BARE_QUANTIFIERS and not any(own_subj.children) \
                and own_subj.i == c_start:
            # "23 states have enacted such laws, and none have been overturned": a bare "none"
            # (all, most, some ...) is of the first conjunct's noun; alone it says nothing.
            # (Session 29, post-freeze; reader r74 #190)
            continue
        if own_subj is not None and own_subj.lower_ == "they" and subj is not None and subj.pos_ == "NOUN" \
                and subj.tag_ == "NNS" and own_subj.i == c_start:
            # '"Some people look at it and they love it"': the conjunct's "they" is the first
            # subject (common people, no name to resolve it to); split, "Some people look at it"
            # says nothing and "they love it" is dropped: the clause stays whole. (Session 29,
            # post-freeze; reader r74 #106)
            continue
        if refers_back(doc, [p for p in first_p if isinstance(p, int)], second_p,
                       own_subj or next((g for g in head.children if g.dep_ in SUBJECTS), None)):
            continue
        if own_subj is None and unit.speaker and unit.quote_kind != "direct" and doc[c_start - 1].lower_ == "but" \
                and not quoted_words(doc, unit) & {c_start, child.i} and head.head.i != head.i \
                and head.head.lemma_.lower() in SPEECH_VERBS and head.head.i < head.i and head.head.tag_ in ("VBD", "VBN") \
                and any(g.dep_ == "aux" and g.lower_ == "did" for g in child.children) and any(g.dep_ == "neg" for g in child.children):
            # "He added that the committee could issue subpoenas ..., but did not name anyone": a "but did
            # not" conjunct after a past speech verb's reported content is most likely the speaker's own
            # omission (the narrator's), not what was said of the content's subject ("the committee did
            # not name"); whose it is is a guess -- the first clause stays the speaker's, the conjunct is
            # not stored under the speaker. ("said the city tried A but refused B" is left as it was; a
            # pronoun subject, "said he backed A but stopped short of B", is attribution's narrator rule)
            return split_coordination(doc, unit.copy(first_p))
        if own_subj is None and doc[c_start].lower_ != "there" and quoted_words(doc, unit) & {cut, c_start}:
            # '"We will win and rebuild"': a carried subject would rewrite the speaker's words
            continue
        if own_subj is None and doc[c_start].lower_ != "there":
            # ("..., and there hasn't been a determination": "there" is its subject)
            if any(g.i < child.i and g.pos_ in ("NOUN", "PROPN", "PRON") and g.dep_ in ("npadvmod", "dobj", "nmod", "attr")
                   for g in child.children):
                # "..., and nearly a month passed before ...": a noun before the verb is its
                # subject the parse missed; carrying the first subject over would garble it
                continue
            subj = next((g for g in head.children if g.dep_ in SUBJECTS), None)
            series = series_subject(doc, head, child, cut)
            if series is not None:
                subj = series  # "X hired a lawyer to complain that the bakery had paid them less, did not pay ... and paid ..."
            if subj is None:
                continue
            if subj.lower_ == "there" and child.lemma_.lower() != "be":
                continue  # ("there are limits ... and cannot do": "there" is no subject of "do")
            if defined_by_first(doc, head, subj, cut):
                continue
            if self_object(subj, child):
                # "Trump contended that Strzok targeted the president and accused Strzok of ...":
                # a conjunct whose carried subject is its own object belongs to another verb;
                # the first clause stays, the conjunct is not stored with the wrong subject
                return split_coordination(doc, unit.copy(first_p))
            own = {t.i for t in subj.subtree}
            a_, b_ = subtree_range(subj)
            end = next((j for j in range(a_, b_) if j not in own or j == head.i), b_)
            # (only the subject's words before any gap: an appositive the parse hung on the
            # subject past the verb -- "The emails were found on the laptop of X's husband, Y, and
            # were released" -- would carry the first clause's words into the second)
            sub = [i for i in range(a_, end) if i in toks or not toks]
            while sub and doc[sub[-1]].is_punct:
                sub.pop()  # "Ms. Ortega, clearly pleased ..., praised": not "Ms. Ortega, praised"
            if not sub:
                continue
            # "he had been stopped ... and accused of speeding": the conjunct shares the first
            # verb's auxiliaries ("he had been accused"), not only its subject
            auxes = [] if any(g.dep_ in ("aux", "auxpass") for g in child.children) or child.tag_ not in ("VBN", "VB") \
                or child.tag_ != head.tag_ else [g.i for g in head.children if g.dep_ in ("aux", "auxpass", "neg")
                                                  and g.i < head.i and g.i in toks and g.i > subj.i]
            second_p = sub + auxes + second_p
        first = unit.copy(first_p)
        second = unit.copy(second_p, head=child)
        return split_coordination(doc, first) + split_coordination(doc, second)
    return split_shared_xcomp(doc, unit, toks)


def split_shared_xcomp(doc, unit: Unit, toks: set[int]) -> list[Unit]:
    """"Rose hopes to build on his display and take some big titles" -> "Rose hopes to build
    on his display" + "Rose hopes to take some big titles" (conjoined verbs under one
    "hopes to", "wants to", "plans to")."""
    head = unit.head
    for x in head.children:
        if x.dep_ != "xcomp" or x.i not in toks or x.i < head.i:
            continue
        for child in x.children:
            if (child.dep_ == "conj" and child.i in toks and child.tag_ == "VBG" and x.tag_ == "VB"
                    and not any(g.dep_ in SUBJECTS for g in child.children)):
                # "saying the town needs to rebuild the dam and questioning the cost": the
                # "-ing" verb belongs to "saying", not to "needs to"; cut it off
                cut = child.left_edge.i
                while cut - 1 in toks and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].text == ","):
                    cut -= 1
                end = child.right_edge.i
                return [unit.copy([p for p in unit.pieces if not (isinstance(p, int) and cut <= p <= end)])]
            if (child.dep_ != "conj" or child.pos_ != "VERB" or child.i not in toks or child.tag_ != x.tag_
                    or any(g.dep_ in SUBJECTS for g in child.children) or alternative(doc, x, child)
                    or shared_object(x, child) or not_but(doc, x, child)):
                continue
            cut = child.left_edge.i
            while cut - 1 in toks and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].text == ","):
                cut -= 1
            end = child.right_edge.i
            first_p = [p for p in unit.pieces if not (isinstance(p, int) and cut <= p <= end)]
            # ("expects to be vindicated and exonerated": the passive "be" is shared too)
            own_aux = {g.lower_ for g in child.children if g.dep_ in ("aux", "auxpass") and g.i < child.i}
            lead = [p for p in unit.pieces if isinstance(p, int) and p < x.i and p < x.left_edge.i or
                    isinstance(p, int) and x.left_edge.i <= p < x.i and doc[p].dep_ in ("aux", "auxpass")
                    and doc[p].head.i == x.i and doc[p].lower_ not in own_aux]
            # ("legislation to bar X and to require Y": the conjunct's own "to" is its only one)
            second_p = lead + [p for p in unit.pieces if isinstance(p, int) and child.left_edge.i <= p <= end]
            if not lead or quoted_words(doc, unit) & {cut, child.left_edge.i}:
                continue
            if refers_back(doc, [p for p in first_p if isinstance(p, int)], second_p[len(lead):],
                           next((g for g in head.children if g.dep_ in SUBJECTS), None)):
                continue
            return split_coordination(doc, unit.copy(first_p)) + split_coordination(doc, unit.copy(second_p))
    return [unit]


def list_members(tok) -> list:
    """The coordinated members of a list headed by ``tok`` ("A, B and C")."""
    out, stack = [tok], [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def appositive_commas(tok) -> set[int]:
    """The commas around a member's own appositive ("Ana Ruiz, the finance minister, joined ...",
    not "Ana Ruiz the finance minister joined ..."), wherever the parse hung them."""
    doc = tok.doc
    apps = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i]
    return {j for a in apps for j in (a.left_edge.i - 1, a.right_edge.i + 1) if 0 <= j < len(doc) and doc[j].text == ","}


def member_tokens(tok) -> set[int]:
    toks = subtree(tok)
    marks = appositive_commas(tok)
    for c in tok.children:
        if c.dep_ == "conj" or (c.dep_ in ("cc", "punct", "preconj") and c.i > tok.i and not (
                c.dep_ == "punct" and c.text == "," and c.i in marks)):
            toks -= subtree(c)
    return toks


DASHES = {"—", "--", "–", "("}
VAGUE_MEMBERS = {"others", "other", "many", "some", "several", "more", "all", "everyone", "colleagues", "allies"}


PLURAL_FORMS = {"were", "are", "'re", "have", "'ve", "do"}


def subject_split_agrees(verb) -> bool:
    """Does the verb read the same with one subject of a list? "A and B arrived" / "will
    speak" -> "A arrived"; a plural form ("A and B are", "have said", "say") does not."""
    finite = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")]
    f = finite[0] if finite else verb
    return f.tag_ in ("VBD", "MD") and f.lower_ not in PLURAL_FORMS


def list_uncertain(doc, members) -> bool:
    """Is the list's place in the sentence a guess of the parse, so that no list of the clause
    may be split? "in Benghazi, Libya — and its examination of ... —" (an aside joined by a
    dash), "his assurances that ... in this and all personnel matters" ("this" shares the
    last member's noun, which the parse hung on a noun far before)."""
    for m in members:
        for c in m.children:
            if c.dep_ == "cc" and c.i > 0 and (doc[c.i - 1].text in DASHES or doc[c.i - 1].tag_ in ("DT", "PDT")):
                return True
        if m.pos_ == "PROPN" and m.lower_.rstrip(".") in PLURAL_TITLES and m.i + 1 < len(doc) and doc[m.i + 1].text == ".":
            return True  # "Sen. A, and former Sens. B, C and D": the parse split "Sens." and lost the names' list
    return False


NAMED_PLACES = ("PERSON", "GPE", "NORP", "LOC")


def shared_name(doc, members) -> bool:
    """Is a "member" a bare capitalised word that shares the next member's proper noun ("the
    Boys and Girls Club": "Boys" is no organisation of its own)? Not for people and places
    ("Obama and Joe Biden", "Ohio and New York" are lists)."""
    for m, n in zip(members, members[1:]):
        if m.pos_ != "PROPN" or not m.text[:1].isupper() or m.ent_type_ \
                or n.ent_type_ in NAMED_PLACES or n.pos_ != "PROPN":
            continue
        if any(c.dep_ in ("compound", "amod", "prep", "poss", "nmod", "appos") for c in m.children):
            continue
        if m.i + 1 < len(doc) and doc[m.i + 1].lower_ in ("and", "&") and n.left_edge.i == m.i + 2 and any(
                c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper() and c.i < n.i for c in n.children):
            return True
    return False


POSSESSIVE_DETS = ("DT", "PRP$", "POS", "CD", "PDT")


def bare(m) -> bool:
    return not any(c.tag_ in POSSESSIVE_DETS or c.dep_ in ("det", "poss") for c in m.children if c.i < m.i)


def shared_post_modifier(doc, members) -> bool:
    """"stock ownership and family ties to judges": a prepositional modifier after the last
    member is every member's when the earlier members are common nouns without one and no
    member has a determiner of its own (with one, "its chief executive and its head of
    finance", the members stand apart). The parse may hang it on the last member or on the
    verb; on the verb it counts only when every member is bare, it names no date or place,
    and it repeats the preposition that governs the list ("related to A and B to C")."""
    last = members[-1]
    if not all(m.pos_ == "NOUN" and not any(c.dep_ == "prep" for c in m.children) for m in members[:-1]):
        return False
    if any(c.dep_ == "prep" and c.i > last.i for c in last.children):
        return all(bare(m) for m in members)  # ("a profane threat and remarks about X": two things)
    nxt = last.right_edge.i + 1
    if nxt >= len(doc) or doc[nxt].dep_ != "prep" or not all(bare(m) for m in members):
        return False
    first = members[0]
    if not (first.dep_ == "pobj" and doc[nxt].head.i == first.head.head.i and doc[nxt].lower_ == first.head.lower_):
        return False  # (only "related to A and B to C": a second "to" on the verb is the last member's, misparsed)
    obj = next((c for c in doc[nxt].children if c.dep_ == "pobj"), None)
    return obj is not None and obj.pos_ == "NOUN" and obj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")


def list_splits(doc, tok, members) -> bool:
    """May a list be split into one claim per member? Not when a member's modifier sits
    after a later member ("first responders and school officials with better training",
    "the causes and prevention of gun violence": the modifier is shared, the parse hung it
    on one member), when a member is negated ("a vendetta and not an independent search":
    a contrast, not two facts), or when the list is a prepositional object inside a subject
    ("the lawsuit from Nebraska and Oklahoma argues": one lawsuit)."""
    last = members[-1].i
    if any(m.lower_ in VAGUE_MEMBERS for m in members):
        return False  # "Nadler and others gathered": "others gathered" says nothing of whom
    nxt = members[-1].right_edge.i + 1
    if nxt < len(doc) and doc[nxt].text in DASHES:
        return False  # "mistreating Diamond and Silk -- two pro-Trump personalities": about both
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in members[-1].children) and any(
            m.pos_ == "NOUN" and not any(c.dep_ == "prep" for c in m.children) for m in members[:-1]):
        return False  # "the possession and sale of armor-piercing bullets": "of ..." is shared
    nxt = members[-1].right_edge.i + 1
    if nxt < len(doc) and doc[nxt].pos_ in ("VERB", "AUX") and doc[nxt].dep_ in ("conj", "aux", "auxpass") \
            and nxt not in subtree(tok.head):
        # "haunted by demons and no gun law could have saved ...": the last "member" is the
        # subject of a clause the parse joined to the list
        return False
    for m in members[:-1]:
        if any(c.i > last and c.dep_ not in ("conj", "cc", "punct") for c in m.children):
            return False
    if shared_post_modifier(doc, members):
        return False
    if any(c.lower_ in ("other", "such") and c.dep_ == "amod" for m in members[1:] for c in m.children):
        return False  # "Saudi Arabia and other countries": "other countries" means nothing without the first
    for m in members:
        if any(c.dep_ == "neg" or c.lower_ in ("not", "never") for c in m.children) or doc[m.left_edge.i - 1].lower_ == "not":
            return False
    if tok.dep_ == "pobj":
        anc = tok.head.head
        while anc.pos_ in ("NOUN", "PROPN") and anc.dep_ in ("pobj", "conj", "appos", "compound"):
            anc = anc.head.head if anc.dep_ == "pobj" else anc.head
        if anc.pos_ in ("NOUN", "PROPN", "PRON") and anc.dep_ in ("nsubj", "nsubjpass"):
            return False
    return not one_thing(doc, tok, members)


PLURAL_TITLES = {"representatives", "reps", "senators", "sens", "congressmen", "congresswomen", "governors",
                 "govs", "presidents", "justices", "judges", "ministers", "mayors", "lawmakers", "officials"}
DETERMINERS = ("det", "poss", "nummod", "predet")


def own_determiner(m) -> bool:
    return any(c.dep_ in DETERMINERS and c.i < m.i for c in m.children)


def shared_determiner(members) -> bool:
    """Is the first member's determiner a later member's too? A possessive is shared by any
    later common noun without its own ("his wife and children"); "the"/"a" only by a
    singular one, which cannot stand bare ("the mayor and council", "the House and Senate";
    not "the chamber and major corporations")."""
    d = next((c for c in members[0].children if c.dep_ in ("det", "poss") and c.i < members[0].i), None)
    if d is None:
        return False
    possessive = d.dep_ == "poss" or d.tag_ == "PRP$"
    if not possessive and d.lower_ not in ("the", "a", "an"):
        return False
    for m in members[1:]:
        if own_determiner(m) or m.pos_ == "PROPN" and m.ent_type_ in NAMED_PLACES + ("PERSON",):
            continue
        if m.pos_ == "NOUN" and (possessive or m.tag_ == "NN") or m.pos_ == "PROPN" and m.tag_ == "NNP" \
                and d.lower_ != "a":
            return True
    return False


def nearer_noun(doc, members) -> bool:
    """"the 1,768 pages of legislation and explanatory materials": a bare second member after
    a bare noun that ends the first member's own prepositional phrase is that noun's
    conjunct (the pages are of both), which the parse hung on the first member."""
    first, second = members[0], members[1]
    cc = second.left_edge.i - 1
    if cc < 1 or doc[cc].lower_ not in ("and", "&") or second.pos_ != "NOUN" or own_determiner(second):
        return False
    prev = doc[cc - 1]
    return prev.pos_ == "NOUN" and prev.dep_ == "pobj" and prev.head.head.i == first.i \
        and prev.head.i > first.i and not own_determiner(prev)


def shared_head(doc, members) -> bool:
    """"supports rape and incest exceptions", "the budgets of leadership, rank-and-file member
    and committee offices": bare earlier members (no determiner or noun modifier of their own,
    nothing after them; "mail fraud and wire fraud" are two) before a last member led by a
    noun modifier ("committee offices") are that modifier's conjuncts; the head noun is
    every member's (split, "supports rape" says something else)."""
    last = members[-1]
    for m in members[:-1]:
        if m.pos_ != "NOUN" or own_determiner(m) or any(c.i > m.i and c.dep_ not in ("cc", "conj", "punct")
                                                         or c.dep_ == "compound" for c in m.children):
            return False
    cc = last.left_edge.i - 1
    if cc < 1 or doc[cc].lower_ not in ("and", "&") or members[-2].i != cc - 1:
        return False
    return any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == last.left_edge.i for c in last.children)


AMOUNTS = ("MONEY", "QUANTITY", "CARDINAL", "PERCENT")


def counted(noun) -> bool:
    """Is ``noun`` an amount ("the 900 pages", "$5 million", "two weeks")? An amount "of A
    and B" is the total of both; one member alone does not have it."""
    if noun.pos_ == "NUM" or noun.ent_type_ in AMOUNTS and noun.pos_ in ("NOUN", "NUM", "SYM"):
        return True
    return noun.pos_ == "NOUN" and any(c.dep_ == "nummod" and c.i < noun.i for c in noun.children)


def one_thing(doc, tok, members) -> bool:
    """Is the list one thing the fact needs whole, rather than separate facts? A member is a
    separate fact when it is individuated -- a name, or a noun with its own determiner,
    possessive or number ("fired its chief executive and its finance director", "hit Ohio
    and Kentucky"); a verb's objects, prepositional ones too, and a noun's are separate
    facts ("seized guns and drugs", "clash on taxes and parking", "nods to A, B and C"). The
    list is one thing when
    - a determiner or possessive of the first member is the later members' too ("his
      department and FBI", "the mayor and council"): split, the later member loses it;
    - the parse hung a conjunct of a noun on the list ("the pages of A and B materials",
      "supports A and B exceptions", "the budgets of A, B and C offices"): see
      ``nearer_noun`` and ``shared_head``;
    - a plural title before the first name is every name's ("Representatives A of X and B
      of Y"): split, "Representatives A" is one person under a plural title;
    - it is "of" an amount ("the 900 pages of A and B", "spent $5 million on A and B"): the
      total of all members, not of one;
    - it names the agents of one event: a passive with a singular subject ("the lawsuit
      was brought by A and B", "by attorneys general in A and B"), or subjects of a verb
      whose object is one thing ("A and B introduced an article"): one lawsuit, one
      article, not one each."""
    if shared_determiner(members) or nearer_noun(doc, members) or shared_head(doc, members):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("by", "of") and tok.head.i > 0 and doc[tok.head.i - 1].tag_ == "NN" \
            and doc[tok.head.i - 1].dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") and any(
            c.dep_ in ("det", "poss") for c in doc[tok.head.i - 1].children):
        return True  # "applauded the action by A and B", "the release of A and B": one action of both
    if tok.dep_ == "pobj" and (counted(tok.head.head) or tok.head.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("dobj", "nsubjpass") and counted(c) for c in tok.head.head.children)):
        return True  # (also "spent $5 million on A and B", "20 people were killed in A and B")
    if any(m.pos_ == "PROPN" and any(
            doc[j].dep_ in ("compound", "nmod") and (doc[j].tag_ in ("NNS", "NNPS") or doc[j].lower_.rstrip(".") in PLURAL_TITLES)
            for j in range(m.left_edge.i, m.i)) for m in members):
        return True  # (any member's: "from Sen. A and former Sens. B, C and D" -- "came from C" loses "former Sens.")
    agent = next((a for a in tok.ancestors if a.dep_ == "agent" or a.pos_ in ("VERB", "AUX")), None)
    if agent is not None and agent.dep_ == "agent":
        # (the list anywhere in the agent: "brought by attorneys general in A and B")
        subj = next((c for c in agent.head.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.tag_ == "NN" and not subj.ent_type_ and not any(c.dep_ == "conj" for c in subj.children):
            return True
    verb = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass"):
        if any(c.dep_ == "dobj" and c.tag_ == "NN" and any(d.dep_ == "det" and d.lower_ in ("a", "an", "one")
                                                            for d in c.children) for c in verb.children):
            return True
    return False


COLLECTIVE_WORDS = {"identical", "same", "similar", "together", "jointly", "joint", "both", "each", "between",
                    "among", "amongst", "bipartisan", "mutual", "mutually", "alike", "respectively", "respective"}


def collective(doc, toks, inside: set[int]) -> bool:
    """Does the clause hold, outside the list, a word that makes its predicate the whole
    list's ("identical", "the same", "together", "jointly", "each other", "one another",
    "between", "similar", "bipartisan")?"""
    for j in toks:
        if j in inside:
            continue
        w = doc[j].lower_
        if w in ("each", "both") and doc[j].dep_ in ("det", "predet", "preconj") and not (
                j + 1 < len(doc) and doc[j + 1].lower_ == "other"):
            continue  # "Each bunk has A and B": a determiner of another noun, not "each other"
        if w in COLLECTIVE_WORDS or w == "another" and j > 0 and doc[j - 1].lower_ == "one":
            return True
    return False


TOPIC_PREPS = {"about", "regarding", "concerning"}  # (not "on": "clash with the council on taxes and parking")


def topic_list(tok) -> bool:
    """Is the list the topic of one singular noun ("its core message about jobs and the
    economy", "the part about counting slaves and Native Americans as three-fifths")? One
    message, one part: split, each claim loses a member of what it is about ("its message
    about jobs")."""
    prep = tok.head
    if tok.dep_ == "dobj" and prep.dep_ == "pcomp" and prep.tag_ == "VBG":
        prep = prep.head
    elif tok.dep_ != "pobj":
        return False
    return prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPS and prep.head.pos_ == "NOUN" and prep.head.tag_ == "NN"


def gerund_object(tok) -> bool:
    """Is the list a bare set phrase of mass nouns that is the object of a gerund inside a
    prepositional phrase ("come from limiting waste, fraud and abuse")? The gerund names one
    activity whose object is the whole phrase: split, "come from limiting fraud" is not what was
    said. (Countable things stay split: "arrested for selling drugs and weapons".)"""
    g = tok.head
    if tok.dep_ != "dobj" or g.tag_ != "VBG" or g.dep_ not in ("pcomp", "pobj") or g.head.dep_ != "prep":
        return False
    members = list_members(tok)
    return len(members) >= 2 and all(m.tag_ == "NN" and not m.ent_type_ and not any(
        c.dep_ not in ("conj", "cc", "punct") for c in m.children) for m in members)


def split_lists(doc, unit: Unit, depth: int = 0) -> list[Unit]:
    """"Nods to Holly, Manson and King" -> one unit per member (only "and" lists of nouns
    that are subjects or objects, never under between/among/with or symmetric verbs)."""
    if depth > 1 or unit.composed:
        return [unit]
    toks = unit.token_set()
    for i in sorted(toks):
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
            continue
        conj = [c for c in tok.children if c.dep_ == "conj"]
        ccs = [c for c in tok.children if c.dep_ == "cc"] + [c for x in conj for c in x.children if c.dep_ == "cc"]
        if not conj or not ccs or any(c.lower_ not in ("and", "&") for c in ccs):
            continue
        if any(c.dep_ == "preconj" or c.lower_ == "both" for c in tok.children) or any(
                doc[j].lower_ in ("both", "either", "neither") for j in range(tok.left_edge.i, tok.i)):
            continue  # "both Mr. Christie's stagecraft and his oratory": one claim about both
        verb = tok.head
        if tok.dep_ == "pobj":
            if verb.lower_ in SYMMETRIC_PREPS or verb.lower_ in ("amid", "amidst"):
                # ("resigned amid a federal investigation and his treatment for X": the circumstances
                # together; "resigned amid his treatment" alone skews why)
                continue
            if verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and verb.lower_ in LOCATIVE_PREPS and any(
                    c.ent_type_ in ("GPE", "LOC") for c in [tok] + conj):
                # "the attacks in Paris and Nice": one set of attacks, not "the attacks in Nice"
                continue
            verb = verb.head
        if verb.lemma_.lower() in SYMMETRIC_VERBS or tok.dep_ == "nsubj" and verb.lemma_.lower() in (
                {"be"} | RECIPROCAL_SUBJECT_VERBS):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and not subject_split_agrees(verb):
            continue
        if any(doc[j].lower_ in ("their", "they", "them", "themselves") and j > tok.right_edge.i for j in toks) and (
                tok.dep_ in ("nsubj", "nsubjpass") or all(m.pos_ == "PROPN" for m in [tok] + conj)):
            # "Obama and Christie will reprise their tour": "their" is both of them; so is "they" after
            # a list of names ("took a swipe at CNN and MSNBC, saying that while they are fake ...")
            continue
        if collective(doc, toks, subtree(tok)):
            continue  # "A and B issued identical statements": a predicate of the list, not of each
        if quoted_words(doc, unit) & subtree(tok):
            continue  # a list inside a speaker's quoted words: splitting would rewrite the quotation
        # a compound proper name list inside an entity ("Marks and Spencer") stays whole
        if tok.ent_iob_ in ("B", "I") and any(doc[j].ent_iob_ == "I" for j in range(tok.i + 1, tok.right_edge.i + 1) if doc[j].lower_ == "and"):
            continue
        anc, inside = tok.head, False
        while anc.i != unit.head.i and anc.i != anc.head.i:
            if anc.dep_ in ("acl", "relcl", "advcl", "ccomp", "csubj", "appos"):
                inside = True
                break
            anc = anc.head
        if inside or topic_list(tok) or gerund_object(tok):
            continue
        rels = [c.i for c in tok.children if c.dep_ == "relcl" and c.i in toks and doc[c.left_edge.i - 1].text == ","]
        if rels and any(c.i > rels[0] for c in conj):
            continue  # "The suit, which was brought by A, and B, accused": B is the clause's, not the suit's partner
        members = list_members(tok)
        if len(members) < 2 or len(members) > 6 or not all(m.i in toks for m in members):
            continue  # (a member already split off: the unit holds one of them)
        if list_uncertain(doc, members):
            return [unit]
        if shared_name(doc, members):
            continue  # "the Boys and Girls Club of America": one organisation, not "the Boys"
        if not list_splits(doc, tok, members):
            continue
        if any(m.ent_type_ == "PERSON" for m in members) and any(m.pos_ == "NOUN" and not m.ent_type_ for m in members):
            # "standards for class certification and Justice Ginsburg said ...": a person
            # and a thing in one list is a misparse, not a list
            continue
        group = set()
        for m in members:
            group |= subtree(m)
        group = {g for g in group if g >= tok.i} | {g for g in subtree(tok) if g < tok.i}
        group &= subtree(tok)
        out = []
        commas = {m.i: appositive_commas(m) for m in members}
        for m in members:
            # (only the unit's own tokens: a relative clause or appositive already cut off as a
            # claim of its own stays out -- "arrested Ana Ruiz, who was charged by X, and Tom Hale")
            keep = (member_tokens(m) | (commas[m.i] & group)) & toks
            # (another member's appositive commas go with it: "arrested Ana Ruiz on Monday", not
            # "Ana Ruiz, on Monday", from "Ana Ruiz and Tom Hale, a teacher, on Monday")
            others = set().union(*(c for k, c in commas.items() if k != m.i)) - commas[m.i]
            pieces = []
            inserted = False
            for p in unit.pieces:
                if isinstance(p, int) and p in others and p not in group:
                    continue
                if isinstance(p, int) and p in group:
                    if not inserted:
                        pieces.extend(sorted(keep))
                        inserted = True
                    continue
                pieces.append(p)
            out.extend(split_lists(doc, unit.copy(pieces), depth + 1))
        return out
    return [unit]


def listed_speaker(doc, spk) -> str | None:
    """"Mr. Nadler, Ms. Pelosi and other party elders believe ...": the parse may read the
    rest of a comma list of speakers as an appositive of the first name, which the speaker
    then loses ("Nadler believe ..." breaks the verb's agreement and drops who else spoke).
    The whole list as worded when the "appositive" is a person's name that heads an "and"
    list of people; else None."""
    if spk is None or spk.ent_type_ != "PERSON":
        return None
    for ap in spk.children:
        if ap.dep_ != "appos" or ap.i < spk.i or ap.ent_type_ != "PERSON":
            continue
        conj = [c for c in ap.children if c.dep_ == "conj"]
        ccs = [c for c in ap.children if c.dep_ == "cc"]
        if not conj or not ccs or ccs[-1].lower_ != "and":
            return None
        last = conj[-1]
        if last.ent_type_ != "PERSON" and not (last.tag_ == "NNS" and last.lemma_.lower() in PEOPLE_NOUNS):
            return None
        return doc[spk.left_edge.i:last.right_edge.i + 1].text
    return None


PEOPLE_NOUNS = {"elder", "leader", "lawmaker", "senator", "official", "member", "colleague", "ally", "democrat",
                "republican", "representative", "adviser", "aide", "candidate", "governor", "mayor", "activist"}
