"""User feedback at the natural end of a topic: "Had je hier iets aan?" with 👍 / 👎
(action_ask_feedback, once per conversation), the score (action_feedback_score),
then an optional comment (feedback_form, validate_feedback_form).

Everything is kept as slots in the tracker, where the review app reads it:
`feedback_score` ("goed" or "slecht"), `feedback_opmerking` (the comment) and
`feedback_gevraagd` (the question was asked, or the user gave a score unasked).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.form_answers import SKIPPED, WORDS, asked_for, entity_value, has_phrase, intent_of, text_of

SCORES = ("goed", "slecht")
MAX_COMMENT = 1000
COMMENT = "feedback_opmerking"
# Events that empty all slots: values set before them are gone.
SLOTS_RESET = ("restart", "reset_slots", "session_started")


def score_in(tracker: Tracker) -> Optional[str]:
    """The score from the 👍 / 👎 button, else from typed words; None when unclear.

    Words for "slecht" are checked first: "niet goed" and "niks aan" also
    contain a word that sounds positive."""
    button = entity_value(tracker, "feedback_score")
    if button in SCORES:
        return button
    text = text_of(tracker)
    for score in ("slecht", "goed"):
        if has_phrase(text, WORDS["feedback"][score]):
            return score
    return None


def comment_of(value: Any) -> Optional[str]:
    """The comment as it is kept: stripped, at most MAX_COMMENT characters.

    None when the user skipped it, sent nothing, or clicked a button of an
    earlier message (its payload, such as "/ask_salary", is no comment)."""
    text = str(value or "").strip()
    if not text or text == SKIPPED or text.startswith("/"):
        return None
    return text[:MAX_COMMENT]


def earlier_values_of_other_slots(tracker: Tracker) -> Dict[Text, Any]:
    """Slots that the comment's own words filled (beroep, regio, ...), with the
    values they had before it: a comment changes nothing else, so no lookup
    ever works with words from a comment."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    if not users:
        return {}
    changed = {
        e.get("name") for e in events[users[-1]:] if e.get("event") == "slot"
    } - {COMMENT, "requested_slot"}
    earlier: Dict[Text, Any] = {}
    for event in events[:users[-1]]:
        if event.get("event") in SLOTS_RESET:
            earlier.clear()
        elif event.get("event") == "slot" and event.get("name") in changed:
            earlier[event["name"]] = event.get("value")
    return {name: earlier.get(name) for name in sorted(changed)}


class ActionAskFeedback(Action):
    """After a thank-you or goodbye: "Had je hier iets aan?", once per conversation."""

    def name(self) -> Text:
        return "action_ask_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        if tracker.get_slot("feedback_gevraagd"):
            return []
        dispatcher.utter_message(response="utter_ask_feedback")
        return [SlotSet("feedback_gevraagd", True)]


class ActionFeedbackScore(Action):
    """Keeps the score (also when given unasked) and clears an earlier comment,
    so that feedback_form asks for a comment on this score."""

    def name(self) -> Text:
        return "action_feedback_score"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        events: List[EventType] = []
        score = score_in(tracker)
        if score:
            events.append(SlotSet("feedback_score", score))
        if tracker.get_slot(COMMENT) is not None:
            events.append(SlotSet(COMMENT, None))
        if not tracker.get_slot("feedback_gevraagd"):
            events.append(SlotSet("feedback_gevraagd", True))
        return events


class ValidateFeedbackForm(FormValidationAction):
    """The optional comment: a "no" skips it, any other text is the comment."""

    def name(self) -> Text:
        return "validate_feedback_form"

    async def extract_feedback_opmerking(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        # The slot mapping ignores a "no" (typed, or the button "Liever niet"),
        # so it is never stored; here it becomes a skip.
        if asked_for(tracker, COMMENT) and intent_of(tracker) == "deny":
            return {COMMENT: SKIPPED}
        return {}

    async def validate_feedback_opmerking(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        comment = comment_of(value)
        if comment:
            return {COMMENT: comment, **earlier_values_of_other_slots(tracker)}
        score = score_in(tracker) if intent_of(tracker) == "feedback" else None
        if score and str(value).startswith("/"):
            # A 👍 / 👎 of an earlier message: the new score, and the question again.
            return {COMMENT: None, "feedback_score": score}
        # Skipped: the form ends and the slot stays empty.
        return {COMMENT: None, "requested_slot": None}
