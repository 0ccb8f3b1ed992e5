"""Loads the facts the bot states from data/knowledge/ and checks them.

Every fact names its source and the date of its figure; every scheme also has
a status and the date it was last checked. Wording that is not a fact
(openings, questions, caveats) may not contain figures, so every number the
bot says comes from a fact. A missing or malformed field raises KnowledgeError,
so a broken knowledge file stops the action server at start-up (see the bottom
of this module) and fails the tests, instead of reaching users.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from actions.knowledge_fields import (
    KnowledgeError,
    choice,
    date_field,
    figures_listed,
    ids,
    mapping,
    read_yaml,
    text,
    url,
    wording,
    wordings,
)

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "data" / "knowledge"
FILES = (
    "sources.yml", "facts.yml", "vacancies.yml", "beliefs.yml", "coaching.yml", "salary.yml",
    "funding.yml",
)
FACT_FILES = ("facts.yml", "vacancies.yml")  # files with a list of `feiten`
STATUSES = ("actief", "beeindigd", "onbekend")
AUDIENCES = ("individu", "werkgever", "werkzoekende", "iedereen")
# What a "ja" may lead to besides answers and responses (see actions/affirm.py).
FOLLOW_UPS = ("eigen_salaris", "routes", "traject", "traject_beroep", "vacatures")


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
    periode: Optional[str] = None  # the period a figure describes (vacancies.yml)


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
    reden: str  # completes "omdat ..." when occupations are suggested


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
    intake_suggest_button: Button  # "stel beroepen voor": the trajectory after the intake
    intake_buttons: Tuple[Button, ...]  # always offered after the intake


# --- items -----------------------------------------------------------------------

def _parse_source(key: str, item: Dict[str, Any]) -> Source:
    where = f"source '{key}'"
    status = item.get("status")
    return Source(
        key=key,
        bron=text(item, "bron", where),
        bron_kort=text(item, "bron_kort", where),
        bron_url=url(item, "bron_url", where, required=False),
        peildatum=date_field(item, "peildatum", where),
        status=None if status is None else choice(item, "status", STATUSES, where),
        laatst_gecontroleerd=(
            None if status is None else date_field(item, "laatst_gecontroleerd", where)
        ),
    )


def _parse_fact(item: Dict[str, Any], sources: Dict[str, Source]) -> Fact:
    where = f"fact '{item.get('id')}'"
    key = text(item, "bron", where)
    if key not in sources:
        raise KnowledgeError(f"{where}: unknown source '{key}'")
    tekst = text(item, "tekst", where)
    values = tuple(str(v) for v in item.get("waarden") or [])
    for value in values:
        if value not in tekst:
            raise KnowledgeError(f"{where}: value '{value}' does not occur in the fact")
    figures_listed(tekst, values, where)
    periode = item.get("periode")
    return Fact(
        text(item, "id", where), sources[key], tekst, values, text(item, "vindplaats", where),
        None if periode is None else str(periode),
    )


def _parse_caveat(item: Any, facts: Dict[str, Fact], where: str) -> Caveat:
    if not isinstance(item, dict):
        raise KnowledgeError(f"{where}: 'kanttekening' must have 'tekst' and 'feiten'")
    return Caveat(wording(item, "tekst", where), ids(item, "feiten", facts, where))


def _parse_buttons(item: Dict[str, Any], where: str) -> Tuple[Button, ...]:
    buttons = []
    for button in item.get("knoppen") or []:
        title = text(button, "title", where)
        payload = text(button, "payload", where)
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
        erkenning=wording(item, "erkenning", where),
        bewijs=ids(item, "bewijs", facts, where),
        kanttekening=None if caveat is None else _parse_caveat(caveat, facts, where),
        vraag=wording(item, "vraag", where),
        knoppen=_parse_buttons(item, where),
        ja=(yes,) if isinstance(yes, str) else tuple(yes),
    )


def _parse_scheme(item: Dict[str, Any]) -> Scheme:
    where = f"scheme '{item.get('id')}'"
    return Scheme(
        id=text(item, "id", where),
        naam=text(item, "naam", where),
        voor_wie=choice(item, "voor_wie", AUDIENCES, where),
        status=choice(item, "status", STATUSES, where),
        kort=text(item, "kort", where),
        voorwaarden=text(item, "voorwaarden", where),
        bron=text(item, "bron", where),
        bron_url=url(item, "bron_url", where, required=True),
        peildatum=date_field(item, "peildatum", where),
        laatst_gecontroleerd=date_field(item, "laatst_gecontroleerd", where),
    )


def _parse_salary(data: Dict[str, Any], facts: Dict[str, Fact]) -> Salary:
    where = "salary.yml"
    comparison = mapping(data, "vergelijking", where)
    marge = comparison.get("marge")
    if not isinstance(marge, (int, float)) or not 0 <= marge < 1:
        raise KnowledgeError(f"{where}: 'vergelijking.marge' must be a fraction between 0 and 1")
    texts = {k: wording(comparison, k, f"{where} vergelijking") for k in comparison if k != "marge"}
    for needed in ("lager", "gelijk", "hoger", "referentie_beroep", "referentie_algemeen",
                   "jaarbedrag", "netto", "onduidelijk"):
        if needed not in texts:
            raise KnowledgeError(f"{where}: 'vergelijking.{needed}' is missing")
    occupations = mapping(data, "beroepen", where)
    return Salary(
        algemeen=ids(data, "algemeen", facts, where),
        beroepen={
            occupation: ids({"feit": [fact_id]}, "feit", facts, f"{where} beroep '{occupation}'")[0]
            for occupation, fact_id in occupations.items()
        },
        geen_beroepscijfer=wording(data, "geen_beroepscijfer", where),
        kanttekening=_parse_caveat(data.get("kanttekening"), facts, where),
        vraag_eigen_salaris=wording(data, "vraag_eigen_salaris", where),
        marge=float(marge),
        teksten=texts,
    )


def _phrases(data: Dict[str, Any], key: str) -> Dict[str, str]:
    return wordings(data, key, "coaching.yml")


def _parse_funding_answer(data: Dict[str, Any], facts: Dict[str, Fact]) -> FundingAnswer:
    where = "funding.yml antwoord"
    item = mapping(data, "antwoord", "funding.yml")
    return FundingAnswer(
        uitleg_feiten=ids(item, "uitleg_feiten", facts, where),
        twee_vragen=wording(item, "twee_vragen", where),
        inleiding=wording(item, "inleiding", where),
        afsluiting=wording(item, "afsluiting", where),
        afsluiting_feiten=ids(item, "afsluiting_feiten", facts, where),
        knoppen=_parse_buttons(item, where),
    )


def _unique(items: List[Any], what: str) -> Dict[str, Any]:
    found: Dict[str, Any] = {}
    for item in items:
        if item.id in found:
            raise KnowledgeError(f"{what} id '{item.id}' occurs twice")
        found[item.id] = item
    return found


def load_knowledge(directory: Path = KNOWLEDGE_DIR) -> Knowledge:
    """Reads and validates every knowledge file; raises KnowledgeError on a fault."""
    files = {name: read_yaml(directory / name) for name in FILES}
    sources = {
        key: _parse_source(key, item)
        for key, item in mapping(files["sources.yml"], "bronnen", "sources.yml").items()
    }
    facts = _unique(
        [_parse_fact(i, sources) for name in FACT_FILES for i in files[name].get("feiten") or []],
        "fact",
    )
    answers: Dict[str, Answer] = {}
    for name in ("beliefs.yml", "coaching.yml"):
        for key, item in mapping(files[name], "antwoorden", name).items():
            if key in answers:
                raise KnowledgeError(f"answer id '{key}' occurs twice")
            answers[key] = _parse_answer(key, item, facts)
    for answer in answers.values():
        for target in answer.ja:
            if target not in answers and not target.startswith("utter_") and target not in FOLLOW_UPS:
                raise KnowledgeError(f"answer '{answer.id}': 'ja' names unknown target '{target}'")
    funding = files["funding.yml"]
    schemes = _unique([_parse_scheme(i) for i in funding.get("regelingen") or []], "scheme")
    situations = {
        key: Situation(
            key,
            text(item, "label", f"situation '{key}'"),
            ids(item, "regelingen", schemes, f"situation '{key}'"),
        )
        for key, item in mapping(funding, "situaties", "funding.yml").items()
    }
    sector_funds = {
        sector: ids({"regelingen": listed}, "regelingen", schemes, f"sector fund '{sector}'")
        for sector, listed in (funding.get("sectorfondsen") or {}).items()
    }
    motivations = {
        key: Motivation(
            key,
            text(item, "label", f"motivation '{key}'"),
            tuple(str(w).lower() for w in item.get("woorden") or ()),
            _parse_buttons({"knoppen": [item.get("knop") or {}]}, f"motivation '{key}'")[0],
            wording(item, "reden", f"motivation '{key}'"),
        )
        for key, item in mapping(files["coaching.yml"], "motivaties", "coaching.yml").items()
    }
    intake_buttons = mapping(files["coaching.yml"], "intake_knoppen", "coaching.yml")
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
        intake_suggest_button=_parse_buttons(
            {"knoppen": [intake_buttons.get("voorstel") or {}]}, "coaching.yml intake_knoppen"
        )[0],
        intake_buttons=_parse_buttons(
            {"knoppen": intake_buttons.get("altijd")}, "coaching.yml intake_knoppen"
        ),
    )


# Loaded once when the action server imports the actions package: a broken
# knowledge file stops the server with a clear KnowledgeError.
KNOWLEDGE = load_knowledge()
