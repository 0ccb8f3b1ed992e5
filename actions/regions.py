"""Places: the 35 labour-market regions and the provinces (data/knowledge/regions.yml).

A place comes in as the `regio` entity's canonical value (a region or a
province), or as a town or municipality when it arrives some other way (a
recruiter's embed, an old slot). Towns are mapped with the same synonyms as
entity extraction (data/lookups/regio.yml), so both always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Tuple

from actions.knowledge import KNOWLEDGE, Fact, Knowledge, Source
from actions.knowledge_fields import KnowledgeError, ids, mapping, read_yaml, text

ROOT = Path(__file__).resolve().parent.parent
REGIONS_FILE = ROOT / "data" / "knowledge" / "regions.yml"
REGION_LOOKUP = ROOT / "data" / "lookups" / "regio.yml"


@dataclass(frozen=True)
class Region:
    naam: str
    code: str
    provincies: Tuple[str, ...]  # main province first
    kernstad: str
    loket: Optional[str]  # the regional Leerwerkloket's confirmed name
    loket_bron: Optional[Source]
    werkcentrum: Optional[Fact]


@dataclass(frozen=True)
class Place:
    naam: str  # how the bot names it
    region: Optional[Region]  # None for a province
    provincie: str  # the (main) province, for vacancy figures

    @property
    def is_province(self) -> bool:
        return self.region is None


@dataclass(frozen=True)
class PlaceMatch:
    kind: str  # "known", "unknown" or "none"
    place: Optional[Place] = None
    text: str = ""


def _key(value: str) -> str:
    return re.sub(r"\s+", " ", value.strip().lower())


def lookup_synonyms(path: Path = REGION_LOOKUP) -> Dict[str, str]:
    """Every surface form in the region lookup -> its canonical value."""
    data = read_yaml(path)
    forms: Dict[str, str] = {}
    for item in data.get("nlu") or []:
        if "synonym" in item:
            canonical = str(item["synonym"])
            forms[_key(canonical)] = canonical
            for line in str(item.get("examples") or "").splitlines():
                form = line.strip().lstrip("-").strip()
                if form:
                    forms[_key(form)] = canonical
    return forms


class Regions:
    def __init__(self, regions: Dict[str, Region], synonyms: Dict[str, str]) -> None:
        self.regions = regions
        self.provinces = sorted({p for r in regions.values() for p in r.provincies})
        self.synonyms = synonyms
        unknown = sorted(
            set(synonyms.values()) - set(regions) - set(self.provinces)
        )
        if unknown:
            raise KnowledgeError(
                f"regio.yml maps to value(s) regions.yml does not know: {', '.join(unknown)}"
            )

    def regions_in(self, province: str) -> Tuple[Region, ...]:
        """Regions whose main province this is."""
        return tuple(r for r in self.regions.values() if r.provincies[0] == province)

    def resolve(self, value: Optional[str]) -> PlaceMatch:
        if value is None or not str(value).strip():
            return PlaceMatch("none")
        raw = str(value).strip()
        canonical = self.synonyms.get(_key(raw)) or raw
        if canonical in self.regions:
            region = self.regions[canonical]
            return PlaceMatch("known", Place(region.naam, region, region.provincies[0]), raw)
        if canonical in self.provinces:
            return PlaceMatch("known", Place(canonical, None, canonical), raw)
        return PlaceMatch("unknown", text=raw)


def load_regions(
    path: Path = REGIONS_FILE, lookup: Path = REGION_LOOKUP, knowledge: Knowledge = KNOWLEDGE
) -> Regions:
    data = read_yaml(path)
    ids({"bron": [data.get("bron")]}, "bron", knowledge.sources, path.name)
    regions: Dict[str, Region] = {}
    for name, item in mapping(data, "regios", path.name).items():
        where = f"region '{name}'"
        provinces = item.get("provincies") or []
        if not provinces or not all(isinstance(p, str) for p in provinces):
            raise KnowledgeError(f"{where}: 'provincies' must list at least one province")
        loket = item.get("loket")
        centre = item.get("werkcentrum")
        regions[name] = Region(
            naam=name,
            code=text(item, "code", where),
            provincies=tuple(provinces),
            kernstad=text(item, "kernstad", where),
            loket=None if loket is None else text(loket, "naam", where),
            loket_bron=None if loket is None
            else ids({"bron": [loket.get("bron")]}, "bron", knowledge.sources, where)[0],
            werkcentrum=None if centre is None
            else ids({"feit": [centre]}, "feit", knowledge.facts, where)[0],
        )
    return Regions(regions, lookup_synonyms(lookup))


REGIONS = load_regions()
