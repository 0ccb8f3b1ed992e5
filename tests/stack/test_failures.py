"""What the user gets when a part behind the web app fails, against the real servers:
the action server stops mid-conversation, or the live data source (CBS) fails.
(Rasa itself going down: tests/stack/test_web_chat.py and test_widget_browser.py.)"""

import socket
import uuid

import pytest
import requests

from tests.actions.fake_cbs import FakeCbs, start_server
from tests.stack.conftest import TOKEN, WEB_PORT

pytestmark = pytest.mark.stack
WEB = f"http://localhost:{WEB_PORT}"
STORING = ("Er is een storing: ik kan je nu geen antwoord geven. Je gesprek is bewaard. "
           "Probeer het over een minuut opnieuw.")
REPLY_TIMEOUT = 45_000


def say(sender, message, message_id=None):
    body = {"sender": sender, "id": message_id or uuid.uuid4().hex, "message": message, "metadata": {}}
    return requests.post(f"{WEB}/api/chat", json=body, timeout=40)


def text_of(response):
    return "\n".join(m["text"] for m in response.json()["messages"])


def slots(stack, sender):
    reply = requests.get(f"http://localhost:{stack.settings.rasa_port}/conversations/{sender}/tracker",
                         params={"token": TOKEN}, timeout=30)
    reply.raise_for_status()
    return reply.json()["slots"]


def test_a_stopped_action_server_is_a_storing_and_the_retry_keeps_the_context(stack):
    sender, message_id = uuid.uuid4().hex, uuid.uuid4().hex
    assert say(sender, "wat verdient een elektricien?").status_code == 200
    assert slots(stack, sender)["beroep"] == "elektromonteur"
    question = "welke opleiding moet ik daarvoor doen"
    stack.actions.stop()
    try:
        down = say(sender, question, message_id=message_id)
        assert down.status_code == 503
        assert down.json() == {"error": "storing", "bericht": STORING}
    finally:
        stack.restart_actions()
    retried = say(sender, question, message_id=message_id)  # the widget's retry: the same id
    assert retried.status_code == 200 and "herhaald" not in retried.json()
    assert "Zo word je elektromonteur:" in text_of(retried)  # the occupation from before the failure
    assert slots(stack, sender)["beroep"] == "elektromonteur"


def test_the_widget_shows_the_storing_and_its_retry_button_works(browser, stack):
    page = browser.new_context(locale="nl-NL").new_page()
    try:
        page.goto(WEB + "/")
        page.get_by_role("button", name="Vraag het de Overstapcoach").click()
        bots = page.locator(".oc-log .oc-bot")
        bots.first.wait_for(timeout=REPLY_TIMEOUT)
        stack.actions.stop()
        try:
            page.get_by_label("Je bericht").fill("wat verdient een elektricien?")
            page.get_by_role("button", name="Verstuur").click()
            status = page.locator(".oc-status")
            status.get_by_text(STORING).wait_for(timeout=REPLY_TIMEOUT)
        finally:
            stack.restart_actions()
        before = bots.count()
        status.get_by_role("button", name="Opnieuw proberen").click()
        page.wait_for_function("n => document.querySelectorAll('.oc-log .oc-bot').length > n",
                               arg=before, timeout=REPLY_TIMEOUT)
        assert "Een elektricien verdiende" in page.locator(".oc-log").inner_text()
        assert page.locator(".oc-log .oc-user").count() == 1  # sent once, shown once
        assert status.inner_text() == ""
    finally:
        page.context.close()


@pytest.fixture
def failing_cbs(stack):
    """The action server with CBS_LIVE=1 against a local fake CBS that answers HTTP 500;
    afterwards the normal action server again, whatever happened."""
    server = start_server()
    FakeCbs.mode = "error"
    try:
        stack.restart_actions({"CBS_LIVE": "1", "CBS_BASE_URL": f"http://127.0.0.1:{server.server_address[1]}"})
        yield server
    finally:
        server.shutdown()
        server.server_close()
        stack.restart_actions()


def snapshot_expectations():
    """What the answer must say, from data/knowledge/vacancies.yml and sources.yml."""
    from actions.vacancy_figures import VACANCY_FIGURES

    snapshot = next(f for f in VACANCY_FIGURES.national if f.id == "vacatures_nl_2026")
    fallback = VACANCY_FIGURES.texts["terugval"].format(periode=snapshot.periode)
    return fallback, snapshot


def assert_snapshot_answer(text):
    fallback, snapshot = snapshot_expectations()
    assert fallback in text  # says it could not fetch CBS, and the snapshot's period
    assert snapshot.tekst in text
    assert snapshot.source.bron_kort in text.split("Bron")[-1]  # named in the source line
    assert "nu opgehaald" not in text


def test_when_live_cbs_fails_the_snapshot_answers_with_its_source_and_period(stack, failing_cbs):
    answer = say(uuid.uuid4().hex, "/ask_vacancies")
    assert answer.status_code == 200
    assert FakeCbs.requests, "the action server did not ask the fake CBS"
    assert_snapshot_answer(text_of(answer))

    failing_cbs.shutdown()  # now nothing listens at CBS_BASE_URL
    failing_cbs.server_close()
    with pytest.raises(OSError):
        socket.create_connection(failing_cbs.server_address, timeout=2)
    answer = say(uuid.uuid4().hex, "/ask_vacancies")
    assert answer.status_code == 200
    assert_snapshot_answer(text_of(answer))
