"""Free slots: hours, lunch break, weekends, holidays, closures, notice, horizon, daylight saving,
advisors in parallel; French dates."""
import datetime as dt

import pytest

from orientation.booking.slots import (
    PARIS,
    booking_window,
    day_slots,
    free_slots,
    french_public_holidays,
    is_bookable,
    is_free,
)
from orientation.booking.wishes import Wish
from orientation.booking.wording import describe_day, describe_slot
from tests.booking.conftest import at, make_config
from tests.french import nb

UTC = dt.timezone.utc


class NoBookings:
    def taken(self, start, end):
        return {}


class Booked:
    """A store stand-in: how many bookings start at each slot."""

    def __init__(self, counts):
        self.counts = {k.astimezone(UTC): v for k, v in counts.items()}

    def taken(self, start, end):
        return {k: v for k, v in self.counts.items() if start <= k < end}


def said(slots, short=False):
    return [describe_slot(s, short=short) for s in slots]


def test_slots_follow_the_opening_hours_and_skip_the_lunch_break(config):
    now = at((2021, 10, 14), 9, 50)  # Thursday; with 2 h of notice, 11:50 is the earliest
    assert said(free_slots(config, NoBookings(), now, count=4)) == [
        nb("jeudi 14 octobre 2021, 14 h"),
        nb("jeudi 14 octobre 2021, 14 h 15"), nb("jeudi 14 octobre 2021, 14 h 30"), nb("jeudi 14 octobre 2021, 14 h 45")]
    assert len(free_slots(config, NoBookings(), at((2021, 10, 14), 9, 0), count=3)) == 3  # default count 3


def test_a_day_has_every_slot_of_its_ranges_and_the_last_ends_at_closing(config):
    thursday = list(day_slots(config, dt.date(2021, 10, 14)))
    assert len(thursday) == 10 + 12  # 09:30-12:00 and 14:00-17:00
    assert (thursday[0].time(), thursday[9].time(), thursday[10].time(), thursday[-1].time()) == \
        (dt.time(9, 30), dt.time(11, 45), dt.time(14), dt.time(16, 45))
    assert [s.time() for s in day_slots(config, dt.date(2021, 10, 13))][-1] == dt.time(11, 45)  # mornings only
    assert all(s.tzinfo is config.timezone for s in thursday)


def test_weekends_are_closed(config):
    slots = free_slots(config, NoBookings(), at((2021, 10, 15), 16, 0), count=1)  # Friday 16:00, notice 2 h
    assert said(slots) == [nb("lundi 18 octobre 2021, 9 h 30")]
    assert list(day_slots(config, dt.date(2021, 10, 16))) == list(day_slots(config, dt.date(2021, 10, 17))) == []


def test_the_eleven_public_holidays_of_metropolitan_france():
    assert sorted(french_public_holidays(2021)) == [dt.date(2021, m, d) for m, d in [
        (1, 1), (4, 5), (5, 1), (5, 8), (5, 13), (5, 24), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]]
    assert {dt.date(2022, 4, 18), dt.date(2022, 5, 26), dt.date(2022, 6, 6)} <= french_public_holidays(2022)


def test_11_november_is_closed(config):
    slots = free_slots(config, NoBookings(), at((2021, 11, 10), 18, 0, offset=1), count=1)  # Wednesday evening
    assert said(slots) == [nb("vendredi 12 novembre 2021, 9 h 30")]


def test_easter_monday_is_closed(config):
    slots = free_slots(config, NoBookings(), at((2022, 4, 15), 18, 0), count=1)  # Friday before Easter
    assert said(slots) == [nb("mardi 19 avril 2022, 9 h 30")]


def test_holidays_may_be_open_when_configured():
    config = make_config(public_holidays_closed=False)
    slots = free_slots(config, NoBookings(), at((2021, 11, 10), 18, 0, offset=1), count=1)
    assert said(slots) == [nb("jeudi 11 novembre 2021, 9 h 30")]


def test_extra_closed_dates_are_closed():
    config = make_config(closed_dates=["2021-10-18", "2021-10-19"])
    slots = free_slots(config, NoBookings(), at((2021, 10, 15), 16, 0), count=1)
    assert said(slots) == [nb("mercredi 20 octobre 2021, 9 h 30")]


def test_minimum_notice(config):
    assert free_slots(config, NoBookings(), at((2021, 10, 14), 9, 0), count=1) == [at((2021, 10, 14), 11, 0)]
    assert free_slots(config, NoBookings(), at((2021, 10, 14), 9, 1), count=1) == [at((2021, 10, 14), 11, 15)]
    no_notice = make_config(notice_hours=0)
    assert free_slots(no_notice, NoBookings(), at((2021, 10, 14), 9, 30), count=1) == [at((2021, 10, 14), 9, 30)]


def test_horizon_counts_local_days_from_today(config):
    now = at((2021, 10, 14), 9, 0)
    assert booking_window(config, now)[1] == dt.date(2021, 11, 4)
    every = free_slots(config, NoBookings(), now, count=10_000)
    assert every[-1] == at((2021, 11, 4), 16, 45, offset=1)
    assert is_bookable(config, at((2021, 11, 4), 16, 45, offset=1), now)
    assert not is_bookable(config, at((2021, 11, 5), 9, 30, offset=1), now)
    assert len(every) == len(set(every))


def test_daylight_saving_moves_utc_not_local_time(config):
    # Summer time ends on Sunday 31 October 2021; Monday 1 November is a holiday.
    friday = free_slots(config, NoBookings(), at((2021, 10, 29), 6, 0), count=1)[0]
    tuesday = free_slots(config, NoBookings(), at((2021, 10, 31), 12, 0, offset=1), count=1)[0]
    assert said([friday, tuesday]) == [nb("vendredi 29 octobre 2021, 9 h 30"), nb("mardi 2 novembre 2021, 9 h 30")]
    assert friday.astimezone(UTC) == dt.datetime(2021, 10, 29, 7, 30, tzinfo=UTC)
    assert tuesday.astimezone(UTC) == dt.datetime(2021, 11, 2, 8, 30, tzinfo=UTC)
    # Summer time starts on Sunday 27 March 2022: Friday 09:30 is 08:30 UTC, Monday 09:30 is 07:30 UTC.
    friday, monday = (free_slots(config, NoBookings(), at((2022, 3, d), 6, 0, offset=1), count=1)[0] for d in (25, 28))
    assert (friday.astimezone(UTC).hour, monday.astimezone(UTC).hour) == (8, 7)
    assert said([monday]) == [nb("lundi 28 mars 2022, 9 h 30")]


def test_a_wall_clock_time_that_does_not_exist_is_never_offered():
    config = make_config(hours={"dimanche": ["01:30-03:30"]}, notice_hours=0)
    sunday = list(day_slots(config, dt.date(2022, 3, 27)))  # 02:00-03:00 does not exist that night
    assert [s.strftime("%H:%M") for s in sunday] == ["01:30", "01:45", "03:00", "03:15"]
    assert len({s.astimezone(UTC) for s in sunday}) == 4


def test_a_slot_stays_free_until_every_advisor_is_booked(config):
    now, start = at((2021, 10, 14), 8, 0), at((2021, 10, 14), 10, 0)
    assert config.advisors == 2
    assert start in free_slots(config, Booked({start: 1}), now, count=5)
    assert is_free(config, Booked({start: 1}), start, now)
    assert start not in free_slots(config, Booked({start: 2}), now, count=5)
    assert not is_free(config, Booked({start: 2}), start, now)
    one_advisor = make_config(advisors=1)
    assert not is_free(one_advisor, Booked({start: 1}), start, now)


def test_times_outside_the_agenda_are_not_bookable(config):
    now = at((2021, 10, 14), 8, 0)
    assert is_free(config, NoBookings(), at((2021, 10, 14), 10, 15), now)
    assert not is_free(config, NoBookings(), at((2021, 10, 14), 12, 30), now)  # lunch
    assert not is_free(config, NoBookings(), at((2021, 10, 14), 10, 7), now)  # not on the grid
    assert not is_free(config, NoBookings(), at((2021, 10, 14), 9, 30), now)  # within the notice
    assert not is_free(config, NoBookings(), at((2021, 10, 16), 10, 0), now)  # Saturday
    assert is_free(config, NoBookings(), at((2021, 10, 14), 8, 15, offset=0), now)  # 10:15 Paris given in UTC


def test_wishes_filter_the_slots(config):
    now = at((2021, 10, 14), 10, 0)
    tuesday_pm = free_slots(config, NoBookings(), now, part="apres-midi", weekday=1)
    assert said(tuesday_pm) == [nb("mardi 19 octobre 2021, 14 h"), nb("mardi 19 octobre 2021, 14 h 15"),
                                nb("mardi 19 octobre 2021, 14 h 30")]
    morning = free_slots(config, NoBookings(), now, count=2, day=dt.date(2021, 10, 20), part="matin")
    assert said(morning) == [nb("mercredi 20 octobre 2021, 9 h 30"), nb("mercredi 20 octobre 2021, 9 h 45")]
    assert free_slots(config, NoBookings(), now, day=dt.date(2021, 10, 20), part="apres-midi") == []
    assert free_slots(config, NoBookings(), now, day=dt.date(2021, 12, 14)) == []  # beyond the horizon
    assert free_slots(config, NoBookings(), now, weekday=5) == []  # Saturday
    window = free_slots(config, NoBookings(), now, count=10, **Wish(after=dt.time(15), before=dt.time(16),
                                                                       not_before=dt.date(2021, 10, 18)).as_filters())
    assert said(window, short=True)[:5] == [nb("lundi 18 octobre, 15 h"), nb("lundi 18 octobre, 15 h 15"),
                                            nb("lundi 18 octobre, 15 h 30"), nb("lundi 18 octobre, 15 h 45"),
                                            nb("mardi 19 octobre, 15 h")]
    with pytest.raises(ValueError):
        free_slots(config, NoBookings(), now, part="soir")


def test_now_must_be_aware(config):
    with pytest.raises(ValueError):
        free_slots(config, NoBookings(), dt.datetime(2021, 10, 14, 10))


def test_french_date_wording():
    start = dt.datetime(2021, 10, 14, 10, 15, tzinfo=PARIS)
    assert describe_slot(start) == nb("jeudi 14 octobre 2021, 10 h 15")
    assert describe_slot(start, short=True) == nb("jeudi 14 octobre, 10 h 15")
    assert describe_slot(start.astimezone(UTC)) == nb("jeudi 14 octobre 2021, 10 h 15")  # said in Paris time
    assert describe_slot(dt.datetime(2021, 11, 1, 9, 0, tzinfo=PARIS)) == nb("lundi 1er novembre 2021, 9 h")
    assert describe_slot(dt.datetime(2022, 8, 5, 14, 5, tzinfo=PARIS), short=True) == nb("vendredi 5 août, 14 h 05")
    assert describe_day(dt.date(2021, 12, 1)) == "mercredi 1er décembre 2021"
