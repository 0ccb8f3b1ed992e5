"""Loads the facts the bot states from data/knowledge/ and checks them.

Every fact names its source and the date of its figure; every scheme also has
a status and the date it was last checked. A missing or malformed field raises
KnowledgeError, so a broken knowledge file stops the action server at start-up
(see the bottom of this module) and fails the tests, instead of reaching users.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "data" / "knowledge"
STATUSES = ("actief", "beeindigd", "onbekend")
SITUATIONS = ("werkend", "werkzoekend_ww", "bijstand", "werkgever", "iedereen")
AUDIENCES = ("individu", "werkgever", "werkzoekende", "iedereen")


class KnowledgeError(ValueError):
    """A knowledge file is missing a field or has a wrong value."""


@dataclass(frozen=True)
class Source:
    key: str
    bron: str
    bron_kort: str
    bron_url: str | None
    peildatum: date
    status: str | None = None
    laatst_gecontroleerd: date | None = None


@dataclass(frozen=True)
class Fact:
    id: str
    source: Source
    feit: str
    waarden: Tuple[str, ...]
    vindplaats: str


@dataclass(frozen=True)
class Scheme:
    id: str
    naam: str
    voor_wie: str
    situaties: Tuple[str, ...]
    status: str
    wat: str
    voorwaarden: str
    bron: str
    bron_url: str
    peildatum: date
    laatst_gecontroleerd: date


@dataclass(frozen=True)
class Knowledge:
    sources: Dict[str, Source]
    facts: Dict[str, Fact]
    schemes: Dict[str, Scheme]

    def schemes_for(self, situation: str) -> List[Scheme]:
        """Schemes that can help someone in this situation (ended ones included)."""
        return [
            s for s in self.schemes.values()
            if situation in s.situaties or "iedereen" in s.situaties
        ]


def _text(item: Dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(f"{where}: '{key}' is missing or empty")
    return value.strip()


def _date(item: Dict[str, Any], key: str, where: str) -> date:
    value = item.get(key)
    if not isinstance(value, date):
        raise KnowledgeError(f"{where}: '{key}' must be a date (YYYY-MM-DD), got {value!r}")
    if value > date.today():
        raise KnowledgeError(f"{where}: '{key}' {value} lies in the future")
    return value


def _choice(item: Dict[str, Any], key: str, allowed: Tuple[str, ...], where: str) -> str:
    value = item.get(key)
    if value not in allowed:
        raise KnowledgeError(f"{where}: '{key}' must be one of {', '.join(allowed)}, got {value!r}")
    return value


def _url(item: Dict[str, Any], key: str, where: str, required: bool) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.startswith("https://"):
        raise KnowledgeError(f"{where}: '{key}' must be an https:// address, got {value!r}")
    return value


def _parse_source(key: str, item: Dict[str, Any]) -> Source:
    where = f"source '{key}'"
    status = item.get("status")
    return Source(
        key=key,
        bron=_text(item, "bron", where),
        bron_kort=_text(item, "bron_kort", where),
        bron_url=_url(item, "bron_url", where, required=False),
        peildatum=_date(item, "peildatum", where),
        status=None if status is None else _choice(item, "status", STATUSES, where),
        laatst_gecontroleerd=(
            None if status is None else _date(item, "laatst_gecontroleerd", where)
        ),
    )


def _parse_fact(item: Dict[str, Any], sources: Dict[str, Source]) -> Fact:
    where = f"fact '{item.get('id')}'"
    key = _text(item, "bron", where)
    if key not in sources:
        raise KnowledgeError(f"{where}: unknown source '{key}'")
    feit = _text(item, "feit", where)
    values = tuple(str(v) for v in item.get("waarden") or [])
    for value in values:
        if value not in feit:
            raise KnowledgeError(f"{where}: value '{value}' does not occur in the fact")
    return Fact(_text(item, "id", where), sources[key], feit, values, _text(item, "vindplaats", where))


def _parse_scheme(item: Dict[str, Any]) -> Scheme:
    where = f"scheme '{item.get('id')}'"
    situations = tuple(item.get("situaties") or ())
    if not situations or any(s not in SITUATIONS for s in situations):
        raise KnowledgeError(f"{where}: 'situaties' must list some of {', '.join(SITUATIONS)}")
    return Scheme(
        id=_text(item, "id", where),
        naam=_text(item, "naam", where),
        voor_wie=_choice(item, "voor_wie", AUDIENCES, where),
        situaties=situations,
        status=_choice(item, "status", STATUSES, where),
        wat=_text(item, "wat", where),
        voorwaarden=_text(item, "voorwaarden", where),
        bron=_text(item, "bron", where),
        bron_url=_url(item, "bron_url", where, required=True),
        peildatum=_date(item, "peildatum", where),
        laatst_gecontroleerd=_date(item, "laatst_gecontroleerd", where),
    )


def _unique(items: List[Any], what: str) -> Dict[str, Any]:
    found: Dict[str, Any] = {}
    for item in items:
        if item.id in found:
            raise KnowledgeError(f"{what} id '{item.id}' occurs twice")
        found[item.id] = item
    return found


def _read(path: Path) -> Dict[str, Any]:
    if not path.exists():
        raise KnowledgeError(f"{path.name}: file is missing from {path.parent}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path.name}: not valid YAML ({error})") from error
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path.name}: expected a mapping at the top")
    return data


def load_knowledge(directory: Path = KNOWLEDGE_DIR) -> Knowledge:
    """Reads and validates every knowledge file; raises KnowledgeError on a fault."""
    facts_file = _read(directory / "seed_facts.yml")
    sources = {key: _parse_source(key, item) for key, item in (facts_file.get("bronnen") or {}).items()}
    facts = _unique([_parse_fact(i, sources) for i in facts_file.get("feiten") or []], "fact")
    funding = _read(directory / "funding.yml")
    schemes = _unique([_parse_scheme(i) for i in funding.get("regelingen") or []], "scheme")
    return Knowledge(sources=sources, facts=facts, schemes=schemes)


# Loaded once when the action server imports the actions package: a broken
# knowledge file stops the server with a clear KnowledgeError.
KNOWLEDGE = load_knowledge()
