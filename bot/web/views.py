"""The demo pages and the widget's files."""

from __future__ import annotations

from pathlib import Path

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

STATIC = Path(__file__).resolve().parent / "static"
TYPES = {"widget.js": "text/javascript; charset=utf-8", "widget.css": "text/css; charset=utf-8"}

# The sample vacancy the recruiter demo page embeds (made up for the demo, said so on the page).
SAMPLE_VACANCY = {
    "id": "DEMO-0001",
    "titel": "Leerling-elektromonteur (BBL)",
    "beroep": "elektromonteur",
    "regio": "Twente",
    "werkgever": "Voorbeeld Installatietechniek",
}


def site_page(request: HttpRequest) -> HttpResponse:
    return render(request, "web/site.html")


def vacancy_page(request: HttpRequest) -> HttpResponse:
    return render(request, "web/vacancy.html", {"vacature": SAMPLE_VACANCY})


def widget_file(request: HttpRequest, name: str) -> FileResponse:
    path = STATIC / name
    if name not in TYPES or not path.exists():
        raise Http404(name)
    response = FileResponse(path.open("rb"), content_type=TYPES[name])
    response["Cache-Control"] = "public, max-age=300"
    return response
