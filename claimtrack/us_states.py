"""US state names and the abbreviations news text uses for them, in one table.

Two readers use it: the extractor rewrites a party label set off after a name ("Sen. Jane Roe,
R-Minn.," -> "a Republican from Minnesota"), and the verifier reads "(R-Iowa)" and "Republican
of Iowa" as the same words. Keys are lower case without dots or spaces ("N.H." -> "nh",
"W.Va." -> "wva"): normalise a label with :func:`abbreviation_key` before looking it up.
"""

from __future__ import annotations

import re

# AP-style abbreviations (what a party label after a name uses: "D-Mass.", "R-N.H.") and
# the longer spellings news also uses ("Nebr.", "Wisc.", "Penn.", "Cal.")
AP_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "cal": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia",
    "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana",
    "md": "Maryland", "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi",
    "mo": "Missouri", "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada",
    "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "ny": "New York", "nc": "North Carolina",
    "nd": "North Dakota", "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania", "penn": "Pennsylvania",
    "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota", "tenn": "Tennessee", "tex": "Texas",
    "vt": "Vermont", "va": "Virginia", "wash": "Washington", "wva": "West Virginia", "wis": "Wisconsin",
    "wisc": "Wisconsin", "wyo": "Wyoming",
}
# two-letter postal codes ("R-CA"); several are also English words ("in", "me", "or", "ok"),
# so only a reader that has already matched a party label should use them
POSTAL_CODES = {
    "al": "Alabama", "ak": "Alaska", "az": "Arizona", "ar": "Arkansas", "ca": "California", "co": "Colorado",
    "ct": "Connecticut", "de": "Delaware", "fl": "Florida", "ga": "Georgia", "hi": "Hawaii", "id": "Idaho",
    "il": "Illinois", "in": "Indiana", "ia": "Iowa", "ks": "Kansas", "ky": "Kentucky", "la": "Louisiana",
    "me": "Maine", "md": "Maryland", "ma": "Massachusetts", "mi": "Michigan", "mn": "Minnesota",
    "ms": "Mississippi", "mo": "Missouri", "mt": "Montana", "ne": "Nebraska", "nv": "Nevada",
    "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "ny": "New York", "nc": "North Carolina",
    "nd": "North Dakota", "oh": "Ohio", "ok": "Oklahoma", "or": "Oregon", "pa": "Pennsylvania",
    "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota", "tn": "Tennessee", "tx": "Texas",
    "ut": "Utah", "vt": "Vermont", "va": "Virginia", "wa": "Washington", "wv": "West Virginia",
    "wi": "Wisconsin", "wy": "Wyoming",
}
# the names themselves (AP spells these eight out in a party label: "R-Utah", "D-Hawaii")
STATE_NAMES = {name.lower(): name for name in {*AP_ABBREVIATIONS.values(), *POSTAL_CODES.values()}}


def abbreviation_key(label: str) -> str:
    """"N.H." -> "nh", "W. Va." -> "wva", "Calif." -> "calif": the form the tables are keyed by."""
    return re.sub(r"[.\s]", "", label).lower()
