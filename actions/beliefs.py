"""Coaching answers to limiting beliefs (intents belief_*), from data/knowledge/beliefs.yml."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import answer_messages, offer_events, send_all, slot_text
from actions.form_answers import intent_of
from actions.knowledge import KNOWLEDGE
from actions.money import parse_amount
from actions.salary import comparison_message


class ActionAnswerBelief(Action):
    """Acknowledges the doubt, gives sourced evidence and the caveat, asks on."""

    def name(self) -> Text:
        return "action_answer_belief"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        intent = intent_of(tracker)
        answer = KNOWLEDGE.answers.get(intent)
        if answer is None or not intent.startswith("belief_"):
            dispatcher.utter_message(response="utter_default")
            return []
        pay = slot_text(tracker.get_slot("huidig_salaris"))
        amount = parse_amount(pay) if pay and intent == "belief_salary_drop" else None
        if amount is None:
            send_all(dispatcher, answer_messages(answer))
            return offer_events(answer)
        # The user already told their pay: compare instead of asking for it.
        messages = answer_messages(answer, question="")
        messages[-1] = comparison_message(KNOWLEDGE.salary, amount, slot_text(tracker.get_slot("beroep")))
        messages[-1].buttons = list(answer.knoppen)
        send_all(dispatcher, messages)
        return [SlotSet("voorstel", None)]
