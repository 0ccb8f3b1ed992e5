"""Entities found by the curated lookups and regexes in data/lookups/.

Uses Rasa's own pattern builder and the project's EntityCleaner, the same way
RegexEntityExtractor + EntitySynonymMapper + EntityCleaner run in the pipeline.
"""

import re
from pathlib import Path

import pytest
from rasa.nlu.utils.pattern_utils import extract_patterns
from rasa.shared.nlu.training_data.loading import load_data

from bot.nlu.entity_cleaner import clean_entities

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def extract():
    data = load_data(str(ROOT / "data" / "nlu")).merge(load_data(str(ROOT / "data" / "lookups")))
    patterns = extract_patterns(data, use_only_entities=True, use_word_boundaries=True)
    synonyms = {k.lower(): v for k, v in data.entity_synonyms.items()}  # as EntitySynonymMapper

    def run(text):
        found = []
        for pattern in patterns:
            for m in re.finditer(pattern["pattern"], text, flags=re.IGNORECASE):
                value = synonyms.get(m.group(0).lower(), m.group(0))
                found.append({"entity": pattern["name"], "value": value, "start": m.start(),
                              "end": m.end(), "extractor": "RegexEntityExtractor"})
        return {(e["entity"], e["value"]) for e in clean_entities(found)}

    return run


@pytest.mark.parametrize("text,expected", [
    ("elektriciens in de buurt van Zwolle", {("beroep", "elektromonteur"), ("regio", "Regio Zwolle")}),
    ("monteurs Twente", {("beroep", "monteur"), ("regio", "Twente")}),
    ("is er vraag naar loodgieters?", {("beroep", "loodgieter")}),
    ("vacatures voor installatiemonteurs in Enschede", {("beroep", "installatiemonteur"), ("regio", "Twente")}),
    ("wat verdient een airco monteur in Brabant", {("beroep", "koeltechnicus"), ("regio", "Noord-Brabant")}),
    ("ik wil cv monteur worden", {("beroep", "cv-monteur")}),
    ("ik woon in Den Bosch", {("regio", "Noordoost-Brabant")}),
])
def test_occupations_and_regions(extract, text, expected):
    assert extract(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("ik werk in de thuiszorg", {("sector", "zorg")}),
    ("ik sta voor de klas", {("sector", "onderwijs")}),
    ("ik werk bij een bank", {("sector", "financiele dienstverlening")}),
    ("ik lig op de bank tv te kijken", set()),
    ("ik heb mbo niveau 4 gedaan", {("opleidingsniveau", "mbo-4")}),
    ("ik heb geen diploma", {("opleidingsniveau", "geen diploma")}),
    ("ik heb de universiteit afgemaakt", {("opleidingsniveau", "wo")}),
])
def test_sector_and_education(extract, text, expected):
    assert extract(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("ik ben 47 jaar", {("leeftijd", "47")}),
    ("ik ben zevenenvijftig", {("leeftijd", "57")}),
    ("kan ik met 52 nog omscholen?", {("leeftijd", "52")}),
    ("ik werk al 20 jaar in de zorg", {("sector", "zorg")}),
    ("ik wil 32 uur werken", {("uren", "32")}),
    ("ik ben 40 uur per week aan het werk", {("uren", "40")}),
    ("ik verdien nu € 2.800,- bruto", {("bedrag", "€ 2.800,-")}),
    ("ik verdien nu 2800 bruto", {("bedrag", "2800")}),
    ("rond de 2800 euro", {("bedrag", "2800 euro")}),
    ("28k per jaar", {("bedrag", "28k")}),
])
def test_numbers(extract, text, expected):
    assert extract(text) == expected
