"""Functional-deployability trajectories (action_trajectory).

For "hoe snel kan ik beginnen?" (ask_functional_deployability), "welke beroepen
passen bij mij?" or "wat doet een X?" (ask_occupations), and after the intake:
which tasks you can do after a short training, what stays specialist work, and
how you grow from there to independent work, for one occupation or for the
1-3 that fit the user best (with the reasons why).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import Message, send_all, source_line
from actions.form_answers import intent_of
from actions.knowledge import KNOWLEDGE, Button
from actions.lookup_answers import choice_messages, next_steps
from actions.mentions import occupation_of, payload
from actions.occupations import OCCUPATIONS, Occupation
from actions.suggestions import Suggestion, because, rank_for

TEXTS = OCCUPATIONS.texts
CONCEPT_FACTS = ("airco_voorbeeld",)  # what functional deployability is
GROWTH_FACTS = ("coach_on_the_job", "competentie_stappen", "functioneel_naar_zelfstandig")
TASK_SOURCE = "overstapcoach_indeling"


def task_list(tasks) -> str:
    """Tasks often contain "en" themselves, so they are separated with semicolons."""
    return "; ".join(tasks)


def steps_text(occupation: Occupation) -> str:
    """The occupation's tasks from routine to specialist, as three steps."""
    lines = [TEXTS["traject_titel"].format(naam=occupation.naam)]
    for key, tasks in (
        ("stap_routine", occupation.routine),
        ("stap_deels", occupation.deels),
        ("stap_specialist", occupation.specialist),
    ):
        if tasks:
            lines.append("• " + TEXTS[key].format(taken=task_list(tasks)))
    lines.append(TEXTS["voorbeeld"])
    return "\n".join(lines)


def growth_message(buttons: List[Button]) -> Message:
    facts = [KNOWLEDGE.facts[f] for f in CONCEPT_FACTS + GROWTH_FACTS]
    task_source = KNOWLEDGE.sources[TASK_SOURCE].bron_kort
    body = " ".join(f.tekst for f in facts)
    return Message(f"{body}\n{source_line(facts, first=task_source)}\n{TEXTS['vraag']}", buttons)


def occupation_buttons(occupation: Occupation, others: List[Occupation]) -> List[Button]:
    """Next steps for this occupation, then a trajectory for the other suggestions."""
    return next_steps(occupation, "ask_functional_deployability") + [
        Button(f"Meer over {o.naam}", payload("ask_functional_deployability", beroep=o.key))
        for o in others
    ]


def one_occupation(occupation: Occupation) -> List[Message]:
    intro = TEXTS["beschrijving"].format(naam=occupation.naam.capitalize(), omschrijving=occupation.omschrijving)
    return [
        Message(f"{intro}\n{steps_text(occupation)}"),
        growth_message(occupation_buttons(occupation, [])),
    ]


def suggestion_messages(tracker: Tracker, suggestions: List[Suggestion], personal: bool) -> List[Message]:
    heading = TEXTS["voorstel_persoonlijk" if personal else "voorstel_algemeen"]
    lines = [heading] + [
        f"• {s.occupation.naam.capitalize()}, {because(s)}." for s in suggestions
    ]
    if not personal:
        lines.append(TEXTS["meer_vertellen"])
    first: Suggestion = suggestions[0]
    others = [s.occupation for s in suggestions[1:]]
    buttons = occupation_buttons(first.occupation, others)
    if not personal and not tracker.get_slot("intake_gedaan"):
        buttons.append(Button("Stel me een paar vragen", "/explore_switch"))
    return [
        Message("\n".join(lines)),
        Message(steps_text(first.occupation)),
        growth_message(buttons),
    ]


def trajectory_messages(
    tracker: Tracker, use_slot: Optional[bool] = None
) -> Tuple[List[Message], List[str]]:
    """"Hoe snel kan ik beginnen?" may mean the occupation talked about before;
    "welke beroepen passen bij mij?" (and a "ja" after the intake) asks for suggestions.
    `use_slot` overrides that choice (a "ja" to "wil je weten hoe je als X begint?").
    Returns the messages and the keys of the occupations they show."""
    intent = intent_of(tracker)
    if use_slot is None:
        use_slot = intent == "ask_functional_deployability"
    job = occupation_of(tracker, use_slot=use_slot)
    if job.kind in ("vague", "unknown"):
        target = intent if intent in ("ask_occupations", "ask_functional_deployability") else "ask_functional_deployability"
        return choice_messages(job, target), []
    if job.kind == "known" and job.occupation:
        return one_occupation(job.occupation), [job.occupation.key]
    suggestions, personal = rank_for(tracker)
    return suggestion_messages(tracker, suggestions, personal), [s.occupation.key for s in suggestions]


def shown_events(shown: List[str]) -> List[EventType]:
    """Remembers which occupations were shown (slot voorgestelde_beroepen, for the
    review app's charts); a choice between occupations shows none."""
    return [SlotSet("voorgestelde_beroepen", shown)] if shown else []


class ActionTrajectory(Action):
    def name(self) -> Text:
        return "action_trajectory"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        messages, shown = trajectory_messages(tracker)
        send_all(dispatcher, messages)
        return [SlotSet("voorstel", None)] + shown_events(shown)
