"""Decides whether the model must be retrained: a hash over everything it is built from."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable, List

from bot.settings import MODEL_PATH, ROOT

FINGERPRINT_FILE = MODEL_PATH.with_suffix("").with_suffix(".fingerprint")
# What `rasa train` builds the model from. data/knowledge/ is read by the
# action server at run time, so editing a fact needs no retraining.
TRAINING_INPUTS = [
    "config.yml",
    "domain.yml",
    "data/nlu",
    "data/rules",
    "data/stories",
    "data/lookups",
    "bot/nlu",
    "requirements.lock",
]


def _files(paths: Iterable[str], root: Path) -> List[Path]:
    found: List[Path] = []
    for name in paths:
        path = root / name
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found += [
                p
                for p in path.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
            ]
    return sorted(found)


def training_fingerprint(root: Path = ROOT) -> str:
    """A SHA-256 over the paths and contents of all training inputs."""
    digest = hashlib.sha256()
    for path in _files(TRAINING_INPUTS, root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def model_is_current(root: Path = ROOT) -> bool:
    """True when the trained model exists and was built from the current inputs."""
    return (
        MODEL_PATH.exists()
        and FINGERPRINT_FILE.exists()
        and FINGERPRINT_FILE.read_text().strip() == training_fingerprint(root)
    )


def record_fingerprint(value: str) -> None:
    """Stores the fingerprint of the inputs the model was trained from."""
    FINGERPRINT_FILE.write_text(value + "\n")
