"""Turns knowledge items into chat messages: facts with their source, answers, schemes.

The wording lives in data/knowledge/; this module only puts the parts in order:
first the acknowledgement and the evidence with its source, then the honest
caveat, then the open question with buttons (at most three messages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, List, Optional, Sequence

from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import Answer, Button, Fact, Scheme

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli",
          "augustus", "september", "oktober", "november", "december")
STATUS_WORDS = {
    "actief": "loopt nu",
    "onbekend": "niet zeker of dit nog loopt",
    "beeindigd": "gestopt",
}


@dataclass
class Message:
    text: str
    buttons: List[Button] = field(default_factory=list)

    def send(self, dispatcher: CollectingDispatcher) -> None:
        dispatcher.utter_message(
            text=self.text,
            buttons=[{"title": b.title, "payload": b.payload} for b in self.buttons],
        )


def dutch_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def euro(amount: float) -> str:
    """2800 -> '€ 2.800' (whole euros, Dutch thousands separator)."""
    return "€ " + f"{round(amount):,}".replace(",", ".")


def source_line(facts: Iterable[Fact], first: Optional[str] = None) -> str:
    """'Bron: X.' or 'Bronnen: X; Y.' for facts; `first` names a source that is not a fact."""
    names: List[str] = [first] if first else []
    for fact in facts:
        if fact.source.bron_kort not in names:
            names.append(fact.source.bron_kort)
    if not names:
        return ""
    return ("Bron: " if len(names) == 1 else "Bronnen: ") + "; ".join(names) + "."


def with_facts(opening: str, facts: Sequence[Fact]) -> str:
    """An opening sentence followed by facts and the line naming their sources."""
    parts = [opening] if opening else []
    parts += [fact.tekst for fact in facts]
    text = " ".join(parts)
    line = source_line(facts)
    return f"{text}\n{line}" if line else text


def answer_messages(answer: Answer, question: Optional[str] = None) -> List[Message]:
    """Acknowledge + evidence, then the caveat, then the question with buttons.

    `question` replaces the answer's own question, e.g. when the bot already
    knows what it would ask.
    """
    question = answer.vraag if question is None else question
    messages: List[Message] = []
    if answer.bewijs:
        messages.append(Message(with_facts(answer.erkenning, answer.bewijs)))
        opening = ""
    else:
        opening = answer.erkenning
    if answer.kanttekening:
        caveat = answer.kanttekening
        messages.append(Message(with_facts(caveat.tekst, caveat.feiten)))
    closing = " ".join(part for part in (opening, question) if part)
    messages.append(Message(closing, list(answer.knoppen)))
    return messages


def scheme_line(scheme: Scheme) -> str:
    """One scheme as a short block: name and status, what it is, condition, source."""
    condition = scheme.voorwaarden[0].lower() + scheme.voorwaarden[1:]
    return (
        f"• {scheme.naam}: {STATUS_WORDS[scheme.status]}.\n"
        f"{scheme.kort}\n"
        f"Voorwaarde: {condition}\n"
        f"Bron: {scheme.bron} (gecontroleerd op {dutch_date(scheme.laatst_gecontroleerd)})."
    )


def send_all(dispatcher: CollectingDispatcher, messages: Iterable[Message]) -> None:
    for message in messages:
        message.send(dispatcher)


def slot_text(value: Any) -> Optional[str]:
    """A slot value as text, or None when it is empty or was skipped."""
    if value is None or value == "overgeslagen":
        return None
    text = str(value).strip()
    return text or None


def offer_from_last_turn(tracker: Any) -> Optional[str]:
    """What the bot offered in its previous turn (slot `voorstel`), if anything.

    An offer counts only for the very next user message, so a "ja" never
    answers an older question.
    """
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    if not users:
        return None
    end = users[-1]
    start = users[-2] if len(users) > 1 else -1
    for event in reversed(events[start + 1:end]):
        if event.get("event") == "slot" and event.get("name") == "voorstel":
            return event.get("value")
    return None


def offer_events(answer: Answer) -> List[Any]:
    """The SlotSet that remembers what a plain "ja" to this answer's question means."""
    from rasa_sdk.events import SlotSet

    return [SlotSet("voorstel", ",".join(answer.ja) if answer.ja else None)]
