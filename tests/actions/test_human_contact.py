"""action_request_human: the recruiter from the embed, else the regional Leerwerkloket."""

from actions.human_contact import ActionRequestHuman
from actions.vacancy_context import vacancy_context
from tests.actions.conftest import make_tracker, run
from tests.actions.sourcing import texts, unsourced_figures


def test_on_a_vacancy_page_the_recruiter_contact_is_offered(dispatcher):
    slots = {"contact": "werving@jansen.example", "werkgever": "Installatiebedrijf Jansen"}
    run(ActionRequestHuman(), dispatcher, make_tracker("request_human", "kan ik iemand bellen", slots=slots))
    assert texts(dispatcher) == [
        "Wil je iemand spreken over deze vacature? Neem contact op met de recruiter van "
        "Installatiebedrijf Jansen: werving@jansen.example"]


def test_without_a_contact_the_regional_leerwerkloket_is_offered(dispatcher):
    run(ActionRequestHuman(), dispatcher, make_tracker("request_human", "ik wil een mens", slots={"regio": "Twente"}))
    said = texts(dispatcher)[0]
    assert said.startswith("Wil je met een mens praten? Dat kan.\nGratis advies over je opleiding krijg je bij "
                           "Leerwerkloket Twente.")
    assert unsourced_figures(said) == []


def test_only_an_email_phone_or_https_contact_is_taken_from_the_embed():
    assert vacancy_context({"contact": "+31 53 123 4567"}) == {"contact": "+31 53 123 4567"}
    assert vacancy_context({"contact": "javascript:alert(1)"}) == {}
    assert vacancy_context({"contact": "http://onveilig.example"}) == {}
