"""action_trajectory and the ranking behind it."""

from rasa_sdk.events import SlotSet

from actions.suggestions import rank
from actions.trajectory import ActionTrajectory
from tests.actions.conftest import make_tracker, run
from tests.actions.sourcing import texts, unsourced_figures


def ask(dispatcher, intent, text, entities=(), slots=None):
    run(ActionTrajectory(), dispatcher, make_tracker(intent, text, entities, slots))
    return texts(dispatcher)


def test_one_occupation_gets_routine_partly_specialist_and_the_growth_steps(dispatcher):
    said = ask(dispatcher, "ask_functional_deployability", "hoe snel kan ik airco monteur worden",
               [("beroep", "koeltechnicus")])
    assert said[0].startswith("Koeltechnicus:")
    assert "• Na een korte training:" in said[0] and "• Later, met een certificaat" in said[0]
    assert "Dit is een voorbeeld. Elke werkgever deelt het werk zelf in." in said[0]
    assert "koudemiddel toevoegen moet een specialist met een certificaat doen" in said[1]
    assert "vier stappen" in said[1] and "coach on the job" in said[1]
    assert "Bronnen: Overstapcoach; TechBarometer 2024 (ROVC)." in said[1]
    titles = [b["title"] for b in dispatcher.messages[1]["buttons"]]
    assert titles == ["Vacatures voor koeltechnici", "Opleiding tot koeltechnicus", "Wie betaalt de opleiding?"]
    for text in said:
        assert unsourced_figures(text) == []


def test_suggestions_use_the_intake_and_say_why(dispatcher):
    slots = {"motivatie": "handen", "sector": "zorg", "regio": "Twente", "uren": "32", "intake_gedaan": True}
    said = ask(dispatcher, "ask_occupations", "welke beroepen passen bij mij", slots=slots)
    assert said[0].startswith("Deze beroepen passen bij je:\n• ")
    assert said[0].count("• ") == 3
    assert ("omdat je graag met je handen werkt en je gewend bent om bij mensen thuis te komen"
            in said[0])
    assert said[1].startswith("Zo kun je als ")
    assert "Stel me een paar vragen" not in [b["title"] for b in dispatcher.messages[2]["buttons"]]


def test_the_occupations_shown_are_remembered_for_the_review_app(dispatcher):
    slots = {"motivatie": "handen", "sector": "zorg"}
    events = run(ActionTrajectory(), dispatcher, make_tracker("ask_occupations", "welke beroepen passen bij mij",
                                                              slots=slots))
    shown = [line[2:].split(",")[0].lower() for line in texts(dispatcher)[0].splitlines()[1:]]
    assert events == [SlotSet("voorstel", None), SlotSet("voorgestelde_beroepen", shown)]
    assert len(shown) == 3

    dispatcher.messages.clear()
    events = run(ActionTrajectory(), dispatcher, make_tracker(
        "ask_functional_deployability", "hoe snel kan ik koeltechnicus worden", [("beroep", "koeltechnicus")]))
    assert events == [SlotSet("voorstel", None), SlotSet("voorgestelde_beroepen", ["koeltechnicus"])]


def test_a_choice_between_occupations_shows_none(dispatcher):
    events = run(ActionTrajectory(), dispatcher, make_tracker(
        "ask_functional_deployability", "hoe snel kan ik monteur worden", [("beroep", "monteur")]))
    assert events == [SlotSet("voorstel", None)]


def test_without_anything_known_the_most_sought_occupations_come_with_an_offer(dispatcher):
    said = ask(dispatcher, "ask_occupations", "wat kan ik worden in de techniek")
    assert said[0].startswith("Deze beroepen zoeken bedrijven het meest:\n• Elektromonteur, omdat bedrijven")
    assert said[0].endswith("Vertel je wat meer over jezelf? Dan kan ik beter kiezen.")
    assert dispatcher.messages[2]["buttons"][-1]["payload"] == "/explore_switch"


def test_asking_for_suggestions_ignores_the_occupation_of_an_earlier_turn(dispatcher):
    said = ask(dispatcher, "ask_occupations", "welke beroepen zijn er nog meer",
               slots={"beroep": "lasser", "motivatie": "zingeving"})
    assert said[0].startswith("Deze beroepen passen bij je:")


def test_vague_occupation_gets_a_choice(dispatcher):
    said = ask(dispatcher, "ask_functional_deployability", "hoe snel kan ik monteur worden",
               [("beroep", "monteur")])
    assert said == ["Er zijn veel soorten monteurs. Welke bedoel je?"]
    assert dispatcher.messages[0]["buttons"][0]["payload"] == (
        '/ask_functional_deployability{"beroep": "elektromonteur"}')


def test_ranking_follows_motivation_sector_region_and_hours():
    top, personal = rank(motivation="zingeving")
    assert personal and all("zingeving" in s.occupation.past_bij for s in top)

    top, _ = rank(sector="zorg")
    assert [s.occupation.key for s in top] == ["warmtepompmonteur", "cv-monteur", "servicemonteur"]

    top, _ = rank(region="Noord-Brabant")  # more industry than construction vacancies there
    assert all(s.occupation.veld == "industrie" for s in top)
    assert "er in Noord-Brabant veel vacatures in de industrie zijn" in top[0].reasons

    top, _ = rank(hours="8")  # 8 h x 40 weeks is below a BBL year's 610 hours
    assert all(not s.occupation.kwalificaties for s in top)

    top, personal = rank()
    assert not personal and [s.occupation.key for s in top][:1] == ["elektromonteur"]


def test_naming_an_occupation_offers_how_to_start_and_yes_gives_its_trajectory(dispatcher):
    from actions.affirm import ActionAffirm
    from actions.inform import ActionInform
    from tests.actions.conftest import user

    events = run(ActionInform(), dispatcher, make_tracker(
        "inform", "ik denk aan loodgieter", [("beroep", "loodgieter")]))
    said = texts(dispatcher)
    assert said == ["Dank je, dat onthoud ik: je denkt aan het beroep loodgieter.",
                    "Wil je weten hoe je als loodgieter kunt beginnen?"]
    assert dispatcher.messages[1]["buttons"][0]["payload"] == (
        '/ask_functional_deployability{"beroep": "loodgieter"}')
    dispatcher.messages.clear()
    history = [user("ik denk aan loodgieter"), {"event": "action", "name": "action_inform"},
               {"event": "slot", "name": "voorstel", "value": events[0]["value"]}, user("ja", "affirm")]
    events = run(ActionAffirm(), dispatcher, make_tracker("affirm", "ja", slots={"beroep": "loodgieter"},
                                                          events=history))
    assert texts(dispatcher)[0].startswith("Loodgieter:")
    assert events == [SlotSet("voorstel", None), SlotSet("voorgestelde_beroepen", ["loodgieter"])]
