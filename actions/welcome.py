"""Greets the user: as a digital coach, and with the vacancy when there is one."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.vacancy_context import has_vacancy, vacancy_display_name


class ActionWelcome(Action):
    def name(self) -> Text:
        return "action_welcome"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        if not has_vacancy(tracker):
            dispatcher.utter_message(response="utter_welcome")
            dispatcher.utter_message(response="utter_welcome_topics")
            return []
        title = vacancy_display_name(tracker)
        employer = tracker.get_slot("werkgever")
        if title and employer:
            dispatcher.utter_message(
                response="utter_welcome_vacature", vacature_titel=title
            )
        elif title:
            dispatcher.utter_message(
                response="utter_welcome_vacature_zonder_werkgever",
                vacature_titel=title,
            )
        else:
            dispatcher.utter_message(response="utter_welcome_vacature_algemeen")
        dispatcher.utter_message(response="utter_welcome_vacature_topics")
        return []
