import re
import textwrap

import pytest

from actions.knowledge import KNOWLEDGE, KnowledgeError, load_knowledge

SOURCES = """
bronnen:
  tb:
    bron: TechBarometer 2024 (ROVC)
    bron_kort: TechBarometer 2024
    bron_url: null
    peildatum: 2024-03-01
feiten:
  - id: salaris
    bron: tb
    feit: Technici verdienen gemiddeld € 3.111 bruto per maand.
    waarden: ["€ 3.111"]
    vindplaats: "001:2405-2408"
"""

SCHEME = """
regelingen:
  - id: leerwerkloket
    naam: Leerwerkloket
    voor_wie: iedereen
    situaties: [iedereen]
    status: actief
    wat: Gratis advies over leren en werken.
    voorwaarden: Voor iedereen.
    bron: Leerwerkloket
    bron_url: https://www.leerwerkloket.nl
    peildatum: 2026-01-01
    laatst_gecontroleerd: 2026-11-22
"""


def write(tmp_path, facts=SOURCES, funding=SCHEME):
    (tmp_path / "seed_facts.yml").write_text(textwrap.dedent(facts), encoding="utf-8")
    (tmp_path / "funding.yml").write_text(textwrap.dedent(funding), encoding="utf-8")
    return tmp_path


def test_the_project_knowledge_loads_and_is_complete():
    assert KNOWLEDGE.facts["salaris_gemiddeld"].source.bron_kort == "TechBarometer 2024"
    assert KNOWLEDGE.sources["rijksoverheid_stap"].status == "beeindigd"


def test_a_valid_minimal_set_loads(tmp_path):
    knowledge = load_knowledge(write(tmp_path))
    assert knowledge.facts["salaris"].waarden == ("€ 3.111",)
    assert [s.id for s in knowledge.schemes_for("werkgever")] == ["leerwerkloket"]


@pytest.mark.parametrize("broken,message", [
    (SOURCES.replace("    bron: TechBarometer 2024 (ROVC)\n", ""), "'bron' is missing"),
    (SOURCES.replace("peildatum: 2024-03-01", "peildatum: maart 2024"), "must be a date"),
    (SOURCES.replace("peildatum: 2024-03-01", "peildatum: 2999-01-01"), "lies in the future"),
    (SOURCES.replace("    bron: tb", "    bron: onbekende_bron"), "unknown source"),
    (SOURCES.replace('waarden: ["€ 3.111"]', 'waarden: ["€ 3.999"]'), "does not occur in the fact"),
    (SOURCES + SOURCES.split("feiten:")[1], "occurs twice"),
    ("- not a mapping\n", "expected a mapping"),
    ("bronnen: [unclosed\n", "not valid YAML"),
])
def test_broken_facts_fail_loudly(tmp_path, broken, message):
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(write(tmp_path, facts=broken))


@pytest.mark.parametrize("name", ["seed_facts.yml", "funding.yml"])
def test_a_missing_knowledge_file_fails_loudly(tmp_path, name):
    (write(tmp_path) / name).unlink()
    with pytest.raises(KnowledgeError, match=f"{name}: file is missing"):
        load_knowledge(tmp_path)


@pytest.mark.parametrize("broken,message", [
    (SCHEME.replace("status: actief", "status: misschien"), "'status' must be one of"),
    (SCHEME.replace("    status: actief\n", ""), "'status' must be one of"),
    (SCHEME.replace("    laatst_gecontroleerd: 2026-11-22\n", ""), "'laatst_gecontroleerd' must be a date"),
    (SCHEME.replace("https://www.leerwerkloket.nl", "http://www.leerwerkloket.nl"), "https://"),
    (SCHEME.replace("[iedereen]", "[toerist]"), "'situaties' must list"),
    (SCHEME.replace("    voorwaarden: Voor iedereen.\n", ""), "'voorwaarden' is missing"),
])
def test_broken_schemes_fail_loudly(tmp_path, broken, message):
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(write(tmp_path, funding=broken))


def test_ended_schemes_say_in_plain_words_that_they_ended():
    ended = [s for s in KNOWLEDGE.schemes.values() if s.status == "beeindigd"]
    assert {"stap_budget", "belastingaftrek_studiekosten"} <= {s.id for s in ended}
    for scheme in ended:
        assert re.search(r"gestopt|bestaat niet meer|afgeschaft|niet meer", scheme.wat + scheme.voorwaarden), scheme.id


def test_schemes_with_unknown_status_say_they_are_not_sure():
    for scheme in KNOWLEDGE.schemes.values():
        if scheme.status == "onbekend":
            assert re.search(r"niet zeker|onduidelijk|weten we niet|niet bekend", scheme.wat + scheme.voorwaarden), scheme.id
