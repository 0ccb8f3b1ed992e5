"""Benchmark: how fast the lookup actions answer from the snapshot.

Runs action_vacancies, action_training_routes and action_trajectory in-process
(no network, CBS_LIVE off) for a mix of questions: known, vague and unknown
occupations, regions, provinces and towns, and suggestions from intake slots.
Reports p50/p95/p99 per action in milliseconds and writes
reports/bench-lookups.json. Target: p95 under 20 ms per lookup.

    make bench            # or: .venv/bin/python bench/lookup_latency.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import statistics
import sys
import time
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    timings = asyncio.run(measure(args.rounds))
    every = [t for values in timings.values() for t in values]
    report = {
        "benchmark": "lookup answers from the snapshot (in-process)",
        "machine": f"{platform.machine()}, Python {platform.python_version()}, {platform.system()}",
        "rounds": args.rounds,
        "target_p95_ms": TARGET_P95_MS,
        "per_action": {
            name: {
                "n": len(values),
                "p50_ms": round(statistics.median(values), 3),
                "p95_ms": round(percentile(values, 0.95), 3),
                "p99_ms": round(percentile(values, 0.99), 3),
            }
            for name, values in sorted(timings.items())
        },
        "all": {
            "n": len(every),
            "p50_ms": round(statistics.median(every), 3),
            "p95_ms": round(percentile(every, 0.95), 3),
            "p99_ms": round(percentile(every, 0.99), 3),
        },
    }
    out = ROOT / "reports" / "bench-lookups.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    for name, row in report["per_action"].items():
        print(f"{name:26} p50 {row['p50_ms']:7.3f} ms  p95 {row['p95_ms']:7.3f} ms  p99 {row['p99_ms']:7.3f} ms")
    verdict = "meets" if report["all"]["p95_ms"] < TARGET_P95_MS else "MISSES"
    print(f"all lookups: p95 {report['all']['p95_ms']:.3f} ms, {verdict} the {TARGET_P95_MS:.0f} ms target")
    print(f"report: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
