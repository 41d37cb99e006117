"""The attribution cue lexicon: which verbs (and phrases) report someone's speech, belief,
intention or another stance, and the kind each one reports.

The lexicon alone decides nothing: ``attribution`` only takes a cue where the parse shows
the pattern (a cue verb with a subject and a content clause, an inverted "…, X said", a
commissive verb with an infinitive, "according to X", ...). ``kind_of`` maps a cue as
stored in ``Claim.cue`` ("said", "has learned", "according to", "described … as") back to
its kind, so the kind never disagrees with the cue."""

from __future__ import annotations

import re

SPEECH = {
    "say", "tell", "add", "note", "insist", "warn", "deny", "claim", "state", "mention",
    "emphasise", "emphasize", "stress", "indicate", "announce", "report", "confirm",
    "explain", "argue", "acknowledge", "admit", "assert", "declare", "suggest", "write",
    "reply", "respond", "caution", "point", "observe", "remark", "reiterate", "allege",
    "contend", "maintain", "concede", "disclose", "reveal", "testify", "recall", "tweet",
    "continue", "ask", "complain", "boast", "joke", "quip", "charge", "counter", "retort",
    "predict", "post", "answer", "acknowledge", "agree", "disagree", "contend", "brag",
    "lament", "muse", "speculate", "proclaim", "shout", "scream", "whisper", "tout",
    "describe", "call", "brand", "dub", "label",
}

BELIEF = {
    "think", "believe", "feel", "fear", "know", "expect", "estimate", "suspect", "doubt",
    "assume", "worry", "understand", "reckon", "guess", "consider", "conclude", "figure",
    "suppose", "sense", "realize", "realise", "imagine", "trust", "wonder",
}

# Commissives: "X vowed to Y" reports that X will Y.
COMMISSIVE = {"vow", "pledge", "promise", "plan", "intend", "threaten", "decide", "refuse", "swear", "commit"}

INTENTION = COMMISSIVE | {"want", "hope", "wish", "seek", "aim", "demand", "urge", "propose", "prefer", "vow"}

OTHER = {
    "learn", "find", "show", "discover", "determine", "find", "confirm", "suggest", "demonstrate",
    "endorse", "praise", "criticize", "criticise", "blast", "slam", "accuse", "condemn",
    "question", "acknowledge", "recognize", "recognise", "cite", "hear", "see", "read",
}

KINDS = ("speech", "belief", "intention", "other")

# A lemma belongs to the first kind that lists it (speech before belief before ...).
_KIND: dict[str, str] = {}
for _kind, _words in (("speech", SPEECH), ("belief", BELIEF), ("intention", INTENTION), ("other", OTHER)):
    for _w in _words:
        _KIND.setdefault(_w, _kind)

CUE_LEMMAS = frozenset(_KIND)

# Cues that take a finite content clause ("X thinks (that) ...").
# ("X decided that A" is a judgement X came to, reported in the narrator's words, not a report of
# what X said or believes: the sentence stays the narrator's claim; "X decided to A" is a commissive)
CLAUSE_CUES = CUE_LEMMAS - {"want", "seek", "aim", "prefer", "urge", "endorse", "praise", "criticize", "criticise",
                              "blast", "slam", "condemn", "cite", "call", "brand", "dub", "label", "describe",
                              "decide"}

# Cues that may stand after their content ("…, prosecutors say", "…, The Post has learned").
FINAL_CUES = SPEECH | BELIEF | {"learn", "find", "show", "confirm", "discover", "hear"}

# Abstract nouns that can stand as a verb's subject but never speak ("the political
# crosscurrents said ..." is a misparse): no speaker when the cue's subject is one of them.
ABSTRACT_NOUNS = frozenset({"crosscurrent", "undercurrent", "pressure", "tension", "dynamic", "cross-current",
                            "controversy", "dispute", "scandal", "furor", "furore", "uproar", "backlash", "feud"})

# Documents and other non-agents that can be the source of words ("said the statement", "the
# report found"): ``Claim.statement`` reads them "According to the statement, ...", since a
# document says nothing in its own voice.
DOCUMENT_NOUNS = frozenset({
    "statement", "statements", "report", "reports", "release", "readout", "memo", "memos", "letter", "letters",
    "filing", "filings", "complaint", "indictment", "lawsuit", "suit", "document", "documents", "email", "emails",
    "study", "studies", "analysis", "survey", "poll", "polls", "ad", "ads", "advertisement", "video", "post",
    "tweet", "tweets", "order", "ruling", "opinion", "decision", "transcript", "records", "data", "figures",
    "estimates", "notice", "summary", "guidance", "draft", "bill", "plan", "proposal", "audit", "review",
})

# Phrases (lowercase) -> kind.
PHRASES = {"according to": "speech", "as stated in": "speech", "in the words of": "speech"}

# Punctuation as the cue: "Pence: ..." (a headline, a transcript), "\u201c...\u201d \u2015 Name".
SIGN_CUES = {":", "\u2015", "\u2014", "\u2013", "-", "--"}

_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "thought": "think", "felt": "feel",
    "knew": "know", "known": "know", "wrote": "write", "written": "write", "found": "find",
    "heard": "hear", "saw": "see", "seen": "see", "understood": "understand", "learnt": "learn",
    "swore": "swear", "sworn": "swear", "read": "read", "meant": "mean", "taught": "teach",
}

_AUX = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "also",
        "not", "n't", "did", "does", "do", "later", "then", "again", "further", "still", "reportedly"}


def lemma_of(word: str) -> str:
    """A cue word's lemma, for the lexicon's own words ("vowed" -> "vow", "says" -> "say")."""
    w = word.lower().strip(" :,")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _KIND:
        return w
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("s", ""), ("d", "")):
        if w.endswith(suffix):
            stem = w[: len(w) - len(suffix)] + repl
            if stem in _KIND:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in _KIND:  # "committed"
                return stem[:-1]
    return w


def kind_of(cue: str | None) -> str | None:
    """The attribution kind of a stored cue: speech | belief | intention | other; None for no cue."""
    if not cue:
        return None
    low = cue.lower().strip()
    if low in SIGN_CUES:
        return "speech"
    for phrase, kind in PHRASES.items():
        if low.startswith(phrase):
            return kind
    words = [w for w in re.findall(r"[\w'’]+", low) if w not in _AUX]
    if len(words) > 1 and lemma_of(words[0]) == "call" and words[1] in ("for", "on", "upon"):
        return "intention"  # "called for a repeal", "called on … to": a demand
    for w in words:
        kind = _KIND.get(lemma_of(w))
        if kind:
            return kind
    return "other"


def cue_kind(lemma: str) -> str | None:
    """The kind of a cue lemma, or None when the lexicon does not list it."""
    return _KIND.get(lemma.lower())
