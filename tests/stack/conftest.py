"""Starts the real action server and Rasa server once for all stack tests."""

import os
import uuid

import pytest
import requests

from bot.settings import MODEL_PATH
from bot.stack import private_stack

RASA_PORT = 15005
ACTION_PORT = 15055
WEB_PORT = 18000
TOKEN = "stack-test-token"


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not MODEL_PATH.exists():
        pytest.fail("No trained model: run `make train` first (make test does).")
    tmp = tmp_path_factory.mktemp("stack")
    running = private_stack(tmp, TOKEN, RASA_PORT, ACTION_PORT, WEB_PORT,
                            WEB_EMBED_ORIGINS="https://werkgever.example")
    running.start()
    yield running
    running.stop()


STAFF = ("stack-staff", "stack-test-wachtwoord-42")


@pytest.fixture(scope="session")
def staff_account(stack):
    """A staff account made the way a newcomer makes one: `overstapcoach staff add`."""
    import subprocess
    import sys
    from pathlib import Path

    command = [str(Path(sys.executable).parent / "overstapcoach"), "staff", "add", STAFF[0], "--password-stdin"]
    done = subprocess.run(command, input=STAFF[1] + "\n", text=True, capture_output=True,
                          env=stack.env, timeout=120)
    assert done.returncode == 0, done.stderr
    return STAFF


class Chat:
    """One user talking to the REST channel."""

    def __init__(self, sender=None, metadata=None):
        self.sender = sender or f"test-{uuid.uuid4().hex[:8]}"
        self.metadata = metadata

    def say(self, message):
        body = {"sender": self.sender, "message": message}
        if self.metadata is not None:
            body["metadata"] = self.metadata
        reply = requests.post(f"http://localhost:{RASA_PORT}/webhooks/rest/webhook", json=body, timeout=30)
        reply.raise_for_status()
        return reply.json()

    def tracker(self):
        reply = requests.get(
            f"http://localhost:{RASA_PORT}/conversations/{self.sender}/tracker",
            params={"token": TOKEN}, timeout=30,
        )
        reply.raise_for_status()
        return reply.json()


@pytest.fixture
def chat():
    return Chat


def texts(replies):
    return " ".join(r.get("text", "") for r in replies)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright (no browser download)."""
    from playwright import sync_api as playwright

    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                     args=["--no-sandbox"])
        yield launched
        launched.close()
