import pytest

from actions.vacancy_context import clean_text, vacancy_context


def test_only_known_keys_become_slots():
    slots = vacancy_context(
        {"vacature_id": "V1", "titel": "Monteur", "werkgever": "Firma", "beroep": "monteur",
         "regio": "Twente", "unknown": "x", "intent": "/ask_salary", "sender": "someone"}
    )
    assert slots == {"vacature_id": "V1", "vacature_titel": "Monteur", "werkgever": "Firma",
                     "beroep": "monteur", "regio": "Twente"}


def test_markup_and_control_characters_are_removed():
    assert clean_text("<b>Elektro</b>monteur\x00\n\t<script>x()</script>", 80) == "Elektro monteur x()"
    assert clean_text("salaris < 3000 of > 2000", 80) == "salaris 3000 of 2000"


def test_values_are_trimmed_and_cut_to_their_limit():
    slots = vacancy_context({"titel": "  " + "lang " * 100, "werkgever": "W" * 500})
    assert len(slots["vacature_titel"]) <= 120 and not slots["vacature_titel"].endswith(" ")
    assert slots["werkgever"] == "W" * 120


@pytest.mark.parametrize("metadata", [None, "titel=x", ["titel"], 42])
def test_metadata_that_is_not_an_object_gives_no_context(metadata):
    assert vacancy_context(metadata) == {}


@pytest.mark.parametrize("value", [None, "", "   ", ["a"], {"a": 1}, True, "<i></i>"])
def test_empty_or_non_text_values_are_dropped(value):
    assert vacancy_context({"titel": value}) == {}


def test_numeric_vacancy_id_is_accepted_as_text():
    assert vacancy_context({"vacature_id": 12345}) == {"vacature_id": "12345"}


@pytest.mark.parametrize("bad_id", ["'; DROP TABLE events;--", "../../etc", "a b", "<x>"])
def test_vacancy_id_must_be_a_plain_identifier(bad_id):
    assert "vacature_id" not in vacancy_context({"vacature_id": bad_id})
