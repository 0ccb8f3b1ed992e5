"""Deletes a conversation everywhere: every event in the tracker store, and the
index row with its tags, notes and flags. One function for all three ways in:
staff, the user in the chat, and the widget's "Wis gesprek" control."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import List, Optional

from bot.review import tracker_store
from bot.review.models import Conversation

LOGGER = logging.getLogger(__name__)
DAY = 24 * 3600


@dataclass(frozen=True)
class Deleted:
    events: int
    annotations: int  # index row, tags, notes and flags together


def forget(sender_id: str, url: Optional[str] = None) -> Deleted:
    events = tracker_store.delete_events(sender_id, url)
    annotations, _ = Conversation.objects.filter(sender_id=sender_id).delete()
    LOGGER.info("Deleted a conversation (%s events, %s review rows)", events, annotations)
    return Deleted(events, annotations)


def _cutoff(days: int, now: Optional[float]) -> float:
    return (now or time.time()) - days * DAY


def expired(days: int, now: Optional[float] = None, url: Optional[str] = None) -> List[str]:
    """Conversations whose newest event is older than `days` days."""
    cutoff = _cutoff(days, now)
    return [sender for sender, last in tracker_store.last_activity(url).items() if last < cutoff]


def apply_retention(days: int, now: Optional[float] = None, url: Optional[str] = None) -> int:
    """Deletes every conversation older than the retention period; returns how many."""
    if days < 1:
        raise ValueError("the retention period must be at least 1 day")
    now = now or time.time()  # one moment for both steps
    senders = expired(days, now, url)
    for sender in senders:
        forget(sender, url)
    # Index rows whose events vanished some other way go too.
    oldest_kept = datetime.fromtimestamp(_cutoff(days, now), tz=timezone.utc)
    Conversation.objects.filter(last_at__lt=oldest_kept).delete()
    return len(senders)
