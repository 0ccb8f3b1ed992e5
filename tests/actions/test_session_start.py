import asyncio

from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet

from actions.session_start import ActionSessionStart
from tests.actions.conftest import load_tracker


def run(tracker, dispatcher):
    return asyncio.run(ActionSessionStart().run(dispatcher, tracker, {}))


def test_vacancy_page_sets_clean_context_and_carries_user_slots(dispatcher):
    events = run(load_tracker("vacancy_page_tracker"), dispatcher)
    assert events[0] == SessionStarted()
    assert events[-1] == ActionExecuted("action_listen")
    slots = {e["name"]: e["value"] for e in events[1:-1]}
    assert slots == {
        "sector": "zorg",
        "vacature_id": "V-2024/017",
        "vacature_titel": "Elektromonteur woningbouw",
        "werkgever": "Installatiebedrijf De Vonk",
        "beroep": "elektromonteur",
        "regio": "Twente",
    }
    assert dispatcher.messages == []


def test_website_session_drops_an_old_vacancy_but_keeps_user_facts(dispatcher):
    events = run(load_tracker("website_tracker"), dispatcher)
    assert events == [SessionStarted(), SlotSet("leeftijd", "47"), ActionExecuted("action_listen")]
