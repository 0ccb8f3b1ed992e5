"""Who pays for retraining: at most two questions (funding_form), then the
schemes that fit the user's situation, with status, conditions and source."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import Message, scheme_line, send_all, slot_text, with_facts
from actions.form_answers import (
    SKIPPED, WORDS, SectorQuestion, accept_or_ask_again, asked_for, entity_value, has_phrase,
    intent_of, is_answer, text_of, wants_to_skip,
)
from actions.knowledge import KNOWLEDGE, Scheme

WORK_VALUES = ("ja", "nee", SKIPPED)
BENEFIT_VALUES = ("ww", "bijstand", "geen", SKIPPED)
MAX_SCHEMES = 5


def situation_key(work: Optional[str], benefit: Optional[str]) -> str:
    if work == "ja":
        return "werkend"
    if work == "nee":
        return {"ww": "werkzoekend_ww", "bijstand": "bijstand", "geen": "werkzoekend"}.get(
            benefit or "", "onbekend"
        )
    return "onbekend"


def fitting_schemes(situation: str, sector: Optional[str]) -> List[Scheme]:
    schemes = list(KNOWLEDGE.situations[situation].schemes)
    if situation == "werkend" and sector in KNOWLEDGE.sector_funds:
        funds = [s for s in KNOWLEDGE.sector_funds[sector] if s not in schemes]
        schemes = schemes[:MAX_SCHEMES - len(funds)] + funds  # the own sector's fund first
    return schemes[:MAX_SCHEMES]


def funding_messages(work: Optional[str], benefit: Optional[str], sector: Optional[str]) -> List[Message]:
    texts = KNOWLEDGE.funding_answer
    situation = KNOWLEDGE.situations[situation_key(work, benefit)]
    lines = [scheme_line(s) for s in fitting_schemes(situation.key, sector)]
    # One message: Rasa's channels split a text into several messages at blank lines.
    first = texts.inleiding.format(situatie=situation.label) + "\n" + "\n".join(lines)
    last = with_facts(texts.afsluiting, texts.afsluiting_feiten)
    return [Message(first), Message(last, list(texts.knoppen))]


def benefit_in(text: str) -> Optional[str]:
    words = WORDS["uitkering"]
    if has_phrase(text, ["geen uitkering", "zonder uitkering"]):
        return "geen"
    for value in ("bijstand", "ww"):
        if has_phrase(text, words[value]):
            return value
    return None


class ActionFundingIntro(Action):
    """Says that many find funding unclear, and that two questions follow."""

    def name(self) -> Text:
        return "action_funding_intro"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        texts = KNOWLEDGE.funding_answer
        text = with_facts("", texts.uitleg_feiten)
        if tracker.get_slot("werk_nu") is None:
            text = f"{text}\n{texts.twee_vragen}"
        dispatcher.utter_message(text=text)
        return []


class ValidateFundingForm(SectorQuestion, FormValidationAction):
    def name(self) -> Text:
        return "validate_funding_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
        tracker: Tracker, domain: DomainDict,
    ) -> List[Text]:
        work = tracker.get_slot("werk_nu")
        if work == "ja":
            return ["werk_nu", "sector"]
        if work == "nee":
            return ["werk_nu", "uitkering"]
        return ["werk_nu"]

    async def extract_werk_nu(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if not asked_for(tracker, "werk_nu") or not is_answer(tracker):
            return {}
        button = entity_value(tracker, "werk_nu")
        if button:
            return {"werk_nu": button}
        text = text_of(tracker)
        if wants_to_skip(tracker):
            return {"werk_nu": SKIPPED}
        benefit = benefit_in(text)
        if benefit in ("ww", "bijstand"):
            return {"werk_nu": "nee", "uitkering": benefit}
        if has_phrase(text, WORDS["zonder_werk"]) or intent_of(tracker) == "deny":
            return {"werk_nu": "nee"}
        if has_phrase(text, WORDS["met_werk"]) or entity_value(tracker, "sector") \
                or intent_of(tracker) == "affirm":
            return {"werk_nu": "ja"}
        return {"werk_nu": text or "?"}

    async def validate_werk_nu(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return accept_or_ask_again("werk_nu", value, value in WORK_VALUES, dispatcher)

    async def extract_uitkering(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if not asked_for(tracker, "uitkering") or not is_answer(tracker):
            return {}
        button = entity_value(tracker, "uitkering")
        if button:
            return {"uitkering": button}
        if wants_to_skip(tracker):
            return {"uitkering": SKIPPED}
        text = text_of(tracker)
        benefit = benefit_in(text)
        if benefit:
            return {"uitkering": benefit}
        if intent_of(tracker) == "deny" or has_phrase(text, WORDS["uitkering"]["geen"]):
            return {"uitkering": "geen"}
        return {"uitkering": text or "?"}

    async def validate_uitkering(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return accept_or_ask_again("uitkering", value, value in BENEFIT_VALUES, dispatcher)


class ActionFundingAnswer(Action):
    """After the form: the schemes that fit, the end of STAP, free advice."""

    def name(self) -> Text:
        return "action_funding_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        messages = funding_messages(
            tracker.get_slot("werk_nu"),
            tracker.get_slot("uitkering"),
            slot_text(tracker.get_slot("sector")),
        )
        send_all(dispatcher, messages)
        return [SlotSet("voorstel", None)]
