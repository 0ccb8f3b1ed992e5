"""End-to-end lookups over REST: real NLU finds the occupation and the place in
everyday wording, the action server answers from the snapshot (CBS_LIVE off)."""

import pytest

from tests.stack.conftest import texts

pytestmark = pytest.mark.stack


def test_an_occupation_near_a_town_gets_figures_period_and_source(stack, chat):
    user = chat()
    reply = texts(user.say("is er werk voor elektriciens in de buurt van zwolle?"))
    assert "Zo staat het met werk als elektromonteur:" in reply
    assert "Regio Zwolle ligt in Overijssel." in reply and "eind juni 2026" in reply
    assert "Bron: CBS." in reply
    slots = user.tracker()["slots"]
    assert (slots["beroep"], slots["regio"]) == ("elektromonteur", "Regio Zwolle")
    routes = texts(user.say("en welke opleiding moet ik daarvoor doen"))
    assert "Zo word je elektromonteur:" in routes and "Leren en werken (BBL)" in routes


def test_an_unknown_occupation_gets_choices(stack, chat):
    user = chat()
    reply = user.say("zijn er vacatures voor bakkers")
    assert "Het beroep 'bakkers' ken ik nog niet." in texts(reply)
    assert '/ask_vacancies{"beroep": "elektromonteur"}' in [b["payload"] for r in reply for b in r.get("buttons", [])]


def test_after_the_intake_a_yes_gives_fitting_occupations_with_reasons(stack, chat):
    user = chat()
    user.say("ik twijfel of de techniek iets voor mij is")
    user.say("ja stel je vragen maar")
    user.say("ik werk in de zorg")
    user.say("/inform{\"motivatie\": \"handen\"}")
    user.say("ik woon in Tilburg")
    summary = texts(user.say("32 uur"))
    assert "Zal ik een paar beroepen voorstellen" in summary
    trajectory = texts(user.say("ja graag"))
    assert "Deze beroepen passen bij je:" in trajectory
    assert "omdat je graag met je handen werkt" in trajectory
    assert "Na een korte training:" in trajectory
