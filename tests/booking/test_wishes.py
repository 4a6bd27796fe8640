"""Understanding a wished moment in French, with or without accents."""
import datetime as dt
import json

import pytest

from orientation.booking.wishes import Wish, parse_wish
from tests.booking.conftest import at
from tests.french import nb

NOW = at((2021, 10, 14), 10, 0)  # Thursday 14 October 2021


@pytest.mark.parametrize("text, expected", [
    ("plutôt mardi après-midi", {"weekday": 1, "part": "apres-midi"}),
    ("PLUTOT MARDI APRES MIDI", {"weekday": 1, "part": "apres-midi"}),
    ("lundi", {"weekday": 0}),
    ("les lundis matin", {"weekday": 0, "part": "matin"}),
    ("demain matin", {"day": "2021-10-15", "part": "matin"}),
    ("après-demain", {"day": "2021-10-16"}),
    ("ce matin", {"day": "2021-10-14", "part": "matin"}),
    ("cet aprem", {"day": "2021-10-14", "part": "apres-midi"}),
    ("le 14 octobre", {"day": "2021-10-14"}),
    ("le 14 decembre", {"day": "2021-12-14"}),
    ("le 13 octobre", {"day": "2022-10-13"}),  # past this year: next year's
    ("le 14 octobre 2022", {"day": "2022-10-14"}),
    ("le 1er décembre", {"day": "2021-12-01"}),
    ("le premier déc.", {"day": "2021-12-01"}),
    ("lundi 1er novembre", {"day": "2021-11-01"}),
    ("3 nov", {"day": "2021-11-03"}),
    ("jeudi 14", {"day": "2021-10-14"}),
    ("jeudi 21 ?", {"day": "2021-10-21"}),
    ("mardi 14", {"day": "2021-12-14"}),  # the next 14th that is a Tuesday
    ("le 3/11", {"day": "2021-11-03"}),
    ("le 03/11/2021", {"day": "2021-11-03"}),
    ("2021-11-03", {"day": "2021-11-03"}),
    ("le 20", {"day": "2021-10-20"}),
    ("la semaine prochaine", {"not_before": "2021-10-18"}),
    ("semaine prochaine l'après-midi", {"part": "apres-midi", "not_before": "2021-10-18"}),
    ("mardi prochain", {"day": "2021-10-19"}),
    ("jeudi prochain", {"day": "2021-10-21"}),  # said on a Thursday: not today
    ("mercredi de la semaine prochaine", {"day": "2021-10-20"}),
    ("dans deux semaines", {"not_before": "2021-10-28"}),
    ("dans sept jours", {"not_before": "2021-10-21"}),
    ("dans quinze jours", {"not_before": "2021-10-29"}),
    ("dans onze jours", {"not_before": "2021-10-25"}),
    ("dans vingt et un jours", {"not_before": "2021-11-04"}),
    ("dans une semaine l'après-midi", {"part": "apres-midi", "not_before": "2021-10-21"}),
    ("dans 3 jours", {"not_before": "2021-10-17"}),
    ("après-midi", {"part": "apres-midi"}),
    ("l'après-midi si possible", {"part": "apres-midi"}),
    ("apres midi", {"part": "apres-midi"}),
    ("le matin de préférence", {"part": "matin"}),
    ("jeudi 14 h", {"weekday": 3, "at": "14:00"}),  # an hour, not the 14th
    ("vendredi à 10h30", {"weekday": 4, "at": "10:30"}),
    ("à partir de 10h30", {"after": "10:30"}),
    ("vers 9h", {"at": "09:00"}),
    ("14h30", {"at": "14:30"}),
    ("le 3 décembre à 9h", {"day": "2021-12-03", "at": "09:00"}),
    ("avant 11 h", {"before": "11:00"}),
    ("entre 15 h et 16 h", {"after": "15:00", "before": "16:00"}),
    ("entre 10 et 11 h", {"after": "10:00", "before": "11:00"}),
    ("mardi 9h30-10h", {"weekday": 1, "after": "09:30", "before": "10:00"}),
    ("le 3 à 15h", {"day": "2021-11-03", "at": "15:00"}),  # a day and an hour, not 3 h to 15 h
    ("demain à 9.30", {"day": "2021-10-15"}),
])
def test_wishes_in_french(text, expected):
    assert parse_wish(text, NOW).to_dict() == expected


@pytest.mark.parametrize("text", ["Marie Dupont", "oui", "je ne sais pas", "Mairie de Lyon", "3 habitants",
                                  "le premier créneau", "dans quelques jours",
                                  "le 31/02", "", "marie.dupont@lyon.fr"])
def test_nothing_understood_gives_none(text):
    assert parse_wish(text, NOW) is None


def test_dates_are_local_to_paris():
    late_evening_utc = dt.datetime(2021, 10, 14, 22, 30, tzinfo=dt.timezone.utc)  # already Friday in Paris
    assert parse_wish("demain", late_evening_utc).day == dt.date(2021, 10, 16)


@pytest.mark.parametrize("text, description", [
    ("plutôt mardi après-midi", "mardi après-midi"),
    ("demain matin", "le vendredi 15 octobre au matin"),
    ("le 1er décembre", "le mercredi 1er décembre"),
    ("l'après-midi", "l'après-midi"),
    ("la semaine prochaine", "à partir du lundi 18 octobre"),
    ("semaine prochaine le matin", "le matin, à partir du lundi 18 octobre"),
    ("jeudi à 14 h 30", "jeudi à 14 h 30"),
    ("jeudi après 14 h 30", "jeudi à partir de 14 h 30"),
    ("entre 15 h et 16 h", "entre 15 h et 16 h"),
])
def test_a_wish_is_said_back_in_french(text, description):
    assert parse_wish(text, NOW).describe() == nb(description)


def test_a_wish_survives_a_rasa_slot():
    wish = parse_wish("mardi de la semaine prochaine à partir de 15 h", NOW)
    stored = json.loads(json.dumps(wish.to_dict()))  # a slot value travels as JSON
    assert stored == {"day": "2021-10-19", "after": "15:00"}
    restored = Wish.from_dict(stored)
    assert (restored.day, restored.after, restored.weekday) == (dt.date(2021, 10, 19), dt.time(15, 0), None)
    assert restored.describe() == nb("le mardi 19 octobre à partir de 15 h")


def test_every_field_of_a_wish_survives_a_rasa_slot():
    wish = Wish(day=dt.date(2021, 10, 19), weekday=1, part="apres-midi", not_before=dt.date(2021, 10, 18),
                after=dt.time(14, 30), before=dt.time(16, 0), at=dt.time(15, 0), weekdays=(3, 4),
                not_weekdays=(0,), not_days=(dt.date(2021, 10, 20),))
    restored = Wish.from_dict(json.loads(json.dumps(wish.to_dict())))
    assert restored.as_filters() == {"day": dt.date(2021, 10, 19), "weekday": 1, "part": "apres-midi",
                                     "not_before": dt.date(2021, 10, 18), "after": dt.time(14, 30),
                                     "before": dt.time(16, 0), "at": dt.time(15, 0), "weekdays": (3, 4),
                                     "not_weekdays": (0,), "not_days": (dt.date(2021, 10, 20),)}


def test_unreadable_slot_values_give_no_wish():
    assert Wish.from_dict({}) is None and Wish.from_dict({"day": "n'importe"}) is None and Wish.from_dict(None) is None
