"""Ranks occupations for one user from what the intake learned, with the reasons.

- motivation (slot `motivatie`): occupations whose `past_bij` lists it;
- current sector (slot `sector`): the sector's transferable skills (`overstap`);
- region (slot `regio`): where the province has clearly more vacancies in
  industry than in construction (or the other way round), that field's work;
- hours (slot `uren`): too few hours for a BBL year favour short routes.
Ties keep the order of occupations.yml, which starts with the most sought.
Without any of these the bot suggests the occupations companies seek most.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from actions.answers import slot_text
from actions.knowledge import KNOWLEDGE
from actions.occupations import OCCUPATIONS, Occupation
from actions.regions import REGIONS
from actions.vacancy_figures import VACANCY_FIGURES

MAX_SUGGESTIONS = 3
BBL_HOURS_PER_YEAR = int(KNOWLEDGE.facts["bbl_uren"].waarden[0])  # practice hours a BBL year asks
WORK_WEEKS_PER_YEAR = 40
WEIGHTS = {"motivatie": 3, "sector": 2, "regio": 1, "uren": 1}


@dataclass
class Suggestion:
    occupation: Occupation
    score: int = 0
    reasons: List[str] = field(default_factory=list)

    def add(self, weight: int, reason: str) -> None:
        self.score += weight
        if reason not in self.reasons:
            self.reasons.append(reason)


def too_few_hours_for_bbl(hours: Optional[str]) -> bool:
    return bool(hours and hours.isdigit() and int(hours) * WORK_WEEKS_PER_YEAR < BBL_HOURS_PER_YEAR)


def rank(
    motivation: Optional[str] = None,
    sector: Optional[str] = None,
    region: Optional[str] = None,
    hours: Optional[str] = None,
) -> Tuple[List[Suggestion], bool]:
    """Up to three suggestions, best first, and whether they are personal."""
    texts = OCCUPATIONS.texts
    suggestions = [Suggestion(o) for o in OCCUPATIONS.all()]
    motive = KNOWLEDGE.motivations.get(motivation or "")
    transfer = OCCUPATIONS.transfers.get(sector or "")
    place = REGIONS.resolve(region).place
    figure = VACANCY_FIGURES.province(place.provincie) if place else None
    busiest = figure.busiest_field() if figure else None
    short_route = too_few_hours_for_bbl(hours)
    for s in suggestions:
        occupation = s.occupation
        if motive and motive.key in occupation.past_bij:
            s.add(WEIGHTS["motivatie"], motive.reden)
        if transfer and occupation in transfer.beroepen:
            s.add(WEIGHTS["sector"], transfer.reden)
        if busiest and occupation.veld == busiest:
            s.add(WEIGHTS["regio"], texts[f"reden_regio_{busiest}"].format(provincie=figure.provincie))
        if short_route and not occupation.kwalificaties:
            s.add(WEIGHTS["uren"], texts["reden_uren"])
    personal = [s for s in suggestions if s.score > 0]
    if not personal:
        featured = [Suggestion(o, 0, [texts["reden_gezocht"]]) for o in OCCUPATIONS.featured]
        return featured[:MAX_SUGGESTIONS], False
    order = {s.occupation.key: i for i, s in enumerate(suggestions)}
    personal.sort(key=lambda s: (-s.score, order[s.occupation.key]))
    return personal[:MAX_SUGGESTIONS], True


def rank_for(tracker) -> Tuple[List[Suggestion], bool]:
    return rank(
        motivation=slot_text(tracker.get_slot("motivatie")),
        sector=slot_text(tracker.get_slot("sector")),
        region=slot_text(tracker.get_slot("regio")),
        hours=slot_text(tracker.get_slot("uren")),
    )


def because(suggestion: Suggestion) -> str:
    """'omdat je graag met je handen werkt en ...'."""
    reasons = suggestion.reasons
    joined = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + " en " + reasons[-1]
    return f"omdat {joined}"
