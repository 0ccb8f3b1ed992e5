"""Bad input at the public endpoints, through Django's test client: every answer is
a 4xx with a Dutch JSON message or a sane reply, and nothing bad reaches Rasa
(a fake REST channel records what the chat endpoint forwards).
The same against the real servers: tests/stack/test_bad_input.py."""

import io
import json
import random

import pytest
from django.conf import settings as django_settings

from bot.web.chat import ERRORS

SENDER = "a1b2c3d4e5f60718"
INVALID = {"error": "invalid", "bericht": ERRORS["invalid"]}
TOO_LONG = {"error": "too_long", "bericht": ERRORS["too_long"]}


def post(client, body, content_type="application/json", **extra):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post("/api/chat", data=data, content_type=content_type, **extra)


def message(text, **fields):
    return {"sender": SENDER, "id": "m1", "message": text, **fields}


@pytest.mark.parametrize("body", [
    b"{not json", b'{"sender": "a1b2c3d4e5f60718", "id": "m1", "message": "hoi"',  # cut off
    b"null", b"42", b'"hoi"', b"[]", b'[{"sender": "a1b2c3d4e5f60718"}]', b"true",
    {"id": "m1", "message": "hoi"},                                    # no sender
    {"sender": SENDER, "message": "hoi"},                              # no id
    {"sender": SENDER, "id": "m1"},                                    # no message
    {"sender": SENDER, "id": "m1", "message": None},
    message(42), message(4.2), message(["hoi"]), message({"text": "hoi"}), message(True),
    message("\u200b\u200d \x00\x1b[0m"),                               # nothing visible left
    {"sender": 12345678, "id": "m1", "message": "hoi"},
    {"sender": ["a1b2c3d4e5f60718"], "id": "m1", "message": "hoi"},
    {"sender": "a1b2c3d4 e5f60718", "id": "m1", "message": "hoi"},     # a space
    {"sender": "a1b2c3d4e5f60718\n", "id": "m1", "message": "hoi"},    # a line break at the end
    {"sender": "../../etc/passwd", "id": "m1", "message": "hoi"},
    {"sender": "a1b2c3d4é5f60718", "id": "m1", "message": "hoi"},
    {"sender": "a" * 65, "id": "m1", "message": "hoi"},
    {"sender": "'; DROP TABLE events; --", "id": "m1", "message": "hoi"},
    {"sender": SENDER, "id": 1, "message": "hoi"},
    {"sender": SENDER, "id": "m1\n", "message": "hoi"},
    {"sender": SENDER, "id": "m" * 65, "message": "hoi"},
])
def test_unreadable_or_incomplete_bodies_get_a_dutch_400_and_reach_nobody(client, rasa, body):
    response = post(client, body)
    assert response.status_code == 400 and response.json() == INVALID
    assert rasa.received == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes_and_invalid_utf8_get_a_dutch_400(client, rasa, seed):
    noise = random.Random(seed).randbytes(4096)
    assert post(client, noise).json() == INVALID
    broken = b'{"sender": "a1b2c3d4e5f60718", "id": "m1", "message": "ho\xff\xfei"}'
    assert post(client, broken).json() == INVALID
    assert rasa.received == []


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
    "application/octet-stream", "",
])
def test_a_body_that_is_not_sent_as_json_gets_415(client, rasa, content_type):
    response = post(client, message("hoi"), content_type=content_type)
    assert response.status_code == 415
    assert response.json() == {"error": "format", "bericht": "Dit bericht kon ik niet lezen. Stuur het als JSON."}
    assert rasa.received == []


def test_json_with_a_charset_is_fine(client, rasa):
    assert post(client, message("hoi"), content_type="application/json; charset=utf-8").status_code == 200


class CountingStream(io.BytesIO):
    """A request body that counts how many bytes the web app read from it."""

    taken = 0

    def read(self, size=-1):
        data = super().read(size)
        self.taken += len(data)
        return data


def raw_post(client, stream, **environ):
    return client.generic("POST", "/api/chat", CONTENT_TYPE="application/json",
                          **{"wsgi.input": stream, **environ})


def test_a_1_mb_body_is_refused_unread_by_its_content_length(client, rasa):
    stream = CountingStream(b'{"message": "' + b"a" * (1 << 20) + b'"}')
    response = raw_post(client, stream, CONTENT_LENGTH=str(len(stream.getvalue())))
    assert response.status_code == 413 and response.json() == TOO_LONG
    assert stream.taken == 0 and rasa.received == []


def test_a_body_over_djangos_upload_limit_is_a_json_413_not_an_html_400(client, rasa):
    body = b'{"sender": "a1b2c3d4e5f60718", "message": "' + b"a" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10) + b'"}'
    response = post(client, body)
    assert response.status_code == 413 and response["Content-Type"] == "application/json"
    assert response.json() == TOO_LONG
    assert rasa.received == []


def test_a_body_that_says_it_is_small_is_read_no_further(client, rasa):
    stream = CountingStream(b'{"sender": "a1b2c3d4e5f60718", "id": "m1", "message": "' + b"a" * (1 << 20) + b'"}')
    response = raw_post(client, stream, CONTENT_LENGTH="100")
    assert response.json() == INVALID  # the first 100 bytes are no JSON object
    assert stream.taken == 100 and rasa.received == []


@pytest.mark.parametrize("length", [None, "", "veel", "-5"])
def test_a_body_without_a_usable_content_length_is_not_read(client, rasa, length):
    stream = CountingStream(json.dumps(message("hoi")).encode())
    environ = {} if length is None else {"CONTENT_LENGTH": length}
    response = raw_post(client, stream, **environ)
    assert response.status_code == 400 and response.json() == INVALID
    assert stream.taken == 0 and rasa.received == []


def test_a_message_just_over_the_limit_gets_413(client, rasa):
    assert post(client, message("a" * 1001)).json() == TOO_LONG
    assert post(client, message("a" * 1000)).status_code == 200
    assert [m["message"] for m in rasa.received] == ["a" * 1000]


@pytest.mark.parametrize("text", [
    "Ik ben 52 👷‍♀️ en wil 🔧 leren 🙂",
    "👩‍🔧👨‍👩‍👧 monteur",                      # zero-width joiners inside emoji stay
    "مرحبا، هل يمكنني أن أصبح فنيًا؟",           # Arabic, right to left
    "שלום, אני רוצה להיות חשמלאי",              # Hebrew
    "می‌خواهم تکنسین شوم",                      # Persian with a zero-width non-joiner
    "e\u0301lektricie\u0308n Z\u0335\u0321algo\u0336",  # combining marks
])
def test_emoji_right_to_left_and_combining_text_is_forwarded_unchanged(client, rasa, text):
    response = post(client, message(text))
    assert response.status_code == 200 and response.json()["messages"]
    assert rasa.received[0]["message"] == text


@pytest.mark.parametrize("text,forwarded", [
    ("hoi\x00 daar", "hoi daar"),
    ("\x1b[31mrood\x1b[0m en \x1b]0;titel\x07blauw", "rood en blauw"),
    ("eerste regel\r\ntweede\rderde", "eerste regel\ntweede\nderde"),
    ("bestand\u202etxt.exe", "bestandtxt.exe"),              # right-to-left override
    ("\u2066links\u2069 \u200frechts\u200e", "links rechts"),  # isolates and marks
    ("elek\u200btri\ufeffcien", "elektricien"),               # zero-width space, BOM
    ("tab\tgescheiden\x0bvert", "tab gescheiden vert"),
    ("privé\ue000gebruik \ud83d", "privégebruik"),            # private use, lone surrogate
])
def test_control_characters_are_removed_before_rasa_sees_them(client, rasa, text, forwarded):
    assert post(client, message(text)).status_code == 200
    assert rasa.received[0]["message"] == forwarded


@pytest.mark.parametrize("text", [
    "'; DROP TABLE events; --", "1 OR 1=1", "\" OR \"\"=\"", "admin'--",
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "{{ 7*7 }} ${7*7} %s %n",
])
def test_sql_and_script_text_is_forwarded_as_plain_text(client, rasa, text):
    assert post(client, message(text)).status_code == 200
    assert rasa.received[0]["message"] == text


PAYLOAD = {"error": "payload", "bericht": "Dit bericht kon ik niet lezen. Typ je vraag zonder / aan het begin."}


@pytest.mark.parametrize("text", [
    '/ask_salary{"beroep": "x", "hacker": "y"}', "/nonexistent_intent", "/restart", "/session_start",
    '/inform{"beroep": {"$ne": 1}}', '/inform{"beroep": "' + "a" * 500, "/greet@1.0",
    '  /restart  ', "/restart\x00", '/greet{"beroep": "lasser"}\n/restart',
])
def test_forged_intent_payloads_get_a_dutch_400_and_never_reach_rasa(client, rasa, text):
    response = post(client, message(text))
    assert response.status_code == 400 and response.json() == PAYLOAD
    assert rasa.received == []


@pytest.mark.parametrize("text", [
    "/greet", '/inform{"motivatie": "handen"}', '/ask_vacancies{"beroep": "meet- en regeltechnicus"}',
    '/feedback{"feedback_score": "goed"}', "/affirm",
])
def test_the_buttons_payloads_are_forwarded_as_they_are(client, rasa, text):
    assert post(client, message(text)).status_code == 200
    assert rasa.received[0]["message"] == text


def test_a_slash_inside_a_sentence_is_ordinary_text(client, rasa):
    assert post(client, message("werk ik dan 24/7? en/of in ploegen")).status_code == 200


def test_metadata_keeps_only_known_keys_as_short_plain_text(client, rasa):
    metadata = {
        "vacature_id": "V-12", "titel": "<b>Monteur</b>\x00\u202e", "beroep": "x" * 5000,
        "regio": {"naam": "Twente", "$ne": 1}, "werkgever": ["Jansen"], "contact": None,
        "pagina": 12345, "onbekend": "weg", "__proto__": {"admin": True}, "model_id": "nep",
    }
    assert post(client, message("hoi", metadata=metadata)).status_code == 200
    forwarded = rasa.received[0]["metadata"]
    assert forwarded == {"vacature_id": "V-12", "titel": "Monteur", "beroep": "x" * 80, "pagina": "12345"}


@pytest.mark.parametrize("metadata", ["tekst", ["vacature_id", "V-1"], 42, None])
def test_metadata_that_is_not_an_object_is_dropped(client, rasa, metadata):
    assert post(client, message("hoi", metadata=metadata)).status_code == 200
    assert rasa.received[0]["metadata"] == {}


@pytest.mark.parametrize("path", [
    "/api/chat/a1b2c3d4%20e5f60718", "/api/chat/a1b2c3d4e5f60718%0A", "/api/chat/a1b2c3d4e5f60718%00",
    "/api/chat/" + "a" * 5000, "/api/chat/kort", "/api/chat/%27%3B%20DROP%20TABLE%20events%3B%20--",
    "/api/chat/%E2%80%AEa1b2c3d4e5f60718",
])
def test_deleting_a_malformed_sender_gets_a_dutch_400(client, path):
    response = client.delete(path)
    assert response.status_code == 400 and response.json() == INVALID


def test_deleting_a_conversation_that_does_not_exist_is_fine(client):
    assert client.delete("/api/chat/bestaat-niet-12345678").json() == {"gewist": True}


def test_when_deleting_fails_the_widget_hears_it_in_dutch(client, monkeypatch):
    def broken(sender):
        raise OSError("database locked")

    monkeypatch.setattr("bot.review.deletion.forget", broken)
    response = client.delete(f"/api/chat/{SENDER}")
    assert response.status_code == 503
    assert response.json()["bericht"] == "Het wissen is nu niet gelukt. Je gesprek staat er nog. Probeer het zo opnieuw."


LOGIN_FAILED = "Gebruikersnaam of wachtwoord klopt niet."


@pytest.fixture
def staff(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("coach-team", password="lang-genoeg-wachtwoord-1", is_staff=True)


def login(client, username, password):
    return client.post("/review/login/", {"username": username, "password": password, "next": "/review/"})


@pytest.mark.parametrize("username,password", [
    ("' OR '1'='1' --", "' OR '1'='1"),
    ("admin'; DROP TABLE auth_user; --", "x"),
    ("coach-team", "p" * (1 << 20)),                 # 1 MB password
    ("coach\x1b[31m-team\r\n", "wacht\u202ewoord"),  # escape sequence, CR LF, bidi override
    ("<script>alert(1)</script>", "x"),
], ids=["sql-or", "sql-drop", "1mb-password", "control-characters", "script"])
def test_the_login_form_answers_bad_input_with_the_form_and_a_message(client, staff, username, password):
    response = login(client, username, password)
    assert response.status_code == 200
    assert LOGIN_FAILED in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("username,password", [("coach\x00-team", "x"), ("coach-team", "wacht\x00woord")])
def test_a_nul_character_in_the_login_form_gets_a_message(client, staff, username, password):
    response = login(client, username, password)
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "zonder onzichtbare tekens" in response.content.decode()
