"""spaCy's ``attribute_ruler`` with the same rules, matched by lookup instead of a Matcher.

The English pipeline's attribute ruler maps each token's fine tag (and a few words, a few
dependency labels) to its coarse POS, morphology and some lemmas: 179 one- or two-token
rules. spaCy runs them through its general ``Matcher``, which took about a sixth of the
whole extraction's time (profile in docs/BENCHMARKS.md, "Extraction speed"). Here each
rule's token tests are plain comparisons, the rules that can apply to a token are found by
its lowercase form and tag (cached per pair), and the matches are applied exactly as
``AttributeRuler.set_annotations`` does: sorted by rule, so later rules override earlier
ones. The result is checked identical to spaCy's (tests/test_fast_attributes.py, and on
every BASIL dev article and RoSE summary by ``benchmarks/fast_attributes.py``).

Only the operators the rules use are supported (equality, IN, NOT_IN, REGEX on LOWER, TAG,
DEP, IS_SPACE); :func:`compile_rules` raises on anything else, and :func:`install` then
keeps spaCy's own ruler."""

from __future__ import annotations

import re
from typing import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens._retokenize import set_token_attrs

FEATURES = ("LOWER", "TAG", "DEP", "IS_SPACE")  # what the rules test, read with Doc.to_array


class Unsupported(ValueError):
    """A rule uses an attribute or operator this matcher does not implement."""


def _test(key: str, value, strings) -> tuple[int, Callable]:
    """One token test: (column in FEATURES, predicate over that column's value)."""
    if key not in FEATURES:
        raise Unsupported(key)
    col = FEATURES.index(key)
    if key == "IS_SPACE":
        if isinstance(value, dict):
            raise Unsupported(str(value))
        return col, (lambda v, want=int(bool(value)): v == want)
    ids = (lambda xs: frozenset(strings[x] for x in xs))  # strings -> hash ids
    if not isinstance(value, dict):
        return col, (lambda v, want=strings[value]: v == want)
    if len(value) != 1:
        raise Unsupported(str(value))
    op, arg = next(iter(value.items()))
    if op == "IN":
        return col, (lambda v, allowed=ids(arg): v in allowed)
    if op == "NOT_IN":
        return col, (lambda v, banned=ids(arg): v not in banned)
    if op == "REGEX":
        rx = re.compile(arg)
        return col, (lambda v: rx.search(strings[v]) is not None)
    raise Unsupported(op)


class Rules:
    """The compiled rules. One-token rules depend only on a token's (lower, tag, dep,
    is_space), so their merged outcome is cached per such key; the few two-token rules are
    tried where their first token's word or tag fits."""

    def __init__(self, groups: list[list], attrs: list, indices: list[int], strings):
        self.attrs, self.indices, self.strings = attrs, indices, strings
        self.single: list = []  # (order, tests)
        self._single_lowers: set = set()  # the words one-token rules test LOWER against
        self._lower_regexes: list = []  # and their LOWER patterns
        self.multi_by_lower: dict[int, list] = {}
        self.multi_any: list = []
        for order, group in enumerate(groups):
            for pattern in group:
                tests = [[_test(k, v, strings) for k, v in spec.items()] for spec in pattern]
                if len(pattern) == 1:
                    self.single.append((order, tests[0]))
                    self._note_lower(pattern[0].get("LOWER"), strings)
                    continue
                lower = pattern[0].get("LOWER")
                if isinstance(lower, str):
                    self.multi_by_lower.setdefault(strings[lower], []).append((order, tests))
                else:
                    self.multi_any.append((order, tests))
        self._cache: dict[tuple, tuple] = {}
        self._by_class: dict[tuple, tuple] = {}  # the same outcomes, keyed by lower_class
        self._lower_class: dict[int, int] = {}

    def _note_lower(self, value, strings) -> None:
        """Remember which words and patterns the one-token rules test LOWER against."""
        if value is None:
            return
        if isinstance(value, dict):
            op, arg = next(iter(value.items()))
            if op == "REGEX":
                self._lower_regexes.append(re.compile(arg))
            else:  # IN / NOT_IN (anything else raised in _test already)
                self._single_lowers.update(strings[x] for x in arg)
        else:
            self._single_lowers.add(strings[value])

    def lower_class(self, lower: int) -> int:
        """A word no one-token rule names and no LOWER regex matches passes and fails every
        one-token LOWER test (==, IN, NOT_IN, REGEX) exactly as any other such word does, so
        all those words share one class (-1; hash ids are never negative); any other word
        is its own class."""
        cls = self._lower_class.get(lower)
        if cls is None:
            if lower in self._single_lowers or any(rx.search(self.strings[lower]) for rx in self._lower_regexes):
                cls = lower
            else:
                cls = -1
            if len(self._lower_class) < 500_000:
                self._lower_class[lower] = cls
        return cls

    def _singles(self, key: tuple) -> tuple:
        """The one-token rules matching a token with these features, in rule order:
        ((order, attrs), ...), and their attributes merged (later rules override)."""
        hit = self._cache.get(key)
        if hit is None:
            ckey = (self.lower_class(key[0]),) + tuple(key[1:])
            hit = self._by_class.get(ckey)
            if hit is not None:
                if len(self._cache) < 500_000:
                    self._cache[key] = hit
                return hit
            found = tuple(sorted({order for order, tests in self.single
                                  if all(test(key[col]) for col, test in tests)}))
            merged: dict = {}
            for order in found:
                merged.update(self.attrs[order])
            hit = (found, merged)
            if len(self._cache) < 500_000:
                self._cache[key] = hit
                self._by_class[ckey] = hit
        return hit

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        # (tolist gives the same Python ints as int() per cell, in one C call)
        rows = [tuple(r) for r in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()]
        extra: dict[int, list] = {}  # token -> orders of two-token rules that set it
        by_lower, multi_any, no_rules = self.multi_by_lower, self.multi_any, ()
        for i, row in enumerate(rows):
            cands = by_lower.get(row[0], no_rules)
            for group in (cands, multi_any):
                for order, tests in group:
                    if i + len(tests) <= n and all(all(test(rows[i + k][col]) for col, test in spec)
                                                   for k, spec in enumerate(tests)):
                        index = self.indices[order]
                        extra.setdefault(i + (index if index >= 0 else len(tests) + index), []).append(order)
        cache, singles = self._cache, self._singles
        for i, row in enumerate(rows):
            hit = cache.get(row)
            found, merged = hit if hit is not None else singles(row)
            more = extra.get(i)
            if more:
                merged = {}
                for order in sorted(set(found) | set(more)):
                    merged.update(self.attrs[order])
            if merged:
                set_token_attrs(doc[i], merged)
        return doc


def compile_rules(ruler) -> Rules:
    """The rules of a loaded spaCy ``AttributeRuler``, in its order (``ruler.patterns`` lists
    one entry per rule, in the order the rules were added, which is their precedence)."""
    pats = ruler.patterns
    if len(pats) != len(ruler.attrs):
        raise Unsupported("pattern groups do not line up with the ruler's attributes")
    return Rules([entry["patterns"] for entry in pats], list(ruler.attrs), list(ruler.indices), ruler.vocab.strings)


class FastAttributeRuler:
    """A pipeline component applying :class:`Rules` (in place of ``attribute_ruler``)."""

    def __init__(self, rules: Rules):
        self.rules = rules

    def __call__(self, doc):
        return self.rules(doc)

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self.rules(doc)


_COMPILED: dict[str, Rules] = {}


@Language.factory("claimtrack_fast_attributes", default_config={"key": ""})
def _make(nlp, name: str, key: str):
    return FastAttributeRuler(_COMPILED.pop(key))


def install(nlp) -> bool:
    """Replace the pipeline's ``attribute_ruler`` by the lookup version (same name, same
    place); False (spaCy's ruler kept) when the rules use something :class:`Rules` does not
    implement."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        rules = compile_rules(nlp.get_pipe("attribute_ruler"))
    except Unsupported:
        return False
    key = str(id(rules))
    _COMPILED[key] = rules
    nlp.replace_pipe("attribute_ruler", "claimtrack_fast_attributes", config={"key": key})
    return True
