"""Django settings for the web app, from the same .env as the rest of the coach."""

from __future__ import annotations

import hashlib
from urllib.parse import unquote, urlparse

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

def _database() -> dict:
    """The review app's own tables: SQLite under var/ unless REVIEW_DB_URL names
    a PostgreSQL database (postgresql://user:password@host:port/name)."""
    url = ENV.get("REVIEW_DB_URL", "")
    if not url:
        path = ROOT / ENV.get("REVIEW_DB", "var/review.db")
        path.parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no var/ yet
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}
    parts = urlparse(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise RuntimeError("REVIEW_DB_URL must start with postgresql://")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": parts.path.lstrip("/"),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
    }


INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "bot.web",
    "bot.review",
]
MIDDLEWARE = [
    "bot.web.proxy.RealClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "bot.web.cors.EmbedCorsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "bot.web.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Staff log in to the review app; accounts come from `overstapcoach staff add`.
LOGIN_URL = "/review/login/"
LOGIN_REDIRECT_URL = "/review/"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = ENV.get("WEB_SECURE_COOKIES", "0") == "1"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Conversations older than this many days are deleted by `overstapcoach retention`
# (make run runs it at start and then daily).
REVIEW_RETENTION_DAYS = int(ENV.get("REVIEW_RETENTION_DAYS", 180))
# One process (make run) keeps its cache in memory. Several web app replicas (production
# mode) share Redis, so answered message ids and login failures count across all of them.
CACHES = {"default": (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": ENV["WEB_CACHE_URL"],
     "KEY_PREFIX": "web"}
    if ENV.get("WEB_CACHE_URL") else
    {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
)}
# Behind nginx (production mode) the client's address comes from X-Real-IP.
TRUST_PROXY = ENV.get("WEB_TRUST_PROXY", "0") == "1"
STATIC_URL = "/static/"
STATIC_ROOT = ROOT / "var" / "static"
LANGUAGE_CODE = "nl"
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"  # staff read times in Dutch local time
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Django must not reconfigure logging: dictConfig would close the handlers that Rasa
# and the test runner already installed. Our modules log through the root logger.
LOGGING_CONFIG = None
