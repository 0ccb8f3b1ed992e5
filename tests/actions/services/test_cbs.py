"""The CBS client against a local server on loopback that answers like CBS OData v3."""

import asyncio
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from actions.services.cbs import CbsClient, CbsUnavailable, live_enabled

ROWS = [
    {"ID": 0, "Perioden": "2025KW01", "OpenstaandeVacatures_1": 389.0},
    {"ID": 1, "Perioden": "2025KW02", "OpenstaandeVacatures_1": 402.7},
    {"ID": 2, "Perioden": "2025KW03*", "OpenstaandeVacatures_1": None},  # provisional, suppressed
    {"ID": 3, "Perioden": "2024JJ00", "OpenstaandeVacatures_1": 410.0},  # a year, not a quarter
]


class FakeCbs(BaseHTTPRequestHandler):
    mode = "normal"
    requests = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        url = urlparse(self.path)
        FakeCbs.requests.append((url.path, parse_qs(url.query)))
        if FakeCbs.mode == "slow":
            time.sleep(1.0)
        if FakeCbs.mode == "error":
            self._send(500, b"Internal Server Error")
        elif FakeCbs.mode == "malformed":
            self._send(200, b'{"odata.metadata": "x", "value": [')
        elif FakeCbs.mode == "wrong_shape":
            self._send(200, json.dumps({"value": "geen rijen"}).encode())
        else:
            body = {"odata.metadata": "https://opendata.cbs.nl/ODataApi/odata/80472ned/$metadata#Cbs.OData.WebAPI.TypedDataSet",
                    "value": ROWS}
            self._send(200, json.dumps(body).encode())

    def _send(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json;odata=light")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def cbs():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeCbs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeCbs.mode, FakeCbs.requests = "normal", []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_normal_answer_gives_the_newest_quarter(cbs):
    figure = asyncio.run(CbsClient(cbs, timeout=0.5).open_vacancies())
    assert (figure.thousands, figure.period) == (402.7, "2025KW02")
    path, query = FakeCbs.requests[0]
    assert path == "/ODataApi/odata/80472ned/TypedDataSet"
    assert query["$format"] == ["json"]
    assert query["$filter"] == ["Bedrijfskenmerken eq 'T001081' and substringof('KW',Perioden)"]


@pytest.mark.parametrize("mode,message", [
    ("slow", "did not answer within 0.3 s"),
    ("error", "HTTP 500"),
    ("malformed", "unusable"),
    ("wrong_shape", "no list of rows"),
])
def test_every_failure_becomes_cbs_unavailable(cbs, mode, message):
    FakeCbs.mode = mode
    started = time.monotonic()
    with pytest.raises(CbsUnavailable, match=message):
        asyncio.run(CbsClient(cbs, timeout=0.3).open_vacancies())
    assert time.monotonic() - started < 0.9  # the timeout holds, the slow server is not awaited


def test_nothing_listening_is_unavailable_too():
    with pytest.raises(CbsUnavailable):
        asyncio.run(CbsClient("http://127.0.0.1:9", timeout=0.5).open_vacancies())


def test_answers_are_cached_until_the_ttl_passes(cbs):
    now = [1000.0]
    client = CbsClient(cbs, timeout=0.5, ttl=60, clock=lambda: now[0])

    async def twice():
        first = await client.open_vacancies()
        second = await client.open_vacancies()
        return first, second

    first, second = asyncio.run(twice())
    assert first == second and len(FakeCbs.requests) == 1
    now[0] += 61
    asyncio.run(client.open_vacancies())
    assert len(FakeCbs.requests) == 2


def test_no_usable_quarter_is_unavailable(cbs, monkeypatch):
    monkeypatch.setattr("tests.actions.services.test_cbs.ROWS", [ROWS[2], ROWS[3]])
    with pytest.raises(CbsUnavailable, match="no open-vacancy figure"):
        asyncio.run(CbsClient(cbs, timeout=0.5).open_vacancies())


def test_live_mode_is_off_unless_cbs_live_is_1():
    assert not live_enabled({})
    assert not live_enabled({"CBS_LIVE": "0"})
    assert live_enabled({"CBS_LIVE": "1"})
