"""The chat endpoint the widget talks to: POST /api/chat.

It checks the body (JSON, at most 16 KB, read no further), cleans the message
of control characters, lets a text starting with "/" pass only in the shape of
our own buttons' payloads (payloads.py), keeps only known metadata keys, and
forwards the message to Rasa's REST channel over HTTP. Each message carries the widget's own
id, so a retry after a lost answer returns the first answer instead of sending
the message twice. When Rasa is unreachable or slow, or answers a message with
nothing (an action failed), the widget gets a clear status and a Dutch message
it can show; such a failure is not kept, so the retry really asks again.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import unicodedata
from typing import Any, Dict, Optional, Tuple

import requests
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from actions.vacancy_context import clean_text
from bot.web import payloads

LOGGER = logging.getLogger(__name__)
MAX_BODY = 16 * 1024
MAX_MESSAGE = 1000
SENDER = re.compile(r"[A-Za-z0-9_-]{8,64}")  # always used with fullmatch
MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
# Page context a site or vacancy embed may send; anything else is dropped.
METADATA_KEYS = {
    "vacature_id": 64, "titel": 120, "werkgever": 120, "beroep": 80, "regio": 80,
    "contact": 200, "pagina": 40,
}
ANSWER_TTL = 15 * 60  # seconds a message id's answer is kept for retries
ERRORS = {
    "invalid": "Dit bericht kon ik niet lezen. Typ je vraag opnieuw.",
    "too_long": f"Je bericht is te lang. Houd het onder de {MAX_MESSAGE} tekens.",
    "unreachable": "De coach is nu niet bereikbaar. Probeer het zo opnieuw.",
    "slow": "De coach reageert nu te traag. Probeer het zo opnieuw.",
    "busy": "Even geduld: de coach is nog bezig met je vorige bericht.",
    "payload": "Dit bericht kon ik niet lezen. Typ je vraag zonder / aan het begin.",
    "format": "Dit bericht kon ik niet lezen. Stuur het als JSON.",
    "storing": ("Er is een storing: ik kan je nu geen antwoord geven. Je gesprek is bewaard. "
                "Probeer het over een minuut opnieuw."),
    "delete_failed": "Het wissen is nu niet gelukt. Je gesprek staat er nog. Probeer het zo opnieuw.",
}
# Escape sequences for terminals (colours, titles): removed as a whole.
ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")
# Zero-width (non-)joiners are part of emoji and of Arabic and Persian words: kept.
JOINERS = {"\u200c", "\u200d"}
# Said after the user asked in the chat to delete the conversation and it is gone.
DELETED = ("Klaar. Ik heb dit gesprek gewist, ook in onze database. Er staat niets meer van. "
           "Wil je opnieuw beginnen? Stel gerust een nieuwe vraag.")
DELETE_FAILED = ("Het wissen is nu niet gelukt. Je gesprek staat er dus nog. "
                 "Probeer het zo opnieuw, of druk bovenaan op 'Wis gesprek'.")


_local = threading.local()


def rasa_session() -> requests.Session:
    """One keep-alive connection to Rasa per web server thread: a busy Rasa server serves
    open connections first, so a new connection per message would wait longest."""
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
    return _local.session


def error(code: str, status: int) -> JsonResponse:
    return JsonResponse({"error": code, "bericht": ERRORS[code]}, status=status)


def _clean_char(ch: str) -> str:
    if ch == "\n":
        return ch
    if ch in "\t\v\f":
        return " "
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs", "Co") or (category == "Cf" and ch not in JOINERS):
        return ""  # control, lone surrogate, private use, bidi override, zero-width space, ...
    if category in ("Zl", "Zp"):
        return "\n"
    return ch


def clean_message(raw: Any) -> Optional[str]:
    """The user's text without control characters, or None when it is not text.

    Line breaks stay (CR LF and a lone CR become LF), tabs become spaces, terminal
    escape sequences go as a whole; letters, emoji, right-to-left text and
    combining marks are left as they are. Only joiners or spaces count as empty."""
    if not isinstance(raw, str):
        return None
    text = ESCAPE.sub("", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(_clean_char(ch) for ch in text).strip()
    return text if any(ch not in JOINERS and not ch.isspace() for ch in text) else ""


def clean_metadata(raw: Any) -> Dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    cleaned = {}
    for key, limit in METADATA_KEYS.items():
        value = clean_text(raw.get(key), limit)
        if value:
            cleaned[key] = value
    return cleaned


def read_body(request: HttpRequest) -> Tuple[Optional[bytes], Optional[JsonResponse]]:
    """At most MAX_BODY bytes of the body; a larger one is refused unread when its
    Content-Length says so. Never request.body: above DATA_UPLOAD_MAX_MEMORY_SIZE
    Django would answer that with an HTML 400."""
    if request.content_type != "application/json":
        return None, error("format", 415)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY:
        return None, error("too_long", 413)
    raw = request.read(MAX_BODY + 1)  # never more than this, whatever the header said
    if len(raw) > MAX_BODY:
        return None, error("too_long", 413)
    return raw, None


def parse(request: HttpRequest) -> Tuple[Optional[Dict[str, Any]], Optional[JsonResponse]]:
    raw, problem = read_body(request)
    if problem:
        return None, problem
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, error("invalid", 400)
    if not isinstance(body, dict):
        return None, error("invalid", 400)
    sender, message_id = body.get("sender"), body.get("id")
    message = clean_message(body.get("message"))
    if not (isinstance(sender, str) and SENDER.fullmatch(sender)) or not message:
        return None, error("invalid", 400)
    if not (isinstance(message_id, str) and MESSAGE_ID.fullmatch(message_id)):
        return None, error("invalid", 400)
    if len(message) > MAX_MESSAGE:
        return None, error("too_long", 413)
    if payloads.is_payload(message) and not payloads.acceptable(message):
        return None, error("payload", 400)
    return {
        "sender": sender,
        "id": message_id,
        "message": message,
        "metadata": clean_metadata(body.get("metadata")),
    }, None


def asks_deletion(replies: Any) -> bool:
    """The bot's signal that the user confirmed "wis mijn gesprek" (see actions/affirm.py).

    The bot itself says nothing then: the deletion happens here, after Rasa has
    saved the turn, and only what really happened is told to the user."""
    return isinstance(replies, list) and any(
        isinstance(r, dict) and isinstance(r.get("custom"), dict) and r["custom"].get("wis_gesprek") is True
        for r in replies
    )


def delete_on_request(sender: str) -> Dict[str, Any]:
    from bot.review.deletion import forget

    try:
        forget(sender)
    except Exception:  # the user must hear the truth, whatever broke
        LOGGER.exception("Deleting a conversation on the user's request failed")
        return {"messages": [{"text": DELETE_FAILED, "buttons": []}], "gewist": False}
    return {"messages": [{"text": DELETED, "buttons": []}], "gewist": True}


def simplify(replies: Any) -> list:
    """Rasa's bot messages as {text, buttons}: the only parts the widget shows."""
    out = []
    for reply in replies if isinstance(replies, list) else []:
        if not isinstance(reply, dict):
            continue
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in reply.get("buttons") or [] if isinstance(b, dict)
        ]
        if reply.get("text") or buttons:
            out.append({"text": str(reply.get("text") or ""), "buttons": buttons})
    return out


@csrf_exempt  # called from other sites' pages; no cookies are used
@require_POST
def chat(request: HttpRequest) -> JsonResponse:
    body, problem = parse(request)
    if problem:
        return problem
    key = f"answer:{body['sender']}:{body['id']}"
    answered = cache.get(key)
    if answered is not None:
        return JsonResponse({"messages": answered, "herhaald": True})
    busy = f"busy:{body['sender']}:{body['id']}"
    if not cache.add(busy, True, settings.RASA_TIMEOUT + 5):
        return error("busy", 409)  # the same message is still on its way
    try:
        return forward(body, key)
    finally:
        cache.delete(busy)


def forward(body: Dict[str, Any], key: str) -> JsonResponse:
    try:
        response = rasa_session().post(
            f"{settings.RASA_URL}/webhooks/rest/webhook",
            json={"sender": body["sender"], "message": body["message"], "metadata": body["metadata"]},
            timeout=settings.RASA_TIMEOUT,
        )
    except requests.Timeout:
        LOGGER.warning("Rasa did not answer within %s s", settings.RASA_TIMEOUT)
        return error("slow", 504)
    except requests.RequestException as failure:
        LOGGER.warning("Rasa unreachable: %s", type(failure).__name__)
        return error("unreachable", 503)
    if response.status_code != 200:
        LOGGER.warning("Rasa answered HTTP %s", response.status_code)
        return error("unreachable", 502)
    try:
        replies = response.json()
    except ValueError:
        return error("unreachable", 502)
    if asks_deletion(replies):
        result = delete_on_request(body["sender"])
        cache.set(key, result["messages"], ANSWER_TTL)
        return JsonResponse(result)
    messages = simplify(replies)
    if not messages:
        # Rasa answers every user message; nothing means an action failed (the action
        # server is down) and Rasa went on without it. Not kept: the retry asks again.
        LOGGER.warning("Rasa gave no answer to a user message; an action probably failed")
        return error("storing", 503)
    cache.set(key, messages, ANSWER_TTL)
    return JsonResponse({"messages": messages})


@csrf_exempt
@require_http_methods(["DELETE"])
def delete(request: HttpRequest, sender: str) -> JsonResponse:
    """"Wis gesprek": every event of this conversation leaves the tracker store."""
    from bot.review.deletion import forget

    if not SENDER.fullmatch(sender):
        return error("invalid", 400)
    try:
        forget(sender)  # a conversation that does not exist is simply gone already
    except Exception:  # the widget must hear that it failed, not get a server error
        LOGGER.exception("Deleting a conversation from the widget failed")
        return error("delete_failed", 503)
    return JsonResponse({"gewist": True})
