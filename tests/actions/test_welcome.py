import asyncio

from actions.vacancy_details import ActionVacancyDetails
from actions.welcome import ActionWelcome
from tests.actions.conftest import tracker_with_slots


def responses(action, dispatcher, **slots):
    events = asyncio.run(action.run(dispatcher, tracker_with_slots(**slots), {}))
    assert events == []
    return [(m["response"], m.get("vacature_titel")) for m in dispatcher.messages]


def test_website_welcome_says_it_is_a_digital_coach(dispatcher):
    assert responses(ActionWelcome(), dispatcher) == [
        ("utter_welcome", None),
        ("utter_welcome_topics", None),
    ]


def test_vacancy_welcome_names_title_and_employer(dispatcher):
    got = responses(ActionWelcome(), dispatcher, vacature_id="V1", vacature_titel="Elektromonteur",
                    werkgever="De Vonk")
    assert got == [("utter_welcome_vacature", "Elektromonteur"), ("utter_welcome_vacature_topics", None)]


def test_vacancy_welcome_without_employer_or_title(dispatcher):
    got = responses(ActionWelcome(), dispatcher, vacature_id="V1", beroep="loodgieter")
    assert got[0] == ("utter_welcome_vacature_zonder_werkgever", "loodgieter")
    dispatcher.messages.clear()
    got = responses(ActionWelcome(), dispatcher, vacature_id="V1")
    assert got[0] == ("utter_welcome_vacature_algemeen", None)


def test_vacancy_details_without_a_vacancy_says_so(dispatcher):
    assert responses(ActionVacancyDetails(), dispatcher) == [("utter_no_vacancy", None)]


def test_vacancy_details_on_a_vacancy_page(dispatcher):
    got = responses(ActionVacancyDetails(), dispatcher, vacature_id="V1", vacature_titel="Monteur")
    assert got == [("utter_vacancy_details", "Monteur")]
