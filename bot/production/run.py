"""`overstapcoach run-prod`: production mode in the foreground, stopped with Ctrl-C.

A process that stops is started again (a crashed replica must not stay down); while
it restarts, nginx sends its traffic to the other replicas."""

from __future__ import annotations

import subprocess
import sys
import time

from bot.production.settings import ProdSettings
from bot.production.stack import ProdStack
from bot.settings import ROOT
from bot.stack import BIN, StackError, run_in_foreground

RETENTION_INTERVAL = 24 * 3600
MAX_RESTARTS = 5  # per service per hour; more means something is wrong, so we stop


def _welcome(settings: ProdSettings, started: float) -> str:
    port = settings.public_port
    return f"""
==> Overstapcoach (production mode) is ready in {time.monotonic() - started:.0f} s
    Website demo:   http://localhost:{port}/
    Vacancy demo:   http://localhost:{port}/vacature/voorbeeld/
    Widget:         http://localhost:{port}/widget.js
    Chat endpoint:  http://localhost:{port}/api/chat
    Review (staff): http://localhost:{port}/review/
                    (make an account: .venv/bin/overstapcoach staff add <name> --prod)
    Behind nginx:   {settings.rasa_replicas} Rasa servers, {settings.action_replicas} action servers,
                    {settings.web_replicas} web apps, PostgreSQL :{settings.db_port}, Redis :{settings.redis_port}
                    (all on 127.0.0.1; Rasa's HTTP API is not public)
    Data and logs:  {settings.data_dir.relative_to(ROOT) if settings.data_dir.is_relative_to(ROOT) else settings.data_dir}/

    Press Ctrl-C to stop.
"""


def _retention(env: dict) -> None:
    done = subprocess.run([str(BIN / "overstapcoach"), "retention"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:  # a failed clean-up must not stop the coach
        print(f"WARNING: retention failed: {done.stderr.strip()[-300:]}", file=sys.stderr)


def supervise(stack: ProdStack) -> int:
    """Restarts what stopped, runs retention daily; returns when told to stop."""
    restarts: dict = {}
    next_retention = 0.0
    while True:
        failed = stack.first_exited()
        if failed is not None:
            recent = [t for t in restarts.get(failed.name, []) if time.monotonic() - t < 3600]
            if len(recent) >= MAX_RESTARTS:
                print(f"ERROR: the {failed.name} keeps stopping; see {failed.log_path}", file=sys.stderr)
                return 1
            print(f"WARNING: the {failed.name} stopped; starting it again", file=sys.stderr)
            restarts[failed.name] = recent + [time.monotonic()]
            stack.restart(failed)
        if time.monotonic() >= next_retention:
            _retention(stack.service_env())
            next_retention = time.monotonic() + RETENTION_INTERVAL
        time.sleep(1)


def run_prod(env: dict) -> int:
    started = time.monotonic()
    try:
        settings = ProdSettings.from_env(env)
        stack = ProdStack(settings, env)
    except (ValueError, KeyError, StackError) as problem:
        print(f"ERROR: {problem}", file=sys.stderr)
        return 1
    print("==> Starting PostgreSQL, Redis, the action servers, the Rasa servers, the web apps"
          " and nginx (loading the model takes a minute or two)")
    return run_in_foreground(stack, lambda: print(_welcome(settings, started)), lambda: supervise(stack))
