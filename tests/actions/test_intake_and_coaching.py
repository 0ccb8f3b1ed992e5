import asyncio

import pytest

from actions.affirm import ActionAffirm
from actions.coaching import ActionAnswerTopic, ActionExploreSwitch
from actions.intake import ActionIntakeSummary, ValidateIntakeForm
from actions.knowledge import KNOWLEDGE
from tests.actions.conftest import bot_offered, make_tracker, run, user
from tests.actions.sourcing import texts, unsourced_figures

FORM = ValidateIntakeForm()


def extract(slot, text, intent="inform", entities=()):
    tracker = make_tracker(intent, text=text, entities=entities, slots={"requested_slot": slot})
    return asyncio.run(getattr(FORM, f"extract_{slot}")(None, tracker, {}))


def validate(slot, value, dispatcher):
    return asyncio.run(getattr(FORM, f"validate_{slot}")(value, dispatcher, make_tracker(), {}))


@pytest.mark.parametrize("slot", ["sector", "motivatie", "regio", "uren"])
def test_every_question_can_be_skipped(slot, dispatcher):
    assert extract(slot, "sla over", "deny") == {slot: "overgeslagen"}
    assert extract(slot, "weet ik niet", "nlu_fallback") == {slot: "overgeslagen"}
    assert validate(slot, "overgeslagen", dispatcher) == {slot: "overgeslagen"}


@pytest.mark.parametrize("slot", ["sector", "motivatie", "regio", "uren"])
def test_a_side_question_is_never_taken_as_an_answer(slot):
    assert extract(slot, "wat verdient een monteur in twente?", "ask_salary") == {}


@pytest.mark.parametrize("text,expected", [
    ("lekker met mijn handen bezig zijn", "handen"),
    ("iets doen voor het klimaat", "zingeving"),
    ("fijne collega's", "team"),
    ("beter verdienen", "salaris"),
    ("elke dag wat anders", "afwisseling"),
])
def test_what_draws_someone_is_recognised_in_own_words(text, expected, dispatcher):
    value = extract("motivatie", text)["motivatie"]
    assert validate("motivatie", value, dispatcher) == {"motivatie": expected}


def test_an_unrecognised_motivation_is_asked_again(dispatcher):
    assert validate("motivatie", "blablabla", dispatcher) == {"motivatie": None}
    assert dispatcher.messages[0]["response"] == "utter_invalid_motivatie"


def test_region_must_be_known(dispatcher):
    assert validate("regio", "Regio Zwolle", dispatcher) == {"regio": "Regio Zwolle"}
    assert extract("regio", "ik woon in Xyzdorp") == {"regio": "ik woon in Xyzdorp"}
    assert validate("regio", "ik woon in Xyzdorp", dispatcher) == {"regio": None}
    assert dispatcher.messages[0]["response"] == "utter_invalid_regio"


@pytest.mark.parametrize("text,entities,value,valid", [
    ("32 uur", [("uren", "32")], "32", True),
    ("zo'n 20 uurtjes", [], "20", True),
    ("fulltime", [], "40", True),
    ("4", [], "4", True),
    ("60", [], "60", True),
    ("2", [], "2", False),
    ("70 uur", [("uren", "70")], "70", False),
    ("veel", [], "veel", False),
])
def test_hours_must_be_between_4_and_60(text, entities, value, valid, dispatcher):
    assert extract("uren", text, entities=entities) == {"uren": value}
    result = validate("uren", value, dispatcher)
    assert result == {"uren": value if valid else None}
    if not valid:
        assert dispatcher.messages[0] == {
            **dispatcher.messages[0], "response": "utter_invalid_uren", "minimum": 4, "maximum": 60}


def test_free_text_work_is_kept_and_nonsense_is_asked_again(dispatcher):
    assert extract("sector", "kapper") == {"sector": "kapper"}
    assert extract("sector", "ik ben kapper") == {"sector": "kapper"}
    assert extract("sector", "ik werk als postbode") == {"sector": "postbode"}
    assert validate("sector", "Kapper", dispatcher) == {"sector": "kapper"}
    assert validate("sector", "123 !!", dispatcher) == {"sector": None}
    assert dispatcher.messages[0]["response"] == "utter_invalid_sector"


def test_summary_says_what_the_bot_knows_and_suggests_a_fitting_next_step(dispatcher):
    slots = {"sector": "zorg", "motivatie": "zingeving", "regio": "Twente", "uren": "24"}
    events = run(ActionIntakeSummary(), dispatcher, make_tracker(slots=slots))
    first, second = texts(dispatcher)
    assert first == ("Dank je! Dit weet ik nu: je huidige werk is zorg, je zoekt vooral zinvol werk "
                     "en de energietransitie, je woont in of bij Twente en je wilt 24 uur per week "
                     "werken. Ik gebruik dit in mijn volgende antwoorden.")
    assert second.startswith("Zal ik een paar beroepen voorstellen die hierbij passen?")
    payloads = [b["payload"] for b in dispatcher.messages[1]["buttons"]]
    assert payloads[:3] == ["/ask_occupations", "/ask_meaningful_work", "/ask_part_time_flexibility"]
    assert {"event": "slot", "timestamp": None, "name": "intake_gedaan", "value": True} in events
    # a plain "ja" now asks for the trajectory
    assert {"event": "slot", "timestamp": None, "name": "voorstel", "value": "traject"} in events


def test_summary_after_skipping_everything_is_kind(dispatcher):
    slots = dict.fromkeys(["sector", "motivatie", "regio", "uren"], "overgeslagen")
    run(ActionIntakeSummary(), dispatcher, make_tracker(slots=slots))
    assert texts(dispatcher) == [
        "Geen probleem, je hoeft niets over jezelf te vertellen. "
        "Zal ik een paar beroepen voorstellen die hierbij passen? Of wil je iets anders weten?"]


def test_explore_switch_opens_warmly_and_offers_the_intake(dispatcher):
    run(ActionExploreSwitch(), dispatcher, make_tracker("explore_switch"))
    said = texts(dispatcher)
    assert said[0].startswith("Fijn dat je erover nadenkt!") and "18%" in said[0]
    assert "Waar sta je nu, waar wil je naartoe, en wat houdt je nog tegen?" in said[-1]
    payloads = [b["payload"] for b in dispatcher.messages[-1]["buttons"]]
    assert payloads[:2] == ["/affirm", "/deny"]
    for text in said:
        assert unsourced_figures(text) == []


def test_explore_switch_after_the_intake_does_not_offer_it_again(dispatcher):
    run(ActionExploreSwitch(), dispatcher, make_tracker("explore_switch", slots={"intake_gedaan": True}))
    assert "vier korte vragen" not in " ".join(texts(dispatcher))


@pytest.mark.parametrize("intent", ["ask_guidance_on_the_job", "ask_part_time_flexibility",
                                    "ask_meaningful_work"])
def test_topic_answers_are_sourced(intent, dispatcher):
    run(ActionAnswerTopic(), dispatcher, make_tracker(intent))
    said = texts(dispatcher)
    for fact in KNOWLEDGE.answers[intent].bewijs:
        assert fact.tekst in said[0]
    for text in said:
        assert unsourced_figures(text) == [], text


def test_guidance_names_coach_informal_learning_and_the_four_steps(dispatcher):
    run(ActionAnswerTopic(), dispatcher, make_tracker("ask_guidance_on_the_job"))
    first = texts(dispatcher)[0]
    assert "coach on the job" in first and "85%" in first and "vier stappen" in first
    assert "minstens een half jaar" in first


def test_part_time_answer_uses_the_hours_from_the_intake(dispatcher):
    run(ActionAnswerTopic(), dispatcher, make_tracker("ask_part_time_flexibility", slots={"uren": "24"}))
    said = texts(dispatcher)
    assert "88% van de technici werkt fulltime en 6% parttime" in said[0]
    assert said[-1].startswith("Je wilt ongeveer 24 uur per week werken.")


def test_yes_follows_up_on_the_offer_of_the_previous_turn(dispatcher):
    events = [user("ik krijg toch geen baan", "belief_no_job_chance"),
              *bot_offered("ask_guidance_on_the_job"), user("ja", "affirm")]
    run(ActionAffirm(), dispatcher, make_tracker("affirm", text="ja", events=events))
    assert texts(dispatcher)[0].startswith(KNOWLEDGE.answers["ask_guidance_on_the_job"].erkenning)


def test_yes_to_an_older_offer_is_not_followed(dispatcher):
    events = [user("x", "belief_no_job_chance"), *bot_offered("ask_guidance_on_the_job"),
              user("wat kun je", "ask_capabilities"), {"event": "action", "name": "utter_capabilities"},
              user("ja", "affirm")]
    run(ActionAffirm(), dispatcher, make_tracker("affirm", text="ja", events=events))
    assert dispatcher.messages[0]["response"] == "utter_affirm"


def test_yes_to_responses_utters_them(dispatcher):
    events = [user("x", "belief_need_diploma"),
              *bot_offered("utter_capabilities,utter_inform_ack"), user("ja", "affirm")]
    run(ActionAffirm(), dispatcher, make_tracker("affirm", text="ja", events=events))
    assert [m["response"] for m in dispatcher.messages] == ["utter_capabilities", "utter_inform_ack"]


def test_yes_after_the_intake_gives_a_trajectory_for_fitting_occupations(dispatcher):
    events = [user("24", "inform"), {"event": "action", "name": "action_intake_summary"},
              {"event": "slot", "name": "voorstel", "value": "traject"}, user("ja", "affirm")]
    slots = {"motivatie": "handen", "sector": "zorg", "intake_gedaan": True}
    run(ActionAffirm(), dispatcher, make_tracker("affirm", text="ja", slots=slots, events=events))
    said = texts(dispatcher)
    assert said[0].startswith("Deze beroepen passen bij je:")
    assert "omdat je graag met je handen werkt" in said[0]
    assert "Na een korte training:" in said[1]


def test_yes_to_the_diploma_answer_gives_the_training_routes(dispatcher):
    events = [user("x", "belief_need_diploma"), *bot_offered("routes"), user("ja", "affirm")]
    run(ActionAffirm(), dispatcher, make_tracker("affirm", text="ja", events=events))
    said = texts(dispatcher)
    assert said[0].startswith("Je kunt op verschillende manieren de techniek in.")
    assert "4 dagen bij een bedrijf" in said[0]


def test_a_motivation_is_taken_even_when_it_looks_like_another_topic():
    assert extract("motivatie", "zinvol werk doen", "ask_meaningful_work") == {"motivatie": "zingeving"}
    assert extract("motivatie", "is er zinvol werk in de techniek?", "ask_meaningful_work") == {}
