"""The ``atomic`` granularity: a clause's core and the core with each optional modifier."""

from __future__ import annotations

from claimtrack.claims.filters import is_fragment
from claimtrack.claims.units import Unit


ARG_DEPS = {"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "dative", "agent"}


KEEP_ADVMODS = {"not", "never", "only", "just", "no", "longer", "hardly", "barely", "almost", "nearly"}


def modifiers(doc, head, toks: set[int]) -> list[list[int]]:
    """Optional modifiers of a clause's verb (prepositional phrases, adverbial clauses,
    temporal noun phrases), each as its token list; the first PP of an intransitive verb is
    an argument ("turned to X"), not a modifier."""
    mods = []
    heads = [head]
    x = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if x is not None:
        heads.append(x)
    for h in heads:
        has_obj = any(c.dep_ in ARG_DEPS and c.dep_ != "agent" and c.i > h.i and c.pos_ != "VERB" for c in h.children)
        first_pp = True
        for c in h.children:
            if c.i not in toks or c.i < h.i and c.dep_ != "prep":
                continue
            if c.dep_ == "prep" and c.lower_ not in ("according",):
                if c.i > h.i and first_pp and not has_obj:
                    first_pp = False
                    continue
                first_pp = False
            elif c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME") and not any(t.like_num for t in c.subtree if t.ent_type_ not in ("DATE", "TIME")):
                pass
            elif c.dep_ == "advcl" and c.i > h.i:
                pass
            else:
                continue
            sub = [i for i in range(c.left_edge.i, c.right_edge.i + 1) if i in toks]
            if sub:
                mods.append(sub)
    mods = mods[:4]
    if NOUN_MODIFIERS:
        mods.extend(noun_modifiers(doc, heads, toks)[: 5 - len(mods)] if len(mods) < 5 else [])
    return mods


NOUN_MODIFIERS = True  # measured on RoSE dev: see docs/CLAIMS.md


def noun_modifiers(doc, heads, toks: set[int]) -> list[list[int]]:
    """Optional post-modifiers of the clause's object ("warn of the health risks [associated
    with ...]", "scrapping the paper counterpart [that accompanies UK licences]"): a
    participle or a prepositional phrase other than "of" hanging off a common-noun object."""
    out = []
    for h in heads:
        objs = [c for c in h.children if c.dep_ in ("dobj", "attr") and c.i > h.i]
        for pp in (c for c in h.children if c.dep_ == "prep" and c.i > h.i):
            objs.extend(g for g in pp.children if g.dep_ == "pobj")
        for noun in objs:
            if noun.pos_ != "NOUN" or noun.i not in toks:
                continue
            for c in noun.children:
                if c.i < noun.i or not (c.dep_ == "acl" or c.dep_ == "relcl" and c.left_edge.i - 1 >= 0
                                        and doc[c.left_edge.i - 1].text != "," or c.dep_ == "prep" and c.lower_ != "of"):
                    continue
                sub = [i for i in range(c.left_edge.i, c.right_edge.i + 1) if i in toks]
                if sub and c.right_edge.i == noun.right_edge.i:
                    out.append(sub)
    return out


def facets(doc, unit: Unit, min_tokens: int) -> list[Unit]:
    """Atomic facets of a clause: its core (without optional modifiers) and the core with
    each modifier ("Rose finished runner-up" + "... at the Masters" + "... on 14-under")."""
    if unit.composed or unit.head.pos_ not in ("VERB", "AUX"):
        return [unit]
    toks = unit.token_set()
    mods = modifiers(doc, unit.head, toks)
    if not mods:
        return [unit]
    allmod = set().union(*map(set, mods))

    def without(drop: set[int]) -> list:
        out = [p for p in unit.pieces if not (isinstance(p, int) and p in drop)]
        # a comma that introduced a removed modifier
        return [p for k, p in enumerate(out) if not (isinstance(p, int) and doc[p].text == ","
                and (k + 1 == len(out) or isinstance(out[k + 1], int) and doc[out[k + 1]].is_punct))]

    core = without(allmod)
    core_toks = [doc[p] for p in core if isinstance(p, int)]
    if is_fragment(core_toks, min_tokens) or unit.head.i not in {p for p in core if isinstance(p, int)}:
        return [unit]
    out = [unit.copy(core)]
    if len(mods) == 1:
        out.append(unit)
    else:
        for m in mods:
            out.append(unit.copy(without(allmod - set(m))))
        if FULL_WITH_FACETS:
            out.append(unit)
    return out


FULL_WITH_FACETS = False  # measured: adding the full clause next to its facets lowers F1
