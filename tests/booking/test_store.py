"""The bookings table, on SQLite and (with ORIENTATION_TEST_DATABASE_URL) on PostgreSQL."""
import datetime as dt
import re

import pytest
import sqlalchemy as sa

from orientation.booking.slots import free_slots, is_free
from orientation.booking.store import (
    REFERENCE_ALPHABET,
    BookingStore,
    SlotNotBookable,
    SlotTaken,
    bookings,
    normalise_reference,
)
from tests.booking.conftest import at, make_config

UTC = dt.timezone.utc
NOW = at((2021, 10, 14), 8, 0)
SLOT = at((2021, 10, 14), 10, 0)


def book(store, start=SLOT, email="marie.dupont@lyon.fr", name="Marie Dupont"):
    """Booked the day before the slot: within notice and horizon whatever the slot's date."""
    return store.book(start, name, "Mairie de Lyon", email, "Profil : une commune.\nAppels : TNT-COOP.",
                      {"applicant_type": "commune", "population": 350000}, consent_at=NOW,
                      now=start - dt.timedelta(days=1))


def test_book_and_find(store):
    booking = book(store, email=" Marie.Dupont@Lyon.FR ")
    assert re.fullmatch(r"DN-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}", booking.reference)
    assert not set("01OIL") & set(REFERENCE_ALPHABET)
    assert booking.email == "marie.dupont@lyon.fr" and booking.advisor_slot == 0 and booking.id > 0
    found = store.find(booking.reference.lower().replace("-", " "), "MARIE.DUPONT@lyon.fr ")
    assert found == booking
    assert found.start == SLOT and str(found.start.tzinfo) == "Europe/Paris"
    assert found.end == SLOT + dt.timedelta(minutes=15)
    assert (found.name, found.organisation, found.summary) == ("Marie Dupont", "Mairie de Lyon",
                                                              "Profil : une commune.\nAppels : TNT-COOP.")
    assert found.profile == {"applicant_type": "commune", "population": 350000}
    assert found.consent_at == NOW and found.consent_at.tzinfo == UTC
    assert abs(found.created_at - dt.datetime.now(UTC)) < dt.timedelta(minutes=1)


def test_stored_as_naive_utc(store):
    book(store)
    with store.engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT start_utc FROM bookings")).scalar_one()
    if isinstance(stored, str):  # SQLite returns the text it stores
        stored = dt.datetime.fromisoformat(stored)
    assert stored == dt.datetime(2021, 10, 14, 8, 0)


def test_a_wrong_email_gives_no_access(store):
    booking = book(store)
    assert store.find(booking.reference, "someone@else.fr") is None
    assert store.cancel(booking.reference, "someone@else.fr") is False
    assert store.move(booking.reference, "someone@else.fr", at((2021, 10, 14), 11, 0)) is None
    assert store.find("DN-AAAAAA", booking.email) is None
    assert store.find(booking.reference, booking.email).start == SLOT


def test_one_booking_per_advisor_then_slot_taken(store, config):
    assert config.advisors == 2
    assert [book(store).advisor_slot, book(store, email="b@lyon.fr").advisor_slot] == [0, 1]
    with pytest.raises(SlotTaken):
        book(store, email="c@lyon.fr")
    assert store.taken(SLOT, SLOT + dt.timedelta(minutes=15)) == {SLOT.astimezone(UTC): 2}
    assert [b.email for b in store.agenda(dt.date(2021, 10, 14))] == ["marie.dupont@lyon.fr", "b@lyon.fr"]


def test_the_database_refuses_a_second_booking_of_the_same_advisor_and_slot(store):
    """The guarantee is the unique constraint, not a check in Python."""
    first = book(store)
    row = {"reference": "DN-ZZZZZZ", "start_utc": dt.datetime(2021, 10, 14, 8, 0), "advisor_slot": first.advisor_slot,
           "name": "X", "organisation": "Y", "email": "x@y.fr", "summary": "", "profile": "{}",
           "consent_at": dt.datetime(2021, 10, 14), "created_at": dt.datetime(2021, 10, 14)}
    with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as connection:
        connection.execute(bookings.insert().values(**row))


def test_free_slots_read_the_store(store, config):
    assert is_free(config, store, SLOT, NOW)
    book(store)
    assert is_free(config, store, SLOT, NOW) and SLOT in free_slots(config, store, NOW, count=5)
    book(store, email="b@lyon.fr")
    assert not is_free(config, store, SLOT, NOW) and SLOT not in free_slots(config, store, NOW, count=5)


def test_cancel_frees_the_slot_and_deletes_the_data(store):
    first, second = book(store), book(store, email="b@lyon.fr")
    assert store.cancel(first.reference.lower(), "MARIE.dupont@lyon.fr")
    assert store.find(first.reference, first.email) is None
    assert store.cancel(first.reference, first.email) is False
    with store.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM bookings WHERE email = :e"),
                                  {"e": first.email}).scalar_one() == 0
    assert book(store, email="c@lyon.fr").advisor_slot == first.advisor_slot
    assert store.find(second.reference, second.email) is not None


def test_move_keeps_the_reference_and_refuses_a_full_slot(store):
    booking = book(store)
    later = at((2021, 10, 14), 11, 0)
    moved = store.move(booking.reference, booking.email, later)
    assert (moved.reference, moved.id, moved.start, moved.name) == (booking.reference, booking.id, later, booking.name)
    assert store.taken(SLOT, SLOT + dt.timedelta(minutes=15)) == {}  # the old slot is free again
    book(store, start=SLOT, email="b@lyon.fr"), book(store, start=SLOT, email="c@lyon.fr")
    with pytest.raises(SlotTaken):
        store.move(booking.reference, booking.email, SLOT)
    assert store.find(booking.reference, booking.email) == moved  # left intact
    assert store.move(booking.reference, booking.email, later) == moved  # to where it is: nothing to do


def test_move_takes_the_advisor_left(store):
    other = book(store, start=at((2021, 10, 14), 11, 0), email="b@lyon.fr")
    booking = book(store)
    assert store.move(booking.reference, booking.email, other.start).advisor_slot == 1 - other.advisor_slot


def test_bookings_survive_a_restart(database_url, config):
    first = BookingStore(database_url, config)
    booking = book(first)
    first.close()
    second = BookingStore(database_url, config)  # creating the tables again is harmless
    assert second.find(booking.reference, booking.email) == booking
    second.close()


def test_agenda_of_a_local_day_in_time_order(store):
    book(store, start=at((2021, 10, 14), 11, 0)), book(store, start=SLOT, email="b@lyon.fr")
    book(store, start=at((2021, 10, 15), 9, 30), email="c@lyon.fr")
    book(store, start=at((2021, 10, 13), 11, 45), email="d@lyon.fr")  # the day before
    assert [b.start for b in store.agenda(dt.date(2021, 10, 14))] == [SLOT, at((2021, 10, 14), 11, 0)]
    assert store.agenda(dt.date(2021, 10, 16)) == []
    assert [b.email for b in store.bookings_of("C@LYON.FR")] == ["c@lyon.fr"]


def test_purge_deletes_only_what_ended_more_than_the_retention_ago(store, config):
    old = book(store, start=at((2021, 6, 1), 10, 0))
    recent = book(store, start=SLOT, email="b@lyon.fr")
    ended = old.end
    assert store.purge(ended + dt.timedelta(days=config.retention_days)) == 0  # exactly 90 days: kept
    assert store.find(old.reference, old.email) is not None
    assert store.purge(ended + dt.timedelta(days=config.retention_days, seconds=1)) == 1
    assert store.find(old.reference, old.email) is None
    assert store.find(recent.reference, recent.email) is not None
    assert store.purge(ended + dt.timedelta(days=config.retention_days, seconds=1)) == 0


def test_unusable_values_are_refused(store):
    with pytest.raises(ValueError, match="email"):
        book(store, email="marie@")
    with pytest.raises(ValueError, match="name"):
        book(store, name="<script></script>")
    with pytest.raises(ValueError, match="aware"):
        book(store, start=dt.datetime(2021, 10, 14, 10, 0))
    assert store.agenda(dt.date(2021, 10, 14)) == []


def test_settings_come_from_the_config_file_when_not_given(database_url, tmp_path, monkeypatch):
    path = tmp_path / "booking.yml"
    path.write_text("hours:\n  lundi: ['09:00-10:00']\nadvisors: 1\n", encoding="utf-8")
    monkeypatch.setenv("BOOKING_CONFIG", str(path))
    store = BookingStore(database_url)
    monday = at((2021, 10, 11), 9, 0)  # the file's only day
    book(store, start=monday)
    with pytest.raises(SlotTaken):
        book(store, start=monday, email="b@lyon.fr")
    with pytest.raises(SlotNotBookable):
        book(store, email="c@lyon.fr")  # a Thursday: closed in that file
    store.close()


def test_the_url_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    store = BookingStore(config=make_config())
    book(store)
    store.close()
    assert (tmp_path / "env.db").exists()


@pytest.mark.parametrize("typed", ["DN-7K3P9Q", "dn-7k3p9q", " dn 7k3p9q ", "DN7K3P9Q", "7K3P9Q", "7k3-p9q"])
def test_reference_normalisation(typed):
    assert normalise_reference(typed) == "DN-7K3P9Q"


def test_a_bare_code_starting_with_dn_is_kept():
    assert normalise_reference("DNABCD") == "DN-DNABCD"


def test_cancelled_personal_data_leaves_the_sqlite_file(tmp_path, config):
    path = tmp_path / "secure.db"
    store = BookingStore(f"sqlite:///{path}", config)
    booking = book(store, email="zoe.quintard@lyon.fr", name="Zoé Quintard")
    assert b"zoe.quintard@lyon.fr" in path.read_bytes()
    store.cancel(booking.reference, booking.email)
    store.close()
    assert b"zoe.quintard@lyon.fr" not in path.read_bytes() and b"Quintard" not in path.read_bytes()


@pytest.mark.parametrize("start, reason", [
    (at((2021, 10, 17), 3, 0), "closed_day"),  # a Sunday at 03:00
    (at((2030, 1, 1), 10, 0, offset=1), "too_far"),
    (at((2020, 1, 1), 10, 0, offset=1), "too_soon"),  # in the past
    (at((2021, 11, 1), 10, 0, offset=1), "closed_day"),  # All Saints' Day, a Monday
    (at((2021, 10, 13), 9, 30), "too_soon"),  # within the 2-hour notice
    (at((2021, 10, 14), 10, 5), "not_a_slot"),  # not a slot start
    (at((2021, 10, 14), 18, 0), "not_a_slot"),  # after the hours
])
def test_the_store_itself_refuses_a_moment_that_is_not_a_bookable_slot(store, start, reason):
    """Whatever door a request comes by (a forged call to the action server included), the store
    books only slots of the agenda within notice and horizon."""
    now = at((2021, 10, 13), 8, 0)
    with pytest.raises(SlotNotBookable) as refused:
        store.book(start, "Marie Dupont", "Mairie de Lyon", "marie.dupont@lyon.fr", "s", {}, consent_at=now, now=now)
    assert refused.value.reason == reason
    assert store.bookings_of("marie.dupont@lyon.fr") == []
    booking = book(store)
    with pytest.raises(SlotNotBookable):
        store.move(booking.reference, booking.email, start, now=now)
    assert store.find(booking.reference, booking.email).start == SLOT


def test_the_store_clock_decides_when_no_moment_is_given(database_url, config):
    late = BookingStore(database_url, config, clock=lambda: at((2021, 10, 14), 9, 0))
    with pytest.raises(SlotNotBookable, match="too_soon"):
        late.book(SLOT, "Marie Dupont", "Mairie de Lyon", "marie.dupont@lyon.fr", "s", {}, consent_at=NOW)
    late.close()
