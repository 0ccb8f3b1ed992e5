import pytest

from actions.inform import ActionInform
from actions.money import parse_amount
from actions.salary import ActionSalary
from tests.actions.conftest import bot_offered, make_tracker, run, user
from tests.actions.sourcing import texts, unsourced_figures


@pytest.mark.parametrize("text,monthly,yearly,net", [
    ("2.800", 2800, False, False),
    ("€ 2800,-", 2800, False, False),
    ("2800 euro", 2800, False, False),
    ("ik verdien nu 2800 bruto", 2800, False, False),
    ("€2.650,50", 2650.5, False, False),
    ("28k", 28000 / 12, True, False),
    ("ik verdien 36.000 per jaar", 3000, True, False),
    ("2.400 netto", 2400, False, True),
])
def test_dutch_amounts_are_read_as_monthly_pay(text, monthly, yearly, net):
    amount = parse_amount(text)
    assert amount.monthly == pytest.approx(monthly)
    assert (amount.yearly, amount.net) == (yearly, net)


@pytest.mark.parametrize("text", ["15 euro per uur", "32 uur", "ik ben 45", "geen idee", ""])
def test_no_pay_is_guessed_from_hours_ages_or_words(text):
    assert parse_amount(text) is None


def test_salary_overview_gives_averages_branches_and_caveat_with_sources(dispatcher):
    events = run(ActionSalary(), dispatcher, make_tracker("ask_salary"))
    said = texts(dispatcher)
    assert len(said) == 3
    assert "Technici verdienen gemiddeld € 3.111 bruto per maand." in said[0]
    assert "energietransitie € 3.470" in said[0]
    assert "als je net begint, verdien je vaak minder" in said[1]
    assert "€ 2.318" in said[1] and "€ 14,71" in said[1]
    assert "Wil je het vergelijken" in said[2]
    for text in said:
        assert unsourced_figures(text) == [], text
    assert events[0]["value"] == "eigen_salaris"


def test_salary_for_an_occupation_with_a_public_figure(dispatcher):
    run(ActionSalary(), dispatcher, make_tracker("ask_salary", slots={"beroep": "elektromonteur"}))
    first = texts(dispatcher)[0]
    assert first.startswith("Een elektricien verdiende in 2023 gemiddeld € 2.973 bruto per maand.")
    assert "Indeed (via Metro, juli 2023)" in first


def test_salary_for_an_occupation_without_a_figure_says_so(dispatcher):
    run(ActionSalary(), dispatcher, make_tracker("ask_salary", slots={"beroep": "loodgieter"}))
    assert "Voor een loodgieter heb ik geen apart salariscijfer" in texts(dispatcher)[0]


@pytest.mark.parametrize("pay,word", [("2200 euro", "minder dan"), ("3100 euro", "ongeveer even veel"),
                                      ("4000 euro", "meer dan")])
def test_own_pay_is_compared_without_overclaiming(pay, word, dispatcher):
    tracker = make_tracker("ask_salary", text=f"wat verdien ik in de techniek, nu {pay}",
                           entities=[("bedrag", pay)])
    events = run(ActionSalary(), dispatcher, tracker)
    last = texts(dispatcher)[-1]
    assert word in last and "(€ 3.111)" in last
    assert "starter" in last
    amount = pay.split()[0]
    assert unsourced_figures(last, allowed=[f"€ {int(amount):,}".replace(",", ".")]) == []
    assert {"event": "slot", "timestamp": None, "name": "huidig_salaris",
            "value": f"€ {int(amount):,}".replace(",", ".")} in events


def test_own_pay_is_compared_with_the_occupation_figure(dispatcher):
    tracker = make_tracker("ask_salary", entities=[("bedrag", "2800")], text="ik verdien 2800",
                           slots={"beroep": "installatiemonteur"})
    run(ActionSalary(), dispatcher, tracker)
    assert "het gemiddelde voor een installatiemonteur (€ 2.850)" in texts(dispatcher)[-1]


def test_a_plain_number_after_the_pay_question_is_compared(dispatcher):
    events = [user("ik ga er vast op achteruit", "belief_salary_drop"), *bot_offered("eigen_salaris"),
              user("2650")]
    tracker = make_tracker("inform", text="2650", events=events)
    run(ActionInform(), dispatcher, tracker)
    said = texts(dispatcher)
    assert len(said) == 1
    assert said[0].startswith("Je verdient nu € 2.650 bruto per maand. Dat is minder dan")
    assert said[0].endswith("\nBron: TechBarometer 2024 (ROVC).")
    assert said[0].count("€ 3.111") == 1, "the reference figure is named once, not repeated"


def test_yearly_and_net_amounts_are_handled_honestly(dispatcher):
    run(ActionInform(), dispatcher, make_tracker("inform", text="ik verdien 42k", entities=[("bedrag", "42k")]))
    assert "Je noemde een bedrag per jaar. Ik reken met € 3.500 per maand" in texts(dispatcher)[0]
    dispatcher.messages.clear()
    run(ActionInform(), dispatcher,
        make_tracker("inform", text="2.400 netto", entities=[("bedrag", "2.400")]))
    assert "nettobedrag" in texts(dispatcher)[0]
    assert "minder dan" not in texts(dispatcher)[0]


def test_an_unreadable_answer_to_the_pay_question_gets_a_kind_reask(dispatcher):
    events = [user("", "belief_salary_drop"), *bot_offered("eigen_salaris"), user("ongeveer modaal")]
    tracker = make_tracker("inform", text="ongeveer modaal", events=events)
    run(ActionSalary(), dispatcher, tracker)
    assert texts(dispatcher) == [
        "Dat bedrag kan ik niet goed plaatsen. Noem je bruto maandloon in euro's, zoals het op je loonstrook staat."
    ]


def test_inform_repeats_what_it_understood(dispatcher):
    tracker = make_tracker("inform", text="ik woon in zwolle en werk in de zorg",
                           entities=[("regio", "Regio Zwolle"), ("sector", "zorg")])
    run(ActionInform(), dispatcher, tracker)
    assert texts(dispatcher)[0] == (
        "Dank je, dat onthoud ik: je woont in of bij Regio Zwolle en je huidige werk is zorg."
    )
    assert dispatcher.messages[1]["response"] == "utter_inform_next"
