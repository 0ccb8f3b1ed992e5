"""Django settings for the web app, from the same .env as the rest of the coach."""

from __future__ import annotations

import hashlib

from bot.settings import ROOT, load_environment

ENV = load_environment()


def _secret_key() -> str:
    key = ENV.get("WEB_SECRET_KEY", "")
    if key and key != "change-me":
        return key
    # Older .env files have no WEB_SECRET_KEY: derive a stable one from the API token.
    return hashlib.sha256(("overstapcoach-web:" + ENV["RASA_API_TOKEN"]).encode()).hexdigest()


def _list(name: str, default: str = "") -> list:
    return [item.strip() for item in ENV.get(name, default).split(",") if item.strip()]


SECRET_KEY = _secret_key()
DEBUG = ENV.get("WEB_DEBUG", "0") == "1"
ALLOWED_HOSTS = _list("WEB_ALLOWED_HOSTS", "localhost,127.0.0.1")
WEB_PORT = int(ENV.get("WEB_PORT", 8000))
RASA_URL = ENV.get("RASA_URL") or f"http://127.0.0.1:{ENV.get('RASA_PORT', 5005)}"
RASA_TIMEOUT = float(ENV.get("RASA_TIMEOUT", 20))
# Sites that may embed the widget and call the chat endpoint (CORS), e.g.
# https://www.werkenbijvoorbeeld.nl. The web app's own pages always may.
EMBED_ORIGINS = _list("WEB_EMBED_ORIGINS")

INSTALLED_APPS = ["django.contrib.staticfiles", "bot.web"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "bot.web.cors.EmbedCorsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "bot.web.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
}]
DATABASES: dict = {}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STATIC_URL = "/static/"
STATIC_ROOT = ROOT / "var" / "static"
LANGUAGE_CODE = "nl"
USE_TZ = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Django must not reconfigure logging: dictConfig would close the handlers that Rasa
# and the test runner already installed. Our modules log through the root logger.
LOGGING_CONFIG = None
