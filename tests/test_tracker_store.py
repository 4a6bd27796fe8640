"""The conversations' store (addons/stores/tracker_store.py) is cheaper per turn and keeps exactly the rows
Rasa's own SQL store keeps: each event once, in order, across turns, sessions and restarts."""
import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered

from addons.stores.tracker_store import OrientationTrackerStore

DOMAIN = Domain.from_yaml("""
version: "3.1"
slots:
  budget:
    type: float
    mappings: [{type: from_entity, entity: budget}]
""")


def in_thread(coroutine):
    """asyncio.run in a thread of its own (the browser tests keep a loop running in the main one)."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def turn(text, reply, budget=None):
    events = [UserUttered(text, {"name": "inform", "confidence": 1.0})]
    if budget is not None:
        events.append(SlotSet("budget", budget))
    return events + [ActionExecuted("utter_x"), BotUttered(reply), ActionExecuted("action_listen")]


async def conversation(store):
    """Three turns, then a new session, as the Rasa server stores them (one save per message)."""
    tracker = await store.get_or_create_tracker("someone")
    for i, budget in enumerate((None, 400000.0, 500000.0)):
        tracker = await store.retrieve("someone")
        for event in turn(f"message {i}", f"réponse {i}", budget):
            tracker.update(event)
        await store.save(tracker)
    tracker = await store.retrieve("someone")
    for event in [ActionExecuted("action_session_start"), SessionStarted(), SlotSet("budget", 500000.0),
                  ActionExecuted("action_listen"), *turn("de nouveau", "bonjour")]:
        tracker.update(event)
    await store.save(tracker)
    return await store.retrieve("someone"), await store.retrieve_full_tracker("someone")


def without_time(events):
    return [{k: v for k, v in e.as_dict().items() if k != "timestamp"} for e in events]


def rows(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT sender_id, type_name, intent_name, action_name, data FROM events ORDER BY id").fetchall()


def test_the_same_rows_as_rasa_s_own_store(tmp_path):
    ours = OrientationTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'ours.db'}")
    theirs = SQLTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'theirs.db'}")
    latest, full = in_thread(conversation(ours))
    expected_latest, expected_full = in_thread(conversation(theirs))
    assert without_time(latest.events) == without_time(expected_latest.events)
    assert len(full.events) == len(expected_full.events) > len(latest.events)
    assert latest.get_slot("budget") == 500000.0
    ours_rows, theirs_rows = rows(tmp_path / "ours.db"), rows(tmp_path / "theirs.db")
    assert len(ours_rows) == len(theirs_rows) == len(full.events)
    assert [r[:4] for r in ours_rows] == [r[:4] for r in theirs_rows]


def test_a_restart_reads_every_event_back(tmp_path):
    url = f"sqlite:///{tmp_path / 'orientation.db'}"
    latest, _ = in_thread(conversation(OrientationTrackerStore(DOMAIN, host=url)))
    again = in_thread(OrientationTrackerStore(DOMAIN, host=url).retrieve("someone"))
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in latest.events]


def test_sqlite_writes_ahead_of_its_log(tmp_path):
    in_thread(conversation(OrientationTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'orientation.db'}")))
    with sqlite3.connect(tmp_path / "orientation.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_saving_again_adds_nothing(tmp_path):
    store = OrientationTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'orientation.db'}")
    latest, full = in_thread(conversation(store))
    in_thread(store.save(latest))
    assert len(rows(tmp_path / "orientation.db")) == len(full.events)


async def another_turn(store, text):
    tracker = await store.retrieve("someone")
    for event in turn(text, "réponse"):
        tracker.update(event)
    await store.save(tracker)


def test_what_another_rasa_instance_wrote_is_read(tmp_path):
    url = f"sqlite:///{tmp_path / 'orientation.db'}"
    first, second = OrientationTrackerStore(DOMAIN, host=url), OrientationTrackerStore(DOMAIN, host=url)
    in_thread(conversation(first))
    in_thread(another_turn(second, "écrit par l'autre instance"))
    texts = [e.text for e in in_thread(first.retrieve("someone")).events if isinstance(e, UserUttered)]
    assert texts[-1] == "écrit par l'autre instance"
    in_thread(another_turn(first, "et de nouveau ici"))
    assert [e.text for e in in_thread(second.retrieve("someone")).events
            if isinstance(e, UserUttered)][-2:] == ["écrit par l'autre instance", "et de nouveau ici"]


def test_a_turn_that_was_not_saved_is_not_read_back(tmp_path):
    store = OrientationTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'orientation.db'}")
    latest, _ = in_thread(conversation(store))
    saved = without_time(latest.events)
    tracker = in_thread(store.retrieve("someone"))
    tracker.update(UserUttered("perdu", {"name": "inform", "confidence": 1.0}))  # the turn fails here
    assert without_time(in_thread(store.retrieve("someone")).events) == saved


def test_a_turn_is_saved_by_its_inserts_alone_and_read_back_with_one_query(tmp_path):
    """Per message: the save writes the turn's rows and asks nothing (the rows it adds follow the ones
    counted when the tracker was read, and the last one's id comes from its insert); reading the
    conversation back asks only whether the database holds anything newer."""
    import sqlalchemy as sa

    store = OrientationTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'orientation.db'}")
    in_thread(conversation(store))
    statements = []
    sa.event.listen(store.engine, "before_cursor_execute",
                    lambda _c, _cur, statement, *_: statements.append(statement.split()[0].upper()))
    tracker = in_thread(store.retrieve("someone"))
    assert statements == ["SELECT"]
    statements.clear()
    for event in turn("encore", "réponse", 600000.0):
        tracker.update(event)
    in_thread(store.save(tracker))
    assert statements and set(statements) == {"INSERT"}
    statements.clear()
    again = in_thread(store.retrieve("someone"))
    assert again is tracker and statements == ["SELECT"]
    in_thread(store.save(again))  # nothing new: nothing written, nothing asked
    assert statements == ["SELECT"]
    assert in_thread(OrientationTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'orientation.db'}")
                     .retrieve("someone")).get_slot("budget") == 600000.0


async def first_turn(store, sender):
    """A conversation's first message as the Rasa server logs it: the client's metadata slot, then
    the session started by action_session_start (logged after the events it returns), then the turn."""
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    tracker.update(SlotSet("budget", 1000.0))
    started = [SessionStarted(), SlotSet("budget", 1000.0), ActionExecuted("action_listen")]
    tracker.update(ActionExecuted("action_session_start"))
    for event in started + turn("bonjour", "bonjour !", 300000.0):
        tracker.update(event)
    await store.save(tracker)


def test_a_first_turn_is_kept_as_reading_it_back_gives_it(tmp_path):
    """Rasa's store reads a conversation from its latest session's start: after the first turn the
    tracker kept is that one (the metadata slot set before the session left out), and the next
    message is read with one query, as every later one."""
    import sqlalchemy as sa

    url = f"sqlite:///{tmp_path / 'orientation.db'}"
    store = OrientationTrackerStore(DOMAIN, host=url)
    statements = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda _c, _cur, statement, *_: statements.append(statement))
    in_thread(first_turn(store, "nouveau"))
    statements.clear()
    kept = in_thread(store.retrieve("nouveau"))
    assert len(statements) == 1 and "max(events.id)" in statements[0].lower()  # its events not read again
    read = in_thread(OrientationTrackerStore(DOMAIN, host=url).retrieve("nouveau"))
    theirs = in_thread(SQLTrackerStore(DOMAIN, host=url).retrieve("nouveau"))
    assert [e.as_dict() for e in kept.events] == [e.as_dict() for e in read.events] == \
        [e.as_dict() for e in theirs.events]
    assert kept.current_state() == theirs.current_state() and kept.get_slot("budget") == 300000.0
    assert isinstance(kept.events[0], ActionExecuted) and len(kept.events) < len(rows(tmp_path / "orientation.db"))
    for event in turn("la suite", "réponse"):  # saved from the kept tracker: each event once
        kept.update(event)
    in_thread(store.save(kept))
    assert len(rows(tmp_path / "orientation.db")) == len(in_thread(store.retrieve_full_tracker("nouveau")).events)
    assert [r[1] for r in rows(tmp_path / "orientation.db")].count("user") == 2


def test_a_new_conversation_is_told_by_one_small_query(tmp_path):
    import sqlalchemy as sa

    store = OrientationTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'orientation.db'}")
    in_thread(conversation(store))
    statements = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda _c, _cur, statement, *_: statements.append(statement))
    assert in_thread(store.retrieve("personne")) is None
    assert len(statements) == 1 and "max(events.id)" in statements[0].lower()
