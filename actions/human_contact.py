"""The user wants a person (action_request_human): on a vacancy page the recruiter's
contact from the embed (data-contact), otherwise the free Leerwerkloket for the user's region."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import Message, send_all, slot_text
from actions.lookup_answers import loket_line
from actions.occupations import OCCUPATIONS
from actions.regions import REGIONS


def human_messages(tracker: Tracker) -> List[Message]:
    texts = OCCUPATIONS.texts
    contact = slot_text(tracker.get_slot("contact"))
    if contact:
        employer = slot_text(tracker.get_slot("werkgever"))
        opening = texts["mens_recruiter_werkgever" if employer else "mens_recruiter"]
        return [Message(opening.format(contact=contact, werkgever=employer))]
    place = REGIONS.resolve(slot_text(tracker.get_slot("regio"))).place
    return [Message(f"{texts['mens_loket']}\n{loket_line(place)}")]


class ActionRequestHuman(Action):
    def name(self) -> Text:
        return "action_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        send_all(dispatcher, human_messages(tracker))
        return [SlotSet("voorstel", None)]
