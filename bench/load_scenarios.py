"""Scripted conversations for the load benchmark.

OURS are side-entrants talking to the Overstapcoach in Dutch, typed the way people type
(short answers, typos, no capitals), mixed with button payloads exactly as the widget sends
them (`/intent` or `/intent{"slot": "value"}`). BASELINE are English turns for the
`rasa init` sample bot (moodbot). Written for this benchmark; none is training data
(tests/bench/test_load_stats.py checks that the longer turns are not in data/nlu/).

A scenario's `metadata` is sent with its first message, as the widget does on a vacancy page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Tuple


@dataclass(frozen=True)
class Scenario:
    name: str
    turns: Tuple[str, ...]
    metadata: Dict[str, str] = field(default_factory=dict)


OURS: Tuple[Scenario, ...] = (
    Scenario("age-and-no-diploma", (
        "hallo",
        "ik werk al twintig jaar in de logistiek en wil eigenlijk iets anders",
        "maar ik ben 52, is dat niet te oud?",
        "en ik heb ook geen diploma in de techniek hoor",
        "ok. hoe snel kan ik dan aan de slag",
        "bedankt",
        '/feedback{"feedback_score": "goed"}',
        "/deny",
    )),
    Scenario("salary-worry", (
        "mijn salaris gaat erop achteruit als ik overstap toch?",
        "2900",
        "wat verdient een loodgieter eigenlijk",
        "en wat verdient een warmtepompmonteur dan",
        "ok thnx",
        "doei",
    )),
    Scenario("intake-by-buttons-and-typing", (
        "hoi",
        "/explore_switch",
        "ja",
        "ik werk in de horeca, als kok",
        '/inform{"motivatie": "handen"}',
        "amersfoort",
        '/inform{"uren": "32"}',
        "ja graag",
        "hoe word ik installatiemonteur",
    )),
    Scenario("vacancies-route-and-funding", (
        "zijn er vacatures voor elektriciens in twente",
        "en rond eindhoven?",
        "wat moet ik leren om elektromonteur te worden",
        "en wie betaalt die opleiding",
        '/inform{"werk_nu": "ja"}',
        "in de bouw",
        "top dank je",
    )),
    Scenario("unemployed-funding-part-time", (
        "goedemorgen",
        "/ask_funding",
        "nee heb nu geen werk",
        '/inform{"uitkering": "ww"}',
        "kan je ook leren en tegelijk werken?",
        "kan dat ook parttime want ik heb kleine kinderen",
        "ok",
    )),
    Scenario("woman-two-left-hands", (
        "ben jij een echt persoon?",
        "/ask_capabilities",
        "is techniek eigenlijk wel wat voor vrouwen",
        "ik heb twee linkerhanden eerlijk gezegd",
        "ik zoek vooral werk waar ik iets goeds mee doe, energietransitie ofzo",
        "welke beroepen passen bij mij",
        "nee",
        "nee",
    )),
    Scenario("vacancy-page-visitor", (
        "hallo",
        "/ask_vacancy_details",
        "wat verdien je als leerling monteur",
        "hoe lang duurt die opleiding",
        "ik ben 45 en heb nog nooit in de techniek gewerkt",
        "kan ik daar ook 4 dagen werken",  # usually not understood: the fallback path
        "bedankt!",
    ), metadata={
        "vacature_id": "V-BENCH-7",
        "titel": "Leerling-servicemonteur warmtepompen",
        "werkgever": "Klimaatbedrijf Oost",
        "beroep": "warmtepompmonteur",
        "regio": "Twente",
    }),
    Scenario("doubter-with-typos", (
        "hoi",
        "ik twijfel of tecniek iets voor mij is",
        "nee",
        "volgens mij kom ik nooit op dat niveau",
        "ik heb echt geen zin om weer jaren in de schoolbanken te zitten",
        "en is er wel werk, straks zit ik thuis",
        "vacatures loodgieter utrecht",
        "wat gebeurt er met wat ik hier typ",
        "doei",
    )),
)

BASELINE: Tuple[Scenario, ...] = (
    Scenario("happy", ("hi", "great", "bye")),
    Scenario("sad-helped", ("hello there", "i am sad", "yes", "bye")),
    Scenario("sad-not-helped", ("hey", "not good", "no", "goodbye")),
    Scenario("bot-challenge-first", ("are you a bot?", "hi", "amazing", "cu")),
    Scenario("typos", ("helo", "im sad", "no", "bye bye")),
    Scenario("human-check-midway", ("good morning", "am I talking to a human?", "super sad", "yes",
                                    "see you later")),
)

SETS: Dict[str, Tuple[Scenario, ...]] = {"ours": OURS, "baseline": BASELINE}


def is_payload(turn: str) -> bool:
    """A button payload as the widget sends it, e.g. /inform{"uren": "32"}."""
    return turn.startswith("/")
