"""The technical occupations the bot knows (data/knowledge/occupations.yml).

Loads and checks the file at start-up, like actions/knowledge.py, and finds an
occupation from an entity value, a slot or a typed word: a known occupation, a
vague word that needs a follow-up question ("monteur"), or something unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

from actions.knowledge import KNOWLEDGE, Fact, Knowledge, Source
from actions.knowledge_fields import (
    KnowledgeError,
    choice,
    figures_listed,
    ids,
    mapping,
    read_yaml,
    text,
    wording,
    wordings,
)

OCCUPATIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "knowledge" / "occupations.yml"
FIELDS = ("bouw", "industrie", "energie")  # CBS sector the work mostly falls in
REQUIREMENTS = ("wet", "werkgever", "netbeheerder")
TEXTS = (
    "titel", "kwalificatie", "certificaten", "geen_certificaten", "algemeen", "welk_beroep",
    "beschrijving", "voorstel_persoonlijk", "voorstel_algemeen", "meer_vertellen",
    "traject_titel", "stap_routine", "stap_deels", "stap_specialist", "voorbeeld", "vraag",
    "reden_regio_industrie", "reden_regio_bouw", "reden_uren", "reden_gezocht", "na_inform",
    "mens_recruiter", "mens_recruiter_werkgever", "mens_loket",
)


@dataclass(frozen=True)
class Qualification:
    naam: str
    niveau: int
    duur: str
    naam_bevestigd: bool


@dataclass(frozen=True)
class Certificate:
    id: str
    naam: str
    uitleg: str
    verplicht: str
    source: Source


@dataclass(frozen=True)
class Occupation:
    key: str
    naam: str
    meervoud: str
    synoniemen: Tuple[str, ...]
    omschrijving: str
    past_bij: Tuple[str, ...]
    veld: str
    routine: Tuple[str, ...]
    deels: Tuple[str, ...]
    specialist: Tuple[str, ...]
    kwalificaties: Tuple[Qualification, ...]
    kort: Optional[str]
    certificaten: Tuple[Certificate, ...]
    vraag: Tuple[Fact, ...]
    bronnen: Tuple[Source, ...]


@dataclass(frozen=True)
class VagueWord:
    key: str
    meervoud: str
    synoniemen: Tuple[str, ...]
    keuzes: Tuple[Occupation, ...]


@dataclass(frozen=True)
class Transfer:
    """Skills from a current sector that carry over to some occupations."""

    sector: str
    beroepen: Tuple[Occupation, ...]
    reden: str


@dataclass(frozen=True)
class OccupationMatch:
    kind: str  # "known", "vague", "unknown" or "none"
    occupation: Optional[Occupation] = None
    vague: Optional[VagueWord] = None
    text: str = ""


def normalise(value: str) -> str:
    return re.sub(r"\s+", " ", value.strip().lower())


class Occupations:
    def __init__(
        self,
        occupations: Dict[str, Occupation],
        vague: Dict[str, VagueWord],
        transfers: Dict[str, Transfer],
        certificates: Dict[str, Certificate],
        featured: Tuple[Occupation, ...] = (),
        texts: Optional[Dict[str, str]] = None,
    ) -> None:
        self.by_key = occupations
        self.featured = featured  # offered when the bot does not know what the user means
        self.texts = texts or {}
        self.vague = vague
        self.transfers = transfers
        self.certificates = certificates
        self._index: Dict[str, Any] = {}
        for item in list(occupations.values()) + list(vague.values()):
            for form in (item.key,) + item.synoniemen:
                form = normalise(form)
                if form in self._index and self._index[form] is not item:
                    raise KnowledgeError(
                        f"occupations.yml: '{form}' belongs to both '{self._index[form].key}' "
                        f"and '{item.key}'"
                    )
                self._index[form] = item

    def find(self, value: Optional[str]) -> OccupationMatch:
        """A canonical value, a synonym or free text -> what the bot knows about it."""
        if value is None or not str(value).strip():
            return OccupationMatch("none")
        raw = str(value).strip()
        item = self._index.get(normalise(raw))
        if isinstance(item, Occupation):
            return OccupationMatch("known", occupation=item, text=raw)
        if isinstance(item, VagueWord):
            return OccupationMatch("vague", vague=item, text=raw)
        return OccupationMatch("unknown", text=raw)

    def all(self) -> Tuple[Occupation, ...]:
        return tuple(self.by_key.values())


# --- loading ------------------------------------------------------------------------------

def _words(item: Dict[str, Any], key: str, where: str) -> Tuple[str, ...]:
    values = item.get(key) or []
    if not isinstance(values, list):
        raise KnowledgeError(f"{where}: '{key}' must be a list")
    return tuple(wording({"x": v}, "x", f"{where} {key}") for v in values)


def _certificate(key: str, item: Dict[str, Any], sources: Dict[str, Source]) -> Certificate:
    where = f"certificate '{key}'"
    uitleg = text(item, "uitleg", where)
    figures_listed(uitleg, tuple(str(v) for v in item.get("waarden") or []), where)
    return Certificate(
        id=key,
        naam=text(item, "naam", where),
        uitleg=uitleg,
        verplicht=choice(item, "verplicht", REQUIREMENTS, where),
        source=ids({"bron": [item.get("bron")]}, "bron", sources, where)[0],
    )


def _qualification(item: Dict[str, Any], where: str) -> Qualification:
    level = item.get("niveau")
    if level not in (1, 2, 3, 4):
        raise KnowledgeError(f"{where}: 'niveau' must be an mbo level 1-4, got {level!r}")
    confirmed = item.get("naam_bevestigd")
    if not isinstance(confirmed, bool):
        raise KnowledgeError(f"{where}: 'naam_bevestigd' must be true or false")
    return Qualification(text(item, "naam", where), level, text(item, "duur", where), confirmed)


def _occupation(
    key: str, item: Dict[str, Any], knowledge: Knowledge, certificates: Dict[str, Certificate]
) -> Occupation:
    where = f"occupation '{key}'"
    tasks = mapping(item, "taken", where)
    training = mapping(item, "opleiding", where)
    motivations = _words(item, "past_bij", where)
    unknown = [m for m in motivations if m not in knowledge.motivations]
    if unknown:
        raise KnowledgeError(f"{where}: 'past_bij' names unknown motivation(s) {', '.join(unknown)}")
    short = training.get("kort")
    occupation = Occupation(
        key=key,
        naam=text(item, "naam", where),
        meervoud=text(item, "meervoud", where),
        synoniemen=tuple(normalise(str(s)) for s in item.get("synoniemen") or []),
        omschrijving=wording(item, "omschrijving", where),
        past_bij=motivations,
        veld=choice(item, "veld", FIELDS, where),
        routine=_words(tasks, "routine", where),
        deels=_words(tasks, "deels", where),
        specialist=_words(tasks, "specialist", where),
        kwalificaties=tuple(
            _qualification(q, f"{where} kwalificatie") for q in training.get("kwalificaties") or []
        ),
        kort=None if short is None else wording(training, "kort", where),
        certificaten=ids(training, "certificaten", certificates, where),
        vraag=ids(item, "vraag", knowledge.facts, where),
        bronnen=ids(item, "bronnen", knowledge.sources, where),
    )
    if not (occupation.routine and occupation.specialist):
        raise KnowledgeError(f"{where}: 'taken' needs routine and specialist tasks")
    if not occupation.vraag:
        raise KnowledgeError(f"{where}: 'vraag' needs at least one fact about demand")
    if not occupation.kwalificaties and not occupation.kort:
        raise KnowledgeError(f"{where}: give a qualification or a short route ('kort')")
    return occupation


def load_occupations(path: Path = OCCUPATIONS_FILE, knowledge: Knowledge = KNOWLEDGE) -> Occupations:
    data = read_yaml(path)
    certificates = {
        key: _certificate(key, item, knowledge.sources)
        for key, item in mapping(data, "certificaten", path.name).items()
    }
    occupations = {
        key: _occupation(key, item, knowledge, certificates)
        for key, item in mapping(data, "beroepen", path.name).items()
    }
    vague = {
        key: VagueWord(
            key,
            text(item, "meervoud", f"vague word '{key}'"),
            tuple(normalise(str(s)) for s in item.get("synoniemen") or []),
            ids(item, "keuzes", occupations, f"vague word '{key}'"),
        )
        for key, item in mapping(data, "algemeen", path.name).items()
    }
    transfers = {
        sector: Transfer(
            sector,
            ids(item, "beroepen", occupations, f"overstap '{sector}'"),
            wording(item, "reden", f"overstap '{sector}'"),
        )
        for sector, item in mapping(data, "overstap", path.name).items()
    }
    return Occupations(
        occupations,
        vague,
        transfers,
        certificates,
        featured=ids(data, "uitgelicht", occupations, path.name),
        texts=wordings(data, "teksten", path.name, TEXTS),
    )


OCCUPATIONS = load_occupations()
