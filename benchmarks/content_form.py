"""Recall by the form of the gold content: how much of PolNeAR a claim extractor can recall.

PolNeAR annotates the content of an attribution as worded, whatever its form: a finite clause
("that the plan failed"), but also a noun phrase ("the police killings of X"), an infinitive
("to lift the rules"), a few words ("it", "as much"). A stored claim is a whole proposition,
so it can only lie inside a content that is one: this splits content recall by the content's
form, parsed with the extractor's own spaCy pipeline, so the figure a claim extractor can move
(finite clauses) is seen apart from the rest.
"""
from __future__ import annotations

import collections
import json
from pathlib import Path

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}


def content_form(doc) -> str:
    """'finite clause' when some verb has a subject and a finite form, else a coarse form."""
    toks = [t for t in doc if not t.is_punct]
    if len(toks) <= 3:
        return "three words or fewer"
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in tok.children):
            if tok.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                              for c in tok.children):
                return "finite clause"
    first = toks[0]
    if first.lower_ == "to" and len(toks) > 1 and toks[1].pos_ in ("VERB", "AUX"):
        return "infinitive"
    if any(t.pos_ in ("VERB", "AUX") for t in toks):
        return "other verb phrase"
    return "noun or prepositional phrase"


def recall_by_form(rows: list[dict], errors: Path) -> dict[str, dict]:
    """Gold attributions and recall by content form; a gold attribution is missed when the
    scorer's errors file lists it as a 'miss'."""
    from claimtrack.claims.nlp import get_nlp

    missed = set()
    for line in errors.read_text(encoding="utf-8").splitlines():
        err = json.loads(line)
        if err["type"] == "miss":
            missed.add((err["doc_id"], err["gold"]["id"]))
    golds = [(r["doc_id"], a) for r in rows for a in r["attributions"]]
    nlp = get_nlp()
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for (doc_id, a), doc in zip(golds, nlp.pipe((a["content"] for _, a in golds), batch_size=64)):
        form = content_form(doc)
        counts[form]["gold"] += 1
        counts[form]["recalled"] += (doc_id, a["id"]) not in missed
    order = sorted(counts, key=lambda k: -counts[k]["gold"])
    return {k: {"gold": counts[k]["gold"], "recalled": counts[k]["recalled"],
                "recall": round(counts[k]["recalled"] / counts[k]["gold"], 4)} for k in order}


def print_forms(forms: dict[str, dict]) -> None:
    print(f"  {'content form':32s} {'gold':>5s} {'recall':>7s}")
    for k, v in forms.items():
        print(f"  {k:32s} {v['gold']:5d} {v['recall']:7.4f}")
