"""Dates in a claim resolved against the article's publication time.

"Tuesday" -> the last Tuesday on or before publication (the next one when the clause is in
the future tense), "yesterday"/"today"/"tomorrow" relative to it, "24 February 2022" ->
"2022-02-24", "February 2022" -> "2022-02", "2022" -> "2022". Anything vaguer ("this week",
"for more than 40 years") is not resolved."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")


def _as_date(published_at) -> date | None:
    if published_at is None:
        return None
    if isinstance(published_at, datetime):
        return published_at.date()
    if isinstance(published_at, date):
        return published_at
    try:
        return datetime.fromisoformat(str(published_at).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def resolve_date(text: str, published_at=None, future: bool = False) -> str | None:
    """One DATE entity's text -> ISO date (or year-month / year), or None if vague."""
    pub = _as_date(published_at)
    words = [w for w in re.split(r"[\s,.'’]+", text.lower()) if w and w not in ("on", "the", "of", "s", "in")]
    if not words or len(words) > 5:
        return None
    if pub is not None and len(words) <= 2:
        for w in words:
            if w in RELATIVE and len(words) == 1:
                return (pub + timedelta(days=RELATIVE[w])).isoformat()
            if w in WEEKDAYS and (len(words) == 1 or words[1] in ("morning", "evening", "night", "afternoon")):
                target = WEEKDAYS.index(w)
                delta = (pub.weekday() - target) % 7
                if future:
                    return (pub + timedelta(days=(target - pub.weekday()) % 7)).isoformat()
                return (pub - timedelta(days=delta)).isoformat()
    year = month = day = None
    for w in words:
        if YEAR.match(w) and year is None:
            year = int(w)
        elif w in MONTHS and month is None:
            month = MONTHS[w]
        elif DAY.match(w) and day is None and 1 <= int(DAY.match(w).group(1)) <= 31:
            day = int(DAY.match(w).group(1))
        elif w in WEEKDAYS:
            continue
        else:
            return None
    if month is not None and year is None and pub is not None:
        year = pub.year if (month, day or 1) <= (pub.month, pub.day) or future else pub.year - 1
    if year is None:
        return None
    if month is None:
        return None if day is not None else f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
