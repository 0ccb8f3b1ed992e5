"""The load benchmark's scripted conversations are well-formed and are our own words."""

import json
import re
from pathlib import Path

import pytest
import yaml

from bench.load_scenarios import BASELINE, OURS, SETS, is_payload

ROOT = Path(__file__).resolve().parents[2]
PAYLOAD = re.compile(r"^/(\w+)(\{.*\})?$")
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
MAX_MESSAGE = 1000  # the web app refuses longer messages


def domain():
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def normalized(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def training_examples():
    found = set()
    for folder in ("data/nlu", "tests/nlu"):
        for path in sorted((ROOT / folder).glob("*.yml")):
            for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
                for line in (block.get("examples") or "").splitlines():
                    line = line.strip()
                    if line.startswith("- "):
                        found.add(normalized(ANNOTATION.sub(r"\1", line[2:])))
    return found


@pytest.mark.parametrize("name", sorted(SETS))
def test_each_set_has_distinct_multi_turn_conversations(name):
    scenarios = SETS[name]
    assert len({s.name for s in scenarios}) == len(scenarios)
    assert len({s.turns for s in scenarios}) == len(scenarios)
    for scenario in scenarios:
        assert len(scenario.turns) >= 3, scenario.name
        for turn in scenario.turns:
            assert isinstance(turn, str) and turn == turn.strip() and turn, (scenario.name, turn)
            assert len(turn) <= MAX_MESSAGE


def test_our_set_has_six_to_ten_conversations_with_buttons_and_short_answers():
    assert 6 <= len(OURS) <= 10
    turns = [turn for scenario in OURS for turn in scenario.turns]
    assert sum(is_payload(t) for t in turns) >= 5
    assert {"ja", "nee"} <= set(turns)
    assert any(scenario.metadata for scenario in OURS)  # someone on a vacancy page


def test_payloads_are_what_the_widgets_buttons_send():
    spec = domain()
    intents, entities = set(spec["intents"]), set(spec["entities"])
    for scenario in OURS:
        for turn in filter(is_payload, scenario.turns):
            match = PAYLOAD.match(turn)
            assert match, turn
            assert match.group(1) in intents, turn
            if match.group(2):
                values = json.loads(match.group(2))
                assert set(values) <= entities and all(isinstance(v, str) for v in values.values()), turn


def test_vacancy_metadata_uses_only_keys_the_web_app_passes_on():
    from bot.web.chat import METADATA_KEYS

    for scenario in OURS:
        for key, value in scenario.metadata.items():
            assert key in METADATA_KEYS and len(value) <= METADATA_KEYS[key], (scenario.name, key)


def test_baseline_turns_are_typed_english_without_payloads():
    for scenario in BASELINE:
        assert not any(is_payload(t) for t in scenario.turns) and not scenario.metadata
        assert all(re.fullmatch(r"[A-Za-z ?!.']+", t) for t in scenario.turns), scenario.name


def test_longer_turns_are_our_own_words_not_training_or_held_out_examples():
    examples = training_examples()
    assert len(examples) > 500  # the parser found the NLU files
    copied = [turn for scenario in OURS for turn in scenario.turns
              if not is_payload(turn) and len(turn.split()) >= 4 and normalized(turn) in examples]
    assert copied == []
