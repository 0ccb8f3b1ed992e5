"""Reads Dutch whole numbers from digits or words ("47", "zevenenveertig", "vijftig")."""

from __future__ import annotations

import re
from typing import Optional

_UNITS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
}
_TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50,
    "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
}
_COMPOUND = re.compile(
    rf"^({'|'.join(_UNITS)})(?:en|ën)({'|'.join(_TENS)})$"
)


def parse_dutch_number(text: str) -> Optional[int]:
    """The number a text means, for 0-99 in words or any digits; None otherwise."""
    word = text.strip().lower()
    if word.isdigit():
        return int(word)
    for table in (_UNITS, _TEENS, _TENS):
        if word in table:
            return table[word]
    match = _COMPOUND.match(word)
    if match:
        return _UNITS[match.group(1)] + _TENS[match.group(2)]
    return None
