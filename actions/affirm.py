"""A plain "ja": follows up on what the bot offered in its previous turn (action_affirm)."""

from __future__ import annotations

from typing import Any, Dict, List, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import Message, answer_messages, offer_events, offer_from_last_turn, send_all
from actions.deletion import DELETE_OFFER, send_delete_signal
from actions.knowledge import KNOWLEDGE
from actions.salary import ASKED_FOR_PAY
from actions.services.cbs import live_enabled
from actions.training_routes import route_messages
from actions.trajectory import shown_events, trajectory_messages
from actions.vacancies import vacancy_messages


async def lookup_messages(target: str, tracker: Tracker) -> Tuple[List[Message], List[EventType]]:
    """A "ja" to an offer of training routes, a trajectory or vacancy figures:
    the messages, and the events that remember which occupations were shown."""
    if target == "routes":
        return route_messages(tracker), []
    if target in ("traject", "traject_beroep"):  # traject_beroep: the occupation the user just named
        messages, shown = trajectory_messages(tracker, use_slot=target == "traject_beroep")
        return messages, shown_events(shown)
    return await vacancy_messages(tracker, live=live_enabled()), []


class ActionAffirm(Action):
    def name(self) -> Text:
        return "action_affirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        offer = offer_from_last_turn(tracker)
        if not offer:
            dispatcher.utter_message(response="utter_affirm")
            return []
        if offer == DELETE_OFFER:
            # Only the signal, no text: the web app deletes the conversation and
            # tells the user (the contract is in actions/deletion.py).
            send_delete_signal(dispatcher)
            return []
        if offer == ASKED_FOR_PAY:
            dispatcher.utter_message(text=KNOWLEDGE.salary.vraag_eigen_salaris)
            return [SlotSet("voorstel", ASKED_FOR_PAY)]
        targets = offer.split(",")
        if targets[0] in ("routes", "traject", "traject_beroep", "vacatures"):
            messages, events = await lookup_messages(targets[0], tracker)
            send_all(dispatcher, messages)
            return [SlotSet("voorstel", None)] + events
        if targets[0] in KNOWLEDGE.answers:
            answer = KNOWLEDGE.answers[targets[0]]
            send_all(dispatcher, answer_messages(answer))
            return offer_events(answer)
        for response in targets:
            dispatcher.utter_message(response=response)
        return [SlotSet("voorstel", None)]
