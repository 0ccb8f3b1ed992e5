"""Answers questions about the vacancy the chat was opened from."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.vacancy_context import has_vacancy, vacancy_display_name


class ActionVacancyDetails(Action):
    def name(self) -> Text:
        return "action_vacancy_details"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[EventType]:
        if not has_vacancy(tracker):
            dispatcher.utter_message(response="utter_no_vacancy")
            return []
        title = vacancy_display_name(tracker)
        if title:
            dispatcher.utter_message(
                response="utter_vacancy_details", vacature_titel=title
            )
        else:
            dispatcher.utter_message(response="utter_vacancy_details_algemeen")
        return []
