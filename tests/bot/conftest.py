"""Django for the web app and review app tests: settings from the environment
set here (before Django reads them), a database per test from pytest-django."""

import os
import tempfile

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bot.web.settings")
os.environ.setdefault("RASA_URL", "http://127.0.0.1:9")  # nothing listens: Rasa is "down"
os.environ.setdefault("WEB_EMBED_ORIGINS", "https://werkgever.example")
os.environ.setdefault("WEB_ALLOWED_HOSTS", "testserver,localhost")
# Never the developer's var/tracker.db: an empty folder until a test writes its own store.
os.environ.setdefault("TRACKER_DB_URL", f"sqlite:///{tempfile.mkdtemp(prefix='overstapcoach-tests-')}/tracker.db")
django.setup()


@pytest.fixture
def client(db):
    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    return Client()
