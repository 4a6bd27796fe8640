"""A precise moment (« jeudi 10h »), a time said after a day, and the nearest free slots."""
import datetime as dt

from orientation.booking.slots import PARIS, free_slots, nearest_free_slots, why_not_free, wished_moment
from orientation.booking.wishes import Wish, parse_wish
from orientation.booking.wording import describe_moment
from tests.booking.conftest import at
from tests.booking.test_calendar import Booked, NoBookings
from tests.french import nb

MONDAY = at((2021, 10, 11), 8, 0)  # Monday 11 October 2021, 08:00 in Paris


def test_a_weekday_and_a_time_name_the_next_such_moment(config):
    moment = wished_moment(config, parse_wish("jeudi 10h", MONDAY), MONDAY)
    assert moment == dt.datetime(2021, 10, 14, 10, 0, tzinfo=PARIS)
    assert describe_moment(moment) == nb("jeudi 14 octobre à 10 h")


def test_today_too_soon_means_next_week(config):
    # Monday 08:00 with 2 h of notice: « lundi 9h30 » is next Monday.
    assert wished_moment(config, parse_wish("lundi 9h30", MONDAY), MONDAY).date() == dt.date(2021, 10, 18)


def test_a_date_and_a_time(config):
    assert wished_moment(config, parse_wish("le 3 novembre à 9h", MONDAY), MONDAY) == \
        dt.datetime(2021, 11, 3, 9, 0, tzinfo=PARIS)


def test_no_precise_moment_without_a_day_or_a_time(config):
    assert wished_moment(config, parse_wish("14h30", MONDAY), MONDAY) is None
    assert wished_moment(config, parse_wish("jeudi après-midi", MONDAY), MONDAY) is None
    assert wished_moment(config, parse_wish("jeudi à partir de 10h", MONDAY), MONDAY) is None


def test_a_time_alone_keeps_the_day_and_a_day_alone_keeps_the_time_of_day():
    tuesday_afternoon = parse_wish("mardi aprem", MONDAY)
    assert parse_wish("14h30", MONDAY).refining(tuesday_afternoon).to_dict() == {"weekday": 1, "at": "14:30"}
    assert parse_wish("plutôt jeudi", MONDAY).refining(tuesday_afternoon).to_dict() == \
        {"weekday": 3, "part": "apres-midi"}
    assert parse_wish("le 3 novembre", MONDAY).refining(Wish(day=dt.date(2021, 10, 14), at=dt.time(10))).to_dict() \
        == {"day": "2021-11-03", "at": "10:00"}


def test_a_precise_time_filters_the_slots(config):
    slots = free_slots(config, NoBookings(), MONDAY, count=4, **parse_wish("14h30", MONDAY).as_filters())
    assert [s.date() for s in slots] == [dt.date(2021, 10, 11), dt.date(2021, 10, 12), dt.date(2021, 10, 14),
                                         dt.date(2021, 10, 15)]  # Wednesday afternoon is closed
    assert {(s.hour, s.minute) for s in slots} == {(14, 30)}


def test_the_nearest_free_slots_surround_a_taken_one(config):
    taken = at((2021, 10, 14), 10, 0)
    slots = nearest_free_slots(config, Booked({taken: 2}), MONDAY, taken, count=4)
    assert [(s.hour, s.minute) for s in slots] == [(9, 30), (9, 45), (10, 15), (10, 30)]
    assert all(s.date() == dt.date(2021, 10, 14) for s in slots)


def test_the_nearest_free_slots_of_a_closed_moment(config):
    saturday = at((2021, 10, 16), 10, 0)
    slots = nearest_free_slots(config, NoBookings(), MONDAY, saturday, count=2)
    assert [s.strftime("%a %H:%M") for s in slots] == ["Fri 16:30", "Fri 16:45"]


def test_why_a_moment_is_not_free(config):
    thursday = at((2021, 10, 14), 10, 0)
    assert why_not_free(config, NoBookings(), thursday, MONDAY) is None
    assert why_not_free(config, Booked({thursday: 2}), thursday, MONDAY) == "taken"
    assert why_not_free(config, NoBookings(), at((2021, 10, 11), 9, 30), MONDAY) == "too_soon"
    assert why_not_free(config, NoBookings(), at((2021, 11, 12), 10, 0, offset=1), MONDAY) == "too_far"
    assert why_not_free(config, NoBookings(), at((2021, 10, 16), 10, 0), MONDAY) == "closed_day"
    assert why_not_free(config, NoBookings(), at((2021, 11, 1), 10, 0, offset=1), MONDAY) == "closed_day"  # Toussaint
    assert why_not_free(config, NoBookings(), at((2021, 10, 14), 12, 30), MONDAY) == "not_a_slot"
    assert why_not_free(config, NoBookings(), at((2021, 10, 14), 10, 5), MONDAY) == "not_a_slot"
