"""Configuration from environment variables, read from .env with python-dotenv."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values

ROOT = Path(__file__).resolve().parent.parent
ENV_FILE = ROOT / ".env"
ENV_EXAMPLE = ROOT / ".env.example"
MODEL_NAME = "overstapcoach"
MODELS_DIR = ROOT / "models"
MODEL_PATH = MODELS_DIR / f"{MODEL_NAME}.tar.gz"


def ensure_env_file() -> None:
    """Creates .env from .env.example with a fresh API token when it is missing."""
    if ENV_FILE.exists():
        return
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    token = secrets.token_urlsafe(32)
    text = text.replace("RASA_API_TOKEN=change-me", f"RASA_API_TOKEN={token}")
    text = text.replace("WEB_SECRET_KEY=change-me", f"WEB_SECRET_KEY={secrets.token_urlsafe(40)}")
    ENV_FILE.write_text(text, encoding="utf-8")


def load_environment() -> dict:
    """Returns os.environ merged over .env.example and .env (environment wins)."""
    merged = {k: v for k, v in dotenv_values(ENV_EXAMPLE).items() if v is not None}
    if ENV_FILE.exists():
        merged.update({k: v for k, v in dotenv_values(ENV_FILE).items() if v is not None})
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
