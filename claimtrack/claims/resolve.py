"""Conservative, article-level resolution of pronouns and definite descriptions to the
people the article names ("He" -> "Marco Rubio", "Putin's diplomatic adviser" -> "Yuri
Ushakov", "the two leaders" -> "Vladimir Putin and Donald Trump").

Rules (each must be unambiguous, else the original wording is kept; a wrong name is worse
than a pronoun):
- he/she/him/her/his: the one person named earlier in the same sentence, else the one
  person of the last sentence naming people -- and only when the sentence names no other
  person anywhere (before or after the pronoun: "He is not a Democrat, Fox said of Trump"
  stays "He") and the person's known gender does not contradict the pronoun (genders are
  only known from honorifics and gendered role words: "Mr. Trump", "the congresswoman");
- "the/X's [adjectives] ROLE" (official, adviser, minister, ...): the one person the
  article introduced with that role as a title ("Kremlin negotiator Yuri Ushakov"), else
  the person quoted last, if within the last three sentences;
- "the two / both ROLEs": the last pair of coordinated people ("Putin and Trump")."""

from __future__ import annotations

from dataclasses import dataclass, field

PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
ROLE_NOUNS = {
    "official", "adviser", "advisor", "minister", "negotiator", "president", "spokesman",
    "spokeswoman", "spokesperson", "secretary", "diplomat", "envoy", "chief", "leader", "mayor",
    "governor", "senator", "diplomat", "aide", "ambassador", "chancellor", "premier", "commander",
    "director", "executive", "lawyer", "attorney", "prosecutor", "judge", "officer", "manager",
    "coach", "boss", "founder", "chairman", "chairwoman", "general", "representative", "lawmaker",
}
GENERIC_ROLES = {"official", "adviser", "advisor", "aide", "negotiator", "diplomat", "envoy",
                 "representative", "officer", "spokesman", "spokeswoman", "spokesperson"}
RANK_WORDS = {"vice", "former", "deputy", "assistant", "acting", "interim", "late", "ex", "previous", "next",
              "future", "new", "then", "outgoing", "incoming", "associate", "senior", "junior", "other"}
PAIR_NOUNS = {"leaders", "presidents", "ministers", "men", "women", "sides", "officials", "heads"}


MALE_PRONOUNS = {"he", "him", "his"}
FEMALE_PRONOUNS = {"she", "her", "hers"}
MALE_MARKS = {"mr.", "mr", "congressman", "spokesman", "chairman", "king", "prince", "father", "husband",
              "son", "brother", "sir", "lord"}
FEMALE_MARKS = {"mrs.", "mrs", "ms.", "ms", "miss", "congresswoman", "spokeswoman", "chairwoman", "queen",
                "princess", "mother", "wife", "daughter", "sister", "lady", "madam"}


@dataclass
class Person:
    name: str  # the fullest form seen ("Marco Rubio")
    roles: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)  # "m"/"f" from honorifics; both: unknown


@dataclass
class Context:
    """What the article has said so far (one per article text; paragraphs in order)."""

    people: list[Person] = field(default_factory=list)
    last_sentence_people: list[str] = field(default_factory=list)
    last_subject_person: str | None = None
    last_speaker: str | None = None
    last_speaker_age: int = 99  # sentences since the last person speaker
    last_pair: str | None = None

    def canonical(self, name: str) -> str | None:
        """The known person a mention refers to ("Rubio" -> "Marco Rubio"), if unique."""
        name = name.strip()
        parts = name.split()
        hits = [p for p in self.people if p.name == name or (parts and p.name.split()[-1] == parts[-1])]
        names = {p.name for p in hits}
        return next(iter(names)) if len(names) == 1 else None

    def add_person(self, name: str, roles: set[str], gender: str | None = None) -> str:
        canon = self.canonical(name)
        if canon is not None:
            person = next(p for p in self.people if p.name == canon)
            if len(name.split()) > len(canon.split()):
                person.name = name
            person.roles |= roles
            if gender:
                person.genders.add(gender)
            return person.name
        self.people.append(Person(name, set(roles), {gender} if gender else set()))
        return name

    def gender_fits(self, name: str, pronoun: str) -> bool:
        person = next((p for p in self.people if p.name == name), None)
        if person is None or len(person.genders) != 1:
            return True
        g = next(iter(person.genders))
        return not (g == "m" and pronoun in FEMALE_PRONOUNS or g == "f" and pronoun in MALE_PRONOUNS)

    def by_role(self, role: str) -> str | None:
        names = [p.name for p in self.people if role in p.roles]
        return names[0] if len(names) == 1 else None


def person_spans(doc, s: int, e: int, ctx: "Context | None" = None):
    """PERSON entities in the sentence [s, e), with the role nouns titling each (and,
    given the article context, bare surnames of people it named: "Carver")."""
    out = []
    if ctx is not None and ctx.people:
        surnames = {p.name.split()[-1] for p in ctx.people}
        for t in doc[s:e]:
            if t.pos_ == "PROPN" and t.ent_type_ != "PERSON" and t.text in surnames and t.dep_ != "compound":
                out.append((doc[t.i : t.i + 1], t.text, set()))
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start < s or ent.end > e:
            continue
        if len(ent) == 1 and ent[0].pos_ != "PROPN":
            continue
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        roles = set()
        i = ent.start - 1
        while i >= s and doc[i].dep_ == "compound" and doc[i].pos_ in ("NOUN", "PROPN") and not doc[i].ent_type_ == "PERSON":
            if doc[i].lower_ in ROLE_NOUNS:
                roles.add(doc[i].lower_)
            i -= 1
        out.append((ent, text.strip(), roles))
    return out


def gender_of(doc, ent, s: int) -> str | None:
    """"m"/"f" from an honorific or gendered role word right before the name ("Mr. Trump",
    "Congresswoman Tlaib"), else None."""
    i = ent.start - 1
    while i >= s and i >= ent.start - 3:
        low = doc[i].lower_
        if low in MALE_MARKS:
            return "m"
        if low in FEMALE_MARKS:
            return "f"
        if doc[i].pos_ not in ("PROPN", "NOUN", "PUNCT"):
            break
        i -= 1
    return None


def update(ctx: Context, doc, s: int, e: int, speaker_name: str | None) -> None:
    """Record the people of a processed sentence."""
    spans = person_spans(doc, s, e, ctx)
    names = []
    for ent, text, roles in spans:
        names.append(ctx.add_person(text, roles, gender_of(doc, ent, s)))
    subj = next((t for t in doc[s:e] if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    subj_name = None
    if subj is not None:
        for ent, text, _ in spans:
            if ent.start <= subj.i < ent.end:
                subj_name = ctx.canonical(text)
    for ent, _, _ in spans:
        conj = next((t for t in ent.root.children if t.dep_ == "conj" and t.ent_type_ == "PERSON"), None)
        if conj is not None:
            other = next((x for x in spans if x[0].start <= conj.i < x[0].end), None)
            a, b = ctx.canonical(ent.text), other and ctx.canonical(other[1])
            if a and b and a != b:
                ctx.last_pair = f"{a} and {b}"
    if names:
        ctx.last_sentence_people = list(dict.fromkeys(ctx.canonical(n) or n for n in names))
        ctx.last_subject_person = subj_name
    ctx.last_speaker_age += 1
    if speaker_name:
        ctx.last_speaker = speaker_name
        ctx.last_speaker_age = 0


def resolve_pronoun(ctx: Context, doc, tok, s: int, e: int | None = None) -> str | None:
    """Name for he/she/him/her/his at ``tok`` (sentence [s, e)), or None when not certain."""
    low = tok.lower_
    if low not in PRONOUNS:
        return None
    spans_before = person_spans(doc, s, tok.i, ctx)
    before = list(dict.fromkeys(ctx.canonical(t) or t for _, t, _ in spans_before))
    name = None
    if len(before) == 1:
        name = before[0]
        # "The sheriff thanked Smith before he left": a subject pronoun after a person who is
        # the object of the sentence most often means the (unnamed) subject -- not certain
        if tok.dep_ in ("nsubj", "nsubjpass") and all(
                ent.root.dep_ in ("dobj", "pobj", "dative", "attr", "poss") for ent, _, _ in spans_before):
            return None
    elif not before:
        if len(ctx.last_sentence_people) == 1:
            name = ctx.last_sentence_people[0]
    if name is None:
        return None
    # any other person named in the sentence (also after the pronoun) makes it uncertain
    if e is not None:
        others = {ctx.canonical(t) or t for _, t, _ in person_spans(doc, s, e, ctx)} - {name}
        if others:
            return None
    if not ctx.gender_fits(name, low):
        return None
    if low == "his" or (low == "her" and tok.dep_ == "poss"):
        return name + "'s"
    return name


def description_span(tok):
    """If ``tok`` heads a definite description of a person ("the US official",
    "Putin's diplomatic adviser", "the two leaders"), its (start, end) token range."""
    if tok.pos_ != "NOUN":
        return None
    low = tok.lower_
    kids = list(tok.lefts)
    if not kids:
        return None
    first = kids[0]
    if any(k.lower_ in RANK_WORDS for k in kids):
        return None  # "the vice president", "the former president": another person than "the president"
    if any(c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "at", "on") for c in tok.rights):
        return None  # "the president of the board", "the envoy for the coalition": a role the article may not have named
    if low in ROLE_NOUNS and tok.tag_ == "NN":
        if first.lower_ == "the" or (first.dep_ == "poss" and first.pos_ == "PROPN"):
            if all(k.dep_ in ("det", "amod", "compound", "poss", "case") for k in kids):
                return tok.left_edge.i, tok.i + 1
    if low in PAIR_NOUNS:
        if [k.lower_ for k in kids[:2]] in (["the", "two"], ["both"]):
            return tok.left_edge.i, tok.i + 1
    return None


def resolve_description(ctx: Context, tok) -> str | None:
    low = tok.lower_
    if low in PAIR_NOUNS:
        return ctx.last_pair
    role_hit = ctx.by_role(low)
    if role_hit:
        return role_hit
    # a generic role ("the official") most often re-describes the person quoted last
    if low in GENERIC_ROLES and ctx.last_speaker and ctx.last_speaker_age <= 3:
        return ctx.last_speaker
    return None
