"""Checks that every figure in the bot's messages is a sourced knowledge item."""

import re

from actions.knowledge import KNOWLEDGE
from actions.occupations import OCCUPATIONS

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
FIGURE = re.compile(rf"\d{{1,2}} (?:{MONTHS}) \d{{4}}|(?:€ )?\d+(?:[.,]\d+)*%?")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _names_removed(text):
    names = [s.bron_kort for s in KNOWLEDGE.sources.values()] + [s.bron for s in KNOWLEDGE.schemes.values()]
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return re.sub(rf"gecontroleerd op \d{{1,2}} (?:{MONTHS}) \d{{4}}", "", text)


def backed(number, text):
    """The number belongs to a fact, or a scheme, whose source this text names."""
    digits = NUMBER.findall(number)
    for fact in KNOWLEDGE.facts.values():
        if fact.source.bron_kort in text and any(
            digits == NUMBER.findall(v) or number == v
            or (len(digits) == 1 and digits[0] in NUMBER.findall(v))  # "2024" of "2024-2025"
            for v in fact.waarden
        ):
            return True
    for certificate in OCCUPATIONS.certificates.values():
        if certificate.source.bron_kort in text and number in f"{certificate.naam} {certificate.uitleg}":
            return True
    for scheme in KNOWLEDGE.schemes.values():
        if scheme.bron in text and number in scheme.kort + " " + scheme.voorwaarden:
            return True
    return False


def unsourced_figures(text, allowed=()):
    """Figures in the text that are neither sourced knowledge nor the user's own."""
    return [
        m.group(0) for m in FIGURE.finditer(_names_removed(text))
        if m.group(0) not in allowed and not backed(m.group(0), text)
    ]


def texts(dispatcher):
    return [m.get("text") or "" for m in dispatcher.messages]
