"""Numbers and quantities in a claim, normalised so outlets' figures can be compared:
"four and a half hours" -> "4.5 hour", "12 people" -> "12 people", "3.5%" -> "3.5 percent"."""

from __future__ import annotations

import re

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SPECIAL = {"dozen": 12, "half": 0.5, "a": None, "and": None}
UNIT_ALIASES = {"%": "percent", "per": None, "cent": "percent", "percentage": "percent"}
CURRENCIES = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
CURRENCY_WORDS = {"dollars": "usd", "dollar": "usd", "euros": "eur", "euro": "eur",
                  "pounds": "gbp", "rubles": "rub", "roubles": "rub"}
DIGITS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$")


def words_to_number(words: list[str]) -> float | None:
    """Parse a run of number words / digits. Returns None if it is not a number."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        w = raw.lower().replace("-", " ")
        for part in w.split():
            if DIGITS.match(part):
                current += float(part.replace(",", ""))
                seen = True
            elif part in ONES:
                current += ONES[part]
                seen = True
            elif part in TENS:
                current += TENS[part]
                seen = True
            elif part == "hundred":
                current = (current or 1) * 100
                seen = True
            elif part in SCALES:
                total += (current or 1) * SCALES[part]
                current = 0
                seen = True
            elif part == "dozen":
                current = (current or 1) * 12
                seen = True
            elif part == "half":
                current += 0.5
                seen = True
            elif part in ("a", "and", "an"):
                continue
            else:
                return None
    return total + current if seen else None


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def extract_numbers(tokens) -> list[str]:
    """Numbers in a sequence of spaCy tokens (dates excluded: they are entities)."""
    out: list[str] = []
    toks = list(tokens)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not tok.like_num or tok.ent_type_ == "ORDINAL":
            i += 1
            continue
        run = [tok.text]
        j = i + 1
        while j < len(toks):
            t = toks[j]
            low = t.lower_
            if t.like_num or low in SCALES or low == "dozen":
                run.append(t.text)
            elif low in ("and", "a") and j + 1 < len(toks) and (
                toks[j + 1].lower_ in ("half", "a") or toks[j + 1].like_num
            ):
                run.append(t.text)
            elif low == "half":
                run.append(t.text)
            else:
                break
            j += 1
        value = words_to_number(run)
        if value is not None:
            unit = None
            prev = toks[i - 1] if i > 0 else None
            if prev is not None and prev.text in CURRENCIES:
                unit = CURRENCIES[prev.text]
            elif j < len(toks):
                nxt = toks[j]
                if nxt.text == "%" or nxt.lower_ in ("percent", "per"):
                    unit = "percent"
                elif nxt.lower_ in CURRENCY_WORDS:
                    unit = CURRENCY_WORDS[nxt.lower_]
                elif nxt.pos_ == "NOUN" and nxt.dep_ != "compound":
                    # "12 people", "three hours"; not "$480 million bridge (repair bond)"
                    unit = nxt.lemma_.lower()
            # A bare number inside a date ("24 February 2022") is part of the date entity,
            # but a duration ("four and a half hours") is a quantity.
            if unit is not None or tok.ent_type_ not in ("DATE", "TIME"):
                out.append(format_number(value) + (f" {unit}" if unit else ""))
        i = j
    return out
