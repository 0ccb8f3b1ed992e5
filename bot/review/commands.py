"""`overstapcoach staff ...` and `overstapcoach retention`: staff accounts and the
retention period, run from the command line (Django set up here, tables migrated)."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Optional, TextIO

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bot.web.settings")


def ready() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def read_password(stdin: bool, stream: TextIO = sys.stdin) -> str:
    if stdin:
        return stream.readline().rstrip("\n")
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Nog een keer: ") != first:
        raise ValueError("De twee wachtwoorden zijn niet gelijk.")
    return first


def add_staff(username: str, password_stdin: bool = False, reset: bool = False,
              stream: TextIO = sys.stdin) -> int:
    """Creates a staff account (or, with reset, gives it a new password). No default password."""
    ready()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    users = get_user_model()
    existing = users.objects.filter(username=username).first()
    if existing and not reset:
        print(f"ERROR: account '{username}' exists; use --reset for a new password", file=sys.stderr)
        return 2
    user = existing or users(username=username, is_staff=True, is_active=True)
    try:
        password = read_password(password_stdin, stream)
        validate_password(password, user)
    except (ValueError, ValidationError) as problem:
        reasons = problem.messages if isinstance(problem, ValidationError) else [str(problem)]
        print("ERROR: " + " ".join(reasons), file=sys.stderr)
        return 2
    user.set_password(password)
    user.is_staff = user.is_active = True
    user.save()
    print(f"==> Staff account '{username}' {'has a new password' if existing else 'created'}. Log in at /review/")
    return 0


def list_staff() -> int:
    ready()
    from django.contrib.auth import get_user_model

    for user in get_user_model().objects.filter(is_staff=True).order_by("username"):
        state = "active" if user.is_active else "disabled"
        print(f"{user.username}\t{state}\tlast login: {user.last_login or 'never'}")
    return 0


def disable_staff(username: str) -> int:
    ready()
    from django.contrib.auth import get_user_model

    changed = get_user_model().objects.filter(username=username).update(is_active=False)
    if not changed:
        print(f"ERROR: no account '{username}'", file=sys.stderr)
        return 2
    print(f"==> Account '{username}' disabled")
    return 0


def retention(days: Optional[int] = None) -> int:
    """Deletes every conversation whose last message is older than the retention period."""
    ready()
    from django.conf import settings

    from bot.review.deletion import apply_retention

    period = days if days is not None else settings.REVIEW_RETENTION_DAYS
    try:
        removed = apply_retention(period)
    except ValueError as problem:
        print(f"ERROR: {problem}", file=sys.stderr)
        return 2
    print(f"==> Retention {period} days: {removed} conversation(s) deleted")
    return 0
