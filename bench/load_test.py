"""Benchmark: the whole bot under load, next to the `rasa init` sample bot.

Simulated side-entrants hold scripted Dutch conversations (bench/load_scenarios.py) with
the Overstapcoach at N = 1, 10 and 50 concurrent users, through Rasa's REST channel;
the same harness then drives the `rasa init` sample bot (moodbot, bench/baseline_bot.py)
with English moodbot turns. Both bots use a SQLite SQLTrackerStore in a temporary
directory. For our bot, one more level (N=10) goes through the web app's POST /api/chat,
so the cost of that hop is visible.

Per level: p50/p95/p99 latency per message, answered messages per second, error rate
(non-200, timeout, connection error or an empty reply), and the peak memory (VmHWM, reset
between levels; and the highest sampled VmRSS) and CPU time of each server process. Users
think 0.2-1.0 s (uniform, seeded) between messages, so N=1 is bounded by the think time,
not by the bot. Users arrive at random moments during the first 10 s of a level (--ramp);
each conversation is a new visitor with its own keep-alive connection, as a browser.
The load client runs on the same machine and competes for the same cores; so do any other
processes, whose share of the CPU is reported per level ("others").

Writes reports/bench-load.json and reports/bench-load.png. Exits 1 when the error rate is
above 1 % at any level or a server process died, 2 when a server did not start.

    make bench            # or: .venv/bin/python bench/load_test.py [--quick] [--users 1,10,50]
                          #      [--duration 40] [--web-users 10] [--transcript]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import secrets
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import baseline_bot, load_chart, proc_memory  # noqa: E402
from bench.load_harness import LoadConfig, Run, reply_texts, run_level, warm_up  # noqa: E402
from bench.load_scenarios import BASELINE, OURS  # noqa: E402
from bench.load_stats import failures, format_levels, format_ratio_table, ratio_table, summarize  # noqa: E402
from bot.settings import MODEL_PATH, load_environment  # noqa: E402
from bot.stack import Service, Stack, StackError, private_stack, rasa_env  # noqa: E402

RASA_PORT, ACTION_PORT, WEB_PORT, BASELINE_PORT = 25005, 25055, 28000, 25105
MAX_ERROR_RATE = 0.01
NOT_UNDERSTOOD = "Sorry, dat begreep ik niet goed"  # utter_please_rephrase
REPORT = ROOT / "reports" / "bench-load.json"
CHART = ROOT / "reports" / "bench-load.png"


def machine() -> Dict:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    import rasa
    import rasa_sdk

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "rasa": rasa.__version__,
        "rasa_sdk": rasa_sdk.__version__,
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def our_stack(tmp: Path, token: str) -> Stack:
    return private_stack(tmp, token, RASA_PORT, ACTION_PORT, WEB_PORT,
                         WEB_SECRET_KEY=secrets.token_urlsafe(40), CBS_LIVE="0")


PROD_PORTS = {"public_port": 26080, "port_base": 26100, "db_port": 26432, "redis_port": 26379}


def prod_stack(tmp: Path, token: str):
    """Production mode (bot/production/) on its own ports; nginx does not rate-limit this
    client, which is all of the simulated users on one address."""
    from bot.production.settings import ProdSettings
    from bot.production.stack import ProdStack

    data = tmp / "prod"
    data.mkdir(parents=True)
    for folder in (tmp, data):
        folder.chmod(0o755)  # the postgres account must reach its data folder
    env = load_environment()
    env.update(RASA_API_TOKEN=token, PROD_RATE_EXEMPT="127.0.0.1", CBS_LIVE="0",
               WEB_ALLOWED_HOSTS="localhost,127.0.0.1")
    settings = ProdSettings(db_password=secrets.token_urlsafe(16), api_token=token, data_dir=data, **PROD_PORTS)
    return ProdStack(settings, env)


def prod_services(stack) -> Dict[str, Service]:
    """Every replica by name; "rasa" is the first Rasa server, as for the other bots."""
    services: Dict[str, Service] = {}
    for group, name in ((stack.rasa, "rasa"), (stack.actions, "actions"), (stack.web, "web")):
        for i, service in enumerate(group):
            services[name if i == 0 else f"{name}{i + 1}"] = service
    return services


def processes(services: Dict[str, Service]) -> Dict[str, int]:
    """For each service, the pid of the process in its tree that holds the most memory."""
    return {name: proc_memory.model_holder(service.process.pid) for name, service in services.items()}


def describe(pids: Dict[str, int], services: Dict[str, Service]) -> Dict:
    return {
        name: {
            "measured_pid": pid,
            "measured_command": proc_memory.command_line(pid)[:160],
            "tree": {str(p): proc_memory.command_line(p)[:120]
                     for p in proc_memory.descendants(services[name].process.pid)},
        }
        for name, pid in pids.items()
    }


def dead(services: Dict[str, Service], pids: Dict[str, int]) -> List[str]:
    return [name for name, service in services.items()
            if service.process.poll() is not None or not proc_memory.alive(pids[name])]


def load_average() -> List[float]:
    return [round(x, 2) for x in os.getloadavg()]


def measure_level(bot: str, kind: str, base_url: str, scenarios, config: LoadConfig,
                  pids: Dict[str, int], memory_of: List[str]) -> Dict:
    """One level: users, figures, memory of every watched process."""
    watch = proc_memory.Watch(pids)
    load_before = load_average()
    client_before = resource.getrusage(resource.RUSAGE_SELF)
    watch.start()
    run, elapsed = run_level(kind, base_url, scenarios, config, tag=f"{bot}-{kind}-n{config.users}")
    memory = watch.stop()
    client_after = resource.getrusage(resource.RUSAGE_SELF)
    row = {"bot": bot, "endpoint": kind, "users": config.users, "base_url": base_url}
    row.update(summarize(run.samples, elapsed, run.conversations))
    row["memory"] = memory
    row["rasa_peak_mb"] = memory["rasa"]["vmhwm_mb"]
    row["bot_peak_mb"] = round(sum(memory[name]["vmhwm_mb"] for name in memory_of), 1)
    row["bot_peak_processes"] = memory_of
    row["client_cpu_s"] = round(client_after.ru_utime + client_after.ru_stime
                                - client_before.ru_utime - client_before.ru_stime, 2)
    row["load_average_before"], row["load_average_after"] = load_before, load_average()
    row["vmrss_samples"] = watch.samples
    server_cpu = sum(proc["cpu_s"] or 0 for proc in memory.values())
    row["server_cpu_ms_per_msg"] = round(1000 * server_cpu / row["answered"], 1) if row["answered"] else None
    row["machine_cpu_busy_s"] = watch.machine_busy_s
    # Busy CPU time of processes that are neither the watched servers nor this client.
    row["others_cpu_s"] = round(max(0.0, watch.machine_busy_s - server_cpu - row["client_cpu_s"]), 2)
    row["cores"] = os.cpu_count()
    return row


def warm_up_report(bot: str, kind: str, base_url: str, scenarios, show: bool) -> Dict:
    run: Run = warm_up(kind, base_url, scenarios, tag=f"{bot}-{kind}-warm")
    not_understood = 0
    for name, message, reply in run.transcripts:
        texts = reply_texts(reply)
        if any(NOT_UNDERSTOOD in t for t in texts):
            not_understood += 1
        if show:
            print(f"  [{name}] > {message}")
            for text in texts:
                print(f"      < {text[:150]}")
    summary = summarize(run.samples, 1.0)
    return {"messages": summary["messages"], "errors": summary["errors"],
            "errors_by_kind": summary["errors_by_kind"], "not_understood": not_understood,
            "p50_ms": summary["p50_ms"]}


def measure_bot(bot: str, services: Dict[str, Service], scenarios, levels: List[int],
                base: LoadConfig, web_users: int, show: bool, report: Dict) -> List[str]:
    """Warm-up, then every level; returns the services that died."""
    pids = processes(services)
    report["processes"][bot] = describe(pids, services)
    if bot == "prod":  # the public door only: nginx in front of every replica
        public = f"http://127.0.0.1:{PROD_PORTS['public_port']}"
        print(f"==> {bot}: warm-up (each scenario once)")
        report["warm_up"][bot] = warm_up_report(bot, "web", public, scenarios, show)
        plan = [("web", public, n, list(services)) for n in levels if n > 1]
    else:
        rest_url = f"http://127.0.0.1:{RASA_PORT if bot == 'ours' else BASELINE_PORT}"
        memory_of = ["rasa", "actions"] if bot == "ours" else ["rasa"]
        print(f"==> {bot}: warm-up (each scenario once)")
        report["warm_up"][bot] = warm_up_report(bot, "rest", rest_url, scenarios, show)
        plan = [("rest", rest_url, n, memory_of) for n in levels]
        if bot == "ours" and web_users:
            plan.append(("web", f"http://127.0.0.1:{WEB_PORT}", web_users, memory_of + ["web"]))
    for kind, url, users, measured in plan:
        config = replace(base, users=users)
        print(f"==> {bot}: {users} users via {kind} ({url})", flush=True)
        row = measure_level(bot, kind, url, scenarios, config, pids, measured)
        report["levels"].append(row)
        print(format_levels([row]).splitlines()[1], flush=True)
        gone = dead(services, pids)
        if gone:
            return [f"{bot} {name}" for name in gone]
    return []


def measure_production(args: argparse.Namespace, base: LoadConfig, report: Dict, tmp: Path,
                       token: str) -> List[str]:
    """The same users through production mode: nginx, 2 web apps, 2 Rasa servers, 2 action
    servers, PostgreSQL and Redis, measured alone after the other setups have stopped."""
    from bot.production.servers import servers_installed

    if not servers_installed():
        print("==> prod: skipped (PostgreSQL, Redis or nginx missing; make setup-prod installs them)")
        report["prod_skipped"] = True
        return []
    stack = prod_stack(tmp, token)
    print("==> starting production mode (nginx, 2 web apps, 2 Rasa servers, 2 action servers)", flush=True)
    clock = time.monotonic()
    try:
        stack.start()
        report["startup_s"]["prod"] = round(time.monotonic() - clock, 1)
        return measure_bot("prod", prod_services(stack), OURS, args.levels, base, 0, args.transcript, report)
    finally:
        stack.stop()


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="1,10,50", help="concurrency levels, comma-separated")
    parser.add_argument("--duration", type=float, default=40, help="seconds per level")
    parser.add_argument("--conversations", type=int, default=None,
                        help="conversations per user per level instead of a duration")
    parser.add_argument("--web-users", type=int, default=10, help="users for the /api/chat level (0: skip)")
    parser.add_argument("--think-min", type=float, default=0.2)
    parser.add_argument("--think-max", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=30, help="seconds before a message counts as lost")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ramp", type=float, default=10,
                        help="users start at random moments in the first RAMP seconds of a level "
                             "(at most a quarter of --duration)")
    parser.add_argument("--quick", action="store_true", help="smoke run: N=1,5, 8 s per level, web N=5")
    parser.add_argument("--transcript", action="store_true", help="print the warm-up conversations")
    parser.add_argument("--bots", default="ours,baseline,prod",
                        help="which setups to measure: ours, baseline, prod (production mode behind "
                             "nginx; skipped when PostgreSQL, Redis or nginx is missing)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary directory (logs, tracker.db); kept anyway after a problem")
    args = parser.parse_args(argv)
    if args.quick:
        args.users, args.duration, args.web_users = "1,5", 8.0, min(args.web_users, 5)
    args.levels = [int(n) for n in args.users.split(",") if n.strip()]
    args.bots = [b.strip() for b in args.bots.split(",") if b.strip()]
    if not set(args.bots) <= {"ours", "baseline", "prod"} or not args.bots:
        parser.error("--bots takes ours, baseline and/or prod")
    return args


def stop_on_sigterm() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwinds through every finally


def main(argv=None) -> int:
    args = parse_args(argv)
    stop_on_sigterm()
    if not MODEL_PATH.exists():
        print(f"No trained model at {MODEL_PATH}: run `make train` first.")
        return 2
    started = time.monotonic()
    report: Dict = {
        "benchmark": "whole bot under load: Overstapcoach vs the rasa init sample bot",
        "machine": machine(),
        "config": {
            "levels": args.levels, "web_users": args.web_users,
            "duration_s": None if args.conversations else args.duration,
            "conversations_per_user": args.conversations,
            "think_time_s": [args.think_min, args.think_max], "think_time": "uniform, seeded, after every message",
            "ramp_s": args.ramp if args.conversations else min(args.ramp, args.duration / 4),
            "timeout_s": args.timeout, "seed": args.seed, "max_error_rate": MAX_ERROR_RATE,
            "ports": {"ours_rasa": RASA_PORT, "ours_actions": ACTION_PORT, "ours_web": WEB_PORT,
                      "baseline_rasa": BASELINE_PORT},
            "scenarios": {"ours": {s.name: len(s.turns) for s in OURS},
                          "baseline": {s.name: len(s.turns) for s in BASELINE}},
            "percentiles": "linear interpolation over answered messages",
            "memory": "VmHWM of the process holding the model, reset with clear_refs=5 before each level; "
                      "max sampled VmRSS (every 0.25 s) as a cross-check",
            "connections": "one keep-alive connection per conversation (a new visitor), as a browser",
            "tracker_store": "SQLTrackerStore on a SQLite file in a temporary directory, for both bots",
        },
        "processes": {}, "warm_up": {}, "startup_s": {}, "levels": [],
    }
    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        code = run_bots(args, report, tmp, started)
    finally:
        if args.keep or report.get("problems") != []:
            print(f"logs and tracker stores kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return code


def run_bots(args: argparse.Namespace, report: Dict, tmp: Path, started: float) -> int:
    """Starts the servers, measures, stops them whatever happens; writes the report."""
    token = secrets.token_urlsafe(24)
    base = LoadConfig(users=1, duration=args.duration, conversations=args.conversations,
                      think_min=args.think_min, think_max=args.think_max, timeout=args.timeout, seed=args.seed,
                      ramp=args.ramp)
    died: List[str] = []
    ours: Optional[Stack] = None
    baseline: Optional[Service] = None
    try:
        if "baseline" in args.bots:
            print("==> baseline: the rasa init sample bot (trained once, cached under var/bench/baseline)")
            report["baseline_model"] = baseline_bot.ensure_model(rasa_env(dict(os.environ)),
                                                                 tmp / "log" / "baseline-train.log")
            print(f"    {'trained now' if report['baseline_model']['trained_now'] else 'cached'}: "
                  f"training took {report['baseline_model']['train_seconds']} s")
        print(f"==> starting {' and '.join(args.bots)}", flush=True)
        clock = time.monotonic()
        if "baseline" in args.bots:
            baseline = baseline_bot.baseline_server(BASELINE_PORT, token, tmp)
            baseline.start(rasa_env(load_environment()))
        if "ours" in args.bots:
            ours = our_stack(tmp, token)
            ours.start()
            report["startup_s"]["ours"] = round(time.monotonic() - clock, 1)
        if baseline is not None:
            baseline.wait_ready(240)
            report["startup_s"]["all"] = round(time.monotonic() - clock, 1)
        if ours is not None:
            died += measure_bot("ours", {"rasa": ours.rasa, "actions": ours.actions, "web": ours.web},
                                OURS, args.levels, base, args.web_users, args.transcript, report)
        if baseline is not None:
            died += measure_bot("baseline", {"rasa": baseline}, BASELINE, args.levels, base, 0,
                                args.transcript, report)
            baseline.stop()
        if ours is not None:
            ours.stop()
        if "prod" in args.bots:
            died += measure_production(args, base, report, tmp, token)
    except StackError as problem:
        print(f"A server did not start: {problem}")
        report["problems"] = [str(problem)]
        return 2
    finally:
        for service in ([baseline] if baseline else []) + ([ours] if ours else []):
            service.stop()
    by_users = {bot: {row["users"]: row for row in report["levels"]
                      if row["bot"] == bot and row["endpoint"] == "rest"} for bot in ("ours", "baseline")}
    report["ratios"] = ratio_table(by_users["ours"], by_users["baseline"])
    problems = failures(report["levels"], MAX_ERROR_RATE, died)
    report["died"], report["problems"] = died, problems
    report["total_s"] = round(time.monotonic() - started, 1)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    m = report["machine"]
    load_chart.draw(report["levels"], CHART,
                    f"Overstapcoach vs rasa init sample bot: {m['cores']} x {m['cpu']}, Rasa {m['rasa']}, "
                    f"think time {args.think_min}-{args.think_max} s")
    print()
    print(format_levels(report["levels"]))
    if report["ratios"]:
        print()
        print(format_ratio_table(report["ratios"]))
    print(f"\ntotal {report['total_s']} s; report: {REPORT.relative_to(ROOT)}, chart: {CHART.relative_to(ROOT)}")
    for problem in problems:
        print(f"MISSED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
