"""The vacancy snapshot (data/knowledge/vacancies.yml): which figures to give for
an occupation, a region or a province, and the words around them.

The figures themselves are facts (loaded with facts.yml by actions/knowledge.py),
each with its source and period. This module only says which facts belong where.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Tuple

from actions.knowledge import KNOWLEDGE, Fact, Knowledge
from actions.knowledge_fields import KnowledgeError, ids, mapping, read_yaml, wordings

VACANCIES_FILE = Path(__file__).resolve().parent.parent / "data" / "knowledge" / "vacancies.yml"
TEXTS = (
    "beroep", "beroep_betekenis", "algemeen", "algemeen_betekenis", "regio_provincie",
    "provincie", "regio_geen_cijfer", "regio_betekenis_industrie", "regio_betekenis_bouw",
    "onbekend_beroep", "vaag_beroep", "onbekende_plaats", "live", "terugval",
    "loket_landelijk", "loket_bekend", "loket_regio",
)


@dataclass(frozen=True)
class ProvinceFigure:
    provincie: str
    fact: Fact
    industrie: Optional[int]  # open vacancies, to rank industrial against building work
    bouw: Optional[int]

    def busiest_field(self) -> Optional[str]:
        """'industrie' or 'bouw' when one clearly has more vacancies, else None."""
        if self.industrie is None or self.bouw is None or self.industrie == self.bouw:
            return None
        return "industrie" if self.industrie > self.bouw else "bouw"


@dataclass(frozen=True)
class VacancyFigures:
    national: Tuple[Fact, ...]
    provinces: Dict[str, ProvinceFigure]
    regions: Dict[str, Tuple[Fact, ...]]
    texts: Dict[str, str]

    def province(self, name: str) -> Optional[ProvinceFigure]:
        return self.provinces.get(name)


def _count(item: Dict, key: str, where: str) -> Optional[int]:
    value = item.get(key)
    if value is not None and (not isinstance(value, int) or value < 0):
        raise KnowledgeError(f"{where}: '{key}' must be a whole number of vacancies")
    return value


def load_vacancy_figures(path: Path = VACANCIES_FILE, knowledge: Knowledge = KNOWLEDGE) -> VacancyFigures:
    data = read_yaml(path)
    for fact_id in (f.get("id") for f in data.get("feiten") or []):
        if knowledge.facts.get(fact_id) is None or knowledge.facts[fact_id].periode is None:
            raise KnowledgeError(f"{path.name}: fact '{fact_id}' needs a 'periode'")
    provinces = {}
    for name, item in mapping(data, "provincies", path.name).items():
        where = f"{path.name} provincie '{name}'"
        provinces[name] = ProvinceFigure(
            name,
            ids({"feit": [item.get("feit")]}, "feit", knowledge.facts, where)[0],
            _count(item, "industrie", where),
            _count(item, "bouw", where),
        )
    return VacancyFigures(
        national=ids(data, "landelijk", knowledge.facts, path.name),
        provinces=provinces,
        regions={
            name: ids({"feiten": listed}, "feiten", knowledge.facts, f"{path.name} regio '{name}'")
            for name, listed in (data.get("regios") or {}).items()
        },
        texts=wordings(data, "teksten", path.name, TEXTS),
    )


VACANCY_FIGURES = load_vacancy_figures()
