"""Conversations past their retention are deleted by the same purge command as bookings, on
SQLite and (with ORIENTATION_TEST_DATABASE_URL) PostgreSQL; written by Rasa's own tracker store."""
import asyncio
import datetime as dt

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.stores.tracker_store import OrientationTrackerStore
from orientation.booking.__main__ import main
from orientation.booking.retention import purge_conversations, retention_days

UTC = dt.timezone.utc
NOW = dt.datetime(2022, 3, 1, 12, 0, tzinfo=UTC)


def _save(store, sender, *days_ago):
    """A conversation whose messages were said that many days before NOW."""
    tracker = DialogueStateTracker(sender, slots=[])
    for days in days_ago:
        moment = (NOW - dt.timedelta(days=days)).timestamp()
        tracker.update(UserUttered("je suis une commune", timestamp=moment))
        tracker.update(SlotSet("applicant_type", "commune", timestamp=moment))
    asyncio.run(store.save(tracker))


@pytest.fixture
def conversations(database_url):
    store = OrientationTrackerStore(host=database_url)
    _save(store, "old", 200, 120)          # last message 120 days ago: past 90 days
    _save(store, "came-back", 200, 10)     # started long ago, spoke 10 days ago: its old events go
    _save(store, "recent", 3)
    _save(store, "just-in-time", 89.9)
    yield store
    store.engine.dispose()


def _senders(store):
    with store.engine.connect() as connection:
        return {row[0]: row[1] for row in connection.execute(
            sa.text("SELECT sender_id, count(*) FROM events GROUP BY sender_id"))}


def test_the_default_retention_is_90_days():
    assert retention_days() == 90


def test_events_older_than_the_retention_are_deleted_even_in_a_living_conversation(conversations):
    before = _senders(conversations)
    assert purge_conversations(conversations.engine, NOW) == 1
    after = _senders(conversations)
    assert set(after) == {"came-back", "recent", "just-in-time"}
    # a living conversation keeps only its events within the retention
    assert before["came-back"] == 4 and after["came-back"] == 2
    assert after["just-in-time"] == before["just-in-time"]
    assert purge_conversations(conversations.engine, NOW) == 0
    assert purge_conversations(conversations.engine, NOW, days=5) == 2  # only "recent" is 3 days old
    assert set(_senders(conversations)) == {"recent"}


def test_the_purge_command_deletes_bookings_and_conversations(conversations, database_url, capsys):
    assert main(["--database-url", database_url, "purge", "--now", NOW.isoformat()]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "1 conversation supprimée (conservation : 90 jours après le dernier message)."
    assert "old" not in _senders(conversations)


def test_an_empty_database_has_nothing_to_purge(database_url):
    assert purge_conversations(sa.create_engine(database_url, future=True), NOW) == 0


def test_a_wrong_retention_is_refused_with_the_field(tmp_path):
    path = tmp_path / "conversations.yml"
    path.write_text("retention_days: zéro\n", encoding="utf-8")
    with pytest.raises(ValueError, match="retention_days"):
        retention_days(path)
