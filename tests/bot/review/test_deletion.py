"""Deleting from the widget and from the chat reaches the same forget()."""

import json

from bot.review import indexer, tracker_store
from bot.review.models import Conversation, Note
from bot.web import chat
from tests.bot.review.conftest import salary_doubter

SENDER = "a1b2c3d4e5f6a7b8"


def test_wis_gesprek_in_the_widget_removes_events_and_notes(tracker, client):
    salary_doubter(tracker, sender=SENDER)
    indexer.sync()
    Note.objects.create(conversation=Conversation.objects.get(), text="n")
    assert client.delete(f"/api/chat/{SENDER}").json() == {"gewist": True}
    assert tracker_store.count_events(SENDER) == 0
    assert not Conversation.objects.exists() and not Note.objects.exists()


def test_the_bots_deletion_signal_is_recognised_only_exactly():
    assert chat.asks_deletion([{"recipient_id": "x", "custom": {"wis_gesprek": True}}])
    assert not chat.asks_deletion([{"text": "wis_gesprek"}])
    assert not chat.asks_deletion([{"custom": {"wis_gesprek": "true"}}])
    assert not chat.asks_deletion({"custom": {"wis_gesprek": True}})


def test_deletion_on_request_tells_the_truth(tracker, monkeypatch):
    salary_doubter(tracker, sender=SENDER)
    done = chat.delete_on_request(SENDER)
    assert done["gewist"] is True and "gewist" in done["messages"][0]["text"]
    assert tracker_store.count_events(SENDER) == 0

    def broken(sender):
        raise OSError("disk full")

    monkeypatch.setattr("bot.review.deletion.forget", broken)
    failed = chat.delete_on_request(SENDER)
    assert failed["gewist"] is False and "niet gelukt" in failed["messages"][0]["text"]
    json.dumps(failed)
