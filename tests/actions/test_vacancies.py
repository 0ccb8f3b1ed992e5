"""action_vacancies: known, vague and unknown occupations and places; CBS live and its fall-back."""

import asyncio

import pytest

from actions.services.cbs import CbsClient
from actions.vacancies import ActionVacancies, cbs_period, vacancy_messages
from tests.actions.conftest import make_tracker, run
from tests.actions.fake_cbs import FakeCbs
from tests.actions.sourcing import texts, unsourced_figures


def ask(dispatcher, text, entities=(), slots=None):
    run(ActionVacancies(), dispatcher, make_tracker("ask_vacancies", text, entities, slots))
    return texts(dispatcher)


def test_occupation_and_region_give_figures_with_period_source_and_meaning(dispatcher):
    said = ask(dispatcher, "elektricien in de buurt van zwolle",
               [("beroep", "elektromonteur"), ("regio", "Regio Zwolle")])
    assert len(said) == 3
    assert said[0].startswith("Zo staat het met werk als elektromonteur:")
    assert "elektromonteurs (27%)" in said[0] and "TechBarometer 2024 (ROVC)" in said[0]
    assert said[1].startswith("Regio Zwolle ligt in Overijssel. Per regio heb ik geen vacaturecijfer")
    assert "eind juni 2026 25.500 vacatures" in said[1] and "Bron: CBS." in said[1]
    assert said[2].startswith("Voor jou betekent dit: bedrijven zoeken elektromonteurs.")
    payloads = [b["payload"] for b in dispatcher.messages[2]["buttons"]]
    assert '/ask_training_routes{"beroep": "elektromonteur"}' in payloads
    for text in said:
        assert unsourced_figures(text) == []


def test_a_province_with_more_industry_work_says_so(dispatcher):
    said = ask(dispatcher, "vacatures in brabant", [("regio", "Noord-Brabant")])
    assert said[0].startswith("Zo staat het met werk in Noord-Brabant:")
    assert "7.900 in de industrie en 4.900 in de bouw" in said[0]
    assert said[-1].startswith("Voor jou betekent dit: in Noord-Brabant is veel werk in de industrie")


def test_a_place_without_a_figure_says_so_and_gives_the_national_figures(dispatcher):
    said = ask(dispatcher, "werk in limburg", [("regio", "Limburg")])
    assert said[0].startswith("Voor Limburg heb ik geen eigen vacaturecijfer.")
    assert "387.300" in said[0] and unsourced_figures(said[0]) == []


def test_a_vague_occupation_gets_choices_not_a_guess(dispatcher):
    said = ask(dispatcher, "monteurs twente", [("beroep", "monteur"), ("regio", "Twente")])
    assert said == ["Er zijn veel soorten monteurs. Welke bedoel je?"]
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert payloads[0] == '/ask_vacancies{"beroep": "elektromonteur"}'


def test_an_unknown_occupation_is_named_and_never_answered_silently(dispatcher):
    slots = {"beroep": "elektromonteur"}  # an older question must not be answered instead
    said = ask(dispatcher, "en is er vraag naar bakkers?", slots=slots)
    assert said == ["Het beroep 'bakkers' ken ik nog niet. Over deze beroepen weet ik meer:"]
    titles = [b["title"] for b in dispatcher.messages[0]["buttons"]]
    assert titles[:2] == ["Elektromonteur", "Meet- en regeltechnicus"]
    assert titles[-1] == "Welke beroepen passen bij mij?"


def test_an_unknown_place_is_named_and_the_national_figures_follow(dispatcher):
    said = ask(dispatcher, "zijn er vacatures in Londen")
    assert said[0] == "De plaats 'Londen' ken ik niet. Noem je gemeente of je provincie, dan zoek ik het op."
    assert "78.900 technische vacatures" in said[1] and unsourced_figures(said[1]) == []


def test_an_unknown_place_is_named_also_next_to_a_known_occupation(dispatcher):
    said = ask(dispatcher, "werk voor lassers in Antwerpen", [("beroep", "lasser")])
    assert said[0].startswith("Zo staat het met werk als lasser:")
    assert said[1] == "De plaats 'Antwerpen' ken ik niet. Noem je gemeente of je provincie, dan zoek ik het op."


def test_a_region_named_like_its_province_is_not_said_to_lie_in_itself(dispatcher):
    said = ask(dispatcher, "vacatures in zeeland", [("regio", "Zeeland")])
    assert said[0].startswith("Zo staat het met werk in Zeeland: In Zeeland waren er eind 2022 150 vacatures")


def test_the_occupation_asked_before_carries_over_to_a_region_question(dispatcher):
    said = ask(dispatcher, "en in twente?", [("regio", "Twente")], slots={"beroep": "loodgieter"})
    assert said[0].startswith("Zo staat het met werk als loodgieter:")
    assert said[1].startswith("Twente ligt in Overijssel.")


def live_answer(base_url, timeout=0.3):
    tracker = make_tracker("ask_vacancies", "hoeveel vacatures zijn er")
    messages = asyncio.run(vacancy_messages(tracker, live=True, client=CbsClient(base_url, timeout=timeout)))
    return [m.text for m in messages]


def test_live_cbs_gives_the_newest_national_figure(cbs):
    said = live_answer(cbs)
    assert said[0].startswith("Zo staat het met werk in de techniek:")
    assert "Volgens het CBS staan er nu 402.700 vacatures open in heel Nederland (2e kwartaal 2025)." in said[0]
    assert "CBS StatLine, tabel 80472ned (nu opgehaald)" in said[0]
    assert "387.300" not in said[0]  # the snapshot figure it replaces


@pytest.mark.parametrize("mode", ["slow", "error", "malformed", "wrong_shape"])
def test_when_cbs_fails_the_snapshot_answers_and_says_its_period(cbs, mode):
    FakeCbs.mode = mode
    said = live_answer(cbs)
    assert ("De nieuwste cijfers van het CBS kon ik nu niet ophalen. "
            "Ik gebruik de cijfers van 2e kwartaal 2026.") in said[0]
    assert "387.300" in said[0] and unsourced_figures(said[0]) == []


def test_every_vacancy_figure_is_used_somewhere():
    from actions.knowledge import KNOWLEDGE
    from actions.occupations import OCCUPATIONS
    from actions.regions import REGIONS
    from actions.vacancy_figures import VACANCY_FIGURES

    used = {f.id for f in VACANCY_FIGURES.national}
    used |= {p.fact.id for p in VACANCY_FIGURES.provinces.values()}
    used |= {f.id for facts in VACANCY_FIGURES.regions.values() for f in facts}
    used |= {f.id for o in OCCUPATIONS.all() for f in o.vraag}
    used |= {r.werkcentrum.id for r in REGIONS.regions.values() if r.werkcentrum}
    snapshot = {f.id for f in KNOWLEDGE.facts.values() if f.periode}
    assert snapshot - used == set()


def test_cbs_periods_are_said_in_words():
    assert cbs_period("2026KW02") == "2e kwartaal 2026"
    assert cbs_period("2023JJ00") == "2023JJ00"
