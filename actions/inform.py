"""The user tells something about themselves (intent inform): the bot says what
it understood, or compares pay when the user gave an amount (action_inform)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import Message, offer_from_last_turn
from actions.knowledge import KNOWLEDGE, Button
from actions.mentions import payload
from actions.money import parse_amount
from actions.occupations import OCCUPATIONS, Occupation
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
            occupation = OCCUPATIONS.find(entities.get("beroep")).occupation
            if occupation:
                occupation_offer(occupation).send(dispatcher)
                return [SlotSet("voorstel", "traject_beroep")]
            dispatcher.utter_message(response="utter_inform_next")
        else:
            dispatcher.utter_message(response="utter_inform_ack")
        return []


def occupation_offer(occupation: Occupation) -> Message:
    """After "ik denk aan loodgieter": how to start, with the occupation's next steps."""
    return Message(
        OCCUPATIONS.texts["na_inform"].format(naam=occupation.naam),
        [
            Button("Ja, hoe begin ik?", payload("ask_functional_deployability", beroep=occupation.key)),
            Button(f"Opleiding tot {occupation.naam}", payload("ask_training_routes", beroep=occupation.key)),
            Button(f"Vacatures voor {occupation.meervoud}", payload("ask_vacancies", beroep=occupation.key)),
        ],
    )
