"""Places: towns, regions and provinces resolve to what the bot knows about them."""

import pytest

from actions.knowledge_fields import KnowledgeError
from actions.regions import REGIONS, REGIONS_FILE, load_regions


def test_all_35_labour_market_regions_with_unique_codes():
    assert len(REGIONS.regions) == 35
    codes = [r.code for r in REGIONS.regions.values()]
    assert len(set(codes)) == 35 and "AM04" not in codes  # CBS codes have gaps


@pytest.mark.parametrize("said,region,province", [
    ("Twente", "Twente", "Overijssel"),
    ("Enschede", "Twente", "Overijssel"),
    ("deventer", "Veluwe Stedendriehoek", "Gelderland"),  # Overijssel town in a Gelderland region
    ("Assen", "Groningen", "Groningen"),  # Drenthe town in the Groningen region
    ("Meppel", "Regio Zwolle", "Overijssel"),
    ("Utrecht", "Midden-Utrecht", "Utrecht"),
    ("Den Haag", "Haaglanden", "Zuid-Holland"),
    ("Fryslân", "Friesland", "Friesland"),
])
def test_towns_and_regions_resolve_to_their_region(said, region, province):
    match = REGIONS.resolve(said)
    assert match.kind == "known"
    assert (match.place.naam, match.place.provincie) == (region, province)
    assert not match.place.is_province


def test_a_province_resolves_to_itself_with_its_regions():
    match = REGIONS.resolve("Gelderland")
    assert match.kind == "known" and match.place.is_province
    regions = {r.naam for r in REGIONS.regions_in("Gelderland")}
    assert {"Achterhoek", "Midden-Gelderland", "Rijk van Nijmegen", "Rivierenland"} <= regions
    assert "Twente" not in regions


@pytest.mark.parametrize("said,kind", [("Londen", "unknown"), ("", "none"), (None, "none")])
def test_unknown_and_missing_places(said, kind):
    assert REGIONS.resolve(said).kind == kind


def test_the_leerwerkloket_is_named_only_where_a_source_confirms_it():
    named = {r.naam: r.loket for r in REGIONS.regions.values() if r.loket}
    assert named == {
        "Twente": "Leerwerkloket Twente",
        "Friesland": "Leerwerkloket Fryslân",
        "Rijnmond": "Leerwerkloket Rijnmond",
    }
    assert all(r.loket_bron and r.loket_bron.bron_url for r in REGIONS.regions.values() if r.loket)


def test_every_value_the_region_lookup_produces_is_known():
    assert set(REGIONS.synonyms.values()) <= set(REGIONS.regions) | set(REGIONS.provinces)


def test_a_region_with_an_unknown_source_stops_the_loader(tmp_path):
    broken = REGIONS_FILE.read_text(encoding="utf-8").replace(
        "bron: leerwerkloket_regio", "bron: verzonnen_bron", 1
    )
    path = tmp_path / "regions.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="verzonnen_bron"):
        load_regions(path)
