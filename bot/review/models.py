"""The review app's own tables. Rasa's `events` table is only read, never changed.

`Conversation` is an index of the tracker store: one row per conversation with
what the filters and charts need, rebuilt from the events by `indexer.py`.
Tags, notes, flags and the review state are the staff's own work on top of it;
deleting a conversation removes them with it (cascade).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Tag(models.Model):
    name = models.CharField(max_length=40, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Conversation(models.Model):
    sender_id = models.CharField(max_length=255, unique=True)
    started_at = models.DateTimeField(db_index=True)
    last_at = models.DateTimeField(db_index=True)
    source = models.CharField(max_length=20, db_index=True)  # "website" or "vacature"
    vacature_id = models.CharField(max_length=64, blank=True, db_index=True)
    user_messages = models.PositiveIntegerField(default=0)
    # Comma-wrapped lists (",ask_salary,thank,") so one LIKE finds a member.
    intents = models.TextField(blank=True)
    beliefs = models.TextField(blank=True)
    trajectories = models.TextField(blank=True)
    had_fallback = models.BooleanField(default=False, db_index=True)
    low_confidence = models.BooleanField(default=False, db_index=True)
    min_confidence = models.FloatField(null=True)
    last_intent = models.CharField(max_length=80, blank=True)
    feedback = models.CharField(max_length=10, blank=True, db_index=True)  # goed / slecht
    feedback_comment = models.TextField(blank=True)
    first_message = models.CharField(max_length=200, blank=True)
    search_text = models.TextField(blank=True)  # masked, lower case
    last_event_id = models.BigIntegerField(default=0)
    event_count = models.PositiveIntegerField(default=0)  # tells a late, lower-id event apart
    # The staff's own state.
    reviewed = models.BooleanField(default=False, db_index=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="conversations")

    class Meta:
        ordering = ["-last_at"]

    def intent_list(self) -> list:
        return [i for i in self.intents.split(",") if i]

    def belief_list(self) -> list:
        return [i for i in self.beliefs.split(",") if i]

    def trajectory_list(self) -> list:
        return [i for i in self.trajectories.split(",") if i]


class Note(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]


class Flag(models.Model):
    """A user message a staff member marked, with the intent it should have had."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="flags")
    event_id = models.BigIntegerField()
    text = models.TextField()  # masked copy of the message
    predicted_intent = models.CharField(max_length=80, blank=True)
    correct_intent = models.CharField(max_length=80, blank=True)
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "event_id"], name="one_flag_per_message")
        ]


class SyncState(models.Model):
    """How far the index has read the tracker store's events (one row)."""

    last_event_id = models.BigIntegerField(default=0)
    synced_at = models.DateTimeField(null=True)
