"""Deleting the conversation from the chat: asked first, deleted only on a "ja" right after."""

from pathlib import Path

import yaml
from rasa_sdk.events import SlotSet

from actions.affirm import ActionAffirm
from actions.deletion import ActionAskDeletion
from tests.actions.conftest import make_tracker, run, user

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def asked_to_delete():
    return [user("verwijder mijn gesprek", "request_data_deletion"),
            {"event": "action", "name": "action_ask_deletion"},
            {"event": "slot", "name": "voorstel", "value": "wis_gesprek"}]


def test_the_bot_asks_before_it_deletes(dispatcher):
    events = run(ActionAskDeletion(), dispatcher, make_tracker("request_data_deletion", "wis alles"))
    assert events == [SlotSet("voorstel", "wis_gesprek")]
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_deletion"]
    question = DOMAIN["responses"]["utter_ask_deletion"][0]
    assert question["text"].startswith("Wil je dat ik dit hele gesprek wis?")
    assert "Dat kan ik niet terugdraaien." in question["text"]
    assert [(b["title"], b["payload"]) for b in question["buttons"]] == [
        ("Ja, wis alles", "/affirm"), ("Nee, bewaar het", "/deny")]


def test_yes_right_after_the_question_sends_only_the_signal_for_the_web_app(dispatcher):
    tracker = make_tracker("affirm", "ja", events=[*asked_to_delete(), user("ja", "affirm")])
    assert run(ActionAffirm(), dispatcher, tracker) == []
    assert len(dispatcher.messages) == 1
    [message] = dispatcher.messages
    assert message["custom"] == {"wis_gesprek": True}
    assert not message["text"] and not message["buttons"] and not message["response"]


def test_yes_to_a_later_question_deletes_nothing(dispatcher):
    history = [*asked_to_delete(), user("wat verdient een monteur", "ask_salary"),
               {"event": "action", "name": "action_salary"}, user("ja", "affirm")]
    run(ActionAffirm(), dispatcher, make_tracker("affirm", "ja", events=history))
    assert all(not m.get("custom") for m in dispatcher.messages)


def test_no_says_that_nothing_was_deleted():
    text = DOMAIN["responses"]["utter_deletion_cancelled"][0]["text"]
    assert text.startswith("Prima, ik wis niets.")


def test_the_privacy_answer_names_both_ways_to_delete():
    text = DOMAIN["responses"]["utter_privacy_deletion"][0]["text"]
    assert "Vraag het mij hier in de chat" in text and "'Wis gesprek'" in text
    assert "utter_data_deletion" not in DOMAIN["responses"]


def rules(name):
    return yaml.safe_load((ROOT / "data" / "rules" / name).read_text(encoding="utf-8"))["rules"]


def test_a_deletion_request_during_a_form_stops_the_form_before_asking():
    for form in ("intake_form", "funding_form", "feedback_form"):
        [rule] = [r for r in rules("forms.yml") + rules("feedback.yml")
                  if r.get("condition") == [{"active_loop": form}]
                  and r["steps"][0] == {"intent": "request_data_deletion"}]
        assert rule["steps"][1:] == [{"action": "action_deactivate_loop"}, {"active_loop": None},
                                     {"action": "action_ask_deletion"}]
