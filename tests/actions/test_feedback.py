"""Feedback: "Had je hier iets aan?" once, the score, and the optional comment."""

import asyncio
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.feedback import ActionAskFeedback, ActionFeedbackScore, ValidateFeedbackForm, score_in
from tests.actions.conftest import make_tracker, run, user

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
FORM_DOMAIN = {"forms": {"feedback_form": {"required_slots": ["feedback_opmerking"]}}}


def test_the_question_is_asked_once_per_conversation(dispatcher):
    events = run(ActionAskFeedback(), dispatcher, make_tracker("thank", "bedankt"))
    assert events == [SlotSet("feedback_gevraagd", True)]
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_feedback"]

    dispatcher.messages.clear()
    asked = make_tracker("goodbye", "doei", slots={"feedback_gevraagd": True})
    assert run(ActionAskFeedback(), dispatcher, asked) == []
    assert dispatcher.messages == []


def test_the_question_has_a_thumb_up_and_a_thumb_down_button():
    question = DOMAIN["responses"]["utter_ask_feedback"][0]
    assert question["text"] == "Had je hier iets aan?"
    assert [(b["title"], b["payload"]) for b in question["buttons"]] == [
        ("👍", '/feedback{"feedback_score": "goed"}'),
        ("👎", '/feedback{"feedback_score": "slecht"}'),
    ]


def test_feedback_slots_are_kept_for_the_review_app_and_steer_nothing():
    slots = DOMAIN["slots"]
    assert {n: slots[n]["type"] for n in ("feedback_score", "feedback_opmerking", "feedback_gevraagd")} == {
        "feedback_score": "text", "feedback_opmerking": "text", "feedback_gevraagd": "bool"}
    assert all(slots[n]["influence_conversation"] is False
               for n in ("feedback_score", "feedback_opmerking", "feedback_gevraagd"))
    [mapping] = slots["feedback_opmerking"]["mappings"]
    assert mapping["type"] == "from_text" and "deny" in mapping["not_intent"]
    assert mapping["conditions"] == [{"active_loop": "feedback_form", "requested_slot": "feedback_opmerking"}]


def test_a_button_score_is_kept_and_marks_the_question_as_asked(dispatcher):
    tracker = make_tracker("feedback", '/feedback{"feedback_score": "goed"}', [("feedback_score", "goed")])
    events = run(ActionFeedbackScore(), dispatcher, tracker)
    assert events == [SlotSet("feedback_score", "goed"), SlotSet("feedback_gevraagd", True)]
    assert dispatcher.messages == []


def test_a_new_score_clears_the_earlier_comment(dispatcher):
    slots = {"feedback_score": "goed", "feedback_opmerking": "fijne uitleg", "feedback_gevraagd": True}
    tracker = make_tracker("feedback", "👎", slots=slots)
    assert run(ActionFeedbackScore(), dispatcher, tracker) == [
        SlotSet("feedback_score", "slecht"), SlotSet("feedback_opmerking", None)]


def test_typed_feedback_without_good_or_bad_keeps_no_score(dispatcher):
    events = run(ActionFeedbackScore(), dispatcher, make_tracker("feedback", "ik wil feedback geven"))
    assert events == [SlotSet("feedback_gevraagd", True)]


def feedback_examples():
    data = load_data(str(ROOT / "data" / "nlu" / "feedback.yml"))
    for example in data.intent_examples:
        scores = [e["value"] for e in example.get("entities") or [] if e["entity"] == "feedback_score"]
        yield example.get("text"), scores[0] if scores else None


@pytest.mark.parametrize("text,score", list(feedback_examples()))
def test_typed_words_give_the_score_the_training_data_annotates(text, score):
    assert score_in(make_tracker("feedback", text)) == score


# -- the comment (validate_feedback_form), run as Rasa runs it -----------------

def form_turn(text, intent, earlier=(), extracted=(), entities=()):
    """The tracker Rasa sends when feedback_form asked for the comment and the
    user answered: the slots action_extract_slots set, then the form's
    requested slot and its execution, then the slot candidates."""
    events = [*earlier, user(text, intent)]
    events += [{"event": "slot", "name": n, "value": v} for n, v in extracted]
    events += [{"event": "slot", "name": "requested_slot", "value": "feedback_opmerking"},
               {"event": "action", "name": "feedback_form"}]
    events += [{"event": "slot", "name": n, "value": v} for n, v in extracted if n == "feedback_opmerking"]
    slots = {"requested_slot": "feedback_opmerking"}
    for event in events:
        if event["event"] == "slot":
            slots[event["name"]] = event["value"]
    message = {"intent": {"name": intent}, "text": text,
               "entities": [{"entity": n, "value": v} for n, v in entities]}
    return Tracker("test-user", slots, message, events, False, None,
                   {"name": "feedback_form"}, "feedback_form")


def validate(dispatcher, tracker):
    return asyncio.run(ValidateFeedbackForm().run(dispatcher, tracker, FORM_DOMAIN))


def test_any_text_is_the_comment_stripped(dispatcher):
    text = "  Meer over de opleiding tot monteur graag \n"
    events = validate(dispatcher, form_turn(text, "ask_training_routes", extracted=[("feedback_opmerking", text)]))
    assert events == [SlotSet("feedback_opmerking", "Meer over de opleiding tot monteur graag")]
    assert dispatcher.messages == []


def test_a_long_comment_is_cut_at_1000_characters(dispatcher):
    text = "a" * 1500
    events = validate(dispatcher, form_turn(text, "nlu_fallback", extracted=[("feedback_opmerking", text)]))
    assert events == [SlotSet("feedback_opmerking", "a" * 1000)]


@pytest.mark.parametrize("text", ["nee", "/deny"])
def test_no_skips_the_comment_and_ends_the_form_with_the_slot_empty(text, dispatcher):
    events = validate(dispatcher, form_turn(text, "deny"))
    assert events == [SlotSet("feedback_opmerking", None), SlotSet("requested_slot", None)]


def test_the_comment_changes_no_other_slot(dispatcher):
    earlier = [{"event": "slot", "name": "beroep", "value": "lasser"}]
    text = "ik had meer over loodgieter in Zwolle willen horen"
    extracted = [("beroep", "loodgieter"), ("regio", "Regio Zwolle"), ("feedback_opmerking", text)]
    events = validate(dispatcher, form_turn(text, "ask_vacancies", earlier, extracted))
    assert events == [SlotSet("feedback_opmerking", text), SlotSet("beroep", "lasser"), SlotSet("regio", None)]


def test_a_topic_button_of_an_earlier_message_is_no_comment(dispatcher):
    events = validate(dispatcher, form_turn("/ask_salary", "ask_salary",
                                            extracted=[("feedback_opmerking", "/ask_salary")]))
    assert events == [SlotSet("feedback_opmerking", None), SlotSet("requested_slot", None)]


def test_an_earlier_thumb_button_changes_the_score_and_asks_again(dispatcher):
    payload = '/feedback{"feedback_score": "slecht"}'
    tracker = form_turn(payload, "feedback", extracted=[("feedback_opmerking", payload)],
                        entities=[("feedback_score", "slecht")])
    assert validate(dispatcher, tracker) == [SlotSet("feedback_opmerking", None),
                                             SlotSet("feedback_score", "slecht")]
