import re
import shutil

import pytest

from actions.knowledge import FILES, KNOWLEDGE, KNOWLEDGE_DIR, KnowledgeError, load_knowledge


@pytest.fixture
def copy(tmp_path):
    """A copy of the project's knowledge files that a test may break."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


def edit(directory, name, old, new):
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


def test_the_project_knowledge_loads_and_is_complete():
    assert KNOWLEDGE.facts["salaris_gemiddeld"].source.bron_kort == "TechBarometer 2024 (ROVC)"
    assert KNOWLEDGE.sources["rijksoverheid_stap"].status == "beeindigd"
    beliefs = {a for a in KNOWLEDGE.answers if a.startswith("belief_")}
    assert len(beliefs) == 8
    assert set(KNOWLEDGE.situations) == {"werkend", "werkzoekend_ww", "bijstand", "werkzoekend", "onbekend"}


@pytest.mark.parametrize("name,old,new,message", [
    ("sources.yml", "    bron: TechBarometer 2024, 8e", "    titel: TechBarometer 2024, 8e", "'bron' is missing"),
    ("sources.yml", "peildatum: 2024-03-01", "peildatum: maart 2024", "must be a date"),
    ("sources.yml", "peildatum: 2024-03-01", "peildatum: 2999-01-01", "lies in the future"),
    ("facts.yml", "bron: techbarometer_2024", "bron: onbekende_bron", "unknown source"),
    ("facts.yml", 'waarden: ["€ 3.111"]', 'waarden: ["€ 3.999"]', "does not occur in the fact"),
    ("facts.yml", 'waarden: ["€ 3.111"]', "waarden: []", "figure 3.111 is not listed"),
    ("facts.yml", "  - id: salaris_tevreden", "  - id: salaris_gemiddeld", "occurs twice"),
    ("beliefs.yml", "erkenning: Ik snap dat je daar bang voor bent.",
     "erkenning: Ik snap dat, 90% denkt dat.", "contains a figure"),
    ("beliefs.yml", "bewijs: [salaris_angst,", "bewijs: [verzonnen_feit,", "unknown id"),
    ("beliefs.yml", "ja: ask_guidance_on_the_job", "ja: ask_nonsense", "unknown target"),
    ("beliefs.yml", 'payload: "/ask_salary"', 'payload: "ask_salary"', "must start with '/'"),
    ("funding.yml", "status: actief", "status: misschien", "'status' must be one of"),
    ("funding.yml", "    laatst_gecontroleerd: 2026-11-22\n", "", "'laatst_gecontroleerd' must be a date"),
    ("funding.yml", "https://duo.nl", "http://duo.nl", "https://"),
    ("funding.yml", "regelingen: [gemeente_bijstand,", "regelingen: [verzonnen,", "unknown id"),
    ("salary.yml", "marge: 0.05", "marge: 5", "fraction"),
    ("salary.yml", "elektromonteur: salaris_elektromonteur", "elektromonteur: onbekend", "unknown id"),
    ("coaching.yml", "  uren: Je wilt ongeveer {uren} uur", "  uren: Je wilt 40 of {uren} uur", "figure"),
])
def test_broken_knowledge_fails_loudly(copy, name, old, new, message):
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(edit(copy, name, old, new))


@pytest.mark.parametrize("name", FILES)
def test_a_missing_knowledge_file_fails_loudly(copy, name):
    (copy / name).unlink()
    with pytest.raises(KnowledgeError, match=f"{name}: file is missing"):
        load_knowledge(copy)


def test_broken_yaml_fails_loudly(copy):
    (copy / "beliefs.yml").write_text("antwoorden: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not valid YAML"):
        load_knowledge(copy)


def test_ended_schemes_say_in_plain_words_that_they_ended():
    ended = [s for s in KNOWLEDGE.schemes.values() if s.status == "beeindigd"]
    assert {"stap_budget", "belastingaftrek_studiekosten"} <= {s.id for s in ended}
    for scheme in ended:
        assert re.search(r"gestopt|bestaat niet meer|niet meer", scheme.kort + scheme.voorwaarden), scheme.id
    assert "bestaat niet meer" in KNOWLEDGE.facts["stap_beeindigd"].tekst


def test_schemes_with_unknown_status_say_they_are_not_sure():
    for scheme in KNOWLEDGE.schemes.values():
        if scheme.status == "onbekend":
            assert re.search(r"niet zeker|niet bekend", scheme.kort + scheme.voorwaarden), scheme.id


def test_conditions_fit_on_one_line():
    for scheme in KNOWLEDGE.schemes.values():
        assert scheme.voorwaarden.count(". ") == 0 and len(scheme.voorwaarden) <= 160, scheme.id
