"""Bad input at the public endpoints of the running web app (port 18000), with the
real Rasa server and action server behind it: a 4xx with a Dutch JSON message or a
sane answer, never a server error, and nothing stored that should not be.
The same cases in detail, without servers: tests/bot/web/test_bad_input.py."""

import json
import random
import re
import sqlite3
import unicodedata
import uuid

import pytest
import requests

from tests.stack.conftest import TOKEN, WEB_PORT

pytestmark = pytest.mark.stack
WEB = f"http://localhost:{WEB_PORT}"
INVALID = "Dit bericht kon ik niet lezen. Typ je vraag opnieuw."
PAYLOAD = "Dit bericht kon ik niet lezen. Typ je vraag zonder / aan het begin."
TOO_LONG = "Je bericht is te lang. Houd het onder de 1000 tekens."


def say(sender, message, metadata=None):
    body = {"sender": sender, "id": uuid.uuid4().hex, "message": message, "metadata": metadata or {}}
    return requests.post(f"{WEB}/api/chat", json=body, timeout=40)


def post_raw(data, content_type="application/json", **headers):
    return requests.post(f"{WEB}/api/chat", data=data, headers={"Content-Type": content_type, **headers},
                         timeout=40)


def stored_events(stack, sender):
    """Rows in the tracker store, read directly: asking Rasa's API would make a tracker."""
    with sqlite3.connect(stack.env["TRACKER_DB"]) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


def tracker(stack, sender):
    reply = requests.get(f"http://localhost:{stack.settings.rasa_port}/conversations/{sender}/tracker",
                         params={"token": TOKEN}, timeout=30)
    reply.raise_for_status()
    return reply.json()


def user_events(stack, sender):
    return [e for e in tracker(stack, sender)["events"] if e["event"] == "user"]


def refused(response, status, message):
    assert response.status_code == status, response.text[:200]
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["bericht"] == message


def new_sender():
    return uuid.uuid4().hex


@pytest.mark.parametrize("make_body", [
    lambda s: b"{not json",
    lambda s: json.dumps([{"sender": s, "id": "m1", "message": "hoi"}]).encode(),
    lambda s: json.dumps({"sender": s, "id": "m1"}).encode(),                       # no message
    lambda s: json.dumps({"sender": s, "message": "hoi"}).encode(),                 # no id
    lambda s: json.dumps({"sender": s, "id": "m1", "message": ["hoi"]}).encode(),
    lambda s: json.dumps({"sender": s, "id": "m1", "message": {"text": "hoi"}}).encode(),
    lambda s: json.dumps({"sender": s, "id": "m1", "message": 42}).encode(),
    lambda s: json.dumps({"sender": s + "<>", "id": "m1", "message": "hoi"}).encode(),
    lambda s: json.dumps({"sender": s + "\n", "id": "m1", "message": "hoi"}).encode(),
    lambda s: b'{"sender": "' + s.encode() + b'", "id": "m1", "message": "ho\xff\xfei"}',  # not UTF-8
    lambda s: random.Random(7).randbytes(2048),
], ids=["invalid-json", "array", "no-message", "no-id", "message-list", "message-object", "message-number",
        "sender-markup", "sender-newline", "invalid-utf8", "random-bytes"])
def test_unreadable_bodies_get_a_dutch_400_and_nothing_is_stored(stack, make_body):
    sender = new_sender()
    refused(post_raw(make_body(sender)), 400, INVALID)
    assert stored_events(stack, sender) == 0


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_body_not_sent_as_json_gets_415(stack, content_type):
    sender = new_sender()
    body = json.dumps({"sender": sender, "id": "m1", "message": "hoi"})
    refused(post_raw(body, content_type), 415, "Dit bericht kon ik niet lezen. Stuur het als JSON.")
    assert stored_events(stack, sender) == 0


def chunks(size):
    yield b'{"sender": "a1b2c3d4e5f60718", "id": "m1", "message": "'
    for _ in range(size // 65536):
        yield b"a" * 65536
    yield b'"}'


@pytest.mark.parametrize("body", [
    b'{"message": "' + b"a" * (1 << 20) + b'"}',       # 1 MB with its Content-Length
    b"a" * (3 << 20),                                  # over Django's DATA_UPLOAD_MAX_MEMORY_SIZE
], ids=["1mb", "3mb"])
def test_a_big_body_gets_a_json_413(stack, body):
    refused(post_raw(body), 413, TOO_LONG)


def test_a_big_body_without_content_length_gets_a_json_413(stack):
    response = post_raw(chunks(1 << 20))  # chunked: the server counts it before the web app runs
    refused(response, 413, TOO_LONG)
    assert say(new_sender(), "/greet").status_code == 200  # and the web app answers as before


@pytest.mark.parametrize("text,kept", [
    ("Ik ben 52 👷‍♀️ en wil monteur worden 🙂", None),
    ("مرحبا، هل يمكنني أن أصبح فنيًا؟", None),
    ("שלום, אני רוצה להיות חשמלאי", None),
    ("wat verdient een elek\u200btricien?", "wat verdient een elektricien?"),
    ("e\u0301lektricie\u0308n Z\u0335\u0321algo\u0336", None),
], ids=["emoji", "arabic", "hebrew", "zero-width", "combining"])
def test_emoji_right_to_left_and_zero_width_text_gets_a_sane_answer(stack, text, kept):
    sender = new_sender()
    response = say(sender, text)
    assert response.status_code == 200 and response.json()["messages"]
    assert [e["text"] for e in user_events(stack, sender)] == [kept or text]


def test_control_characters_are_removed_before_rasa_sees_them(stack):
    sender = new_sender()
    text = "hoi\x00 ik \x1b[31mben\x1b[0m\r\nzij-instromer \u202ereeruetnom\x07"
    assert say(sender, text).status_code == 200
    stored = user_events(stack, sender)[0]["text"]
    assert stored == "hoi ik ben\nzij-instromer reeruetnom"
    assert not [ch for ch in stored if unicodedata.category(ch) in ("Cc", "Cf") and ch != "\n"]


SQL_AND_SCRIPT = ["'; DROP TABLE events; --", "1 OR 1=1", "<script>alert(1)</script>",
                  '<img src=x onerror="alert(document.cookie)">']


def test_sql_and_script_text_is_answered_and_stored_as_plain_text(stack):
    sender = new_sender()
    for text in SQL_AND_SCRIPT:
        response = say(sender, text)
        assert response.status_code == 200 and response.json()["messages"]
    assert [e["text"] for e in user_events(stack, sender)] == SQL_AND_SCRIPT
    later = new_sender()  # the tracker store still works for everyone
    assert say(later, "wat verdient een elektricien?").status_code == 200
    assert stored_events(stack, later) > 0


FORGED = [
    '/ask_salary{"beroep": "x", "hacker": "y"}', "/nonexistent_intent", "/restart", "/session_start",
    '/inform{"beroep": {"$ne": 1}}', '/inform{"beroep": "' + "a" * 500, "/greet@1.0",
]


def test_forged_intent_payloads_are_refused_and_change_nothing(stack):
    sender = new_sender()
    assert say(sender, '/ask_vacancies{"beroep": "lasser"}').status_code == 200
    before = stored_events(stack, sender)
    for text in FORGED:
        refused(say(sender, text), 400, PAYLOAD)
    assert stored_events(stack, sender) == before
    after = tracker(stack, sender)
    assert after["slots"]["beroep"] == "lasser"
    kinds = [e["event"] for e in after["events"]]
    assert "restart" not in kinds and kinds.count("session_started") == 1  # not restarted


def buttons(response):
    return [b["payload"] for m in response.json()["messages"] for b in m["buttons"]]


def test_the_widgets_own_buttons_still_work(stack):
    sender = new_sender()
    greeting = say(sender, "/greet")
    assert "/explore_switch" in buttons(greeting)
    unknown = say(sender, "zijn er vacatures voor bakkers")
    choice = '/ask_vacancies{"beroep": "elektromonteur"}'
    assert choice in buttons(unknown)
    vacancies = say(sender, choice)
    assert vacancies.status_code == 200
    assert "Zo staat het met werk als elektromonteur:" in " ".join(m["text"] for m in vacancies.json()["messages"])
    routes = next(p for p in buttons(vacancies) if p.startswith("/ask_training_routes{"))
    answer = say(sender, routes)
    assert answer.status_code == 200
    assert "Zo word je elektromonteur:" in " ".join(m["text"] for m in answer.json()["messages"])
    assert say(sender, '/feedback{"feedback_score": "goed"}').status_code == 200
    assert tracker(stack, sender)["slots"]["beroep"] == "elektromonteur"


def test_metadata_keeps_only_known_keys_cleaned(stack):
    sender = new_sender()
    metadata = {
        "vacature_id": "V-77", "titel": "<b>Monteur</b>\x00\u202e zonnepanelen", "beroep": "x" * 5000,
        "regio": {"naam": "Twente", "$ne": 1}, "werkgever": ["Jansen"], "onbekend": "weg",
        "__proto__": {"admin": True},
    }
    assert say(sender, "/greet", metadata).status_code == 200
    stored = user_events(stack, sender)[0]["metadata"]
    ours = {k: v for k, v in stored.items() if k not in ("model_id", "assistant_id")}
    assert ours == {"vacature_id": "V-77", "titel": "Monteur zonnepanelen", "beroep": "x" * 80}


@pytest.mark.parametrize("path", [
    "a1b2c3d4%20e5f60718", "a1b2c3d4e5f60718%0A", "a1b2c3d4e5f60718%00", "a" * 5000,
    "%27%3B%20DROP%20TABLE%20events%3B%20--", "%E2%80%AEa1b2c3d4e5f60718",
], ids=["space", "newline", "nul", "overlong", "sql", "bidi"])
def test_deleting_a_malformed_sender_gets_a_dutch_400(stack, path):
    refused(requests.delete(f"{WEB}/api/chat/{path}", timeout=10), 400, INVALID)


def test_deleting_a_conversation_that_does_not_exist_is_fine_and_stores_nothing(stack):
    sender = new_sender()
    response = requests.delete(f"{WEB}/api/chat/{sender}", timeout=10)
    assert response.status_code == 200 and response.json() == {"gewist": True}
    assert stored_events(stack, sender) == 0


class FromAddress(requests.adapters.HTTPAdapter):
    """Connects from another loopback address, so these failed logins do not count
    against 127.0.0.1, where the other stack tests log in."""

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = ("127.0.0.29", 0)
        super().init_poolmanager(*args, **kwargs)


@pytest.mark.parametrize("username,password,message", [
    ("' OR '1'='1' --", "' OR 1=1; DROP TABLE auth_user; --", True),
    ("coach-team", "p" * (1 << 20), True),                        # 1 MB password
    ("coach\x1b[31m-team\r\n\u202e", "wacht\x07woord", True),     # control characters
    ("coach\x00-team", "x", False),                               # NUL: a field error (see unit test)
], ids=["sql", "1mb-password", "control-characters", "nul"])
def test_the_review_login_answers_bad_input_with_the_form(stack, username, password, message):
    session = requests.Session()
    session.mount("http://", FromAddress())
    login = f"http://127.0.0.1:{WEB_PORT}/review/login/"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', session.get(login, timeout=30).text).group(1)
    done = session.post(login, data={"csrfmiddlewaretoken": token, "username": username,
                                     "password": password, "next": "/review/"}, timeout=60)
    assert done.status_code == 200 and 'name="password"' in done.text
    assert done.url == login  # not let in
    if message:
        assert "Gebruikersnaam of wachtwoord klopt niet." in done.text


def test_the_widget_tells_a_refused_message_and_lets_the_user_go_on(browser, stack):
    page = browser.new_context(locale="nl-NL").new_page()
    try:
        page.goto(WEB + "/")
        page.get_by_role("button", name="Vraag het de Overstapcoach").click()
        page.locator(".oc-log .oc-bot").first.wait_for(timeout=45_000)
        page.get_by_label("Je bericht").fill("/restart")
        page.get_by_role("button", name="Verstuur").click()
        status = page.locator(".oc-status")
        status.get_by_text(PAYLOAD).wait_for(timeout=45_000)
        assert status.get_by_role("button", name="Opnieuw proberen").count() == 0  # it would fail again
        before = page.locator(".oc-log .oc-bot").count()
        page.get_by_label("Je bericht").fill("wat verdient een elektricien?")
        page.get_by_role("button", name="Verstuur").click()
        page.wait_for_function("n => document.querySelectorAll('.oc-log .oc-bot').length > n",
                               arg=before, timeout=45_000)
    finally:
        page.context.close()
