"""Which "/intent{entities}" texts the chat endpoint passes on (bot/web/payloads.py):
every payload the bot really sends, and nothing that only looks like one."""

import re
from pathlib import Path

import pytest
import yaml

from bot.web.payloads import PATTERN, acceptable, vocabulary

ROOT = Path(__file__).resolve().parents[3]


def payloads_in(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "payload" and isinstance(value, str):
                yield value
            else:
                yield from payloads_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from payloads_in(item)


def payloads_the_bot_sends():
    """Buttons in domain.yml and data/knowledge/, literal payloads in actions/, and the
    ones actions build with mentions.payload() for every occupation."""
    from actions.mentions import payload
    from actions.occupations import OCCUPATIONS

    found = set(payloads_in(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))))
    for path in sorted((ROOT / "data" / "knowledge").glob("*.yml")):
        found |= set(payloads_in(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for path in sorted((ROOT / "actions").glob("*.py")):
        found |= set(re.findall(r'"(/[a-z_]+)"', path.read_text(encoding="utf-8")))
    built = set()
    for path in sorted((ROOT / "actions").glob("*.py")):
        built |= set(re.findall(r'payload\("([a-z_]+)"', path.read_text(encoding="utf-8")))
    # lookup_answers.py and trajectory.py pass the intent in a variable
    built |= {"ask_vacancies", "ask_training_routes", "ask_functional_deployability", "ask_occupations"}
    for intent in built:
        for occupation in OCCUPATIONS.all():
            found.add(payload(intent, beroep=occupation.key))
    return sorted(found)


def test_the_pattern_is_rasas_own():
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

    assert PATTERN.pattern == YAMLStoryReader._regex_message_pattern().pattern


def test_every_payload_the_bot_sends_is_accepted():
    sent = payloads_the_bot_sends()
    assert len(sent) > 100  # buttons of responses and knowledge, and one per occupation
    assert '/inform{"motivatie": "handen"}' in sent and '/feedback{"feedback_score": "goed"}' in sent
    assert [p for p in sent if not acceptable(p)] == []


def test_only_our_own_intents_and_entities_count():
    words = vocabulary()
    assert {"greet", "inform", "out_of_scope", "feedback"} <= words.intents
    assert not {"restart", "back", "session_start", "nlu_fallback"} & words.intents
    assert {"beroep", "motivatie", "feedback_score"} <= words.entities


@pytest.mark.parametrize("text", [
    '/ask_salary{"beroep": "x", "hacker": "y"}',           # an entity the domain does not have
    "/nonexistent_intent",
    "/restart", "/session_start", "/back", "/nlu_fallback",  # Rasa's own, with side effects
    '/inform{"beroep": {"$ne": 1}}',                        # an object as value
    '/inform{"beroep": "' + "a" * 500,                      # unfinished and overlong
    '/inform{"beroep": "' + "a" * 500 + '"}',               # overlong
    "/greet@1.0", '/inform@0.3{"beroep": "lasser"}',        # a confidence
    '/greet{"beroep": "lasser"} en nog wat',                # something after the entities
    '/greet{"beroep": "lasser"}\nnog een regel',            # a second line
    "/greet hoi", "/ greet", "/", "//greet",
    "/inform{}", '/inform["beroep"]', '/inform{"beroep": ["lasser", "loodgieter"]}',
    '/inform{"beroep": null}', '/inform{"beroep": true}', '/inform{"beroep": ""}',
    '/inform{"uren": 1e400}', '/inform{"uren": 99999999999}', '/inform{"uren": NaN}',
    '/inform{"beroep": "\\u0000lasser"}', '/inform{"beroep": "\\u202elasser"}',
    '/inform{"beroep": "lasser"}{"regio": "Twente"}', "/inform{not json}",
])
def test_forged_payloads_are_refused(text):
    assert not acceptable(text)


@pytest.mark.parametrize("text", [
    "/greet", "/affirm", '/inform{"uren": "32"}', '/inform{"uren": 32}',
    '/ask_vacancies{"beroep": "meet- en regeltechnicus"}',
    '/inform{"beroep": "lasser", "regio": "Twente"}',
])
def test_payloads_shaped_like_our_buttons_pass(text):
    assert acceptable(text)
