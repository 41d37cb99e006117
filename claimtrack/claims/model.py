"""The Claim record."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimtrack.claims.cues import DOCUMENT_NOUNS

# Sentence-initial words that are never part of a name: after "X said" / "According to X," they
# are lower-cased ("Mitch McConnell said the Senate will vote", not "said The Senate").
CLOSED_CLASS_OPENERS = frozenset(
    "a an the this that these those there it its they their we our he his she her you your "
    "from in on at by for with after before during since until when while if as because "
    "although though despite under over about among between into through without".split()
)


@dataclass
class Claim:
    """One claim. ``text`` is the standalone claim (attribution, quotes and conjunctions
    removed; pronouns and definite descriptions resolved where the article names the
    referent); ``original_text`` is the same claim in the article's own wording.
    ``article_text[char_start:char_end]`` is its main evidence span; ``spans`` lists every
    (start, end) piece of the article the claim is built from (a shared subject, an
    appositive's head, ...)."""

    text: str
    char_start: int
    char_end: int
    sentence_idx: int = 0
    speaker: str | None = None  # resolved to a name where the article names the speaker
    cue: str | None = None  # the reporting verb or phrase: "said", "according to", "described … as"
    quote_kind: str = "none"  # direct | indirect | mixed | none
    polarity: str = "positive"  # positive | negative
    hedge: str | None = None  # may, could, reportedly, ...
    numbers: list[str] = field(default_factory=list)  # normalised, e.g. "4.5 hour"
    entities: list[str] = field(default_factory=list)  # "PERSON:Marco Rubio"
    spans: list[tuple[int, int]] = field(default_factory=list)
    original_text: str | None = None  # the claim as worded in the article (before resolution)
    speaker_mention: str | None = None  # the speaker as worded in the article ("He")
    dates: list[str] = field(default_factory=list)  # ISO dates resolved against published_at
    kind: str = "clause"  # clause | relative | appositive | title | description | participial
    checkworthiness: float = 0.0  # 0..1, how worth tracking the claim is
    attribution_kind: str | None = None  # speech | belief | intention | other (of .cue); None when unattributed
    # ``atomic`` granularity only: the clause it was split from, numbered within its sentence
    # (the facets of one clause share it; the pipeline stores it as ``parent_claim_id``)
    clause: int | None = None

    @property
    def is_quote(self) -> bool:
        return self.quote_kind == "direct"

    @property
    def statement(self) -> str:
        """The claim with its attribution, as a reader would state it without the article:
        "Marco Rubio said relations could be strengthened"."""
        if self.speaker and self.cue:
            cue = self.cue
            mention = self.speaker_mention
            if cue.endswith("… to") and mention and mention.lower() in PRONOUN_MENTIONS and \
                    mention.lower() != self.speaker.lower() and self.text.startswith(mention + " "):
                # "they will not budge", speaker resolved to Democrats: "Democrats refused to
                # budge", not "They refused to budge" (the resolution reaches the statement)
                return _with_intention_cue(self.speaker + self.text[len(mention):], cue)
            last = self.speaker.split()[-1]
            if last in self.text.split()[:4] and not self.text.startswith(("the ", "a ")) and \
                    self.text.split()[0] in self.speaker.split() + ["Mr.", "Ms.", "Mrs.", "The"] or \
                    cue.endswith("… to") and self.speaker_mention and (
                        self.text.startswith(self.speaker_mention + " ")
                        or (self.original_text or "").startswith(self.speaker_mention + " ")):
                # the text already names its speaker as its subject ("The NRA will launch a
                # campaign", from "The NRA plans to launch ..."): "The NRA plans The NRA will"
                # would be garbled; an intention keeps its cue ("X will veto it", cue "vowed … to":
                # "X vowed to veto it", not the vow stated as a fact), also when a pronoun of the
                # subject was resolved ("His visit threatens to muddy ...": "Obama's visit
                # threatens to muddy ...", not "His visit said Obama's visit will muddy ...")
                return _with_intention_cue(self.text, cue)
            # a direct quote keeps its quotation marks, so "I", "we" and "It" read as the speaker's
            if self.quote_kind == "direct" and '"' not in self.text:
                text = f'"{self.text}"'
            else:
                text = _lower_opener(self.text)
            mwords = (self.speaker_mention or "").split()
            if len(mwords) >= 2 and mwords[0].lower() == "the" and mwords[1].lower() in DOCUMENT_NOUNS \
                    and (len(mwords) == 2 or mwords[2] in ("from", "by")) and self.speaker != self.speaker_mention:
                # ("the statement from Grimm's attorney, William McGinley": the statement from McGinley)
                # a document resolved to whose it is ("the suit says", Ohio's): "According to
                # the suit from Ohio, ...", not "Ohio says" (a plural owner, a quoted "we")
                return f"According to the {mwords[1].lower()} from {self.speaker}, {text}"
            if cue == "according to" or self.speaker.split()[-1] in DOCUMENT_NOUNS:
                # ("said the statements": a document speaks in no voice of its own)
                source = self.speaker
                if cue != "according to" and source.split()[0] in ("The", "A", "An"):
                    source = source[:1].lower() + source[1:]  # "According to the report, ..."
                return f"According to {source}, {text}"
            if "…" in cue or cue.endswith("ing") or cue in ("told", "tells", "tell") or self.kind == "description" \
                    or not any(ch.isalpha() for ch in cue):  # "Pence: ..." / a quote signed "― Pence"
                # "described … as" / "called" (a description: the text already holds the
                # proposition "Y is Z", so "X called Y is Z" would be garbled); "noting",
                # "telling" (a participle) and "told" (its listener cut) read as "said"
                cue = "said"
            stated = f"{self.speaker} {cue} {text}"
            return stated[:1].upper() + stated[1:]  # "The senator said …", a sentence of its own
        return self.text


PRONOUN_MENTIONS = {"he", "she", "they", "it", "we", "i"}


def _with_intention_cue(text: str, cue: str) -> str:
    """"Members of both parties will override the bill" with the cue "have vowed … to" ->
    "Members of both parties have vowed to override the bill"; ``text`` unchanged when it is
    not "X will ..." or the cue is no "… to" cue."""
    if not cue.endswith("… to") or " will " not in text:
        return text
    subject, _, rest = text.partition(" will ")
    verb = cue.removesuffix("… to").strip()
    if rest.startswith("not "):
        rest = rest[4:]
        if verb.split()[-1].lower() not in ("refused", "refuses", "refuse", "refusing"):
            verb += " not"  # "vowed not to repeat it"
    stated = f"{subject} {verb} to {rest}"
    return stated[:1].upper() + stated[1:]


def _lower_opener(text: str) -> str:
    """The text as it reads inside a reported statement: a capitalised function word that
    only opened the sentence is lower-cased; names, "I" and quotations stay as written."""
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and first[1:].islower() and first.lower() in CLOSED_CLASS_OPENERS:
        return first.lower() + (" " + rest if rest else "")
    return text


@dataclass
class Extraction:
    """What one article yielded: its claims and how many sentences were dropped and why."""

    claims: list[Claim]
    n_sentences: int
    dropped: dict[str, int] = field(default_factory=dict)
