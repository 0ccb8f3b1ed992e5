"""The CBS client against a local server on loopback that answers like CBS OData v3."""

import asyncio
import time

import pytest

from actions.services.cbs import CbsClient, CbsUnavailable, live_enabled
from tests.actions.fake_cbs import ROWS, FakeCbs

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


def test_no_usable_quarter_is_unavailable(cbs):
    FakeCbs.rows = [ROWS[2], ROWS[3]]
    with pytest.raises(CbsUnavailable, match="no open-vacancy figure"):
        asyncio.run(CbsClient(cbs, timeout=0.5).open_vacancies())


def test_live_mode_is_off_unless_cbs_live_is_1():
    assert not live_enabled({})
    assert not live_enabled({"CBS_LIVE": "0"})
    assert live_enabled({"CBS_LIVE": "1"})
