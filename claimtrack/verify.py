"""The same-claim verifier: is a candidate pair of claims the same claim?

Retrieval by embeddings finds candidates; this module decides. The decision is a small
calibrated logistic model over evidence from the pair (:func:`pair_features`):

- ``cosine``: the sentence embeddings' cosine;
- lexical overlap of content words (stemmed, stop words out), both ways, and of content
  bigrams (word order: "A beat B" vs "B beat A");
- the same overlap with names taken out (``rest_*``), so two different facts about one
  person are not "the same" because they share a name;
- the entities: how many names each side has that the other lacks;
- the typed-field conflicts the extractor stores (numbers of one unit with disjoint
  values, opposite polarity, different dates, different people);
- the length ratio.

The model's weights live in ``claimtrack/data/verifier.json``, written by
``benchmarks/train_verifier.py`` from dev data only (its command and the data's hash are
in the file); nothing is trained at run time. Every feature is a pure function of the two
texts, their vectors and their stored typed fields, so the pipeline computes them from what
extraction already stored, without parsing again."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimtrack.fields import ClaimFields, conflicts
from claimtrack.us_states import AP_ABBREVIATIONS, abbreviation_key
from claimtrack.us_states import STATE_NAMES as ALL_STATE_NAMES  # lower case -> name

MODEL_PATH = Path(__file__).resolve().parent / "data" / "verifier.json"

STOP = frozenset(
    """a an the and or but if then than that this these those there here of in on at to for from by with
    without about into onto over under after before during since until while as is are was were be been
    being am do does did doing done has have had having will would shall should can could may might must
    it its it's he him his she her hers they them their theirs we us our ours i me my mine you your yours
    who whom whose which what when where why how not no nor so too very just also only even still yet
    said says say saying told tell tells according mr mrs ms dr one ones s t up out off again further
    all any both each few more most other some such own same""".split()
)
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*")
SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s")


# abbreviated titles and adjective forms read as the word they stand for
TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "democratic": "democrat"}


def stem(word: str) -> str:
    """A crude, fast suffix stripper: enough to match 'talks'/'talk', 'lasted'/'last',
    'approved'/'approve'."""
    w = word.lower().replace("'s", "").strip("'-")
    if w in TITLES:
        return TITLES[w]
    for suf in SUFFIXES:
        if len(w) > len(suf) + 2 and w.endswith(suf):
            w = w[: -len(suf)] + ("y" if suf in ("ies", "ied") else "")
            break
    # 'approve' / 'approved' / 'approves' -> 'approv'
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


# "Sen. Chuck Grassley (R-Iowa)" and "Senator Charles E. Grassley, Republican of Iowa" say
# the same: party-state tags are read as the party and the state's name.
# (AP-style abbreviations only: a two-letter postal code is too often a word or a company,
# "D-In", "R-Co.")
STATES = {key: name.lower() for key, name in AP_ABBREVIATIONS.items()}
PARTIES = {"r": "republican", "d": "democrat", "i": "independent"}
STATE_NAMES = frozenset(ALL_STATE_NAMES)
PARTY_STATE = re.compile(r"\b([RDI])-(W\.\s?Va\.|[A-Z]\.\s?[A-Z]\.|[A-Z][a-z]+\.?)")


def _party_state(m: re.Match) -> str:
    key = abbreviation_key(m.group(2))
    state = STATES.get(key, key)
    if state not in STATE_NAMES:
        return m.group(0)  # "D-Day"
    return f"{PARTIES[m.group(1).lower()]} {state} "


NEGATION = re.compile(r"\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot)\b|n['’]t\b", re.IGNORECASE)


@dataclass(frozen=True)
class ClaimEvidence:
    """What the verifier reads of one claim: content stems (in order), the stems of its
    names, its typed fields, and whether its wording holds a negation."""

    content: tuple[str, ...]
    names: frozenset[str]
    fields: ClaimFields
    n_tokens: int
    negated: bool = False
    # the stems of a named speaker's name (None: no speaker, or one described, not named),
    # and whether the claim speaks for its speaker ("I", "we", or a leading bound "he")
    speaker: frozenset[str] | None = None
    speaker_relative: bool = False


# "X" vs "not X" is a polarity conflict only when the rest is the same sentence: this share
# of the shorter side's content words shared, in sentences of at least this length ratio.
POLARITY_OVERLAP = 0.8
POLARITY_LENGTH = 0.6


def field_conflicts(a: ClaimEvidence, b: ClaimEvidence) -> dict[str, tuple[str, str]]:
    """The typed-field conflicts of the pair (:func:`claimtrack.fields.conflicts`), less a
    polarity "conflict" the wording does not show (both or neither side holds a negation:
    a parse that missed "isn’t" is not a contradiction) or that is not "X" vs "not X" (a
    negation somewhere in a longer or different sentence)."""
    diff = conflicts(a.fields, b.fields)
    if "polarity" in diff:
        sa, sb = set(a.content), set(b.content)
        overlap = len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0
        length = min(a.n_tokens, b.n_tokens) / max(a.n_tokens, b.n_tokens) if a.n_tokens and b.n_tokens else 0.0
        if a.negated == b.negated or overlap < POLARITY_OVERLAP or length < POLARITY_LENGTH:
            del diff["polarity"]
    return diff


def name_stems(entities) -> frozenset[str]:
    """Stems of the words of a claim's named entities ("PERSON:Richard Blumenthal")."""
    out = set()
    for e in entities or ():
        label, _, text = str(e).partition(":")
        if label in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
            continue
        for w in WORD.findall(text):
            s = stem(w)
            if s and s not in STOP:
                out.add(s)
    return frozenset(out)


# "I ask for your forgiveness" said by one person is not the claim another person makes in
# the same words: a claim in the first person (or opening with a pronoun bound to its
# speaker: "Trump said he was saddened") is about its speaker. ("US" is the country.)
FIRST_PERSON = re.compile(r"\bI\b|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves)\b|"
                          r"^(?:[Hh]e|[Ss]he|[Tt]hey)\b")
# words of a speaker string that are not its name
SPEAKER_TITLES = frozenset(
    """mr mrs ms dr sen senator rep representative gov governor president vice former secretary
    speaker leader chairman chairwoman minister sir lord judge justice gen general the""".split())


def speaker_name(speaker: str | None) -> frozenset[str] | None:
    """The stems of a named speaker's name ("Representative Nancy Pelosi of California" ->
    {nancy, pelosi}); None for no speaker or a description ("a senior administration
    official", "the presumptive Republican nominee"), which may be anyone."""
    if not speaker:
        return None
    head = re.split(r",| of | from ", speaker, maxsplit=1)[0]
    words = WORD.findall(head)
    if not words or not words[-1][0].isupper():
        return None
    out = frozenset(stem(w) for w in words if w[0].isupper() and w.lower().rstrip(".") not in SPEAKER_TITLES)
    return out or None


def speakers_differ(a: ClaimEvidence, b: ClaimEvidence) -> bool:
    """Both claims speak for their speakers, both speakers are named, and the names share no
    word: "I couldn't believe it" (Trump) is not "I can't believe it" (Pelosi)."""
    return (a.speaker_relative and b.speaker_relative and a.speaker is not None and b.speaker is not None
            and not (a.speaker & b.speaker))


def evidence(text: str, entities, fields: ClaimFields, speaker: str | None = None) -> ClaimEvidence:
    words = WORD.findall(PARTY_STATE.sub(_party_state, text))
    content = tuple(s for s in (stem(w) for w in words) if s and s not in STOP)
    return ClaimEvidence(content, name_stems(entities), fields, len(words), bool(NEGATION.search(text)),
                         speaker_name(speaker), bool(FIRST_PERSON.search(text)))


FEATURES = (
    "cosine",
    "overlap_min",      # shared content stems / the shorter side's
    "overlap_max",      # shared content stems / the longer side's
    "bigram_overlap",   # shared content bigrams / the shorter side's
    "rest_min",         # overlap_min with names taken out
    "rest_max",         # overlap_max with names taken out
    "extra_names",      # names on one side only (log)
    "numbers_conflict",
    "numbers_one_side",
    "polarity_conflict",
    "dates_conflict",
    "people_conflict",
    "length_ratio",
    "cos_x_rest",       # cosine * rest_max: similar AND about the same thing beyond the names
)


# Cleared to ask "would these be the same claim if their typed fields agreed?"
CONFLICT_FEATURES = ("numbers_conflict", "polarity_conflict", "dates_conflict", "people_conflict")


def _ratio(n: int, d: int) -> float:
    return n / d if d else 0.0


def pair_features(cos: float, a: ClaimEvidence, b: ClaimEvidence) -> list[float]:
    sa, sb = set(a.content), set(b.content)
    shared = len(sa & sb)
    lo, hi = sorted((len(sa), len(sb)))
    ra, rb = sa - a.names - b.names, sb - a.names - b.names
    rshared = len(ra & rb)
    rlo, rhi = sorted((len(ra), len(rb)))
    ba = set(zip(a.content, a.content[1:]))
    bb = set(zip(b.content, b.content[1:]))
    diff = field_conflicts(a, b)
    extra_names = len(a.names ^ b.names)
    na, nb = bool(a.fields.numbers), bool(b.fields.numbers)
    rest_max = _ratio(rshared, rhi)
    return [
        cos,
        _ratio(shared, lo),
        _ratio(shared, hi),
        _ratio(len(ba & bb), min(len(ba), len(bb))),
        _ratio(rshared, rlo),
        rest_max,
        math.log1p(extra_names),
        float("numbers" in diff),
        float(na != nb),
        float("polarity" in diff),
        float("dates" in diff),
        float("people" in diff),
        _ratio(min(a.n_tokens, b.n_tokens), max(a.n_tokens, b.n_tokens)),
        cos * rest_max,
    ]


@dataclass(frozen=True)
class VerifierModel:
    """A logistic model over :data:`FEATURES`: standardise, weigh, add the bias, and
    call the pair the same claim when the probability reaches ``threshold``."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float
    features: tuple[str, ...] = FEATURES
    meta: dict | None = None

    def probability(self, X: np.ndarray) -> np.ndarray:
        X = np.atleast_2d(np.asarray(X, dtype=np.float64))
        z = ((X - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def decide(self, X: np.ndarray) -> np.ndarray:
        return self.probability(X) >= self.threshold

    def to_json(self) -> dict:
        return {"features": list(self.features), "weights": list(self.weights), "bias": self.bias,
                "mean": list(self.mean), "scale": list(self.scale), "threshold": self.threshold,
                "meta": self.meta or {}}

    @classmethod
    def from_json(cls, d: dict) -> "VerifierModel":
        if tuple(d["features"]) != FEATURES:
            raise ValueError("the verifier model was trained on other features; retrain it "
                             "with `python benchmarks/train_verifier.py`")
        return cls(tuple(d["weights"]), float(d["bias"]), tuple(d["mean"]), tuple(d["scale"]),
                   float(d["threshold"]), tuple(d["features"]), d.get("meta"))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> VerifierModel:
    p = Path(path) if path else MODEL_PATH
    return VerifierModel.from_json(json.loads(p.read_text(encoding="utf-8")))


def evidence_of_texts(texts: list[str]) -> list[ClaimEvidence]:
    """Evidence of bare claim texts, typed the way the extractor types stored claims (one
    spaCy pass over all texts). The pipeline does not call this: it reads the stored fields."""
    from claimtrack.claims.nlp import get_nlp
    from claimtrack.claims.numbers import extract_numbers

    out = []
    for text, doc in zip(texts, get_nlp().pipe(texts, batch_size=128)):
        ents = [f"{e.label_}:{e.text}" for e in doc.ents]
        polarity = "negative" if any(t.dep_ == "neg" for t in doc) else "positive"
        out.append(evidence(text, ents, ClaimFields.from_row(extract_numbers(doc), polarity, ents)))
    return out


def features_matrix(cosines, evidence_a, evidence_b) -> np.ndarray:
    """One row of :data:`FEATURES` per pair."""
    rows = [pair_features(float(c), a, b) for c, a, b in zip(cosines, evidence_a, evidence_b)]
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
