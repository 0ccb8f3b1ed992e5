"""Staff accounts and the retention period, through the `overstapcoach` command."""

import io
import time

import pytest
from django.contrib.auth import get_user_model

from bot.cli import main
from bot.review import tracker_store
from bot.review.commands import add_staff
from bot.review.models import Conversation
from tests.bot.review.conftest import DAY, salary_doubter

pytestmark = pytest.mark.django_db


def test_staff_add_creates_an_account_with_the_given_password():
    assert add_staff("programma", password_stdin=True, stream=io.StringIO("een-lang-wachtwoord-77\n")) == 0
    user = get_user_model().objects.get(username="programma")
    assert user.is_staff and user.is_active and user.check_password("een-lang-wachtwoord-77")


@pytest.mark.parametrize("password", ["", "kort", "12345678901234", "password1234"])
def test_weak_or_empty_passwords_are_refused(password, capsys):
    assert add_staff("programma", password_stdin=True, stream=io.StringIO(password + "\n")) == 2
    assert "ERROR" in capsys.readouterr().err
    assert not get_user_model().objects.filter(username="programma").exists()


def test_an_existing_account_needs_reset(capsys):
    add_staff("programma", password_stdin=True, stream=io.StringIO("een-lang-wachtwoord-77\n"))
    assert add_staff("programma", password_stdin=True, stream=io.StringIO("nog-een-wachtwoord-88\n")) == 2
    assert add_staff("programma", password_stdin=True, reset=True, stream=io.StringIO("nog-een-wachtwoord-88\n")) == 0
    assert get_user_model().objects.get(username="programma").check_password("nog-een-wachtwoord-88")


def test_disable_and_list(capsys):
    add_staff("programma", password_stdin=True, stream=io.StringIO("een-lang-wachtwoord-77\n"))
    assert main(["staff", "disable", "programma"]) == 0
    assert not get_user_model().objects.get(username="programma").is_active
    main(["staff", "list"])
    assert "programma\tdisabled" in capsys.readouterr().out
    assert main(["staff", "disable", "niemand"]) == 2


def test_retention_deletes_only_old_conversations(tracker, capsys):
    now = time.time()
    salary_doubter(tracker, sender="oud-gesprek-01", start=now - 200 * DAY)
    salary_doubter(tracker, sender="nieuw-gesprek-1", start=now - 2 * DAY)
    from bot.review import indexer

    indexer.sync()
    assert main(["retention", "--days", "180"]) == 0
    assert "1 conversation(s) deleted" in capsys.readouterr().out
    assert tracker_store.count_events("oud-gesprek-01") == 0
    assert tracker_store.count_events("nieuw-gesprek-1") > 0
    assert list(Conversation.objects.values_list("sender_id", flat=True)) == ["nieuw-gesprek-1"]
    assert main(["retention", "--days", "0"]) == 2
