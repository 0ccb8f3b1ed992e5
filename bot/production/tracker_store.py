"""Rasa's SQL tracker store for production mode, with one change: every pooled
connection is tested before use (SQLAlchemy's pool_pre_ping). Without it, the first
message after a database restart fails on a connection the restart had closed.

endpoints.prod.yml names this class as the tracker store type."""

from __future__ import annotations

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs


class ReconnectingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
