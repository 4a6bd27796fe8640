import datetime as dt
import os
import uuid

import pytest
import sqlalchemy as sa

from actions.booking.config import load_config
from actions.booking.store import BookingStore, metadata

PARIS = dt.timezone(dt.timedelta(hours=2))  # summer offset, for readable test datetimes


@pytest.fixture
def config():
    return load_config()


def _database_urls():
    urls = ["sqlite"]
    urls.append(os.environ.get("ORIENTATION_TEST_DATABASE_URL") or pytest.param(
        "postgresql", marks=pytest.mark.skip(reason="ORIENTATION_TEST_DATABASE_URL not set: see scripts/with-postgres")))
    return urls


@pytest.fixture(params=_database_urls(), ids=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A fresh database: a SQLite file, or an empty PostgreSQL schema (dropped afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bookings.db'}"
        return
    schema = f"test_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(request.param)
    with engine.begin() as connection:
        connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in request.param else "?"
    yield f"{request.param}{separator}options=-csearch_path%3D{schema}"
    with engine.begin() as connection:
        connection.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


@pytest.fixture
def store(database_url, config):
    store = BookingStore(database_url, config)
    yield store
    store.engine.dispose()


def at(day, hour, minute=0, offset=2):
    """An aware datetime in Paris time (offset 2 in summer, 1 in winter)."""
    return dt.datetime(*day, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=offset)))
