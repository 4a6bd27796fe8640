"""Retention of conversations: Rasa's SQL tracker store (addons/stores/tracker_store.py) keeps every
event of every conversation, personal data included. Events older than `retention_days`
(config/conversations.yml) are deleted, even in a conversation still going on; a conversation
whose last event is that old goes whole. A booking cancelled or purged is scrubbed from the
conversations that hold it (scrub_booking): its name, e-mail and organisation, and the free text
of the booking's slots.

Plain SQLAlchemy on Rasa's `events` table (sender_id, timestamp in Unix seconds), so the same
statement runs on SQLite and PostgreSQL and no Rasa import is needed.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Iterable, List, Optional, Pattern, Set

import sqlalchemy as sa
import yaml

from orientation.client_address import METADATA_KEY

CONFIG_FILE = Path(__file__).resolve().parents[2] / "config" / "conversations.yml"
EVENTS_TABLE = "events"  # the table name of Rasa's SQLTrackerStore
SCRUBBED = "[supprimé]"
# The booking's slots whose values are personal or free text: emptied whatever they hold.
BOOKING_TEXT_SLOTS = ("booking_name", "booking_organisation", "booking_email", "booking_contact", "booking_wish")


def retention_days(path: Path = CONFIG_FILE) -> int:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    days = data.get("retention_days", 90)
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ValueError(f"{path.name} : retention_days doit être un nombre entier de jours ≥ 1, pas {days!r}")
    return days


def purge_conversations(engine: sa.engine.Engine, now: dt.datetime, days: Optional[int] = None) -> int:
    """Deletes the conversations whose last event is more than `days` before `now`; returns how many."""
    days = retention_days() if days is None else days
    if not sa.inspect(engine).has_table(EVENTS_TABLE):
        return 0  # no conversation yet
    limit = (now - dt.timedelta(days=days)).timestamp()
    events = sa.Table(EVENTS_TABLE, sa.MetaData(), autoload_with=engine)
    stale = (sa.select(events.c.sender_id).group_by(events.c.sender_id)
             .having(sa.func.max(events.c.timestamp) < limit))
    with engine.begin() as connection:
        count = connection.execute(sa.select(sa.func.count()).select_from(stale.subquery())).scalar_one()
        # Every event past retention, in a finished conversation or one still going on.
        connection.execute(events.delete().where(events.c.timestamp < limit))
    return count


def _events(engine: sa.engine.Engine) -> Optional[sa.Table]:
    if not sa.inspect(engine).has_table(EVENTS_TABLE):
        return None
    return sa.Table(EVENTS_TABLE, sa.MetaData(), autoload_with=engine)


def _like(value: str) -> str:
    return "%" + value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _scrub(value: Any, pattern: Pattern) -> Any:
    """The JSON value with every string that names the person replaced, and the booking's slots and
    the client's address emptied."""
    if isinstance(value, str):
        return SCRUBBED if pattern.search(value) else value
    if isinstance(value, list):
        return [_scrub(item, pattern) for item in value]
    if isinstance(value, dict):
        if value.get("event") == "slot" and value.get("name") in BOOKING_TEXT_SLOTS:
            return {**value, "value": None}
        return {key: (None if key == METADATA_KEY else _scrub(item, pattern)) for key, item in value.items()}
    return value


def _booking_answers(decoded: List[Any]) -> Set[int]:
    """The ids of the user messages that answered a booking question (free text: the name, the
    wish, how to talk…): those followed by a booking slot set before the next user message."""
    answers: Set[int] = set()
    last_user: Optional[Any] = None
    for row, data in decoded:
        if not isinstance(data, dict):
            continue
        if data.get("event") == "user":
            last_user = row
        elif (data.get("event") == "slot" and data.get("name") in BOOKING_TEXT_SLOTS and data.get("value") is not None
              and last_user is not None and last_user.sender_id == row.sender_id):
            answers.add(last_user.id)
    return answers


def _scrub_message(data: Any) -> Any:
    """A user message with its text and what was read from it removed (the intent stays)."""
    if not isinstance(data, dict):
        return data
    parse = dict(data.get("parse_data") or {})
    if parse:
        parse.update(text=SCRUBBED, entities=[])
    return {**data, "text": SCRUBBED, "parse_data": parse}


def scrub_booking(engine: sa.engine.Engine, values: Iterable[Optional[str]], email: str) -> int:
    """Scrubs `values` (the booking's name, organisation, e-mail…) from every stored conversation
    that mentions the booking's e-mail address; returns how many events changed. The conversations
    are found by the address (unique to the person), then every event of them is rewritten."""
    events = _events(engine)
    words = sorted({" ".join(str(v).split()) for v in values if v and len(" ".join(str(v).split())) >= 2},
                   key=len, reverse=True)
    if events is None or not email or not words:
        return 0
    # Rasa writes the events with JSON's \u escapes: the address (ASCII) is found as it is.
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in words), re.IGNORECASE)
    senders = (sa.select(events.c.sender_id).distinct()
               .where(sa.func.lower(events.c.data).like(_like(email), escape="\\")))
    changed = 0
    with engine.begin() as connection:
        rows: List[Any] = list(connection.execute(sa.select(events.c.id, events.c.sender_id, events.c.data)
                                                  .where(events.c.sender_id.in_(senders))
                                                  .order_by(events.c.sender_id, events.c.id)))
        decoded = []
        for row in rows:
            try:
                decoded.append((row, json.loads(row.data or "null")))
            except ValueError:
                continue
        answers = _booking_answers(decoded)
        for row, data in decoded:
            scrubbed = _scrub(data, pattern)
            if row.id in answers:
                scrubbed = _scrub_message(scrubbed)
            if scrubbed != data:
                connection.execute(events.update().where(events.c.id == row.id).values(data=json.dumps(scrubbed)))
                changed += 1
    return changed
