"""Several processes booking the same slot at the same instant: the database lets exactly as many
win as there are advisors; the others get SlotTaken. On SQLite and on PostgreSQL."""
import datetime as dt
import multiprocessing

import pytest

from orientation.booking.store import BookingStore, SlotTaken
from tests.booking.conftest import at, make_config

FIRST_SLOT = at((2021, 10, 14), 10, 0)
ROUNDS = 4  # four slots, raced one after the other by the same processes


def _racer(url, advisors, name, barrier, results):
    store = BookingStore(url, make_config(advisors=advisors))
    store.taken(FIRST_SLOT, FIRST_SLOT)  # connected before the start signal
    for round_ in range(ROUNDS):
        start = FIRST_SLOT + dt.timedelta(minutes=15 * round_)
        barrier.wait(timeout=30)  # every racer inserts at the same instant
        try:
            booking = store.book(start, name, "Mairie de Lyon", f"{name}.{round_}@lyon.fr", "r", {}, consent_at=FIRST_SLOT,
                                 now=FIRST_SLOT - dt.timedelta(days=1))
            results.put((round_, name, booking.advisor_slot))
        except SlotTaken:
            results.put((round_, name, "taken"))
    store.close()


def race(url, advisors, racers):
    BookingStore(url, make_config()).close()  # the table exists before the race
    context = multiprocessing.get_context("spawn")  # fresh processes, no connection inherited
    barrier, results = context.Barrier(racers), context.Queue()
    processes = [context.Process(target=_racer, args=(url, advisors, f"user{n}", barrier, results))
                 for n in range(racers)]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=60) for _ in range(racers * ROUNDS)]
    for process in processes:
        process.join(30)
        assert process.exitcode == 0
    return {round_: sorted((outcome for r, _, outcome in outcomes if r == round_), key=str)
            for round_ in range(ROUNDS)}


@pytest.mark.parametrize("advisors, racers, expected", [
    (1, 2, [0, "taken"]),
    (2, 3, [0, 1, "taken"]),
])
def test_concurrent_bookings_of_one_slot(database_url, advisors, racers, expected):
    outcomes = race(database_url, advisors, racers)
    assert outcomes == {round_: expected for round_ in range(ROUNDS)}
    store = BookingStore(database_url, make_config(advisors=advisors))
    for round_ in range(ROUNDS):
        start = FIRST_SLOT + dt.timedelta(minutes=15 * round_)
        assert store.taken(start, start + dt.timedelta(minutes=15)) == {start.astimezone(dt.timezone.utc): advisors}
    store.close()
