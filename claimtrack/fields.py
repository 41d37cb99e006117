"""Typed fields of a claim and the conflicts between two claims' fields.

Two claims conflict on a field when both state it and the values are incompatible:
numbers with the same unit but disjoint values, opposite polarity, absolute dates that do
not contain one another, people who share no name word. Empty fields never conflict."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

ENTITY_CONFLICT_LABELS = ("PERSON",)


@dataclass(frozen=True)
class ClaimFields:
    """The typed fields the rule compares. Empty fields never conflict."""

    numbers: tuple[str, ...] = ()  # normalised "value unit" strings, e.g. "4.5 hour"
    polarity: str = "positive"
    dates: tuple[str, ...] = ()  # normalised date strings (resolved dates when known)
    people: tuple[str, ...] = ()  # PERSON entities

    @classmethod
    def from_row(cls, numbers, polarity, entities, dates=None) -> "ClaimFields":
        entities = list(entities or [])
        if dates is None:
            dates = [e.split(":", 1)[1] for e in entities if e.startswith("DATE:")]
        people = [e.split(":", 1)[1] for e in entities if e.split(":", 1)[0] in ENTITY_CONFLICT_LABELS]
        return cls(
            numbers=tuple(sorted(numbers or [])),
            polarity=polarity or "positive",
            dates=tuple(sorted(d for d in (_norm_date(_norm(x)) for x in dates or []) if _comparable_date(d))),
            people=tuple(sorted(_norm(p) for p in people)),
        )


RELATIVE_DATE = re.compile(r"\b(last|next|this|ago|earlier|later|recent|recently|past|coming|today|yesterday|tomorrow|tonight)\b")
ABSOLUTE_DATE = re.compile(
    r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


def _comparable_date(d: str) -> bool:
    """Only absolute dates are compared ("March", "18 February 2025", "Tuesday");
    relative ones ("last month") need the article's date to resolve and are skipped."""
    return bool(ABSOLUTE_DATE.search(d)) and not RELATIVE_DATE.search(d)


def _norm(s: str) -> str:
    return " ".join(str(s).lower().replace("'s", "").split())


def _by_unit(numbers) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for n in numbers:
        value, _, unit = n.partition(" ")
        out[unit].add(value)
    return out


def conflicts(a: ClaimFields, b: ClaimFields) -> dict[str, tuple[str, str]]:
    """Fields on which two claims disagree: {field: (value_a, value_b)}; empty if compatible."""
    out: dict[str, tuple[str, str]] = {}
    ua, ub = _by_unit(a.numbers), _by_unit(b.numbers)
    all_a = set().union(*ua.values()) if ua else set()
    all_b = set().union(*ub.values()) if ub else set()
    for unit in sorted(set(ua) & set(ub)):
        # disjoint in this unit, and neither side's value appears anywhere on the other side
        # ("15 of the 19 hijackers" vs "15 of the 19 Sept. 11 hijackers" is no conflict)
        if not (ua[unit] & ub[unit]) and not (ua[unit] & all_b) and not (ub[unit] & all_a):
            out["numbers"] = (", ".join(a.numbers), ", ".join(b.numbers))
            break
    if a.polarity != b.polarity:
        out["polarity"] = (a.polarity, b.polarity)
    if a.dates and b.dates and not _dates_overlap(a.dates, b.dates):
        out["dates"] = (", ".join(a.dates), ", ".join(b.dates))
    if a.people and b.people and not _names_overlap(a.people, b.people):
        out["people"] = (", ".join(a.people), ", ".join(b.people))
    return out


MONTHS = {m[:3]: m for m in ("january", "february", "march", "april", "may", "june", "july",
                                "august", "september", "october", "november", "december")}
NAME_TOKEN = re.compile(r"[a-z][a-z'\-]+")


def _overlap(xs, ys) -> bool:
    """True if any value of one side matches (or is part of) a value of the other:
    'rubio' matches 'marco rubio', '2025-02' matches '2025-02-18'."""
    for x in xs:
        for y in ys:
            if x == y or x in y or y in x:
                return True
    return False


YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _dates_overlap(xs, ys) -> bool:
    """Dates agree when one contains the other ('2025-02' / '2025-02-18'). A bare month
    resolved to neighbouring years ('2025-11' / '2024-11': "in November" read as next vs
    last November) is ambiguous, not a contradiction."""
    if _overlap(xs, ys):
        return True
    for x in xs:
        for y in ys:
            mx, my = YEAR_MONTH.match(x), YEAR_MONTH.match(y)
            if mx and my and mx.group(2) == my.group(2) and abs(int(mx.group(1)) - int(my.group(1))) <= 1:
                return True
    return False


def _names_overlap(xs, ys) -> bool:
    """People match when their names share a word of 3+ letters ('hal gehman' and
    'harold w. gehman jr.'), so spelling variants of one person never conflict."""
    tx = {t for x in xs for t in NAME_TOKEN.findall(x) if len(t) >= 3}
    ty = {t for y in ys for t in NAME_TOKEN.findall(y) if len(t) >= 3}
    return bool(tx & ty) or _overlap(xs, ys)


def _norm_date(d: str) -> str:
    """'Nov. 11' -> 'november 11' so spellings of one date compare equal."""
    out = []
    for w in d.split():
        bare = w.rstrip(".")
        full = MONTHS.get(bare[:3])
        out.append(full if full and len(bare) >= 3 and full.startswith(bare) else w)
    return " ".join(out)
