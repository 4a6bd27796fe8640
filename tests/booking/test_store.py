"""The bookings table, on SQLite and (with ORIENTATION_TEST_DATABASE_URL) on PostgreSQL."""
import datetime as dt
import multiprocessing
import re

import pytest

from actions.booking.store import BookingStore, SlotTaken, normalise_reference
from tests.booking.conftest import at

NOW = at((2021, 10, 14), 8, 0)
SLOT = at((2021, 10, 14), 10, 0)


def book(store, start=SLOT, email="marie.dupont@lyon.fr", name="Marie Dupont"):
    return store.book(start, name, "Mairie de Lyon", email, "Profil : une commune.", {"applicant_type": "commune"},
                      consent_at=NOW)


def test_book_and_find(store):
    booking = book(store)
    assert re.fullmatch(r"DN-[2-9A-HJKMNP-Z]{6}", booking.reference)
    found = store.find(booking.reference.lower().replace("-", ""), "Marie.Dupont@LYON.fr")
    assert found.start == SLOT and found.end == SLOT + dt.timedelta(minutes=15)
    assert (found.name, found.organisation, found.summary) == ("Marie Dupont", "Mairie de Lyon",
                                                              "Profil : une commune.")
    assert found.profile == {"applicant_type": "commune"}


def test_a_wrong_email_finds_nothing(store):
    booking = book(store)
    assert store.find(booking.reference, "someone@else.fr") is None
    assert store.cancel(booking.reference, "someone@else.fr") is False
    assert store.find(booking.reference, "marie.dupont@lyon.fr") is not None


def test_one_booking_per_advisor_then_slot_taken(store, config):
    assert config.advisors == 2
    assert {book(store).advisor_slot, book(store, email="b@lyon.fr").advisor_slot} == {0, 1}
    with pytest.raises(SlotTaken):
        book(store, email="c@lyon.fr")
    assert store.taken(SLOT, SLOT + dt.timedelta(minutes=15)) == {SLOT.astimezone(dt.timezone.utc): 2}


def test_cancel_frees_the_slot_and_deletes_the_data(store):
    first, _ = book(store), book(store, email="b@lyon.fr")
    assert store.cancel(first.reference, first.email)
    assert store.find(first.reference, first.email) is None
    assert book(store, email="c@lyon.fr").advisor_slot == first.advisor_slot


def test_move_keeps_the_reference_and_refuses_a_full_slot(store):
    booking = book(store)
    later = at((2021, 10, 14), 11, 0)
    moved = store.move(booking.reference, booking.email, later)
    assert (moved.reference, moved.start) == (booking.reference, later)
    book(store, start=SLOT, email="b@lyon.fr"), book(store, start=SLOT, email="c@lyon.fr")
    with pytest.raises(SlotTaken):
        store.move(booking.reference, booking.email, SLOT)
    assert store.find(booking.reference, booking.email).start == later
    assert store.move(booking.reference, "wrong@lyon.fr", later) is None


def test_bookings_survive_a_restart(database_url, config):
    booking = book(BookingStore(database_url, config))
    assert BookingStore(database_url, config).find(booking.reference, booking.email).name == "Marie Dupont"


def test_agenda_of_a_day_in_time_order(store):
    book(store, start=at((2021, 10, 14), 11, 0)), book(store, start=SLOT, email="b@lyon.fr")
    book(store, start=at((2021, 10, 15), 10, 0), email="c@lyon.fr")
    assert [b.start for b in store.agenda(dt.date(2021, 10, 14))] == [SLOT, at((2021, 10, 14), 11, 0)]


def test_purge_deletes_only_what_is_past_retention(store, config):
    old, recent = book(store, start=at((2021, 6, 1), 10, 0)), book(store, start=SLOT, email="b@lyon.fr")
    assert store.purge(at((2021, 6, 1), 10, 0) + dt.timedelta(days=config.retention_days - 1)) == 0
    assert store.purge(at((2021, 10, 1), 10, 0)) == 1
    assert store.find(old.reference, old.email) is None
    assert store.find(recent.reference, recent.email) is not None


def test_reference_normalisation():
    assert normalise_reference(" dn 7k3p9q ") == "DN-7K3P9Q"


def _race(url, email, barrier, results):
    from actions.booking.config import load_config
    import dataclasses
    store = BookingStore(url, dataclasses.replace(load_config(), advisors=1))
    store.taken(SLOT, SLOT)  # connect before the start signal
    barrier.wait()
    try:
        results.put((email, store.book(SLOT, "X", "Y", email, "r", {}, consent_at=NOW).reference))
    except SlotTaken:
        results.put((email, "taken"))


def test_two_processes_booking_the_same_slot_at_the_same_instant(database_url):
    BookingStore(database_url)  # tables exist before the race
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    racers = [context.Process(target=_race, args=(database_url, f"{n}@lyon.fr", barrier, results)) for n in "ab"]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(60)
    outcomes = dict(results.get(timeout=5) for _ in racers)
    assert sorted(v == "taken" for v in outcomes.values()) == [False, True]
