"""The Claim record."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Claim:
    """One claim. ``article_text[char_start:char_end]`` is its evidence; ``text`` is the
    cleaned claim (quotes, attribution and conjunctions removed)."""

    text: str
    char_start: int
    char_end: int
    sentence_idx: int = 0
    speaker: str | None = None
    cue: str | None = None  # the reporting verb or phrase: "said", "according to"
    quote_kind: str = "none"  # direct | indirect | none
    polarity: str = "positive"  # positive | negative
    hedge: str | None = None  # may, could, reportedly, ...
    numbers: list[str] = field(default_factory=list)  # normalised, e.g. "4.5 hour"
    entities: list[str] = field(default_factory=list)  # "PERSON:Marco Rubio"

    @property
    def is_quote(self) -> bool:
        return self.quote_kind == "direct"


@dataclass
class Extraction:
    """What one article yielded: its claims and how many sentences were dropped and why."""

    claims: list[Claim]
    n_sentences: int
    dropped: dict[str, int] = field(default_factory=dict)
