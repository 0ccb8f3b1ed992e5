"""Deletes a conversation from Rasa's SQL tracker store (table `events`).

Used by the widget's "Wis gesprek" control. The sender id is a random 128-bit
value that only the user's browser tab knows, so it works as the key to delete.
"""

from __future__ import annotations

from functools import lru_cache

import sqlalchemy

from bot.settings import ROOT
from bot.web.settings import ENV


def tracker_store_url() -> str:
    if ENV.get("TRACKER_DB_URL"):
        return ENV["TRACKER_DB_URL"]
    dialect = ENV.get("TRACKER_DB_DIALECT", "sqlite")
    if dialect != "sqlite":
        raise RuntimeError("set TRACKER_DB_URL for a tracker store that is not SQLite")
    return f"sqlite:///{ROOT / ENV.get('TRACKER_DB', 'var/tracker.db')}"


@lru_cache(maxsize=1)
def engine() -> sqlalchemy.engine.Engine:
    return sqlalchemy.create_engine(tracker_store_url())


def delete_conversation(sender_id: str) -> int:
    """Removes every event of this conversation; returns how many were removed."""
    with engine().begin() as connection:
        if not sqlalchemy.inspect(connection).has_table("events"):
            return 0
        result = connection.execute(
            sqlalchemy.text("DELETE FROM events WHERE sender_id = :sender"), {"sender": sender_id}
        )
        return result.rowcount or 0
