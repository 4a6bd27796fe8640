"""The conversations' tracker store: Rasa's SQL store on the assistant's database
(orientation/database.py), so a restart of the Rasa server loses no conversation.

Made cheaper per turn than Rasa's own, with the same rows in the same tables:
- SQLite: one connection per thread kept open (SQLAlchemy 1.4 opens and closes the file for every
  session), and the write-ahead log with synchronous=NORMAL: a commit no longer waits for several
  fsyncs. A power cut may lose the last turns; a crash of the server loses nothing.
- Saving a tracker read from the store does not count its stored events again: that count was
  taken when it was read, and the conversation's lock (Rasa's lock store) keeps anyone else from
  writing to it meanwhile.
- The last trackers saved are kept in memory and given back as they are when the database holds
  nothing newer for the conversation (same last event id: another Rasa instance may have written),
  instead of decoding and replaying every event of the conversation on each message. After a
  conversation's first turn, the tracker kept is its latest session, as reading it back gives it.
- A conversation the database holds nothing of (its first message) is told by the same one-row
  query, not by Rasa's query of its events (1 ms of ORM work).
"""
from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from typing import Any, Iterable, Iterator, Optional, Text, Tuple

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.engine import make_url
from sqlalchemy.pool import SingletonThreadPool

from addons.patches import log_redaction
from orientation.client_address import METADATA_KEY
from orientation.database import database_url, restrict_sqlite_file

# Attribute set on a tracker: how many of its events are in the database.
STORED = "_orientation_stored_events"
# Conversations whose tracker is kept in memory (the most recent ones).
KEPT_TRACKERS = 200


def _read_back(tracker: DialogueStateTracker, slots: Optional[Iterable[Any]]) -> Optional[DialogueStateTracker]:
    """The tracker reading the conversation back would give: Rasa's store reads the events stamped
    from the latest SessionStarted's time on (SQLTrackerStore._event_query), in order, and replays
    them. The tracker itself when that is all it holds; else those events replayed into a new one
    (a conversation's first turn: the metadata slot set before the session starts), as Rasa's store
    does, without reading and decoding them again at the next message; None without a domain."""
    starts = [event.timestamp for event in tracker.events if isinstance(event, SessionStarted)]
    if not starts:
        return tracker
    latest = max(starts)
    events = [event for event in tracker.events if event.timestamp >= latest]
    if len(events) == len(tracker.events):
        return tracker
    return DialogueStateTracker.from_events(tracker.sender_id, events, slots) if slots is not None else None


def _forget_client_addresses(events: Iterable[Any]) -> None:
    """The client's address the channel put in a message's metadata serves the turn (the booking
    limits, hashed there); the stored conversation does not keep it."""
    for event in events:
        if isinstance(event, UserUttered):
            for metadata in (event.metadata, (event.parse_data or {}).get("metadata")):
                if isinstance(metadata, dict):
                    metadata.pop(METADATA_KEY, None)


def _tune_sqlite(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class OrientationTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Optional[Domain] = None, host: Optional[str] = None,
                 event_broker: Optional[EventBroker] = None, **kwargs: Any) -> None:
        url = host or database_url()  # a full URL in endpoints.yml wins over the environment
        restrict_sqlite_file(url)
        super().__init__(domain=domain, host=url, dialect=make_url(url).get_backend_name(),
                         event_broker=event_broker, **kwargs)
        # hide_parameters: a database error must not write the event (text, metadata) into the logs.
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            self.engine.dispose()
            self.engine = sa.create_engine(self.engine.url, poolclass=SingletonThreadPool, hide_parameters=True)
            sa.event.listen(self.engine, "connect", _tune_sqlite)
        else:
            self.engine.dispose()
            self.engine = sa.create_engine(self.engine.url, hide_parameters=True,
                                           **create_engine_kwargs(self.engine.url))
        self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
        events = self.SQLEvent.__table__
        # built once: the ORM built and compiled this query again on every message
        self._last_id_query = sa.select(sa.func.max(events.c.id)).where(events.c.sender_id == sa.bindparam("sender_id"))
        log_redaction.install()
        self._kept: OrderedDict[str, Tuple[Optional[int], DialogueStateTracker]] = OrderedDict()

    def _last_event_id(self, session: Any, sender_id: Text) -> Optional[int]:
        return session.execute(self._last_id_query, {"sender_id": sender_id}).scalar()

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        kept = self._kept.pop(sender_id, None)
        with self.engine.connect() as connection:  # one query: no ORM session needed
            last_id = self._last_event_id(connection, sender_id)
        if last_id is None:
            return None  # nothing stored (a new conversation): what Rasa's store answers, by its longer query
        # kept and unchanged since it was saved (a failed turn leaves events unsaved: read it again)
        if kept is not None and len(kept[1].events) == getattr(kept[1], STORED, None) and last_id == kept[0]:
            self._kept[sender_id] = kept
            return kept[1]
        return await super().retrieve(sender_id)

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
        _forget_client_addresses(itertools.islice(tracker.events, getattr(tracker, STORED, None) or 0, None))
        kept = self._kept.pop(tracker.sender_id, None)
        await self.stream_events(tracker)
        with self.session_scope() as session:
            last_id = self._write_events(session, tracker)
            if last_id is None and kept is not None and kept[1] is tracker:
                last_id = kept[0]  # nothing new: the id it was kept with
            setattr(tracker, STORED, len(tracker.events))
            read_back = _read_back(tracker, self.domain.slots if self.domain else None)
            if last_id is None and read_back is not None:
                last_id = self._last_event_id(session, tracker.sender_id)
        if read_back is not None:
            setattr(read_back, STORED, len(read_back.events))
            self._kept[tracker.sender_id] = (last_id, read_back)
            while len(self._kept) > KEPT_TRACKERS:
                self._kept.popitem(last=False)

    def _write_events(self, session: Any, tracker: DialogueStateTracker) -> Optional[int]:
        """SQLTrackerStore.save's rows, in one transaction; the id of the last one (given by the insert
        itself) is the conversation's latest, as its lock lets no one else write to it: no query for it
        afterwards. Inserted as table rows, not ORM objects: the ORM's unit of work (identity map,
        one statement and its bookkeeping per object) was most of a save's time."""
        rows = []
        for event in self._additional_events(session, tracker):
            data = event.as_dict()
            rows.append({"sender_id": tracker.sender_id, "type_name": event.type_name,
                         "timestamp": data.get("timestamp"),
                         "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                         "action_name": data.get("name"), "data": json.dumps(data)})
        last_id = None
        if rows:
            table = self.SQLEvent.__table__
            if len(rows) > 1:
                session.execute(table.insert(), rows[:-1])  # one executemany, in order
            last_id = session.execute(table.insert(), rows[-1]).inserted_primary_key[0]
        session.commit()
        return last_id
