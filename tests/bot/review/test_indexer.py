"""The index built from a real tracker store, and the filters on it."""

import time

from django.test import RequestFactory

from bot.review import filters, indexer
from bot.review.models import Conversation, Tag
from tests.bot.review.conftest import DAY, confused_vacancy_visitor, salary_doubter


def matching(**params):
    form = filters.ConversationFilter(params)
    assert form.is_valid(), form.errors
    return set(filters.apply(form).values_list("sender_id", flat=True))


def test_sync_summarizes_each_conversation(tracker):
    salary_doubter(tracker)
    confused_vacancy_visitor(tracker)
    assert indexer.sync() == 2
    doubter = Conversation.objects.get(sender_id="salaris-twijfel-001")
    assert doubter.source == "website"
    assert doubter.user_messages == 5
    assert doubter.belief_list() == ["belief_salary_drop"]
    assert "ask_salary" in doubter.intent_list()
    assert doubter.feedback == "goed"
    assert doubter.feedback_comment == "Heel duidelijk, mail me op [e-mail verborgen]"
    assert not doubter.had_fallback and not doubter.low_confidence
    assert doubter.first_message == "hoi"
    visitor = Conversation.objects.get(sender_id="vacature-verward-002")
    assert (visitor.source, visitor.vacature_id) == ("vacature", "VAC-123")
    assert visitor.had_fallback and visitor.low_confidence
    assert visitor.min_confidence == 0.31
    assert visitor.trajectory_list() == ["warmtepompmonteur", "elektromonteur"]
    assert visitor.feedback == "slecht"
    assert visitor.last_intent == "feedback"
    assert "06-12345678" not in visitor.search_text
    assert visitor.first_message.startswith("blabla")  # the /greet button click is not a typed message


def test_sync_is_incremental_and_keeps_staff_work(tracker):
    salary_doubter(tracker)
    indexer.sync()
    row = Conversation.objects.get()
    row.reviewed = True
    row.save()
    row.tags.add(Tag.objects.create(name="salaris"))
    assert indexer.sync() == 0  # nothing new
    # The same user comes back: Rasa appends to the same conversation.
    tracker.conversation("salaris-twijfel-001", [("user", "wie betaalt de opleiding", "ask_funding", 0.95)])
    assert indexer.sync() == 1
    row.refresh_from_db()
    assert "ask_funding" in row.intent_list()
    assert row.reviewed and [t.name for t in row.tags.all()] == ["salaris"]


def test_a_sync_split_over_batches_sees_whole_conversations(tracker, monkeypatch):
    monkeypatch.setattr(indexer, "BATCH", 7)
    monkeypatch.setattr(indexer, "OVERLAP", 2)
    salary_doubter(tracker)
    confused_vacancy_visitor(tracker)
    indexer.sync()
    assert Conversation.objects.get(sender_id="salaris-twijfel-001").user_messages == 5
    assert Conversation.objects.get(sender_id="vacature-verward-002").user_messages == 5


def test_filters_select_the_right_conversations(tracker):
    now = time.time()
    salary_doubter(tracker, start=now - 10 * DAY)
    confused_vacancy_visitor(tracker, start=now - DAY)
    tracker.conversation("stil-003", [("user", "hoi", "greet", 0.99)], start=now - 3 * DAY)
    indexer.sync()
    Conversation.objects.get(sender_id="stil-003").tags.add(Tag.objects.create(name="testgesprek"))
    Conversation.objects.filter(sender_id="salaris-twijfel-001").update(reviewed=True)
    everyone = {"salaris-twijfel-001", "vacature-verward-002", "stil-003"}
    assert matching() == everyone
    assert matching(bron="vacature") == {"vacature-verward-002"}
    assert matching(bron="website") == {"salaris-twijfel-001", "stil-003"}
    assert matching(vacature="VAC-123") == {"vacature-verward-002"}
    assert matching(intent="ask_salary") == {"salaris-twijfel-001"}
    assert matching(belief="belief_too_old") == {"vacature-verward-002"}
    assert matching(probleem="fallback") == {"vacature-verward-002"}
    assert matching(probleem="onzeker") == {"vacature-verward-002"}
    assert matching(probleem="geen") == {"salaris-twijfel-001", "stil-003"}
    assert matching(feedback="goed") == {"salaris-twijfel-001"}
    assert matching(feedback="slecht") == {"vacature-verward-002"}
    assert matching(feedback="met") == {"salaris-twijfel-001"}
    assert matching(feedback="geen") == {"stil-003"}
    assert matching(bekeken="ja") == {"salaris-twijfel-001"}
    assert matching(bekeken="nee") == {"vacature-verward-002", "stil-003"}
    assert matching(tag="testgesprek") == {"stil-003"}
    assert matching(q="LOODGIETER twente") == {"salaris-twijfel-001"}
    assert matching(q="06-12345678") == set()  # masked, so not findable either
    from datetime import date, timedelta

    today = date.today()
    assert matching(van=str(today - timedelta(days=2))) == {"vacature-verward-002"}
    assert matching(tot=str(today - timedelta(days=5))) == {"salaris-twijfel-001"}


def test_sorting(tracker):
    now = time.time()
    salary_doubter(tracker, start=now - 10 * DAY)
    tracker.conversation("kort-004", [("user", "hoi", "greet", 0.99)], start=now - DAY)
    indexer.sync()
    order = lambda sort: list(filters.apply(filters.ConversationFilter({"sort": sort})).values_list("sender_id", flat=True))  # noqa: E731
    assert order("nieuw") == ["kort-004", "salaris-twijfel-001"]
    assert order("oud") == ["salaris-twijfel-001", "kort-004"]
    assert order("lang") == ["salaris-twijfel-001", "kort-004"]


def test_bad_filter_values_get_a_message(db):
    form = filters.ConversationFilter({"van": "gisteren", "sort": "raar", "intent": "DROP TABLE"})
    assert not form.is_valid()
    assert set(form.errors) == {"van", "sort", "intent"}
    later = filters.ConversationFilter({"van": "2026-05-02", "tot": "2026-05-01"})
    assert not later.is_valid()
    assert "De begindatum ligt na de einddatum." in later.non_field_errors()


def test_a_late_event_with_a_lower_id_is_not_lost(tracker):
    """On PostgreSQL a turn that took a lower id can commit after a higher one was read."""
    import sqlite3

    salary_doubter(tracker)
    confused_vacancy_visitor(tracker)
    path = tracker.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:  # hold back one of the doubter's events, as if not yet committed
        late = db.execute("SELECT * FROM events WHERE sender_id = 'salaris-twijfel-001' AND type_name = 'user' "
                          "ORDER BY id DESC LIMIT 1").fetchone()
        db.execute("DELETE FROM events WHERE id = ?", (late[0],))
    indexer.sync()
    assert Conversation.objects.get(sender_id="salaris-twijfel-001").user_messages == 4
    with sqlite3.connect(path) as db:  # now it commits, with its old, lower id
        db.execute(f"INSERT INTO events VALUES ({','.join('?' * len(late))})", late)
    tracker.conversation("vacature-verward-002", [("user", "nog een vraag", "ask_funding", 0.9)])
    indexer.sync()
    assert Conversation.objects.get(sender_id="salaris-twijfel-001").user_messages == 5
