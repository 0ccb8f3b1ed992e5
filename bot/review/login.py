"""The staff login form, with a brake on guessing: after five wrong passwords
for one account (or from one address) it waits fifteen minutes."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.cache import cache
from django.shortcuts import redirect

from bot.review.access import is_staff

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
LOCKED = "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw."
FIELD_PROBLEM = "Vul je gebruikersnaam en wachtwoord in, zonder onzichtbare tekens."


class LoginForm(AuthenticationForm):
    field_problem = FIELD_PROBLEM
    error_messages = {
        "invalid_login": "Gebruikersnaam of wachtwoord klopt niet.",
        "inactive": "Dit account is uitgeschakeld.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # a field left empty or holding a NUL character
            field.error_messages["required"] = FIELD_PROBLEM
            for validator in field.validators:
                if getattr(validator, "code", "") == "null_characters_not_allowed":
                    validator.message = FIELD_PROBLEM

    def keys(self):
        username = (self.data.get("username") or "").strip().lower()[:150]
        address = self.request.META.get("REMOTE_ADDR", "") if self.request else ""
        return [f"login-fail:user:{username}", f"login-fail:addr:{address}"]

    def clean(self):
        keys = self.keys()
        if any((cache.get(k) or 0) >= MAX_FAILURES for k in keys):
            raise forms.ValidationError(LOCKED, code="locked")
        try:
            data = super().clean()
        except forms.ValidationError:
            for key in keys:
                cache.add(key, 0, LOCK_SECONDS)
                cache.incr(key)
            raise
        if self.user_cache is not None:  # only a real login clears the count, not an empty field
            for key in keys:
                cache.delete(key)
        return data

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.is_staff:
            raise forms.ValidationError("Dit account heeft geen toegang tot de gesprekken.", code="not_staff")


class StaffLoginView(LoginView):
    """Staff who are logged in go straight on; anyone else sees the form."""

    template_name = "review/login.html"
    authentication_form = LoginForm

    def dispatch(self, request, *args, **kwargs):
        if is_staff(request.user) and request.method == "GET":
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)
