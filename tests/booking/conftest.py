"""Fixtures of the booking tests: a fixed agenda, and fresh databases (SQLite file, PostgreSQL schema).

The tests use their own settings (TEST_CONFIG), not config/booking.yml, so that the advisors may
change their hours without breaking them.
"""
import datetime as dt
import os
import uuid

import pytest
import sqlalchemy as sa

from orientation.booking.config import parse_config
from orientation.booking.store import BookingStore

POSTGRES_ENV = "ORIENTATION_TEST_DATABASE_URL"
TEST_CONFIG = """
timezone: Europe/Paris
slot_minutes: 15
hours:
  lundi: ["09:30-12:00", "14:00-17:00"]
  mardi: ["09:30-12:00", "14:00-17:00"]
  mercredi: ["09:30-12:00"]
  jeudi: ["09:30-12:00", "14:00-17:00"]
  vendredi: ["09:30-12:00", "14:00-17:00"]
public_holidays_closed: true
closed_dates: []
notice_hours: 2
horizon_days: 21
advisors: 2
retention_days: 90
contact: "Pour toute question, écrivez à l'équipe France Relance de la DINUM."
"""


def make_config(**changes):
    """TEST_CONFIG with some fields replaced (YAML values)."""
    import yaml
    data = yaml.safe_load(TEST_CONFIG)
    data.update(changes)
    return parse_config(yaml.safe_dump(data, allow_unicode=True))


@pytest.fixture
def config():
    return make_config()


def _database_params():
    url = os.environ.get(POSTGRES_ENV)
    return ["sqlite", pytest.param(url or "postgresql", id="postgresql", marks=() if url else pytest.mark.skip(
        reason=f"{POSTGRES_ENV} is not set (e.g. postgresql+psycopg2://postgres@127.0.0.1:5432/orientation; "
               "`make test` starts a throwaway server with pg_virtualenv)"))]


@pytest.fixture(params=_database_params(), ids=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A fresh, empty database: a SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bookings.db'}"
        return
    schema = f"booking_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(request.param, future=True)
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in request.param else "?"
    try:
        yield f"{request.param}{separator}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


# The tests' present: the Wednesday before the week they book in (notice and horizon count from it).
NOW = dt.datetime(2021, 10, 13, 8, 0, tzinfo=dt.timezone.utc)


def clock():
    return NOW


@pytest.fixture
def store(database_url, config):
    store = BookingStore(database_url, config, clock=clock)
    yield store
    store.close()


def at(day, hour, minute=0, offset=2):
    """An aware datetime with a fixed Paris offset (2 in summer, 1 in winter), for readable tests."""
    return dt.datetime(*day, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=offset)))
