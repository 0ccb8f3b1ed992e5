"""Vacancy levels for an occupation and/or a place (action_vacancies).

Answers from the snapshot in data/knowledge/vacancies.yml. With CBS_LIVE=1 the
national figure comes from CBS StatLine; when CBS does not answer in time the
bot says so and names the period of the snapshot figure it gives instead.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import Message, send_all, source_line, with_facts
from actions.knowledge import Button, Fact
from actions.lookup_answers import choice_messages, next_steps, unknown_place_line
from actions.mentions import occupation_of, place_of
from actions.occupations import Occupation
from actions.regions import Place
from actions.services.cbs import CbsClient, CbsUnavailable, OpenVacancies, live_enabled
from actions.vacancy_figures import VACANCY_FIGURES, ProvinceFigure

LOGGER = logging.getLogger(__name__)
NATIONAL_SNAPSHOT = "vacatures_nl_2026"  # the figure a live CBS answer replaces
CBS = CbsClient()
LIVE_SOURCE = "CBS StatLine, tabel 80472ned (nu opgehaald)"


def cbs_period(key: str) -> str:
    """'2026KW02' -> '2e kwartaal 2026'; other keys are returned as they are."""
    if len(key) == 8 and key[4:6] == "KW" and key[:4].isdigit() and key[6:].isdigit():
        return f"{int(key[6:])}e kwartaal {key[:4]}"
    return key


def thousands(value: float) -> str:
    """387.3 (x 1,000) -> '387.300'."""
    return f"{round(value * 1000):,}".replace(",", ".")


async def national_text(live: bool, client: CbsClient = CBS) -> str:
    """The national figures with their sources, the newest from CBS when live and reachable."""
    texts = VACANCY_FIGURES.texts
    facts = list(VACANCY_FIGURES.national)
    if not live:
        return with_facts("", facts)
    snapshot = next((f for f in facts if f.id == NATIONAL_SNAPSHOT), facts[0])
    try:
        figure: OpenVacancies = await client.open_vacancies()
    except CbsUnavailable as error:
        LOGGER.info("CBS live figure unavailable, using the snapshot: %s", error)
        return with_facts(texts["terugval"].format(periode=snapshot.periode), facts)
    others = [f for f in facts if f.id != NATIONAL_SNAPSHOT]
    live_text = texts["live"].format(
        aantal=thousands(figure.thousands), periode=cbs_period(figure.period)
    )
    body = " ".join([live_text] + [f.tekst for f in others])
    return f"{body}\n{source_line(others, first=LIVE_SOURCE)}"


def occupation_message(occupation: Occupation) -> Message:
    texts = VACANCY_FIGURES.texts
    opening = texts["beroep"].format(naam=occupation.naam)
    return Message(with_facts(opening, occupation.vraag[:2]))


def place_facts(place: Place) -> tuple:
    figure: Optional[ProvinceFigure] = VACANCY_FIGURES.province(place.provincie)
    extra = VACANCY_FIGURES.regions.get(place.naam, ())
    return figure, extra


def meaning(occupation: Optional[Occupation], place: Optional[Place], figure: Optional[ProvinceFigure]) -> str:
    texts = VACANCY_FIGURES.texts
    if occupation:
        return texts["beroep_betekenis"].format(meervoud=occupation.meervoud)
    busiest = figure.busiest_field() if figure else None
    if place and busiest:
        return texts[f"regio_betekenis_{busiest}"].format(plaats=place.naam)
    return texts["algemeen_betekenis"]


GENERAL_STEPS = [
    Button("Welke beroepen passen bij mij?", "/ask_occupations"),
    Button("Hoe snel kan ik beginnen?", "/ask_functional_deployability"),
    Button("Wie betaalt de opleiding?", "/ask_funding"),
]


async def vacancy_messages(tracker: Tracker, live: bool = False, client: CbsClient = CBS) -> List[Message]:
    texts = VACANCY_FIGURES.texts
    job = occupation_of(tracker)
    where = place_of(tracker)
    if job.kind in ("vague", "unknown"):
        return choice_messages(job, "ask_vacancies", unknown_place_line(where))
    occupation = job.occupation
    place = where.place
    messages: List[Message] = []
    if occupation:
        messages.append(occupation_message(occupation))
    figure = None
    if place:
        figure, extra = place_facts(place)
        if figure and (place.is_province or place.naam == place.provincie):
            opening = texts["provincie"].format(provincie=place.naam)
        elif figure:
            opening = texts["regio_provincie"].format(regio=place.naam, provincie=place.provincie)
        else:
            opening = ""
        facts: List[Fact] = ([figure.fact] if figure else []) + list(extra)
        if facts:
            messages.append(Message(with_facts(opening, facts)))
        else:
            geen = texts["regio_geen_cijfer"].format(plaats=place.naam)
            messages.append(Message(f"{geen} {await national_text(live, client)}"))
    else:
        lead = unknown_place_line(where)
        if lead:
            messages.append(Message(lead))
        if not occupation:
            messages.append(Message(f"{texts['algemeen']} {await national_text(live, client)}"))
    buttons = next_steps(occupation, "ask_vacancies") if occupation else list(GENERAL_STEPS)
    messages.append(Message(meaning(occupation, place, figure), buttons))
    return messages


class ActionVacancies(Action):
    def name(self) -> Text:
        return "action_vacancies"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        messages = await vacancy_messages(tracker, live=live_enabled())
        send_all(dispatcher, messages)
        return [SlotSet("voorstel", None)]

