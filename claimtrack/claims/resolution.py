"""Claim-level resolution: which pronouns/descriptions of a claim become names (certain
ones only, once per claim, never inside quotes), and who a speaker mention is."""

from __future__ import annotations

import re

from claimtrack.claims import resolve


def mentioned_people(doc, pieces, upto: int, ctx: resolve.Context, people_spans) -> set[str]:
    """Canonical names of the people already named in the claim before piece ``upto``."""
    toks = {p for p in pieces[:upto] if isinstance(p, int)}
    out = set()
    for ent, text, _ in people_spans:
        if ent.start in toks:
            out.add(ctx.canonical(text) or text)
    return out


OPENING, CLOSING = "“«", "”»"


def open_quote_end(doc, s: int, e: int) -> int:
    """If sentence [s, e) starts inside a quotation opened in an earlier sentence of the
    paragraph ("How come ...? This is one of the ... there's no records of his birth."),
    the token index where that quotation closes (or ``e``); else ``s``."""
    start = doc[s].idx
    if not start:
        return s
    text = doc.user_data.get("claimtrack.text")  # built once per paragraph, not once per claim
    if text is None:
        text = doc.user_data["claimtrack.text"] = doc.text
    before = text[:start]
    curly = sum(before.count(c) for c in OPENING) - sum(before.count(c) for c in CLOSING)
    if curly <= 0 and before.count('"') % 2 == 0:
        return s
    for t in doc[s:e]:
        if t.text in CLOSING or t.text in ('"', "''") and curly <= 0 or t.text == "''":
            return t.i
    return e


def its_owner(doc, tok, s: int, claim: set[int]) -> str | None:
    """For "its" in a clause split from its sentence ("The company cut 200 jobs, and its chief
    executive resigned"), the one singular thing the sentence's subject names before it
    ("the company's"), when no other singular thing stands between; else None."""
    subj = next((t for t in doc[s:tok.i] if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    if subj is None or subj.i in claim or subj.pos_ not in ("NOUN", "PROPN") or subj.tag_ not in ("NN", "NNP") \
            or subj.ent_type_ in ("PERSON", "NORP") or subj.lower_ in resolve.PERSON_NOUNS | resolve.ROLE_NOUNS:
        return None
    if any(t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NN", "NNP") and t.i not in range(subj.left_edge.i, subj.i + 1)
           for t in doc[subj.i + 1:tok.i]):
        return None  # "The company sued the city, and its lawyer ...": whose lawyer?
    words = [t.text for t in doc[subj.left_edge.i:subj.i + 1]]
    if any(not (t.is_alpha or t.text in ("-", ".", "&")) for t in doc[subj.left_edge.i:subj.i + 1]):
        return None
    if words and doc[subj.left_edge.i].pos_ == "DET":
        words[0] = words[0].lower()
    return " ".join(words) + "'s"


THING_ENTS = ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "LAW")


def thing_speaker(doc, s: int, e: int, mention: str) -> bool:
    """Is the speaker mention no one person: a named organisation, place or work ("The Times",
    "the Pentagon"), a document ("the report", "the statement"), or a plural common noun
    ("Police", "the prosecutors": never a he/she)?"""
    from claimtrack.claims.cues import DOCUMENT_NOUNS

    words = mention.split()
    if words[-1].lower() in DOCUMENT_NOUNS and words[0].lower() in ("the", "a", "an", "this", "that"):
        return True
    head = next((t for t in doc[s:e] if t.text == words[-1]), None)
    if head is not None and head.pos_ == "NOUN" and head.tag_ == "NNS" and head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return head is not None and head.ent_type_ in THING_ENTS and all(
        t.ent_type_ in THING_ENTS or t.lower_ in ("the", "a") for t in doc[head.i - len(words) + 1:head.i + 1])


def named_thing_sub(doc, tok, s: int, e: int, ctx: resolve.Context, claim, quoted) -> dict[int, str] | None:
    """A bare "the forum" / "that committee" of a claim whose noun the article named earlier in
    one fuller phrase only ("the African Wildlife Consultative Forum", "Arizona's immigration law",
    "the Department of Homeland Security"): the substitutions that name it; else None."""
    low = tok.lower_
    if tok.tag_ != "NN" or tok.ent_type_ or low in resolve.THING_STOP or low in resolve.ROLE_NOUNS \
            or low in resolve.PERSON_NOUNS or low in resolve.GENERIC_ROLES or low in resolve.DOC_NOUNS \
            or low in resolve.DOC_WORDS or low in ("lawsuit", "suit", "report", "memo"):
        return None
    i = tok.i
    det = doc[i - 1] if i > s else None
    if det is None or det.dep_ != "det" or det.lower_ not in ("the", "that") or det.i not in claim or det.i in quoted:
        return None
    if tok.dep_ == "compound":  # "the committee chairman" (the determiner is the chairman's)
        if det.head.i != tok.head.i or tok.head.i <= i or any(True for _ in tok.children):
            return None
    elif det.head.i != i or len(list(tok.lefts)) != 1 or any(
            c.dep_ not in ("case", "punct") and not (c.dep_ in ("relcl", "appos") and doc[i + 1].text == ",")
            for c in tok.rights):
        # "the latest meeting", "the hearing on Wednesday": its own words (a relative clause or
        # an appositive after a comma, split off as a claim of its own, is no part of the claim)
        return None
    if any(t.lower_ == low and resolve._named_form(t) is not None for t in doc[s:e] if t.i != i):
        return None  # the sentence names (or mentions another) one itself (a bare "the committee" is the same one)
    name = resolve.named_thing(ctx, low)
    if name is None:
        return None
    if not name.startswith("the ") and "'s " not in name and "\u2019s " not in name:
        name = "the " + name  # "at St. Louis Community College" -> "the St. Louis Community College"
    if tok.dep_ == "compound":
        if not name.startswith("the ") or not name.split()[-1][:1].isupper():
            return None  # "the committee chairman" -> "the House Ethics Committee chairman"; never "the Pentagon funding battle"
        if any(f" {p} " in name for p in ("of", "on", "for")):
            head = tok.head
            if head.i != i + 1 or head.i not in claim or head.tag_ != "NN" or any(
                    c.i not in (det.i, i) for c in head.lefts):
                return None
            # "the committee chairman" -> "the chairman of the House Select Committee on Benghazi"
            return {det.i: det.text, i: "", head.i: f"{head.text} of {name}"}
    if det.text[:1].isupper():
        name = name[:1].upper() + name[1:]
    return {det.i: "", i: name}


def resolution_subs(doc, pieces, s: int, e: int, ctx: resolve.Context, *, quoted: set[int] = frozenset(),
                     direct: bool = False, speaker: str | None = None, people_spans=(),
                     kept: set[int] | None = None, speaker_mention: str | None = None,
                     things: set[int] | None = None) -> dict[int, str]:
    """Names for the pronouns and descriptions of a claim: only certain ones, never inside
    a quotation (the speaker's words), and a person once per claim -- a later pronoun for a
    person the claim (or its speaker) already names stays a pronoun."""
    subs: dict[int, str] = {}
    if direct:
        return subs
    opened = open_quote_end(doc, s, e)
    if opened > s:  # the sentence continues a quotation opened before it: the speaker's words
        quoted = set(quoted) | set(range(s, opened))
    idx = sorted(p for p in pieces if isinstance(p, int))
    pos = {p: k for k, p in enumerate(pieces) if isinstance(p, int)}
    done: set[int] = set()
    named: set[str] = set()  # people the claim already names, by a substitution
    named_things: set[str] = set()  # nouns of things the claim already named ("the forum")
    # "the spokesman is Nick Merrill" (an appositive/title claim) names its person already:
    # its description is never another name ("Clinton is Nick Merrill")
    composed = any(isinstance(p, str) for p in pieces)

    def base(name: str) -> str:
        return name.removesuffix("'s")

    def later(i: int, name: str) -> bool:
        """Is ``name`` named in the claim after piece ``i``? ("a letter sent from him to
        Rosenstein": him is not Rosenstein; "after his speech, Christie said": his is)."""
        toks = {p for p in pieces[pos[i] + 1:] if isinstance(p, int)}
        return any(ent.start in toks and (ctx.canonical(text) or text) == base(name) for ent, text, _ in people_spans)

    def already(i: int, name: str) -> bool:
        last = base(name).split()[-1:]
        if last and any(isinstance(p, int) and doc[p].text == last[0] for p in pieces[:pos[i]]):
            return True  # "Trump changed his mind" (Trump not tagged a person): named already
        have = named | mentioned_people(doc, pieces, pos[i], ctx, people_spans)
        if speaker:
            have.add(ctx.canonical(speaker) or speaker)
        return any(base(name) == h or base(name).split()[-1:] == h.split()[-1:] and
                   (ctx.canonical(h) or h) == base(name) for h in have)

    for i in idx:
        if i in done or i in quoted:
            continue
        tok = doc[i]
        if tok.lower_ == "its" and tok.dep_ == "poss":
            # (a speaker's own "its" stays: "The company says its policies ...")
            owner = its_owner(doc, tok, s, set(idx)) if not speaker_mention else None
            if owner is not None:
                subs[i] = owner  # "The company cut 200 jobs, and its chief executive resigned" -> "the company's"
            continue
        if tok.lower_ in resolve.PRONOUNS and tok.pos_ == "PRON" or tok.lower_ in ("his", "her") and tok.dep_ == "poss":
            name = resolve.resolve_pronoun(ctx, doc, tok, s, e)
            if not name or i == idx[-1]:  # a claim-final pronoun keeps its wording (its span ends there)
                continue
            clitic = doc[i + 1].text.lower() if not tok.whitespace_ and i + 1 < len(doc) else ""
            if clitic[:1] in ("'", "’"):
                # "He'll make the announcement" -> "Chris Christie will make ..." (never "Christie'll");
                # another clitic ("he's": is or has?) keeps the pronoun
                if clitic[1:] != "ll" or i + 1 not in idx:
                    continue
                subs[i + 1] = " will"
            if speaker_mention and not speaker and tok.dep_ in ("nsubj", "nsubjpass") and name != speaker_mention \
                    and not (already(i, name) and thing_speaker(doc, s, e, speaker_mention)):
                # "the House speaker said she doesn't tell her colleagues ...": "she" is most
                # likely the speaker nobody could name, not the person named before; but a
                # newspaper, a report or "police" is no "him", and a pronoun for the person the
                # claim names before it stays a pronoun ("The Times wrote that Trump had claimed a
                # loss, which allowed him to avoid taxes": kept as worded, never replaced)
                continue
            if later(i, name):
                # "He raised $200,000, while Cantor spent $1 million": a pronoun before the
                # name is most often someone else; left unresolved (and then not kept)
                continue
            if already(i, name):
                named.add(base(name))
                if kept is not None:
                    kept.add(i)
                continue
            subs[i] = name
            named.add(base(name))
            continue
        if i > s and i != idx[-1] and doc[i - 1].lower_ in ("the", "that") and tok.pos_ == "NOUN" \
                and tok.lower_ not in named_things and ctx.noun_occurrences(tok.lower_):
            # (a bare "the X" only, checked first: it is rare; a claim-final one keeps its wording,
            # as a claim-final pronoun does: the claim's span ends on it)
            thing = named_thing_sub(doc, tok, s, e, ctx, pos, quoted)
            if thing is not None:
                named_things.add(tok.lower_)  # once per claim ("the committee's action ... notified the committee")
                subs.update(thing)
                done |= set(thing)
                if things is not None:
                    things |= set(thing)
                continue
        span = resolve.description_span(tok, loose=True) if tok.pos_ == "NOUN" and not composed else None
        if span is None:
            continue
        a, b = span
        if not all(j in pieces for j in range(a, b)) or any(j in quoted for j in range(a, b)):
            continue
        name = resolve.resolve_description(ctx, tok)
        if not name or " and " not in name and (already(a, name) or later(a, name)):
            continue
        if any(doc[j].dep_ == "poss" and doc[j].pos_ == "PROPN" and doc[j].head.i == tok.i for j in range(a, b)) \
                and resolve.by_role_of(ctx, tok.lower_) == name:
            continue  # "Hunter's attorney" is Hunter's, not the one attorney the article titled
        named.add(base(name))
        # "the official" -> "Yuri Ushakov"; a possessive stays one ("the official's" keeps 's)
        if b - 1 == idx[-1]:
            # claim-final: "between Vladimir Putin and Donald Trump, the two leaders", so the
            # claim still ends with its evidence
            subs[a] = f"{name}, {doc[a].text}"
            for j in range(a + 1, b):  # kept as worded, but not typed again ("two" is no quantity)
                subs[j] = doc[j].text
            done |= set(range(a, b))
            continue
        # the name stands on the description's last word, so a possessive after it stays
        # attached ("after Barack Obama's debate", not "Barack Obama 's debate")
        for j in range(a, b - 1):
            subs[j] = ""
        subs[b - 1] = name
        done |= set(range(a, b))
    return subs


def unsure_pronouns(doc, pieces, s: int, ctx: resolve.Context, subs: dict[int, str], exempt, people_spans) -> set[int]:
    """The he/she/him/her/his of a claim split off as a later verb conjunct of its sentence that
    borrows the first one's subject ("Tom Baker has denounced Mr. Cole for months, and on Monday expressed satisfaction that he
    had been fired" -> "Tom Baker on Monday expressed satisfaction that he had been fired"), left as
    worded (not resolved, not quoted, not kept for the claim's speaker: ``exempt``), while the
    conjunct cut off before it names a person the pronoun may stand for (gender fitting or
    unknown) whom the claim itself does not name: alone, the claim reads he as Baker; it may
    well be Cole. Such a claim cannot stand alone."""
    toks = {p for p in pieces if isinstance(p, int)}
    cands = [i for i in toks if i not in subs and i not in exempt and doc[i].lower_ in resolve.PRONOUNS
             and doc[i].pos_ == "PRON"]
    if not cands or not people_spans:
        return set()
    # the claim's verb conjunct: a verb of the claim conjoined to a verb the claim leaves out
    heads = [doc[i] for i in toks if doc[i].dep_ == "conj" and doc[i].pos_ in ("VERB", "AUX")
             and doc[i].head.i not in toks and doc[i].head.pos_ in ("VERB", "AUX") and doc[i].head.i < i]
    if len(heads) != 1:
        return set()
    v2 = heads[0]
    v1 = v2.head
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v2.children):
        return set()  # (a conjunct with its own subject reads as in its sentence: "..., and Romney surprised ...")
    cut = [c for c in v1.children if c.i not in toks and c.i != v2.i and c.i < v2.i
           and c.dep_ not in ("nsubj", "nsubjpass", "cc", "punct", "aux", "auxpass", "neg", "conj")]
    if not cut:
        return set()
    spans = {t.i for c in cut for t in c.subtree}
    named = {v.removesuffix("'s") for v in subs.values() if v}
    named |= {ctx.canonical(t) or t for ent, t, _ in people_spans if ent.start in toks}
    rivals = [ctx.canonical(t) or t for ent, t, _ in people_spans if ent.start >= s and ent.root.i in spans]
    out = set()
    for i in cands:
        if not any(t.i == v2.i for t in doc[i].ancestors):
            continue
        if any(r not in named and ctx.gender_fits(r, doc[i].lower_) for r in rivals):
            out.add(i)
    return out


def _speaker_pronoun_window(doc, cands, s: int, e: int):
    """The speaker pronoun among ``cands`` (the subject outside quotation marks, before any
    one inside them) and the part of the sentence [a, b) whose people it may stand for: never
    the people named inside its own reported words ("“..., President Trump,” he wrote":
    he is not Trump), as ``attribution._pronoun_speaker`` reads them."""
    from claimtrack.claims.attribution import QUOTES, quoted_tokens

    quoted = quoted_tokens(doc, s, e)
    tok = next((t for t in cands if t.i not in quoted and t.dep_ in ("nsubj", "nsubjpass")),
               next((t for t in cands if t.i not in quoted), cands[0]))
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return tok, s, e
    verb = tok.head
    after = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i > verb.i]
    before = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < tok.i]
    a, b = s, e
    if after:
        b = min(b, after[0].left_edge.i)  # "..., he wrote that Trump ...": not Trump
    a = max([a] + [c.right_edge.i + 1 for c in before])
    a = max([a] + [t.i + 1 for t in doc[a:tok.i] if t.text in QUOTES + "``" or t.i in quoted])
    return tok, a, max(b, tok.i + 1)


def _appositive_person(doc, mention: str, sent_people, ctx: resolve.Context) -> str | None:
    """The one person named in apposition right after the speaker mention ("one of the women,
    Ann Rowe, said", "a neighbor, Tom Baker, said"), else None."""
    m = mention.strip()
    for ent, text, _ in sent_people:
        r = ent.root
        if r.dep_ != "appos" or any(c.dep_ == "conj" for c in r.children) or r.head.i > ent.start:
            continue
        h = r.head
        a = h.left_edge.i
        while a < h.i and doc[a].is_punct:  # (a closing quotation mark the parse hung on it)
            a += 1
        if h.pos_ not in ("NOUN", "NUM", "PRON") or doc[a:ent.start].text.rstrip(" ,") != m:
            continue
        return ctx.canonical(text) or text
    return None


def owned_document(doc, ctx: resolve.Context, mention: str, s: int, e: int) -> str | None:
    """Whose "the statement from Grimm's attorney, William McGinley" (a document speaker whose
    own words say who issued it, by a name or a named appositive) is: that name, else None."""
    words = mention.split()
    if len(words) < 4 or words[0].lower() != "the" or words[1].lower() not in resolve.DOC_NOUNS \
            or words[2] not in ("from", "by"):
        return None
    t = next((t for t in doc[s:e] if t.text == words[1] and doc[t.i:t.right_edge.i + 1].text.startswith(
        " ".join(words[1:]))), None)
    prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == words[2]), None) if t is not None else None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return resolve._named_owner(ctx, pobj) if pobj is not None else None


def resolve_speaker(doc, speaker_tok_text: str | None, sent_people, ctx: resolve.Context, s: int, e: int):
    """(resolved speaker, person name for the context) for a speaker mention."""
    if not speaker_tok_text:
        return None, None
    low = speaker_tok_text.lower()
    several = re.search(r"\b(and|or)\b|,", speaker_tok_text) is not None  # "Smith and Jones" is no one person
    # "A spokesman for Prosecutor Ann Lee", "an aide to Lee": someone speaking for the person, not the person
    agent = re.match(r"(?:[Aa]n?|[Oo]ne|[Tt]he|[Tt]wo|[Tt]hree|[Ss]ome)\s+(?:\S+\s+)*?[a-z][\w-]*\s+(?:for|to|of|with)\s",
                     speaker_tok_text)
    canon = ctx.canonical(speaker_tok_text) if speaker_tok_text[:1].isupper() and not several and not agent else None
    for _, text, roles in sent_people:
        if speaker_tok_text == text or (speaker_tok_text.endswith(" " + text) and not re.search(r"\b(for|of|to|from|with|and|or)\b|,|'s |’s ", speaker_tok_text)):
            name = ctx.canonical(text) or text
            return name, name
    if canon and any(p.name == canon for p in ctx.people):
        return canon, canon
    name = _appositive_person(doc, speaker_tok_text, sent_people, ctx)
    if name:  # "one of the women, Ann Rowe, said": the speaker is the person the appositive names
        return name, name
    if low in resolve.PRONOUNS:
        cands = [t for t in doc[s:e] if t.text == speaker_tok_text and t.pos_ == "PRON"]
        if cands:
            t, a, b = _speaker_pronoun_window(doc, cands, s, e)
            name = resolve.resolve_pronoun(ctx, doc, t, a, b)
            return (name or speaker_tok_text), name
        return speaker_tok_text, None
    # a definite description: find its head noun inside the sentence
    for t in doc[s:e]:
        span = resolve.description_span(t, loose=True)
        if span and doc[span[0]:span[1]].text == speaker_tok_text.strip():
            name = resolve.resolve_description(ctx, t)
            if name:
                return name, name
    # a description carried from an earlier sentence (the quotation's paragraph names it
    # nowhere: "Reacting, the president tweeted: ... / “A. B.”"): read from its words
    name = resolve.description_words(ctx, speaker_tok_text)
    if name:
        return name, name
    owner = resolve.document_owner(ctx, speaker_tok_text) or owned_document(doc, ctx, speaker_tok_text, s, e)
    if owner:  # "the statement said" after "Acme said in a statement": Acme's statement
        return owner, (owner if any(p.name == owner for p in ctx.people) else None)
    words = low.split()
    if len(words) == 2 and words[0] in ("the", "that") and words[1] not in resolve.DOC_NOUNS \
            and ctx.noun_occurrences(words[1]):
        # "The forum said ..." after "the African Wildlife Consultative Forum": that one forum
        tok = next((t for t in doc[s + 1:e] if t.lower_ == words[1] and doc[t.i - 1].lower_ == words[0]), None)
        thing = named_thing_sub(doc, tok, s, e, ctx, {tok.i - 1}, ()) if tok is not None else None
        if thing is not None and len(thing) == 2:
            return thing[tok.i], None
    if low.startswith("the "):
        # "Sen. Ana Ruiz said A. The Ohio Democrat said B": the one speaker of the sentence before
        from claimtrack.claims.attribution import epithet_speaker

        name = epithet_speaker(doc, ctx, speaker_tok_text, s, e)
        if name and not resolve.epithet_fits(ctx, name, speaker_tok_text):
            name = None  # "Tom Lee campaigned in Ohio. The president said ...": Lee is no president
        if name:
            return name, (name if any(p.name == name for p in ctx.people) else None)
    return speaker_tok_text, None
