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

import re
from dataclasses import dataclass, field

from spacy import symbols

PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
ROLE_NOUNS = {
    "official", "adviser", "advisor", "minister", "negotiator", "president", "spokesman",
    "spokeswoman", "spokesperson", "secretary", "diplomat", "envoy", "chief", "leader", "mayor",
    "governor", "senator", "diplomat", "aide", "ambassador", "chancellor", "premier", "commander",
    "director", "executive", "lawyer", "attorney", "prosecutor", "judge", "officer", "manager",
    "coach", "boss", "founder", "chairman", "chairwoman", "general", "representative", "lawmaker",
    "congressman", "congresswoman", "speaker",
}
# a title that also makes its bearer "the congressman" ("Rep. Tom Hale ... The congressman said")
ROLE_ALIASES = {"rep.": {"representative", "congressman", "congresswoman"},
                "representative": {"representative", "congressman", "congresswoman"},
                "gov.": {"governor"}, "sen.": {"senator"}}
GENERIC_ROLES = {"official", "adviser", "advisor", "aide", "negotiator", "diplomat", "envoy",
                 "representative", "officer", "spokesman", "spokeswoman", "spokesperson"}
RANK_WORDS = {"vice", "former", "deputy", "assistant", "acting", "interim", "late", "ex", "previous", "next",
              "future", "new", "then", "outgoing", "incoming", "associate", "senior", "junior", "other",
              "first", "second", "last", "keynote", "guest"}
# ("both sides" is most often a plaintiff and a company, or two parties: not the last pair of people)
PAIR_NOUNS = {"leaders", "presidents", "ministers", "men", "women", "officials", "heads"}


MALE_PRONOUNS = {"he", "him", "his"}
FEMALE_PRONOUNS = {"she", "her", "hers"}
MALE_MARKS = {"mr.", "mr", "congressman", "spokesman", "chairman", "king", "prince", "father", "husband",
              "son", "brother", "sir", "lord"}
FEMALE_MARKS = {"mrs.", "mrs", "ms.", "ms", "miss", "congresswoman", "spokeswoman", "chairwoman", "queen",
                "princess", "mother", "wife", "daughter", "sister", "lady", "madam"}


# common first names with a clear gender (US/UK news), so that "her" is never resolved to
# "Rick Perry" ("It can make her strong again": her = America); names not listed: unknown
# (names that men and women both carry -- Chris, Lindsey, Sam, Alex, Pat, Lynn, Leigh -- are not
# listed: "Lindsey Vonn and Tom Baker finished first. He said ..." must not make Vonn the "he")
MALE_FIRST = set("""adam alan albert alexander andrew anthony arnold barack ben benjamin bernie bill bob
bobby brad brian bruce carl charles charlie christopher chuck dan daniel david dennis dick don donald
doug douglas duncan ed edward elijah eric frank fred gary george gerald greg gregory harry henry howard ian
jack jacob jake james jared jason jeb jeff jeffrey jerry jim jimmy joe john jon jonathan joseph josh joshua
justin keith ken kevin larry marco mark martin matt matthew michael mike mitch mitt newt nick
nicholas patrick paul peter phil philip ralph randy raymond richard rick robert rod roger ron ronald roy
rudy rush ryan samuel scott sean sergei stephen steve steven ted thomas tim timothy todd tom tony
trey vladimir walter wayne william xi yuri""".split())
FEMALE_FIRST = set("""alexandria amy ann anna anne barbara betsy betty carly carol caroline catherine
cathy christine claire deborah debbie diane donna elizabeth ellen emily hillary huma ilhan ivanka jane janet
jeanne jennifer jill joan joni judith julia julie karen kate katherine kathleen kathy kellyanne kirsten
kristen laura lauren linda lisa liz lois loretta margaret maria marie mary melania michele
michelle nancy nicole nikki patricia rachel rashida rebecca ruth sally sandra sarah sharon stephanie susan
susana tammy theresa tulsi virginia""".split())


# generational suffixes: "Jesse Jackson Jr." is a Jackson, and not his father "Jesse Jackson"
NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


def _name_parts(name: str) -> tuple[list[str], str]:
    """The words of a name without its generational suffix, and the suffix ("" for none)."""
    parts = name.replace(",", " ").split()
    if len(parts) > 1 and parts[-1].lower() in NAME_SUFFIXES:
        return parts[:-1], parts[-1].lower().rstrip(".")
    return parts, ""


def compatible(a: str, b: str) -> bool:
    """Can two mentions name the same person? Same surname, and (when both give a first
    name) the same first name or initial: "Melania Trump" is not "Donald Trump"; and the same
    generational suffix: "Jesse Jackson Jr." is not "Jesse Jackson" (a bare "Jackson" may be
    either, so it is resolved to neither)."""
    (pa, sa), (pb, sb) = _name_parts(a), _name_parts(b)
    if not pa or not pb or pa[-1] != pb[-1]:
        return False
    if sa != sb and len(pa) > 1 and len(pb) > 1:
        return False
    if len(pa) == 1 or len(pb) == 1 or pa[-len(pb):] == pb or pb[-len(pa):] == pa:
        return True  # ("Secretary of State Marco Rubio" ends with "Marco Rubio")
    fa, fb = pa[0].rstrip("."), pb[0].rstrip(".")
    return fa == fb or (fa[:1] == fb[:1] and (len(fa) == 1 or len(fb) == 1))


def _epithet_before(name: str, canon: str) -> bool:
    """Is ``name`` ``canon`` with words put before a known first name ("Crooked Hillary
    Clinton" for "Hillary Clinton", from a quoted tweet)? Then it is no fuller name."""
    parts, cparts = name.split(), canon.split()
    return len(cparts) > 1 and parts[-len(cparts):] == cparts and cparts[0].lower() in MALE_FIRST | FEMALE_FIRST


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
    # those of them named there only inside a quotation, as a modifier or as a listener
    # ("\u201cLee wasn't happy.\u201d", "the Lee campaign", "she told Fox's Ann Lee"): no he/she speaker later
    last_sentence_listeners: set[str] = field(default_factory=set)
    last_subject_person: str | None = None
    last_speaker: str | None = None
    last_speaker_age: int = 99  # sentences since the last person speaker
    last_pair: str | None = None
    # who issued the article's statements, letters, suits ("Acme said in a statement", "a
    # letter from Ann Lee", "Ohio's lawsuit"): noun -> owners ("?" for an owner not named)
    doc_owners: dict[str, set[str]] = field(default_factory=dict)
    # coordinated lists of names (kind, name set, "A and B", act lemmas, names) and the counted groups
    # ("Two heartland states") waiting for one at the article's end (see ``name_groups``)
    entity_lists: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    # surname -> first names of full names the tagger called no person ("Keith Lamont Scott"
    # an organisation): a bare "Scott" is then no certain "Rakeyia Scott"
    shadows: dict[str, set[str]] = field(default_factory=dict)
    # the sentences processed so far, (doc, start, end): their common/proper nouns are looked up
    # by word only when a claim holds a bare "the forum" (see ``noun_occurrences``), so no
    # per-token index is built for every sentence
    sentences: list = field(default_factory=list)
    noun_cache: dict = field(default_factory=dict)
    named_cache: dict = field(default_factory=dict)
    named_forms: dict = field(default_factory=dict)  # (id(doc), token index) -> _named_form

    def release(self) -> None:
        """Forget the article's sentences once it is done (their docs, parse and tensors, need
        not live on while the rest of a batch is extracted)."""
        self.sentences = []
        self.noun_cache = {}
        self.named_forms = {}

    def noun_occurrences(self, low: str) -> list:
        """The (doc, token index) of every common or proper noun ``low`` in the sentences
        processed so far, in order (extended from the last look-up, not rebuilt)."""
        n = len(self.sentences)
        hit = self.noun_cache.get(low)
        if hit is not None and hit[0] == n:
            return hit[1]
        start, occ = (hit[0], list(hit[1])) if hit is not None else (0, [])
        for doc, s, e in self.sentences[start:]:
            occ += [(doc, t.i) for t in doc[s:e] if t.pos in THING_POS_IDS and t.lower_ == low]
        self.noun_cache[low] = (n, occ)
        return occ

    def canonical(self, name: str) -> str | None:
        """The known person a mention refers to ("Rubio" -> "Marco Rubio"), if unique."""
        name = name.strip()
        hits = [p for p in self.people if p.name == name or compatible(p.name, name)]
        names = {p.name for p in hits}
        if len(names) != 1:
            return None
        canon = next(iter(names))
        if self.shadows and " " not in name and any(f != canon.split()[0] for f in self.shadows.get(name, ())):
            return None  # "Scott" when the article also named "Keith Lamont Scott" (tagged a company): which Scott?
        return canon

    def add_person(self, name: str, roles: set[str], gender: str | None = None) -> str:
        canon = self.canonical(name)
        if canon is None and len(name.split()) == 1 and any(compatible(p.name, name) for p in self.people):
            return name  # "Trump" when the article named Donald and Melania Trump: nobody new
        if canon is not None:
            person = next(p for p in self.people if p.name == canon)
            if len(canon.split()) == 1 and len(name.split()) > 1 and (
                    person.roles and not roles or gender and person.genders and gender not in person.genders):
                # "President Trump" then "Melania Trump": another person, not a fuller name
                self.people.append(Person(name, set(roles), {gender} if gender else set()))
                return name
            if len(name.split()) > len(canon.split()) and not _epithet_before(name, canon):
                person.name = name
            elif _epithet_before(canon, name):
                person.name = name  # "Rip Donald Trump" (a headline's verb) first, then "Donald Trump"
            person.roles |= roles
            if gender:
                person.genders.add(gender)
            return person.name
        self.people.append(Person(name, set(roles), {gender} if gender else set()))
        return name

    def person(self, name: str) -> Person | None:
        """The person ``name`` stands for: by its exact form, else by the fuller form it grew
        into since ("Hillary Clinton" recorded for a sentence before "Mrs. Hillary Rodham
        Clinton" was seen), when that is certain."""
        person = next((p for p in self.people if p.name == name), None)
        if person is None:
            canon = self.canonical(name)
            person = next((p for p in self.people if p.name == canon), None) if canon else None
        return person

    def gender_fits(self, name: str, pronoun: str) -> bool:
        # (a name kept from an earlier sentence may since have grown: its gender is still known)
        person = self.person(name)
        if person is None or len(person.genders) != 1:
            return True
        g = next(iter(person.genders))
        return not (g == "m" and pronoun in FEMALE_PRONOUNS or g == "f" and pronoun in MALE_PRONOUNS)

    def by_role(self, role: str, mods: tuple[str, ...] | None = None) -> str | None:  # noqa: D401
        """The one person titled ``role``; given the description's modifiers ("the House
        speaker" -> ("house",)), only when that person's title or appositive had each of them
        ("House Speaker Nancy Pelosi"): "the foreign minister" is not "Prime Minister X"."""
        names = [p for p in self.people if role in p.roles]
        if len(names) != 1:
            return None
        return names[0].name if mods_fit(names[0].roles, mods) else None


def mods_fit(roles: set[str], mods) -> bool:
    """Does a description's modifiers fit a person's title words (``roles``' "+word"s)?"""
    for m in mods or ():
        if m in PARTY_WORDS:
            # "the Republican governor" for the one governor: only a title or appositive
            # giving another party says otherwise
            if any(w[1:] in PARTY_WORDS and PARTY_WORDS[w[1:]] != PARTY_WORDS[m] for w in roles):
                return False
        elif "+" + m not in roles:
            return False
    return True


def epithet_fits(ctx: Context, name: str, mention: str) -> bool:
    """May a role description ("the president", "the foreign minister", "the Republican
    governor") stand for ``name`` (found as the speaker of the sentence before)? Only when the
    article gave that person the role, with no modifier against the title ("Prime Minister
    Ann Rowe" is no foreign minister; a Democratic governor no Republican one); a description
    whose head is no role noun ("the Ohio Democrat") is not asked."""
    words = mention.replace("\u2019", "'").split()
    head = words[-1].lower() if words else ""
    if head not in ROLE_NOUNS:
        return True
    person = ctx.person(name)
    if person is None or head not in person.roles:
        return False
    mods = []
    for w in words[1:-1]:
        low = w.lower().removesuffix("'s")
        if w[:1].isupper() or low in OFFICE_ADJS or w.endswith("'s"):
            mods.append(low)  # (a lower-case describing word, "embattled", is no other office)
    return mods_fit(person.roles, mods)


# argument positions in which a known surname the tagger took for a common word is still the
# person ("Trump has faced questions ...", "Trump" a NOUN at the sentence start)
SLIP_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative"}


def _slipped_surname(t) -> bool:
    """Is ``t`` a capitalised word the tagger did not call a proper noun (a NOUN, VERB, ADJ,
    INTJ) standing alone as an argument, with no determiner ("Trump has faced ...", not "A
    grant from ...")? Only asked of the surnames of people the article named."""
    return (t.is_title and t.pos_ in ("NOUN", "VERB", "ADJ", "INTJ", "X") and t.dep_ in SLIP_DEPS
            and t.ent_type_ in ("", "ORG", "NORP") and not any(c.dep_ in ("det", "amod", "compound") for c in t.children))


def person_spans(doc, s: int, e: int, ctx: "Context | None" = None):
    """PERSON entities in the sentence [s, e), with the role nouns titling each (and,
    given the article context, bare surnames of people it named: "Carver")."""
    out = []
    if ctx is not None and "claimtrack.shadows" not in doc.user_data:
        record_shadows(ctx, doc)
    if ctx is not None and ctx.people:
        surnames = {p.name.split()[-1] for p in ctx.people}
        for t in doc[s:e]:
            if t.ent_type_ != "PERSON" and t.text in surnames and t.dep_ != "compound" and (
                    t.pos_ == "PROPN" or _slipped_surname(t)):
                out.append((doc[t.i : t.i + 1], t.text, set()))
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start < s or ent.end > e:
            continue
        if len(ent) == 1 and ent[0].pos_ != "PROPN":
            continue
        cut = next((k for k, t in enumerate(ent) if t.text in ("'s", "’s") and 0 < k < len(ent) - 1), None)
        if cut is not None:
            ent = doc[ent.start:ent.start + cut]  # "Clinton’s van" tagged a person: the person is Clinton
        if len(ent) >= 2 and ent[0].lower_ in SPEECH_LEADS and _inverted_cue(doc, ent, s, ctx):
            ent = doc[ent.start + 1:ent.end]  # "Said Ellis: “...”": the person is Ellis
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        # the title's head word right before the name is the role ("Kremlin negotiator Yuri
        # Ushakov" -> negotiator; "Deputy Attorney General Rod Rosenstein" is no "attorney",
        # "Vice President Joe Biden" no "president": a rank word makes it another role)
        roles = set()
        i = ent.start - 1
        chain = []
        while i >= s and doc[i].dep_ in ("compound", "amod") and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") \
                and not doc[i].ent_type_ == "PERSON":
            chain.append(doc[i].lower_)
            i -= 1
        if chain and (chain[0] in ROLE_NOUNS or chain[0] in ROLE_ALIASES) and not any(
                w in RANK_WORDS or w in ("attorney", "general") and chain[0] != w for w in chain):
            roles |= ROLE_ALIASES.get(chain[0], {chain[0]})
            roles |= {"+" + w for w in chain[1:]}  # the title's other words ("House Speaker": +house)
        elif not roles:
            roles |= _of_title(doc, ent.start, s) or _bare_title(doc, ent.start, s)
        roles |= appositive_roles(ent.root)
        out.append((ent, text.strip(), roles))
    return out


KNOWN_FIRST = MALE_FIRST | FEMALE_FIRST

# speech verbs the tagger takes into a name when a sentence opens on them ("Said Ellis: “...”")
SPEECH_LEADS = {"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "replied", "continued"}


def _inverted_cue(doc, ent, s: int, ctx: "Context | None") -> bool:
    """Is the first word of the PERSON entity ``ent`` ("Said Ellis") an inverted speech cue:
    the sentence opens on it (or on a quotation mark), a colon or a comma and a quotation mark
    follow the name, and the name without it opens on a known first name or is a person the article named with
    another first name ("Tom Ellis")? "Said Jalili", a first name, is left whole."""
    i = ent.start
    if i > s and not all(t.is_punct for t in doc[s:i]):
        return False
    j = ent.end
    if j >= len(doc) or doc[j].text not in (":", ","):
        return False
    if doc[j].text == "," and not (j + 1 < len(doc) and doc[j + 1].text in ("“", '"', "``", "''", "‘")):
        return False
    rest = doc[i + 1:ent.end].text
    if len(rest.split()) >= 2 and rest.split()[0].lower() in KNOWN_FIRST:
        return True  # "Said Tom Ellis:"
    canon = ctx.canonical(rest) if ctx is not None else None
    return canon is not None and canon.split()[0].lower() != doc[i].lower_


def record_shadows(ctx: Context, doc) -> None:
    """Once per paragraph: full names (a known first name, then capitalised names) the tagger
    gave another type than person ("Keith Lamont Scott" an ORG), by surname (see ``canonical``)."""
    doc.user_data["claimtrack.shadows"] = True
    for ent in doc.ents:
        if ent.label_ == "PERSON" or not 2 <= len(ent) <= 4:
            continue
        words = [t.text for t in ent if t.text not in ("'s", "’s")]
        if len(words) >= 2 and words[0].lower() in KNOWN_FIRST and all(
                w[:1].isupper() and w.replace(".", "").isalpha() for w in words):
            ctx.shadows.setdefault(words[-1], set()).add(words[0])


def _bare_title(doc, start: int, s: int) -> set[str]:
    """A capitalised title right before a name that the parse did not attach as a compound
    ("Trump and Sen. Mitch McConnell", "Sen." a conjunct): its role, so that "the senator"
    counts this person too."""
    j = start - 1
    if j < s:
        return set()
    t = doc[j]
    low = t.lower_
    if not t.text[:1].isupper() or t.ent_type_ == "PERSON" or (low not in ROLE_ALIASES and low not in ROLE_NOUNS) \
            or j - 1 >= s and doc[j - 1].lower_ in RANK_WORDS | {"attorney"}:
        return set()
    return set(ROLE_ALIASES.get(low, {low}))


def _of_title(doc, start: int, s: int) -> set[str]:
    """A title "ROLE of Place" right before a name ("Secretary of State Hillary Clinton",
    "Governor of Texas Ann Lee"): {role, "+place"}; none after a rank word ("Deputy
    Assistant Secretary of State ...")."""
    j = start - 1
    words = []
    while j >= s and len(words) < 2 and doc[j].pos_ == "PROPN" and doc[j].ent_type_ != "PERSON":
        words.append(doc[j].lower_)
        j -= 1
    if not words or j - 1 < s or doc[j].lower_ != "of":
        return set()
    role = doc[j - 1]
    if not role.text[:1].isupper() or role.lower_ not in ROLE_NOUNS or (j - 2 >= s and doc[j - 2].lower_ in RANK_WORDS):
        return set()
    return {role.lower_} | {"+" + w for w in words}


def _definite_role(t) -> bool:
    """Is ``t`` a role noun made definite by "the" or a possessor ("the coalition's executive
    director", "the committee’s chairman"), with no rank word ("the former chairman")?"""
    if t.pos_ != "NOUN" or t.tag_ != "NN" or t.lower_ not in ROLE_NOUNS:
        return False
    kids = list(t.lefts)
    return bool(kids) and (kids[0].lower_ == "the" or kids[0].dep_ == "poss" and kids[0].pos_ in ("NOUN", "PROPN")) \
        and not any(k.lower_ in RANK_WORDS for k in kids)


PARTY_WORDS = {"republican": "r", "gop": "r", "democratic": "d", "democrat": "d"}
# adjectives that make another office ("the foreign minister" is not "Prime Minister X"):
# they must be in the person's title; other lower-case adjectives only describe ("the
# embattled governor", "the 68-year-old congressman", "the sitting president")
OFFICE_ADJS = {"foreign", "prime", "executive", "chief", "general", "interior", "national", "ranking",
               "majority", "minority", "principal", "special", "presidential", "federal", "state", "legal",
               "financial", "medical", "military", "civilian", "democratic", "republican"}


def _mod_tokens(t):
    """The words before a role noun that say which one, with those of its possessor noun ("The
    Senate committee's chairman": committee, and the committee's Senate -- a description of
    another committee's chairman is not the chairman the article named)."""
    for k in t.lefts:
        if k.dep_ in ("amod", "compound", "poss", "nmod") and k.pos_ != "PRON":
            yield k
            if k.dep_ == "poss" and k.pos_ in ("NOUN", "PROPN"):
                yield from (g for g in k.lefts if g.dep_ in ("amod", "compound", "nmod") and g.pos_ != "PRON")


def description_mods(t) -> tuple[str, ...]:
    """The modifiers of a description ``t`` (a role noun) that must fit the person's title:
    nouns, names, capitalised and office-making words; a describing adjective is left out."""
    return tuple(k.lower_ for k in _mod_tokens(t)
                 if not (k.pos_ in ("ADJ", "VERB") and k.text.islower() and k.lower_ not in OFFICE_ADJS)
                 and not (k.text.islower() and any(c.text == "-" for c in k.children)))  # "second-term"


def role_mods(t) -> tuple[str, ...]:
    """The words before a role noun that say which one ("the coalition's executive director"
    -> ("coalition", "executive")), lowercased; determiners and "'s" left out."""
    return tuple(k.lower_ for k in _mod_tokens(t))


def appositive_roles(root) -> set[str]:
    """Roles an appositive gives a name ("Matt Brooks, the coalition's executive director" and
    "the committee's chairman, Representative Trey Gowdy": director / chairman, with their
    modifier words as "+coalition", "+executive"). Only definite descriptions: "a spokesman"
    is one of many."""
    cands = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        cands.append(root.head)
    for c in cands:
        if _definite_role(c):
            return {c.lower_} | {"+" + m for m in role_mods(c)}
    return set()


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
    if len(ent) >= 2:
        first = ent[0].lower_
        if first in MALE_FIRST:
            return "m"
        if first in FEMALE_FIRST:
            return "f"
    return None


# entity types that are never a he/she
NON_PERSON_ENTS = {"NORP", "GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "LAW", "MONEY", "PERCENT",
                   "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE", "PRODUCT", "WORK_OF_ART"}
# (no pobj: "via Twitter", "with Fox News" are most often things)
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "conj", "appos", "dative"}


def rival_mentions(doc, s: int, upto: int, spans, ctx: "Context") -> list[str]:
    """Other possible antecedents in [s, upto) that are no recognised person: a capitalised
    word in an argument position the tagger did not call a person ("pounding LePage",
    "Trump and his allies" with "Trump" tagged a verb), or a description of a person ("the
    president"): its name when certain, else "?"."""
    return [("?" if t.pos_ != "NOUN" or description_span(t) is None else resolve_description(ctx, t) or "?")
            for t in rival_tokens(doc, s, upto, spans)]


# nouns for a person that resolution never names but that make a he/she uncertain ("accusations
# that the congressman had misused his office": "his" is the congressman's, not the last person named)
PERSON_NOUNS = {"congressman", "congresswoman", "candidate", "nominee", "justice", "speaker", "businessman",
                "businesswoman", "billionaire", "sheriff", "man", "woman", "father", "mother", "wife", "husband",
                "son", "daughter", "boy", "girl", "victim", "suspect", "defendant", "gunman", "shooter", "host",
                "reporter", "writer", "author", "activist", "pastor", "priest", "bishop", "student", "teacher",
                "doctor", "soldier", "veteran", "democrat", "republican", "incumbent", "challenger", "plaintiff",
                "actress", "actor", "star", "owner", "employee", "worker", "agent", "analyst", "commentator",
                "pundit", "anchor", "columnist", "politician", "lawmaker", "nominee", "newcomer", "chair"}


def person_noun(t) -> bool:
    """"the congressman", "this candidate", "Grimm's lawyer"-like nouns (a person the
    article describes without naming): a rival antecedent for a pronoun."""
    return (t.pos_ == "NOUN" and t.tag_ == "NN" and t.lower_ in PERSON_NOUNS | ROLE_NOUNS
            and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "his", "her", "their")
                    for c in t.children))


def rival_tokens(doc, s: int, upto: int, spans) -> list:
    """The tokens ``rival_mentions`` names."""
    inside = set()
    for ent, _, _ in spans:
        inside |= set(range(ent.start, ent.end))
    persons = set(inside)  # (the people's own tokens; "inside" also gets named things below)
    described = {ent.root.head.i for ent, _, _ in spans if ent.root.dep_ == "appos"}  # "the governor, Tom Baker"
    for ent in doc.ents:  # "Fox News", "Wal-Mart Stores": a named thing of several words is no he/she
        if ent.label_ != "PERSON" and len(ent) > 1 and ent.end > s and ent.start < upto:
            inside |= set(range(ent.start, ent.end))
    out = []
    # a wire dateline the segmenter kept ("AUGUSTA, Me. — ...", "ORLANDO, Fla. -"): its place
    # names are nobody
    if s < upto and doc[s].is_upper and len(doc[s].text) > 2 and doc[s].is_alpha:
        dash = next((t.i for t in doc[s:min(s + 8, upto)] if t.text in ("—", "–", "-", "--")), None)
        if dash is not None:
            s = dash + 1
    for t in doc[s:upto]:
        if t.i in inside or t.ent_type_ in NON_PERSON_ENTS:
            continue
        if t.i in described or t.dep_ == "appos" and t.head.i in persons:
            continue  # "Tom Baker, the embattled governor of Maine, ...": the person named, described
        if description_span(t) is not None or person_noun(t):
            out.append(t)
            continue
        if t.i > 0 and doc[t.i - 1].text == "(" and len(t.text) <= 2:
            continue  # a party label after a name ("Gov. Pat McCrory (R) said"), nobody else
        if t.dep_ not in ARG_DEPS or not t.text[:1].isupper() or not t.is_alpha or t.pos_ in ("PRON", "DET") \
                or t.tag_ == "NNPS" or t.i == s and t.tag_ == "NNS" and t.pos_ == "NOUN":
            continue
        if t.ent_type_ == "ORG" and (t.dep_ not in ("nsubj", "nsubjpass", "dobj", "poss") or t.text.isupper()
                                     or any(c.dep_ == "det" for c in t.children)):
            continue  # "via Twitter", "the FBI": an organisation, not a person the tagger missed
        out.append(t)
    return out


# (a plural is its own kind: "X and Y said in statements" owns "the statements", not "the
# statement", one of the two; "X said in a statement" does not own "the statements")
DOC_NOUNS = {"statement": "statement", "statements": "statements", "letter": "letter", "letters": "letters",
             "suit": "suit", "lawsuit": "suit", "suits": "suits", "lawsuits": "suits", "complaint": "complaint",
             "complaints": "complaints", "memo": "memo", "memos": "memos"}
OWNER_ENTS = ("PERSON", "ORG", "GPE")
DOC_WORDS = ("statement", "letter", "suit", "complaint", "memo")
ISSUE_VERBS = {"file", "bring", "issue", "release", "send", "write", "sign", "submit", "publish", "put"}


def _named_owner(ctx: Context, t) -> str | None:
    """The name a token stands for as a document's owner: a person, organisation or place
    entity (with a coordinated one: "Nebraska and Oklahoma"), or the person an appositive
    names ("Lee's attorney, Tom Baker"); else None."""
    appos = next((c for c in t.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if appos is not None and t.ent_type_ == "":
        t = appos
    if t.ent_type_ not in OWNER_ENTS:
        return None
    ent = next((x for x in t.doc.ents if x.start <= t.i < x.end), None)
    if ent is None:
        return None
    text = ent.text.removesuffix("'s").removesuffix("’s").strip()
    if ent.label_ == "PERSON":
        text = ctx.canonical(text) or text
    conj = [c for c in t.children if c.dep_ == "conj"]
    if conj:
        other = _named_owner(ctx, conj[0]) if conj[0].ent_type_ == ent.label_ else None
        if other is None or len(conj) > 1:
            return None
        text = f"{text} and {other}"
    return text


def record_documents(ctx: Context, doc, s: int, e: int) -> None:
    """Note who issued each statement/letter/suit the sentence mentions with an owner phrase:
    "X said in a statement", "a statement from X", "X's letter", "a suit filed by X". A named
    owner is recorded; an indefinite document whose owner is not named ("the tech giant said
    in a statement", "a letter") records "?", so that a later "the statement" is not certain."""
    found = doc.user_data.get("claimtrack.doc_nouns")
    if found is None:  # once per paragraph, and a token loop only where the words occur at all
        low = doc.user_data.get("claimtrack.text")
        low = (doc.text if low is None else low).lower()
        found = [t.i for t in doc if t.lower_ in DOC_NOUNS] if any(w in low for w in DOC_WORDS) else []
        doc.user_data["claimtrack.doc_nouns"] = found
    for t in (doc[i] for i in found if s <= i < e):
        key = DOC_NOUNS[t.lower_]
        if t.pos_ != "NOUN":
            continue
        owner_tok = None
        poss = next((c for c in t.children if c.dep_ == "poss"), None)
        if poss is not None:
            owner_tok = poss
        prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
        if owner_tok is None and prep is not None:
            owner_tok = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if owner_tok is None:
            acl = next((c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)  # "a suit filed by X"
            agent = next((c for c in acl.children if c.dep_ == "agent"), None) if acl is not None else None
            owner_tok = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if owner_tok is None and t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.pos_ == "VERB":
            owner_tok = next((c for c in t.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if owner_tok is None and t.dep_ == "dobj" and t.head.lemma_ in ISSUE_VERBS:  # "Ohio filed a suit"
            owner_tok = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in t.children)
        if owner_tok is None:
            if not definite and poss is None:
                ctx.doc_owners.setdefault(key, set()).add("?")  # "a letter": another one, whose?
            continue
        name = _named_owner(ctx, owner_tok)
        if name is not None:
            ctx.doc_owners.setdefault(key, set()).add(name)
        elif not definite:
            ctx.doc_owners.setdefault(key, set()).add("?")


def document_owner(ctx: Context, mention: str) -> str | None:
    """Whose "the statement" / "the letter" / "the suit" (a speaker mention) is: the one owner
    the article named for that kind of document, else None."""
    words = mention.lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in DOC_NOUNS:
        return None
    owners = ctx.doc_owners.get(DOC_NOUNS[words[1]], set())
    return next(iter(owners)) if len(owners) == 1 and "?" not in owners else None


def update(ctx: Context, doc, s: int, e: int, speaker_name: str | None) -> None:
    """Record the people of a processed sentence."""
    record_documents(ctx, doc, s, e)
    ctx.sentences.append((doc, s, e))
    record_lists(ctx, doc, s, e)
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
    rivals = rival_mentions(doc, s, e, spans, ctx)
    # a subject he/she nobody could resolve continues a chain the article does not name ("Saying
    # President Obama, he said, was too simple an answer. ... He held the audience spellbound":
    # he is the speaker, not Obama): the next sentence's he/she is not certain either
    pron = next((t for t in doc[s:e] if t.lower_ in ("he", "she") and t.pos_ == "PRON" and t.dep_ in (
        "nsubj", "nsubjpass") and (t.head.dep_ == "ROOT" or t.head.dep_ == "parataxis" and t.head.head.dep_ == "ROOT")),
        None)  # (also the speaker of an aside: "Saying Obama, he said, was too simple an answer")
    # (or one whose carried name was rejected: "Ana Cruz, 52, lives nearby. She said A. \u201cB,\u201d she said")
    lost = pron is not None and speaker_name is None and (
        pron.i in doc.user_data.get("claimtrack_rejected_pronouns", ()) or resolve_pronoun(ctx, doc, pron, s, e) is None)
    if names:
        ctx.last_sentence_people = list(dict.fromkeys([ctx.canonical(n) or n for n in names] + rivals
                                                      + (["?"] if lost else [])))
        ctx.last_subject_person = subj_name
        from claimtrack.claims.attribution import not_a_speaker, quote_regions

        regions = {i for a, b in quote_regions(doc) for i in range(a + 1, b)}
        mentions: dict[str, list[bool]] = {}
        for (ent, _, _), n in zip(spans, names):
            mentions.setdefault(ctx.canonical(n) or n, []).append(not_a_speaker(ent.root, regions))
        ctx.last_sentence_listeners = {n for n, flags in mentions.items() if all(flags)}
    elif lost:
        ctx.last_sentence_people = ["?"]
        ctx.last_subject_person = None
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
        # (never the one of several whose known gender fits: "Tom Baker and Ann Lee visited a
        # nurse. She said ..." is the nurse -- an unnamed person is invisible to such a pick)
        if len(ctx.last_sentence_people) == 1:
            name = ctx.last_sentence_people[0]
    if name is None or name == "?":
        return None
    if bound_object(tok):
        subj = clause_subject(tok)
        if any(ent.start <= subj.i < ent.end and (ctx.canonical(t) or t) == name for ent, t, _ in spans_before):
            return None  # "Cruz has a stiff challenge trying to catch him": him is not Cruz
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and (head.tag_ == "VBP" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBP" for c in head.children)):
        return None  # "he are informed": a garbled clause, nobody to name
    same = MALE_PRONOUNS if low in MALE_PRONOUNS else FEMALE_PRONOUNS
    if any(c.i != tok.i and c.lower_ in same and c.lower_ not in ("his", "her") and c.dep_ in (
            "nsubj", "nsubjpass", "dobj", "dative") for c in (head.children if tok.dep_ != "pobj" else [])):
        return None  # "he left him the voicemail": two people, not one
    if before and tok.dep_ in ("nsubj", "nsubjpass") and head.dep_ == "ccomp" and head.head.lemma_ in (
            "say", "tell", "add", "argue", "insist", "suggest") and any(
            p != name and ctx.gender_fits(p, low) for p in ctx.last_sentence_people if p != "?"):
        # "McCain said he should drop out" right after a sentence about Moore: he may be Moore
        return None
    person = next((p for p in ctx.people if p.name == name), None)
    if len(name.split()) < 2 and not (person and (person.roles or person.genders)):
        # a one-word "person" never titled or addressed ("Twitter", "Marine", "Momma") is
        # most often no person; "Mr. Obama", "President Trump" are
        return None
    if any(r != name for r in rival_mentions(doc, s, tok.i, spans_before, ctx)):
        return None  # "Trump and his allies" (Trump not tagged a person), "the president ... he"
    # any other person named in the sentence (also after the pronoun) makes it uncertain
    if e is not None:
        # (a person named inside the phrase a his/her owns is not its owner: "several of his
        # heroes, including Chuck Berry", "his meeting with Putin", "his wife, Melania")
        owned = range(tok.i + 1, _owned_end(tok, e)) if tok.dep_ == "poss" and tok.head.i > tok.i else range(0)
        others = {ctx.canonical(t) or t for ent, t, _ in person_spans(doc, s, e, ctx) if ent.start not in owned} - {name}
        if others:
            return None
        if any(_unknown_name(t, name) for t in doc[tok.i + 1:e]):
            return None  # "His medical degree has not shielded Oz from critics": Oz (untagged) may own it
    if not ctx.gender_fits(name, low):
        return None
    if low == "her" and tok.dep_ == "poss" and tok.head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None  # "calling her evasive" parsed as a possessive: neither "X's evasive" nor certain
    if low == "his" or (low == "her" and tok.dep_ == "poss"):
        return name + "'s"
    return name


QUANTIFIERS = {"several", "some", "many", "all", "one", "two", "three", "most", "few", "each", "both", "none", "any"}


def _owned_phrase(tok):
    """The noun a possessive pronoun owns, or the quantity of it ("several of his heroes, including
    ...": the list hangs on "several")."""
    h = tok.head
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lower_ in QUANTIFIERS:
        return h.head.head
    return h


def _owned_end(tok, e: int) -> int:
    """Where the phrase a his/her owns ends: its subtree, or -- when it goes on with an
    "including" list that runs to the sentence's end with no verb ("several of his heroes,
    including the musician Ann Lee, the pitcher Tom Baker and ...", the parse hanging the list's
    later names elsewhere) -- the sentence's end: the people listed are the owned ones."""
    h = _owned_phrase(tok)
    end = h.right_edge.i + 1
    inc = next((c for c in h.children if c.dep_ == "prep" and c.lower_ == "including"), None)
    if inc is not None and not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[inc.i + 1:e]):
        return e
    return end


def _unknown_name(t, name: str) -> bool:
    """Is ``t`` a name the tagger gave no entity type, standing as an argument ("... shielded
    Oz from critics"), and no word of ``name``? After a pronoun it may be whom the pronoun
    means, as much as anyone named before."""
    return (t.pos_ == "PROPN" and t.ent_type_ == "" and t.is_title and t.is_alpha and t.tag_ == "NNP"
            and t.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "appos", "conj")
            and t.text not in name.split()
            # (a person's name is one or a few names: no "Action for Childhood Arrivals",
            # "Major Islamic Holiday"; and "his wife, Ana" is not the owner of "his")
            and all(c.dep_ in ("compound", "punct", "cc", "conj", "appos", "prep", "relcl", "acl") and (c.dep_ != "compound" or c.pos_ == "PROPN")
                    for c in t.children)
            and not any(c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "in") for c in t.children)
            and not (t.dep_ == "appos" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.head.children)))


def clause_subject(tok):
    """The subject of the clause an object pronoun sits in, through non-finite verbs ("Cruz
    has a hard time trying to catch him": the subject of "catch" is Cruz), or None."""
    v = tok.head.head if tok.dep_ == "pobj" else tok.head
    for _ in range(6):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if v.dep_ == "conj" and v.pos_ in ("VERB", "AUX") and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head  # "Trump ... hammered the agent and cast him as ...": the subject is carried over
            continue
        if v.dep_ in ("xcomp", "advcl", "pcomp", "acl", "prep", "pobj", "dobj") and v.tag_ in ("VBG", "VB", "IN", "NN", "TO") \
                and v.head.i != v.i:
            v = v.head
            continue
        return None
    return None


def bound_object(tok) -> bool:
    """Is ``tok`` (him/her as an object) in the same clause as its subject's person, who then
    cannot be "him" (that would be "himself")?"""
    if tok.lower_ not in ("him", "her") or tok.dep_ not in ("dobj", "pobj", "dative"):
        return False
    subj = clause_subject(tok)
    # ("President Trump and his allies ... cast him as ...": him is not Trump either)
    return subj is not None and (subj.ent_type_ == "PERSON" or any(
        c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in subj.children) and not any(
        c.dep_ == "conj" and c.ent_type_ != "PERSON" and c.pos_ == "PROPN" for c in subj.children))


def group_possessive(tok) -> bool:
    """Is ``tok`` a his/her owning the object of a verb whose subject is a person and a group
    ("Mitt Romney and other Republicans have criticized his foreign policy")? The group does
    not criticise its own member's policy: "his" is someone the clause does not name."""
    if tok.lower_ not in ("his", "her") or tok.dep_ != "poss" or tok.head.dep_ not in ("dobj", "pobj"):
        return False
    verb = tok.head.head if tok.head.dep_ == "dobj" else tok.head.head.head
    if verb.lemma_.lower() not in OPPOSE_VERBS:
        return False  # ("Obama and other Democrats defended his health law" may be his own)
    subj = clause_subject(tok.head)
    return subj is not None and subj.ent_type_ == "PERSON" and any(
        c.dep_ == "conj" and c.tag_ in ("NNS", "NNPS") and any(g.lower_ == "other" for g in c.children)
        for c in subj.children)


OPPOSE_VERBS = {"criticize", "criticise", "attack", "slam", "blast", "condemn", "oppose", "denounce", "assail",
                "mock", "ridicule", "hammer", "deride", "question", "reject", "challenge", "fault", "lambaste"}


def description_span(tok, loose: bool = False):
    """If ``tok`` heads a definite description of a person ("the US official",
    "Putin's diplomatic adviser", "the two leaders"), its (start, end) token range.
    ``loose``: also with a capitalised modifier ("the Republican governor"), for resolution,
    which then needs that word in the one person's title ("Republican Gov. Ann Lee")."""
    if tok.pos_ != "NOUN":
        return None
    low = tok.lower_
    kids = list(tok.lefts)
    if not kids:
        return None
    first = kids[0]
    if any(k.lower_ in RANK_WORDS for k in kids):
        return None  # "the vice president", "the former president": another person than "the president"
    if not loose and any(k.dep_ == "amod" and (k.text[:1].isupper() or k.ent_type_ in ("NORP", "GPE")) for k in kids):
        return None  # "the Russian president" is not the president the article named
    if any(c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "at", "on") for c in tok.rights):
        return None  # "the president of the board", "the envoy for the coalition": a role the article may not have named
    if low in ROLE_NOUNS and tok.tag_ == "NN":
        if first.lower_ == "the" or (first.dep_ == "poss" and first.pos_ == "PROPN") or (
                first.dep_ == "poss" and first.pos_ == "NOUN" and any(c.lower_ == "the" for c in first.lefts)):
            # ("the committee's chairman": its modifiers must fit the one chairman, see by_role)
            if all(k.dep_ in ("det", "amod", "compound", "poss", "case") for k in kids):
                return tok.left_edge.i, tok.i + 1
    if low in PAIR_NOUNS:
        if [k.lower_ for k in kids[:2]] in (["the", "two"], ["both"]):
            return tok.left_edge.i, tok.i + 1
    return None


def _owner_or_named(tok, name: str) -> bool:
    """Is ``name`` the owner of the possessed role ``tok`` ("Pelosi's spokesman") or named in
    its sentence outside the role's own words?"""
    own = set(range(tok.left_edge.i, tok.i + 1))
    surname = name.split()[-1]
    return any(t.text == surname for t in tok.sent if t.i not in own) or any(
        c.dep_ == "poss" and c.text in name.split() for c in tok.children)


def resolve_description(ctx: Context, tok) -> str | None:
    low = tok.lower_
    if low in PAIR_NOUNS:
        return ctx.last_pair
    role_hit = ctx.by_role(low, description_mods(tok))
    if role_hit:
        return role_hit
    # a generic role ("the official") most often re-describes the person quoted last
    # ("Ushakov said ... Putin's adviser added"); a possessed one is never its owner, nor a
    # person its own sentence names ("'... President Trump brought up impeachment,' Ms. Pelosi's
    # spokesman wrote": the spokesman is not Trump)
    if low in GENERIC_ROLES and ctx.last_speaker and ctx.last_speaker_age <= 3 and not _introduced(ctx, low) and not (
            any(c.dep_ == "poss" for c in tok.children) and _owner_or_named(tok, ctx.last_speaker)):
        return ctx.last_speaker
    return None


def _introduced(ctx: Context, low: str) -> bool:
    """Has the article introduced an unnamed one ("A spokesperson for Grassley fired back") as a
    subject? Then "the spokesperson" is most likely that one, not the person quoted last."""
    return any(doc[i].dep_ in ("nsubj", "nsubjpass") and any(
        k.dep_ == "det" and k.lower_ in ("a", "an") for k in doc[i].lefts) for doc, i in ctx.noun_occurrences(low))


def by_role_of(ctx: Context, role: str) -> str | None:
    """The one person the article titled ``role``, if any (see ``Context.by_role``)."""
    return ctx.by_role(role)


def description_words(ctx: Context, mention: str) -> str | None:
    """The person a description stands for, read from its words alone ("the president", "the
    House speaker", "the committee's chairman"): "the" + modifiers + a role noun the article
    gave one person as a title or appositive with each of the modifiers. For a speaker mention
    carried from a sentence before, whose tokens the claim's sentence does not hold."""
    words = mention.replace("’", "'").split()
    if not 2 <= len(words) <= 5 or words[0] not in ("the", "The"):
        return None
    head = words[-1]
    if head not in ROLE_NOUNS:  # (lower case: "the President" may be a name's start)
        return None
    mods = []
    for w in words[1:-1]:
        low = w.lower()
        if low.endswith("'s"):
            low = low[:-2]
        if not low.replace("-", "").isalpha() or low in RANK_WORDS or low in ("of", "for", "and", "to"):
            return None
        mods.append(low)
    return ctx.by_role(head, tuple(mods))


# counted groups ("Two heartland states filed a suit, saying ...") named by the one coordinated
# list of names of their kind that the article gives for the same act ("the challenge from
# Nebraska and Oklahoma"): resolved after the whole article is read (the names most often
# follow), only when the count, the kind and one list of the article agree
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
GROUP_KINDS = {"states": "GPE", "countries": "GPE", "nations": "GPE", "provinces": "GPE", "cities": "GPE",
               "senators": "PERSON", "officials": "PERSON", "lawmakers": "PERSON", "governors": "PERSON",
               "congressmen": "PERSON", "companies": "ORG", "firms": "ORG", "banks": "ORG", "airlines": "ORG",
               "automakers": "ORG"}
# ("two other states" are not the ones named; "two more", "two additional" neither)
GROUP_STOP = {"other", "more", "additional", "further", "remaining", "different", "such", "several", "of", "and", "or",
              "the", "those", "these"} | RANK_WORDS
# verbs every group does (saying, being, having): no act that links a group to a list
LIGHT_LEMMAS = {"be", "have", "do", "say", "tell", "add", "state", "argue", "claim", "note", "write", "make", "get",
                "take", "go", "come", "see", "want", "believe", "think", "know", "call", "ask", "report"}
SAME_ACT = {"sue": "suit", "lawsuit": "suit"}
# words that set a list's act apart from the group's ("a separate case", "similar conduct",
# "last year", "in 2019", "two years ago")
OTHER_OCCASION = {"separate", "similar", "unrelated", "earlier", "previous", "previously", "another", "ago"}
PAST_SPANS = {"year", "month", "week", "summer", "fall", "autumn", "spring", "winter", "decade", "term", "session"}


def other_occasion(span) -> bool:
    """Whether a sentence tells of another occasion than today's news: a word that sets it
    apart, "last year", or a year of its own."""
    for t in span:
        low = t.lower_
        if low in OTHER_OCCASION or (low == "last" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in PAST_SPANS):
            return True
        if t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20"):
            return True
    return False


def group_mention(mention: str | None) -> tuple[str, int] | None:
    """(entity kind, count) of a counted group mention ("Two heartland states" -> ("GPE", 2)):
    a count word, at most two lower-case describing words, a plural noun of a known kind."""
    words = (mention or "").split()
    if not 2 <= len(words) <= 4:
        return None
    count, kind = COUNT_WORDS.get(words[0].lower()), GROUP_KINDS.get(words[-1])
    if count is None or kind is None:
        return None
    if any(not w.replace("-", "").isalpha() or not w.islower() or w in GROUP_STOP for w in words[1:-1]):
        return None
    return kind, count


def act_words(t) -> set[str]:
    """The act a group or list token takes part in, as lemmas: its verb and the verb's object
    ("Two states filed a challenge": file, challenge), the thing it owns ("Nebraska and
    Oklahoma's challenge": challenge), the thing it is "from"/"by" ("the suit from ...")."""
    out = []
    h = t.head
    if t.dep_ in ("nsubj", "nsubjpass") and h.pos_ in ("VERB", "AUX"):
        out.append(h)
        out += [c for c in h.children if c.dep_ == "dobj"]
    elif t.dep_ in ("poss", "nmod") and h.pos_ == "NOUN":
        out.append(h)
    elif t.dep_ == "pobj" and h.lower_ in ("from", "by") and h.head.pos_ in ("NOUN", "VERB"):
        out.append(h.head)
        if h.dep_ == "agent":  # "a suit was filed by ...": the suit
            out += [c for c in h.head.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"]
    # the thing the act is about, never its verb alone: "Two senators were charged" is not
    # "Smith and Jones were charged" last year, "Three countries signed a pact" not the
    # three that "signed a statement criticising the pact"
    words = {w.lemma_.lower() for w in out if w.pos_ in ("NOUN", "PROPN") or w.lemma_.lower() in SAME_ACT}
    return {SAME_ACT.get(w, w) for w in words} - LIGHT_LEMMAS


def group_token(doc, s: int, e: int, mention: str):
    """The head noun of a group mention in the sentence [s, e) whose words are the mention."""
    last = mention.split()[-1]
    return next((t for t in doc[s:e] if t.text == last and doc[t.left_edge.i:t.i + 1].text == mention.strip()), None)


def record_lists(ctx: Context, doc, s: int, e: int) -> None:
    """Note the coordinated lists of places, organisations and people of the sentence
    ("Nebraska and Oklahoma", "Ohio, Texas and Georgia"), each with the act it takes part in."""
    roots = doc.user_data.get("claimtrack.lists")
    if roots is None:  # once per paragraph: the entity tokens that start a list
        roots = [ent.root.i for ent in doc.ents if ent.label_ in ("GPE", "ORG", "PERSON")
                 and ent.root.dep_ != "conj" and any(c.dep_ == "conj" for c in ent.root.children)]
        doc.user_data["claimtrack.lists"] = roots
    if other_occasion(doc[s:e]):
        return  # "In a separate case, Kansas and Missouri filed ...": another act than the group's
    for i in roots:
        if not s <= i < e:
            continue
        root = doc[i]
        label = root.ent_type_
        members, todo = [], [root]
        while todo:
            t = todo.pop(0)
            members.append(t)
            todo += [c for c in t.children if c.dep_ == "conj"]
        ents = []
        for t in members:
            ent = next((x for x in doc.ents if x.start <= t.i < x.end), None)
            if ent is None or ent.label_ != label or ent.root.i != t.i:
                ents = []
                break  # "Colorado and other states": no list of names
            name = ent.text.removesuffix("'s").removesuffix("’s").strip()
            ents.append(ctx.canonical(name) or name if label == "PERSON" else name)
        if len(ents) < 2 or len(set(ents)) != len(ents):
            continue
        text = ", ".join(ents[:-1]) + " and " + ents[-1]
        ctx.entity_lists.append((label, frozenset(ents), text, act_words(root), tuple(ents)))


def group_names(ctx: Context, kind: str, count: int, words: set[str]) -> str | None:
    """The one list of ``count`` names of ``kind`` the article gives, when it takes part in
    the group's act (``words``); None when no list or another list of as many fits."""
    sets: dict[frozenset, list] = {}
    for label, names, text, acts, _ in ctx.entity_lists:
        if label == kind and len(names) == count:
            sets.setdefault(names, [text, set()])[1].update(acts)
    if len(sets) != 1 or not words:
        return None
    text, acts = next(iter(sets.values()))
    return text if acts & words else None


def name_groups(ctx: Context) -> list:
    """At the article's end: each counted group speaker or subject (noted as its claims were
    made) gets the one list of names that fits it. The claims whose text changed are returned
    (their count is no number of the claim any more; the names are its entities)."""
    changed = []
    for claim, mention, where, kind, count, words in ctx.groups:
        text = group_names(ctx, kind, count, words)
        if text is None:
            continue
        if where == "speaker" and claim.speaker == mention:
            claim.speaker = text
        elif where == "text" and claim.text.startswith(mention + " "):
            claim.text = text + claim.text[len(mention):]
            if str(count) in claim.numbers:
                claim.numbers.remove(str(count))
            claim.entities = [x for x in claim.entities if x != f"CARDINAL:{mention.split()[0]}"]
            for name in next(ordered for label, _, t, _, ordered in ctx.entity_lists if label == kind and t == text):
                if f"{kind}:{name}" not in claim.entities:
                    claim.entities.append(f"{kind}:{name}")
            changed.append(claim)
    return changed


# -- things named earlier ("the forum" -> "the African Wildlife Consultative Forum") ----------
THING_POS_IDS = (symbols.NOUN, symbols.PROPN)
# nouns that are no one individual thing, or whose "the" most often means the general one
THING_STOP = {"public", "economy", "country", "government", "world", "state", "nation", "people", "city", "town",
              "administration", "market", "industry", "region", "area", "community", "party", "military", "army",
              "police", "media", "press", "year", "week", "month", "day", "time", "season", "moment", "earth",
              "planet", "internet", "web", "war", "election", "race", "campaign", "system", "law enforcement",
              "nation", "states", "countries", "people", "voters", "public", "left", "right", "way", "fact", "idea",
              "issue", "problem", "question", "end", "start", "beginning", "rest", "majority", "minority", "number",
              "floor", "stage", "field", "front", "side", "top", "bottom", "past", "future", "weekend", "morning",
              "evening", "night", "afternoon", "country's", "globe", "continent", "mainland", "island", "capital",
              "border", "region", "district", "county", "province", "village", "neighborhood", "home", "house",
              "firm", "business", "family", "audience", "crowd", "room", "building", "street", "road", "office",
              "weed", "pot", "marijuana", "money", "cash", "oil", "gas", "water", "food", "drug", "evidence",
              # abstract nouns a misparse glues to a name ("give the chair of the DNC authority to call")
              "authority", "power", "right", "ability", "responsibility", "role", "control", "job", "position",
              "process", "approach", "support", "opposition", "pressure", "effort", "attention"}
THING_OTHER = {"other", "another", "second", "third", "first", "previous", "next", "earlier", "later", "latest",
               "last", "separate", "different", "new", "similar", "same", "original", "current", "former"}
NO_NAME_ENTS = ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
THING_INDEF = {"a", "an", "another", "one", "each", "every", "any", "some", "no", "either", "neither", "such"}
THING_WORD = re.compile(r"^(?:[A-Za-z][\w.&-]*|'s|\u2019s|of|and)$")


def _thing_phrase(doc, a: int, b: int) -> str | None:
    words = [t.text for t in doc[a:b]]
    if not 2 <= len(words) <= 9 or not all(THING_WORD.match(w) for w in words):
        return None
    sent = doc[a].sent
    caps = [w for w in sent if w.is_alpha and len(w) > 3]
    if len(caps) >= 3 and sent[-1].text[-1:] not in ".?!\"\u201d'\u2019:)" \
            and sum(w.text[:1].isupper() for w in caps) * 3 >= len(caps) * 2:
        return None  # a headline ("Christie Throws Hat in the Ring for White House Run"): no parse to trust
    text = doc[a:b].text
    return "the" + text[3:] if text.startswith("The ") else text


def _named_form(t):
    """The named phrase headed by ``t`` ("the African Wildlife Consultative Forum", "Arizona's
    immigration law", "the Department of Homeland Security"), "?" for a mention of another
    (unnamed) one, a set of modifier words for an unnamed modified one, or None (a bare "the X")."""
    if t.ent_type_ == "PERSON":
        return "?"
    lefts = list(t.lefts)
    det = next((k for k in lefts if k.dep_ == "det"), None)
    if det is not None and det.lower_ in THING_INDEF or any(k.dep_ == "nummod" for k in lefts) \
            or any(k.lower_ in THING_OTHER for k in lefts):
        return "?"  # "a committee", "two committees", "the other committee": another one
    if t.dep_ == "compound" and t.text[:1].isupper() or t.dep_ == "pobj" and t.text[:1].isupper() and t.ent_type_ \
            and t.head.head.i < t.i and all(w.ent_iob_ == "I" for w in t.doc[t.head.head.i + 1:t.i + 1]):
        # "Senate Foreign Relations Committee Chairman John Kerry", "the Potsdam Institute for
        # Climate Impact Research": a name inside a name
        return "?"
    # ("the Republican Jewish Coalition": capitalised adjectives inside the organisation's name)
    proper = [k for k in lefts if k.dep_ in ("compound", "amod") and k.ent_type_ not in NO_NAME_ENTS and (
        k.pos_ == "PROPN" or k.text[:1].isupper() and k.ent_type_ and k.ent_type_ == t.ent_type_)]
    poss = next((k for k in lefts if k.dep_ == "poss"), None)
    if any(k.dep_ == "amod" and k.pos_ == "ADJ" and k not in proper for k in lefts) and (poss is not None or proper):
        return "?"  # "Colorado's legal weed": a description, not a name
    if poss is not None:
        if poss.pos_ == "PROPN" and poss.ent_type_ not in NO_NAME_ENTS and poss.ent_type_ and not proper:
            return _thing_phrase(t.doc, poss.left_edge.i, t.i + 1) or "?"  # "Arizona's immigration law"
        return "?"  # "its committee", "Obama's speech", "Thursday's reading": someone's, maybe another
    end = t.i + 1
    of = next((c for c in t.rights if c.dep_ == "prep" and c.lower_ in ("of", "on", "for")), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and pobj.pos_ == "PROPN" and pobj.ent_type_ not in NO_NAME_ENTS and t.text[:1].isupper():
        end = pobj.right_edge.i + 1  # "the Department of Homeland Security", "the House Select Committee on Benghazi"
        while end < len(t.doc) and t.doc[end].pos_ == "PROPN" and t.doc[end].ent_type_ == pobj.ent_type_ != "":
            end += 1  # ("Homeland" and "Security" both the preposition's objects)
    if end < len(t.doc) and (t.doc[end].text in ("-", "\u2013", "\u2014") or t.doc[end].lower_ == "of" and
                                              end + 1 < len(t.doc) and t.doc[end + 1].text[:1].isupper()):
        return "?"  # "St. Louis Community College\u2013Florissant Valley": the name goes on, unparsed
    if proper or end > t.i + 1:
        start = min(k.left_edge.i for k in proper) if proper else t.i
        if det is not None and det.lower_ == "the" and det.i == start - 1:
            start = det.i
        if any(k.i < start and k.dep_ != "det" for k in lefts):
            return "?"
        return _thing_phrase(t.doc, start, end) or "?"  # "the House Ethics Committee"
    if t.text[:1].isupper() and t.pos_ == "PROPN" and not t.is_sent_start and not (
            det is not None and det.lower_ in ("the", "this", "that") and len(lefts) == 1 and not any(True for _ in t.rights)):
        return "?"  # "Forum" as (part of) a name the parse did not build
    mods = {k.lower_ for k in lefts if k.dep_ in ("compound", "poss", "nmod") or k.dep_ == "amod" and k.pos_ != "ADJ"}
    return mods or None


def named_thing(ctx: Context, key: str) -> str | None:
    """The one named phrase the article gave so far for the noun ``key`` ("forum"), when no other
    mention of such a thing (another name, "a forum", "its forum") stands beside it; else None."""
    occ = ctx.noun_occurrences(key)
    if not occ:
        return None
    hit = ctx.named_cache.get(key)
    if hit is not None and hit[0] == len(occ):
        return hit[1]
    phrases: dict[str, str] = {}
    loose: set[str] = set()
    rival = False
    forms = ctx.named_forms
    for doc, i in occ:
        form = forms.get((id(doc), i), forms)
        if form is forms:
            form = forms[id(doc), i] = _named_form(doc[i])
        if form == "?":
            rival = True
            break
        if isinstance(form, str):
            phrases.setdefault(form.lower().removeprefix("the "), form)
        elif form:
            loose |= form
    name = None
    if not rival and len(phrases) == 1:
        low, name = next(iter(phrases.items()))
        words = set(low.replace("\u2019", "'").replace("'s", " ").split())
        if not loose <= words:
            name = None  # "the immigration law" beside "Ohio's voting law": which?
    ctx.named_cache[key] = (len(occ), name)
    return name
