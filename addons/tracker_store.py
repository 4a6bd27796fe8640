"""The conversations' tracker store: Rasa's SQL store on the assistant's database
(actions/database.py), so a restart of the Rasa server loses no conversation.

Made cheaper per turn than Rasa's own (issue 13), with the same rows in the same tables:
- SQLite: one connection per thread kept open (SQLAlchemy 1.4 opens and closes the file for every
  session), and the write-ahead log with synchronous=NORMAL: a commit no longer waits for several
  fsyncs. A power cut may lose the last turns; a crash of the server loses nothing.
- Saving a tracker read from the store does not count its stored events again: that count was
  taken when it was read, and the conversation's lock (Rasa's lock store) keeps anyone else from
  writing to it meanwhile.
"""
from __future__ import annotations

import itertools
from typing import Any, Iterator, Optional, Text

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url
from sqlalchemy.pool import SingletonThreadPool

from actions.database import database_url

# Attribute set on a tracker: how many of its events are in the database.
STORED = "_orientation_stored_events"


def _tune_sqlite(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class OrientationTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Optional[Domain] = None, host: Optional[str] = None,
                 event_broker: Optional[EventBroker] = None, **kwargs: Any) -> None:
        url = host or database_url()  # a full URL in endpoints.yml wins over the environment
        super().__init__(domain=domain, host=url, dialect=make_url(url).get_backend_name(),
                         event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            self.engine.dispose()
            self.engine = sa.create_engine(self.engine.url, poolclass=SingletonThreadPool)
            sa.event.listen(self.engine, "connect", _tune_sqlite)
            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool
                        ) -> Optional[DialogueStateTracker]:
        tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        if tracker is not None and not fetch_events_from_all_sessions:
            setattr(tracker, STORED, len(tracker.events))
        return tracker

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        stored = getattr(tracker, STORED, None)
        if stored is None:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        setattr(tracker, STORED, len(tracker.events))
