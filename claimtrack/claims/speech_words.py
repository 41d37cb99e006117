"""The attribution rules' word lists: speech verbs, the cue lemmas a content clause hangs on,
words that are never a speaker, person nouns, dashes; ``lem`` / ``is_cue`` / ``cue_text`` (a
cue verb's lemma, whether it is one of a set, how the cue is worded)."""

from __future__ import annotations

import re

from claimtrack.claims import cues


SPEECH_VERBS = {
    "say", "tell", "add", "note", "insist", "warn", "deny", "claim", "state", "mention",
    "emphasise", "emphasize", "stress", "indicate", "announce", "report", "confirm",
    "explain", "argue", "acknowledge", "admit", "assert", "declare", "suggest", "write",
    "reply", "respond", "caution", "predict", "promise", "vow", "point", "observe",
    "remark", "reiterate", "allege", "contend", "maintain", "concede", "disclose", "reveal",
    "believe", "think", "feel", "fear", "estimate", "insist", "testify", "recall", "tweet",
}

# Every lemma that may carry a content clause (the lexicon's clause cues plus the above).
CLAUSE_CUES = cues.CLAUSE_CUES | SPEECH_VERBS

DESCRIBE_VERBS = {"describe": "described … as", "call": "called", "brand": "branded", "dub": "dubbed", "label": "labelled"}

# Evaluations with an "as" predicate: "X condemned Y as Z", "X has portrayed Y as Z"
# -> "Y is Z" (X's claim, cue "condemned … as", read "X said Y is Z"); without "as" they report
# nothing. (Views -- "X sees Y as Z" -- are left out: their statement would read as speech.)
AS_VERBS = {"condemn", "criticize", "criticise", "denounce", "dismiss", "deride", "hail", "praise", "tout", "cast",
            "portray", "paint", "characterize", "characterise", "depict", "attack", "blast", "slam", "decry",
            "laud", "mock", "ridicule"}
DESCRIBE_VERBS.update({v: "" for v in AS_VERBS})

LEXICON = cues.CUE_LEMMAS | SPEECH_VERBS | set(DESCRIBE_VERBS)

NON_SPEAKERS = {"it", "that", "which", "this", "who", "what", "there", "these", "those", "whom", "whose"}

FIRST_SECOND = {"i", "we", "you", "me", "us"}

SPEAKER_POS = {"NOUN", "PROPN", "PRON", "NUM"}  # NUM: "one of the attorneys", "63 percent" (of those polled)

CONDITION_MARKS = {"if", "when", "unless", "whether", "because", "while", "although", "though", "once", "until",
                   "before", "after", "since", "as"}

DASHES = {"-", "--", "—", "–", "―"}

# prepositions that, after a name, tell where or when someone spoke ("Perry in the new ad",
# "Clinton during the debate"), never who (affiliations -- "at", "of", "for", "from" -- stay)
NAME_CIRCUMSTANCE = {"in", "on", "during", "via", "through", "after", "before", "while", "with", "to", "into", "onto"}

DATELINE_WORD = re.compile(r"^[A-Z][A-Z.'’-]+$")


def lem(tok) -> str:
    """A verb's lemma, mended from its wording where the lemmatizer slips ("hoped" -> "hop")."""
    low = tok.lemma_.lower()
    if low in LEXICON:
        return low
    alt = cues.lemma_of(tok.text)
    return alt if alt in LEXICON else low


def cue_text(verb) -> str:
    """The cue as worded: the verb with its perfect/progressive auxiliaries ("has learned",
    "is endorsing"); a bare "said" stays "said"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i
           and c.lemma_.lower() in ("have", "be") and verb.i - c.i <= 3]
    # a phrasal cue keeps its particle ("pointed out", "spelled out"): "X pointed the EU
    # will ..." would garble the statement
    prt = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    words = (aux if verb.tag_ in ("VBN", "VBG") else []) + [verb] + prt
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def is_cue(verb, lemmas) -> bool:
    return verb.pos_ in ("VERB", "AUX") and lem(verb) in lemmas and not any(
        c.dep_ == "neg" for c in verb.children)


SPEECH_CUES = SPEECH_VERBS | cues.SPEECH


SAY_VERBS = SPEECH_VERBS - {"believe", "think", "feel", "fear", "estimate", "predict", "recall", "promise", "vow"}
ASIDE_VERBS = SAY_VERBS | {"continue"}  # "That approach, Harlan continued, shows ..."


PERSON_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "candidate", "nominee", "senator", "governor",
    "president", "mayor", "adviser", "advisor", "aide", "lawyer", "attorney", "director", "chairman",
    "chairwoman", "secretary", "leader", "manager", "source", "man", "woman", "congressman",
    "congresswoman", "representative", "lawmaker", "businessman", "businesswoman", "reporter", "author",
    "economist", "analyst", "professor", "expert", "judge", "prosecutor", "officer", "chief", "founder",
    "executive", "ceo", "actor", "actress", "host", "anchor", "pollster", "strategist", "republican",
    "democrat", "mother", "father", "wife", "husband", "daughter", "son", "friend", "resident", "voter",
    "supporter", "critic", "writer", "columnist", "editor", "commentator", "narrator", "veteran", "student",
    "teacher", "doctor", "nurse", "worker", "owner", "partner", "member", "minister", "ambassador",
}
