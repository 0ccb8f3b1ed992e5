"""The baseline for the load benchmark: the `rasa init` sample bot (moodbot).

The project is created once with `rasa init --no-prompt --init-dir var/bench/baseline`
(which also trains it) and its model is kept as var/bench/baseline/models/moodbot.tar.gz.
A stamp file next to it records the Rasa version and how long training took; the model
is trained again only when it is missing or the Rasa version changed.

For a run, the baseline gets the same kind of tracker store as our bot (a SQLite file
through Rasa's SQLTrackerStore, in the run's temporary directory) and the REST channel,
and no action server: the sample bot has no custom actions.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, Optional

from bot.stack import BIN, Service

ROOT = Path(__file__).resolve().parent.parent
BASELINE_DIR = ROOT / "var" / "bench" / "baseline"
MODEL = BASELINE_DIR / "models" / "moodbot.tar.gz"
STAMP = BASELINE_DIR / "models" / "moodbot.json"


def rasa_version() -> str:
    from rasa import __version__

    return __version__


def read_stamp() -> Optional[Dict]:
    try:
        return json.loads(STAMP.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None


def needs_training(stamp: Optional[Dict], model_exists: bool, version: str) -> bool:
    """True when there is no usable cached model for this Rasa version."""
    return not model_exists or stamp is None or stamp.get("rasa_version") != version


def _run(command, cwd: Path, env: dict, log: Path) -> None:
    with open(log, "ab") as out:
        done = subprocess.run(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed (exit {done.returncode}); see {log}")


def ensure_model(env: dict, log: Path) -> Dict:
    """Creates and trains the sample bot when needed; returns its stamp.

    The stamp's `trained_now` says whether this call trained it."""
    version = rasa_version()
    stamp = read_stamp()
    if not needs_training(stamp, MODEL.exists(), version):
        return {**stamp, "trained_now": False}
    log.parent.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    if not (BASELINE_DIR / "domain.yml").exists():
        BASELINE_DIR.mkdir(parents=True, exist_ok=True)
        # --no-prompt creates the project and trains it into models/<timestamp>.tar.gz.
        _run([str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(BASELINE_DIR)],
             cwd=ROOT, env=env, log=log)
        trained = sorted((BASELINE_DIR / "models").glob("2*.tar.gz"), key=lambda p: p.stat().st_mtime)
        if not trained:
            raise RuntimeError(f"rasa init made no model in {BASELINE_DIR / 'models'}; see {log}")
        shutil.move(str(trained[-1]), MODEL)
    else:
        _run([str(BIN / "rasa"), "train", "--fixed-model-name", "moodbot", "--out", "models", "--force"],
             cwd=BASELINE_DIR, env=env, log=log)
    stamp = {
        "rasa_version": version,
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "train_seconds": round(time.monotonic() - start, 1),
        "how": "rasa init --no-prompt (creates and trains) or rasa train when the project exists",
    }
    STAMP.write_text(json.dumps(stamp, indent=2), encoding="utf-8")
    return {**stamp, "trained_now": True}


def write_endpoints(tmp: Path) -> Path:
    """endpoints.yml for the baseline: a SQLite tracker store in the run's temp dir."""
    path = tmp / "baseline-endpoints.yml"
    path.write_text(
        "tracker_store:\n"
        "  type: SQL\n"
        "  dialect: sqlite\n"
        f"  db: {tmp / 'baseline-tracker.db'}\n",
        encoding="utf-8",
    )
    return path


def baseline_server(port: int, token: str, tmp: Path) -> Service:
    """The sample bot's Rasa server, started with the same flags and channels as ours.

    (The sample's own credentials.yml also lists the `rasa` channel for Rasa X.)"""
    return Service(
        name="baseline Rasa server",
        command=[
            str(BIN / "rasa"), "run",
            "--model", str(MODEL),
            "--endpoints", str(write_endpoints(tmp)),
            "--credentials", str(ROOT / "credentials.yml"),  # the same channels as ours
            "--port", str(port),
            "--enable-api",
            "--auth-token", token,
            "--cors", "*",
        ],
        health_url=f"http://localhost:{port}/status?token={token}",
        log_path=tmp / "log" / "baseline-rasa.log",
    )
