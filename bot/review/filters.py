"""The conversation filters, shared by the list, the charts and the exports.

Every filter comes from the query string through a Django form, so a bad value
(a wrong date, an unknown sort) gets a clear message instead of an error page.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import lru_cache

import yaml

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from bot.review.models import Conversation, Tag
from bot.settings import ROOT

SORTS = {
    "nieuw": ("-last_at", "Nieuwste eerst"),
    "oud": ("last_at", "Oudste eerst"),
    "lang": ("-user_messages", "Meeste berichten"),
    "onzeker": ("min_confidence", "Laagste zekerheid"),
}
PROBLEMS = {"": "Alle", "fallback": "Bot begreep het niet", "onzeker": "Lage zekerheid", "geen": "Geen problemen"}
FEEDBACK = {"": "Alle", "goed": "👍", "slecht": "👎", "met": "Met opmerking", "geen": "Geen feedback"}
REVIEWED = {"": "Alle", "nee": "Nog niet bekeken", "ja": "Bekeken"}
SOURCES = {"": "Alle", "website": "Website", "vacature": "Vacature"}


def _choices(mapping):
    return list(mapping.items())


class ConversationFilter(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Zoek in berichten")
    van = forms.DateField(required=False, label="Van", input_formats=["%Y-%m-%d"])
    tot = forms.DateField(required=False, label="Tot en met", input_formats=["%Y-%m-%d"])
    bron = forms.ChoiceField(required=False, choices=_choices(SOURCES), label="Bron")
    vacature = forms.CharField(required=False, max_length=64, label="Vacature-id")
    intent = forms.RegexField(required=False, regex=r"^[a-z_]{1,80}$", label="Intent",
                              error_messages={"invalid": "Kies een intent uit de lijst."})
    belief = forms.RegexField(required=False, regex=r"^belief_[a-z_]{1,73}$", label="Twijfel",
                              error_messages={"invalid": "Kies een twijfel uit de lijst."})
    probleem = forms.ChoiceField(required=False, choices=_choices(PROBLEMS), label="Problemen")
    feedback = forms.ChoiceField(required=False, choices=_choices(FEEDBACK), label="Feedback")
    bekeken = forms.ChoiceField(required=False, choices=_choices(REVIEWED), label="Bekeken")
    tag = forms.CharField(required=False, max_length=40, label="Tag")
    sort = forms.ChoiceField(required=False, choices=[(k, v[1]) for k, v in SORTS.items()], label="Sorteer")

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            raise forms.ValidationError("De begindatum ligt na de einddatum.")
        return data


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def apply(form: ConversationFilter, queryset: QuerySet = None) -> QuerySet:
    """The conversations that match a valid form (all of them when it is not valid)."""
    rows = queryset if queryset is not None else Conversation.objects.all()
    if not form.is_valid():
        return rows.order_by("-last_at")
    f = form.cleaned_data
    if f.get("van"):
        rows = rows.filter(last_at__gte=_day_start(f["van"]))
    if f.get("tot"):
        rows = rows.filter(started_at__lt=_day_start(f["tot"] + timedelta(days=1)))
    if f.get("bron"):
        rows = rows.filter(source=f["bron"])
    if f.get("vacature"):
        rows = rows.filter(vacature_id=f["vacature"].strip())
    if f.get("intent"):
        rows = rows.filter(intents__contains=f",{f['intent']},")
    if f.get("belief"):
        rows = rows.filter(beliefs__contains=f",{f['belief']},")
    problem = f.get("probleem")
    if problem == "fallback":
        rows = rows.filter(had_fallback=True)
    elif problem == "onzeker":
        rows = rows.filter(low_confidence=True)
    elif problem == "geen":
        rows = rows.filter(had_fallback=False, low_confidence=False)
    feedback = f.get("feedback")
    if feedback in ("goed", "slecht"):
        rows = rows.filter(feedback=feedback)
    elif feedback == "met":
        rows = rows.exclude(feedback_comment="")
    elif feedback == "geen":
        rows = rows.filter(feedback="")
    if f.get("bekeken"):
        rows = rows.filter(reviewed=f["bekeken"] == "ja")
    if f.get("tag"):
        rows = rows.filter(tags__name=f["tag"].strip())
    if f.get("q"):
        for word in f["q"].lower().split()[:8]:
            rows = rows.filter(search_text__contains=word)
    return rows.order_by(SORTS[f.get("sort") or "nieuw"][0], "-id")


@lru_cache(maxsize=1)
def domain_intents() -> tuple:
    """The intents the bot knows, from domain.yml, for the dropdowns."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return tuple(sorted(i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents", [])))


def known_values() -> dict:
    """Choices for the filter dropdowns."""
    intents = list(domain_intents())
    return {
        "intents": intents,
        "beliefs": [i for i in intents if i.startswith("belief_")],
        "tags": list(Tag.objects.values_list("name", flat=True)),
    }
