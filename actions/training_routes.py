"""Which training leads to an occupation (action_training_routes): the BBL route
with level and duration, short routes, the certificates the work asks for, who
pays, and the regional Leerwerkloket."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import Message, send_all, source_line, with_facts
from actions.knowledge import KNOWLEDGE
from actions.lookup_answers import choice_messages, loket_line, next_steps, occupation_buttons
from actions.mentions import occupation_of, place_of
from actions.occupations import OCCUPATIONS, Occupation

ROUTE_TEXTS = OCCUPATIONS.texts

GENERAL_FACTS = ("bbl_uitleg", "bbl_uren", "kort_is_genoeg")
PAY_FACTS = ("bbl_cursusgeld",)
CODE_FACT = "crebo_uitleg"
NOT_ABOUT_ROUTES = {
    "techbarometer_2024", "overstapcoach_indeling", "indeed_2023", "nationale_vacaturebank_2025",
    "cao_metaal_techniek_2022",
}


def route_lines(occupation: Occupation) -> List[str]:
    texts = ROUTE_TEXTS
    lines = [
        texts["kwalificatie"].format(naam=q.naam, niveau=q.niveau, duur=q.duur)
        for q in occupation.kwalificaties
    ]
    if occupation.kort:
        lines.append(f"• {occupation.kort}")
    return lines


def route_sources(occupation: Occupation) -> List[str]:
    """The occupation's sources about training; demand, pay and certificates are named elsewhere."""
    elsewhere = NOT_ABOUT_ROUTES | {c.source.key for c in occupation.certificaten}
    return list(dict.fromkeys(s.bron_kort for s in occupation.bronnen if s.key not in elsewhere))


def routes_message(occupation: Occupation) -> Message:
    texts = ROUTE_TEXTS
    lines = [texts["titel"].format(naam=occupation.naam)] + route_lines(occupation)
    facts = [KNOWLEDGE.facts["bbl_uitleg"]] if occupation.kwalificaties else []
    if occupation.kwalificaties:
        facts.append(KNOWLEDGE.facts[CODE_FACT])
    body = "\n".join(lines)
    if facts:
        body += "\n" + " ".join(f.tekst for f in facts)
    line = source_line(facts, first="; ".join(route_sources(occupation)) or None)
    return Message(f"{body}\n{line}")


def certificates_message(occupation: Occupation) -> Message:
    texts = ROUTE_TEXTS
    pay = [KNOWLEDGE.facts[f] for f in PAY_FACTS]
    if occupation.certificaten:
        lines = [texts["certificaten"]] + [
            f"• {c.naam}: {c.uitleg}" for c in occupation.certificaten
        ]
        names = list(dict.fromkeys(c.source.bron_kort for c in occupation.certificaten))
    else:
        lines, names = [texts["geen_certificaten"]], []
    lines.append(" ".join(f.tekst for f in pay))
    return Message("\n".join(lines) + "\n" + source_line(pay, first="; ".join(names) or None))


def route_messages(tracker: Tracker) -> List[Message]:
    job = occupation_of(tracker)
    place = place_of(tracker).place
    if job.kind in ("vague", "unknown"):
        return choice_messages(job, "ask_training_routes")
    if job.kind == "none":
        general = [KNOWLEDGE.facts[f] for f in GENERAL_FACTS]
        return [
            Message(with_facts(ROUTE_TEXTS["algemeen"], general)),
            Message(loket_line(place)),
            Message(
                ROUTE_TEXTS["welk_beroep"],
                occupation_buttons("ask_training_routes", [o.key for o in OCCUPATIONS.featured]),
            ),
        ]
    occupation = job.occupation
    closing = Message(loket_line(place), next_steps(occupation, "ask_training_routes"))
    return [routes_message(occupation), certificates_message(occupation), closing]


class ActionTrainingRoutes(Action):
    def name(self) -> Text:
        return "action_training_routes"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        send_all(dispatcher, route_messages(tracker))
        return [SlotSet("voorstel", None)]
