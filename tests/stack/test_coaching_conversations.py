"""End-to-end coaching conversations: real NLU, Rasa server, action server and
SQL tracker store, talking REST. Each test is one realistic conversation."""

import re

import pytest

from tests.stack.conftest import texts

pytestmark = pytest.mark.stack


def buttons(replies):
    return [b["payload"] for r in replies for b in r.get("buttons", [])]


def test_a_salary_worry_gets_evidence_then_a_comparison_with_own_pay(stack, chat):
    user = chat()
    first = texts(user.say("ik ben bang dat ik er in salaris op achteruit ga"))
    assert "Ik snap dat je daar bang voor bent." in first
    assert "€ 3.111" in first and "TechBarometer 2024 (ROVC)" in first
    assert "Eerlijk is eerlijk" in first
    second = texts(user.say("2650"))
    assert "Je verdient nu € 2.650 bruto per maand. Dat is minder dan het gemiddelde voor technici (€ 3.111)" in second
    assert user.tracker()["slots"]["huidig_salaris"] == "€ 2.650"


def test_funding_asks_two_questions_and_answers_for_the_situation(stack, chat):
    user = chat()
    intro = user.say("wie betaalt eigenlijk mijn omscholing?")
    assert "46%" in texts(intro) and "Heb je nu betaald werk?" in texts(intro)
    question = user.say("nee")
    assert "Heb je een uitkering?" in texts(question)
    answer = texts(user.say("ja, ww"))
    assert "Dit kan bij jou passen, omdat je een WW-uitkering hebt:" in answer
    assert "Scholing met een WW-uitkering (UWV): loopt nu." in answer
    assert "Het STAP-budget bestaat niet meer" in answer
    assert "gecontroleerd op 22 november 2026" in answer


def test_funding_for_someone_with_work_by_button_then_typed_sector(stack, chat):
    user = chat()
    user.say("zijn er subsidies om om te scholen")
    question = texts(user.say("/inform{\"werk_nu\": \"ja\"}"))
    assert "In welke sector werk je nu?" in question
    answer = texts(user.say("ik werk in de zorg"))
    assert "omdat je nu werk hebt" in answer
    assert "SLIM scholingssubsidie" in answer


def test_the_intake_with_a_side_question_and_a_skip(stack, chat):
    user = chat()
    opening = user.say("ik twijfel of de techniek iets voor mij is")
    assert "Waar sta je nu, waar wil je naartoe" in texts(opening)
    assert "Eerste vraag" in texts(user.say("ja stel je vragen maar"))
    assert "Tweede vraag" in texts(user.say("ik werk in de zorg"))
    side = texts(user.say("wat verdient een elektricien?"))
    assert "€ 2.973" in side and "Tweede vraag" in side
    assert "Derde vraag" in texts(user.say("/inform{\"motivatie\": \"zingeving\"}"))
    again = texts(user.say("Xyzdorp"))
    assert "Die plaats ken ik helaas niet" in again and "Derde vraag" in again
    assert "Laatste vraag" in texts(user.say("Zwolle"))
    bad_hours = texts(user.say("80"))
    assert "tussen 4 en 60 uur" in bad_hours
    summary = texts(user.say("sla over"))
    assert "je huidige werk is zorg" in summary
    assert "je woont in of bij Regio Zwolle" in summary
    slots = user.tracker()["slots"]
    assert slots["motivatie"] == "zingeving" and slots["uren"] == "overgeslagen"
    meaningful = texts(user.say("ik wil graag zinvol werk doen"))
    assert "Je zei al dat zinvol werk je trekt." in meaningful


def test_someone_who_says_no_to_everything_is_left_in_peace(stack, chat):
    user = chat()
    user.say("ik denk erover om over te stappen naar de techniek")
    assert "dan kies jij" in texts(user.say("nee"))
    assert "Leerwerkloket" in texts(user.say("nee"))
    assert "Ik ben er als je later nog iets wilt vragen." in texts(user.say("nee"))


def test_every_reply_with_a_figure_names_a_source(stack, chat):
    user = chat()
    for message in ["ben ik niet te oud om nog om te scholen", "ik heb geen diploma",
                    "is techniek wel iets voor vrouwen", "kan ik parttime werken"]:
        for reply in user.say(message):
            text = reply.get("text") or ""
            if re.search(r"\d+%|€ \d", text):
                assert "Bron" in text, text
