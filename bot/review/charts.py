"""The figures behind the charts page, computed from the filtered conversations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from typing import Dict, List, Tuple

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from bot.review import svg

TOP = 10
INTENT_LABELS = {"nlu_fallback": "niet begrepen"}


@dataclass
class Chart:
    key: str
    title: str
    svg: SafeString
    note: str = ""


def count_members(values, top: int = TOP) -> List[Tuple[str, int]]:
    counter: Counter = Counter()
    for value in values:
        counter.update(set(v for v in value.split(",") if v))
    return counter.most_common(top)


def per_day(rows: List[Dict]) -> Tuple[List[Tuple[str, float]], List[Tuple[str, float]]]:
    """Conversations per day and the share with a fallback, with empty days filled in."""
    days: Counter = Counter()
    fallbacks: Counter = Counter()
    for r in rows:
        day = timezone.localtime(r["started_at"]).date()
        days[day] += 1
        fallbacks[day] += 1 if r["had_fallback"] else 0
    if not days:
        return [], []
    first, last = min(days), max(days)
    span = [first + timedelta(days=n) for n in range((last - first).days + 1)][-120:]
    counts = [(d.strftime("%d-%m"), days[d]) for d in span]
    rates = [(d.strftime("%d-%m"), round(100 * fallbacks[d] / days[d]) if days[d] else 0) for d in span]
    return counts, rates


def all_charts(rows: QuerySet) -> List[Chart]:
    data = list(rows.order_by().values(
        "started_at", "had_fallback", "intents", "beliefs", "last_intent", "feedback",
        "trajectories", "vacature_id",
    ))
    total = len(data)
    counts, rates = per_day(data)
    fallback_share = round(100 * sum(r["had_fallback"] for r in data) / total) if total else 0
    feedback = Counter(r["feedback"] for r in data if r["feedback"])
    rated = feedback["goed"] + feedback["slecht"]
    ends = Counter(INTENT_LABELS.get(r["last_intent"], r["last_intent"]) for r in data if r["last_intent"])
    vacancies = Counter(r["vacature_id"] for r in data if r["vacature_id"])
    return [
        Chart("per_dag", "Gesprekken per dag", svg.columns("Gesprekken per dag", counts)),
        Chart("twijfels", "Meest genoemde twijfels", svg.bars("Meest genoemde twijfels", count_members(r["beliefs"] for r in data))),
        Chart("intents", "Meest voorkomende intents", svg.bars("Meest voorkomende intents", count_members(r["intents"] for r in data))),
        Chart("fallback", "Gesprekken met een niet-begrepen bericht (%)", svg.columns("Niet begrepen per dag", rates, "%"),
              f"{fallback_share}% van alle {total} gesprekken"),
        Chart("einde", "Waar gesprekken eindigen (laatste intent)", svg.bars("Laatste intent", ends.most_common(TOP))),
        Chart("feedback", "Feedback van gebruikers", svg.bars("Feedback", [("Had er iets aan", feedback["goed"]), ("Had er niets aan", feedback["slecht"])] if rated else []),
              f"{round(100 * feedback['goed'] / rated)}% positief van {rated} beoordelingen" if rated else ""),
        Chart("trajecten", "Voorgestelde trajecten (beroep)", svg.bars("Voorgestelde trajecten", count_members(r["trajectories"] for r in data))),
        Chart("vacatures", "Gesprekken per vacature", svg.bars("Gesprekken per vacature", vacancies.most_common(TOP))),
    ]
