"""Anti-abuse limits of the store: refused bookings store nothing."""
import datetime as dt

import pytest
import sqlalchemy as sa

from orientation.booking.config import BookingConfigError
from orientation.booking.store import BookingStore, LimitReached, bookings, creations
from tests.booking.conftest import at, make_config

NOW = at((2021, 10, 11), 8, 0)


def book(store, email, start, client="203.0.113.7", conversation="conv-1", now=NOW):
    return store.book(start, "Marie Dupont", "Mairie de Lyon", email, "résumé", {}, consent_at=now,
                      client=client, conversation=conversation, now=now)


def rows(store, table):
    with store.engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(table)).scalar()


def test_one_upcoming_booking_per_email(store):
    first = book(store, "marie@lyon.fr", at((2021, 10, 14), 10, 0))
    with pytest.raises(LimitReached) as refused:
        book(store, " MARIE@lyon.fr", at((2021, 10, 14), 11, 0), client="other", conversation="other")
    assert refused.value.kind == "email" and refused.value.existing.reference == first.reference
    assert rows(store, bookings) == 1 and rows(store, creations) == 1
    # Once the first has taken place, the address may book again.
    later = at((2021, 10, 15), 8, 0)
    assert book(store, "marie@lyon.fr", at((2021, 10, 18), 10, 0), client="x", conversation="y", now=later)


def test_a_tagged_address_reaches_the_same_mailbox_and_counts_as_it(store):
    first = book(store, "marie@lyon.fr", at((2021, 10, 14), 10, 0))
    for tagged in ("marie+2@lyon.fr", "Marie+rdv@Lyon.fr"):
        with pytest.raises(LimitReached) as refused:
            book(store, tagged, at((2021, 10, 14), 11, 0), client="other", conversation="other")
        assert refused.value.kind == "email" and refused.value.existing.reference == first.reference
    # another mailbox of the same domain, or the same name elsewhere, is another person
    book(store, "marie2@lyon.fr", at((2021, 10, 14), 11, 0), client="x", conversation="x")
    book(store, "marie@lille.fr", at((2021, 10, 14), 11, 15), client="y", conversation="y")


def test_the_default_limit_per_address_lets_a_ministry_behind_one_address_book():
    from orientation.booking.config import load_config
    limits = load_config().limits
    # a network address shared by a ministry's agents: many bookings an hour before any refusal
    assert limits.per_client >= 10 and limits.client_window_minutes == 60


def test_a_cap_per_conversation_and_per_client(database_url):
    store = BookingStore(database_url, make_config(limits={"per_conversation": 2, "per_client": 3,
                                                           "client_window_minutes": 60}))
    book(store, "a@lyon.fr", at((2021, 10, 14), 10, 0))
    book(store, "b@lyon.fr", at((2021, 10, 14), 10, 15))
    with pytest.raises(LimitReached) as refused:
        book(store, "c@lyon.fr", at((2021, 10, 14), 10, 30))
    assert refused.value.kind == "conversation"
    book(store, "c@lyon.fr", at((2021, 10, 14), 10, 30), conversation="conv-2")
    with pytest.raises(LimitReached) as refused:
        book(store, "d@lyon.fr", at((2021, 10, 14), 10, 45), conversation="conv-3")
    assert refused.value.kind == "client" and rows(store, bookings) == 3
    book(store, "d@lyon.fr", at((2021, 10, 14), 10, 45), client="198.51.100.1", conversation="conv-3")
    # The window has passed for the first client.
    book(store, "e@lyon.fr", at((2021, 10, 14), 11, 0), conversation="conv-4", now=NOW + dt.timedelta(minutes=61))
    with store.engine.connect() as connection:
        kept = [r.client for r in connection.execute(sa.select(creations))]
    assert "203.0.113.7" not in kept and all(len(k) == 64 for k in kept)  # hashes, not addresses
    store.close()


def test_limits_are_checked_when_read():
    assert make_config().limits.per_email == 1
    with pytest.raises(BookingConfigError, match="limits.per_client"):
        make_config(limits={"per_client": 0})
    with pytest.raises(BookingConfigError, match="limits.per_mail"):
        make_config(limits={"per_mail": 2})
