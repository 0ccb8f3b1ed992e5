"""Keeps the `Conversation` index in step with Rasa's tracker store.

Each sync reads the events added since the last one, and rebuilds the summary
of every conversation they touch from all of its events. It re-reads a small
overlap of older ids, because on PostgreSQL a transaction that took a lower id
can commit after a higher one was already read.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Dict, List, Optional

from django.db import transaction
from django.utils import timezone

from bot.review import tracker_store
from bot.review.models import Conversation, SyncState
from bot.review.summary import summarize
from bot.review.tracker_store import Event

OVERLAP = 200  # ids re-read on each sync that finds new events
BATCH = 50_000  # events per read

_lock = threading.Lock()  # one sync at a time per process


def state() -> SyncState:
    found = SyncState.objects.first()
    return found or SyncState.objects.create(last_event_id=0)


def _apply(by_sender: Dict[str, List[Event]]) -> None:
    existing = {c.sender_id: c for c in Conversation.objects.filter(sender_id__in=list(by_sender))}
    new, changed, names = [], [], []
    for sender, events in by_sender.items():
        events.sort(key=lambda e: e.id)
        fields = summarize(sender, events)
        names = list(fields)
        row = existing.get(sender)
        if row is None and not fields["user_messages"]:
            continue  # only a session start, e.g. from a status check: nothing to review
        if row is None:
            new.append(Conversation(sender_id=sender, **fields))
            continue
        if (row.last_event_id, row.event_count) == (fields["last_event_id"], fields["event_count"]):
            continue
        for name, value in fields.items():
            setattr(row, name, value)
        changed.append(row)
    # ignore_conflicts: another process may have just indexed the same new conversation.
    Conversation.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
    if changed:
        Conversation.objects.bulk_update(changed, names, batch_size=500)


def sync(url: Optional[str] = None) -> int:
    """Brings the index up to date; returns how many conversations were rebuilt.

    Every review page calls it: when nothing is new it costs one indexed query."""
    with _lock:
        if tracker_store.latest_event_id(url) <= state().last_event_id:
            return 0
        return _sync(url)


def _sync(url: Optional[str]) -> int:
    rebuilt = 0
    while True:
        current = state()
        start = max(0, current.last_event_id - OVERLAP)
        events = tracker_store.events_after(start, url, limit=BATCH)
        if not events or events[-1].id <= current.last_event_id:
            break
        by_sender: Dict[str, List[Event]] = defaultdict(list)
        for event in events:
            by_sender[event.sender_id].append(event)
        # The overlap re-reads conversations the index already has in full: skip those
        # whose number of events is unchanged (a late event with a lower id changes it).
        stored = dict(Conversation.objects.filter(sender_id__in=list(by_sender))
                      .values_list("sender_id", "event_count"))
        counts = tracker_store.event_counts([s for s in by_sender if s in stored], url)
        for sender in [s for s in by_sender if s in stored and counts.get(s) == stored[s]]:
            del by_sender[sender]
        seen = {e.id for e in events}
        # Older events of the touched conversations, read before this window.
        for event in tracker_store.events_of(list(by_sender), url, up_to=start):
            if event.id not in seen:
                by_sender[event.sender_id].append(event)
        with transaction.atomic():
            _apply(by_sender)
            current.last_event_id = events[-1].id
            current.synced_at = timezone.now()
            current.save()
        rebuilt += len(by_sender)
        if len(events) < BATCH:
            break
    return rebuilt
