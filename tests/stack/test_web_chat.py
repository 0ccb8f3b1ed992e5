"""The web app's chat endpoint against the real Rasa server and action server:
what the widget does, over HTTP, without a browser."""

import sqlite3
import uuid

import pytest
import requests

from tests.stack.conftest import WEB_PORT

pytestmark = pytest.mark.stack
WEB = f"http://localhost:{WEB_PORT}"


def say(sender, message, metadata=None, message_id=None):
    body = {"sender": sender, "id": message_id or uuid.uuid4().hex, "message": message,
            "metadata": metadata or {}}
    return requests.post(f"{WEB}/api/chat", json=body, timeout=40)


def text_of(response):
    return " ".join(m["text"] for m in response.json()["messages"])


def test_the_widget_endpoint_reaches_the_coach(stack):
    sender = uuid.uuid4().hex
    reply = say(sender, "/greet")
    assert reply.status_code == 200
    assert "Ik ben de Overstapcoach" in text_of(reply)
    buttons = [b["payload"] for m in reply.json()["messages"] for b in m["buttons"]]
    assert "/explore_switch" in buttons


def test_vacancy_context_from_the_embed_reaches_the_greeting(stack):
    metadata = {"vacature_id": "DEMO-0001", "titel": "Leerling-elektromonteur (BBL)",
                "werkgever": "Voorbeeld Installatietechniek", "beroep": "elektromonteur",
                "onbekend": "<script>alert(1)</script>"}
    reply = say(uuid.uuid4().hex, "/greet", metadata)
    assert "Leerling-elektromonteur (BBL) bij Voorbeeld Installatietechniek" in text_of(reply)


def test_a_retry_with_the_same_id_is_answered_once(stack):
    sender, message_id = uuid.uuid4().hex, uuid.uuid4().hex
    first = say(sender, "wat verdient een elektricien", message_id=message_id)
    again = say(sender, "wat verdient een elektricien", message_id=message_id)
    assert again.json()["messages"] == first.json()["messages"] and again.json()["herhaald"]
    tracker = requests.get(f"http://localhost:{stack.settings.rasa_port}/conversations/{sender}/tracker",
                           params={"token": stack.settings.api_token}, timeout=30).json()
    users = [e for e in tracker["events"] if e["event"] == "user"]
    assert len(users) == 1


def test_script_in_a_message_is_answered_and_stays_text(stack):
    reply = say(uuid.uuid4().hex, "<script>alert('x')</script> hoi")
    assert reply.status_code == 200 and reply.json()["messages"]


def test_wis_gesprek_removes_every_event(stack):
    sender = uuid.uuid4().hex
    say(sender, "/greet")
    say(sender, "ik ben bang dat ik minder ga verdienen")
    database = stack.env["TRACKER_DB"]
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0] > 0
    assert requests.delete(f"{WEB}/api/chat/{sender}", timeout=10).json() == {"gewist": True}
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0] == 0


def test_cors_for_the_embedding_site(stack):
    preflight = requests.options(f"{WEB}/api/chat", headers={
        "Origin": "https://werkgever.example", "Access-Control-Request-Method": "POST"}, timeout=10)
    assert preflight.headers.get("Access-Control-Allow-Origin") == "https://werkgever.example"


def test_demo_pages_are_served(stack):
    assert 'src="/widget.js"' in requests.get(f"{WEB}/", timeout=10).text
    assert 'data-vacature-id="DEMO-0001"' in requests.get(f"{WEB}/vacature/voorbeeld/", timeout=10).text


def test_when_rasa_is_down_the_user_is_told_and_the_retry_works_after_restart(stack):
    sender, message_id = uuid.uuid4().hex, uuid.uuid4().hex
    say(sender, "/greet")
    stack.rasa.stop()
    try:
        down = say(sender, "wie betaalt de opleiding", message_id=message_id)
        assert down.status_code in (502, 503)
        assert down.json()["bericht"] == "De coach is nu niet bereikbaar. Probeer het zo opnieuw."
    finally:
        stack.rasa.start(stack.env)
        stack.rasa.wait_ready(240)
    retried = say(sender, "wie betaalt de opleiding", message_id=message_id)
    assert retried.status_code == 200 and "Heb je nu betaald werk?" in text_of(retried)


def test_the_recruiters_contact_from_the_embed_is_what_request_human_offers(stack):
    sender = uuid.uuid4().hex
    metadata = {"vacature_id": "V-9", "titel": "Monteur", "werkgever": "Jansen",
                "contact": "werving@jansen.example"}
    say(sender, "/greet", metadata)
    reply = say(sender, "ik wil iemand spreken", metadata)
    assert "werving@jansen.example" in text_of(reply)
