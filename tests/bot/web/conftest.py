import pytest

from tests.bot.web.fake_rasa import FakeRasa, start_server


@pytest.fixture
def rasa(settings):
    """A fake Rasa REST channel the chat endpoint forwards to (see fake_rasa.py)."""
    server = start_server()
    settings.RASA_URL = f"http://127.0.0.1:{server.server_address[1]}"
    yield FakeRasa
    server.shutdown()
    server.server_close()
