"""Which messages that start with "/" the chat endpoint passes on to Rasa.

The widget's buttons send Rasa payloads such as ``/inform{"beroep": "elektromonteur"}``:
Rasa reads them as an intent with entities and skips NLU. Anyone can post such a
text, so a message starting with "/" passes only when it has the shape our own
buttons send:

- it matches Rasa's own pattern (``YAMLStoryReader._regex_message_pattern``)
  with no ``@confidence`` and nothing after the entities (not even a new line);
- the intent is listed in domain.yml, and is not one of Rasa's built-in intents
  that act on the conversation (``/restart``, ``/back``, ``/session_start``);
- the entities, when present, are a JSON object whose keys are entities in
  domain.yml and whose values are short plain strings or modest numbers.

Everything else is refused before Rasa sees it.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, FrozenSet, Iterable, Optional

import yaml

from bot.settings import ROOT

PREFIX = "/"
# Rasa 3.6's pattern, character for character (a unit test compares the two).
PATTERN = re.compile(
    "^/(?P<name>[^{@]+)(?P<confidence>@[0-9.]+)?(?P<entities>{.+})?(?P<rest>.*)"
)
# Rasa's own intents that restart, undo or start a session; never from a button.
BUILT_IN = frozenset({"restart", "back", "session_start", "nlu_fallback"})
MAX_VALUE = 80  # characters; the longest occupation key has 23
MAX_NUMBER = 1_000_000


@dataclass(frozen=True)
class Vocabulary:
    intents: FrozenSet[str]
    entities: FrozenSet[str]


def _names(items: Iterable[Any]) -> FrozenSet[str]:
    """Names from a domain list, where an item is "name" or {"name": {options}}."""
    names = set()
    for item in items or []:
        if isinstance(item, str):
            names.add(item)
        elif isinstance(item, dict):
            names.update(str(key) for key in item)
    return frozenset(names)


@lru_cache(maxsize=4)
def vocabulary(domain: Path = ROOT / "domain.yml") -> Vocabulary:
    """Our intents and entities, read from the domain once."""
    data = yaml.safe_load(domain.read_text(encoding="utf-8")) or {}
    return Vocabulary(_names(data.get("intents")) - BUILT_IN, _names(data.get("entities")))


def is_payload(text: str) -> bool:
    return text.startswith(PREFIX)


def _plain_value(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return math.isfinite(value) and abs(value) <= MAX_NUMBER
    if isinstance(value, str):
        return (
            0 < len(value.strip()) and len(value) <= MAX_VALUE
            and not any(unicodedata.category(ch).startswith("C") for ch in value)
        )
    return False


def _entities_ok(raw: str, known: FrozenSet[str]) -> bool:
    try:
        entities = json.loads(raw)
    except ValueError:  # also ints longer than Python's digit limit
        return False
    return (
        isinstance(entities, dict) and bool(entities)
        and all(key in known and _plain_value(value) for key, value in entities.items())
    )


def acceptable(text: str, words: Optional[Vocabulary] = None) -> bool:
    """True when this "/..." text has the shape of one of our buttons' payloads."""
    words = words or vocabulary()
    match = PATTERN.match(text)
    # Rasa ignores a confidence, anything after the entities and further lines; we refuse them.
    if not match or match.group("confidence") or match.group("rest") or match.end() != len(text):
        return False
    if match.group("name") not in words.intents:
        return False
    entities = match.group("entities")
    return entities is None or _entities_ok(entities, words.entities)
