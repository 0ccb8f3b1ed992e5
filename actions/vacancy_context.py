"""Turns a page's untrusted metadata into clean vacancy-context slot values.

A recruiter's embed sends keys such as ``vacature_id`` and ``titel`` with the
first message. Only the keys below are accepted; values are stripped of markup
and control characters, trimmed and cut to a maximum length.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, Optional

# metadata key -> (slot name, maximum length)
ACCEPTED_KEYS = {
    "vacature_id": ("vacature_id", 64),
    "titel": ("vacature_titel", 120),
    "werkgever": ("werkgever", 120),
    "beroep": ("beroep", 80),
    "regio": ("regio", 80),
    "contact": ("contact", 200),
}
VACANCY_SLOTS = ("vacature_id", "vacature_titel", "werkgever", "contact")

_TAG = re.compile(r"</?[A-Za-z!][^<>]*>")
_VACANCY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-/]*$")
# A recruiter's contact: an e-mail address, a phone number or an https address.
_CONTACT = re.compile(
    r"^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\+?[0-9][0-9 \-]{7,18}[0-9]"
    r"|https://[\w.-]+(?:/[\w./%?=&#-]*)?)$"
)


def clean_text(raw: Any, max_length: int) -> Optional[str]:
    """Returns plain, trimmed text of at most ``max_length`` characters, or None."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        return None
    text = _TAG.sub(" ", str(raw))
    text = "".join(
        " " if unicodedata.category(ch).startswith("C") else ch for ch in text
    )
    text = text.replace("<", " ").replace(">", " ")
    text = " ".join(text.split())
    text = text[:max_length].rstrip()
    return text or None


def vacancy_context(metadata: Any) -> Dict[str, str]:
    """Maps accepted metadata keys to slot values; everything else is dropped."""
    if not isinstance(metadata, dict):
        return {}
    slots: Dict[str, str] = {}
    for key, (slot, max_length) in ACCEPTED_KEYS.items():
        value = clean_text(metadata.get(key), max_length)
        if value is None:
            continue
        if key == "vacature_id" and not _VACANCY_ID.match(value):
            continue
        if key == "contact" and not _CONTACT.match(value):
            continue
        slots[slot] = value
    return slots


def vacancy_display_name(tracker: Any) -> Optional[str]:
    """The vacancy's title, else (on a vacancy page) its occupation, else None."""
    title = tracker.get_slot("vacature_titel")
    if title:
        return title
    return tracker.get_slot("beroep") if tracker.get_slot("vacature_id") else None


def has_vacancy(tracker: Any) -> bool:
    """True when the chat was opened from a vacancy page."""
    return bool(tracker.get_slot("vacature_id") or tracker.get_slot("vacature_titel"))
