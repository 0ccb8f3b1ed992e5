"""Deleting the conversation from the chat itself: the bot first asks whether
it may (action_ask_deletion); a "ja" in the very next turn (action_affirm, offer
`wis_gesprek`) sends the signal that deletes it; a "nee" keeps everything
(utter_deletion_cancelled, by rule).

Contract with the web app (bot/web/chat.py): the signal is a custom payload
`{"wis_gesprek": true}` and no text. The web app finds it in Rasa's REST reply,
which comes after Rasa has saved the tracker; it then deletes every event of
the conversation and the review notes, and itself tells the user that the
conversation is gone. So the bot never claims a deletion that did not happen:
without the web app (another channel), nothing is deleted and nothing is said.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

DELETE_OFFER = "wis_gesprek"  # slot `voorstel`: what a "ja" to the question means
DELETE_SIGNAL = {"wis_gesprek": True}


def send_delete_signal(dispatcher: CollectingDispatcher) -> None:
    """The custom payload the web app acts on (see the contract above)."""
    dispatcher.utter_message(json_message=DELETE_SIGNAL)


class ActionAskDeletion(Action):
    """Asks for confirmation; the buttons send /affirm and /deny."""

    def name(self) -> Text:
        return "action_ask_deletion"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_ask_deletion")
        return [SlotSet("voorstel", DELETE_OFFER)]
