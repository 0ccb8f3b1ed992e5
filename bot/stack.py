"""Starts, watches and stops the action server and the Rasa server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, List, Optional

import requests

from bot.settings import MODEL_PATH, ROOT, Settings, load_environment

BIN = Path(sys.executable).parent


class StackError(RuntimeError):
    """A service did not come up."""


def rasa_env(env: dict) -> dict:
    """The environment for Rasa processes: quiet, offline, project on the path."""
    out = dict(env)
    out.setdefault("RASA_TELEMETRY_ENABLED", "false")
    out.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    out.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    out["PYTHONPATH"] = str(ROOT) + os.pathsep + out.get("PYTHONPATH", "")
    return out


@dataclass
class Service:
    name: str
    command: List[str]
    health_url: str
    log_path: Path
    process: Optional[subprocess.Popen] = None
    _log: Optional[IO] = field(default=None, repr=False)

    def start(self, env: dict) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: stopped as a whole
        )

    def is_ready(self) -> bool:
        try:
            return requests.get(self.health_url, timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise StackError(
                    f"{self.name} stopped during start-up (exit {self.process.returncode});"
                    f" see {self.log_path}"
                )
            if self.is_ready():
                return
            time.sleep(0.5)
        raise StackError(f"{self.name} did not answer within {timeout:.0f} s; see {self.log_path}")

    def stop(self, timeout: float = 15) -> None:
        if self.process is None or self.process.poll() is not None:
            self._close_log()
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            pass
        self._close_log()

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None


def action_server(settings: Settings, log_dir: Path) -> Service:
    return Service(
        name="action server",
        command=[
            str(BIN / "rasa"), "run", "actions",
            "--actions", "actions",
            "--port", str(settings.action_port),
        ],
        health_url=f"http://localhost:{settings.action_port}/health",
        log_path=log_dir / "actions.log",
    )


def rasa_server(settings: Settings, log_dir: Path, model: Path = MODEL_PATH) -> Service:
    return Service(
        name="Rasa server",
        command=[
            str(BIN / "rasa"), "run",
            "--model", str(model),
            "--endpoints", "endpoints.yml",
            "--credentials", "credentials.yml",
            "--port", str(settings.rasa_port),
            "--enable-api",
            "--auth-token", settings.api_token,
            "--cors", "*",
        ],
        health_url=f"http://localhost:{settings.rasa_port}/status?token={settings.api_token}",
        log_path=log_dir / "rasa.log",
    )


def web_app(settings: Settings, log_dir: Path) -> Service:
    return Service(
        name="web app",
        command=[str(BIN / "python"), "-m", "bot.web.serve", "--port", str(settings.web_port)],
        health_url=f"http://localhost:{settings.web_port}/widget.js",
        log_path=log_dir / "web.log",
    )


class Stack:
    """The action server, the Rasa server and the web app, started and stopped together."""

    def __init__(self, settings: Settings, env: dict, log_dir: Path) -> None:
        self.settings = settings
        self.env = rasa_env(env)
        self.actions = action_server(settings, log_dir)
        self.rasa = rasa_server(settings, log_dir)
        self.web = web_app(settings, log_dir)

    def start(self, timeout: float = 240) -> None:
        Path(self.settings.tracker_db).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.actions.start(self.env)
            self.rasa.start(self.env)
            self.web.start(self.env)
            self.actions.wait_ready(timeout)
            self.web.wait_ready(timeout)
            self.rasa.wait_ready(timeout)
        except BaseException:
            self.stop()
            raise

    def restart_rasa(self, timeout: float = 240) -> None:
        self.rasa.stop()
        self.rasa.start(self.env)
        self.rasa.wait_ready(timeout)

    def restart_actions(self, extra_env: Optional[dict] = None, timeout: float = 240) -> None:
        """Restarts (or starts again) the action server; `extra_env` (e.g. CBS_LIVE) holds
        for this run only, a restart without it goes back to the stack's own settings."""
        self.actions.stop()
        self.actions.start({**self.env, **(extra_env or {})})
        self.actions.wait_ready(timeout)

    def stop(self) -> None:
        self.web.stop()
        self.rasa.stop()
        self.actions.stop()

    def first_exited(self) -> Optional[Service]:
        for service in (self.actions, self.rasa, self.web):
            if service.process is not None and service.process.poll() is not None:
                return service
        return None


def run_in_foreground(stack, announce: Callable[[], None], watch: Callable[[], int]) -> int:
    """Starts `stack`, calls `announce()`, then `watch()` until it returns or Ctrl-C.
    The stack is always stopped; returns the exit code."""

    def _stop(signum, frame):  # noqa: ARG001
        raise KeyboardInterrupt

    # Explicit handlers: a shell may start us with SIGINT ignored (background job).
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        stack.start()
        announce()
        return watch()
    except StackError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\n==> Stopping")
        return 0
    finally:
        # A second Ctrl-C must not cut the stop short and leave servers behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.stop()


def private_stack(folder: Path, token: str, rasa_port: int, action_port: int, web_port: int,
                  **extra: str) -> Stack:
    """A stack of its own for tests and benchmarks: given ports, SQLite files and logs in
    `folder`, never the tracker or review database that .env or os.environ names."""
    env = load_environment()
    env.update(
        RASA_API_TOKEN=token,
        RASA_PORT=str(rasa_port),
        ACTION_PORT=str(action_port),
        WEB_PORT=str(web_port),
        WEB_ALLOWED_HOSTS="localhost,127.0.0.1",
        RASA_URL=f"http://127.0.0.1:{rasa_port}",
        ACTION_ENDPOINT_URL=f"http://localhost:{action_port}/webhook",
        TRACKER_DB_DIALECT="sqlite",
        TRACKER_DB=str(folder / "tracker.db"),
        REVIEW_DB=str(folder / "review.db"),
        # Both would win over TRACKER_DB and REVIEW_DB; the unit tests' conftest may set them.
        TRACKER_DB_URL="",
        REVIEW_DB_URL="",
    )
    env.update(extra)
    return Stack(Settings.from_env(env), env, folder / "log")
