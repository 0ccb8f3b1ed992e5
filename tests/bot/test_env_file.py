"""`.env` gets its own secrets: made fresh, and added to an older file that lacks one."""

from dotenv import dotenv_values

from bot import settings


def test_a_new_env_file_has_fresh_secrets(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ENV_FILE", tmp_path / ".env")
    settings.ensure_env_file()
    values = dotenv_values(tmp_path / ".env")
    for name in settings.SECRETS:
        assert values[name] and values[name] != "change-me"
    assert values["PROD_PORT"] == "8080"  # the rest is copied from .env.example


def test_an_older_env_file_keeps_its_values_and_gains_the_missing_secret(tmp_path, monkeypatch):
    env = tmp_path / ".env"
    env.write_text("RASA_API_TOKEN=mine\nWEB_SECRET_KEY=also-mine\nPROD_DB_PASSWORD=change-me\n")
    monkeypatch.setattr(settings, "ENV_FILE", env)
    settings.ensure_env_file()
    values = dotenv_values(env)
    assert values["RASA_API_TOKEN"] == "mine" and values["WEB_SECRET_KEY"] == "also-mine"
    assert len(values["PROD_DB_PASSWORD"]) >= 24 and values["PROD_DB_PASSWORD"] != "change-me"
    settings.ensure_env_file()
    assert dotenv_values(env)["PROD_DB_PASSWORD"] == values["PROD_DB_PASSWORD"]  # made once
