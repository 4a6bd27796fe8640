"""The agenda's words: public holidays from the holidays package, the slot length and the time
zone taken from the settings, days and times through the one French formatter."""
import datetime as dt

import pytest
from dateutil.easter import easter

from orientation.booking import config as booking_config
from orientation.booking.slots import french_public_holidays
from orientation.booking.wishes import parse_wish
from orientation.booking.wording import describe_slot, slot_length_text, time_span, time_zone_text
from orientation.language.french import NBSP
from tests.booking.conftest import make_config


def hand_computed_holidays(year):
    """The eleven days of the Code du travail, as the calendar computed them before."""
    sunday = easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    return {dt.date(year, m, d) for m, d in fixed} | {sunday + dt.timedelta(days=n) for n in (1, 39, 50)}


@pytest.mark.parametrize("year", range(2008, 2051))
def test_the_holidays_package_gives_the_same_eleven_days(year):
    # From 2008 on: in 2005-2007 Whit Monday was the working « journée de solidarité ».
    assert french_public_holidays(year) == hand_computed_holidays(year)


def test_the_slot_length_and_the_time_zone_are_said_from_the_settings():
    assert slot_length_text(make_config()) == f"15{NBSP}minutes"
    assert time_zone_text(make_config()) == "heure de Paris"
    assert slot_length_text(make_config(slot_minutes=30)) == f"30{NBSP}minutes"
    assert time_zone_text(make_config(timezone="America/Cayenne")) == "heure de Cayenne"
    assert time_zone_text(make_config(timezone="Indian/Reunion")) == "heure de La Réunion"


def test_the_default_texts_follow_the_settings_file(tmp_path, monkeypatch):
    path = tmp_path / "booking.yml"
    text = booking_config.DEFAULT_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace("slot_minutes: 15", "slot_minutes: 20")
                    .replace("timezone: Europe/Paris", "timezone: America/Martinique"), encoding="utf-8")
    monkeypatch.setenv("BOOKING_CONFIG", str(path))
    assert slot_length_text() == f"20{NBSP}minutes"
    assert time_zone_text() == "heure de la Martinique"
    start = dt.datetime(2021, 10, 14, 10, 15, tzinfo=dt.timezone.utc)  # said in the agenda's zone
    assert describe_slot(start) == f"jeudi 14 octobre 2021, 6{NBSP}h{NBSP}15"


def test_a_booking_span_keeps_each_time_whole():
    start = dt.datetime(2021, 10, 14, 9, 30)
    assert time_span(start, start + dt.timedelta(minutes=15)) == f"9{NBSP}h{NBSP}30 – 9{NBSP}h{NBSP}45"


def test_a_wish_reads_back_what_the_assistant_wrote():
    now = dt.datetime(2021, 10, 11, 8, 0, tzinfo=dt.timezone.utc)
    start = dt.datetime(2021, 10, 14, 14, 30, tzinfo=dt.timezone.utc)
    wish = parse_wish(describe_slot(start, short=True), now)
    assert (wish.day, wish.at) == (dt.date(2021, 10, 14), dt.time(16, 30))
