"""The training data covers the NLU contract and stays apart from the held-out set."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT.parent / "shared" / "nlu-contract.md"
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def contract_intents():
    """Intent names from the contract's table (shared/ lies beside the repo)."""
    if not CONTRACT.exists():
        pytest.skip("shared/nlu-contract.md is not beside this checkout")
    intents_part = CONTRACT.read_text(encoding="utf-8").split("## Entities")[0]
    names = re.findall(r"^\| ([a-z_]+) \|", intents_part, re.M)
    return [n for n in names if n != "intent"]


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@pytest.fixture(scope="module")
def training():
    return load_data(str(ROOT / "data" / "nlu"))


@pytest.fixture(scope="module")
def held_out():
    return load_data(str(ROOT / "tests" / "nlu"))


def test_contract_has_all_31_intents_and_domain_has_them():
    intents = contract_intents()
    assert len(intents) == 31 and "belief_too_old" in intents
    assert set(intents) <= set(DOMAIN["intents"])


def test_every_contract_intent_has_at_least_20_training_examples(training):
    counts = Counter(ex.get("intent") for ex in training.intent_examples)
    thin = {i: counts[i] for i in contract_intents() if counts[i] < 20}
    assert not thin


def test_every_contract_intent_has_at_least_6_held_out_examples(held_out):
    counts = Counter(ex.get("intent") for ex in held_out.intent_examples)
    thin = {i: counts[i] for i in contract_intents() if counts[i] < 6}
    assert not thin


def test_held_out_examples_are_never_trained_on(training, held_out):
    trained = {normalise(ex.get("text")) for ex in training.intent_examples}
    leaked = [ex.get("text") for ex in held_out.intent_examples if normalise(ex.get("text")) in trained]
    assert leaked == []


def test_no_training_example_has_two_intents(training):
    seen = {}
    clashes = []
    for ex in training.intent_examples:
        key = normalise(ex.get("text"))
        if key in seen and seen[key] != ex.get("intent"):
            clashes.append((ex.get("text"), seen[key], ex.get("intent")))
        seen[key] = ex.get("intent")
    assert clashes == []


def test_annotated_entities_are_in_the_domain(training, held_out):
    used = {e["entity"] for data in (training, held_out) for ex in data.intent_examples
            for e in ex.get("entities") or []}
    assert used <= set(DOMAIN["entities"])
    assert {"beroep", "regio", "sector", "leeftijd", "bedrag", "opleidingsniveau", "uren"} <= used
