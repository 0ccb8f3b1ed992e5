"""Reads and deletes conversations in Rasa's SQL tracker store (table `events`).

The table belongs to Rasa: this module never creates or alters it. It works on
SQLite (default, `TRACKER_DB`) and on any database SQLAlchemy reaches through
`TRACKER_DB_URL` (PostgreSQL in production mode).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional

import sqlalchemy as sa

from bot.settings import ROOT, load_environment

# The columns Rasa 3.6's SQLTrackerStore writes; declared here only to read them.
EVENTS = sa.Table(
    "events",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("type_name", sa.String(255)),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)
CHUNK = 500  # senders per IN (...) query


@dataclass(frozen=True)
class Event:
    id: int
    sender_id: str
    type_name: str
    timestamp: float
    data: Dict[str, Any]


def tracker_store_url(env: Optional[dict] = None) -> str:
    env = env if env is not None else load_environment()
    if env.get("TRACKER_DB_URL"):
        return env["TRACKER_DB_URL"]
    if env.get("TRACKER_DB_DIALECT", "sqlite") != "sqlite":
        raise RuntimeError("set TRACKER_DB_URL for a tracker store that is not SQLite")
    return f"sqlite:///{ROOT / env.get('TRACKER_DB', 'var/tracker.db')}"


def engine(url: Optional[str] = None) -> sa.engine.Engine:
    return _engine_for(url or tracker_store_url())


@lru_cache(maxsize=8)
def _engine_for(url: str) -> sa.engine.Engine:
    return sa.create_engine(url, future=True, pool_pre_ping=True)  # survives a database restart


def _event(row: Any) -> Event:
    try:
        data = json.loads(row.data) if row.data else {}
    except ValueError:
        data = {}
    return Event(row.id, row.sender_id, row.type_name, row.timestamp or 0.0, data)


_TABLE_SEEN: set = set()  # stores where Rasa's table exists; once made, it stays


def has_events_table(url: Optional[str] = None) -> bool:
    """False until Rasa has created its table; never creates a SQLite file itself."""
    address = url or tracker_store_url()
    if address in _TABLE_SEEN:
        return True
    if address.startswith("sqlite:///") and not Path(address[len("sqlite:///"):]).exists():
        return False
    with engine(address).connect() as connection:
        if sa.inspect(connection).has_table("events"):
            _TABLE_SEEN.add(address)
            return True
    return False


def events_after(last_id: int, url: Optional[str] = None, limit: int = 50_000) -> List[Event]:
    """Events with an id above `last_id`, oldest first."""
    if not has_events_table(url):
        return []
    query = sa.select(EVENTS).where(EVENTS.c.id > last_id).order_by(EVENTS.c.id).limit(limit)
    with engine(url).connect() as connection:
        return [_event(row) for row in connection.execute(query)]


def latest_event_id(url: Optional[str] = None) -> int:
    if not has_events_table(url):
        return 0
    with engine(url).connect() as connection:
        return connection.execute(sa.select(sa.func.max(EVENTS.c.id))).scalar() or 0


def events_of(sender_ids: Iterable[str], url: Optional[str] = None, up_to: Optional[int] = None) -> Iterator[Event]:
    """All events of these conversations (optionally only ids <= up_to), by id."""
    senders = list(sender_ids)
    if not senders or not has_events_table(url):
        return
    with engine(url).connect() as connection:
        for start in range(0, len(senders), CHUNK):
            query = sa.select(EVENTS).where(EVENTS.c.sender_id.in_(senders[start:start + CHUNK]))
            if up_to is not None:
                query = query.where(EVENTS.c.id <= up_to)
            for row in connection.execute(query.order_by(EVENTS.c.id)):
                yield _event(row)


def event_counts(sender_ids: Iterable[str], url: Optional[str] = None) -> Dict[str, int]:
    """How many events each of these conversations has (an indexed count, no JSON read)."""
    senders = list(sender_ids)
    counts: Dict[str, int] = {}
    if not senders or not has_events_table(url):
        return counts
    with engine(url).connect() as connection:
        for start in range(0, len(senders), CHUNK):
            query = (sa.select(EVENTS.c.sender_id, sa.func.count()).where(EVENTS.c.sender_id.in_(senders[start:start + CHUNK]))
                     .group_by(EVENTS.c.sender_id))
            counts.update({sender: n for sender, n in connection.execute(query)})
    return counts


def last_activity(url: Optional[str] = None) -> Dict[str, float]:
    """The time of each conversation's newest event."""
    if not has_events_table(url):
        return {}
    query = sa.select(EVENTS.c.sender_id, sa.func.max(EVENTS.c.timestamp)).group_by(EVENTS.c.sender_id)
    with engine(url).connect() as connection:
        return {sender: stamp or 0.0 for sender, stamp in connection.execute(query)}


def delete_events(sender_id: str, url: Optional[str] = None) -> int:
    """Removes every event of this conversation; returns how many were removed."""
    if not has_events_table(url):
        return 0
    with engine(url).begin() as connection:
        result = connection.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id == sender_id))
        return result.rowcount or 0


def count_events(sender_id: str, url: Optional[str] = None) -> int:
    return event_counts([sender_id], url).get(sender_id, 0)
