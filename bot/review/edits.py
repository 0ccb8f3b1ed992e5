"""What staff change: tags, notes, flags with a corrected intent, the review
mark, and deleting a conversation. POST only, behind CSRF and the staff login."""

from __future__ import annotations

import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from bot.review import filters, tracker_store
from bot.review.access import staff_required
from bot.review.deletion import forget
from bot.review.exports import annotated
from bot.review.models import Flag, Note, Tag
from bot.review.transcript import build
from bot.review.views import conversation_or_404

TAG = re.compile(r"^[\w -]{1,40}$", re.UNICODE)
MAX_NOTE = 2000


def back(sender: str, anchor: str = "") -> HttpResponse:
    response = redirect("review:transcript", sender=sender)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@staff_required
@require_POST
def add_tag(request: HttpRequest, sender: str) -> HttpResponse:
    conversation = conversation_or_404(sender)
    name = " ".join(request.POST.get("tag", "").split()).lower()
    if not TAG.match(name):
        messages.error(request, "Een tag heeft 1 tot 40 letters, cijfers, spaties of streepjes.")
        return back(sender, "tags")
    tag, _ = Tag.objects.get_or_create(name=name)
    conversation.tags.add(tag)
    messages.success(request, f"Tag '{name}' toegevoegd.")
    return back(sender, "tags")


@staff_required
@require_POST
def remove_tag(request: HttpRequest, sender: str, tag_id: int) -> HttpResponse:
    conversation = conversation_or_404(sender)
    conversation.tags.remove(*Tag.objects.filter(id=tag_id))
    return back(sender, "tags")


@staff_required
@require_POST
def add_note(request: HttpRequest, sender: str) -> HttpResponse:
    conversation = conversation_or_404(sender)
    text = request.POST.get("text", "").strip()
    if not text:
        messages.error(request, "Een lege notitie is niet opgeslagen.")
    elif len(text) > MAX_NOTE:
        messages.error(request, f"Een notitie is hoogstens {MAX_NOTE} tekens. Je tekst is niet opgeslagen: {len(text)} tekens.")
    else:
        Note.objects.create(conversation=conversation, author=request.user, text=text)
        messages.success(request, "Notitie opgeslagen.")
    return back(sender, "notities")


@staff_required
@require_POST
def flag_message(request: HttpRequest, sender: str) -> HttpResponse:
    conversation = conversation_or_404(sender)
    try:
        event_id = int(request.POST.get("event_id", ""))
    except ValueError:
        messages.error(request, "Dit bericht kon ik niet vinden.")
        return back(sender)
    turn = next((t for t in build(sender, list(tracker_store.events_of([sender]))).user_turns
                 if t.event_id == event_id), None)
    if turn is None:
        messages.error(request, "Dit bericht kon ik niet vinden.")
        return back(sender)
    if request.POST.get("weg"):
        Flag.objects.filter(conversation=conversation, event_id=event_id).delete()
        messages.success(request, "Markering weggehaald.")
        return back(sender, f"e{event_id}")
    correct = request.POST.get("correct_intent", "")
    if correct and correct not in filters.domain_intents():
        messages.error(request, "Kies een intent uit de lijst.")
        return back(sender, f"e{event_id}")
    Flag.objects.update_or_create(
        conversation=conversation, event_id=event_id,
        defaults={"text": annotated(turn), "predicted_intent": turn.intent,
                  "correct_intent": correct, "flagged_by": request.user},
    )
    messages.success(request, "Bericht gemarkeerd." + (f" Juiste intent: {correct}." if correct else ""))
    return back(sender, f"e{event_id}")


@staff_required
@require_POST
def mark_reviewed(request: HttpRequest, sender: str) -> HttpResponse:
    conversation = conversation_or_404(sender)
    conversation.reviewed = request.POST.get("bekeken") == "1"
    conversation.reviewed_at = timezone.now() if conversation.reviewed else None
    conversation.reviewed_by = request.user if conversation.reviewed else None
    conversation.save(update_fields=["reviewed", "reviewed_at", "reviewed_by"])
    messages.success(request, "Gemarkeerd als bekeken." if conversation.reviewed else "Weer op 'niet bekeken' gezet.")
    return back(sender)


@staff_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, sender: str) -> HttpResponse:
    conversation = conversation_or_404(sender)
    if request.method == "GET":
        return render(request, "review/delete.html", {"c": conversation})
    result = forget(sender)
    messages.success(request, f"Gesprek gewist: {result.events} gebeurtenissen en alle tags, notities en markeringen.")
    return redirect("review:list")
