import pytest

from actions.beliefs import ActionAnswerBelief
from actions.knowledge import KNOWLEDGE
from tests.actions.conftest import make_tracker, run
from tests.actions.sourcing import texts, unsourced_figures

BELIEFS = [
    "belief_salary_drop", "belief_need_diploma", "belief_never_reach_level", "belief_no_study",
    "belief_lack_skills", "belief_too_old", "belief_not_for_women", "belief_no_job_chance",
]


@pytest.mark.parametrize("belief", BELIEFS)
def test_a_belief_gets_acknowledgement_sourced_evidence_and_an_open_question(belief, dispatcher):
    answer = KNOWLEDGE.answers[belief]
    run(ActionAnswerBelief(), dispatcher, make_tracker(belief))
    said = texts(dispatcher)
    assert 2 <= len(said) <= 3
    assert said[0].startswith(answer.erkenning)
    for fact in answer.bewijs:
        assert fact.tekst in said[0]
    assert "TechBarometer 2024 (ROVC)" in said[0].splitlines()[-1]
    assert "?" in said[-1]
    assert dispatcher.messages[-1]["buttons"], "ends with next-step buttons"
    for text in said:
        assert unsourced_figures(text) == [], text


def test_the_diploma_answer_is_honest_that_a_third_of_companies_ask_for_one(dispatcher):
    run(ActionAnswerBelief(), dispatcher, make_tracker("belief_need_diploma"))
    caveat = texts(dispatcher)[1]
    assert caveat.startswith("Eerlijk is eerlijk")
    assert "35% van de bedrijven vraagt wel een mbo-diploma" in caveat
    assert "Bron: TechBarometer 2024 (ROVC)" in caveat


def test_the_salary_fear_answer_asks_for_pay_and_remembers_that(dispatcher):
    events = run(ActionAnswerBelief(), dispatcher, make_tracker("belief_salary_drop"))
    assert events == [{"event": "slot", "timestamp": None, "name": "voorstel", "value": "eigen_salaris"}]
    assert "Wat verdien je nu ongeveer" in texts(dispatcher)[-1]


def test_the_salary_fear_answer_compares_when_pay_is_known(dispatcher):
    tracker = make_tracker("belief_salary_drop", slots={"huidig_salaris": "€ 2.600"})
    run(ActionAnswerBelief(), dispatcher, tracker)
    last = texts(dispatcher)[-1]
    assert "Je verdient nu € 2.600 bruto per maand. Dat is minder dan het gemiddelde voor technici (€ 3.111)" in last
    assert unsourced_figures(last, allowed=["€ 2.600"]) == []
    assert "Wat verdien je" not in " ".join(texts(dispatcher))


def test_the_women_answer_names_the_minority_honestly(dispatcher):
    run(ActionAnswerBelief(), dispatcher, make_tracker("belief_not_for_women"))
    assert "van 12,6% in 2013 naar 16,5% in 2022" in texts(dispatcher)[1]


def test_a_non_belief_intent_gets_the_default_reply(dispatcher):
    run(ActionAnswerBelief(), dispatcher, make_tracker("ask_salary"))
    assert dispatcher.messages[0]["response"] == "utter_default"
