import asyncio
import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.actions.fake_cbs import start_server

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def cbs():
    """Base URL of a local server that answers like CBS (see fake_cbs.py)."""
    server = start_server()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def load_tracker(name: str) -> Tracker:
    return Tracker.from_dict(json.loads((FIXTURES / f"{name}.json").read_text()))


def tracker_with_slots(**slots) -> Tracker:
    return Tracker("test-user", slots, {}, [], False, None, {}, "action_listen")


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def make_tracker(intent=None, text="", entities=(), slots=None, events=None) -> Tracker:
    """A tracker whose latest user message has this intent, text and entities."""
    message = {
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "text": text,
        "entities": [{"entity": name, "value": value} for name, value in entities],
    }
    return Tracker("test-user", dict(slots or {}), message, list(events or []), False, None, {},
                   "action_listen")


def user(text="", intent="inform"):
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def bot_offered(value):
    """Events of a bot turn that set the slot `voorstel`."""
    return [{"event": "action", "name": "action_answer_belief"},
            {"event": "slot", "name": "voorstel", "value": value}]


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))
