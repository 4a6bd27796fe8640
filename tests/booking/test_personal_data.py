"""Personal data after a cancellation and a purge: the stored conversation read back through the
real tracker store (the Rasa server's), on the same database as the bookings; the client
addresses' keyed hashes; the database file readable by the service only."""
import asyncio
import datetime as dt
import json
import os
import stat
from pathlib import Path

import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.stores.tracker_store import OrientationTrackerStore
from orientation import keyed_hash
from orientation.booking.store import BookingStore, creations
from tests.booking.conftest import make_config
from tests.booking.test_store import NOW, SLOT

NAME, ORGANISATION, EMAIL = "Hélène Dupré", "Mairie de Lyon", "helene.dupre@lyon.fr"
CLIENT = "203.0.113.7"
DOMAIN = Domain.load(str(Path(__file__).resolve().parents[2] / "domain.yml"))


def _turn(text, reply, *slots):
    return ([UserUttered(text, {"name": "inform", "confidence": 1.0},
                         metadata={"orientation_client": CLIENT})]
            + [SlotSet(name, value) for name, value in slots]
            + [ActionExecuted("booking_form"), BotUttered(reply), ActionExecuted("action_listen")])


def _save(url, sender, events):
    store = OrientationTrackerStore(domain=DOMAIN, host=url)
    tracker = DialogueStateTracker(sender, slots=DOMAIN.slots)
    for event in events:
        tracker.update(event)
    asyncio.run(store.save(tracker))
    store.engine.dispose()


def _read_back(url, sender):
    """The conversation as a Rasa server starting now would read it, every event as stored."""
    store = OrientationTrackerStore(domain=DOMAIN, host=url)
    try:
        tracker = asyncio.run(store.retrieve_full_tracker(sender))
        return json.dumps([event.as_dict() for event in tracker.events], ensure_ascii=False)
    finally:
        store.engine.dispose()


def _booking_conversation(url, sender="visitor"):
    _save(url, sender, _turn("nous sommes une commune, 300 k€ pour des démarches en ligne", "Voici les appels.")
          + _turn(f"{NAME}, {ORGANISATION}", "Votre adresse électronique ?",
                  ("booking_name", NAME), ("booking_organisation", ORGANISATION))
          + _turn(f"c'est {EMAIL.upper()}", "Vous préférez un échange par téléphone ?", ("booking_email", EMAIL))
          + _turn("plutôt en visio, mardi matin", f"C'est réservé. Gardez votre adresse {EMAIL}.",
                  ("booking_contact", "visio"), ("booking_wish", {"weekday": 1, "part": "matin"})))


def _no_personal_data(text):
    for value in (NAME, ORGANISATION, EMAIL, "Dupré", "visio", CLIENT):
        assert value.lower() not in text.lower(), value


def test_a_cancellation_scrubs_the_stored_conversation_and_leaves_the_others(tmp_path):
    url = f"sqlite:///{tmp_path / 'orientation.db'}"
    _booking_conversation(url)
    _save(url, "someone-else", _turn("Mairie de Lyon, 300 k€ ?", "Voici les appels."))
    bookings = BookingStore(url, make_config())
    booking = bookings.book(SLOT, NAME, ORGANISATION, EMAIL, "Profil : une commune.", {}, consent_at=NOW, now=NOW)
    assert NAME in _read_back(url, "visitor")
    assert bookings.cancel(booking.reference, EMAIL)
    stored = _read_back(url, "visitor")
    _no_personal_data(stored)
    assert "démarches en ligne" in stored and "Voici les appels." in stored  # the rest of the conversation stays
    assert "Mairie de Lyon" in _read_back(url, "someone-else")  # another person's conversation is not touched
    bookings.close()


def test_a_purged_booking_is_scrubbed_from_its_conversation(tmp_path):
    url = f"sqlite:///{tmp_path / 'orientation.db'}"
    _booking_conversation(url)
    bookings = BookingStore(url, make_config())
    bookings.book(SLOT, NAME, ORGANISATION, EMAIL, "Profil : une commune.", {}, consent_at=NOW, now=NOW)
    assert bookings.purge(SLOT + dt.timedelta(days=30)) == 0 and EMAIL in _read_back(url, "visitor")
    assert bookings.purge(SLOT + dt.timedelta(days=91)) == 1
    _no_personal_data(_read_back(url, "visitor"))
    bookings.close()


def test_client_addresses_are_kept_as_keyed_hashes_and_the_key_rotates(tmp_path, monkeypatch):
    key = tmp_path / "client-key"
    monkeypatch.setenv("ORIENTATION_CLIENT_KEY_FILE", str(key))
    bookings = BookingStore(f"sqlite:///{tmp_path / 'orientation.db'}", make_config())
    bookings.book(SLOT, NAME, ORGANISATION, EMAIL, "", {}, consent_at=NOW, client=CLIENT, now=NOW)
    with bookings.engine.connect() as connection:
        stored = connection.execute(sa.select(creations.c.client)).scalar_one()
    import hashlib
    assert stored != hashlib.sha256(CLIENT.encode()).hexdigest()  # not reversible by trying every IPv4 address
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stored == keyed_hash.keyed_hash(CLIENT)
    keyed_hash.rotate_key()
    assert keyed_hash.keyed_hash(CLIENT) != stored and stat.S_IMODE(key.stat().st_mode) == 0o600
    bookings.close()


def test_the_database_file_is_readable_by_the_service_only(tmp_path):
    path = tmp_path / "orientation.db"
    old = os.umask(0o022)
    try:
        BookingStore(f"sqlite:///{path}", make_config()).close()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        path.chmod(0o644)  # a file made before: put right at the next start
        OrientationTrackerStore(host=f"sqlite:///{path}").engine.dispose()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_the_stored_conversation_never_keeps_the_client_address(tmp_path):
    url = f"sqlite:///{tmp_path / 'orientation.db'}"
    _booking_conversation(url)
    assert CLIENT not in _read_back(url, "visitor")
    with sa.create_engine(url).connect() as connection:
        assert all(CLIENT not in data for (data,) in connection.execute(sa.text("SELECT data FROM events")))


def test_error_logs_carry_no_message_text_nor_stored_event(tmp_path):
    from addons.patches import log_redaction
    store = OrientationTrackerStore(domain=DOMAIN, host=f"sqlite:///{tmp_path / 'orientation.db'}")
    assert store.engine.hide_parameters  # a database error does not quote the event it failed to write
    store.engine.dispose()
    event = log_redaction.redact(None, "error", {"event": "rest.message.received.failure",
                                                "text": f"je suis {NAME}, {EMAIL}", "sender_id": "x"})
    assert event == {"event": "rest.message.received.failure", "text": "[masqué]", "sender_id": "x"}
    import structlog
    assert log_redaction.redact in structlog.get_config()["processors"]
