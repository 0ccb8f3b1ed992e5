"""The user tells something about themselves (intent inform): the bot says what
it understood, or compares pay when the user gave an amount (action_inform)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import offer_from_last_turn
from actions.knowledge import KNOWLEDGE
from actions.money import parse_amount
from actions.salary import ASKED_FOR_PAY, run_salary


class ActionInform(Action):
    def name(self) -> Text:
        return "action_inform"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        message = tracker.latest_message or {}
        entities = {e.get("entity"): e.get("value") for e in message.get("entities") or []}
        asked_for_pay = offer_from_last_turn(tracker) == ASKED_FOR_PAY
        if "bedrag" in entities or (asked_for_pay and parse_amount(message.get("text") or "")):
            return run_salary(dispatcher, tracker, asked=True)
        phrases = KNOWLEDGE.remember_phrases
        understood = [
            phrases[name].format(waarde=value)
            for name, value in entities.items()
            if name in phrases and value
        ]
        if understood:
            listed = understood[0] if len(understood) == 1 else \
                ", ".join(understood[:-1]) + " en " + understood[-1]
            dispatcher.utter_message(text=f"Dank je, dat onthoud ik: {listed}.")
            dispatcher.utter_message(response="utter_inform_next")
        else:
            dispatcher.utter_message(response="utter_inform_ack")
        return []
