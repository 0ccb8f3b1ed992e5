"""Real conversations through the REST channel of the running Rasa + action server."""

import pytest
import requests

from tests.stack.conftest import RASA_PORT, TOKEN, texts

pytestmark = pytest.mark.stack


def test_greeting_gets_the_dutch_welcome_with_topic_buttons(stack, chat):
    replies = chat().say("hoi")
    assert "digitale coach" in texts(replies)
    assert "geen mens" in texts(replies)
    buttons = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert "/ask_salary" in buttons and "/ask_funding" in buttons


def test_a_belief_gets_evidence_with_its_source(stack, chat):
    replies = chat().say("ik ben bang dat ik er in salaris flink op achteruit ga")
    text = texts(replies)
    assert "€ 3.111" in text and "TechBarometer 2024" in text


def test_vacancy_metadata_reaches_the_greeting(stack, chat):
    page = chat(metadata={"vacature_id": "V-17", "titel": "Elektromonteur <b>woningbouw</b>",
                          "werkgever": "De Vonk", "onbekend": "x" * 5000})
    text = texts(page.say("hallo"))
    assert "Elektromonteur woningbouw" in text and "De Vonk" in text
    assert "<b>" not in text
    slots = page.tracker()["slots"]
    assert slots["vacature_id"] == "V-17" and slots["werkgever"] == "De Vonk"
    assert "onbekend" not in slots


def test_vacancy_question_without_vacancy_is_answered_honestly(stack, chat):
    text = texts(chat().say("wat houdt deze vacature precies in?"))
    assert "niet geopend vanaf een vacature" in text


def test_nonsense_gets_a_rephrase_request_or_redirect(stack, chat):
    replies = chat().say("qwpoeiruty zxmcnvb")
    assert any(r.get("buttons") for r in replies)


def test_http_api_needs_the_token(stack):
    url = f"http://localhost:{RASA_PORT}/conversations/someone/tracker"
    assert requests.get(url, timeout=10).status_code == 401
    assert requests.get(url, params={"token": TOKEN}, timeout=10).status_code == 200


def test_conversation_continues_after_rasa_server_restart(stack, chat):
    user = chat()
    user.say("hoi")
    user.say("ik woon in Twente en werk in de zorg")
    before = user.tracker()
    assert before["slots"]["regio"] == "Twente"

    stack.restart_rasa()

    replies = user.say("wat verdient een monteur?")
    assert "€ 3.111" in texts(replies)
    after = user.tracker()
    assert after["slots"]["regio"] == "Twente"
    user_texts = [e.get("text") for e in after["events"] if e["event"] == "user"]
    assert user_texts[:2] == ["hoi", "ik woon in Twente en werk in de zorg"]
