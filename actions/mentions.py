"""Which occupation and which place a lookup question is about.

The entity in the user's latest message comes first, then what the user told
earlier (slots `beroep`, `regio`, also filled by a recruiter's embed). A word
that looks like an occupation or a place but is not one the bot knows wins
over an older slot, so "en voor bakkers?" never gets an answer about the
occupation asked before: the bot says it does not know bakers instead.
"""

from __future__ import annotations

import json
import re
from typing import Optional

from rasa_sdk import Tracker

from actions.form_answers import entity_value, text_of
from actions.occupations import OCCUPATIONS, OccupationMatch
from actions.regions import REGIONS, PlaceMatch

# A word after "als/voor/naar/aan" with an ending that Dutch job titles have.
OCCUPATION_WORD = re.compile(
    r"\b(?:als|voor|naar|aan)\s+(?:een\s+|de\s+)?"
    r"([a-zà-ÿ][a-zà-ÿ\-]*(?:ers?|eurs?|isten?|icus|ici|aars?|mannen|man|sters?))\b"
)
NOT_OCCUPATIONS = {
    "mijzelf", "jezelf", "iemand", "anderen", "starters", "beginners", "zij-instromers",
    "zijinstromers", "instromers", "ouders", "ouderen", "vrouwen", "mannen", "werkzoekers",
    "nieuwkomers", "leerlingen", "studenten", "later", "eerder", "over", "verder", "meer",
    "minder", "ander", "anders", "wer", "klanten", "collega", "werkgevers", "bedrijven",
    "zomer", "winter", "september", "oktober", "november", "december", "super", "kantoor",
}
# A capitalised name after "in/rond/bij/uit/omgeving/buurt van/regio".
PLACE_WORD = re.compile(
    r"\b(?:in|rond|bij|uit|omgeving|buurt van|regio|richting)\s+"
    r"([A-Z][\w'\-]+(?:\s(?:aan|op|den|de|en)?\s?[A-Z][\w'\-]+)?)"
)
NATIONAL = {"nederland", "holland", "nl", "heel nederland"}


def unmatched_occupation(text: str) -> Optional[str]:
    for match in OCCUPATION_WORD.finditer(text.lower()):
        word = match.group(1)
        if word not in NOT_OCCUPATIONS and "techni" not in word:
            return word
    return None


def unmatched_place(text: str) -> Optional[str]:
    for match in PLACE_WORD.finditer(text):
        name = match.group(1)
        if name.lower() not in NATIONAL:
            return name
    return None


def occupation_of(tracker: Tracker, use_slot: bool = True) -> OccupationMatch:
    """The occupation this turn is about; `use_slot=False` ignores earlier turns."""
    said = entity_value(tracker, "beroep")
    if said:
        return OCCUPATIONS.find(said)
    unknown = unmatched_occupation(text_of(tracker))
    if unknown and OCCUPATIONS.find(unknown).kind == "unknown":
        return OccupationMatch("unknown", text=unknown)
    return OCCUPATIONS.find(tracker.get_slot("beroep") if use_slot else None)


def place_of(tracker: Tracker) -> PlaceMatch:
    said = entity_value(tracker, "regio")
    if said:
        return REGIONS.resolve(said)
    unknown = unmatched_place(text_of(tracker))
    if unknown and REGIONS.resolve(unknown).kind == "unknown":
        return PlaceMatch("unknown", text=unknown)
    return REGIONS.resolve(tracker.get_slot("regio"))


def payload(intent: str, **entities: str) -> str:
    """A button payload that sends an intent with entities, e.g. /ask_vacancies{"beroep": ...}."""
    return f"/{intent}" + (json.dumps(entities, ensure_ascii=False) if entities else "")
