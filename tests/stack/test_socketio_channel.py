"""The socket.io channel answers, with the vacancy metadata (python-socketio 5.9.0 pin)."""

import time
import uuid

import pytest
import socketio

from tests.stack.conftest import RASA_PORT

pytestmark = pytest.mark.stack


def test_socketio_session_gets_the_vacancy_welcome(stack):
    client = socketio.Client()
    confirmed, replies = [], []
    client.on("session_confirm", lambda session: confirmed.append(session))
    client.on("bot_uttered", lambda data: replies.append(data))
    client.connect(f"http://localhost:{RASA_PORT}", transports=["polling"])
    try:
        session = uuid.uuid4().hex
        client.emit("session_request", {"session_id": session})
        deadline = time.monotonic() + 15
        while not confirmed and time.monotonic() < deadline:
            time.sleep(0.1)
        assert confirmed == [session]

        client.emit("user_uttered", {"session_id": session, "message": "hoi",
                                     "metadata": {"vacature_id": "S-1", "titel": "Loodgieter"}})
        deadline = time.monotonic() + 30
        while len(replies) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Loodgieter" in replies[0]["text"]
        assert replies[1]["quick_replies"]  # buttons arrive as quick replies
    finally:
        client.disconnect()
