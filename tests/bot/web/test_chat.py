"""The chat endpoint without a running Rasa: checks, metadata, errors, retries, CORS.
Conversations through a real Rasa server are in tests/stack/test_web_chat.py."""

import json

import pytest

from bot.web.chat import clean_message, clean_metadata

SENDER = "a1b2c3d4e5f60718"


def post(client, body, **headers):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post("/api/chat", data=data, content_type="application/json", **headers)


@pytest.mark.parametrize("body", [
    b"{not json", b"\xff\xfe", "[]",
    {"sender": SENDER, "id": "m1"},                       # no message
    {"sender": SENDER, "id": "m1", "message": "   "},     # only spaces
    {"sender": "x", "id": "m1", "message": "hoi"},        # sender too short
    {"sender": SENDER, "message": "hoi"},                 # no message id
    {"sender": SENDER, "id": "m 1", "message": "hoi"},    # bad message id
    {"sender": SENDER, "id": "m1", "message": 42},
])
def test_bad_input_gets_400_with_a_dutch_message(client, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json() == {"error": "invalid", "bericht": "Dit bericht kon ik niet lezen. Typ je vraag opnieuw."}


def test_too_long_input_gets_413(client):
    assert post(client, {"sender": SENDER, "id": "m1", "message": "a" * 1001}).status_code == 413
    assert post(client, b"{" + b" " * 20000 + b"}").status_code == 413


def test_rasa_down_gives_503_and_a_message_the_widget_shows(client):
    response = post(client, {"sender": SENDER, "id": "m1", "message": "hoi"})
    assert response.status_code == 503
    assert response.json()["bericht"] == "De coach is nu niet bereikbaar. Probeer het zo opnieuw."


def test_a_retry_of_an_answered_message_gets_the_same_answer_without_resending(client):
    from django.core.cache import cache

    cache.set(f"answer:{SENDER}:m7", [{"text": "Hoi!", "buttons": []}])
    response = post(client, {"sender": SENDER, "id": "m7", "message": "hoi"})
    assert response.status_code == 200
    assert response.json() == {"messages": [{"text": "Hoi!", "buttons": []}], "herhaald": True}


def test_a_message_still_on_its_way_is_not_sent_twice(client):
    from django.core.cache import cache

    cache.add(f"busy:{SENDER}:m8", True)
    response = post(client, {"sender": SENDER, "id": "m8", "message": "hoi"})
    assert response.status_code == 409


def test_only_known_metadata_keys_pass_as_plain_text():
    cleaned = clean_metadata({
        "vacature_id": "V-12", "titel": "<script>alert(1)</script>Monteur", "beroep": "x" * 500,
        "onbekend": "weg", "contact": {"nested": 1},
    })
    assert set(cleaned) == {"vacature_id", "titel", "beroep"}
    assert "<" not in cleaned["titel"] and cleaned["titel"].endswith("Monteur")
    assert len(cleaned["beroep"]) == 80
    assert clean_metadata("geen dict") == {}


def test_control_characters_leave_the_message():
    assert clean_message("hoi\x00\x07 daar\n") == "hoi daar"
    assert clean_message("\x1b[1mvet\x1b[0m\r\nregel") == "vet\nregel"
    assert clean_message(None) is None


STORING = ("Er is een storing: ik kan je nu geen antwoord geven. Je gesprek is bewaard. "
           "Probeer het over een minuut opnieuw.")


def test_an_empty_answer_is_a_storing_and_the_retry_really_asks_again(client, rasa):
    """Rasa answers [] when an action failed (the action server is down)."""
    rasa.answers = [[], [{"recipient_id": SENDER, "text": "Zo word je elektromonteur:"}]]
    body = {"sender": SENDER, "id": "m9", "message": "hoe word ik dat?"}
    failed = post(client, body)
    assert failed.status_code == 503 and failed.json() == {"error": "storing", "bericht": STORING}
    retried = post(client, body)
    assert retried.status_code == 200
    assert retried.json() == {"messages": [{"text": "Zo word je elektromonteur:", "buttons": []}]}
    assert len(rasa.received) == 2  # the failure was not kept as the answer


def test_an_answer_with_nothing_to_show_is_a_storing_too(client, rasa):
    rasa.answers = [[{"recipient_id": SENDER, "custom": {"iets": "anders"}}, {"recipient_id": SENDER, "text": ""}]]
    response = post(client, {"sender": SENDER, "id": "m10", "message": "hoi"})
    assert response.status_code == 503 and response.json()["error"] == "storing"


def test_the_deletion_signal_alone_is_no_storing(client, rasa):
    rasa.answers = [[{"recipient_id": SENDER, "custom": {"wis_gesprek": True}}]]
    response = post(client, {"sender": SENDER, "id": "m11", "message": "/affirm"})
    assert response.status_code == 200 and response.json()["gewist"] is True
    assert "Ik heb dit gesprek gewist" in response.json()["messages"][0]["text"]


def test_cors_only_for_configured_embedding_sites(client):
    allowed = client.options("/api/chat", HTTP_ORIGIN="https://werkgever.example")
    assert allowed.status_code == 204
    assert allowed["Access-Control-Allow-Origin"] == "https://werkgever.example"
    other = client.options("/api/chat", HTTP_ORIGIN="https://kwaadwillig.example")
    assert "Access-Control-Allow-Origin" not in other


def test_get_is_not_allowed_on_the_chat_endpoint(client):
    assert client.get("/api/chat").status_code == 405


def test_delete_refuses_a_malformed_sender(client):
    assert client.delete("/api/chat/..%2F..").status_code in (400, 404)
