import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.dutch_numbers import parse_dutch_number
from bot.nlu.entity_cleaner import EntityCleaner, clean_entities


def ent(entity, value, start, end, extractor="DIETClassifier"):
    return {"entity": entity, "value": value, "start": start, "end": end, "extractor": extractor}


@pytest.mark.parametrize("text,number", [
    ("47", 47), ("vijftig", 50), ("zevenenvijftig", 57), ("tweeënveertig", 42),
    ("Achttien", 18), ("één", 1), ("vijftiger", None), ("veel", None), ("", None),
])
def test_parse_dutch_number(text, number):
    assert parse_dutch_number(text) == number


def test_lookup_match_beats_overlapping_diet_fragments():
    # "cv monteur": DIET found two pieces, the lookup found the whole
    entities = [
        ent("beroep", "cv", 10, 12),
        ent("beroep", "monteur", 13, 20),
        ent("beroep", "cv-monteur", 10, 20, "RegexEntityExtractor"),
    ]
    assert [e["value"] for e in clean_entities(entities)] == ["cv-monteur"]


def test_regex_hours_beat_a_diet_age_on_the_same_number():
    entities = [ent("leeftijd", "32", 8, 10), ent("uren", "32", 8, 10, "RegexEntityExtractor")]
    assert clean_entities(entities) == [ent("uren", "32", 8, 10, "RegexEntityExtractor")]


def test_longer_span_wins_between_equal_extractors_and_order_is_kept():
    entities = [ent("regio", "Twente", 30, 36), ent("sector", "zorg", 0, 4),
                ent("beroep", "monteur", 20, 27), ent("beroep", "warmtepompmonteur", 15, 27)]
    assert [e["value"] for e in clean_entities(entities)] == ["zorg", "warmtepompmonteur", "Twente"]


def test_ages_and_hours_become_numbers_or_are_dropped():
    entities = [ent("leeftijd", "zevenenvijftig", 0, 14), ent("leeftijd", "vijftiger", 20, 29),
                ent("uren", "300", 40, 43), ent("uren", "24", 50, 52)]
    assert [(e["entity"], e["value"]) for e in clean_entities(entities)] == [
        ("leeftijd", "57"), ("uren", "24")]


def test_component_rewrites_message_entities():
    message = Message(data={"text": "x", "entities": [ent("leeftijd", "vijftig", 0, 7)]})
    EntityCleaner().process([message])
    assert message.get("entities")[0]["value"] == "50"
