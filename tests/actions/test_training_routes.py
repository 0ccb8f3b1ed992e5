"""action_training_routes: BBL route, certificates, who pays and the regional Leerwerkloket."""

from actions.occupations import OCCUPATIONS
from actions.training_routes import ActionTrainingRoutes
from tests.actions.conftest import make_tracker, run
from tests.actions.sourcing import texts, unsourced_figures


def ask(dispatcher, text, entities=(), slots=None):
    run(ActionTrainingRoutes(), dispatcher, make_tracker("ask_training_routes", text, entities, slots))
    return texts(dispatcher)


def test_a_known_occupation_gets_route_level_duration_certificates_and_loket(dispatcher):
    said = ask(dispatcher, "hoe word ik elektricien", [("beroep", "elektromonteur")], {"regio": "Twente"})
    assert len(said) == 3
    assert said[0].startswith("Zo word je elektromonteur:\n• Leren en werken (BBL): Monteur elektrotechnische "
                              "installaties, mbo niveau 2, meestal 1 tot 2 jaar.")
    assert "register van SBB" in said[0] and "NVKL" in said[0]
    assert "• VCA:" in said[1] and "• NEN 3140:" in said[1]
    assert "€ 295" in said[1] and "Vaak betaalt je werkgever dit." in said[1]
    assert said[2].startswith("Gratis advies over je opleiding krijg je bij Leerwerkloket Twente.")
    payloads = [b["payload"] for b in dispatcher.messages[2]["buttons"]]
    assert payloads == ['/ask_vacancies{"beroep": "elektromonteur"}',
                        '/ask_functional_deployability{"beroep": "elektromonteur"}', "/ask_funding"]
    # levels and durations come from the occupation's qualifications, sourced to NVKL above
    route = OCCUPATIONS.by_key["elektromonteur"].kwalificaties
    from_routes = {str(q.niveau) for q in route} | {n for q in route for n in q.duur.split() if n.isdigit()}
    for text in said:
        assert unsourced_figures(text, allowed=from_routes) == [], text


def test_a_region_without_a_confirmed_loket_name_points_to_the_national_sites(dispatcher):
    said = ask(dispatcher, "opleiding lasser", [("beroep", "lasser")], {"regio": "Achterhoek"})
    assert ("Gratis advies over je opleiding krijg je bij het Leerwerkloket voor Achterhoek. "
            "Zoek op leerwerkloket.nl of werkcentrum.nl naar Achterhoek.") in said[2]


def test_work_without_a_qualification_gets_the_short_route(dispatcher):
    said = ask(dispatcher, "hoe word ik zonnepanelenmonteur", [("beroep", "zonnepanelenmonteur")])
    assert "Leren en werken (BBL):" not in said[0]
    assert said[0].count("•") == 1


def test_without_an_occupation_the_routes_are_explained_and_a_choice_offered(dispatcher):
    said = ask(dispatcher, "welke opleiding moet ik doen")
    assert "4 dagen bij een bedrijf" in said[0] and "610 uur" in said[0]
    assert said[2] == "Voor welk beroep wil je de opleiding weten?"
    assert dispatcher.messages[2]["buttons"][0]["payload"] == '/ask_training_routes{"beroep": "elektromonteur"}'


def test_vague_and_unknown_occupations(dispatcher):
    assert ask(dispatcher, "opleiding technicus", [("beroep", "technicus")]) == [
        "Er zijn veel soorten technici. Welke bedoel je?"]
    dispatcher.messages.clear()
    assert ask(dispatcher, "welke opleiding voor kappers") == [
        "Het beroep 'kappers' ken ik nog niet. Over deze beroepen weet ik meer:"]
