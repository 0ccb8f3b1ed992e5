"""The load benchmark's pure parts: percentiles, level summaries, ratios, reply checks,
/proc parsing and the baseline's cache rule. No servers."""

import math
import random

import numpy as np
import pytest

from bench.baseline_bot import needs_training
from bench.load_harness import reply_error, reply_texts, request_body, sender_id
from bench.load_stats import (
    Sample, failures, format_levels, format_ratio_table, others_share, percentile, ratio, ratio_table,
    summarize,
)
from bench.proc_memory import CLOCK_TICKS, parse_machine_cpu, parse_stat, parse_status


# --- percentiles -----------------------------------------------------------------

def test_percentile_interpolates_between_ranks():
    assert percentile([4, 1, 3, 2], 0.5) == 2.5
    assert percentile([10, 20, 30, 40, 50], 0.95) == pytest.approx(48.0)
    assert percentile([7], 0.99) == 7
    assert percentile([3, 1, 2], 0.0) == 1 and percentile([3, 1, 2], 1.0) == 3


@pytest.mark.parametrize("share", [0.5, 0.95, 0.99])
def test_percentile_matches_numpy(share):
    rng = random.Random(3)
    values = [rng.expovariate(1 / 200) for _ in range(537)]
    assert percentile(values, share) == pytest.approx(float(np.percentile(values, share * 100)))


def test_percentile_of_nothing_is_nan_and_shares_are_checked():
    assert math.isnan(percentile([], 0.5))
    with pytest.raises(ValueError):
        percentile([1, 2], 95)


# --- one level -----------------------------------------------------------------

def test_summary_leaves_failed_messages_out_of_latency_but_counts_them():
    samples = [Sample(100.0), Sample(200.0), Sample(300.0), Sample(30000.0, "timeout"),
               Sample(5.0, "http 502"), Sample(40.0, "empty reply"), Sample(6.0, "http 502")]
    row = summarize(samples, elapsed_s=10.0, conversations=2)
    assert row["messages"] == 7 and row["answered"] == 3 and row["errors"] == 4
    assert row["error_rate"] == pytest.approx(4 / 7, abs=1e-4)
    assert row["errors_by_kind"] == {"empty reply": 1, "http 502": 2, "timeout": 1}
    assert row["p50_ms"] == 200.0 and row["max_ms"] == 300.0
    assert row["msgs_per_s"] == 0.3  # answered messages only
    assert row["conversations"] == 2


def test_first_messages_of_conversations_are_also_summed_up_apart():
    samples = [Sample(900.0, first=True), Sample(700.0, first=True), Sample(100.0), Sample(120.0),
               Sample(50.0, "timeout", first=True)]
    row = summarize(samples, elapsed_s=1.0)
    assert row["first_message_p50_ms"] == 800.0 and row["later_message_p50_ms"] == 110.0


def test_summary_of_an_empty_level_has_no_latency_and_no_division_by_zero():
    row = summarize([], elapsed_s=0.0)
    assert row["messages"] == 0 and row["error_rate"] == 0.0 and row["msgs_per_s"] == 0.0
    assert row["p50_ms"] is None and row["mean_ms"] is None


# --- ratios and tables ---------------------------------------------------------

def figures(p50, rps, mem):
    return {"p50_ms": p50, "p95_ms": p50 * 2, "p99_ms": p50 * 3, "msgs_per_s": rps,
            "server_cpu_ms_per_msg": p50 / 2, "rasa_peak_mb": mem, "bot_peak_mb": mem + 100}


def test_ratio_table_compares_only_levels_both_bots_ran():
    ours = {1: figures(300.0, 1.0, 1200.0), 10: figures(900.0, 8.0, 1250.0), 50: figures(4000.0, 10.0, 1300.0)}
    baseline = {1: figures(100.0, 2.0, 1000.0), 10: figures(300.0, 16.0, 1000.0)}
    rows = ratio_table(ours, baseline)
    assert {row["users"] for row in rows} == {1, 10}
    by = {(row["users"], row["metric"]): row for row in rows}
    assert by[(1, "p50 latency (ms)")]["ratio"] == 3.0
    assert by[(10, "msgs/s")]["ratio"] == 0.5
    assert by[(1, "peak memory, Rasa server (MB)")]["ratio"] == 1.2
    assert by[(1, "peak memory, all bot processes (MB)")]["ratio"] == pytest.approx(1.18, abs=0.01)
    assert "ours/base" in format_ratio_table(rows)


def test_ratio_is_none_without_a_usable_baseline():
    assert ratio(5.0, 0) is None and ratio(None, 3.0) is None and ratio(5.0, None) is None


def level_row(bot="ours", rate=0.0, **extra):
    row = {"bot": bot, "endpoint": "rest", "users": 10, "messages": 100, "answered": 100, "error_rate": rate,
           "errors_by_kind": {}, "p50_ms": None, "p95_ms": 1.0, "p99_ms": 2.0, "msgs_per_s": 3.0,
           "memory": {"rasa": {"vmhwm_mb": 1100.0}}}
    row.update(extra)
    return row


def test_sanity_targets_error_rate_above_one_percent_or_a_dead_server():
    assert failures([level_row(rate=0.01)], 0.01, []) == []
    missed = failures([level_row(rate=0.0101), level_row("baseline")], 0.01, ["ours actions"])
    assert len(missed) == 2
    assert "ours actions died" in missed[0] and "ours rest N=10" in missed[1]
    assert "no message was answered" in failures([level_row(messages=0, answered=0)], 0.01, [])[0]


def test_users_arrive_within_a_quarter_of_a_short_level():
    from bench.load_harness import LoadConfig, Run

    def ramp(**config):
        return Run("rest", "http://x", (), LoadConfig(users=1, **config), "t").ramp()

    assert ramp(duration=40, ramp=10) == 10 and ramp(duration=8, ramp=10) == 2
    assert ramp(conversations=3, ramp=10) == 10


def test_level_table_prints_missing_figures_and_the_other_processes_share():
    row = level_row(others_cpu_s=10.0, elapsed_s=10.0, cores=2)
    assert others_share(row) == "50%"
    text = format_levels([row])
    assert "rasa 1100" in text and "50%" in text and " - " in text


# --- the harness's requests and replies ---------------------------------------

def test_rest_and_web_bodies():
    assert request_body("rest", "s-12345678", "hoi", {}, "m1") == {"sender": "s-12345678", "message": "hoi"}
    assert request_body("rest", "s", "hoi", {"regio": "Twente"}, "m1")["metadata"] == {"regio": "Twente"}
    assert request_body("web", "s", "hoi", {}, "m7") == {"sender": "s", "id": "m7", "message": "hoi",
                                                         "metadata": {}}
    with pytest.raises(ValueError):
        request_body("socket", "s", "hoi", {}, "m1")


def test_an_empty_or_failed_reply_is_an_error():
    assert reply_error("rest", 200, [{"text": "Hoi"}]) is None
    assert reply_error("rest", 200, []) == "empty reply"
    assert reply_error("rest", 500, [{"text": "x"}]) == "http 500"
    assert reply_error("rest", 200, None) == "bad body"
    assert reply_error("web", 200, {"messages": [{"text": "Hoi", "buttons": []}]}) is None
    assert reply_error("web", 200, {"messages": []}) == "empty reply"
    assert reply_error("web", 200, [{"text": "Hoi"}]) == "bad body"
    assert reply_error("web", 504, {"error": "slow"}) == "http 504"


def test_reply_texts_from_both_endpoints():
    assert reply_texts([{"text": "Hoi"}, {"image": "x"}, "junk"]) == ["Hoi", ""]
    assert reply_texts({"messages": [{"text": "Dag", "buttons": []}]}) == ["Dag"]
    assert reply_texts(None) == [] and reply_texts({"error": "slow"}) == []


def test_sender_and_message_ids_pass_the_web_apps_checks():
    from bot.web.chat import MESSAGE_ID, SENDER

    for tag in ("ours-rest-n1", "ours-web-n10", "baseline-rest-n50", "ours-rest-warm"):
        assert SENDER.match(sender_id(tag, 49, 1234))
    assert sender_id("t", 1, 2) != sender_id("t", 1, 3) != sender_id("t", 2, 2)
    assert MESSAGE_ID.match("m123456")


# --- /proc parsing ---------------------------------------------------------------

def test_status_lines_in_kb():
    text = "Name:\trasa\nVmPeak:\t 3000000 kB\nVmHWM:\t 1200000 kB\nVmRSS:\t 1100000 kB\nThreads:\t40\n"
    assert parse_status(text) == {"VmPeak": 3000000, "VmHWM": 1200000, "VmRSS": 1100000}


def test_stat_with_spaces_and_parentheses_in_the_command():
    fields = ["S", "41", "41", "41", "0", "-1", "4194560", "100", "0", "0", "0", "250", "50"]
    text = "1234 (python (my) app) " + " ".join(fields + ["0"] * 30)
    assert parse_stat(text) == {"ppid": 41, "utime": 250, "stime": 50}


def test_machine_busy_time_leaves_out_idle_and_iowait():
    text = "cpu  100 5 50 1000 20 3 2 0 0 0\ncpu0 50 2 25 500 10 1 1 0 0 0\n"
    assert parse_machine_cpu(text) == pytest.approx(160 / CLOCK_TICKS)


# --- the baseline's cached model ---------------------------------------------------

def test_baseline_is_trained_again_only_when_missing_or_rasa_changed():
    stamp = {"rasa_version": "3.6.21", "train_seconds": 80}
    assert not needs_training(stamp, True, "3.6.21")
    assert needs_training(stamp, True, "3.6.22")
    assert needs_training(stamp, False, "3.6.21")
    assert needs_training(None, True, "3.6.21")


# --- the chart ---------------------------------------------------------------------

def test_chart_is_written_for_both_bots_and_the_web_row(tmp_path):
    from bench.load_chart import draw

    rows = [dict(bot=bot, endpoint=endpoint, users=n, p50_ms=100.0 * n, p95_ms=200.0 * n, p99_ms=300.0 * n,
                 msgs_per_s=float(n))
            for bot, endpoint, levels in (("ours", "rest", (1, 10, 50)), ("baseline", "rest", (1, 10, 50)),
                                          ("ours", "web", (10,)))
            for n in levels]
    out = tmp_path / "load.png"
    draw(rows, out, "test")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


# --- the harness against a fake chat endpoint ------------------------------------------

@pytest.fixture
def fake_rest():
    """A REST channel stand-in in its own thread: answers every message, nothing for "leeg"."""
    import asyncio
    import threading

    from aiohttp import web

    seen = []

    async def webhook(request):
        body = await request.json()
        seen.append(body)
        return web.json_response([] if body["message"] == "leeg" else [{"text": "ok"}])

    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", webhook)
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}", seen
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.run_until_complete(runner.cleanup())
    loop.close()


def test_users_run_their_conversations_with_a_new_sender_each_time(fake_rest):
    from bench.load_harness import LoadConfig, run_level
    from bench.load_scenarios import Scenario

    url, seen = fake_rest
    scenarios = (Scenario("a", ("hoi", "leeg", "doei"), metadata={"regio": "Twente"}),)
    config = LoadConfig(users=3, conversations=2, think_min=0, think_max=0, ramp=0, timeout=5)
    run, elapsed = run_level("rest", url, scenarios, config, tag="t")
    assert len(run.samples) == len(seen) == 18 and run.conversations == 6 and elapsed > 0
    assert [s.error for s in run.samples].count("empty reply") == 6
    assert sum(s.first for s in run.samples) == 6
    assert len({body["sender"] for body in seen}) == 6
    assert all(("metadata" in body) == (body["message"] == "hoi") for body in seen)
