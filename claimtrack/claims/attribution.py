"""Attribution: who says (believes, intends, ...) a clause, with which cue, in whose words.

The cue lexicon (``cues``: speech / belief / intention / other) is combined with the
dependency patterns that show an attribution:

- "X said (that) ...", "X thinks ...", "X has learned ...": a cue verb with a subject and
  a content clause (ccomp/parataxis); "…, The Post has learned", "…, prosecutors say": the
  cue after its content; "\"...,\" added X": the inverted subject;
- "X did A and said B": a cue verb conjoined with another verb; X owns B, A stays a claim;
- "X vowed to Y" (a commissive with an infinitive) -> "X will Y", cue "vowed", intention;
- "according to X", "X described Y as Z" / "X called Y Z" (-> "Y is Z"), "..., noting that
  ...", and reporting asides left inside a clause ("The real problem, he said, is ...");
- quotes split over sentences of a paragraph ("\u201cA. B,\u201d she said.", "She said: \u201cA. B.\u201d"):
  each quoted sentence gets the quote's speaker; an "I think" inside a quotation is the
  quoted speaker's own words (the outer speaker owns the claim).

A speaker is a person, an organisation or a description of one: never a clause, a
condition ("if she's elected"), a dash aside or dateline debris; when none fits, the
claim is left unattributed."""

from __future__ import annotations

import re

from claimtrack.claims import cues
from claimtrack.claims.filters import QUOTES
from claimtrack.claims.units import Unit, range_, subtree, subtree_range


SPEECH_VERBS = {
    "say", "tell", "add", "note", "insist", "warn", "deny", "claim", "state", "mention",
    "emphasise", "emphasize", "stress", "indicate", "announce", "report", "confirm",
    "explain", "argue", "acknowledge", "admit", "assert", "declare", "suggest", "write",
    "reply", "respond", "caution", "predict", "promise", "vow", "point", "observe",
    "remark", "reiterate", "allege", "contend", "maintain", "concede", "disclose", "reveal",
    "believe", "think", "feel", "fear", "estimate", "insist", "testify", "recall", "tweet",
}

# Every lemma that may carry a content clause (the lexicon's clause cues plus the above).
CLAUSE_CUES = cues.CLAUSE_CUES | SPEECH_VERBS

DESCRIBE_VERBS = {"describe": "described … as", "call": "called", "brand": "branded", "dub": "dubbed", "label": "labelled"}

# Evaluations with an "as" predicate: "X condemned Y as Z", "X has portrayed Y as Z"
# -> "Y is Z" (X's claim, cue "condemned … as", read "X said Y is Z"); without "as" they report
# nothing. (Views -- "X sees Y as Z" -- are left out: their statement would read as speech.)
AS_VERBS = {"condemn", "criticize", "criticise", "denounce", "dismiss", "deride", "hail", "praise", "tout", "cast",
            "portray", "paint", "characterize", "characterise", "depict", "attack", "blast", "slam", "decry",
            "laud", "mock", "ridicule"}
DESCRIBE_VERBS.update({v: "" for v in AS_VERBS})

LEXICON = cues.CUE_LEMMAS | SPEECH_VERBS | set(DESCRIBE_VERBS)

NON_SPEAKERS = {"it", "that", "which", "this", "who", "what", "there", "these", "those", "whom", "whose"}

FIRST_SECOND = {"i", "we", "you", "me", "us"}

SPEAKER_POS = {"NOUN", "PROPN", "PRON", "NUM"}  # NUM: "one of the attorneys", "63 percent" (of those polled)

CONDITION_MARKS = {"if", "when", "unless", "whether", "because", "while", "although", "though", "once", "until",
                   "before", "after", "since", "as"}

DASHES = {"-", "--", "—", "–", "―"}

# prepositions that, after a name, tell where or when someone spoke ("Perry in the new ad",
# "Clinton during the debate"), never who (affiliations -- "at", "of", "for", "from" -- stay)
NAME_CIRCUMSTANCE = {"in", "on", "during", "via", "through", "after", "before", "while", "with", "to", "into", "onto"}

DATELINE_WORD = re.compile(r"^[A-Z][A-Z.'’-]+$")


def lem(tok) -> str:
    """A verb's lemma, mended from its wording where the lemmatizer slips ("hoped" -> "hop")."""
    low = tok.lemma_.lower()
    if low in LEXICON:
        return low
    alt = cues.lemma_of(tok.text)
    return alt if alt in LEXICON else low


def is_quoted(doc, start: int, end: int, s: int, e: int) -> bool:
    """Is [start, end) wrapped in quotation marks (within the sentence [s, e))?"""
    before = doc[start - 1].text if start - 1 >= s else ""
    first = doc[start].text if start < end else ""
    return any(q in before or q == first for q in "\"“«") or (first in QUOTES and first != "'")


def quote_kind_of(doc, a: int, b: int, s: int, e: int) -> str:
    if is_quoted(doc, a, b, s, e):
        return "direct"
    words = [i for i in range(a, b) if not doc[i].is_punct]
    if words and any(qa < words[0] and words[-1] < qb for qa, qb in quote_regions(doc)):
        return "direct"  # a sentence of a quotation opened in a sentence before ("\u201cA. I mean, B,\u201d X told")
    inner = doc[a:b].text
    return "mixed" if any(q in inner for q in "\"“”«»") else "indirect"


def valid_speaker(tok) -> bool:
    """Is ``tok`` (a cue's subject) a person, organisation or description of one -- not a
    relative or demonstrative pronoun, a date, a clause, a condition, a dash aside or the
    debris of a dateline ("WASHINGTON --")?"""
    if tok is not None and tok.pos_ == "VERB" and imperative_name(tok):
        return True
    if tok is None or tok.lower_ in NON_SPEAKERS or tok.pos_ not in SPEAKER_POS or tok.tag_ in ("WDT", "WP"):
        return False
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"):
        return False
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.ABSTRACT_NOUNS:
        return False  # "the political crosscurrents said": an abstract noun speaks for nobody
    doc = tok.doc
    for t in speaker_tokens(tok):
        if t.dep_ == "mark" or t.lower_ in CONDITION_MARKS and t.dep_ == "advmod":
            return False  # "if she's elected president"
        if t.i != tok.i and t.pos_ in ("VERB", "AUX") and (t.dep_ in ("ccomp", "advcl", "csubj", "ROOT") or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
            return False  # a clause
        if t.lower_ == "matter" and t.i > 0 and doc[t.i - 1].lower_ == "no":
            return False
        if t.dep_ == "appos" and t.tag_ == "PRP" and t.head.pos_ == "NOUN" and t.i == t.head.i + 1:
            return False  # "the jobs he and Romney say their plan would create": a relative clause's subject
    a, b = subtree_range(tok)
    if DATELINE_WORD.match(tok.text) and len(tok.text) > 2 and any(
            doc[j].text in DASHES for j in range(tok.i + 1, min(max(b, tok.i + 2), len(doc)))):
        return False  # "WASHINGTON -- President Obama said": the dateline is no speaker
    return speaker_text(tok) is not None


def imperative_name(tok) -> bool:
    """"Save the Bay found ...": a group named by an imperative ("Save", "Stop", "Fix" + "the"
    + a capitalised noun), which the parse reads as a verb subject; every word of it
    capitalised but "the"/"of"/"and"."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "csubj") or not tok.is_title or tok.i != tok.sent.start:
        return False
    words = list(tok.subtree)
    return 2 < len(words) <= 6 and words[1].lower_ == "the" and all(
        w.is_title or w.lower_ in ("the", "of", "and") for w in words) and any(
        c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children)


def find_speaker(verb):
    """The speaker token of a cue verb: its subject, the subject of the verb it is conjoined
    with ("X praised A and said B"), or the inverted subject ("\"...,\" added the adviser");
    None when that is no valid speaker."""
    kids = list(verb.children)
    if sum(c.dep_ in ("nsubj", "nsubjpass") for c in kids) > 1:
        # "“…, one of the sharpest minds,” Rep. Carla Diaz said": the parse may take words of
        # the quotation for a second subject; the one outside the quotation speaks
        regions = [(a, b) for a, b in quote_regions(verb.doc) if not a < verb.i < b]
        kids.sort(key=lambda c: any(a < c.i < b for a, b in regions))
    for child in kids:
        if child.dep_ == "csubj" and child.i < verb.i and imperative_name(child):
            return child  # "Save the Bay found ...", parsed as a clausal subject
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        many_of_whom = any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("whom", "which") for g in c.children)
                           for c in child.children)
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and (
                child.lower_ in ("who", "that", "which") or many_of_whom):
            # "economists who argue that ...", "generals, many of whom say ...": the antecedent
            ante = _antecedent(verb.head, child)
            return ante if valid_speaker(ante) else None
        if many_of_whom:  # (parsed as an adverbial clause): the noun before the comma
            j = child.left_edge.i - 1
            while j >= 0 and verb.doc[j].is_punct:
                j -= 1
            ante = verb.doc[j] if j >= 0 else None
            return ante if ante is not None and ante.pos_ in ("NOUN", "PROPN") and valid_speaker(ante) else None
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "that", "which", "this"):
            if child.i > verb.i and any(a < child.i < b for a, b in quote_regions(verb.doc)):
                continue  # '..., Flynn, a surrogate, said on “Fox and Friends.”': a quoted title speaks not
            name = _appositive_name(child)
            if name is not None:
                return name
            region = next(((a, b) for a, b in quote_regions(verb.doc) if a < child.i < b < verb.i), None)
            if region is not None:
                # "“… should concern every voter,” Chairman Dean Marsh said": the parse took the
                # quotation's last noun for the subject and the name after the closing mark for its
                # conjunct; the name speaks
                after = next((c for c in child.conjuncts if region[1] < c.i < verb.i and c.pos_ == "PROPN"
                              and not any(a < c.i < b for a, b in quote_regions(verb.doc))), None)
                if after is not None:
                    return after if valid_speaker(after) else None
            return child if valid_speaker(child) else None
        if child.lower_ in ("that", "this") and child.tag_ == "DT" and child.i == verb.i - 1:
            return None  # "That said, ...": a discourse phrase, whose clause has a subject of its own (no conjoined speaker)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj if valid_speaker(subj) else None
    # '"...," added the adviser': the parser often makes the inverted subject an object.
    quoted_before = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)
    if quoted_before:
        for child in verb.children:
            if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj") \
                    and child.pos_ in ("NOUN", "PROPN", "PRON") \
                    and not any(a < child.i < b for a, b in quote_regions(verb.doc)):
                return child if valid_speaker(child) else None
    return None


def _appositive_name(subj):
    """"With 50 days until the election, Minyon Moore, a senior adviser, called ...": the
    object of an opening preposition that the parse took for the cue's subject, with a
    person's name set off after it as its appositive: the name is the speaker (the thing is
    no one); None otherwise."""
    if subj.pos_ != "NOUN" or subj.ent_type_ or subj.lemma_.lower() in PERSON_NOUNS or subj.tag_ != "NN" \
            or subj.left_edge.i < 1 or subj.doc[subj.left_edge.i - 1].pos_ != "ADP":
        return None
    return next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i and c.pos_ == "PROPN"
                 and c.ent_type_ == "PERSON" and subj.doc[c.left_edge.i - 1].text == ","), None)


def _antecedent(head, rel):
    """Who a relative pronoun stands for, from the noun its clause hangs on: "McConnell, now
    the majority leader, who said" (an appositive's name), "Democrats on Capitol Hill, who have
    argued" (not the place), "Trump is a serial liar and birther who has pledged" (a
    predicate's subject)."""
    ante = head
    doc = head.doc
    if ante.dep_ == "appos":
        j = ante.left_edge.i - 1
        if j >= 1 and doc[j].text == "," and doc[j - 1].pos_ == "PROPN":
            return doc[j - 1]  # (the name just before the comma; the parse may hang the appositive elsewhere)
    if rel.lower_ == "who" and ante.ent_type_ in ("GPE", "LOC", "FAC", "ORG") and ante.dep_ == "pobj" and ante.head.i >= 1:
        people = doc[ante.head.i - 1]  # "Democrats in Albany, who": the noun before the preposition
        if people.pos_ in ("NOUN", "PROPN") and (people.tag_ in ("NNS", "NNPS") or people.ent_type_ in ("PERSON", "NORP")):
            return people
    if rel.lower_ == "who" and ante.dep_ == "pobj" and ante.pos_ == "NOUN" and ante.ent_type_ != "PERSON" \
            and ante.tag_ == "NN" and ante.lemma_.lower() not in PERSON_NOUNS and ante.head.i >= 1:
        # "listeners to his radio program who said": who are the listeners (the noun the
        # preposition hangs on, or the one just before it)
        people = ante.head.head if ante.head.head.pos_ in ("NOUN", "PROPN") else doc[ante.head.i - 1]
        if people.pos_ in ("NOUN", "PROPN") and (people.tag_ in ("NNS", "NNPS") or people.ent_type_ in ("PERSON", "NORP")
                                                 or people.lemma_.lower() in PERSON_NOUNS):
            return people
    while ante.dep_ == "conj" and ante.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        ante = ante.head
    if rel.lower_ == "who" and ante.dep_ == "attr" and ante.head.lemma_ == "be":
        verb = ante.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "conj":
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "PROPN":
            return subj
    return head


def speaker_tokens(tok) -> list:
    """The speaker's words: its subtree without a relative clause, appositive or participle
    hanging off it ("X, who ..., said"), nor a dash aside."""
    a, b = subtree_range(tok)
    drop = set()
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and c.i > tok.i or c.dep_ == "appos" and c.i > tok.i and _set_off(tok.doc, c.left_edge.i):
            # (an appositive set off by a comma; "Pelosi and Senate Democratic Leader Chuck
            # Schumer", parsed as an appositive of Pelosi, is no aside)
            drop |= subtree(c)
        elif c.dep_ == "advcl" and c.i > tok.i and c.tag_ in ("VBG", "VBN") and c.left_edge.i == c.i \
                and _set_off(tok.doc, c.i):
            # "Rivera, speaking to reporters in Ohio, said": a participle set off after the
            # name tells where or how, not who (the parse hangs it on the subject)
            drop |= subtree(c) | {c.i - 1}
        elif c.dep_ == "prep" and c.i > tok.i and any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
            drop |= subtree(c)  # "a panel in 2001", "officials on Monday": the date is no part of who
        elif c.dep_ == "prep" and c.i > tok.i and tok.pos_ == "PROPN" and c.lower_ in NAME_CIRCUMSTANCE:
            drop |= subtree(c)  # "says Perry in the new ad titled ...": where he said it, not who
        elif c.dep_ == "prep" and c.i > tok.i and tok.doc[c.i - 1].text == "," \
                and c.lower_ not in ("of", "from", "for", "at", "with", "including"):
            drop |= subtree(c) | {c.i - 1}  # "Ryan, toward the end of the debate, warned": when, not who
    for t in tok.doc[a:b]:  # "the families of victims, most of whom live in New York,"
        if t.dep_ == "appos" and t.head.i != tok.i and t.i not in drop and t.i > t.head.i \
                and tok.doc[t.left_edge.i - 1].text == "," and t.left_edge.i - 1 > tok.i:
            # "a spokesman for Acme Inc., the magazine's parent company,": an aside on a name inside
            drop |= subtree(t) | {t.left_edge.i - 1}
            if t.right_edge.i + 1 < b and tok.doc[t.right_edge.i + 1].text == ",":
                drop.add(t.right_edge.i + 1)
        elif t.dep_ == "relcl" and t.head.i != tok.i and t.i not in drop:
            drop |= subtree(t)
            if t.left_edge.i - 1 >= a and tok.doc[t.left_edge.i - 1].text == ",":
                drop.add(t.left_edge.i - 1)
    words = [t for t in tok.doc[a:b] if t.i not in drop]
    glued = next((t for t in words if t.i > tok.i and t.dep_ == "dobj" and t.head.pos_ not in ("VERB", "AUX")), None)
    if glued is not None:
        # "Trump celebrated Strzok's firing, writing ...": a misparse hung the main verb and its
        # object on the subject (a verb's object hung on a noun; "sheriffs bordering
        # Colorado" is a participle with its own object and stays), so
        # the name ends before the first verb after its head
        cut = next((t.i for t in words if tok.i < t.i <= glued.i and t.pos_ in ("VERB", "AUX")), glued.i)
        words = [t for t in words if t.i < cut]
    if a > 0 and tok.pos_ == "PROPN" and tok.doc[a].lower_ == "the" and tok.doc[a - 1].is_title:
        words = _name_head(tok, a) + words
    dashes = [t.i for t in words if t.text in DASHES and (t.text != "-" or t.whitespace_)
              or t.text in QUOTES + "``" and t.dep_ != "case"]  # ("attendants' union": a possessive)
    if dashes:  # a dash aside, a quotation glued on by the parse: keep the stretch around the head
        lo = max([d for d in dashes if d < tok.i], default=a - 1)
        hi = min([d for d in dashes if d > tok.i], default=b)
        words = [t for t in words if lo < t.i < hi]
    # no comma, conjunction or adverb left hanging at either end ("Mr. Romney, then governor,"
    # without its appositive is "Mr. Romney", not "Mr. Romney, then")
    while len(words) > 1 and words[-1].i != tok.i and (words[-1].is_punct and words[-1].text not in (")", "]")
                                                        or words[-1].pos_ in ("ADV", "CCONJ", "SCONJ")):
        words.pop()
    while len(words) > 1 and words[0].i != tok.i and (words[0].is_punct and words[0].text not in ("(", "[")
                                                       or words[0].pos_ in ("CCONJ", "SCONJ")):
        words.pop(0)
    return words


def _name_head(tok, a: int) -> list:
    """"Fix the Court found ...": an organisation's name with "the" inside it, whose first
    words opening the sentence the parse hung elsewhere (an interjection, an imperative):
    those words, to keep the whole name as the speaker; [] when there are none."""
    doc = tok.doc
    start = tok.sent.start
    lead = doc[start:a]
    if not 0 < len(lead) <= 3 or not all(
            t.is_title and t.pos_ in ("VERB", "PROPN", "NOUN") and t.ent_type_ not in ("DATE", "TIME")
            and t.dep_ in ("intj", "dep", "npadvmod", "compound", "nmod", "ROOT") and t.head.i not in range(a, tok.i + 1)
            for t in lead):
        return []
    return list(lead)


def _set_off(doc, i: int) -> bool:
    """Is the phrase starting at token ``i`` set off by a comma, bracket or dash before it
    (adverbs between: "Mr. Romney, then governor,")?"""
    if doc[i].text in ("(", "-", "--", "\u2014", "\u2013"):
        return True  # "Rep. Carla Diaz (D-N.M.)": the bracket opens the appositive itself
    j = i - 1
    while j >= 0 and doc[j].pos_ == "ADV":
        j -= 1
    return j < 0 or doc[j].text in (",", "(", "-", "--", "\u2014", "\u2013")


def speaker_text(tok) -> str | None:
    if tok is None:
        return None
    text = "".join(t.text_with_ws for t in speaker_tokens(tok))
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = PARTY_LABEL.sub("", text)  # (as an appositive set off by its bracket goes: "Reyes (D) and Cole (D)")
    if text.count("(") != text.count(")"):  # "Rep. Carla Diaz )": the rest of "(D-N.M.)" went with its appositive
        text = re.sub(r"\s*[()]\s*", " ", text)
    text = re.sub(r"\s*,(\s*,)+", ",", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;:<>|*" + QUOTES)
    if text and UNNAMED_SPOKESPERSON.fullmatch(text.lower()):
        text = _affiliated(tok) or text
    return text or None


PARTY_LABEL = re.compile(r"\s*\(\s*(?:[DRI]|Dem|Rep|Ind)(?:\s*[-\u2013]\s*[A-Z][A-Za-z. ]*)?\s*\)")

# "a spokesman said": for whom, when a sentence just before named a spokesman for someone
UNNAMED_SPOKESPERSON = re.compile(r"(?:a|an|the) (?:spokes(?:man|woman|person)|representative|press secretary)")


def _affiliated(tok) -> str | None:
    """"A spokesman for Acme Media denied A. “We stand by B,” a spokesman said": the unnamed
    spokesperson of the sentence before (this paragraph or the last one), with the
    organisation named there ("a spokesman for Acme Media"); None when no such sentence."""
    doc = tok.doc
    start = tok.sent.start
    for _ in range(2):
        prev = _previous_sentence(doc, start)
        if prev is None:
            return None
        for t in prev:
            if t.lemma_.lower() == tok.lemma_.lower() and t.i != tok.i and any(
                    c.dep_ == "prep" and c.lower_ in ("for", "of", "at") and c.i == t.i + 1 for c in t.children):
                words = [w for w in speaker_tokens(t)]
                name = re.sub(r"\s{2,}", " ", "".join(w.text_with_ws for w in words)).strip(" ,;:" + QUOTES)
                if name and len(name.split()) <= 10:
                    return name[:1].lower() + name[1:] if name[:2].lower() in ("a ", "an") else name
        doc, start = prev.doc, prev.start
    return None


def cue_text(verb) -> str:
    """The cue as worded: the verb with its perfect/progressive auxiliaries ("has learned",
    "is endorsing"); a bare "said" stays "said"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i
           and c.lemma_.lower() in ("have", "be") and verb.i - c.i <= 3]
    # a phrasal cue keeps its particle ("pointed out", "spelled out"): "X pointed the EU
    # will ..." would garble the statement
    prt = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    words = (aux if verb.tag_ in ("VBN", "VBG") else []) + [verb] + prt
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def content_units(doc, verb, speaker_tok, s, e, cue=None) -> list[Unit]:
    speaker = speaker_text(speaker_tok)
    units = []
    # (a participle the parse hangs on a preposition of the verb: "telling A given B and
    # arguing that C")
    kids = list(verb.children) + [g for c in verb.children if c.dep_ in ("prep", "dobj") and c.i > verb.i
                                  for g in c.children if g.dep_ == "conj" and g.tag_ == "VBG"]
    for child in kids:
        if (child.dep_ in ("ccomp", "parataxis") or reported_advcl(doc, verb, child)) and clause_head(child) \
                and (speaker_tok is None or child.i != speaker_tok.i) and not restated_object(verb, child) \
                and not perceived(verb, child):
            if _past_semicolon(doc, verb, child):
                # "A; however, he was still saying that B": the cue owns no clause on the other
                # side of a semicolon (outside a quotation): A is the narrator's own claim
                units.append(Unit(range_(*subtree_range(child)), child))
                continue
            inner = reported_speech(doc, child)
            if inner:
                # "The wire reported that Ng said in a letter that A": the one who said A is Ng
                # (the outer source only relays it); the inner attribution is kept
                units.extend(inner)
                continue
            a, b = subtree_range(child)
            unit_speaker = speaker
            if child.i < verb.i and speaker_tok is not None and speaker_tok.dep_ == "conj":
                # ("“… should trouble every voter,” Chairman Dean Marsh said", the quotation's last
                # words parsed as the subject, see ``find_speaker``): the quotation runs to its mark
                qb = next((qb for qa, qb in quote_regions(doc) if qa < child.i and qa < speaker_tok.head.i < qb < speaker_tok.i), None)
                if qb is not None and b <= qb:
                    b = qb + 1
            if child.i < verb.i and speaker_tok is not None and child.i < speaker_tok.i < verb.i:
                qb = next((qb for qa, qb in quote_regions(doc) if qa < child.i < qb < speaker_tok.left_edge.i and qb + 1 < b
                           and "," in (doc[qb - 1].text, doc[qb + 1].text)), None)
                if qb is not None:
                    # "“A,” Leader Tom Reyes (D) and Ana Cole (D) said": the parse ran the quotation on
                    # past its closing mark into the first names of the speakers: the quotation ends
                    # at its mark, and the speaker is the whole list
                    b = qb + 1
                    lead = [t for t in doc[qb + 1:speaker_tok.left_edge.i] if t.text != ","]
                    if lead and lead[-1].lower_ == "and" and any(t.pos_ == "PROPN" for t in lead) \
                            and not any(t.pos_ in ("VERB", "AUX") or t.text in QUOTES for t in lead):
                        text = PARTY_LABEL.sub("", doc[lead[0].i:lead[-1].i + 1].text)
                        unit_speaker = f"{text} {speaker}"
            pieces = range_(a, b)
            more = []
            if child.dep_ == "ccomp" and speaker_tok is not None and speaker_tok.i < verb.i:
                # "The mayor said the bridge is safe and added that ...": the parse hangs the
                # second cue on the reported clause; a cue of another tense than that clause
                # (conjoined verbs share their tense), without a subject, is the speaker's
                for conj in child.children:
                    if conj.dep_ == "conj" and conj.i > child.i and is_cue(conj, ACT_CUES) and conj.tag_ != child.tag_ \
                            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in conj.children) \
                            and not any(g.dep_ in ("aux", "auxpass") for g in child.children if g.tag_ == conj.tag_):
                        found = content_units(doc, conj, speaker_tok, s, e) if lem(conj) in SPEECH_CUES else []
                        if not found and lem(conj) in cues.COMMISSIVE | DIRECTIVES:  # "… and vowed to", "… and urged Y to"
                            found = intention_units(doc, conj, speaker_tok, s, e) or directive_units(doc, conj, speaker_tok, s, e)
                        own = None
                        if not found and conj.tag_ == verb.tag_ and verb.tag_ in ("VBD", "VBZ") \
                                and not any(g.dep_ in ("ccomp", "xcomp", "advcl", "conj") for g in conj.children):
                            # "X said he would order a review and warned against hackers": a cue
                            # or stance verb in the reporting verb's own tense is the speaker's
                            # act, not the reported clause's: it goes, and stands as X's own claim
                            who = [t.i for t in speaker_tokens(speaker_tok)]
                            if who and max(who) < verb.i:
                                own = Unit(who + [i for i in range(conj.i, conj.right_edge.i + 1)], conj,
                                           composed=True)
                        if found or own is not None:
                            cut = subtree(conj)
                            cut |= {g.i for g in child.children if g.dep_ in ("cc", "punct") and conj.i > g.i > child.i
                                    and not any(x.i > g.i and x.i < conj.i for x in child.children if x.dep_ not in ("cc", "punct"))}
                            pieces = [i for i in pieces if i not in cut]
                            more.extend(found or [own])
            if speaker_tok is not None:
                # "telling detractors that A given his promises and arguing that B": the parse
                # hangs the second participle inside A; it is the speaker's, not A's
                for t in doc[a:b]:
                    if t.tag_ == "VBG" and t.dep_ in ("conj", "advcl") and t.i != child.i and t.i in pieces \
                            and lem(t) in SPEECH_VERBS and doc[t.i - 1].lower_ in ("and", ",") \
                            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in t.children) \
                            and any(g.dep_ == "ccomp" for g in t.children):
                        found = content_units(doc, t, speaker_tok, s, e)
                        if found:
                            cut = subtree(t) | {t.i - 1}
                            if doc[t.i - 2].text == ",":
                                cut.add(t.i - 2)
                            pieces = [i for i in pieces if i not in cut]
                            more.extend(u.copy(kind="participial") for u in found)
            # "X said A, though she noted B": a cue with its own subject inside the reported
            # clause reports B in its own right
            for t in doc[a:b]:
                if t.dep_ == "advcl" and t.i != child.i and t.i in pieces and is_cue(t, CLAUSE_CUES) and t.tag_ != "VBG" \
                        and any(g.dep_ == "nsubj" and g.lower_ not in ("i", "we", "you") for g in t.children) \
                        and any(g.dep_ == "mark" and g.lower_ in ("though", "although", "while", "but", "as", "whereas")
                                for g in t.children):
                    found = verb_units(doc, t, s, e)
                    if found:
                        cut = subtree(t)
                        if min(cut) - 1 >= a and doc[min(cut) - 1].text == ",":
                            cut.add(min(cut) - 1)
                        pieces = [i for i in pieces if i not in cut]
                        more.extend(found)
                    break
            qk = quote_kind_of(doc, a, b, s, e)
            be = progressive(verb, child) if qk != "direct" else None
            if be is not None:
                # "The poll shows Clinton leading Trump 47 to 44": what it shows is that she is
                # leading ("Clinton is leading Trump 47 to 44"), not the participle's fragment
                k = pieces.index(child.i)
                units.append(Unit(pieces[:k] + [be] + pieces[k:], child, unit_speaker, cue or cue_text(verb), qk,
                                  composed=True))
            elif qk != "direct" and mandative(verb, child):
                # "X insisted that the city pay for it": a demand, not a report that it pays ->
                # "the city should pay for it" (the demand keeps its sense under "said")
                k = pieces.index(child.i)
                pieces = pieces[:k] + ["should"] + pieces[k:]
                units.append(Unit(pieces, child, unit_speaker, cue or cue_text(verb), qk, composed=True))
            else:
                units.append(Unit(pieces, child, unit_speaker, cue or cue_text(verb), qk))
            units.extend(more)
        elif child.dep_ in ("advcl", "conj") and child.tag_ == "VBG" and lem(child) in SPEECH_VERBS | set(DESCRIBE_VERBS):
            # "..., noting that the meeting lasted four hours" / "calling it premature to ..."
            owner = speaker_tok
            if _subordinate(verb) and any(doc[j].text == "," for j in range(verb.i + 1, child.i)):
                # "The council rejected the plan before the mayor unveiled it, arguing that ...":
                # a participle set off after a "before"/"when" clause is the main clause's
                # subject's (the parse hangs it on the nearer verb); nobody's when that has none
                owner = find_speaker(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
                if owner is None:
                    continue
            units.extend(u.copy(kind="participial") for u in content_units(doc, child, owner, s, e)
                         or describe_units(doc, child, owner, s, e))
    return units


def _past_semicolon(doc, verb, child) -> bool:
    """Is there a semicolon, outside every quotation, between the cue and its clause?"""
    lo, hi = (child.right_edge.i + 1, verb.i) if child.i < verb.i else (verb.i + 1, child.left_edge.i)
    return any(doc[j].text == ";" and not any(a < j < b for a, b in quote_regions(doc)) for j in range(lo, hi))


EVIDENCE_CUES = {"show", "find", "reveal", "indicate", "suggest"}


def progressive(verb, child) -> str | None:
    """"The poll shows Clinton leading", "A survey found voters souring on him": the
    participle clause of an evidence cue reads with "is"/"was" ("are"/"were" for a plural
    subject) in the cue's tense; None when the clause is no such participle (nor speech: "the
    video showed Tlaib telling supporters" -- what she told them is the claim)."""
    if child.tag_ != "VBG" or lem(verb) not in EVIDENCE_CUES or child.i < verb.i or lem(child) in SPEECH_CUES or any(
            g.dep_ in ("aux", "auxpass", "mark") for g in child.children):
        return None
    subj = next((g for g in child.children if g.dep_ == "nsubj"), None)
    if subj is None or subj.i > child.i or subj.pos_ not in ("NOUN", "PROPN") or any(
            doc_t.pos_ in ("VERB", "AUX") for doc_t in child.doc[subj.right_edge.i + 1:child.i]):
        return None
    plural = subj.tag_ in ("NNS", "NNPS") or any(g.dep_ == "cc" and g.lower_ == "and" for g in subj.children)
    if verb.tag_ == "VBD":
        return "were" if plural else "was"
    return "are" if plural else "is"


PERCEPTION = {"see", "hear", "watch", "notice", "feel"}


def perceived(verb, child) -> bool:
    """"Families would see their taxes go up", "Voters saw the senator stumble": a perception
    verb with a bare infinitive or a participle reports no one's words or view (the clause is
    no proposition of its own); "Analysts see that the market is cooling" does."""
    return lem(verb) in PERCEPTION and child.tag_ in ("VB", "VBG") and not any(
        g.dep_ in ("aux", "auxpass", "mark") for g in child.children)


# cues that take a demand in the subjunctive ("insisted that the city pay", "demanded that he resign")
MANDATIVE_CUES = {"insist", "demand", "urge", "ask", "request", "propose", "recommend", "require", "suggest", "order"}


def mandative(verb, clause) -> bool:
    """Is ``clause`` a subjunctive demand of ``verb``: a base-form verb with no auxiliary after a
    singular subject ("insisted that the administration agree", "demanded he resign")?"""
    if lem(verb) not in MANDATIVE_CUES or clause.tag_ not in ("VB", "VBP") or clause.pos_ != "VERB":
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in clause.children):
        return False
    subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    if subj is None:
        return False
    if any(c.dep_ == "conj" or c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
        return False  # ("a majority of voters want": a collective takes the plural)
    if subj.tag_ in ("NN", "NNP") or subj.lower_ in ("he", "she", "it"):
        return True
    # a plural subject: a demand by the cue's sense ("demanded that workers get"), or a present
    # tense under a past cue ("insisted that the states pay")
    past = verb.tag_ == "VBD" or verb.tag_ == "VBN" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)
    return subj.lower_ not in ("i", "you", "we") and (lem(verb) in MANDATIVE_CUES - {"insist", "suggest", "ask"} or past)


def reported_speech(doc, clause) -> list[Unit]:
    """A reported clause that is itself a speech cue with a speaker named by a noun ("... that
    Ng said in a letter that A"): the units of that inner cue, each with its own speaker;
    [] otherwise (a pronoun subject, "he said", is left to the outer clause's reading)."""
    if clause.dep_ != "ccomp" or not is_cue(clause, SAY_VERBS) or any(
            c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
        return []  # ("the mayor should insist that ...": no report of what was said)
    if any(a <= clause.i <= b for a, b in quote_regions(doc)):
        return []  # a quoted speaker's own words: the outer speaker owns them
    spk = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if spk is None or spk.pos_ not in ("PROPN", "NOUN") or not valid_speaker(spk) \
            or not any(c.dep_ == "ccomp" and c.i > clause.i for c in clause.children):
        return []
    if spk.pos_ == "NOUN" and spk.tag_ == "NN" and spk.lemma_.lower() not in PERSON_NOUNS and spk.ent_type_ not in (
            "ORG", "PERSON", "NORP", "GPE"):
        return []  # "he said the phrase suggests that ...": a thing's "suggests" is his reading, no speech
    units = [u for u in content_units(doc, clause, spk, clause.sent.start, clause.sent.end) if u.kind != "participial"]
    if units:
        units += _hung_conjuncts(doc, clause, spk)
    return units


def _hung_conjuncts(doc, cue, spk) -> list[Unit]:
    """"Ng said that A was on the run, but wasn't yet defeated and that B wasn't done": verbs
    the parse conjoined with the cue itself after its reported clause (no cue, no subject of
    their own but that clause's, or a "that" of their own) are more of what was said: one unit
    each, the reported clause's subject carried where they have none."""
    content = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    subj = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None) if content is not None else None
    out, todo = [], [c for c in cue.children if c.dep_ == "conj" and c.i > cue.i]
    while todo:
        v = todo.pop(0)
        if v.pos_ not in ("VERB", "AUX") or is_cue(v, CLAUSE_CUES) or content is None or v.i < content.i:
            continue
        inner = [c for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        todo.extend(inner)
        cut = set()
        for c in inner:
            cut |= subtree(c)
        cut |= {c.i for c in v.children if c.dep_ in ("cc", "mark", "punct") and c.i < v.i}
        pieces = sorted(i for i in subtree(v) if i not in cut)
        while pieces and doc[pieces[-1]].is_punct:
            pieces.pop()
        own = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children)
        if not own and (subj is None or subj.pos_ == "PRON" and subj.lower_ not in ("he", "she", "it", "they")):
            continue
        if len(pieces) < 2:
            continue
        lead = [] if own else list(range(subj.left_edge.i, subj.right_edge.i + 1))
        out.append(Unit(lead + pieces, v, speaker_text(spk), cue_text(cue), "indirect", composed=not own))
    return out


def _subordinate(verb) -> bool:
    """Is ``verb`` the head of an adverbial clause opened by a subordinating word ("before
    the mayor unveiled it", "when the paper reported it"; not "as")?"""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ != "as" or c.dep_ == "advmod" and c.tag_ == "WRB"
                                        and c.i < verb.i for c in verb.children)


def participle_owner(doc, root):
    """"The dispute grew when a paper reported the issue, saying that ...": the main clause's
    subject cannot speak, and the participle follows (after a comma) a subordinate clause
    whose speech cue has a speaker of its own: that speaker token; else None."""
    for c in root.children:
        if c.dep_ != "advcl" or c.tag_ != "VBG" or lem(c) not in SPEECH_VERBS or doc[c.i - 1].text != ",":
            continue
        cue = next((a for a in root.children if a.dep_ == "advcl" and a.i < c.i and a.right_edge.i == c.i - 2
                    and is_cue(a, SPEECH_CUES)), None)
        spk = find_speaker(cue) if cue is not None else None
        if spk is not None and spk.i > cue.left_edge.i - 1:
            return spk
    return None


def restated_object(verb, child) -> bool:
    """"X told a story about A, a story clearly meant to B": the parse reads the appositive
    that restates the cue's object as a reported clause; it is the reporter's description."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < child.i), None)
    subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < child.i), None)
    return obj is not None and subj is not None and subj.lemma_.lower() == obj.lemma_.lower()


def clause_head(tok) -> bool:
    """A verb, or a predicate adjective with its copula and subject ("Clinton was justified")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if tok.lower_ in ("'s", "\u2019s", "'re", "\u2019re", "'m", "\u2019m") and any(c.dep_ == "nsubj" for c in tok.children):
        return True  # "\u201cIt\u2019s 3 a.m.\u201d": a contracted verb the tagger took for a noun
    return tok.pos_ == "ADJ" and any(c.dep_ in ("aux", "auxpass") for c in tok.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def reported_advcl(doc, verb, child) -> bool:
    """"X continued, For us, this is a fight": the parse reads the quoted clause after a
    speech verb and a comma as an adverbial clause; with its own subject and no
    subordinating word, it is the content."""
    return (child.dep_ == "advcl" and child.i > verb.i and verb.i + 1 < len(doc) and doc[verb.i + 1].text in (",", ":")
            and lem(verb) in cues.SPEECH and not any(c.dep_ == "mark" for c in child.children)
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children) and child.tag_ != "VBG")


def intention_units(doc, verb, speaker_tok, s, e) -> list[Unit]:
    """"X vowed to veto the bill" -> "X will veto the bill" (cue "vowed", an intention);
    "X refused to ..." -> "X will not ..."."""
    lemma = lem(verb)
    if lemma not in cues.COMMISSIVE or speaker_tok is None:
        return []
    x = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
              and any(g.tag_ == "TO" and g.i == c.i - 1 for g in c.children)), None)
    if x is None or speaker_tok.i > verb.i:
        return []
    sa, sb = subtree_range(speaker_tok)
    spk = [t.i for t in speaker_tokens(speaker_tok)]
    a, b = subtree_range(x)
    negated = any(g.dep_ == "neg" and g.i < x.i for g in x.children)  # "vowed not to repeat ..."
    will = ["will", "not"] if (lemma == "refuse") != negated else ["will"]
    body = [i for i in range(x.i, b)]
    # the cue keeps an ellipsis ("vowed … to", as "described … as"): the text already holds
    # the proposition, so ``Claim.statement`` reads "X said X will ..."
    return [Unit(spk + will + body, x, speaker_text(speaker_tok), f"{cue_text(verb)} … to", "indirect", composed=True)]


def describe_units(doc, verb, speaker_tok, s, e) -> list[Unit]:
    """"X described Y as Z" / "X called Y Z" -> "Y is Z", cue "described … as" / "called"."""
    lemma = lem(verb)
    if lemma not in DESCRIBE_VERBS:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    pred = None
    as_form = lemma == "describe" or lemma in AS_VERBS
    if as_form:
        as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is None:
            as_ = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        pred = next((c for c in as_.children if c.dep_ in ("pobj", "pcomp")
                     or c.dep_ in ("amod", "acomp", "advcl") and c.pos_ == "ADJ"), None) if as_ is not None else None
        if pred is not None and lemma in AS_VERBS and (pred.i < as_.i or any(
                t.tag_ in ("PRP", "PRP$") and t.lower_ != "it" for t in obj.subtree)):
            # ("praised him as a hero", "criticized his policy as weak": whom the pronoun stands
            # for -- often not the speaker -- is no part of the claim)
            return []
    else:
        pred = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")), None)
    if pred is None:
        return []
    oa, ob = subtree_range(obj)
    if as_form and as_.i < ob and as_.head.i == obj.i:
        ob = as_.i
    pa, pb = subtree_range(pred)
    if as_form and lemma in AS_VERBS:
        if pred.dep_ == "pcomp" and pred.lemma_ == "be":
            pa = pred.i + 1  # "dismissed X as being Y" -> "X is Y"
        # "blasted X as a “disgrace” Wednesday on a radio show": when and where it was said
        # are no part of what was said
        when = next((t.i for t in doc[pred.i + 1:pb] if t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME")), None)
        if when is not None:
            pb = when
            while pb > pred.i + 1 and doc[pb - 1].is_punct and doc[pb - 1].text not in QUOTES + "\"":
                pb -= 1
        if pa >= pb:
            return []
    if not as_form and pred.dep_ == "oprd":
        pb = max(pb, max((c.right_edge.i + 1 for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > pred.i), default=pb))
    copula = "was" if verb.tag_ == "VBD" or doc[oa].lower_ == "it" and verb.tag_ == "VBG" else "is"
    if obj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in obj.children) and any(
            c.dep_ == "cc" and c.lower_ == "and" for c in obj.children):
        copula = {"was": "were", "is": "are"}[copula]  # "called his remarks “a wake-up call”": they were
    kind = "mixed" if any(t.text in "\"“”«»" for t in doc[max(pa - 1, s):min(pb + 1, e)]) else "indirect"
    cue = DESCRIBE_VERBS[lemma] or f"{cue_text(verb)} … as"
    if verb.tag_ == "VBG":
        cue = {"describe": "describing … as", "call": "calling"}.get(lemma, cue)
    return [Unit(range_(oa, ob) + [copula] + range_(pa, pb), pred, speaker_text(speaker_tok), cue, kind,
                  kind="description", composed=True)]


DIRECTIVES = {"urge", "ask", "call", "press", "encourage", "implore", "beg", "tell", "advise", "warn", "order"}


def directive_units(doc, verb, speaker_tok, s, e) -> list[Unit]:
    """"X urged Y to Z" / "X called on Y to Z" / "X told Y to Z" -> "Y should Z" (X's claim,
    cue "urged" / "called on")."""
    lemma = lem(verb)
    if lemma not in DIRECTIVES or speaker_tok is None or speaker_tok.i > verb.i:
        return []
    if verb.dep_ == "conj" and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.head.children):
        return []  # "X confirmed that Y called him and told him to ...": Y's telling, by the sense, not X's
    cue = cue_text(verb)
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if addressee is None and lemma == "call":
        on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
        addressee = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
        cue = f"{cue} {on.text}" if addressee is not None else cue
    if addressee is None or addressee.lower_ in NON_SPEAKERS:
        return []
    # (a quotation may open between "to" and its verb: 'urged Y to \u201cpoint out ...\u201d')
    x = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > addressee.i
              and any(g.tag_ == "TO" and (g.i == c.i - 1 or g.i == c.i - 2 and doc[c.i - 1].text in ("\u201c", '"', "``"))
                      for g in c.children)), None)
    if x is None or any(g.tag_ in ("WP", "WRB", "WDT") and g.i < x.i for g in x.subtree):
        return []  # ("tells them what to do", "told him how to vote": no directive of X's)
    neg = any(g.dep_ == "neg" and g.i == x.i - 2 for g in x.children)  # "urged Y not to Z"
    a, b = subtree_range(addressee)
    _, xb = subtree_range(x)
    modal = ["should", "not"] if neg else ["should"]
    xa = x.i - 1 if doc[x.i - 1].text in ("\u201c", '"', "``") else x.i
    return [Unit(range_(a, b) + modal + range_(xa, xb), x, speaker_text(speaker_tok), f"{cue} … to", "indirect",
                 composed=True)]


# "Pence: Gennifer Flowers won't be at the debate" (a headline), "PENCE: Well, look, ..." (a
# transcript): a name and a colon open the paragraph
LEAD_SPEAKER = re.compile(r"^\s*[\"\u201c\u201d]?\s*((?:[A-Z][\w.'\u2019-]*)(?: (?:[A-Z][\w.'\u2019-]*|of|the|de|van|von)){0,3}):\s+(?=\S)")
# "\u201cA. B.\u201d \u2015 Carla Sanchez": a quotation signed with a dash and a name
TAIL_SPEAKER = re.compile(r"[\"\u201d\u2019.!?]\s*(?:[\u2015\u2014\u2013]|--)\s*([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})\.?\s*$")
NOT_LEAD = {"update", "updated", "note", "editor", "editor's", "correction", "related", "photo", "photos", "video",
            "watch", "read", "source", "sources", "transcript", "q", "a", "question", "answer", "warning", "disclosure",
            "caption", "credit", "listen", "see", "also", "breaking", "exclusive", "analysis", "opinion", "advertisement",
            "sponsored", "live", "more", "here", "tags", "topics", "share", "example", "bottom", "first", "second",
            "third", "next", "then", "now", "today", "why", "what", "how", "who", "when", "where", "the", "this", "that",
            "it", "but", "and", "so", "yes", "no", "in", "on", "for", "at", "by", "with", "from", "to", "of", "after"}


def paragraph_speaker(doc):
    """(speaker, cue, tokens to cut, first token, end token) when the paragraph as a whole is
    someone's words: a name and a colon opening it (a headline "Poll: Clinton leads", a
    transcript "WALLACE: ..."), a quotation signed "\u2015 Name" at its end, or a paragraph after
    one that ends in a cue and a colon ("He said:" / "\u201cA. B.\u201d"); else None."""
    cached = doc.user_data.get("claimtrack_paragraph_speaker", False)
    if cached is not False:
        return cached
    out = None
    text = doc.user_data.get("claimtrack.text")  # (kept by segment.iter_docs: no rejoin of every token)
    if text is None:
        text = doc.text
    m = LEAD_SPEAKER.match(text)
    if m and len(doc) > 3 and m.group(1).split()[0].lower().strip(".") not in NOT_LEAD:
        end_char = m.end()
        cut = {t.i for t in doc if t.idx < end_char}
        first = max(cut) + 1 if cut else 0
        if first < len(doc):
            out = (m.group(1), ":", cut, first, len(doc))
    if out is None and text.lstrip()[:1] in ("\"", "\u201c", "\u201d", "\u2018"):
        m = TAIL_SPEAKER.search(text)
        if m:
            dash = m.start() + 1
            cut = {t.i for t in doc if t.idx >= dash}
            if cut and min(cut) > 2:
                out = (m.group(1), "\u2015", cut, 0, min(cut))
    if out is not None:
        name = out[0].rstrip(".")
        if name.isupper() and len(name) > 3:  # "WALLACE" (a transcript) is Wallace, no dateline
            name = name.title()
        out = (name,) + out[1:]
    if out is None:
        prev = doc.user_data.get("claimtrack_lead_in")
        if prev is not None and len(prev):
            last = list(prev.sents)[-1]
            hit = _speech_verb(prev, range(last.start, last.end), (-1, -1))
            if hit:
                out = (speaker_text(hit[0]), hit[1], set(), 0, len(doc))
    doc.user_data["claimtrack_paragraph_speaker"] = out
    return out


def discourse_phrases(doc, s: int, e: int) -> tuple[set[int], object]:
    """"That said, ...", "This said, ...", "Having said that, ...", "That being said, ...": a
    form of "say" whose only arguments are a demonstrative and auxiliaries, followed by a
    comma, is a discourse connective, no cue: (its tokens with the comma, the clause head
    that replaces it when the parse made it the root) -- (set(), None) when there is none."""
    cut: set[int] = set()
    head = None
    for v in doc[s:e]:
        if v.lower_ != "said" or v.i + 2 >= e:
            continue
        kids = list(v.children)
        demo = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in ("that", "this") and c.tag_ == "DT"]
        rest = [c for c in kids if c not in demo and c.dep_ not in ("aux", "auxpass", "punct", "cc", "ccomp", "conj")]
        if len(demo) != 1 or rest or any(c.dep_ in ("aux", "auxpass") and c.lower_ not in ("having", "being") for c in kids):
            continue
        lo = min([v.i] + [c.i for c in kids if c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj")])
        hi = max([v.i] + [c.i for c in kids if c.dep_ == "dobj"]) + 1
        if doc[hi].text != "," or lo > s and not (doc[lo - 1].is_punct or doc[lo - 1].dep_ == "cc"):
            continue  # (opening its clause: at the sentence start, after a quotation mark, a comma or "but")
        if lo > s and doc[lo - 1].text in ("\u201c", '"', "``"):
            lo -= 1  # (with the opening mark: a quotation that opens on it opens on what follows)
        cut |= set(range(lo, hi + 1))
        if v.dep_ == "ROOT":
            head = next((c for c in kids if c.dep_ in ("ccomp", "conj") and c.i > hi), None)
        break
    return cut, head


# nouns of speech and belief that carry their content in a "that" clause ("Trump's claim that ...")
CLAIM_NOUNS = {"claim", "claims", "assertion", "assertions", "contention", "insistence", "argument", "allegation",
               "allegations", "prediction", "declaration", "statement", "charge", "charges", "suggestion", "promise",
               "pledge", "vow", "warning", "belief", "view", "complaint", "accusation", "boast", "admission"}


def nominal_units(doc, s: int, e: int) -> list[Unit]:
    """"Contrary to Trump's claim that people would learn nothing, ...": a speech or belief
    noun with a possessor that names someone and a "that" clause with its own subject reports
    that clause as the possessor's (cue: the noun); the sentence's own claims stay as they are."""
    out = []
    for n in doc[s:e]:
        if n.lower_ not in CLAIM_NOUNS or n.pos_ != "NOUN":
            continue
        poss = next((c for c in n.children if c.dep_ == "poss" and c.i < n.i), None)
        if poss is None or poss.pos_ not in ("PROPN", "NOUN") or poss.tag_ in ("PRP$", "WP$") or not (
                poss.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or poss.pos_ == "PROPN"
                or poss.lemma_.lower() in PERSON_NOUNS):
            continue
        clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > n.i and clause_head(c)
                       and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children)
                       and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)), None)
        if clause is None or any(a < n.i < b for a, b in quote_regions(doc)):
            continue
        a, b = subtree_range(clause)
        pieces = [i for i in range(a + 1, b)]  # (without its "that")
        words = [t for t in speaker_tokens(poss) if t.dep_ != "case"]
        speaker = re.sub(r"\s{2,}", " ", "".join(t.text_with_ws for t in words)).strip(" ,")
        if not speaker or len(pieces) < 3:
            continue
        out.append(Unit(pieces, clause, speaker, n.text, quote_kind_of(doc, a + 1, b, s, e)))
    return out


def attribute(doc, s: int, e: int, root) -> list[Unit]:
    """Split a sentence into content units with their speakers; a sentence inside a quote
    that spans several sentences gets the quote's speaker; a sentence of a paragraph that is
    someone's words as a whole (``paragraph_speaker``) gets that speaker."""
    units = _attribute(doc, s, e, root)
    if any(t.lower_ in CLAIM_NOUNS for t in doc[s:e]):
        units = units + nominal_units(doc, s, e)
    inner = [r for r in inner_quotes(doc) if r[0] < e and r[1] > s]
    if inner:
        # (a claim that holds the inner cue -- "when we began, she said, 'A" -- is the outer
        # speaker's report of what was said, and stays whole)
        out = []
        for u in units:
            toks = u.token_set()
            cut = [(lo, hi) for lo, hi, cue_i in inner if cue_i not in toks]
            out.append(u.copy([p for p in u.pieces if not (isinstance(p, int) and any(lo <= p < hi for lo, hi in cut))])
                       if cut and any(lo <= i < hi for i in toks for lo, hi in cut) else u)
        units = out
    return units


INNER_OBJECTS = {"me", "us", "him", "her", "them"}


def inner_quotes(doc) -> list[tuple[int, int, int]]:
    """Token ranges [lo, hi) of the words another person speaks inside a quotation, with their
    own cue: "\u201cWhen we began, she said, 'I want A. I want B,'\u201d he explained." / "\u201cAnd Karen
    said, We are not trying to cut your funds.\u201d" -- the cue ("she said,") and what it
    reports (to the inner quote's closing mark, else to the end of its sentence). Those words
    are not the outer speaker's: no claim of the outer speaker holds them without their cue.
    (An "I said" / "we told them" inside the quotation is the outer speaker's own report and
    stays his.) Each: (first token, end, the inner cue verb)."""
    cached = doc.user_data.get("claimtrack_inner_quotes")
    if cached is not None:
        return cached
    out: list[tuple[int, int]] = []
    for a, b in quote_regions(doc):
        i = a + 1
        while i < b - 1:
            t = doc[i]
            j = i + 1
            if j < b and doc[j].lower_ in INNER_OBJECTS:
                j += 1  # "she told me, ..."
            if doc[j].text not in (",", ":") or t.pos_ != "VERB" or lem(t) not in SAY_VERBS \
                    or t.dep_ in ("relcl", "acl") or j + 2 >= b or not doc[j + 1].is_alpha and doc[j + 1].text not in (
                        "'", "\u2018", "`"):
                # ("the same thing that Obama said,\u201d": said of a thing; "He added: \u201cA": a
                # new quotation the marks of the paragraph did not close before)
                i += 1
                continue
            subj = next((c for c in t.children if c.dep_ == "nsubj" and a < c.i < t.i), None)
            if subj is None or subj.lower_ in FIRST_SECOND or subj.lower_ in NON_SPEAKERS \
                    or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
                i += 1
                continue
            lo, k = subj.left_edge.i, j + 1
            if lo > a + 1 and doc[lo - 1].lower_ in ("and", "but", "then"):
                lo -= 1
            if k < b and doc[k].text in ("'", "\u2018", "`"):
                # to the closing single mark: one after the quote's last punctuation or right
                # before the outer closing mark (not a possessive's apostrophe)
                end = next((m for m in range(k + 1, b) if doc[m].text in ("'", "\u2019") and (
                    doc[m - 1].text in (",", ".", "?", "!") or m + 1 == b)), b - 1) + 1
            else:
                end = min(t.sent.end, b)
            out.append((lo, end, t.i))
            i = end
    doc.user_data["claimtrack_inner_quotes"] = out
    return out


CONTRAST_MARKS = {"while", "although", "though", "whereas"}


def swallowed_main(doc, s: int, e: int, root) -> bool:
    """"While X said A B show that C": a cue in a contrasting subordinate clause whose content
    ran on to the sentence's end, leaving no main clause outside it (the parse glued the main
    clause into what X said, for want of a comma): the content cannot be told apart."""
    if root.pos_ in ("VERB", "AUX"):
        return False
    for t in root.children:
        if t.dep_ == "advcl" and lem(t) in SPEECH_CUES and any(
                c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in t.children):
            inside = set(subtree(t))
            return all(doc[i].is_punct or doc[i].pos_ in ("CCONJ", "ADV", "SPACE") for i in range(s, e) if i not in inside)
    return False


def _attribute(doc, s: int, e: int, root) -> list[Unit]:
    if swallowed_main(doc, s, e, root):
        return []
    units = [_cut_trailing_cue(doc, u) for u in attribute_sentence(doc, s, e, root)]
    units = [_past_bracket(doc, u, s, e) for u in units]
    covered = set().union(*(u.token_set() for u in units)) if units else set()
    for r in doc[s:e]:
        # a tree after a bracket that no clause went on with (see ``_past_bracket``) is read
        # as the sentence it was parsed as
        if r.dep_ == "ROOT" and r.i != root.i and r.i not in covered and s < r.left_edge.i and doc[r.left_edge.i - 1].text in (")", "]"):
            units += [_cut_trailing_cue(doc, u) for u in attribute_sentence(doc, r.left_edge.i, min(r.right_edge.i + 1, e), r)]
    if any(t.lower_ == "said" for t in doc[s:e]):
        connective, head = discourse_phrases(doc, s, e)
        if connective:
            units = [u.copy([p for p in u.pieces if not (isinstance(p, int) and p in connective)],
                            head=head if head is not None and u.head.i in connective else None) for u in units]
    para = paragraph_speaker(doc)
    if para is not None and para[0] and para[3] < e and s < para[4]:
        name, cue, cut, _, _ = para
        if cut:
            units = [u.copy([p for p in u.pieces if not (isinstance(p, int) and p in cut)]) for u in units]
        if not any(u.speaker for u in units):
            return [u.copy(speaker=name, cue=cue, quote_kind="direct") for u in units]
    if any(u.speaker and u.speaker.lower() not in FIRST_SECOND for u in units):
        return units
    # (a cue whose speaker is "I"/"we" inside a quotation is the quote speaker's own report:
    # the rest of the sentence is still the quote speaker's words)
    inherited = quote_attribution(doc, s, e)
    if inherited is None:
        if units and not any(u.speaker for u in units) and wholly_quoted(doc, s, e):
            return []  # someone's quoted words, the paragraph does not say whose: no fact of the narrator's
        return units
    tok, cue = inherited
    speaker = speaker_text(tok)
    if s <= tok.i < e:
        # "\u201cMotives matter, and I think A,\u201d Woodhouse said.": the cue and its speaker are in
        # the sentence (the parse found no reported clause): only the quotation is the claim
        region = next(((a, b) for a, b in quote_regions(doc) if a < tok.i and b > s and not a < tok.i < b
                       and any(a < i < b for i in range(s, e))), None)
        if region is None:
            return units
        units = [u.copy([p for p in u.pieces if not isinstance(p, int) or region[0] < p < region[1]]) for u in units]
    return [u if u.speaker else u.copy(speaker=speaker, cue=cue, quote_kind="direct") for u in units]


def wholly_quoted(doc, s: int, e: int) -> bool:
    """The sentence [s, e) is all inside one quotation that began at or before its start."""
    words = [i for i in range(s, e) if not doc[i].is_punct and not doc[i].is_space]
    if len(words) < 3:
        return False
    # (an unclosed straight mark may be a stray one -- '"Melanie thought it was outrageous.' with no
    # closing mark in the paragraph -- and says nothing)
    return any(a < words[0] and words[-1] < b and a <= s + 1 and (b < len(doc) or doc[a].text != '"')
               for a, b in quote_regions(doc))


def _past_bracket(doc, unit: Unit, s: int, e: int) -> Unit:
    """"... it looks like (Libyan strongman Moammar) Gadhafi is going to beat ...": where the
    parse ended a tree at a closing bracket inside the sentence (see ``segment.sentence_spans``),
    a clause that runs up to the bracket goes on with the tree after it."""
    toks = unit.token_set()
    if not toks:
        return unit
    j = max(toks)
    if doc[j].text not in (")", "]") or j + 1 >= e or doc[j + 1].dep_ != "ROOT" and doc[j + 1].head.dep_ != "ROOT":
        return unit
    nxt = doc[j + 1] if doc[j + 1].dep_ == "ROOT" else doc[j + 1].head
    if nxt.left_edge.i != j + 1 or nxt.right_edge.i >= e or nxt.i == unit.head.i:
        return unit
    return unit.copy(unit.pieces + [i for i in range(j + 1, nxt.right_edge.i + 1) if i not in toks])


def _leading_frame(doc, toks: set[int], cut: set[int]) -> set[int]:
    """"At another point, Mr. X said, “We assume ...”": when the aside's cut is followed by
    the opening mark of the quotation, the scene-setting phrase before it (no verb, outside
    every quotation) is no part of the quoted words: its tokens, or an empty set."""
    lo, hi = min(cut), max(cut)
    after = [i for i in sorted(toks) if i > hi]
    lead = [i for i in sorted(toks) if i < lo]
    if not after or not lead or doc[after[0]].text not in ("\u201c", '"') or doc[after[0]].i != after[0]:
        return set()
    regions = quote_regions(doc)
    if not any(a == after[0] for a, _ in regions):
        return set()
    words = [i for i in lead if not doc[i].is_punct]
    if not words or len(words) > 8 or any(doc[i].pos_ in ("VERB", "AUX") for i in words) \
            or any(a <= i <= b for i in lead for a, b in regions):
        return set()
    tops = [doc[i] for i in words if doc[i].head.i not in lead or doc[i].head.i == i]
    if not tops or any(t.dep_ not in ("prep", "advmod", "npadvmod") for t in tops):
        return set()  # ("The savings, she said, “do not cut ...”": the quotation's subject stays)
    return set(lead)


def _cut_trailing_cue(doc, unit: Unit) -> Unit:
    """"X said, “A,” said X.": a repeated inverted cue after the quotation's closing mark
    ("said the senator") is no part of the attributed content."""
    if not unit.speaker:
        return unit
    idx = [p for p in unit.pieces if isinstance(p, int)]
    q = next((i for i in reversed(idx) if doc[i].text in ("”", '"')), None)
    if q is None or q == idx[-1] or q - 1 < 0 or doc[q - 1].text != ",":
        return unit
    tail = [i for i in idx if i > q]
    verbs = [i for i in tail if lem(doc[i]) in SPEECH_VERBS and doc[i].pos_ == "VERB"]
    if not verbs or verbs[0] != tail[0] or any(
            doc[i].pos_ in ("VERB", "AUX") and i != verbs[0] or doc[i].text in ("“",) for i in tail):
        return unit  # only "said NAME" after the quotation
    cut = set(tail) | {q - 1}
    return unit.copy([p for p in unit.pieces if not (isinstance(p, int) and p in cut)])


def as_aside_units(doc, s: int, e: int, root) -> list[Unit]:
    """"Hawaii, as one of Mr. Obama's advisers pointed out, rarely gets two hurricanes" /
    "As the Post reported Monday, the company ...": an "as" aside names the speaker; the
    rest of the sentence is the content."""
    for t in doc[s:e]:
        if t.lower_ != "as" or not (t.i == s or doc[t.i - 1].text == ","):
            continue
        v = next((x for x in doc[t.i + 2:min(t.i + 12, e)] if x.pos_ == "VERB"), None)
        if v is None or not is_cue(v, SAY_VERBS | {"report", "point", "write", "tweet", "put"}):
            return []
        words = doc[t.i + 1:v.i]
        if not any(w.pos_ in ("NOUN", "PROPN") for w in words) or any(w.pos_ in ("VERB", "AUX") for w in words):
            return []
        j = v.i + 1
        while j < e and (doc[j].dep_ in ("prt", "npadvmod") or doc[j].ent_type_ in ("DATE", "TIME")):
            j += 1  # "pointed out", "reported Monday"
        if j >= e or doc[j].text != ",":
            return []  # "as officials said the storm was near": no aside
        if root.i > j and is_cue(root, SAY_VERBS) and any(c.dep_ == "nsubj" and c.i > j for c in root.children):
            return []  # "As the Post reported, A, a spokesman said": the sentence's own cue speaks
        speaker = re.sub(r"\s+", " ", words.text).strip(" ,")
        cue = "as " + " ".join(x.text for x in doc[v.i:j] if x.dep_ == "prt" or x.i == v.i)
        pieces = [i for i in range(s, e) if not (t.i - (0 if t.i == s else 1) <= i <= j)]
        if len([i for i in pieces if doc[i].is_alpha]) < 4:
            return []
        inside = set(pieces)
        head = root if root.i in inside else next(
            (doc[i] for i in pieces if doc[i].pos_ in ("VERB", "AUX") and doc[i].head.i not in inside), root)
        # the parse may hang the subject on the cue ("Hawaii, as X pointed out, does not get"):
        # the claim is composed around the aside
        stolen = not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children) and any(
            doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i == v.i and doc[i].i < t.i for i in pieces)
        return [Unit(pieces, head, speaker, cue, "indirect", composed=stolen)]
    return []


def attribute_sentence(doc, s: int, e: int, root) -> list[Unit]:
    aside = as_aside_units(doc, s, e, root)
    if aside:
        return aside
    # "according to X" anywhere in the sentence.
    for tok in doc[s:e]:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < e and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None) if to is not None else None
            if pobj is None and tok.i <= s + 1 and to is not None:
                # "According to engineer Paul Ortega, the bridge ...", the name parsed as the
                # subject: the words up to the comma are the speaker
                comma = next((j for j in range(to.i + 1, min(to.i + 12, e)) if doc[j].text == ","), None)
                words = doc[to.i + 1:comma] if comma is not None else None
                if words is not None and len(words) and any(w.pos_ in ("NOUN", "PROPN") for w in words) \
                        and not any(w.pos_ in ("VERB", "AUX") for w in words) and comma + 4 < e:
                    rest = range_(comma + 1, e)
                    inside = set(rest)
                    head = next((doc[i] for i in rest if doc[i].pos_ in ("VERB", "AUX") and doc[i].head.i not in inside
                                 or doc[i].i == root.i), root)
                    stolen = not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in inside for c in head.children)
                    return [Unit(rest, head, words.text, "according to", quote_kind_of(doc, comma + 1, e, s, e),
                                 composed=stolen)]
            if pobj is None or _quoted_source(doc, tok, s, e):
                continue
            if tok.i > s + 1 and any(x.dep_ == "relcl" or x.pos_ in ("VERB", "AUX") and x.i < tok.i and any(
                    g.tag_ in ("WDT", "WP") and g.lower_ in ("which", "who") for g in x.children) for x in tok.ancestors):
                # "..., which classifies him as overweight according to his body mass index": the
                # source speaks to the relative clause, not to the sentence that carries it
                continue
            a, b = tok.i, pobj.right_edge.i + 1
            if tok.i <= s + 1:  # "According to X, the move ...": the parse may run X on past its comma
                comma = next((j for j in range(pobj.i + 1, b) if doc[j].text == ","), None)
                if comma is not None and comma + 1 < e and any(doc[j].pos_ in ("DET", "NOUN", "PROPN", "PRON")
                                                              for j in range(comma + 1, min(comma + 3, e))):
                    b = comma
            speaker = doc[pobj.left_edge.i : b].text
            if tok.i > s + 1 and any(c.dep_ == "appos" and doc[c.left_edge.i - 1].text == "," for c in pobj.children):
                # "..., according to Politico, part of the inquiry into ...": an appositive after
                # the source (often the parse's misreading of what the sentence adds) is no part of who
                speaker = speaker_text(pobj) or speaker
            if a - 1 >= s and doc[a - 1].text == ",":
                a -= 1
            if a <= s + 1:  # "According to X, ..."
                start = b + 1 if b < e and doc[b].text == "," else b
                if any(doc[j].lower_ in ("i", "we") and doc[j].dep_ in ("nsubj", "nsubjpass") and doc[j].head.i == root.i
                       for j in range(start, e)):
                    # "According to the Gazette, I just saw the reports ...": the source is not
                    # the "I" who speaks; its own cue, if any, names the speaker, else nobody
                    return attribute_verbal(doc, start, e, e, root) or [Unit(range_(start, e), root)]
                units = [Unit(range_(start, e), root, speaker, "according to", quote_kind_of(doc, start, e, s, e))]
            elif b >= e - 1 or not any(doc[j].pos_ in ("VERB", "AUX") for j in range(b, e)) and (doc[b].text == "," or any(
                    c.dep_ == "appos" and doc[c.left_edge.i - 1].text == "," for c in pobj.children)):
                # "..., according to X." (or "..., according to X, part of the inquiry into Y.": a
                # verbless appositive after it, which the parse did not hang on X)
                inner = attribute_verbal(doc, s, a, e, root)
                if inner:
                    return inner
                units = [Unit(range_(s, a), root, speaker, "according to", quote_kind_of(doc, s, a, s, e))]
            else:
                units = [Unit(range_(s, a) + range_(b, e), root, speaker, "according to", "indirect")]
            return units
    return attribute_verbal(doc, s, e, e, root) or embedded_units(doc, s, e, root) or [Unit(range_(s, e), root)]


def _quoted_source(doc, tok, s: int, e: int) -> bool:
    """Is the "according to X" at ``tok`` inside a quotation whose own speaker is known ("“We
    read the audit and now according to the county it fails,” Lopez said.")? Then X is named
    by the quote's speaker, within the quoted words, and takes no clause of the quotation from
    that speaker (the clause keeps "according to X" in its text)."""
    region = next(((a, b) for a, b in quote_regions(doc) if a < tok.i < b), None)
    if region is None:
        return False
    return _speech_verb(doc, range(s, e), region) is not None or quote_attribution(doc, s, e) is not None


def embedded_units(doc, s: int, e: int, root) -> list[Unit]:
    """A cue with its own subject inside a clause that is not one: "Mexico kept its cool,
    though a panel found the US was in breach", "Patriot filed in Richmond, where experts
    say judges move fast", "economists who argue that ...": the reported clause is the
    cue's speaker's; the rest of the sentence stays a claim of its own."""
    for v in doc[s:e]:
        # (an active subject: "when the diagnosis was confirmed" reports nobody's words)
        if v.i == root.i or v.dep_ not in ("advcl", "conj", "relcl", "parataxis") or v.tag_ == "VBG" \
                or not is_cue(v, CLAUSE_CUES) or not any(c.dep_ == "nsubj" for c in v.children):
            continue
        if v.dep_ == "relcl" and v.head.pos_ == "NOUN" and v.head.i < v.i and v.left_edge.i - 1 >= s \
                and doc[v.left_edge.i - 1].text not in (",", "(", "—", "--", "-") \
                and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in v.children) \
                and not any(c.dep_ == "expl" for c in v.head.head.children) \
                and not any(t.ent_type_ == "PERSON" and t.i < v.i for t in getattr(find_speaker(v), "subtree", ())):
            # "The paper found two workers who said they were fired": a say-verb inside a
            # restrictive relative clause tells which workers; it is no cue for the sentence,
            # which cut there ("The paper found two workers") says nothing. It stays whole. (Not
            # "the day the campaign announced ...", "a plan that aides say ...", whose cue has a
            # speaker of its own; nor "Carafano who said ...", a name's clause with its comma left
            # out, or "critics like Ms. Cole who said ...", whose clause is a named person's; nor
            # "There are economists who argue that ...", whose main clause only brings in the speaker.)
            continue
        units = verb_units(doc, v, s, e)
        if not units:
            continue
        cut = subtree(v)
        hi = max(cut)
        if any(a in cut and b > hi + 1 and any(doc[j].is_alpha for j in range(hi + 1, min(b, e))) for a, b in quote_regions(doc)):
            # "…, a civic group, which said it was “wrong to claim that water does not matter.”":
            # the parse ended the cue's clause inside the quotation it opens; cut there, the
            # quotation's tail is glued onto the main clause. The sentence stays whole.
            return [Unit(range_(s, e), root)]
        lo = min(cut)
        while lo - 1 >= s and doc[lo - 1].text in (",", "—", "--", "-") or lo - 1 >= s and doc[lo - 1].dep_ in ("cc", "mark") \
                and doc[lo - 1].head.i in (v.i, v.head.i) and lo - 1 not in cut:
            lo -= 1
            cut.add(lo)
        main = Unit([i for i in range(s, e) if i not in cut], root)
        return [main] + units
    return []


def nested(doc, verb, speaker_tok, s, e) -> bool:
    """An attribution inside a quotation ("\u201cI think we will win\u201d"): the quoted speaker's own
    words, not an attribution of the claim; the outer speaker owns it."""
    if speaker_tok is None:
        return False
    # (the paragraph's quotations, not the sentence's marks alone: a sentence of a quotation
    # opened in a sentence before, "\u201cA. I think B.\u201d", and one that ends it, "B,\" X said")
    def quoted(i):
        return any(a < i < b for a, b in quote_regions(doc))
    return quoted(verb.i) and (quoted(speaker_tok.i) or speaker_tok.lower_ in FIRST_SECOND)


def is_cue(verb, lemmas) -> bool:
    return verb.pos_ in ("VERB", "AUX") and lem(verb) in lemmas and not any(
        c.dep_ == "neg" for c in verb.children)


def verb_units(doc, verb, s, e) -> list[Unit]:
    """The content units of one cue verb (its reported clause, a description, a commissive's
    infinitive), each with the verb's speaker; [] when it reports nothing or has no speaker."""
    spk = find_speaker(verb)
    if spk is None:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in cues.ABSTRACT_NOUNS \
                and lem(verb) in SPEECH_VERBS:
            # "the political crosscurrents said the council will ...": a misparsed subject is no
            # speaker, yet the cue is no part of the claim; its content stands unattributed
            return [u.copy(speaker=None, cue=None, quote_kind="none") for u in verb_units_of(doc, verb, subj, s, e)]
        found = it_speaker(doc, verb, s)
        if found is None:
            return []
        spk, name = found
        return [u.copy(speaker=name) for u in verb_units_of(doc, verb, spk, s, e)]
    if nested(doc, verb, spk, s, e):
        return []
    units = verb_units_of(doc, verb, spk, s, e)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if units and subj is not None and subj.i != spk.i and subj.lower_ not in ("who", "that", "which") \
            and not (spk.dep_ == "appos" and spk.head.i == subj.i):
        # "generals, many of whom say ...": many of the generals
        name = f"{subj.text} of {speaker_text(spk)}"
        units = [u.copy(speaker=name) for u in units]
    return units


IT_CUES = {"say", "state", "note", "argue", "claim", "mention", "reference", "suggest", "show", "find", "report",
           "warn", "allege", "conclude", "predict", "estimate", "add", "indicate", "assert", "contend", "charge",
           "accuse", "describe", "call", "urge", "recommend", "acknowledge", "insist", "feature", "cite", "tell"}


def it_speaker(doc, verb, s: int):
    """'The ad then references A. It says B': a subject "it" of a speech cue stands for the
    thing the sentence before was about -- its subject, when that is a thing or an
    organisation (not a person, not a clause), in this paragraph or the one before.
    (the "it" token, the antecedent as worded), or None."""
    it = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "it"), None)
    if it is None or lem(verb) not in IT_CUES or it.i != s and doc[it.i - 1].lower_ not in (",", "and", "but"):
        return None
    if not any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children):
        return None
    prev_doc, prev_sent = doc, None
    sents = [x for x in doc.sents if x.end <= s]
    if sents:
        prev_sent = sents[-1]
    else:
        prev_doc = doc.user_data.get("claimtrack_prev")
        if prev_doc is None or not len(prev_doc):
            return None
        prev_sent = list(prev_doc.sents)[-1]
    root = prev_sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.tag_ in ("NNS", "NNPS") \
            or subj.ent_type_ in ("PERSON", "NORP", "GPE", "DATE") or subj.lower_ in PERSON_NOUNS \
            or any(c.dep_ == "conj" for c in subj.children):
        return None
    name = speaker_text(subj)
    if not name or len(name.split()) > 8:
        return None
    return it, name


def verb_units_of(doc, verb, spk, s, e) -> list[Unit]:
    lemma = lem(verb)
    if lemma in CLAUSE_CUES:
        units = content_units(doc, verb, spk, s, e)
        if units:
            return units
    if lemma in DESCRIBE_VERBS:
        units = describe_units(doc, verb, spk, s, e)
        if units:
            return units
    return intention_units(doc, verb, spk, s, e) or directive_units(doc, verb, spk, s, e)


def inverted_aside_units(doc, s: int, e: int, root) -> list[Unit]:
    """"Her comments, said Josh Earnest, the press secretary, are consistent with ...": the
    parse makes "Her comments" the subject of "said" and the speaker the subject of the rest;
    the speaker is the name after the cue, the claim "Her comments are consistent with ..."."""
    if not is_cue(root, SAY_VERBS) or root.i - 1 < s or doc[root.i - 1].text != ",":
        return []
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subj is None or subj.pos_ == "PRON" and subj.lower_ not in ("it",):
        return []
    cc = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i and clause_head(c)), None)
    if cc is None:
        return []
    x = next((c for c in cc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if x is None:  # "The rules, said Senator Hale, are a gift": the name hangs on the cue
        x = next((c for c in root.children if c.dep_ in ("nsubj", "dobj", "npadvmod", "attr") and c.i > root.i), None)
    if x is None or x.left_edge.i != root.i + 1 or not valid_speaker(x) or x.i > cc.i:
        return []
    after = x.right_edge.i + 1  # (the comma closing the speaker may hang on it or not)
    if after < e and doc[after].text == ",":
        after += 1
    elif doc[after - 1].text != ",":
        return []
    inside = subtree(cc)
    sb = subj.right_edge.i + 1
    while sb > subj.i + 1 and doc[sb - 1].is_punct:
        sb -= 1
    pieces = range_(subj.left_edge.i, sb) + [i for i in range(after, e) if i in inside]
    if not any(doc[i].pos_ in ("VERB", "AUX") for i in range(after, e) if i in inside):
        return []
    return [Unit(pieces, cc, speaker_text(x), cue_text(root), quote_kind_of(doc, after, e, s, e), composed=True)]


def _subject_aside(doc, root, s: int, end: int):
    """A reporting aside between a cue's subject and the cue ("The poll, Smith said, shows
    ...", "That approach, Harlan continued, suggests ..."): (aside verb, its subject, the
    tokens to cut: the aside and its commas) or None."""
    for v in root.children:
        if v.i > root.i:
            break
        if v.dep_ != "parataxis" or v.pos_ != "VERB" or lem(v) not in ASIDE_VERBS or any(
                c.dep_ in ("neg", "ccomp", "dobj", "xcomp") for c in v.children):
            continue
        lo, hi = v.left_edge.i, v.right_edge.i  # (the commas around it, on it or not)
        lo = lo if doc[lo].text == "," else lo - 1
        hi = hi if doc[hi].text == "," else hi + 1
        if lo < s or hi >= end or doc[lo].text != "," or doc[hi].text != ",":
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < lo for c in root.children):
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
        if subj is None or not valid_speaker(subj):
            continue
        return v, subj, set(range(lo, hi + 1))
    return None


def _fronted_subject(doc, root, s: int, end: int):
    """"The savings, Ms. Hale said, “do not cut a single benefit.”" parsed with the cue as the
    root, the fronted subject hung on it and the rest as its xcomp: the subject and the rest
    are the content, Hale its speaker (a Unit), or None."""
    if root.pos_ != "VERB" or lem(root) not in ASIDE_VERBS or root.i + 2 >= end or doc[root.i + 1].text != ",":
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subj is None or subj.pos_ != "PROPN" or not valid_speaker(subj):
        return None
    comma = subj.left_edge.i - 1
    front = next((c for c in root.children if c.dep_ in ("dep", "nsubj", "npadvmod") and c.i < comma
                  and c.left_edge.i == s and c.right_edge.i + 1 == comma and c.pos_ in ("NOUN", "PROPN")), None)
    rest = next((c for c in root.children if c.dep_ in ("xcomp", "ccomp") and c.i > root.i + 1), None)
    if comma <= s or doc[comma].text != "," or front is None or rest is None or rest.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in ("dobj", "dative") for c in root.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in rest.children):
        return None
    pieces = list(range(s, comma)) + list(range(root.i + 2, end))
    return Unit(pieces, rest, speaker_text(subj), cue_text(root), quote_kind_of(doc, root.i + 2, end, s, end),
                composed=True)  # (its subject is not the head's in the parse)


# prepositions that give a cue its own object ("argued for the wall", "spoke about taxes")
ARGUED_FOR = {"for", "against", "about", "over", "with"}


def attribute_verbal(doc, s, end, e, root) -> list[Unit]:
    """"X said (that) ...", "\"...,\" added X", "..., prosecutors say", "X described Y as Z",
    "X vowed to Y", "X did A and said B"."""
    # A negated cue ("did not confirm that ...") asserts nothing about its content:
    # the whole sentence stays one (negative) claim.
    if root.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in root.children):
        return []
    inverted = inverted_aside_units(doc, s, e, root)
    if inverted:
        return inverted
    lemmas = CLAUSE_CUES | set(DESCRIBE_VERBS) | cues.COMMISSIVE | DIRECTIVES
    if is_cue(root, lemmas):
        aside = _subject_aside(doc, root, s, end)
        if aside is not None:
            # "That approach, Harlan said, shows that ...": the aside's speaker says the whole
            # clause; the cue's subject ("That approach") is no speaker, the aside no content
            v, subj, cut = aside
            pieces = [i for i in range(s, end) if i not in cut]
            return [Unit(pieces, root, speaker_text(subj), cue_text(v), quote_kind_of(doc, s, end, s, e))]
        fronted = _fronted_subject(doc, root, s, end)
        if fronted is not None:
            return [fronted]
        units = verb_units(doc, root, s, e)
        if units:
            # "X is telling A and says B": each conjoined cue reports its own clause
            for conj in root.children:
                if conj.dep_ == "conj" and conj.i > root.i and is_cue(conj, lemmas) and conj.tag_ != "VBG":
                    more = verb_units(doc, conj, s, e)
                    if more:
                        cut = subtree(conj)
                        units = [u.copy([p for p in u.pieces if not (isinstance(p, int) and p in cut)])
                                 for u in units] + more
            if all(u.kind == "participial" for u in units) and lem(root) not in ("tell", "ask") \
                    and any(c.dep_ == "dobj" for c in root.children):
                # "Ms. Hale posted a long message on Sunday, writing that ...": the cue reports
                # nothing itself; its clause is a claim of its own, as for any verb
                drop = set()
                for c in root.children:
                    if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and lem(c) in SPEECH_VERBS | set(DESCRIBE_VERBS):
                        drop |= subtree(c)
                units = [Unit([i for i in range(s, end) if i not in drop], root)] + units
            return [u for u in units if max(u.token_set(), default=s) < end] or units
    # "X appeared to suggest that ...", "X went on to explain that ...": the cue is the
    # infinitive, the speaker the subject of the verb it hangs off
    for x in root.children:
        if any(c.dep_ in ("dobj", "dative") and c.i < x.i for c in root.children):
            break  # "X urged Y to point out that ...": Y would point it out, not X
        if x.dep_ == "xcomp" and is_cue(x, CLAUSE_CUES) and any(g.tag_ == "TO" for g in x.children):
            spk = find_speaker(root)
            if spk is None or nested(doc, x, spk, s, e):
                continue
            units = content_units(doc, x, spk, s, e, cue=f"{cue_text(root)} to {x.text}")
            if units:
                return [u for u in units if max(u.token_set(), default=s) < end] or units
    # "X did A and said B": X owns B; "X did A" stays a claim of its own
    for conj in root.children:
        if conj.dep_ != "conj" or conj.i < root.i or not is_cue(conj, lemmas) or conj.tag_ == "VBG":
            continue
        units = verb_units(doc, conj, s, e)
        if not units:
            continue
        cut = subtree(conj)
        later = [c.right_edge.i for c in root.children if c.dep_ == "conj" and c.i > conj.i and c.pos_ in ("VERB", "AUX")]
        if later:
            # "The mayor is airing an ad that mocks the council, vows to “end the tax,” and attacks
            # the plan": with the cue cut out of the middle of a list of verbs, the verbs after it
            # ("…,” and attacks the plan") would be glued onto the first; they go with the cue
            cut |= set(range(conj.i, max(later) + 1))
        for c in root.children:  # the "and" (and a comma) before the conjoined cue
            if c.dep_ in ("cc", "punct") and c.i < conj.i and c.i > max((t.i for t in root.children if t.i < conj.i
                                                                         and t.dep_ not in ("cc", "punct")), default=root.i):
                cut.add(c.i)
        main = Unit([i for i in range(s, end) if i not in cut], root)
        return [main] + units
    # "Moschetto was arrested ..., prosecutors say" / "..., The Post has learned": the cue
    # hangs off the content
    for child in root.children:
        if (child.dep_ in ("parataxis", "advcl", "ccomp") and child.i > root.i
                and is_cue(child, cues.FINAL_CUES | SPEECH_VERBS)
                # ("…, the controversy grew when a paper reported the issue": a clause opened by
                # "when", "after", "because" tells when or why, never who said the main clause)
                and not _subordinate(child)
                and (child.tag_ in ("VBP", "VBZ", "VBD") or child.tag_ == "VBN" and any(
                    c.dep_ == "aux" and c.lemma_ == "have" for c in child.children))
                and not any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in child.children)
                # "… turned tense as the mayor argued for his budget": the cue has its own
                # object (what was argued for), so it reports nothing of the main clause
                and not any(g.dep_ == "prep" and g.i == child.i + 1 and g.lower_ in ARGUED_FOR for g in child.children)):
            spk = find_speaker(child)
            if spk is None or nested(doc, child, spk, s, e):
                continue
            a, b = subtree_range(child)
            kind = "indirect"
            if spk.dep_ == "conj":
                # ("“… should trouble every voter,” Chairman Dean Marsh said", see ``find_speaker``):
                # the quotation's last words, parsed as the cue's subject, stay in the content
                qb = next((qb for qa, qb in quote_regions(doc) if qa < spk.head.i < qb < spk.i and a <= qb), None)
                if qb is not None:
                    a = qb
                    kind = quote_kind_of(doc, s, qb + 1, s, e)
            pieces = [i for i in range(s, end) if not a <= i < b]
            return [Unit(pieces, root, speaker_text(spk), cue_text(child), kind)]
    # "X opened the hearing by saying (that) ...": the speaker of the main verb owns the clause
    for p in root.children:
        if p.dep_ != "prep" or p.lower_ != "by" or p.i < root.i:
            continue
        pc = next((c for c in p.children if c.dep_ == "pcomp" and c.tag_ == "VBG" and is_cue(c, SAY_VERBS)), None)
        spk = find_speaker(root) if pc is not None else None
        if spk is None or nested(doc, pc, spk, s, e):
            continue
        units = content_units(doc, pc, spk, s, e, cue=f"{cue_text(root)} by {cue_text(pc)}")
        if units:
            cut = subtree(p)
            main = Unit([i for i in range(s, end) if i not in cut], root)
            return [main] + units
    # Participial add-on to a non-speech clause: "X met Y, noting that ..."
    stance = None  # stances stay unattributed clauses (see STANCE_CUES)
    owner = find_speaker(root)
    if owner is None:
        owner = participle_owner(doc, root)
    extra = [u for u in content_units(doc, root, owner, s, e) if u.kind == "participial"]
    if extra:
        drop = set()
        for c in root.children:
            if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and lem(c) in SPEECH_VERBS | set(DESCRIBE_VERBS):
                drop |= subtree(c)
        main = Unit([i for i in range(s, end) if i not in drop], root)
        if stance is not None:
            main = main.copy(speaker=stance[0], cue=stance[1])
        return [main] + extra
    if stance is not None:
        return [Unit(range_(s, end), root, stance[0], stance[1], "none")]
    return []


# Stances without a proposition of their own: "X wants to ...", "X is endorsing Y", "X cited
# Y", "X called for Y". ``stance_of`` recognises them, but the extractor keeps such a claim
# as the reporter's statement of a fact about X ("The union is endorsing Clinton", no
# speaker): there is no proposition of X's to attribute, and a speaker on the whole clause
# would make "The union" the author of a claim about itself (the claims table of the
# extractor expects no speaker there). Measured on PolNeAR dev with the stance attributed
# (accepting the mention): speaker accuracy +2.7 points, attribution precision -3.7 points,
# content recall -1 point (docs/BENCHMARKS.md).
STANCE_CUES = {"want", "hope", "wish", "seek", "aim", "demand", "propose", "prefer", "promise", "pledge", "vow",
               "endorse", "praise", "criticize", "criticise", "blast", "slam", "condemn", "cite", "question", "accuse",
               "support", "oppose", "back", "attack", "applaud", "welcome", "denounce", "reject", "defend", "dismiss",
               "mock", "tout", "call", "urge", "favor", "favour", "embrace", "champion", "decry", "lambaste"}


def stance_of(doc, verb, s: int):
    """(speaker, cue) when ``verb`` states its subject's stance toward a thing or an action
    (an object, an infinitive, "call for"), with no reported clause; else None."""
    lemma = lem(verb)
    if lemma not in STANCE_CUES or verb.pos_ != "VERB" or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > verb.i or subj.pos_ == "PRON" or not valid_speaker(subj):
        return None  # ("He wants ...": the text would name its speaker only as "he")
    cue = cue_text(verb)
    if lemma == "call":
        pfor = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == verb.i + 1), None)
        if pfor is None:
            return None
        cue = f"{cue} for"
    elif not any(c.dep_ in ("dobj", "xcomp") and c.i > verb.i for c in verb.children):
        return None
    if lemma in ("want", "hope", "wish", "seek", "aim", "prefer") and not any(
            c.dep_ in ("xcomp", "dobj") for c in verb.children):
        return None
    return speaker_text(subj), cue


def quote_regions(doc) -> list[tuple[int, int]]:
    """(opening mark, closing mark) token indices of the double quotations of a paragraph;
    an unclosed one runs to the paragraph's end (len(doc))."""
    cached = doc.user_data.get("claimtrack_quote_regions")
    if cached is not None:
        return cached
    out, start = [], None
    for t in doc:
        if t.text == "\u201c" and start is not None and t.i > start + 1 and not doc[t.i - 1].whitespace_ \
                and doc[t.i - 1].text in (".", ",", "?", "!") and (t.whitespace_ or t.i + 1 == len(doc)):
            # "\u201cWho can promise that?\u201c he asked.": an opening mark typed for the closing
            # one (glued to the quote's last punctuation, a space after it) closes the quote
            out.append((start, t.i))
            start = None
        elif t.text in ("\u201c", "\u00ab", "``") or t.text in ('"', "''") and start is None:
            if start is None:
                start = t.i
        elif t.text in ("\u201d", "\u00bb", '"', "''") and start is not None:
            out.append((start, t.i))
            start = None
    if start is not None:
        out.append((start, len(doc)))
    doc.user_data["claimtrack_quote_regions"] = out
    return out


SPEECH_CUES = SPEECH_VERBS | cues.SPEECH
ACT_CUES = SPEECH_CUES | STANCE_CUES | cues.COMMISSIVE | DIRECTIVES  # a speaker's own act after a reported clause ("… and praised the union")


def quote_attribution(doc, s: int, e: int):
    """(speaker token, cue) of the quotation that holds the sentence [s, e) when the quote
    runs over several sentences and is attributed in one of them: "\u201cA. B,\u201d she said." /
    "She said: \u201cA. B.\u201d" / "\u201cA,\u201d she said. \u201cB.\u201d" (the next quote of the same paragraph,
    with no other speaker between); None otherwise."""
    words = [i for i in range(s, e) if not doc[i].is_punct]
    if not words:
        return None
    regions = quote_regions(doc)
    for k, (a, b) in enumerate(regions):
        inside = [i for i in words if a < i < b]
        if len(inside) < 0.8 * len(words):
            continue
        # after the closing mark, in the sentence that holds it: "..., she said."
        if b < len(doc):
            sent = doc[b].sent
            hit = _speech_verb(doc, range(b + 1, sent.end), (a, b))
            if hit:
                return hit
        # before the opening mark, in the sentence that holds it: "She said: \u201c..."
        sent = doc[a].sent
        hit = _speech_verb(doc, range(sent.start, a), (a, b))
        if hit:
            return hit
        # a quote continued after an attributed one of the same paragraph:
        # "\u201cA,\u201d she said. \u201cB.\u201d"
        if k > 0:
            pa, pb = regions[k - 1]
            if pb < len(doc) and doc[pb].sent.end == doc[a].sent.start:
                hit = _speech_verb(doc, range(pb + 1, doc[pb].sent.end), (pa, pb))
                if hit:
                    return hit
        return None
    return None


def _speech_verb(doc, window, region):
    """The first speech cue in ``window`` outside every quotation of the paragraph (a cue
    inside another quotation -- "\u201cYou'd think A,\u201d said X. \u201cB.\u201d" -- is the quoted
    speaker's words), with its speaker (also outside): (speaker token, cue) or None."""
    a, b = region
    regions = quote_regions(doc)
    for i in window:
        t = doc[i]
        if a <= i <= b or not is_cue(t, SPEECH_CUES) or any(qa < i < qb for qa, qb in regions):
            continue
        spk = find_speaker(t)
        if spk is None and t.tag_ == "VBG" and t.dep_ in ("advcl", "conj") and t.head.pos_ in ("VERB", "AUX") \
                and t.head.dep_ == "ROOT" and doc[t.i - 1].text == ",":
            spk = find_speaker(t.head)  # "X accused Y of Z, saying \u201cA. B.\u201d": X says B too
        if spk is not None and not a <= spk.i <= b and not any(qa < spk.i < qb for qa, qb in regions):
            return spk, cue_text(t)
    return None


SAY_VERBS = SPEECH_VERBS - {"believe", "think", "feel", "fear", "estimate", "predict", "recall", "promise", "vow"}
ASIDE_VERBS = SAY_VERBS | {"continue"}  # "That approach, Harlan continued, shows ..."


def aside_attribution(doc, unit: Unit, toks: set[int]):
    """A reporting clause left inside a claim ("The real problem, he said, is ...",
    "..., Fox said of Trump"): (cue verb, tokens to cut) or None."""
    head = unit.head
    for i in sorted(toks):
        v = doc[i]
        if v.i == head.i or lem(v) not in SAY_VERBS or v.pos_ != "VERB" or _subordinate(v):
            continue  # ("…, the dispute grew when a paper reported it": when, not who)
        if unit.speaker and any(v.i == cue_i for _, _, cue_i in inner_quotes(doc)):
            continue  # "“And Karen said, A,” Stone said": Stone reports Karen's words; A is not his
        content = [c for c in v.children if c.dep_ in ("ccomp", "parataxis") and c.i in toks]
        own = [c for c in v.children if c.dep_ in ("ccomp", "dobj", "xcomp") and c.i not in toks]
        if own:
            continue
        if any(c.dep_ in ("xcomp", "ccomp") and c.i > v.i and c.i != head.i and c.i in toks for c in v.children) and any(
                c.dep_ in ("dobj", "dative") for c in v.children):
            continue  # "…, or else a strong culture tells them what to do": a clause of its own, no aside
        lo, hi = v.left_edge.i, v.right_edge.i
        bracketed = v.dep_ == "parataxis" and lo > 0 and hi + 1 < len(doc) and "," in (doc[lo].text, doc[lo - 1].text) \
            and "," in (doc[hi].text, doc[hi + 1].text)  # "The difference now, he told me, is ..."
        if v.head.i == head.i and v.dep_ in ("parataxis", "advcl", "ccomp", "conj") or content and content[0].i == head.i \
                or bracketed:
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or not valid_speaker(subj):
                continue
            cut = {v.i}
            for c in v.children:
                if c.i == head.i or c.dep_ == "punct" and c.text not in (",", "—", "--"):
                    continue
                cut |= subtree(c)
            # the commas around it
            lo, hi = min(cut), max(cut)
            if lo - 1 in toks and doc[lo - 1].text in (",", "—", "--"):
                cut.add(lo - 1)
            elif hi + 1 in toks and doc[hi + 1].text in (",", "—", "--"):
                cut.add(hi + 1)
            cut |= _leading_frame(doc, toks, cut)
            return v, subj, cut
    return None


def quoted_tokens(doc, s: int, e: int) -> set[int]:
    """Token indices of [s, e) inside double quotation marks (a speaker's own words)."""
    out: set[int] = set()
    inside = False
    for t in doc[s:e]:
        if t.text in ("“", "«"):
            inside = True
        elif t.text in ("”", "»"):
            inside = False
        elif t.text == '"':
            inside = not inside
        elif inside:
            out.add(t.i)
    return out


# --- pronouns bound by the attribution --------------------------------------------------

PERSON_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "candidate", "nominee", "senator", "governor",
    "president", "mayor", "adviser", "advisor", "aide", "lawyer", "attorney", "director", "chairman",
    "chairwoman", "secretary", "leader", "manager", "source", "man", "woman", "congressman",
    "congresswoman", "representative", "lawmaker", "businessman", "businesswoman", "reporter", "author",
    "economist", "analyst", "professor", "expert", "judge", "prosecutor", "officer", "chief", "founder",
    "executive", "ceo", "actor", "actress", "host", "anchor", "pollster", "strategist", "republican",
    "democrat", "mother", "father", "wife", "husband", "daughter", "son", "friend", "resident", "voter",
    "supporter", "critic", "writer", "columnist", "editor", "commentator", "narrator", "veteran", "student",
    "teacher", "doctor", "nurse", "worker", "owner", "partner", "member", "minister", "ambassador",
}
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
        out.add(p.i)
    return out | _same_person(doc, out, toks, spk)


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


def _previous_sentence(doc, s: int):
    """The sentence before [s, ...): in this paragraph, else the last of the paragraph before."""
    sents = [x for x in doc.sents if x.end <= s]
    if sents:
        return sents[-1]
    prev = doc.user_data.get("claimtrack_prev")
    if prev is None or not len(prev):
        return None
    return list(prev.sents)[-1]


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
    elif before or quote_attribution(doc, s, e) is not None or any(t.text in QUOTES + "``" for t in doc[s:tok.i]):
        # "\u201cA,\u201d she said": the people the quotation names are not its speaker
        s = max(s, max([c.right_edge.i + 1 for c in before], default=s))
        s = max([t.i + 1 for t in doc[s:tok.i] if t.text in QUOTES + "``"], default=s)
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
