"""What technical work pays, per occupation where a public source has a figure,
and how that compares with what the user earns now (action_salary)."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import (
    Message, euro, offer_from_last_turn, send_all, slot_text, source_line, with_facts,
)
from actions.form_answers import entity_value, intent_of, text_of
from actions.knowledge import KNOWLEDGE, Fact, Salary
from actions.money import Amount, parse_amount

# Set after the bot asked for the user's pay, so a plain "2800" is understood.
ASKED_FOR_PAY = "eigen_salaris"


def reference_fact(salary: Salary, occupation: Optional[str]) -> Fact:
    """The figure to compare with: the occupation's own, else the technici average."""
    if occupation and occupation in salary.beroepen:
        return salary.beroepen[occupation]
    return salary.algemeen[0]


def fact_amount(fact: Fact) -> float:
    euros = [v for v in fact.waarden if v.startswith("€")]
    return float(re.sub(r"[^\d,]", "", euros[0]).replace(",", "."))


def comparison_message(salary: Salary, amount: Amount, occupation: Optional[str]) -> Message:
    texts = salary.teksten
    if amount.net:
        return Message(texts["netto"])
    fact = reference_fact(salary, occupation)
    reference = fact_amount(fact)
    if occupation and occupation in salary.beroepen:
        label = texts["referentie_beroep"].format(beroep=occupation)
    else:
        label = texts["referentie_algemeen"]
    label = f"{label} ({euro(reference)})"
    if amount.monthly < reference * (1 - salary.marge):
        key = "lager"
    elif amount.monthly > reference * (1 + salary.marge):
        key = "hoger"
    else:
        key = "gelijk"
    parts = []
    if amount.yearly:
        parts.append(texts["jaarbedrag"].format(eigen=euro(amount.monthly)))
    parts.append(texts[key].format(eigen=euro(amount.monthly), referentie=label))
    return Message(" ".join(parts) + "\n" + source_line([fact]))


def own_amount(tracker: Tracker, asked_for_pay: bool) -> Optional[Amount]:
    """The user's pay from this message, or from what they said before."""
    text = text_of(tracker)
    said_now = entity_value(tracker, "bedrag")
    if said_now:
        return parse_amount(text) or parse_amount(said_now)
    if asked_for_pay:
        found = parse_amount(text)
        if found:
            return found
    stored = slot_text(tracker.get_slot("huidig_salaris"))
    return parse_amount(stored) if stored else None


def salary_messages(tracker: Tracker, amount: Optional[Amount], asked_for_pay: bool) -> List[Message]:
    """The pay overview with its caveat, or only the comparison when the user
    answers the bot's question about their pay."""
    salary = KNOWLEDGE.salary
    occupation = slot_text(tracker.get_slot("beroep"))
    if asked_for_pay:
        if amount is None:
            return [Message(salary.teksten["onduidelijk"])]
        return [comparison_message(salary, amount, occupation)]
    if occupation and occupation in salary.beroepen:
        overview = with_facts("", [salary.beroepen[occupation], *salary.algemeen])
    elif occupation:
        overview = with_facts(salary.geen_beroepscijfer.format(beroep=occupation), salary.algemeen)
    else:
        overview = with_facts("", salary.algemeen)
    caveat = salary.kanttekening
    messages = [Message(overview), Message(with_facts(caveat.tekst, caveat.feiten))]
    if amount is not None:
        messages.append(comparison_message(salary, amount, occupation))
    else:
        messages.append(Message(salary.vraag_eigen_salaris))
    return messages


class ActionSalary(Action):
    """Answers ask_salary, and the user's own pay after the bot asked for it."""

    def name(self) -> Text:
        return "action_salary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        asked = offer_from_last_turn(tracker) == ASKED_FOR_PAY and intent_of(tracker) != "ask_salary"
        return run_salary(dispatcher, tracker, asked)


def run_salary(dispatcher: CollectingDispatcher, tracker: Tracker, asked: bool) -> List[EventType]:
    amount = own_amount(tracker, asked)
    send_all(dispatcher, salary_messages(tracker, amount, asked_for_pay=asked))
    events: List[EventType] = [SlotSet("voorstel", None if amount else ASKED_FOR_PAY)]
    if amount is not None and not amount.net:
        events.append(SlotSet("huidig_salaris", euro(amount.monthly)))
    return events
