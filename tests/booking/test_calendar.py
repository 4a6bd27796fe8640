"""Free slots: hours, holidays, closures, notice, horizon, advisors, daylight saving; French dates."""
import dataclasses
import datetime as dt

import pytest

from actions.booking.calendar import (describe_slot, free_slots, french_public_holidays, is_free, parse_wish)
from tests.booking.conftest import at

UTC = dt.timezone.utc


class NoBookings:
    def taken(self, start, end):
        return {}


class Booked:
    def __init__(self, counts):
        self.counts = {k.astimezone(UTC): v for k, v in counts.items()}

    def taken(self, start, end):
        return {k: v for k, v in self.counts.items() if start <= k < end}


def test_slots_follow_the_opening_hours_and_skip_the_lunch_break(config):
    now = at((2021, 10, 14), 11, 0)  # Thursday 11:00, notice 2 h
    slots = free_slots(config, NoBookings(), now, count=3)
    assert [describe_slot(s) for s in slots] == ["jeudi 14 octobre 2021, 14 h", "jeudi 14 octobre 2021, 14 h 15",
                                                 "jeudi 14 octobre 2021, 14 h 30"]


def test_last_slot_of_a_range_ends_at_its_closing_time(config):
    slots = free_slots(config, NoBookings(), at((2021, 10, 13), 9, 0), count=40, day=dt.date(2021, 10, 13))
    assert describe_slot(slots[-1]) == "mercredi 13 octobre 2021, 11 h 45"  # Wednesday: mornings only


def test_weekends_are_closed(config):
    slots = free_slots(config, NoBookings(), at((2021, 10, 15), 16, 0), count=1)  # Friday after closing
    assert describe_slot(slots[0]) == "lundi 18 octobre 2021, 9 h 30"


def test_public_holidays_are_closed(config):
    assert dt.date(2022, 4, 18) in french_public_holidays(2022)  # Easter Monday
    assert dt.date(2021, 5, 13) in french_public_holidays(2021)  # Ascension
    slots = free_slots(config, NoBookings(), at((2021, 11, 10), 18, 0, offset=1), count=1)
    assert describe_slot(slots[0]) == "vendredi 12 novembre 2021, 9 h 30"  # 11 November skipped


def test_extra_closed_dates_are_closed(config):
    closed = dataclasses.replace(config, closed_dates=frozenset({dt.date(2021, 10, 18)}))
    slots = free_slots(closed, NoBookings(), at((2021, 10, 15), 16, 0), count=1)
    assert slots[0].date() == dt.date(2021, 10, 19)


def test_notice_and_horizon(config):
    now = at((2021, 10, 14), 9, 0)
    assert free_slots(config, NoBookings(), now, count=1)[0] == at((2021, 10, 14), 11, 0)
    far = free_slots(config, NoBookings(), now, count=10_000)
    assert far[-1].date() <= dt.date(2021, 10, 14) + dt.timedelta(days=config.horizon_days)
    assert not is_free(config, NoBookings(), at((2021, 12, 20), 10, 0, offset=1), now)


def test_daylight_saving_moves_utc_not_local_time(config):
    friday = free_slots(config, NoBookings(), at((2021, 10, 29), 6, 0), count=1)[0]
    tuesday = free_slots(config, NoBookings(), at((2021, 10, 30), 12, 0), count=1)[0]  # Mon 1 Nov is a holiday
    assert describe_slot(friday) == "vendredi 29 octobre 2021, 9 h 30"
    assert describe_slot(tuesday) == "mardi 2 novembre 2021, 9 h 30"
    assert friday.astimezone(UTC).hour == 7 and tuesday.astimezone(UTC).hour == 8


def test_a_slot_stays_free_until_every_advisor_is_booked(config):
    now, start = at((2021, 10, 14), 8, 0), at((2021, 10, 14), 10, 0)
    assert config.advisors == 2
    assert is_free(config, Booked({start: 1}), start, now)
    assert not is_free(config, Booked({start: 2}), start, now)
    assert start not in free_slots(config, Booked({start: 2}), now, count=5)


def test_a_time_outside_the_agenda_is_not_bookable(config):
    now = at((2021, 10, 14), 8, 0)
    assert not is_free(config, NoBookings(), at((2021, 10, 14), 12, 30), now)  # lunch
    assert not is_free(config, NoBookings(), at((2021, 10, 14), 10, 7), now)  # not on the grid
    assert not is_free(config, NoBookings(), at((2021, 10, 14), 9, 30), now)  # within the notice


@pytest.mark.parametrize("text, expected", [
    ("plutôt mardi après-midi", {"weekday": 1, "part": "apres-midi"}),
    ("plutot mardi apres midi", {"weekday": 1, "part": "apres-midi"}),
    ("lundi", {"weekday": 0}),
    ("demain matin", {"day": "2021-10-15", "part": "matin"}),
    ("le 14 décembre", {"day": "2021-12-14"}),
    ("le 1er decembre", {"day": "2021-12-01"}),
    ("jeudi 21 ?", {"day": "2021-10-21"}),
    ("le 3/11", {"day": "2021-11-03"}),
    ("la semaine prochaine", {"not_before": "2021-10-18"}),
    ("l'après-midi si possible", {"part": "apres-midi"}),
])
def test_wishes_in_french(text, expected):
    assert parse_wish(text, at((2021, 10, 14), 10, 0)).to_dict() == expected


def test_no_wish_in_a_message_without_a_moment():
    assert parse_wish("Marie Dupont", at((2021, 10, 14), 10, 0)) is None


def test_wish_filters_the_slots(config):
    wish = parse_wish("plutôt mardi après-midi", at((2021, 10, 14), 10, 0))
    slots = free_slots(config, NoBookings(), at((2021, 10, 14), 10, 0), count=3, **wish.as_filters())
    assert all(s.weekday() == 1 and s.hour >= 14 for s in slots) and len(slots) == 3
    assert wish.describe() == "mardi après-midi"
