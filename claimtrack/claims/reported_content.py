"""Reported content: the clause (or clauses) a cue verb reports -- "X said (that) A",
"X vowed to A" (intention), "X described Y as Z", "X urged Y to A" (directives), nominal
cues ("X's claim that A") -- as ``Unit``s (``content_units``, ``verb_units``,
``nominal_units``), and the stances that report no proposition (``stance_of``)."""

from __future__ import annotations

import re

from claimtrack.claims import cues
from claimtrack.claims.filters import QUOTES
from claimtrack.claims.quotes import nested, quote_kind_of, quote_regions
from claimtrack.claims.speakers import (PARTY_LABEL, find_speaker, it_speaker, speaker_text, speaker_tokens,
                                        valid_speaker)
from claimtrack.claims.speech_words import (AS_VERBS, CLAUSE_CUES, DESCRIBE_VERBS, NON_SPEAKERS, PERSON_NOUNS,
                                            SAY_VERBS, SPEECH_CUES, SPEECH_VERBS, cue_text, is_cue, lem)
from claimtrack.claims.units import Unit, range_, subtree, subtree_range


def _as_did_aside(doc, child, a: int) -> int:
    """"X cautioned, as did the campaign itself, that A": the comparison set off before the
    clause's "that" is no part of A; the clause starts at its "that" (else ``a`` unchanged)."""
    mark = next((g for g in child.children if g.dep_ == "mark" and g.lower_ == "that" and g.i > a), None)
    if mark is None or doc[mark.i - 1].text != ",":
        return a
    aside = next((g for g in child.children if g.dep_ == "advcl" and g.left_edge.i == a and g.right_edge.i < mark.i
                  and g.lemma_.lower() in {"do", "have"} | SPEECH_VERBS), None)
    if aside is None or any(doc[j].text not in (",",) for j in range(aside.right_edge.i + 1, mark.i)):
        return a
    return mark.i


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
            if child.dep_ == "advcl" and _cue_phrase_before(doc, verb, child) is not None:
                a = doc[verb.i + 1].right_edge.i + 1  # (the phrase is the cue's: "said after the convention")
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
            if child.dep_ == "ccomp" and doc[a].lower_ == "as" and child.i > verb.i:
                a = _as_did_aside(doc, child, a)
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
                for conj in child.children:
                    if conj.dep_ == "conj" and conj.i > child.i and refusal(conj) and conj.i in pieces \
                            and doc[conj.i - 1].lower_ == "but" \
                            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in conj.children) \
                            and any(g.dep_ == "nsubj" and g.lower_ in ("he", "she", "they") for g in child.children):
                        # "X said he backed A but stopped short of B" / "... but declined to say
                        # more": the narrator's account of what X did not say, never X's words;
                        # it goes, and stands as X's own act (only after X's own "he": after "the
                        # city tried A but refused B" the city may be the one who refused)
                        who = [t.i for t in speaker_tokens(speaker_tok)]
                        cut = subtree(conj) | {conj.i - 1}
                        if doc[conj.i - 2].text == ",":
                            cut.add(conj.i - 2)
                        pieces = [i for i in pieces if i not in cut]
                        if who and max(who) < verb.i:
                            more.append(Unit(who + [i for i in range(conj.i, conj.right_edge.i + 1)], conj, composed=True))
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


# what a speaker stopped short of, declined or refused to say: a narrator's account of the
# speaker's act, not reported content ("X said A but stopped short of B")
REFUSALS = {"decline", "refuse"}


def refusal(verb) -> bool:
    """Is ``verb`` "declined/refused to ..." or "stopped short (of ...)"?"""
    low = verb.lemma_.lower()
    if low in REFUSALS:
        return any(c.dep_ in ("xcomp", "dobj") for c in verb.children)  # (not "revenue declined")
    return low == "stop" and any(c.lower_ == "short" for c in verb.children)


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
    return (child.dep_ == "advcl" and child.i > verb.i and verb.i + 1 < len(doc)
            and (doc[verb.i + 1].text in (",", ":") or _cue_phrase_before(doc, verb, child) is not None)
            and lem(verb) in cues.SPEECH and not any(c.dep_ == "mark" for c in child.children)
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children) and child.tag_ != "VBG")


def _cue_phrase_before(doc, verb, child):
    """"Trump said after the convention he would not ...": a prepositional phrase right after the
    cue, hung by the parse on the reported clause (a modal clause with its own subject right
    after the phrase), tells when the cue spoke -- the phrase's first token, else None."""
    p = doc[verb.i + 1]
    if p.dep_ != "prep" or p.head.i != child.i or not any(c.dep_ == "aux" and c.tag_ == "MD" for c in child.children):
        return None
    subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.left_edge.i != p.right_edge.i + 1 or subj.i > child.i:
        return None
    return p


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
              and any(g.tag_ == "TO" and (g.i == c.i - 1 or g.i == c.i - 2 and doc[c.i - 1].text in ("\u201c", '"', "``", "''"))
                      for g in c.children)), None)
    if x is None or any(g.tag_ in ("WP", "WRB", "WDT") and g.i < x.i for g in x.subtree):
        return []  # ("tells them what to do", "told him how to vote": no directive of X's)
    neg = any(g.dep_ == "neg" and g.i == x.i - 2 for g in x.children)  # "urged Y not to Z"
    a, b = subtree_range(addressee)
    _, xb = subtree_range(x)
    modal = ["should", "not"] if neg else ["should"]
    xa = x.i - 1 if doc[x.i - 1].text in ("\u201c", '"', "``", "''") else x.i
    return [Unit(range_(a, b) + modal + range_(xa, xb), x, speaker_text(speaker_tok), f"{cue} … to", "indirect",
                 composed=True)]


# nouns of speech and belief that carry their content in a "that" clause ("Trump's claim that ...")
CLAIM_NOUNS = {"claim", "claims", "assertion", "assertions", "contention", "insistence", "argument", "allegation",
               "allegations", "prediction", "declaration", "statement", "charge", "charges", "suggestion", "promise",
               "pledge", "vow", "warning", "belief", "view", "complaint", "accusation", "boast", "admission"}

# the cue stored for a noun: its verb ("Moore's assertion that A": Moore asserted A), so the
# claim's statement never reads the noun as a verb ("Moore assertion A")
NOUN_CUE_VERBS = {"claim": "claimed", "assertion": "asserted", "contention": "contended", "insistence": "insisted",
                  "argument": "argued", "allegation": "alleged", "prediction": "predicted", "declaration": "declared",
                  "statement": "stated", "charge": "charged", "suggestion": "suggested", "promise": "promised",
                  "pledge": "pledged", "vow": "vowed", "warning": "warned", "belief": "believed", "view": "believed",
                  "complaint": "complained", "accusation": "alleged", "boast": "boasted", "admission": "admitted"}


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
        cue = NOUN_CUE_VERBS.get(n.lower_.removesuffix("s") if n.lower_ not in NOUN_CUE_VERBS else n.lower_, n.text)
        out.append(Unit(pieces, clause, speaker, cue, quote_kind_of(doc, a + 1, b, s, e)))
    return out


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
ACT_CUES = SPEECH_CUES | STANCE_CUES | cues.COMMISSIVE | DIRECTIVES  # a speaker's own act after a reported clause ("… and praised the union")
