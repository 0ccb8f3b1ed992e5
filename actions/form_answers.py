"""Shared reading of the user's latest message: its intent and entities, and
typed answers in the forms (intake_form, funding_form), including the question
about current work that both forms ask (SectorQuestion).

The words are in actions/forms.yml. A question intent (ask_*, belief_*, ...)
is never taken as an answer: the form then lets the question be answered
first and asks again afterwards (the digression rules in data/rules/forms.yml).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterable, Optional

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

WORDS: Dict[str, Any] = yaml.safe_load(
    (Path(__file__).with_name("forms.yml")).read_text(encoding="utf-8")
)
SKIPPED = "overgeslagen"
ANSWER_INTENTS = {"inform", "affirm", "deny", "nlu_fallback"}


def has_phrase(text: str, phrases: Iterable[str]) -> bool:
    """True when one of the phrases occurs in the text as whole words."""
    text = text.lower()
    return any(re.search(rf"(?<!\w){re.escape(p.lower())}(?!\w)", text) for p in phrases)


def is_answer(tracker: Tracker) -> bool:
    """The latest message answers the form's question (it is not a side question)."""
    return intent_of(tracker) in ANSWER_INTENTS


QUESTION_WORDS = ("wat", "wie", "hoe", "waar", "wanneer", "waarom", "welke", "welk", "kan", "kun",
                  "mag", "moet", "is", "zijn", "heb", "hebben", "krijg", "ben", "word", "wordt")


def looks_like_a_question(text: str) -> bool:
    words = text.strip().lower().split()
    return text.strip().endswith("?") or bool(words and words[0] in QUESTION_WORDS)


def intent_of(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def text_of(tracker: Tracker) -> str:
    return ((tracker.latest_message or {}).get("text") or "").strip()


def wants_to_skip(tracker: Tracker) -> bool:
    return has_phrase(text_of(tracker), WORDS["overslaan"])


def entity_value(tracker: Tracker, name: str) -> Optional[str]:
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == name and entity.get("value") is not None:
            return str(entity["value"])
    return None


def accept_or_ask_again(
    slot: str, value: Any, ok: bool, dispatcher: Any, **reask: Any
) -> Dict[str, Any]:
    """Keeps a valid answer; otherwise says why (utter_invalid_<slot>) and clears it,
    so the form asks the question again."""
    if ok:
        return {slot: value}
    dispatcher.utter_message(response=f"utter_invalid_{slot}", **reask)
    return {slot: None}


def asked_for(tracker: Tracker, slot: str) -> bool:
    return tracker.get_slot("requested_slot") == slot


# "ik ben kapper", "ik werk als kapper", "ik zit in de horeca" -> the work itself
OWN_WORK_OPENING = (
    r"^(?:ik\s+(?:ben|werk|zit|sta|doe)\s+(?:nu\s+)?(?:al\s+)?"
    r"(?:(?:als|in|bij|op)\s+)?(?:(?:de|het|een)\s+)?)"
)


class SectorQuestion:
    """The question "what work do you do now" (slot `sector`), shared by both forms.

    A known sector comes in through the slot mapping; own words are kept as typed,
    without "ik ben" in front; nonsense is asked again."""

    async def extract_sector(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if not asked_for(tracker, "sector") or not is_answer(tracker):
            return {}
        if entity_value(tracker, "sector"):
            return {}  # the slot mapping already took the known sector
        if wants_to_skip(tracker) or intent_of(tracker) == "deny":
            return {"sector": SKIPPED}
        return {"sector": re.sub(OWN_WORK_OPENING, "", text_of(tracker), flags=re.IGNORECASE).strip()}

    async def validate_sector(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        text = " ".join(str(value or "").split()).lower()
        letters = sum(ch.isalpha() for ch in text)
        return accept_or_ask_again("sector", text, letters >= 2 and len(text) <= 80, dispatcher)
