"""The short optional intake (intake_form): current work, what draws the user,
region and hours. Every question can be skipped; answers are checked and the
bot asks again kindly when it cannot use one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Text

import yaml
from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import Button, Message, send_all, slot_text
from actions.form_answers import (
    SKIPPED, WORDS, SectorQuestion, accept_or_ask_again, asked_for, entity_value, has_phrase,
    intent_of, is_answer, looks_like_a_question, text_of, wants_to_skip,
)
from actions.knowledge import KNOWLEDGE

REGION_LOOKUP = Path(__file__).resolve().parent.parent / "data" / "lookups" / "regio.yml"
HOURS = WORDS["uren"]


def known_regions(path: Path = REGION_LOOKUP) -> Set[str]:
    """Canonical region names: the 35 labour-market regions and the provinces."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {item["synonym"] for item in data["nlu"] if "synonym" in item}


REGIONS = known_regions()


def motivation_in(text: str) -> Optional[str]:
    text = text.lower()
    for key, motivation in KNOWLEDGE.motivations.items():
        if any(word in text for word in motivation.woorden):
            return key
    return None


def hours_in(text: str) -> Optional[int]:
    if has_phrase(text, HOURS["woorden_fulltime"]):
        return int(HOURS["fulltime"])
    numbers = re.findall(r"\d+", text)
    return int(numbers[0]) if numbers else None


class ValidateIntakeForm(SectorQuestion, FormValidationAction):
    """Current work (from SectorQuestion), motivation, region and hours."""

    def name(self) -> Text:
        return "validate_intake_form"

    # -- what draws them --------------------------------------------------------
    async def extract_motivatie(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if not asked_for(tracker, "motivatie"):
            return {}
        text = text_of(tracker)
        found = motivation_in(text)
        if found and not looks_like_a_question(text):
            return {"motivatie": found}  # e.g. "zinvol werk" may look like a question intent
        if not is_answer(tracker):
            return {}
        button = entity_value(tracker, "motivatie")
        if button:
            return {"motivatie": button}
        if wants_to_skip(tracker) or intent_of(tracker) == "deny":
            return {"motivatie": SKIPPED}
        return {"motivatie": text or "?"}

    async def validate_motivatie(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        ok = value == SKIPPED or value in KNOWLEDGE.motivations
        return accept_or_ask_again("motivatie", value, ok, dispatcher)

    # -- region ----------------------------------------------------------------------
    async def extract_regio(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if not asked_for(tracker, "regio") or not is_answer(tracker):
            return {}
        if entity_value(tracker, "regio"):
            return {}  # the slot mapping already took the known region
        if wants_to_skip(tracker) or intent_of(tracker) == "deny":
            return {"regio": SKIPPED}
        return {"regio": text_of(tracker) or "?"}

    async def validate_regio(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return accept_or_ask_again("regio", value, value == SKIPPED or value in REGIONS, dispatcher)

    # -- hours per week ------------------------------------------------------------
    async def extract_uren(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if not asked_for(tracker, "uren") or not is_answer(tracker):
            return {}
        if wants_to_skip(tracker) or intent_of(tracker) == "deny":
            return {"uren": SKIPPED}
        found = entity_value(tracker, "uren") or hours_in(text_of(tracker))
        return {"uren": str(found) if found is not None else text_of(tracker) or "?"}

    async def validate_uren(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value)
        ok = text == SKIPPED or (text.isdigit() and HOURS["minimum"] <= int(text) <= HOURS["maximum"])
        return accept_or_ask_again(
            "uren", text, ok, dispatcher, minimum=HOURS["minimum"], maximum=HOURS["maximum"]
        )


def summary_messages(tracker: Tracker) -> List[Message]:
    phrases = KNOWLEDGE.remember_phrases
    texts = KNOWLEDGE.intake_texts
    known = []
    sector = slot_text(tracker.get_slot("sector"))
    motivation = KNOWLEDGE.motivations.get(tracker.get_slot("motivatie") or "")
    region = slot_text(tracker.get_slot("regio"))
    hours = slot_text(tracker.get_slot("uren"))
    if sector:
        known.append(phrases["sector"].format(waarde=sector))
    if motivation:
        known.append(phrases["motivatie"].format(waarde=motivation.label))
    if region:
        known.append(phrases["regio"].format(waarde=region))
    if hours:
        known.append(phrases["uren"].format(waarde=hours))
    buttons: List[Button] = [KNOWLEDGE.intake_suggest_button]
    if motivation:
        buttons.append(motivation.knop)
    if hours and hours.isdigit() and int(hours) < int(HOURS["fulltime"]) - 4:
        buttons.append(KNOWLEDGE.intake_parttime_button)
    buttons += KNOWLEDGE.intake_buttons
    if not known:
        return [Message(f"{texts['niets']} {texts['vervolg']}", buttons)]
    listed = known[0] if len(known) == 1 else ", ".join(known[:-1]) + " en " + known[-1]
    return [Message(texts["samenvatting"].format(lijst=listed)), Message(texts["vervolg"], buttons)]


class ActionIntakeSummary(Action):
    """Says what the bot now knows and suggests the next step that fits."""

    def name(self) -> Text:
        return "action_intake_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        send_all(dispatcher, summary_messages(tracker))
        # A plain "ja" to the closing question asks for the trajectory.
        return [SlotSet("intake_gedaan", True), SlotSet("voorstel", "traject")]
