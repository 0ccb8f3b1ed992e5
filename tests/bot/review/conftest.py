"""A tracker store written by Rasa's own SQLTrackerStore, so the review app
reads exactly the rows Rasa writes; plus a logged-in staff client."""

import asyncio
import time
from typing import Any, Dict, List, Optional

import pytest

DAY = 24 * 3600


class Writer:
    """Writes conversations through rasa.core.tracker_store.SQLTrackerStore."""

    def __init__(self, path):
        from rasa.core.tracker_store import SQLTrackerStore
        from rasa.shared.core.domain import Domain

        self.store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
        self.url = f"sqlite:///{path}"

    def conversation(self, sender: str, turns: List[tuple], start: Optional[float] = None,
                     metadata: Optional[Dict[str, Any]] = None) -> str:
        """turns: ("user", text, intent, confidence[, entities]), ("bot", text[, buttons]),
        ("action", name), ("slot", name, value), ("loop", name)."""
        from rasa.shared.core.events import (
            ActionExecuted, ActiveLoop, BotUttered, SessionStarted, SlotSet, UserUttered,
        )
        from rasa.shared.core.trackers import DialogueStateTracker

        stamp = start if start is not None else time.time()
        existing = asyncio.run(self.store.retrieve(sender))
        events = [] if existing else [
            ActionExecuted("action_session_start", timestamp=stamp), SessionStarted(timestamp=stamp),
            ActionExecuted("action_listen", timestamp=stamp)]
        last_action = ""
        for turn in turns:
            stamp += 5
            kind = turn[0]
            if kind == "user":
                entities = turn[4] if len(turn) > 4 else []
                intent = {"name": turn[2], "confidence": turn[3]}
                events.append(UserUttered(
                    turn[1], intent=intent, entities=entities,
                    parse_data={"intent": intent, "entities": entities, "text": turn[1]},
                    input_channel="rest", metadata=metadata or {}, timestamp=stamp,
                ))
            elif kind == "action":
                last_action = turn[1]
                events.append(ActionExecuted(turn[1], timestamp=stamp))
            elif kind == "bot":
                buttons = turn[2] if len(turn) > 2 else None
                events.append(BotUttered(turn[1], data={"buttons": buttons} if buttons else {},
                                         metadata={"utter_action": last_action}, timestamp=stamp))
            elif kind == "slot":
                events.append(SlotSet(turn[1], turn[2], timestamp=stamp))
            elif kind == "loop":
                events.append(ActiveLoop(turn[1], timestamp=stamp))
            elif kind == "custom":
                events.append(BotUttered(None, data={"custom": turn[1]}, timestamp=stamp))
        if existing:  # Rasa appends to a stored conversation
            for event in events:
                existing.update(event)
            tracker = existing
        else:
            tracker = DialogueStateTracker.from_events(sender, events)
        asyncio.run(self.store.save(tracker))
        return sender


@pytest.fixture
def tracker(tmp_path, monkeypatch, db):
    path = tmp_path / "tracker.db"
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{path}")
    return Writer(path)


@pytest.fixture
def staff(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("coach-team", password="lang-genoeg-wachtwoord-1", is_staff=True)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def salary_doubter(writer, sender="salaris-twijfel-001", start=None, metadata=None):
    return writer.conversation(sender, [
        ("user", "hoi", "greet", 0.99),
        ("action", "action_welcome"), ("bot", "Hoi! Ik ben de Overstapcoach."),
        ("user", "ik ga er vast in salaris op achteruit", "belief_salary_drop", 0.91),
        ("action", "action_answer_belief"), ("bot", "Dat snap ik. Technici verdienen gemiddeld € 3.111."),
        ("user", "wat verdient een loodgieter in twente", "ask_salary", 0.88,
         [{"entity": "beroep", "value": "loodgieter", "start": 17, "end": 27, "extractor": "RegexEntityExtractor"},
          {"entity": "regio", "value": "Twente", "start": 31, "end": 37, "extractor": "RegexEntityExtractor"}]),
        ("action", "action_salary"), ("bot", "Een loodgieter verdient ..."),
        ("user", "bedankt", "thank", 0.97),
        ("action", "utter_thank"), ("bot", "Graag gedaan! Had je hier iets aan?", [{"title": "👍", "payload": "/feedback"}]),
        ("user", '/feedback{"feedback_score": "goed"}', "feedback", 1.0, [{"entity": "feedback_score", "value": "goed"}]),
        ("slot", "feedback_score", "goed"), ("slot", "feedback_opmerking", "Heel duidelijk, mail me op jan@example.nl"),
    ], start=start, metadata=metadata)


def confused_vacancy_visitor(writer, sender="vacature-verward-002", start=None):
    return writer.conversation(sender, [
        ("user", "/greet", "greet", 1.0),
        ("action", "action_welcome"), ("bot", "Hoi! Je kijkt naar de vacature Monteur."),
        ("user", "blabla qwerty <script>alert(1)</script>", "nlu_fallback", 0.31),
        ("action", "utter_please_rephrase"), ("bot", "Sorry, dat begreep ik niet goed."),
        ("user", "ben ik niet te oud, bel me op 06-12345678", "belief_too_old", 0.52),
        ("action", "action_answer_belief"), ("bot", "Je bent niet te oud."),
        ("user", "hoe snel kan ik beginnen", "ask_functional_deployability", 0.93),
        ("action", "action_trajectory"), ("bot", "Zo begin je als warmtepompmonteur."),
        ("slot", "voorgestelde_beroepen", ["warmtepompmonteur", "elektromonteur"]),
        ("user", "/feedback{\"feedback_score\": \"slecht\"}", "feedback", 1.0),
        ("slot", "feedback_score", "slecht"),
    ], start=start, metadata={"pagina": "vacature", "vacature_id": "VAC-123", "titel": "Monteur"})
