"""Coaching answers on work and learning, from data/knowledge/coaching.yml:
guidance on the job, part-time work, meaningful work, and the warm opening
for someone who considers a switch (explore_switch)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import answer_messages, offer_events, send_all, slot_text
from actions.form_answers import intent_of
from actions.knowledge import KNOWLEDGE

TOPICS = ("ask_guidance_on_the_job", "ask_part_time_flexibility", "ask_meaningful_work")


def personal_note(intent: str, tracker: Tracker) -> str:
    """One line that ties the answer to what the user told in the intake."""
    notes = KNOWLEDGE.personal_notes
    hours = slot_text(tracker.get_slot("uren"))
    if intent == "ask_part_time_flexibility" and hours:
        return notes["uren"].format(uren=hours)
    if intent == "ask_meaningful_work" and tracker.get_slot("motivatie") == "zingeving":
        return notes["zingeving"]
    return ""


class ActionAnswerTopic(Action):
    """Answers guidance, part-time and meaningful-work questions."""

    def name(self) -> Text:
        return "action_answer_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        intent = intent_of(tracker)
        if intent not in TOPICS:
            dispatcher.utter_message(response="utter_default")
            return []
        answer = KNOWLEDGE.answers[intent]
        messages = answer_messages(answer)
        note = personal_note(intent, tracker)
        if note:
            messages[-1].text = f"{note} {messages[-1].text}"
        send_all(dispatcher, messages)
        return offer_events(answer)


class ActionExploreSwitch(Action):
    """Opens warmly; offers the short intake unless the user already did it."""

    def name(self) -> Text:
        return "action_explore_switch"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        done_intake = bool(tracker.get_slot("intake_gedaan"))
        answer = KNOWLEDGE.answers["explore_switch_na_intake" if done_intake else "explore_switch"]
        send_all(dispatcher, answer_messages(answer))
        return offer_events(answer)
