"""Every figure the bot states must come from data/knowledge with its source."""

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FACTS = yaml.safe_load((ROOT / "data/knowledge/seed_facts.yml").read_text(encoding="utf-8"))
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))

# Figures as the bot writes them: "1 januari 2024", "€ 3.111", "83.600", "18%", "47".
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
NUMBER = re.compile(rf"\d{{1,2}} (?:{MONTHS}) \d{{4}}|(?:€ )?\d+(?:[.,]\d+)*%?")


def response_texts():
    for name, variations in DOMAIN["responses"].items():
        for variation in variations:
            yield name, variation["text"]


def test_every_source_has_title_and_date():
    for key, source in FACTS["bronnen"].items():
        assert source["bron"] and source["bron_kort"], key
        assert isinstance(source["peildatum"], date), key
        if "status" in source:
            assert source["status"] in {"actief", "beeindigd"}, key
            assert isinstance(source["laatst_gecontroleerd"], date), key


def test_every_fact_names_a_known_source_and_where_it_was_found():
    for fact in FACTS["feiten"]:
        assert fact["bron"] in FACTS["bronnen"], fact["id"]
        assert fact["feit"] and fact["vindplaats"], fact["id"]
        for value in fact["waarden"]:
            assert value in fact["feit"], (fact["id"], value)


@pytest.mark.parametrize("name,text", list(response_texts()))
def test_every_number_in_a_response_is_a_sourced_fact_named_in_it(name, text):
    figures = text
    for source in FACTS["bronnen"].values():  # "TechBarometer 2024" is a name, not a figure
        figures = figures.replace(source["bron_kort"], "")
    for match in NUMBER.finditer(figures):
        number = match.group(0)
        backing = [
            fact
            for fact in FACTS["feiten"]
            if number in fact["waarden"]
            and FACTS["bronnen"][fact["bron"]]["bron_kort"] in text
        ]
        assert backing, f"{name}: '{number}' has no sourced fact whose source the text names"


def test_the_check_catches_an_unsourced_number():
    text = "Technici verdienen gemiddeld € 9.999 (bron: TechBarometer 2024)."
    numbers = [m.group(0) for m in NUMBER.finditer(text)]
    assert numbers == ["€ 9.999", "2024"]
    assert not any("€ 9.999" in fact["waarden"] for fact in FACTS["feiten"])


def test_ended_schemes_are_said_to_have_ended():
    ended = [k for k, s in FACTS["bronnen"].items() if s.get("status") == "beeindigd"]
    assert ended == ["rijksoverheid_stap"]
    stap = [t for _, t in response_texts() if "STAP" in t]
    assert stap and all("bestaat niet meer" in t for t in stap)
