"""Every figure the bot states must come from data/knowledge with its source.

The knowledge files themselves are validated by actions/knowledge.py
(tests/actions/test_knowledge.py); this module checks the responses.
"""

import re
from pathlib import Path

import pytest
import yaml

from actions.knowledge import KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))

# Figures as the bot writes them: "1 januari 2024", "€ 3.111", "83.600", "18%", "47".
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
NUMBER = re.compile(rf"\d{{1,2}} (?:{MONTHS}) \d{{4}}|(?:€ )?\d+(?:[.,]\d+)*%?")


def response_texts():
    for name, variations in DOMAIN["responses"].items():
        for variation in variations:
            yield name, variation["text"]


def figures_in(text):
    for source in KNOWLEDGE.sources.values():  # "TechBarometer 2024" is a name, not a figure
        text = text.replace(source.bron_kort, "")
    return [m.group(0) for m in NUMBER.finditer(text)]


@pytest.mark.parametrize("name,text", list(response_texts()))
def test_every_number_in_a_response_is_a_sourced_fact_named_in_it(name, text):
    for number in figures_in(text):
        backing = [
            fact for fact in KNOWLEDGE.facts.values()
            if number in fact.waarden and fact.source.bron_kort in text
        ]
        assert backing, f"{name}: '{number}' has no sourced fact whose source the text names"


def test_the_check_catches_an_unsourced_number():
    text = "Technici verdienen gemiddeld € 9.999. Bron: TechBarometer 2024 (ROVC)."
    assert figures_in(text) == ["€ 9.999"]
    assert not any("€ 9.999" in fact.waarden for fact in KNOWLEDGE.facts.values())


def test_responses_the_actions_and_knowledge_use_exist():
    used = set()
    for module in (ROOT / "actions").glob("*.py"):
        used |= set(re.findall(r'response="(utter_\w+)"', module.read_text(encoding="utf-8")))
    for answer in KNOWLEDGE.answers.values():
        used |= {t for t in answer.ja if t.startswith("utter_")}
    assert used and used <= set(DOMAIN["responses"]), used - set(DOMAIN["responses"])


def test_every_custom_action_in_the_domain_is_implemented():
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    custom = {a for a in DOMAIN["actions"] if a.startswith(("action_", "validate_"))}
    assert custom <= set(executor.actions), custom - set(executor.actions)


def test_button_payloads_name_domain_intents():
    intents = set(DOMAIN["intents"])
    payloads = [b["payload"] for v in DOMAIN["responses"].values() for r in v for b in r.get("buttons", [])]
    payloads += [b.payload for a in KNOWLEDGE.answers.values() for b in a.knoppen]
    for payload in payloads:
        assert re.match(r"/(\w+)", payload).group(1) in intents, payload
