"""Speaker references that need the context: pronouns bound by the attribution
(``bound_pronouns``), a pronoun speaker resolved from the sentences before
(``pronoun_speaker``, ``continued_speaker``), a speaker carried onto the wrong person
(``carried_listener``) and epithet speakers ("The Arizona Republican said": ``epithet_speaker``)."""

from __future__ import annotations

from claimtrack.claims.filters import QUOTES
from claimtrack.claims.quotes import quote_regions, quoted_tokens
from claimtrack.claims.speakers import (_previous_sentence, find_speaker, quote_attribution, speaker_text,
                                        speaker_tokens, valid_speaker)
from claimtrack.claims.speech_words import CLAUSE_CUES, PERSON_NOUNS, SAY_VERBS, SPEAKER_POS, SPEECH_CUES, is_cue
from claimtrack.claims.units import subtree, subtree_range


# --- pronouns bound by the attribution --------------------------------------------------

MALE_WORDS = {"spokesman", "chairman", "congressman", "businessman", "man", "father", "husband", "son", "mr.", "mr",
              "actor"}
FEMALE_WORDS = {"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "woman", "mother", "wife", "daughter",
                "mrs.", "mrs", "ms.", "ms", "actress"}
SUBJECT_PRONOUNS = {"he": "m", "she": "f", "it": "n", "they": "p"}
POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
TITLES = {"governor", "gov.", "senator", "sen.", "mayor", "president", "rep.", "representative", "dr.", "judge",
          "secretary", "minister", "chancellor", "general", "gen.", "professor", "prof.", "chief", "sheriff"}


def speaker_class(tok) -> str | None:
    """What a speaker token can be called: "m"/"f"/"h" (a person, gender known or not), "n"
    (a thing or an organisation: "it"), "p" (several: "they"); None when unclear."""
    low = tok.lower_
    if low in SUBJECT_PRONOUNS:
        return {"he": "m", "she": "f", "they": "p", "it": "n"}[low]
    if low in ("i", "we", "you"):
        return None
    if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children):
        return "p"
    words = {t.lower_ for t in speaker_tokens(tok)}
    if words & MALE_WORDS:
        return "m"
    if words & FEMALE_WORDS:
        return "f"
    if tok.ent_type_ == "PERSON" or low in PERSON_NOUNS or tok.pos_ == "PROPN" and words & TITLES:
        return "h"  # ("Governor Ana Ruiz", the name untagged)
    if tok.pos_ == "PROPN" and any(c.lower_ == "the" for c in tok.children):
        return "n"  # "The Ledger", "the Pentagon": no person
    if tok.ent_type_ in ("ORG", "NORP", "GPE") or tok.pos_ in ("NOUN", "PROPN"):
        return "n" if tok.ent_type_ or tok.pos_ == "NOUN" else None
    return None


def fits(cls: str, pronoun: str) -> bool:
    want = SUBJECT_PRONOUNS[pronoun]
    if cls == "h":
        return want in ("m", "f")
    return cls == want


def unit_speaker_token(doc, unit, s: int, e: int):
    """The token that heads ``unit``'s speaker mention in the sentence, or None."""
    if not unit.speaker:
        return None
    for t in doc[s:e]:
        if t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "appos", "pobj") and t.pos_ in SPEAKER_POS \
                and t.text in unit.speaker and speaker_text(t) == unit.speaker:
            return t
    return None


def unit_cue(unit, spk):
    """The cue verb whose speaker is ``spk`` (its head, for a subject), or None."""
    return spk.head if spk.head.pos_ in ("VERB", "AUX") else None


def bound_pronouns(doc, unit, pieces, s: int, e: int, person: str | None = None, ctx=None) -> set[int]:
    """Subject pronouns of a reported clause that stand for its own speaker ("Clinton says she
    is thrilled to have the support of LeBron James": she is Clinton, whoever else the
    sentence names; "The Times reported it had received the pages": it is the Times).
    Only subjects of the clause's own verb (and of verbs conjoined with it), only when the
    speaker can be called so (a woman "she", an organisation "it", several "they"), and only
    when nobody else of that kind is named between the speaker and the pronoun.
    ``person``: the speaker's name when it was resolved to a person of the article (``ctx``
    knows their gender)."""
    if not unit.speaker or unit.composed or unit.quote_kind == "direct":
        return set()
    toks = {p for p in pieces if isinstance(p, int)}
    head = unit.head
    verbs = [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i in toks]
    cands = [c for v in verbs for c in v.children
             if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in SUBJECT_PRONOUNS and c.i in toks and c.pos_ == "PRON"]
    # "The nominee noted that his campaign has spent little": the possessive on the clause's
    # own subject stands for the speaker too
    cands += [g for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
              for g in c.children if g.dep_ == "poss" and g.lower_ in POSSESSIVES and g.i in toks and g.i < c.i]
    if not cands:
        return set()
    spk = unit_speaker_token(doc, unit, s, e)
    if spk is None:
        return set()
    cls = speaker_class(spk)
    if person and (cls in (None, "n") or cls == "p" and not any(c.dep_ == "conj" for c in spk.children)):
        cls = "h"  # "Trump" tagged an organisation, "Sanders" a plural, but the article knows a person
    if cls is None:
        return set()
    if any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in (unit_cue(unit, spk) or spk).children):
        return set()  # "He is not a Democrat, Fox said of Trump": he is Trump
    out = set()
    for p in cands:
        if p.i < spk.i:
            continue  # a pronoun before its speaker ("He is ..., Fox said") is not bound by it
        low = POSSESSIVES.get(p.lower_, p.lower_)
        if not fits(cls, low) or low in ("he", "she") and person and ctx is not None and not ctx.gender_fits(person, low):
            continue
        if low in ("he", "she") and ctx is not None and any(
                p != person and (p == "?" or ctx.gender_fits(p, low)) for p in ctx.last_sentence_people) and (
                not person or len(person.split()) < 2 and not _known_person(ctx, person)
                or any(c.lower_ in ("should", "must", "ought", "needs") for c in p.head.children)):
            # "The report hurt Dunn. Lowe said he should drop out": advice is most often for
            # the other man; a speaker the article does not know as a person ("Then Mayor
            # Lopez said he ...", the name untagged) is no safer
            continue
        lo, hi = sorted((spk.right_edge.i + 1, p.i))
        rivals = [t for t in doc[lo:hi] if t.dep_ in ("nsubj", "nsubjpass") and t.i != p.i and t.pos_ in ("PROPN", "NOUN", "PRON")
                  and (speaker_class(t) or "") == cls]
        if rivals:
            continue
        if low in ("he", "she") and ctx is not None and _other_in_view(doc, spk, p, toks, person, ctx):
            continue
        out.add(p.i)
    return out | _same_person(doc, out, toks, spk)


# listeners of a speech verb ("Trump told Sean Hannity that he ...") are not the man in view
LISTENER_VERBS = {"tell", "ask", "assure", "inform", "interview", "thank"}


def _other_in_view(doc, spk, p, toks: set[int], person: str | None, ctx) -> bool:
    """Another person of the pronoun's gender in view between the speaker and the he/she of its
    reported clause, outside the claim: a him/her there ("Brat toppled Mr. Cantor, criticizing him
    ... and contending that he supported amnesty": the he may well be Cantor, whom the sentence
    calls him already) or a person named as the object of the speaker's own act ("Baker defeated
    Jim Cole, arguing that he backed ..."); the he/she is not certain then."""
    low = p.lower_
    obj = "him" if low == "he" else "her"
    from claimtrack.claims.resolve import person_spans

    lo = spk.right_edge.i + 1
    if lo >= p.i:
        return False
    for t in doc[lo:p.i]:
        if t.i not in toks and t.lower_ == obj and t.tag_ == "PRP" and t.dep_ in ("dobj", "pobj", "dative"):
            return True
    if not any(t.ent_type_ == "PERSON" and t.dep_ == "dobj" for t in doc[lo:p.i]):
        return False  # (cheap gate before the spans)
    for ent, text, _ in person_spans(doc, lo, p.i, ctx):
        name = ctx.canonical(text) or text
        if ent.start in toks or name == person or ent.root.dep_ != "dobj" or ent.root.head.lemma_ in LISTENER_VERBS:
            continue
        if ctx.gender_fits(name, low):
            return True
    return False


# (possessives only: an object "him" beside its clause's "he" is someone else -- "he was happy
# with him" -- and a reflexive is never a pronoun to resolve)
SAME_PERSON = {"he": ("his", "he"), "she": ("her", "she")}


def _same_person(doc, bound: set[int], toks: set[int], spk) -> set[int]:
    """"Ruiz said she had beaten the flu twice in her campaigns": once the clause's subject
    "she" stands for the speaker, a later her/his of that clause does too -- when the
    claim names no other person (a name, a person noun) whom it could mean."""
    subj = [doc[i] for i in bound if doc[i].lower_ in SAME_PERSON]
    if len(subj) != 1:
        return set()
    p = subj[0]
    forms = SAME_PERSON[p.lower_]
    sa, sb = subtree_range(spk)
    for i in toks:
        t = doc[i]
        if sa <= i < sb or t.i == p.i:
            continue
        if t.ent_type_ == "PERSON" or t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS | {"people", "person"} \
                or t.pos_ == "PRON" and t.lower_ in ("he", "she", "him", "his", "her", "they", "them") \
                and not (t.lower_ in forms and t.dep_ in ("poss", "nsubj", "nsubjpass")):
            return set()  # someone else the pronoun could mean, or a second person
    # (a later subject "he" of a clause inside it too: "Lee said he would win because he had the votes")
    return {i for i in toks if i > p.i and doc[i].lower_ in forms and doc[i].pos_ == "PRON"
            and doc[i].dep_ in ("poss", "nsubj", "nsubjpass")}


def cue_pronoun(doc, mention: str, s: int, e: int):
    """The he/she subject token that is the cue's speaker: the first outside quotation marks
    ("“I thought he was very effective,” she said": she, not the quoted he); None if none."""
    cands = [t for t in doc[s:e] if t.text == mention and t.pos_ == "PRON" and t.dep_ in ("nsubj", "nsubjpass")]
    if not cands:
        return None
    inside = quoted_tokens(doc, s, e)
    return next((t for t in cands if t.i not in inside), None)


def pronoun_speaker(doc, ctx, mention: str, s: int, e: int) -> str | None:
    """A name for a he/she speaker that the article-level resolver left open (see
    ``_pronoun_speaker``), else the person the sentence before was about (``continued_speaker``)."""
    known = doc.user_data.setdefault("claimtrack_pronoun_speakers", {})  # token index -> name
    tok = cue_pronoun(doc, mention, s, e)
    if tok is None:
        # a quotation that runs on after "“A,” he said. “B. C.”": whoever that he was found to be
        hit = quote_attribution(doc, s, e)
        if hit is not None and hit[0].text == mention:
            if hit[0].i in known:
                return known[hit[0].i]
            # (resolved by the article-level resolver): the last person speaker, when no
            # sentence outside the quotation came since
            between = [x for x in doc.sents if x.start > hit[0].sent.start and x.end <= s]
            last = ctx.last_speaker
            if last and ctx.last_speaker_age <= len(between) and ctx.gender_fits(last, mention.lower()) \
                    and any(p.name == last for p in ctx.people) \
                    and all(quote_attribution(doc, x.start, x.end) == hit for x in between):
                return last
    name = _pronoun_speaker(doc, ctx, mention, s, e) or continued_speaker(doc, ctx, mention, s, e)
    if name and tok is not None:
        known[tok.i] = name
    return name


def _sentence_before(doc, s: int):
    """(the sentence before, its doc, its quoted token ids, its root) or None."""
    prev = _previous_sentence(doc, s)
    if prev is None:
        return None
    return prev, prev.doc, quoted_tokens(prev.doc, prev.start, prev.end), prev.root


def continued_speaker(doc, ctx, mention: str, s: int, e: int) -> str | None:
    """"Ham went on to explain how cuts hurt. “A,” he said." / "According to Ham, A. “B,” he
    said." / "Trump has commented on Lee's death. On Wednesday, he told a crowd that ...": a
    he/she speaker of a reporting verb, with nobody named before it in its own sentence
    (outside the quotation), is the person the sentence before was about -- its subject or
    its speaker -- when the article knows that person's gender and the pronoun fits it, and
    nobody else that sentence names as a subject or speaker fits it too. (A pronoun whose
    antecedent was itself "he" takes the person that "he" was found to be.)"""
    low = mention.lower()
    if low not in ("he", "she", "they"):
        return None
    tok = next((t for t in doc[s:e] if t.text == mention and t.pos_ == "PRON" and t.dep_ in ("nsubj", "nsubjpass")), None)
    if tok is None or not is_cue(tok.head, SPEECH_CUES | CLAUSE_CUES):
        return None
    if low == "they":
        return _group_speaker(doc, tok, s, e)
    quoted = quoted_tokens(doc, s, e)
    if any(t.i not in quoted and (t.ent_type_ == "PERSON" or _person_of(ctx, t)) for t in doc[s:tok.i]):
        return None  # somebody named before it in its own sentence: the resolver's case
    # ("\u201cA. B,\u201d he said": the sentence before is the one before the quotation opened)
    opened = min([a for a, b in quote_regions(doc) if a < s < b and b < e], default=s)
    before = _sentence_before(doc, doc[opened].sent.start)
    if before is None:
        return None
    prev, pdoc, pquoted, root = before
    cands = []
    spk = find_speaker(root) if root.pos_ in ("VERB", "AUX") else None
    if spk is not None:
        cands.append(spk)
    cands += [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c not in cands]
    if any(m.pos_ == "PROPN" for c in cands for m in c.conjuncts):
        # a subject list ("Lindsey Vonn and Tom Baker finished first. He said ..."): a he/she after
        # it is no continued subject -- the one of them whose gender fits is no certain pick either
        # ("Ann Lee and Tom Baker met the king. He said ...": the king)
        return None
    cands += [a for a in aside_speakers(root, pquoted) if a not in cands]
    for t in pdoc[prev.start:min(prev.start + 3, prev.end)]:
        if t.lower_ == "according":  # "According to Ham, ..."
            to = next((c for c in t.children if c.lower_ == "to"), None)
            cands += [c for c in (to.children if to is not None else []) if c.dep_ == "pobj"]
    names = []
    for c in cands:
        if c.i in pquoted:
            continue
        if c.lower_ == low and ctx.last_speaker and ctx.last_speaker_age == 0:
            names.append(ctx.last_speaker)  # "He notes A. He says B": whoever the first he was
            continue
        name = _person_of(ctx, c) or _described_person(ctx, c)
        if name:
            names.append(name)
    names = list(dict.fromkeys(names))
    # (a person of unknown gender only by a full name: "Norman Ham", not "Jordan")
    fitting = [n for n in names if _known_gender_fits(ctx, n, low) or len(n.split()) > 1 and ctx.gender_fits(n, low)]
    if len(fitting) != 1 or any(n not in fitting and ctx.gender_fits(n, low) for n in names):
        return None
    if _subject_rival(ctx, prev, fitting[0], low):
        return None
    return fitting[0]


def aside_speakers(root, quoted) -> list:
    """"Too often, Mr. Clarke said, the debate is ...": the speakers of reporting asides hung on
    a sentence's root (outside its quotations) -- a he/she after it may be carried from them."""
    out = []
    for c in root.children:
        if c.dep_ == "parataxis" and c.i not in quoted and is_cue(c, SAY_VERBS):
            spk = find_speaker(c)
            if spk is not None and spk.i not in quoted:
                out.append(spk)
    return out


def _group_speaker(doc, tok, s: int, e: int) -> str | None:
    """"Twenty-seven states and industry groups are challenging the rules. They argue that
    ...": a "they" speaker with nothing plural before it in its own sentence is the plural
    subject (or speaker) of the sentence before's main clause, when that is the only plural
    noun subject there; the group as worded, or None."""
    quoted = quoted_tokens(doc, s, e)
    if any(t.i not in quoted and t.pos_ in ("NOUN", "PROPN") and (t.tag_ in ("NNS", "NNPS") or t.ent_type_ in ("ORG", "NORP"))
           for t in doc[s:tok.i]):
        return None
    before = _sentence_before(doc, s)
    if before is None:
        return None
    prev, pdoc, pquoted, root = before
    cands = []
    for t in pdoc[prev.start:prev.end]:
        main = t.head.i == root.i or t.head.dep_ == "conj" and t.head.head.i == root.i
        if t.dep_ in ("nsubj", "nsubjpass") and main and t.i not in pquoted and t.pos_ in ("NOUN", "PROPN") \
                and (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in t.children)):
            cands.append(t)
    if len(cands) != 1 or not valid_speaker(cands[0]):
        return None
    name = speaker_text(cands[0])
    return name if name and len(name.split()) <= 12 else None


def _subject_rival(ctx, prev, name: str, low: str) -> bool:
    """Does the sentence ``prev`` name, as a subject outside its quotations, a person other
    than ``name`` whom the pronoun ``low`` could stand for ("Reyes said A, and Grant said B.
    “C,” he said")?"""
    pdoc = prev.doc
    pquoted = quoted_tokens(pdoc, prev.start, prev.end)
    for t in pdoc[prev.start:prev.end]:
        # (a subject of the main clause, of a clause conjoined with it or of a cue; not one
        # inside what was reported: "Earnest said Obama has called for A. He said B": he is Earnest)
        main = t.head.dep_ == "ROOT" or t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT" \
            or t.head.dep_ == "advcl" and is_cue(t.head, SAY_VERBS)
        if t.dep_ in ("nsubj", "nsubjpass") and t.i not in pquoted and main:
            other = _person_of(ctx, t)
            if other and other != name and ctx.gender_fits(other, low):
                return True
    return False


def _person_of(ctx, tok) -> str | None:
    """The article's person a name token stands for ("Ham" -> "Norman Ham"), or None; the
    tagger's slips on surnames ("Ham" an interjection, "Grant" an organisation) do not matter."""
    if tok.pos_ != "PROPN" and not (tok.is_title and tok.pos_ in ("NOUN", "INTJ", "X", "ADJ")):
        return None
    doc = tok.doc
    ent = next((x for x in doc.ents if x.start <= tok.i < x.end and x.label_ == "PERSON"), None)
    text = ent.text if ent is not None else " ".join(
        t.text for t in doc[tok.left_edge.i:tok.i + 1] if t.i == tok.i or t.pos_ == "PROPN" and t.dep_ == "compound")
    return ctx.canonical(text.removesuffix("'s").removesuffix("\u2019s"))


def _described_person(ctx, tok) -> str | None:
    """"The Republican nominee also linked A to B. He said ...": the person a definite role
    description stands for, when the article gave one person that role; else None."""
    if tok.pos_ != "NOUN" or not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children):
        return None
    from claimtrack.claims import resolve

    return resolve.resolve_description(ctx, tok)


def _known_person(ctx, name: str) -> bool:
    """Does the article know ``name`` as a person (a gender or a title seen: "Sen. Cruz", "Mr. Cruz")?"""
    person = next((p for p in ctx.people if p.name == name), None)
    return person is not None and bool(person.genders or person.roles)


def _known_gender_fits(ctx, name: str, pronoun: str) -> bool:
    """Is ``name`` a person of the article whose gender is known and fits ``pronoun``?"""
    person = next((p for p in ctx.people if p.name == name), None)
    if person is None or len(person.genders) != 1:
        return False
    return ctx.gender_fits(name, pronoun)


def _pronoun_speaker(doc, ctx, mention: str, s: int, e: int) -> str | None:
    """A name for a he/she speaker that the article-level resolver left open: the person
    named before it in the sentence or the last sentence, ignoring the people named inside
    its own reported clause (a pronoun never stands for a name in the clause it governs:
    "She said Donald Trump favors ...": she is not Trump); else the person quoted in the
    sentence just before, when the pronoun fits and the sentence before named nobody else
    it could be ("Clinton said A. She said B.")."""
    from claimtrack.claims import resolve

    low = mention.lower()
    if low not in ("he", "she"):
        return None
    tok = cue_pronoun(doc, mention, s, e)
    if tok is None:
        # a quotation continued after "\u201cA,\u201d she said." (the speaker of the sentence just
        # before, in this paragraph): whoever that "she" was found to be
        before = [t for t in doc[:s] if t.text == mention and t.pos_ == "PRON" and t.dep_ == "nsubj"]
        last = ctx.last_speaker
        if before and last and ctx.last_speaker_age == 0 and ctx.gender_fits(last, low) \
                and before[-1].sent.end >= s - 1:
            if any(p.name == last for p in ctx.people):  # (someone quoted is a person, one word or not)
                return last
        return None
    verb = tok.head
    if not is_cue(verb, SPEECH_CUES | CLAUSE_CUES):
        return None
    after = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i > verb.i]
    before = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < tok.i]
    if after:
        name = resolve.resolve_pronoun(ctx, doc, tok, s, after[0].left_edge.i)
    elif before or quote_attribution(doc, s, e) is not None or any(t.text in QUOTES + "``''" for t in doc[s:tok.i]):
        # "\u201cA,\u201d she said": the people the quotation names are not its speaker
        s = max(s, max([c.right_edge.i + 1 for c in before], default=s))
        s = max([t.i + 1 for t in doc[s:tok.i] if t.text in QUOTES + "``''"], default=s)
        name = resolve.resolve_pronoun(ctx, doc, tok, s, tok.i + 1)
    else:
        return None
    if name:
        return name
    if verb.dep_ == "conj":
        # "Putney told CNN that ..., but he said ...": the subject of the clause it is
        # conjoined with, when that is a person the article named and the pronoun fits
        first = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        if first is not None and first.ent_type_ == "PERSON":
            ent = next((x for x in doc.ents if x.start <= first.i < x.end), None)
            name = ctx.canonical(ent.text.removesuffix("'s").removesuffix("\u2019s")) if ent is not None else None
            if name and ctx.gender_fits(name, low):
                return name
        return None
    if any(t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") for t in doc[s:tok.i]):
        return None
    if ctx.last_speaker and ctx.last_speaker_age == 0 and ctx.last_subject_person == ctx.last_speaker \
            and ctx.gender_fits(ctx.last_speaker, low):
        # "Scott joked that Trump ranks fourth. \u201c...,\u201d he told the group": the sentence
        # before was the speaker's own (the people it named sat inside what they said)
        prev = _previous_sentence(doc, s)
        if any(p.name == ctx.last_speaker for p in ctx.people) and not (
                prev is not None and _subject_rival(ctx, prev, ctx.last_speaker, low)):
            return ctx.last_speaker
    # the one person of the sentence before whom the pronoun fits ("Hillary Clinton called a
    # Donald Trump tweet unhinged. She says ...": she is not Donald Trump); people of unknown
    # gender and unrecognised names ("?") all stay candidates
    fitting = [p for p in dict.fromkeys(ctx.last_sentence_people) if p == "?" or ctx.gender_fits(p, low)]
    if not fitting and ctx.last_speaker and ctx.last_speaker_age <= 1 and ctx.gender_fits(ctx.last_speaker, low):
        fitting = [ctx.last_speaker]  # "\u201cA,\u201d Clinton said. She said B."
    if len(fitting) != 1 or fitting[0] == "?":
        return None
    if ctx.last_sentence_people and fitting[0] not in (ctx.last_subject_person, ctx.last_speaker):
        return None  # "Anna Lee met Tom Baker. He said ...": an object before is not certain
    name = fitting[0]
    person = next((p for p in ctx.people if p.name == name), None)
    if person is None or len(person.genders) != 1 and len(name.split()) < 2 and name != ctx.last_speaker:
        return None  # (a one-word "person" never titled, gendered or quoted may be no person)
    return name


def spoken_about(doc, ctx, name: str, pron, s: int) -> bool:
    """Does the quotation that ``pron`` (a he/she speaker) attributes speak of ``name`` in the
    third person -- by surname, or as "the <role>" the article gave that person ("“The
    governor has made a fair offer. I hope they work with him,” he said": he is not the
    governor)? Then ``name`` is not who speaks."""
    last = name.split()[-1]
    person = next((p for p in ctx.people if p.name == name), None) if ctx is not None else None
    roles = {r.lower() for r in person.roles} if person is not None else set()
    sent = pron.sent
    for a, b in quote_regions(doc):
        # (the quotation the pronoun's sentence closes or opens, not one of another sentence)
        if a < pron.i < b or not (sent.start <= a < sent.end or sent.start <= b < sent.end):
            continue
        for t in doc[a + 1:min(b, len(doc))]:
            if t.text == last and t.pos_ == "PROPN":
                return True
            if t.lower_ in roles and t.i > 0 and doc[t.i - 1].lower_ == "the" and not any(
                    c.dep_ == "prep" for c in t.children):
                return True  # ("the governor", not "the governor of another state")
    return False


def carried_listener(doc, name: str | None, s: int, ctx=None) -> bool:
    """Is ``name`` (what a he/she speaker was resolved to) no possible speaker here? A he/she
    carried from before is the subject or speaker of the sentence that last named the person,
    never someone named there only as a listener, host or object ("Dunn told host Dana Price
    ... He said ...", "..., he said on \u201cThe Hour with Dana Price.\u201d He said ..."), only
    inside a quotation ("\u201cLee wasn't happy.\u201d ... \u201cA,\u201d he said": he is not Lee) or only
    as a modifier ("Backing the Lee campaign's line, he said": he is not Lee); and a person the
    sentence just before introduces as its subject ("Ana Cruz, 52, lives nearby. She said ...")
    blocks carrying anyone from further back. (When so, the pronoun is recorded, so that the
    next sentence's he/she does not carry the rejected name either.)"""
    if not name:
        return False
    pron = next((t for t in doc[s:] if t.lower_ in ("he", "she") and t.pos_ == "PRON"), None)
    if pron is None:
        return False
    why = _carried_wrongly(doc, name, pron, s, ctx)
    if why == "never":  # (named before only so: the he/she chain does not go on with that name)
        doc.user_data.setdefault("claimtrack_rejected_pronouns", set()).add(pron.i)
    return why is not None


def not_a_speaker(tok, quoted: set[int]) -> bool:
    """Is this mention of a person (a name's last word) no candidate for a later he/she
    speaker: inside a quotation, a modifier of a common noun ("the Lee campaign", "the Lee
    family"), or the listener of a speech verb ("she told Fox's Dana Price", "talking to Lee")?"""
    if tok.i in quoted:
        return True
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return True
    if tok.dep_ in ("dobj", "dative") and is_cue(tok.head, SPEECH_CUES):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("to", "with") and is_cue(tok.head.head, SPEECH_CUES)


def _sentences_back(doc, s: int, n: int = 3):
    """Up to ``n`` sentences before [s, ...), nearest first (this paragraph, then the one before)."""
    out = [x for x in doc.sents if x.end <= s][::-1]
    prev = doc.user_data.get("claimtrack_prev")
    if prev is not None and len(prev):
        out += list(prev.sents)[::-1]
    return out[:n]


def _new_subject(ctx, sent, name: str) -> bool:
    """Does ``sent`` introduce, as its main subject, a person other than ``name`` ("Ana Cruz,
    52, lives nearby", "Tom Baker, a student, was there")? A name the tagger may have missed
    counts when an age or a person noun stands in apposition to it."""
    from claimtrack.claims import resolve

    last = name.split()[-1]
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PROPN" or not subj.text[:1].isupper() or subj.text == last:
        return False
    if subj.ent_type_ in resolve.NON_PERSON_ENTS:
        return False
    other = _person_of(ctx, subj) if ctx is not None else None
    if other == name:
        return False
    if subj.ent_type_ == "PERSON" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subj.children):
        return True  # a full name, first and last
    return any(c.dep_ == "appos" and (c.like_num or c.lower_ in PERSON_NOUNS | resolve.PERSON_NOUNS)
               for c in subj.children)


def _carried_wrongly(doc, name: str, pron, s: int, ctx) -> str | None:
    """Why ``name`` is no carried he/she speaker: "never" (named before only inside a
    quotation, as a modifier or listener, or someone new came in between), "not subject" (the
    sentence before names the person, but not as its subject or speaker), or None."""
    last = name.split()[-1]
    if spoken_about(doc, ctx, name, pron, s):
        return "not subject"  # the quotation speaks of that person: someone else speaks
    regions = {i for a, b in quote_regions(doc) for i in range(a + 1, b)}
    # (in its own sentence before the pronoun, outside quotations -- the resolver reads none there)
    own = [t for t in doc[s:pron.i] if t.text == last and t.i not in regions]
    if own:  # named in its own sentence before the pronoun: a modifier or listener only is no speaker
        return "never" if all(not_a_speaker(t, set()) for t in own) else None
    for k, prev in enumerate(_sentences_back(doc, s)):
        hits = [t for t in prev if t.text == last]
        if not hits:
            if k == 0 and _new_subject(ctx, prev, name):
                return "never"  # "Ana Cruz, 52, lives nearby. She said ...": not someone from before
            if k == 0 and prev.root.pos_ in ("VERB", "AUX") and any(
                    c.i in prev.doc.user_data.get("claimtrack_rejected_pronouns", ())
                    for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == pron.lower_):
                return "never"  # the he/she before was found to be no carried name: neither is this one
            continue
        pdoc = prev.doc
        quoted = {i for a, b in quote_regions(pdoc) for i in range(a + 1, b)}
        if all(not_a_speaker(t, quoted) for t in hits):
            return "never"  # named there only inside a quotation, as a modifier or as a listener
        if k:
            return None
        root = prev.root
        heads = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        spk = find_speaker(root) if root.pos_ in ("VERB", "AUX") else None
        if spk is not None:
            heads.append(spk)
        heads += aside_speakers(root, quoted)
        for t in prev:
            if t.lower_ == "according":  # "According to Reyes, ...": the source speaks
                heads += [c for to in t.children if to.lower_ == "to" for c in to.children if c.dep_ == "pobj"]
        owned = set()
        for h in heads:
            owned |= {t.i for t in h.subtree if t.dep_ not in ("relcl", "acl")}
        return None if any(t.i in owned for t in hits) else "not subject"
    # (further back: the sentence that last named people named this one only so)
    if ctx is not None and name in ctx.last_sentence_listeners and name in ctx.last_sentence_people:
        return "never"
    return None


# --- epithet speakers ("The Arizona Republican said", "the tech giant said") -------------

# head nouns of an epithet for a person / for an organisation
PERSON_EPITHETS = PERSON_NOUNS | {"nominee", "candidate", "justice", "incumbent", "challenger", "lawmaker", "politician",
                                  "billionaire", "businessman", "businesswoman", "congressman", "congresswoman",
                                  "republican", "democrat", "conservative", "liberal", "independent", "libertarian",
                                  "progressive", "populist", "newcomer", "veteran", "mogul", "tycoon", "firebrand"}
ORG_EPITHETS = {"company", "giant", "firm", "network", "platform", "group", "agency", "organization", "organisation",
                "newspaper", "paper", "outlet", "publication", "broadcaster", "retailer", "automaker", "carrier",
                "airline", "maker", "conglomerate", "startup", "bank", "lender", "insurer", "union", "coalition",
                "nonprofit", "charity", "manufacturer", "chain", "corporation", "business", "site", "service"}


def epithet_speaker(doc, ctx, mention: str, s: int, e: int) -> str | None:
    """"Sen. John McCain said A. The Arizona Republican said B" / "Acme at the time said A.
    \u201cB,\u201d the tech giant said": a definite epithet as the speaker ("the" + words + a person
    or organisation noun, no name in it) stands for the speaker or subject of the sentence just
    before, when that is the one person (one organisation) that sentence names outside its
    quotations and what it reports, nobody is named before the epithet in its own sentence,
    and the article gives the epithet's noun to nobody else as a role. The name, or None."""
    words = mention.split()
    if not 2 <= len(words) <= 6 or words[0].lower() != "the" or ctx is None:
        return None
    head = words[-1].lower()
    cls = "person" if head in PERSON_EPITHETS else "org" if head in ORG_EPITHETS else None
    if cls is None:
        return None
    # (in its own sentence, or -- '\u201cA. B,\u201d the tech giant said' -- in the sentence that
    # closes the quotation the claim's sentence opens)
    tok = next((t for t in doc[s:] if t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "appos")
                and t.lower_ == head and speaker_text(t) == mention), None)
    if tok is not None and tok.i >= e:
        hit = quote_attribution(doc, s, e)
        if hit is None or hit[0].i != tok.i:
            return None
    if tok is None or any(t.ent_type_ in ("PERSON", "ORG") or t.text[:1].isupper() and t.ent_type_ == "" and t.i != tok.left_edge.i
                          and t.pos_ == "PROPN" for t in speaker_tokens(tok)):
        return None  # a name inside ("the Acme spokesman"): not a bare epithet
    ts = tok.sent.start
    quoted = quoted_tokens(doc, ts, tok.sent.end) | {i for a, b in quote_regions(doc) for i in range(a, b + 1)}
    if any(t.i not in quoted and (t.ent_type_ in ("PERSON", "ORG") or _person_of(ctx, t)) for t in doc[ts:tok.left_edge.i]):
        return None  # somebody named before it in its own sentence
    # (the sentence before the quotation, when the claim's sentence continues one)
    opened = min([a for a, b in quote_regions(doc) if a < s < b], default=s)
    before = _sentence_before(doc, doc[opened].sent.start)
    if before is None:
        return None
    prev, pdoc, pquoted, root = before
    if root.pos_ not in ("VERB", "AUX"):
        return None
    spk = find_speaker(root)
    cands = ([spk] if spk is not None else []) + [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    # what the sentence before reports (its cue's clause) may name others: they are not candidates
    reported = set()
    for c in root.children:
        if c.dep_ in ("ccomp", "parataxis") or c.dep_ == "advcl" and c.tag_ == "VBG":
            reported |= subtree(c)
    names = []
    for c in cands:
        if c.i in pquoted or c.pos_ not in ("PROPN", "NOUN"):
            continue
        if cls == "person":
            name = _person_of(ctx, c)
            if name and any(p.name == name for p in ctx.people):
                names.append(name)
        elif (c.ent_type_ == "ORG" or c.text[:1].isupper() and c.tag_ in ("NN", "NNP") and not c.ent_type_
              and not any(g.dep_ == "det" for g in c.children)) and not _person_of(ctx, c):
            # ("Acme at the time said", the name tagged a common noun): the name's own words
            ent = next((x for x in pdoc.ents if x.start <= c.i < x.end and x.label_ == "ORG"), None)
            whole = pdoc[c.left_edge.i:c.i + 1]  # ("The United States Fish and Wildlife Service", tagged in parts)
            names.append(whole.text if ent is None or all(t.is_title or t.is_upper or t.pos_ in ("DET", "CCONJ", "ADP")
                                                           for t in whole) else ent.text)
    names = [n for n in dict.fromkeys(names) if n]
    if len(names) != 1:
        return None
    name = names[0]
    for t in pdoc[prev.start:prev.end]:  # anyone else of the kind named outside quotes and reports
        if t.i in pquoted or t.i in reported:
            continue
        if cls == "person" and t.ent_type_ == "PERSON" and (_person_of(ctx, t) or t.text) != name \
                and t.text not in name.split():
            return None
        if cls == "org" and t.ent_type_ == "ORG" and t.text not in name.split():
            return None
    if cls == "person" and any(p.name != name and head in {r.lower() for r in p.roles} for p in ctx.people):
        return None  # the article calls someone else so ("the justice": another justice)
    return name
