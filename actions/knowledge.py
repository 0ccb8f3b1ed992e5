"""Loads the facts the bot states from data/knowledge/ and checks them.

Every fact names its source and the date of its figure; every scheme also has
a status and the date it was last checked. Wording that is not a fact
(openings, questions, caveats) may not contain figures, so every number the
bot says comes from a fact. A missing or malformed field raises KnowledgeError,
so a broken knowledge file stops the action server at start-up (see the bottom
of this module) and fails the tests, instead of reaching users.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "data" / "knowledge"
FILES = ("sources.yml", "facts.yml", "beliefs.yml", "coaching.yml", "salary.yml", "funding.yml")
STATUSES = ("actief", "beeindigd", "onbekend")
AUDIENCES = ("individu", "werkgever", "werkzoekende", "iedereen")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class KnowledgeError(ValueError):
    """A knowledge file is missing a field or has a wrong value."""


@dataclass(frozen=True)
class Source:
    key: str
    bron: str
    bron_kort: str
    bron_url: Optional[str]
    peildatum: date
    status: Optional[str] = None
    laatst_gecontroleerd: Optional[date] = None


@dataclass(frozen=True)
class Fact:
    id: str
    source: Source
    tekst: str
    waarden: Tuple[str, ...]
    vindplaats: str


@dataclass(frozen=True)
class Caveat:
    tekst: str
    feiten: Tuple[Fact, ...]


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Answer:
    """A coaching answer: acknowledge, evidence, honest caveat, open question."""

    id: str
    erkenning: str
    bewijs: Tuple[Fact, ...]
    kanttekening: Optional[Caveat]
    vraag: str
    knoppen: Tuple[Button, ...]
    ja: Tuple[str, ...]  # what a plain "ja" to the question means


@dataclass(frozen=True)
class Scheme:
    id: str
    naam: str
    voor_wie: str
    status: str
    kort: str
    voorwaarden: str
    bron: str
    bron_url: str
    peildatum: date
    laatst_gecontroleerd: date


@dataclass(frozen=True)
class Situation:
    key: str
    label: str
    schemes: Tuple[Scheme, ...]


@dataclass(frozen=True)
class FundingAnswer:
    uitleg_feiten: Tuple[Fact, ...]
    twee_vragen: str
    inleiding: str
    afsluiting: str
    afsluiting_feiten: Tuple[Fact, ...]
    knoppen: Tuple[Button, ...]


@dataclass(frozen=True)
class Salary:
    algemeen: Tuple[Fact, ...]
    beroepen: Dict[str, Fact]
    geen_beroepscijfer: str
    kanttekening: Caveat
    vraag_eigen_salaris: str
    marge: float
    teksten: Dict[str, str]  # comparison wording: lager, gelijk, hoger, ...


@dataclass(frozen=True)
class Motivation:
    key: str
    label: str
    woorden: Tuple[str, ...]
    knop: Button  # the next step that fits this motivation


@dataclass(frozen=True)
class Knowledge:
    sources: Dict[str, Source]
    facts: Dict[str, Fact]
    answers: Dict[str, Answer]
    schemes: Dict[str, Scheme]
    situations: Dict[str, Situation]
    sector_funds: Dict[str, Tuple[Scheme, ...]]
    funding_answer: FundingAnswer
    salary: Salary
    motivations: Dict[str, Motivation]
    personal_notes: Dict[str, str]  # lines that tie an answer to the user's slots
    remember_phrases: Dict[str, str]  # how to repeat what the user told, per entity
    intake_texts: Dict[str, str]  # the end of the intake
    intake_parttime_button: Button
    intake_buttons: Tuple[Button, ...]  # always offered after the intake


# --- field readers ---------------------------------------------------------------

def _text(item: Dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(f"{where}: '{key}' is missing or empty")
    return value.strip()


def _wording(item: Dict[str, Any], key: str, where: str) -> str:
    """Text the bot says that is not a fact: it may not contain figures."""
    value = _text(item, key, where)
    if re.search(r"\d", value):
        raise KnowledgeError(
            f"{where}: '{key}' contains a figure; figures belong in a fact in facts.yml"
        )
    return value


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


def _url(item: Dict[str, Any], key: str, where: str, required: bool) -> Optional[str]:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.startswith("https://"):
        raise KnowledgeError(f"{where}: '{key}' must be an https:// address, got {value!r}")
    return value


def _ids(item: Dict[str, Any], key: str, known: Dict[str, Any], where: str) -> Tuple[Any, ...]:
    ids = item.get(key) or []
    if not isinstance(ids, list):
        raise KnowledgeError(f"{where}: '{key}' must be a list of ids")
    missing = [i for i in ids if i not in known]
    if missing:
        raise KnowledgeError(f"{where}: '{key}' names unknown id(s) {', '.join(map(str, missing))}")
    return tuple(known[i] for i in ids)


def _mapping(data: Dict[str, Any], key: str, where: str) -> Dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise KnowledgeError(f"{where}: '{key}' must be a non-empty mapping")
    return value


# --- items -----------------------------------------------------------------------

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
    tekst = _text(item, "tekst", where)
    values = tuple(str(v) for v in item.get("waarden") or [])
    for value in values:
        if value not in tekst:
            raise KnowledgeError(f"{where}: value '{value}' does not occur in the fact")
    listed = {n for v in values for n in NUMBER.findall(v)}
    for number in NUMBER.findall(tekst):
        if number not in listed:
            raise KnowledgeError(f"{where}: the figure {number} is not listed under 'waarden'")
    return Fact(_text(item, "id", where), sources[key], tekst, values, _text(item, "vindplaats", where))


def _parse_caveat(item: Any, facts: Dict[str, Fact], where: str) -> Caveat:
    if not isinstance(item, dict):
        raise KnowledgeError(f"{where}: 'kanttekening' must have 'tekst' and 'feiten'")
    return Caveat(_wording(item, "tekst", where), _ids(item, "feiten", facts, where))


def _parse_buttons(item: Dict[str, Any], where: str) -> Tuple[Button, ...]:
    buttons = []
    for button in item.get("knoppen") or []:
        title = _text(button, "title", where)
        payload = _text(button, "payload", where)
        if not payload.startswith("/"):
            raise KnowledgeError(f"{where}: button payload '{payload}' must start with '/'")
        buttons.append(Button(title, payload))
    return tuple(buttons)


def _parse_answer(key: str, item: Dict[str, Any], facts: Dict[str, Fact]) -> Answer:
    where = f"answer '{key}'"
    caveat = item.get("kanttekening")
    yes = item.get("ja") or ()
    return Answer(
        id=key,
        erkenning=_wording(item, "erkenning", where),
        bewijs=_ids(item, "bewijs", facts, where),
        kanttekening=None if caveat is None else _parse_caveat(caveat, facts, where),
        vraag=_wording(item, "vraag", where),
        knoppen=_parse_buttons(item, where),
        ja=(yes,) if isinstance(yes, str) else tuple(yes),
    )


def _parse_scheme(item: Dict[str, Any]) -> Scheme:
    where = f"scheme '{item.get('id')}'"
    return Scheme(
        id=_text(item, "id", where),
        naam=_text(item, "naam", where),
        voor_wie=_choice(item, "voor_wie", AUDIENCES, where),
        status=_choice(item, "status", STATUSES, where),
        kort=_text(item, "kort", where),
        voorwaarden=_text(item, "voorwaarden", where),
        bron=_text(item, "bron", where),
        bron_url=_url(item, "bron_url", where, required=True),
        peildatum=_date(item, "peildatum", where),
        laatst_gecontroleerd=_date(item, "laatst_gecontroleerd", where),
    )


def _parse_salary(data: Dict[str, Any], facts: Dict[str, Fact]) -> Salary:
    where = "salary.yml"
    comparison = _mapping(data, "vergelijking", where)
    marge = comparison.get("marge")
    if not isinstance(marge, (int, float)) or not 0 <= marge < 1:
        raise KnowledgeError(f"{where}: 'vergelijking.marge' must be a fraction between 0 and 1")
    texts = {k: _wording(comparison, k, f"{where} vergelijking") for k in comparison if k != "marge"}
    for needed in ("lager", "gelijk", "hoger", "referentie_beroep", "referentie_algemeen",
                   "jaarbedrag", "netto", "onduidelijk"):
        if needed not in texts:
            raise KnowledgeError(f"{where}: 'vergelijking.{needed}' is missing")
    occupations = _mapping(data, "beroepen", where)
    return Salary(
        algemeen=_ids(data, "algemeen", facts, where),
        beroepen={
            occupation: _ids({"feit": [fact_id]}, "feit", facts, f"{where} beroep '{occupation}'")[0]
            for occupation, fact_id in occupations.items()
        },
        geen_beroepscijfer=_wording(data, "geen_beroepscijfer", where),
        kanttekening=_parse_caveat(data.get("kanttekening"), facts, where),
        vraag_eigen_salaris=_wording(data, "vraag_eigen_salaris", where),
        marge=float(marge),
        teksten=texts,
    )


def _phrases(data: Dict[str, Any], key: str) -> Dict[str, str]:
    phrases = _mapping(data, key, "coaching.yml")
    return {name: _wording(phrases, name, f"coaching.yml {key}") for name in phrases}


def _parse_funding_answer(data: Dict[str, Any], facts: Dict[str, Fact]) -> FundingAnswer:
    where = "funding.yml antwoord"
    item = _mapping(data, "antwoord", "funding.yml")
    return FundingAnswer(
        uitleg_feiten=_ids(item, "uitleg_feiten", facts, where),
        twee_vragen=_wording(item, "twee_vragen", where),
        inleiding=_wording(item, "inleiding", where),
        afsluiting=_wording(item, "afsluiting", where),
        afsluiting_feiten=_ids(item, "afsluiting_feiten", facts, where),
        knoppen=_parse_buttons(item, where),
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
    files = {name: _read(directory / name) for name in FILES}
    sources = {
        key: _parse_source(key, item)
        for key, item in _mapping(files["sources.yml"], "bronnen", "sources.yml").items()
    }
    facts = _unique([_parse_fact(i, sources) for i in files["facts.yml"].get("feiten") or []], "fact")
    answers: Dict[str, Answer] = {}
    for name in ("beliefs.yml", "coaching.yml"):
        for key, item in _mapping(files[name], "antwoorden", name).items():
            if key in answers:
                raise KnowledgeError(f"answer id '{key}' occurs twice")
            answers[key] = _parse_answer(key, item, facts)
    for answer in answers.values():
        for target in answer.ja:
            if target not in answers and not target.startswith("utter_") and target != "eigen_salaris":
                raise KnowledgeError(f"answer '{answer.id}': 'ja' names unknown target '{target}'")
    funding = files["funding.yml"]
    schemes = _unique([_parse_scheme(i) for i in funding.get("regelingen") or []], "scheme")
    situations = {
        key: Situation(
            key,
            _text(item, "label", f"situation '{key}'"),
            _ids(item, "regelingen", schemes, f"situation '{key}'"),
        )
        for key, item in _mapping(funding, "situaties", "funding.yml").items()
    }
    sector_funds = {
        sector: _ids({"regelingen": ids}, "regelingen", schemes, f"sector fund '{sector}'")
        for sector, ids in (funding.get("sectorfondsen") or {}).items()
    }
    motivations = {
        key: Motivation(
            key,
            _text(item, "label", f"motivation '{key}'"),
            tuple(str(w).lower() for w in item.get("woorden") or ()),
            _parse_buttons({"knoppen": [item.get("knop") or {}]}, f"motivation '{key}'")[0],
        )
        for key, item in _mapping(files["coaching.yml"], "motivaties", "coaching.yml").items()
    }
    intake_buttons = _mapping(files["coaching.yml"], "intake_knoppen", "coaching.yml")
    return Knowledge(
        sources=sources,
        facts=facts,
        answers=answers,
        schemes=schemes,
        situations=situations,
        sector_funds=sector_funds,
        funding_answer=_parse_funding_answer(funding, facts),
        salary=_parse_salary(files["salary.yml"], facts),
        motivations=motivations,
        personal_notes=_phrases(files["coaching.yml"], "persoonlijk"),
        remember_phrases=_phrases(files["coaching.yml"], "onthouden"),
        intake_texts=_phrases(files["coaching.yml"], "intake"),
        intake_parttime_button=_parse_buttons(
            {"knoppen": [intake_buttons.get("parttime") or {}]}, "coaching.yml intake_knoppen"
        )[0],
        intake_buttons=_parse_buttons(
            {"knoppen": intake_buttons.get("altijd")}, "coaching.yml intake_knoppen"
        ),
    )


# Loaded once when the action server imports the actions package: a broken
# knowledge file stops the server with a clear KnowledgeError.
KNOWLEDGE = load_knowledge()
