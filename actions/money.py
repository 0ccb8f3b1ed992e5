"""Reads an amount of money as people type it in Dutch: "2.800", "€ 2800,-", "28k".

Amounts of 12.000 or more, or with "per jaar", are taken as yearly pay and
turned into a monthly amount. Hourly or tiny amounts are not guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# "€ 2.800,50", "2.800", "2800,-", "28k", "28.000", "3100"
_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-{1,2}))?\s*(k\b|duizend\b)?",
    re.IGNORECASE,
)
_YEARLY = re.compile(r"per jaar|per jr|jaarsalaris|jaarloon|in een jaar|p\.?j\.?\b|/\s?jaar", re.IGNORECASE)
_HOURLY = re.compile(r"per uur|uurloon|p\.?u\.?\b|/\s?uur|een uur\b", re.IGNORECASE)
_NET = re.compile(r"\bnetto\b", re.IGNORECASE)

MONTHLY_MIN = 500
MONTHLY_MAX = 12_000
YEARLY_MAX = 250_000


@dataclass(frozen=True)
class Amount:
    monthly: float  # gross or net per month, as the user gave it
    yearly: bool  # the user gave a yearly amount
    net: bool  # the user said "netto"


def _numbers(text: str):
    for match in _AMOUNT.finditer(text):
        whole, cents, thousand = match.groups()
        value = float(whole.replace(".", ""))
        if cents and cents.isdigit():
            value += int(cents) / (10 ** len(cents))
        if thousand:
            value *= 1000
        yield value


def parse_amount(text: str) -> Optional[Amount]:
    """The first plausible pay amount in the text, per month; None if there is none."""
    if not text or _HOURLY.search(text):
        return None
    yearly_words = bool(_YEARLY.search(text))
    for value in _numbers(text):
        if yearly_words or MONTHLY_MAX < value <= YEARLY_MAX:
            if 12 * MONTHLY_MIN <= value <= YEARLY_MAX:
                return Amount(value / 12, yearly=True, net=bool(_NET.search(text)))
            continue
        if MONTHLY_MIN <= value <= MONTHLY_MAX:
            return Amount(value, yearly=False, net=bool(_NET.search(text)))
    return None
