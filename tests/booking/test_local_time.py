"""Overseas users read the time in Paris and in their territory (zoneinfo, never a fixed offset)."""
import datetime as dt

import pytest

from orientation.booking.local_time import describe_when, overseas_zone
from orientation.booking.slots import PARIS
from tests.french import nb

WINTER = dt.datetime(2026, 12, 8, 14, 0, tzinfo=PARIS)
SUMMER = dt.datetime(2027, 6, 8, 14, 0, tzinfo=PARIS)


@pytest.mark.parametrize("code, winter, summer", [
    ("971", "14 h à Paris, 9 h en Guadeloupe", "14 h à Paris, 8 h en Guadeloupe"),
    ("972", "14 h à Paris, 9 h en Martinique", "14 h à Paris, 8 h en Martinique"),
    ("973", "14 h à Paris, 10 h en Guyane", "14 h à Paris, 9 h en Guyane"),
    ("974", "14 h à Paris, 17 h à La Réunion", "14 h à Paris, 16 h à La Réunion"),
    ("976", "14 h à Paris, 16 h à Mayotte", "14 h à Paris, 15 h à Mayotte"),
    ("975", "14 h à Paris, 10 h à Saint-Pierre-et-Miquelon", "14 h à Paris, 10 h à Saint-Pierre-et-Miquelon"),  # DST too
    ("987", "14 h à Paris, 3 h en Polynésie française", "14 h à Paris, 2 h en Polynésie française"),
])
def test_both_times_follow_paris_summer_time(code, winter, summer):
    local = overseas_zone([code])
    assert describe_when(WINTER, local) == nb(f"mardi 8 décembre 2026, {winter}")
    assert describe_when(SUMMER, local) == nb(f"mardi 8 juin 2027, {summer}")


def test_the_local_day_is_said_when_it_is_another_one():
    assert describe_when(WINTER, overseas_zone(["988"]), short=True) == \
        nb("mardi 8 décembre, 14 h à Paris, mercredi 9 décembre à 0 h en Nouvelle-Calédonie")


def test_metropolitan_or_mixed_territories_read_paris_time_only():
    assert overseas_zone(["35"]) is None and overseas_zone([]) is None and overseas_zone(["971", "75"]) is None
    assert describe_when(WINTER, None) == nb("mardi 8 décembre 2026, 14 h (heure de Paris)")
    assert describe_when(WINTER, None, short=True) == nb("mardi 8 décembre, 14 h")


def test_the_emails_say_both_times_to_a_user_overseas():
    from orientation.booking.mail import advisor_body, user_body
    from orientation.booking.store import Booking
    booking = Booking(id=1, reference="DN-7K3P9Q", start=WINTER, advisor_slot=0, name="Léa Marchand",
                      organisation="Région Guadeloupe", email="lea@guadeloupe.fr", summary="", profile={},
                      consent_at=WINTER, created_at=WINTER)
    local = overseas_zone(["971"])
    both = nb("mardi 8 décembre 2026, 14 h à Paris, 9 h en Guadeloupe")
    assert both in user_body("confirmation", booking, local=local)
    assert both in advisor_body("confirmation", booking, local=local)
    assert nb("mardi 8 décembre 2026, 14 h (heure de Paris)") in user_body("confirmation", booking)
