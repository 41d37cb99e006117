"""Sentences -> atomic, attributed, standalone, typed claims (rules over spaCy's parse).

Per sentence: attribution (reporting verb + content clause, "according to X", "X described
Y as Z", "…, noting that …", "…, prosecutors say") -> coordination (clauses, and lists of
subjects/objects) -> propositions carried by relative clauses, appositives and titles
("Moschetto, 54," -> "Moschetto is 54") -> resolution of pronouns and definite
descriptions against the people the article named -> typed fields (polarity, hedge,
numbers, dates, entities) and a check-worthiness score. A claim is a list of *pieces*
(token indices of the sentence, or inserted words such as "is"), so its text, its
article wording and its evidence spans all come from the same pieces.

Each construction has its own module (and its own tests): ``attribution`` (who says it),
``coordination`` (clauses and lists), ``relative`` (relative clauses, appositives, titles),
``fragments`` (the proposition check and repairs), ``resolution`` (pronouns and
descriptions -> names), ``fields`` (typing and check-worthiness), ``facets`` (the
``atomic`` granularity); ``units`` holds the shared claim-in-the-making. This module runs
them in order per sentence and renders the claims."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from claimtrack.claims import resolve
from claimtrack.claims.attribution import (attribute, bound_pronouns, carried_listener, find_speaker, pronoun_speaker, quoted_tokens,
                                          speaker_text, wholly_quoted)
from claimtrack.claims.cues import kind_of
from claimtrack.claims.coordination import listed_speaker, split_coordination, split_lists
from claimtrack.claims.facets import facets
from claimtrack.claims.fields import checkworthiness, typed_fields
from claimtrack.claims.filters import claim_problem, drop_reason, is_fragment, normalise_title
from claimtrack.claims.fragments import repair
from claimtrack.claims.model import Claim, Extraction
from claimtrack.claims.nlp import get_nlp
from claimtrack.claims.relative import side_units
from claimtrack.claims.resolution import resolution_subs, resolve_speaker, unsure_pronouns
from claimtrack.claims.segment import iter_docs, sentence_spans
from claimtrack.claims.units import NO_SPACE_BEFORE, Unit, range_, subtree_range, trim_pieces

EXTRACTOR_VERSION = "rules-v13"  # issue 13 ninth pass (appositives that identify a bare "the X" kept, lists after gerunds/"amid" whole, "came as A and as B"/"not A but rather B"/elliptical conjuncts unsplit, role names kept, sentence ends after initialisms, "!" in titles, square brackets, "Given that,", split-off conjuncts with an unsure he) + issue 18 ninth round (he/she by known gender across sentences, I/you/we asides inside quotes kept, noun cues as verbs, bare quantifier and demonstrative speakers, "cautioned, as did Y, that", cue next to its subject, split quotations joined, "Said X:")


# ("''": two apostrophes as a quotation mark, either way round, in NYT texts)
QUOTE_MARKS = ('"', "“", "”", "«", "»", "''")
CLOSING_MARK = {'"': '"', "“": "”", "«": "»", "''": "''"}
OPENING_MARK = {'"': '"', "”": "“", "»": "«", "''": "''"}


def quote_partners(doc, marks) -> dict[int, int]:
    """Each quotation mark's partner in its sentence, pairing the sentence's marks in order."""
    partners: dict[int, int] = {}
    for sent in {doc[p].sent.start: doc[p].sent for p in marks}.values():
        found = [t.i for t in sent if t.text in QUOTE_MARKS]
        for a, b in zip(found[::2], found[1::2]):
            partners[a], partners[b] = b, a
    return partners


def balance_quotes(doc, pieces, subs: dict[int, str]) -> tuple[dict[int, str], str, str]:
    """Quotation marks of a claim that leaves a quotation open: the mark whose partner lies
    outside the claim is closed (or opened) at the claim's edge, so a mixed quote keeps its
    marks ("he was \"deeply saddened,\" adding, \"It has been an honor\"") and its "I" reads
    as the speaker's; a mark with no partner in its sentence is dropped."""
    marks = [p for p in pieces if isinstance(p, int) and doc[p].text in QUOTE_MARKS]
    if len(marks) % 2 == 0:
        return subs, "", ""
    subs = dict(subs)
    partners = quote_partners(doc, marks)
    inside = set(marks)
    lead = trail = ""
    for p in marks:
        q = partners.get(p)
        if q is None:
            subs[p] = ""
        elif q not in inside and q > p and p == marks[-1]:
            trail = CLOSING_MARK.get(doc[p].text, '"')
        elif q not in inside and q < p and p == marks[0]:
            lead = OPENING_MARK.get(doc[p].text, '"')
        elif q not in inside:
            subs[p] = ""
    return subs, lead, trail


def render(doc, pieces, subs: dict[int, str]) -> str:
    subs, lead, trail = balance_quotes(doc, pieces, subs)
    text = _render(doc, pieces, subs)
    if not (lead or trail):
        return text
    text = f"{lead}{text}{trail}"
    body = text[1:-1]
    if text[:1] in QUOTE_MARKS and text[-1:] in QUOTE_MARKS and not any(m in body for m in QUOTE_MARKS):
        return body.strip()  # the whole claim is one quotation: its marks are the quote kind's job
    return text


def _render(doc, pieces, subs: dict[int, str]) -> str:
    out = []
    prev = None
    for p in pieces:
        if isinstance(p, int):
            t = subs.get(p, doc[p].text)
            if t == "":
                prev = p
                continue
            if out:
                if isinstance(prev, int) and prev == p - 1:
                    sep = doc[prev].whitespace_
                    if prev in subs and subs[prev] == "":
                        sep = " "
                else:
                    sep = "" if doc[p].text in NO_SPACE_BEFORE else " "
                out.append(sep)
            out.append(t)
        else:
            if out:
                out.append(" ")
            out.append(p)
        prev = p
    return "".join(out).strip()


def evidence_spans(doc, offset: int, pieces) -> list[tuple[int, int]]:
    idx = sorted({p for p in pieces if isinstance(p, int)})
    spans: list[list[int]] = []
    for i in idx:
        t = doc[i]
        a, b = offset + t.idx, offset + t.idx + len(t.text)
        if spans and spans[-1][2] == i - 1:
            spans[-1][1] = b
            spans[-1][2] = i
        else:
            spans.append([a, b, i])
    return [(a, b) for a, b, _ in spans]


DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s+")


def skip_dateline(doc, s: int, e: int) -> int:
    """Skip a wire dateline such as "RIYADH (Civic Wire) - " at a sentence start."""
    m = DATELINE.match(doc[s:e].text)
    if not m:
        return s
    end_char = doc[s].idx + m.end()
    while s < e and doc[s].idx < end_char:
        s += 1
    return s


# (an all-caps mention with a space or punctuation, "NEW YORK —", and an author's "I" are
# nobody to name; a one-word acronym, "FBI", "AROS", is an organisation)
DATELINE_SPEAKER = re.compile(r"^(?:I|(?=.*[\s,.;:\u2014\u2013-])[^a-z]*)$")


def speaker_alone(doc, s: int, e: int, mention: str | None, speaker: str | None, person: str | None,
                  sent_people, ctx: resolve.Context) -> str | None:
    """The speaker's name when it is a name and the sentence names nobody else (people,
    descriptions, unrecognised capitalised names), else None."""
    if not mention or not speaker or speaker.lower() in resolve.PRONOUNS or not speaker[:1].isupper():
        return None
    if re.search(r"\b(and|or)\b|,", mention):
        return None
    name = person or ctx.canonical(speaker) or speaker
    words = set(mention.split())
    for ent, text, _ in sent_people:
        if (ctx.canonical(text) or text) != name and not set(text.split()) <= words:
            return None
    if any(t.text not in words for t in resolve.rival_tokens(doc, s, e, sent_people)):
        return None
    if any(p != name and p != "?" for p in ctx.last_sentence_people):
        return None  # "The report hurt Moore. McCain said he should drop out": he may be Moore
    return name


def note_group(doc, s: int, e: int, claim: Claim, pieces, subs, speaker, mention, ctx: resolve.Context) -> None:
    """A claim whose speaker or subject is a counted group ("Two heartland states said ...",
    "Two heartland states filed a challenge"): noted, with the group's act, so that the article's
    one fitting list of names replaces it at the end (``resolve.name_groups``)."""
    if mention and speaker == mention:
        group = resolve.group_mention(mention)
        if group is not None:
            t = resolve.group_token(doc, s, e, mention)
            if t is not None:
                ctx.groups.append((claim, mention, "speaker", *group, resolve.act_words(t)))
    first = pieces[0] if pieces and isinstance(pieces[0], int) else None
    if first is None or doc[first].lower_ not in resolve.COUNT_WORDS:
        return
    t = doc[first].head
    if t.i <= first or t.dep_ not in ("nsubj", "nsubjpass") or not all(j in pieces and j not in subs for j in range(first, t.i + 1)):
        return
    words = doc[first:t.i + 1].text
    group = resolve.group_mention(words)
    if group is not None and claim.text.startswith(words + " "):
        ctx.groups.append((claim, words, "text", *group, resolve.act_words(t)))


# a speaker that is a quantifier alone ("Some say ...", "Many believe ..."): not who
BARE_QUANTIFIERS = {"some", "many", "others", "several", "most", "few", "a few", "some others", "many others"}

ASKING = {"ask", "wonder", "inquire", "question"}


def asked_about(head) -> bool:
    """"asked the chairman if the committee planned to subpoena her": an intention ("the
    committee will subpoena her") read off a clause that is only asked about is nobody's claim."""
    if head is None:
        return False
    v = head.head if head.dep_ == "xcomp" else head
    return v.dep_ in ("advcl", "ccomp") and v.head.lemma_.lower() in ASKING and any(
        g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in v.children)


def claims_of_doc(doc, offset: int, sentence_base: int, min_tokens: int, dropped: Counter,
                   ctx: resolve.Context, published_at=None, title_key: str | None = None,
                   atomic: bool = False) -> tuple[list[Claim], int]:
    claims: list[Claim] = []
    n = 0
    for s, e in sentence_spans(doc):
        sidx = sentence_base + n
        n += 1
        sentence = doc[s:e].text
        reason = drop_reason(sentence)
        if reason is None and title_key and normalise_title(sentence) == title_key:
            reason = "headline"
        if reason:
            dropped[reason] += 1
            continue
        s = skip_dateline(doc, s, e)
        if s >= e:
            dropped["fragment"] += 1
            continue
        root = doc[s:e].root
        sent_people = resolve.person_spans(doc, s, e, ctx)
        for ent, text, roles in sent_people:
            ctx.add_person(text, roles, resolve.gender_of(doc, ent, s))
        quoted = quoted_tokens(doc, s, e)
        units: list[Unit] = []
        groups: list[int] = []  # units[k] comes from clause groups[k] (facets of one clause share it)
        attributed = attribute(doc, s, e, root)
        # the speaker's own relative clauses and titles ("Visual journalist Anna Erickson,
        # who photographed the community, said ...") are claims too
        spk = find_speaker(root) if attributed and attributed[0].speaker else None
        if spk is not None:
            sa, sb = subtree_range(spk)
            units.extend(side_units(doc, Unit(range_(sa, sb), spk), s, e)[0])
            groups.extend(range(len(groups), len(units)))
            full = listed_speaker(doc, spk)  # "A, B and other elders believe": not "A believe"
            if full:
                attributed = [u.copy(speaker=full) if u.speaker and full.startswith(u.speaker) else u for u in attributed]
        for unit in attributed:
            for u in split_coordination(doc, unit):
                side, cut = side_units(doc, u, s, e)
                if cut:
                    u = u.copy([p for p in u.pieces if not (isinstance(p, int) and p in cut)])
                for w in split_lists(doc, u):
                    parts = facets(doc, w, min_tokens) if atomic else [w]
                    groups.extend([len(units)] * len(parts))
                    units.extend(parts)
                for v in side:
                    parts = split_lists(doc, v) if v.kind == "relative" else [v]
                    groups.extend(range(len(units), len(units) + len(parts)))
                    units.extend(parts)
        kept = 0
        problems = sum(dropped.values())
        speaker_person = None
        seen_text: set[str] = set()
        for unit, group in zip(units, groups):
            pieces = trim_pieces(doc, unit.pieces)
            idx = [p for p in pieces if isinstance(p, int)]
            if not idx:
                continue
            if unit.composed:
                words = [doc[i] for i in idx if doc[i].is_alpha or doc[i].like_num]
                if len(words) < 2 or asked_about(unit.head):
                    continue
            elif is_fragment([doc[i] for i in idx], min_tokens):
                continue
            pieces, problem, aside = repair(doc, unit, pieces)
            if problem:
                dropped[problem] += 1
                continue
            if aside is not None and not unit.speaker:  # "The real problem, he said, is ..."
                # (direct when its words are all quoted or it opens on the quotation; one that
                # opens on the reporter's words, "Given that, X said, A were \"B\"", is mixed)
                words = [p for p in pieces if isinstance(p, int) and not doc[p].is_punct]
                inq = sum(p in quoted for p in words)
                unit = unit.copy(speaker=speaker_text(aside[0]), cue=aside[1],
                                 quote_kind="direct" if unit.quote_kind == "direct" or words and words[0] in quoted
                                 else "mixed" if inq else "indirect")
            idx = [p for p in pieces if isinstance(p, int)]
            if unit.speaker and DATELINE_SPEAKER.match(unit.speaker):
                unit = unit.copy(speaker=None, cue=None)  # "LIVINGSTON, —": a dateline is nobody (and no cue without a speaker)
            speaker, person = resolve_speaker(doc, unit.speaker, sent_people, ctx, s, e)
            if person is None and unit.speaker and unit.speaker.lower() in ("he", "she"):
                person = pronoun_speaker(doc, ctx, unit.speaker, s, e)  # "Clinton said A. She said B."
                speaker = person or speaker
            elif person is None and unit.speaker and unit.speaker.lower() == "they":
                speaker = pronoun_speaker(doc, ctx, unit.speaker, s, e) or speaker  # "States sued. They argue ..."
            if person and unit.speaker and unit.speaker.lower() in ("he", "she") and carried_listener(doc, person, s, ctx):
                speaker, person = unit.speaker, None  # the sentence before's host or listener is no carried he/she
            if unit.head is not None and unit.head.i in doc.user_data.get("claimtrack_unsure_speakers", ()) \
                    and not (person and " " in person and person != unit.speaker):
                # ("Trump charges that A", the cue tagged a noun: the name must be one the article gave
                # in full before, "Fraud charges that ..." is no one)
                dropped["unresolved_speaker"] += 1
                continue
                continue
            if sidx > 0 and unit.speaker and speaker == unit.speaker and " " in unit.speaker \
                    and unit.speaker.split()[0].lower() in ("that", "this", "these", "those"):
                # "The X Committee opened an inquiry. That committee said A": the one named before,
                # which resolution did not name here; the claim does not say which
                dropped["unresolved_speaker"] += 1
                continue
            if unit.speaker and unit.speaker.lower() in BARE_QUANTIFIERS:
                dropped["unresolved_speaker"] += 1  # "Some say A": some of whom? nobody to attribute A to
                continue
            direct = unit.quote_kind == "direct"
            kept_pron: set[int] = set()
            things: set[int] = set()
            subs = resolution_subs(doc, pieces, s, e, ctx, quoted=quoted, direct=direct,
                                    speaker=person or (ctx.canonical(speaker) if speaker and speaker[:1].isupper() else None),
                                    people_spans=sent_people, kept=kept_pron, speaker_mention=unit.speaker,
                                    things=things)
            # "Clinton says she is thrilled ...": the clause's subject pronoun is its speaker
            kept_pron |= bound_pronouns(doc, unit, pieces, s, e, person, ctx) - subs.keys()
            original = render(doc, pieces, {})
            text = render(doc, pieces, subs)
            problem = claim_problem(doc, [p for p in pieces if isinstance(p, int)], subs, quoted | kept_pron,
                                    speaker=speaker, speaker_resolved=person is not None or speaker != unit.speaker,
                                    direct=direct, head=unit.head if not unit.composed else None, ctx=ctx,
                                    speaker_alone=speaker_alone(doc, s, e, unit.speaker, speaker, person,
                                                                sent_people, ctx), kept=kept_pron)
            if not problem and unsure_pronouns(doc, pieces, s, ctx, subs, quoted | kept_pron, sent_people):
                problem = "unresolved_pronoun"  # a split-off conjunct's he whom the cut-off part may name
            if problem:
                dropped[problem] += 1
                continue
            if text in seen_text:
                continue
            seen_text.add(text)
            speaker_person = speaker_person or person
            spans = evidence_spans(doc, offset, pieces)
            if unit.composed:  # "X is Y" built from two places: the evidence covers both
                main = (spans[0][0], spans[-1][1])
            else:  # from the largest piece (not a carried-over subject) to the claim's end
                big = max(spans, key=lambda sp: sp[1] - sp[0])
                main = (big[0], max(big[1], spans[-1][1]))
            claim = Claim(
                text=text,
                char_start=main[0],
                char_end=main[1],
                sentence_idx=sidx,
                speaker=speaker,
                cue=unit.cue,
                attribution_kind=kind_of(unit.cue),
                quote_kind=unit.quote_kind if unit.speaker or unit.cue else "none",
                spans=spans,
                original_text=original,
                speaker_mention=unit.speaker,
                kind=unit.kind,
                clause=group if atomic else None,
                **typed_fields(doc, [i for i in idx if i not in subs], published_at),
            )
            for name in dict.fromkeys(v for k, v in subs.items() if v and k not in things):  # (a thing is no person)
                for part in name.removesuffix("'s").split(" and "):
                    if f"PERSON:{part}" not in claim.entities:
                        claim.entities.append(f"PERSON:{part}")
            claim.checkworthiness = checkworthiness(claim)
            note_group(doc, s, e, claim, pieces, subs, speaker, unit.speaker, ctx)
            claims.append(claim)
            kept += 1
        resolve.update(ctx, doc, s, e, speaker_person)
        if not kept and sum(dropped.values()) == problems:  # nothing kept, no claim-level reason counted
            # (a sentence all inside a quotation whose speaker the paragraph does not name gives no
            # units: someone's words, not the narrator's -- counted apart from fragments)
            dropped["unattributed_quote" if not attributed and wholly_quoted(doc, s, e) else "fragment"] += 1
    return claims, n


def extract_many(texts: Sequence[str], *, min_tokens: int = 4, batch_size: int = 64,
                 published_at: Sequence | None = None, titles: Sequence[str | None] | None = None,
                 granularity: str = "clause") -> list[Extraction]:
    """Extract claims from many article texts at once (one spaCy ``pipe`` over all paragraphs).

    ``published_at`` (one per text, datetime/ISO string/None) resolves relative dates;
    ``titles`` (one per text) drops a body sentence that repeats the headline.
    ``granularity``: "clause" (default, what the pipeline stores) gives one claim per
    proposition-bearing clause (coordinated clauses and lists split, relative clauses,
    appositives and titles as claims of their own); "atomic" also splits each clause into
    its core and one claim per optional modifier ("X met Y" + "X met Y in Riyadh" + "X met
    Y on Tuesday"), the granularity of atomic-fact benchmarks."""
    if granularity not in ("clause", "atomic"):
        raise ValueError("granularity must be 'clause' or 'atomic'")
    nlp = get_nlp()
    results = [Extraction(claims=[], n_sentences=0) for _ in texts]
    counters = [Counter() for _ in texts]
    contexts = [resolve.Context() for _ in texts]
    keys = [normalise_title(t) if t else None for t in (titles or [None] * len(texts))]
    pubs = list(published_at) if published_at is not None else [None] * len(texts)
    last = None
    for ti, para, doc in iter_docs(nlp, texts, batch_size=batch_size):
        if last is not None and last != ti:
            contexts[last].release()  # (texts come in order: the one before is done)
        last = ti
        res = results[ti]
        claims, n = claims_of_doc(doc, para.offset, res.n_sentences, min_tokens, counters[ti],
                                   contexts[ti], pubs[ti], keys[ti], granularity == "atomic")
        res.claims.extend(claims)
        res.n_sentences += n
    for res, counter, ctx in zip(results, counters, contexts):
        ctx.release()
        res.dropped = dict(counter)
        if ctx.groups:  # "Two heartland states" -> "Nebraska and Oklahoma", once the article is read
            for claim in resolve.name_groups(ctx):
                claim.checkworthiness = checkworthiness(claim)
    return results


def extract_claims(text: str, *, min_tokens: int = 4, published_at=None, title: str | None = None,
                   granularity: str = "clause") -> list[Claim]:
    """Claims of one article text, each with its exact char span(s) in ``text``."""
    return extract_many([text], min_tokens=min_tokens, published_at=[published_at], titles=[title],
                        granularity=granularity)[0].claims
