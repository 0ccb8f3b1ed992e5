"""Who may use the review app: active staff accounts only. Everyone else,
for every page, export and action, is sent to the login page."""

from __future__ import annotations

from django.contrib.auth.decorators import user_passes_test


def is_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


staff_required = user_passes_test(is_staff)
