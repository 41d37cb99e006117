"""Speakers: whether a token can be one (``valid_speaker``), the subject or agent of a cue
(``find_speaker``), the words of the speaker phrase (``speaker_tokens`` / ``speaker_text``),
"it" as a document's speaker, who said a quotation spread over sentences
(``quote_attribution``) and the speaker that opens or signs a paragraph (``paragraph_speaker``)."""

from __future__ import annotations

import re

from claimtrack.claims import cues
from claimtrack.claims.filters import QUOTES
from claimtrack.claims.quotes import quote_regions
from claimtrack.claims.speech_words import (CONDITION_MARKS, DASHES, DATELINE_WORD, NAME_CIRCUMSTANCE, NON_SPEAKERS,
                                            PERSON_NOUNS, SPEAKER_POS, SPEECH_CUES, cue_text, is_cue, lem)
from claimtrack.claims.units import subtree, subtree_range


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


# passive cues whose subject holds the attitude ("she is worried that", "he is committed to")
PASSIVE_HOLDERS = {"worry", "commit", "determine", "quote"}


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
        if child.dep_ == "nsubjpass" and lem(verb) not in PASSIVE_HOLDERS and any(c.dep_ == "auxpass" for c in kids) \
                and not any(c.tag_ == "VBG" and c.dep_ != "ccomp" for c in kids):
            # "Cantor had been considered the top candidate", "He was told that A": the subject of
            # a passive cue is what is said or thought of, or the one told -- never who says it
            # (but "X is shown saying A", "X was heard telling": X speaks)
            return None
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
              or t.text in QUOTES + "``''" and t.dep_ != "case"]  # ("attendants' union": a possessive)
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
    if out is None and text.lstrip()[:1] in ("\"", "\u201c"):
        out = _quote_run_on(doc)
    doc.user_data["claimtrack_paragraph_speaker"] = out
    return out


def _quote_run_on(doc):
    """A paragraph that opens a quotation and does not close it, right after a paragraph whose
    last sentence is a quotation signed after its closing mark by a name, and before one that
    closes it with no cue ("\u201cA,\u201d Trump wrote on Twitter." / "\u201cB." / "C!\u201d"): the
    same speaker's words running on -- (speaker, cue, no cut, 0, len(doc)), else None. (When the
    next paragraph signs the quotation -- "C,\u201d Reyes added." -- it is someone else's.)"""
    nxt = (doc.user_data.get("claimtrack_next_text") or "").strip()
    if not nxt or nxt[-1] not in ("\"", "\u201d") or sum(nxt.count(q) for q in "\"\u201c\u201d") != 1:
        return None
    regions = quote_regions(doc)
    prev = doc.user_data.get("claimtrack_prev")
    if len(regions) != 1 or regions[0][0] > 1 or regions[0][1] != len(doc) or prev is None or not len(prev):
        return None
    pregions = quote_regions(prev)
    last = list(prev.sents)[-1]
    if not pregions or not last.start <= pregions[-1][1] < len(prev):
        return None
    pa, pb = pregions[-1]
    hit = _speech_verb(prev, range(pb + 1, last.end), (pa, pb))
    if hit is None or hit[0].pos_ != "PROPN":
        return None
    return speaker_text(hit[0]), hit[1], set(), 0, len(doc)


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


def _previous_sentence(doc, s: int):
    """The sentence before [s, ...): in this paragraph, else the last of the paragraph before."""
    sents = [x for x in doc.sents if x.end <= s]
    if sents:
        return sents[-1]
    prev = doc.user_data.get("claimtrack_prev")
    if prev is None or not len(prev):
        return None
    return list(prev.sents)[-1]
