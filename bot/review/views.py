"""Pages of the review app: the conversation list, a transcript, the charts and
the corrections; plus the exports of what the filters select."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from bot.review import charts, exports, filters, indexer, tracker_store
from bot.review.access import staff_required
from bot.review.models import Conversation, Flag
from bot.review.transcript import build

PAGE_SIZE = 25


def filtered(request: HttpRequest):
    indexer.sync()
    form = filters.ConversationFilter(request.GET or None)
    return form, filters.apply(form).prefetch_related("tags")


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@staff_required
def conversation_list(request: HttpRequest) -> HttpResponse:
    form, rows = filtered(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "review/list.html", {
        "form": form, "page": page, "choices": filters.known_values(),
        "query": query_without_page(request), "nav": "list",
    })


def conversation_or_404(sender: str) -> Conversation:
    indexer.sync()
    found = Conversation.objects.filter(sender_id=sender).first()
    if found is None:
        raise Http404("Dit gesprek bestaat niet (meer).")
    return found


@staff_required
def transcript(request: HttpRequest, sender: str) -> HttpResponse:
    conversation = conversation_or_404(sender)
    events = list(tracker_store.events_of([sender]))
    flags = {f.event_id: f for f in conversation.flags.all()}
    shown = build(sender, events)
    for turn in shown.user_turns:
        turn.flag = flags.get(turn.event_id)
    return render(request, "review/transcript.html", {
        "c": conversation,
        "t": shown,
        "nav": "list",
        "notes": conversation.notes.select_related("author"),
        "choices": filters.known_values(),
        "back": request.GET.get("terug", ""),
    })


@staff_required
def chart_page(request: HttpRequest) -> HttpResponse:
    form, rows = filtered(request)
    return render(request, "review/charts.html", {
        "form": form, "charts": charts.all_charts(rows), "choices": filters.known_values(),
        "query": query_without_page(request), "total": rows.count(), "nav": "charts",
    })


@staff_required
def corrections(request: HttpRequest) -> HttpResponse:
    flags = Flag.objects.select_related("conversation").order_by("-created_at")
    return render(request, "review/corrections.html", {
        "flags": flags, "choices": filters.known_values(),
        "ready": flags.exclude(correct_intent="").count(), "nav": "corrections",
    })


def attachment(response: HttpResponse, filename: str) -> HttpResponse:
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", filename)
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    return response


def download_name(kind: str, extension: str) -> str:
    return f"overstapcoach-{kind}-{timezone.now():%Y%m%d-%H%M}.{extension}"


LIST_EXPORTS = {  # kind -> (chunks of the filtered list, content type)
    "csv": (exports.csv_lines, "text/csv; charset=utf-8"),
    "json": (exports.json_chunks, "application/json; charset=utf-8"),
}


@staff_required
def export_list(request: HttpRequest, kind: str) -> HttpResponse:
    """The filtered conversations as CSV or JSON, streamed."""
    _, rows = filtered(request)
    chunks, content_type = LIST_EXPORTS[kind]
    return attachment(StreamingHttpResponse(chunks(rows.iterator(chunk_size=500)), content_type=content_type),
                      download_name("gesprekken", kind))


@staff_required
def export_story(request: HttpRequest, sender: str) -> HttpResponse:
    conversation_or_404(sender)
    text = exports.story_yaml(build(sender, list(tracker_store.events_of([sender]))))
    return attachment(HttpResponse(text, content_type="text/yaml; charset=utf-8"), f"test_gesprek_{sender[:40]}.yml")


@staff_required
def export_corrections(request: HttpRequest) -> HttpResponse:
    text = exports.corrections_yaml(Flag.objects.exclude(correct_intent="").order_by("created_at"))
    return attachment(HttpResponse(text, content_type="text/yaml; charset=utf-8"), download_name("correcties", "yml"))
