"""Benchmark: how fast the lookup actions answer from the snapshot.

Runs action_vacancies, action_training_routes and action_trajectory for a mix
of questions (known, vague and unknown occupations; regions, provinces and
towns; suggestions from intake slots), CBS_LIVE off, twice:
- in-process: the lookup and the answer alone;
- over HTTP: POST /webhook to a real action server started for the run, as the
  Rasa server calls it (JSON in and out).
Reports p50/p95/p99 in milliseconds and writes reports/bench-lookups.json.
Target: p95 under 20 ms per lookup.

    make bench            # or: .venv/bin/python bench/lookup_latency.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasa_sdk import Tracker  # noqa: E402
from rasa_sdk.executor import CollectingDispatcher  # noqa: E402

from actions.training_routes import ActionTrainingRoutes  # noqa: E402
from actions.trajectory import ActionTrajectory  # noqa: E402
from actions.vacancies import ActionVacancies  # noqa: E402

TARGET_P95_MS = 20.0
QUESTIONS = [
    # (intent, text, entities, slots)
    ("ask_vacancies", "elektricien in de buurt van zwolle", [("beroep", "elektromonteur"), ("regio", "Regio Zwolle")], {}),
    ("ask_vacancies", "monteurs twente", [("beroep", "monteur"), ("regio", "Twente")], {}),
    ("ask_vacancies", "is er vraag naar bakkers", [], {}),
    ("ask_vacancies", "vacatures in gelderland", [("regio", "Gelderland")], {}),
    ("ask_vacancies", "hoe is de markt", [], {}),
    ("ask_training_routes", "hoe word ik koeltechnicus", [("beroep", "koeltechnicus")], {"regio": "Twente"}),
    ("ask_training_routes", "welke opleiding", [], {}),
    ("ask_functional_deployability", "hoe snel kan ik beginnen als loodgieter", [("beroep", "loodgieter")], {}),
    ("ask_occupations", "welke beroepen passen bij mij", [],
     {"motivatie": "handen", "sector": "zorg", "regio": "Noord-Brabant", "uren": "32"}),
    ("ask_occupations", "wat kan ik worden", [], {}),
]


def tracker(intent: str, text: str, entities, slots) -> Tracker:
    message = {
        "intent": {"name": intent, "confidence": 1.0},
        "text": text,
        "entities": [{"entity": name, "value": value} for name, value in entities],
    }
    return Tracker("bench", dict(slots), message, [], False, None, {}, "action_listen")


ACTIONS: Dict[str, Callable] = {
    "ask_vacancies": ActionVacancies(),
    "ask_training_routes": ActionTrainingRoutes(),
    "ask_functional_deployability": ActionTrajectory(),
    "ask_occupations": ActionTrajectory(),
}


def percentile(values: List[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


async def measure(rounds: int) -> Dict[str, List[float]]:
    timings: Dict[str, List[float]] = {}
    for _ in range(rounds):
        for intent, text, entities, slots in QUESTIONS:
            action = ACTIONS[intent]
            dispatcher = CollectingDispatcher()
            start = time.perf_counter()
            await action.run(dispatcher, tracker(intent, text, entities, slots), {})
            elapsed = (time.perf_counter() - start) * 1000
            assert dispatcher.messages, f"{action.name()} sent nothing for {text!r}"
            timings.setdefault(action.name(), []).append(elapsed)
    return timings


def webhook_body(intent: str, text: str, entities, slots) -> bytes:
    tracker = {
        "sender_id": "bench",
        "slots": dict(slots),
        "latest_message": {
            "intent": {"name": intent, "confidence": 1.0},
            "text": text,
            "entities": [{"entity": name, "value": value} for name, value in entities],
        },
        "events": [],
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": "action_listen",
    }
    return json.dumps({
        "next_action": ACTIONS[intent].name(), "sender_id": "bench", "tracker": tracker, "domain": {},
    }).encode()


def measure_http(rounds: int, port: int) -> Dict[str, List[float]]:
    """Starts the action server, then times POST /webhook per question."""
    env = {**os.environ, "CBS_LIVE": "0", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "rasa"), "run", "actions", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the action server did not start")
                time.sleep(0.5)
        timings: Dict[str, List[float]] = {}
        for _ in range(rounds):
            for intent, text, entities, slots in QUESTIONS:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/webhook", data=webhook_body(intent, text, entities, slots),
                    headers={"Content-Type": "application/json"},
                )
                start = time.perf_counter()
                with urllib.request.urlopen(request, timeout=10) as response:
                    answer = json.loads(response.read())
                elapsed = (time.perf_counter() - start) * 1000
                assert answer.get("responses"), f"no reply for {text!r}"
                timings.setdefault(ACTIONS[intent].name(), []).append(elapsed)
        return timings
    finally:
        server.terminate()
        server.wait(timeout=30)


def summary(timings: Dict[str, List[float]]) -> Dict:
    every = [t for values in timings.values() for t in values]

    def row(values: List[float]) -> Dict:
        return {
            "n": len(values),
            "p50_ms": round(statistics.median(values), 3),
            "p95_ms": round(percentile(values, 0.95), 3),
            "p99_ms": round(percentile(values, 0.99), 3),
        }

    return {"per_action": {name: row(v) for name, v in sorted(timings.items())}, "all": row(every)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--port", type=int, default=15099, help="port for the action server")
    parser.add_argument("--no-http", action="store_true", help="skip the action-server round trip")
    args = parser.parse_args()
    in_process = summary(asyncio.run(measure(args.rounds)))
    http = None if args.no_http else summary(measure_http(max(1, args.rounds // 5), args.port))
    report = {
        "benchmark": "lookup answers from the snapshot",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "rounds": args.rounds,
        "target_p95_ms": TARGET_P95_MS,
        "in_process": in_process,
        "http_webhook": http,
    }
    out = ROOT / "reports" / "bench-lookups.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    for label, result in (("in-process", in_process), ("http /webhook", http)):
        if result is None:
            continue
        for name, row in result["per_action"].items():
            print(f"{label:14} {name:24} p50 {row['p50_ms']:7.3f} ms  p95 {row['p95_ms']:7.3f} ms  "
                  f"p99 {row['p99_ms']:7.3f} ms")
        verdict = "meets" if result["all"]["p95_ms"] < TARGET_P95_MS else "MISSES"
        print(f"{label:14} all lookups: p95 {result['all']['p95_ms']:.3f} ms, {verdict} the "
              f"{TARGET_P95_MS:.0f} ms target")
    print(f"report: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
