"""Starts a conversation session and takes over a vacancy page's context."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.vacancy_context import VACANCY_SLOTS, vacancy_context

# Slots that belong to one session and are never carried over.
_NOT_CARRIED = {"session_started_metadata", "requested_slot"}


class ActionSessionStart(Action):
    """Carries over what the user told us and sets the page's vacancy context."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        context = vacancy_context(tracker.get_slot("session_started_metadata"))
        carried = {
            name: value
            for name, value in tracker.current_slot_values().items()
            if value is not None
            and name not in _NOT_CARRIED
            and name not in VACANCY_SLOTS  # a new page brings its own context
        }
        carried.update(context)
        events: List[EventType] = [SessionStarted()]
        events += [SlotSet(name, value) for name, value in carried.items()]
        events.append(ActionExecuted("action_listen"))
        return events
