"""Creates Rasa's tracker tables in production mode's PostgreSQL before any Rasa replica
starts, with Rasa's own SQLTrackerStore, so that no two replicas race to create them.

Run by ProdStack as `python -m bot.production.tracker_tables` with the service env."""

from __future__ import annotations

import os

from bot.production.settings import DB_USER, TRACKER_DB


def main() -> None:
    from rasa.core.tracker_store import SQLTrackerStore

    store = SQLTrackerStore(
        dialect="postgresql", host="127.0.0.1", port=int(os.environ["PROD_DB_PORT"]),
        db=TRACKER_DB, username=DB_USER, password=os.environ["PROD_DB_PASSWORD"],
    )
    store.engine.dispose()


if __name__ == "__main__":
    main()
