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
    text = "Technici verdienen gemiddeld € 9.999 (bron: TechBarometer 2024)."
    assert figures_in(text) == ["€ 9.999"]
    assert not any("€ 9.999" in fact.waarden for fact in KNOWLEDGE.facts.values())


def test_ended_schemes_are_said_to_have_ended():
    assert KNOWLEDGE.sources["rijksoverheid_stap"].status == "beeindigd"
    stap = [t for _, t in response_texts() if "STAP" in t]
    assert stap and all("bestaat niet meer" in t for t in stap)
