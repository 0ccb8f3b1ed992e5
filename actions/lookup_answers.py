"""Parts the lookup answers share: asking which occupation a vague word means,
saying honestly that an occupation or place is unknown, and the regional
Leerwerkloket line."""

from __future__ import annotations

from typing import List, Optional

from actions.answers import Message, source_line
from actions.knowledge import KNOWLEDGE, Button
from actions.mentions import payload
from actions.occupations import OCCUPATIONS, Occupation, OccupationMatch
from actions.regions import Place, PlaceMatch
from actions.vacancy_figures import VACANCY_FIGURES

LOKET_FACT = "leerwerkloket_gratis"


def occupation_buttons(intent: str, keys: List[str]) -> List[Button]:
    return [
        Button(OCCUPATIONS.by_key[key].naam.capitalize(), payload(intent, beroep=key)) for key in keys
    ]


def next_steps(occupation: Occupation, current: str) -> List[Button]:
    """The occupation's other lookups (not the one just answered), then who pays."""
    steps = (
        ("ask_vacancies", f"Vacatures voor {occupation.meervoud}"),
        ("ask_training_routes", f"Opleiding tot {occupation.naam}"),
        ("ask_functional_deployability", "Hoe snel kan ik beginnen?"),
    )
    buttons = [
        Button(title, payload(intent, beroep=occupation.key)) for intent, title in steps if intent != current
    ]
    return buttons + [Button("Wie betaalt de opleiding?", "/ask_funding")]


def choice_messages(job: OccupationMatch, intent: str, lead: str = "") -> List[Message]:
    """A vague word gets a choice between its occupations; an unknown one says so
    and offers the occupations the bot knows best."""
    texts = VACANCY_FIGURES.texts
    if job.kind == "vague" and job.vague:
        question = texts["vaag_beroep"].format(naam=job.vague.meervoud)
        keys = [o.key for o in job.vague.keuzes]
    else:
        question = texts["onbekend_beroep"].format(tekst=job.text)
        keys = [o.key for o in OCCUPATIONS.featured]
    buttons = occupation_buttons(intent, keys)
    if job.kind == "unknown":
        buttons.append(Button("Welke beroepen passen bij mij?", "/ask_occupations"))
    return [Message(f"{lead} {question}".strip(), buttons)]


def unknown_place_line(where: PlaceMatch) -> str:
    if where.kind != "unknown":
        return ""
    return VACANCY_FIGURES.texts["onbekende_plaats"].format(tekst=where.text)


def loket_line(place: Optional[Place]) -> str:
    """Where to get free advice: the regional Leerwerkloket, with the facts behind it."""
    texts = VACANCY_FIGURES.texts
    region = place.region if place else None
    facts = [KNOWLEDGE.facts[LOKET_FACT]]
    first = None
    if place is None:
        opening = texts["loket_landelijk"]
    elif region and region.loket:
        opening = texts["loket_bekend"].format(loket=region.loket)
        first = region.loket_bron.bron_kort if region.loket_bron else None
    else:
        opening = texts["loket_regio"].format(plaats=place.naam)
    if region and region.werkcentrum:
        facts.append(region.werkcentrum)
    body = " ".join([opening] + [fact.tekst for fact in facts])
    return f"{body}\n{source_line(facts, first=first)}"
