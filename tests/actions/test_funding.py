import asyncio

import pytest

from actions.funding import ActionFundingAnswer, ActionFundingIntro, ValidateFundingForm
from tests.actions.conftest import make_tracker, run
from tests.actions.sourcing import texts, unsourced_figures

FORM = ValidateFundingForm()


def answer(dispatcher, **slots):
    run(ActionFundingAnswer(), dispatcher, make_tracker(slots=slots))
    return texts(dispatcher)


def scheme_names(text):
    return [line[2:line.rindex(":")] for line in text.splitlines() if line.startswith("• ")]


def test_funding_answers_differ_per_situation(dispatcher):
    work = scheme_names(answer(dispatcher, werk_nu="ja", sector="zorg")[0])
    dispatcher.messages.clear()
    ww = scheme_names(answer(dispatcher, werk_nu="nee", uitkering="ww")[0])
    dispatcher.messages.clear()
    bijstand = scheme_names(answer(dispatcher, werk_nu="nee", uitkering="bijstand")[0])
    assert "SLIM scholingssubsidie (Ontwikkelpaden)" in work and "SLIM scholingssubsidie (Ontwikkelpaden)" not in ww
    assert ww[0] == "Scholing met een WW-uitkering (UWV)"
    assert bijstand[0] == "Scholing in de bijstand (gemeente)"
    assert len({tuple(work), tuple(ww), tuple(bijstand)}) == 3
    assert all(1 <= len(names) <= 5 for names in (work, ww, bijstand))


@pytest.mark.parametrize("slots", [
    {"werk_nu": "ja", "sector": "industrie"}, {"werk_nu": "nee", "uitkering": "geen"},
    {"werk_nu": "overgeslagen"},
])
def test_every_scheme_has_status_condition_source_and_check_date(slots, dispatcher):
    first, last = answer(dispatcher, **slots)
    assert "\n\n" not in first, "a blank line would split the answer into many chat messages"
    lines_of_text = first.splitlines()
    starts = [i for i, line in enumerate(lines_of_text) if line.startswith("• ")]
    assert starts
    for start in starts:
        lines = lines_of_text[start:start + 4]
        assert lines[0].endswith(("loopt nu.", "niet zeker of dit nog loopt.", "gestopt."))
        assert lines[2].startswith("Voorwaarde: ")
        assert lines[3].startswith("Bron: ") and "gecontroleerd op 22 november 2026" in lines[3]
    assert "Het STAP-budget bestaat niet meer" in last
    assert "op 1 januari 2024 is het gestopt" in last
    assert "35 Leerwerkloketten" in last
    for text in (first, last):
        assert unsourced_figures(text) == [], text


def test_a_technical_sector_adds_its_training_fund(dispatcher):
    assert "A+O Metalektro: bijscholen zij-instromers" in scheme_names(
        answer(dispatcher, werk_nu="ja", sector="industrie")[0])


def test_intro_names_the_confusion_and_announces_two_questions(dispatcher):
    run(ActionFundingIntro(), dispatcher, make_tracker("ask_funding"))
    said = texts(dispatcher)[0]
    assert "46%" in said and "Bron: TechBarometer 2024 (ROVC)." in said
    assert "twee korte vragen" in said
    dispatcher.messages.clear()
    run(ActionFundingIntro(), dispatcher, make_tracker("ask_funding", slots={"werk_nu": "ja"}))
    assert "twee korte vragen" not in texts(dispatcher)[0]


def slots_from(text, intent="inform", requested="werk_nu", entities=()):
    tracker = make_tracker(intent, text=text, entities=entities, slots={"requested_slot": requested})
    return asyncio.run(FORM.extract_werk_nu(None, tracker, {})) if requested == "werk_nu" else \
        asyncio.run(FORM.extract_uitkering(None, tracker, {}))


@pytest.mark.parametrize("text,intent,expected", [
    ("ja", "affirm", {"werk_nu": "ja"}),
    ("nee", "deny", {"werk_nu": "nee"}),
    ("ik zit in de ww", "inform", {"werk_nu": "nee", "uitkering": "ww"}),
    ("bijstandsuitkering", "inform", {"werk_nu": "nee", "uitkering": "bijstand"}),
    ("ik ben werkloos", "inform", {"werk_nu": "nee"}),
    ("ik heb een vaste baan", "inform", {"werk_nu": "ja"}),
    ("zeg ik liever niet", "deny", {"werk_nu": "overgeslagen"}),
    ("wat verdient een monteur?", "ask_salary", {}),
])
def test_typed_answers_to_the_work_question(text, intent, expected):
    assert slots_from(text, intent) == expected


@pytest.mark.parametrize("text,intent,expected", [
    ("ww", "inform", {"uitkering": "ww"}),
    ("nee", "deny", {"uitkering": "geen"}),
    ("geen uitkering", "inform", {"uitkering": "geen"}),
    ("weet ik niet", "deny", {"uitkering": "overgeslagen"}),
    ("ja", "affirm", {"uitkering": "ja"}),
])
def test_typed_answers_to_the_benefit_question(text, intent, expected):
    assert slots_from(text, intent, requested="uitkering") == expected


def test_a_known_sector_in_the_answer_also_means_a_job():
    assert slots_from("ik werk in de zorg", entities=[("sector", "zorg")]) == {"werk_nu": "ja"}


def test_an_unclear_answer_is_asked_again(dispatcher):
    result = asyncio.run(FORM.validate_werk_nu("misschien", dispatcher, make_tracker(), {}))
    assert result == {"werk_nu": None}
    assert dispatcher.messages[0]["response"] == "utter_invalid_werk_nu"
    dispatcher.messages.clear()
    assert asyncio.run(FORM.validate_uitkering("ja", dispatcher, make_tracker(), {})) == {"uitkering": None}
    assert dispatcher.messages[0]["response"] == "utter_invalid_uitkering"


@pytest.mark.parametrize("work,expected", [
    (None, ["werk_nu"]), ("ja", ["werk_nu", "sector"]), ("nee", ["werk_nu", "uitkering"]),
    ("overgeslagen", ["werk_nu"]),
])
def test_at_most_two_questions(work, expected):
    tracker = make_tracker(slots={"werk_nu": work})
    assert asyncio.run(FORM.required_slots(["werk_nu"], None, tracker, {})) == expected
