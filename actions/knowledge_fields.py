"""Field readers shared by the knowledge loaders.

Each reader takes an item (a mapping from a YAML file), the key to read and a
`where` label for the error message, and raises KnowledgeError when the field
is missing or malformed. Wording the bot says that is not a fact may not
contain figures (see `wording`).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

import yaml


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class KnowledgeError(ValueError):
    """A knowledge file is missing a field or has a wrong value."""


def text(item: Dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(f"{where}: '{key}' is missing or empty")
    return value.strip()


def wording(item: Dict[str, Any], key: str, where: str) -> str:
    """Text the bot says that is not a fact: it may not contain figures."""
    value = text(item, key, where)
    if re.search(r"\d", value):
        raise KnowledgeError(
            f"{where}: '{key}' contains a figure; figures belong in a fact in facts.yml"
        )
    return value


def figures_listed(sentence: str, values: Tuple[str, ...], where: str) -> None:
    """Every figure in a sentence the bot says must be one of its listed `waarden`."""
    listed = {n for v in values for n in NUMBER.findall(v)}
    for number in NUMBER.findall(sentence):
        if number not in listed:
            raise KnowledgeError(f"{where}: the figure {number} is not listed under 'waarden'")


def wordings(data: Dict[str, Any], key: str, where: str, required: Tuple[str, ...] = ()) -> Dict[str, str]:
    """A mapping of the bot's own texts (no figures), with the names that must be there."""
    texts = mapping(data, key, where)
    missing = [name for name in required if name not in texts]
    if missing:
        raise KnowledgeError(f"{where}: '{key}' misses {', '.join(missing)}")
    return {name: wording(texts, name, f"{where} {key}") for name in texts}


def date_field(item: Dict[str, Any], key: str, where: str) -> date:
    value = item.get(key)
    if not isinstance(value, date):
        raise KnowledgeError(f"{where}: '{key}' must be a date (YYYY-MM-DD), got {value!r}")
    if value > date.today():
        raise KnowledgeError(f"{where}: '{key}' {value} lies in the future")
    return value


def choice(item: Dict[str, Any], key: str, allowed: Tuple[str, ...], where: str) -> str:
    value = item.get(key)
    if value not in allowed:
        raise KnowledgeError(f"{where}: '{key}' must be one of {', '.join(allowed)}, got {value!r}")
    return value


def url(item: Dict[str, Any], key: str, where: str, required: bool) -> Optional[str]:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.startswith("https://"):
        raise KnowledgeError(f"{where}: '{key}' must be an https:// address, got {value!r}")
    return value


def ids(item: Dict[str, Any], key: str, known: Dict[str, Any], where: str) -> Tuple[Any, ...]:
    listed = item.get(key) or []
    if not isinstance(listed, list):
        raise KnowledgeError(f"{where}: '{key}' must be a list of ids")
    missing = [i for i in listed if i not in known]
    if missing:
        raise KnowledgeError(f"{where}: '{key}' names unknown id(s) {', '.join(map(str, missing))}")
    return tuple(known[i] for i in listed)


def mapping(data: Dict[str, Any], key: str, where: str) -> Dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise KnowledgeError(f"{where}: '{key}' must be a non-empty mapping")
    return value


def read_yaml(path: Path) -> Dict[str, Any]:
    if not path.exists():
        raise KnowledgeError(f"{path.name}: file is missing from {path.parent}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path.name}: not valid YAML ({error})") from error
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path.name}: expected a mapping at the top")
    return data
