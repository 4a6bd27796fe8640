"""Retention of conversations: Rasa's SQL tracker store (addons/stores/tracker_store.py) keeps every
event of every conversation, personal data included; a conversation whose last event is older
than `retention_days` (config/conversations.yml) is deleted, all its events at once.

Plain SQLAlchemy on Rasa's `events` table (sender_id, timestamp in Unix seconds), so the same
statement runs on SQLite and PostgreSQL and no Rasa import is needed.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import sqlalchemy as sa
import yaml

CONFIG_FILE = Path(__file__).resolve().parents[2] / "config" / "conversations.yml"
EVENTS_TABLE = "events"  # the table name of Rasa's SQLTrackerStore


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
        # one statement: a conversation that speaks again meanwhile is no longer selected
        connection.execute(events.delete().where(events.c.sender_id.in_(stale)))
    return count
