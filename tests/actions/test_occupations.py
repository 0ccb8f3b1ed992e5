"""Occupations: finding them from what people type, and the checks on the data."""

import re

import pytest

from actions.knowledge import KNOWLEDGE
from actions.knowledge_fields import KnowledgeError
from actions.occupations import OCCUPATIONS, OCCUPATIONS_FILE, load_occupations
from bot.lookup_export import LOOKUP, forms_by_value, render


def test_at_least_20_occupations_each_with_tasks_routes_and_demand():
    assert len(OCCUPATIONS.by_key) >= 20
    for occupation in OCCUPATIONS.all():
        assert occupation.routine and occupation.specialist, occupation.key
        assert occupation.kwalificaties or occupation.kort, occupation.key
        assert occupation.vraag and occupation.bronnen, occupation.key
        assert all(2 <= q.niveau <= 4 for q in occupation.kwalificaties), occupation.key


@pytest.mark.parametrize("said,key", [
    ("elektricien", "elektromonteur"),
    ("Elektriciens", "elektromonteur"),
    ("installatiemonteurs", "installatiemonteur"),
    ("loodgietertje", "loodgieter"),
    ("aircomonteur", "koeltechnicus"),
    ("storingsmonteur", "servicemonteur"),
    ("zonnepanelenleggers", "zonnepanelenmonteur"),
    ("cnc-verspaners", "cnc-verspaner"),
    ("meet- en regeltechnicus", "meet- en regeltechnicus"),
])
def test_everyday_words_find_the_occupation(said, key):
    match = OCCUPATIONS.find(said)
    assert match.kind == "known" and match.occupation.key == key


def test_a_vague_word_offers_a_choice():
    match = OCCUPATIONS.find("monteurs")
    assert match.kind == "vague"
    assert match.vague.meervoud == "monteurs"
    assert "elektromonteur" in [o.key for o in match.vague.keuzes]


def test_unknown_and_missing_occupations():
    assert OCCUPATIONS.find("bakker").kind == "unknown"
    assert OCCUPATIONS.find(None).kind == "none"


def test_the_beroep_lookup_is_exported_from_the_occupations():
    """data/lookups/beroep.yml must be regenerated after editing occupations.yml."""
    assert LOOKUP.read_text(encoding="utf-8") == render(forms_by_value()), (
        "run: overstapcoach export-lookups"
    )


def test_every_occupation_has_its_plural_in_the_lookup():
    forms = forms_by_value()
    for occupation in OCCUPATIONS.all():
        assert occupation.meervoud in forms[occupation.key], occupation.key


def test_certificate_figures_are_listed_and_sourced():
    for certificate in OCCUPATIONS.certificates.values():
        assert certificate.source.key in KNOWLEDGE.sources
    assert "10 jaar" in OCCUPATIONS.certificates["vca"].uitleg


def test_a_word_under_two_occupations_stops_the_loader(tmp_path):
    text = OCCUPATIONS_FILE.read_text(encoding="utf-8")
    broken = re.sub(r"(\n  loodgieter:\n(?:.*\n)*?    synoniemen:\n)", r"\1      - elektricien\n", text, 1)
    path = tmp_path / "occupations.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="elektricien"):
        load_occupations(path)


def test_figures_in_task_wording_stop_the_loader(tmp_path):
    text = OCCUPATIONS_FILE.read_text(encoding="utf-8")
    broken = text.replace("- kabels trekken", "- 20 kabels per dag trekken", 1)
    path = tmp_path / "occupations.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="figure"):
        load_occupations(path)
