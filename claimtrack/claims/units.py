"""The claim in the making (a ``Unit``: token pieces plus attribution) and the small
token-range helpers every rule module shares."""

from __future__ import annotations

from claimtrack.claims.filters import QUOTES


SUBJECTS = ("nsubj", "nsubjpass", "expl")


TRIM_LEAD_WORDS = {"that", "and", "but", "so", "while", "whereas", "although", "though"}


NO_SPACE_BEFORE = {",", ".", "'s", "’s", "n't", ")", ":", ";", "%", "'", "’"}


class Unit:
    """One claim in the making: pieces (token indices, or inserted words), attribution,
    and the sentence it belongs to."""

    __slots__ = ("pieces", "head", "speaker", "cue", "quote_kind", "kind", "composed")

    def __init__(self, pieces, head, speaker=None, cue=None, quote_kind="none", kind="clause", composed=False):
        self.pieces = list(pieces)
        self.head = head
        self.speaker, self.cue, self.quote_kind = speaker, cue, quote_kind
        self.kind, self.composed = kind, composed

    def copy(self, pieces=None, head=None, **kw):
        u = Unit(self.pieces if pieces is None else pieces, self.head if head is None else head,
                  self.speaker, self.cue, self.quote_kind, self.kind, self.composed)
        for k, v in kw.items():
            setattr(u, k, v)
        return u

    def token_set(self) -> set[int]:
        return {p for p in self.pieces if isinstance(p, int)}


def subtree_range(tok) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def subtree(tok) -> set[int]:
    return set(range(tok.left_edge.i, tok.right_edge.i + 1))


def range_(a: int, b: int) -> list[int]:
    return list(range(a, b))


def tokens_with(doc, texts: tuple[str, ...]) -> frozenset[int]:
    """Indices of the document's tokens whose text is one of ``texts``, computed once per
    document (a token lookup per piece per claim costs a few % of extraction time)."""
    cache = doc.user_data.setdefault("claimtrack_tokens_with", {})
    found = cache.get(texts)
    if found is None:
        found = cache[texts] = frozenset(t.i for t in doc if t.text in texts)
    return found


def trim_pieces(doc, pieces):
    def junk(p, lead):
        if not isinstance(p, int):
            return False
        t = doc[p]
        if t.is_punct or t.is_space or t.text in QUOTES:
            return not (t.text == ")" and not lead)
        if lead and t.dep_ == "mark" and t.head.dep_ == "advcl" and t.head.i in keep and t.head.head.i in keep:
            return False  # "While I planned ..., I know ...": the subordinate clause's own mark stays
        return lead and t.dep_ in ("mark", "cc", "punct", "prep") and t.lower_ in TRIM_LEAD_WORDS
    keep = {p for p in pieces if isinstance(p, int)}
    while pieces and junk(pieces[0], True):
        pieces = pieces[1:]
    while pieces and junk(pieces[-1], False):
        pieces = pieces[:-1]
    # a closing bracket without its opening one
    if pieces and isinstance(pieces[-1], int) and doc[pieces[-1]].text == ")" and not any(
            isinstance(p, int) and doc[p].text == "(" for p in pieces):
        pieces = pieces[:-1]
    # collapse doubled punctuation left by excisions (", ,")
    out = []
    for p in pieces:
        if (out and isinstance(p, int) and isinstance(out[-1], int) and doc[p].text == "," and doc[out[-1]].is_punct):
            continue
        out.append(p)
    # a lone dash next to an excision ("Mr. McConnell — who has insisted ... — spoke": the
    # relative clause went to a claim of its own, one of its dashes stayed)
    dash_set = tokens_with(doc, ("—", "--", "–"))
    if not dash_set:
        return out
    dashes = [k for k, p in enumerate(out) if p in dash_set]
    if len(dashes) % 2:
        for k in dashes:
            p = out[k]
            before = out[k - 1] if k else None
            after = out[k + 1] if k + 1 < len(out) else None
            if isinstance(before, int) and isinstance(after, int) and (before != p - 1 or after != p + 1):
                out = out[:k] + out[k + 1:]
                break
    return out
