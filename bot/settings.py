"""Configuration from environment variables, read from .env with python-dotenv."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dotenv import dotenv_values

ROOT = Path(__file__).resolve().parent.parent
ENV_FILE = ROOT / ".env"
ENV_EXAMPLE = ROOT / ".env.example"
MODEL_NAME = "overstapcoach"
MODELS_DIR = ROOT / "models"
MODEL_PATH = MODELS_DIR / f"{MODEL_NAME}.tar.gz"


# Secrets that .env.example leaves as "change-me"; each .env gets its own.
SECRETS = {"RASA_API_TOKEN": 32, "WEB_SECRET_KEY": 40, "PROD_DB_PASSWORD": 24}


def ensure_env_file() -> None:
    """Creates .env from .env.example with fresh secrets when it is missing, and adds
    a fresh secret to an older .env that lacks one."""
    if not ENV_FILE.exists():
        text = ENV_EXAMPLE.read_text(encoding="utf-8")
        for name, size in SECRETS.items():
            text = text.replace(f"{name}=change-me", f"{name}={secrets.token_urlsafe(size)}")
        ENV_FILE.write_text(text, encoding="utf-8")
        return
    present = dotenv_values(ENV_FILE)
    missing = [name for name in SECRETS if not present.get(name) or present[name] == "change-me"]
    if missing:
        with ENV_FILE.open("a", encoding="utf-8") as env:
            for name in missing:
                env.write(f"\n{name}={secrets.token_urlsafe(SECRETS[name])}\n")


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


@lru_cache(maxsize=8)
def _file_values(example_mtime: int, env_mtime: int) -> dict:  # noqa: ARG001 (cache keys)
    merged = {k: v for k, v in dotenv_values(ENV_EXAMPLE).items() if v is not None}
    if ENV_FILE.exists():
        merged.update({k: v for k, v in dotenv_values(ENV_FILE).items() if v is not None})
    return merged


def load_environment() -> dict:
    """Returns os.environ merged over .env.example and .env (environment wins).

    The files are parsed again only when they change; os.environ is read each time."""
    merged = dict(_file_values(_mtime(ENV_EXAMPLE), _mtime(ENV_FILE)))
    merged.update(os.environ)
    return merged


@dataclass(frozen=True)
class Settings:
    api_token: str
    rasa_port: int
    action_port: int
    tracker_db: str
    web_port: int = 8000

    @classmethod
    def from_env(cls, env: dict) -> "Settings":
        return cls(
            api_token=env["RASA_API_TOKEN"],
            rasa_port=int(env.get("RASA_PORT", 5005)),
            action_port=int(env.get("ACTION_PORT", 5055)),
            tracker_db=env.get("TRACKER_DB", "var/tracker.db"),
            web_port=int(env.get("WEB_PORT", 8000)),
        )
