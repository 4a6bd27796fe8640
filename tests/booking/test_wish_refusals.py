"""What the user cannot do and what they prefer, in their words: the slots offered respect it."""
import datetime as dt

import pytest

from orientation.booking.slots import free_slots
from orientation.booking.wishes import Wish, parse_wish
from tests.booking.conftest import at
from tests.booking.test_calendar import NoBookings
from tests.french import nb

MONDAY = at((2021, 10, 11), 8, 0)  # Monday 11 October 2021, 08:00 in Paris
LUNDI, MARDI, MERCREDI, JEUDI, VENDREDI = range(5)


@pytest.mark.parametrize("text, expected", [
    # a wish and a refusal in one message, in any order, with or without accents and commas
    ("plutôt mardi aprem, lundi je peux pas", {"weekday": MARDI, "part": "apres-midi", "not_weekdays": [LUNDI]}),
    ("plutot mardi aprem lundi je peux pas", {"weekday": MARDI, "part": "apres-midi", "not_weekdays": [LUNDI]}),
    ("lundi c'est pas possible, mardi matin ok", {"weekday": MARDI, "part": "matin", "not_weekdays": [LUNDI]}),
    ("pas lundi, mardi plutôt", {"weekday": MARDI, "not_weekdays": [LUNDI]}),
    ("jeudi non, vendredi oui", {"weekday": VENDREDI, "not_weekdays": [JEUDI]}),
    ("lundi et mardi je ne peux pas, mercredi matin", {"weekday": MERCREDI, "part": "matin",
                                                       "not_weekdays": [LUNDI, MARDI]}),
    # refusals alone
    ("pas le lundi", {"not_weekdays": [LUNDI]}),
    ("sauf mercredi", {"not_weekdays": [MERCREDI]}),
    ("n'importe quand sauf le mercredi", {"not_weekdays": [MERCREDI]}),
    ("je suis pas dispo le lundi", {"not_weekdays": [LUNDI]}),
    ("pas dispo jeudi ni vendredi", {"not_weekdays": [JEUDI, VENDREDI]}),
    ("tout sauf lundi et mardi", {"not_weekdays": [LUNDI, MARDI]}),
    ("LUNDI IMPOSSIBLE", {"not_weekdays": [LUNDI]}),
    ("lundi jpeux pas", {"not_weekdays": [LUNDI]}),
    ("lundi nan", {"not_weekdays": [LUNDI]}),
    ("le lundi je suis en réunion", {"not_weekdays": [LUNDI]}),
    ("mardi je serai en conge, mercredi matin", {"weekday": MERCREDI, "part": "matin", "not_weekdays": [MARDI]}),
    ("évitez le vendredi", {"not_weekdays": [VENDREDI]}),
    ("je peux pas le 13", {"not_days": ["2021-10-13"]}),
    ("demain impossible", {"not_days": ["2021-10-12"]}),
    # a part of the day refused is the other one
    ("le matin je peux pas", {"part": "apres-midi"}),
    ("pas le matin", {"part": "apres-midi"}),
    ("mardi, sauf l'aprem", {"weekday": MARDI, "part": "matin"}),
    # « non » said before the day corrects, it does not refuse
    ("non MARDI j'ai dit", {"weekday": MARDI}),
    ("non, mardi", {"weekday": MARDI}),
    # preferences
    ("le matin plutôt", {"part": "matin"}),
    ("après 15h", {"after": "15:00"}),
    ("pas avant 15h", {"after": "15:00"}),
    ("en fin de semaine", {"weekdays": [JEUDI, VENDREDI]}),
    ("fin de semaine prochaine", {"weekdays": [JEUDI, VENDREDI], "not_before": "2021-10-18"}),
    ("en debut de semaine", {"weekdays": [LUNDI, MARDI]}),
    ("lundi ou mardi", {"weekdays": [LUNDI, MARDI]}),
])
def test_refusals_and_preferences(text, expected):
    assert parse_wish(text, MONDAY).to_dict() == expected


def test_the_slots_offered_never_fall_on_a_refused_day(config):
    wish = parse_wish("plutot mardi aprem, lundi je peux pas", MONDAY)
    offered = free_slots(config, NoBookings(), MONDAY, count=10, **wish.as_filters())
    assert offered and all(s.weekday() == MARDI and s.hour >= 12 for s in offered)
    every = free_slots(config, NoBookings(), MONDAY, count=40, **parse_wish("sauf lundi et mardi", MONDAY).as_filters())
    assert len(every) == 40 and {s.weekday() for s in every} == {MERCREDI, JEUDI, VENDREDI}
    late = free_slots(config, NoBookings(), MONDAY, count=60, **parse_wish("en fin de semaine", MONDAY).as_filters())
    assert {s.weekday() for s in late} == {JEUDI, VENDREDI}


def test_a_refusal_stays_while_the_wish_is_refined():
    first = parse_wish("plutôt mardi aprem, lundi je peux pas", MONDAY)
    # « non MARDI j'ai dit », then « le matin finalement »: Monday stays refused
    again = parse_wish("non MARDI j'ai dit", MONDAY).refining(first)
    assert again.to_dict() == {"weekday": MARDI, "part": "apres-midi", "not_weekdays": [LUNDI]}
    morning = parse_wish("le matin finalement", MONDAY).refining(again)
    assert morning.to_dict() == {"weekday": MARDI, "part": "matin", "not_weekdays": [LUNDI]}
    # refusing the day wished drops it; asking for a refused day again lifts the refusal
    assert parse_wish("pas mardi non plus", MONDAY).refining(again).to_dict() == \
        {"part": "apres-midi", "not_weekdays": [LUNDI, MARDI]}
    assert parse_wish("bon, lundi alors", MONDAY).refining(again).to_dict() == \
        {"weekday": LUNDI, "part": "apres-midi"}


def test_refusals_are_said_back():
    assert parse_wish("plutôt mardi aprem, lundi je peux pas", MONDAY).describe() == "mardi après-midi, sauf le lundi"
    assert parse_wish("en fin de semaine", MONDAY).describe() == "jeudi ou vendredi"
    assert parse_wish("je peux pas le 13", MONDAY).describe() == "sauf le mercredi 13 octobre"
    assert Wish(not_weekdays=(LUNDI,), weekday=MARDI).exclusions() == Wish(not_weekdays=(LUNDI,))
    assert Wish(weekday=MARDI).exclusions() is None


def test_words_that_refuse_nothing():
    assert parse_wish("pas de souci, mardi matin", MONDAY).to_dict() == {"weekday": MARDI, "part": "matin"}
    assert parse_wish("mardi, je ne peux pas vous dire l'heure", MONDAY) is not None
    assert nb("mardi") == "mardi"


def test_a_reference_or_an_address_is_no_moment():
    assert parse_wish("décaler DN-K4H9PQ à mercredi, le matin plutôt", MONDAY).to_dict() == \
        {"weekday": MERCREDI, "part": "matin"}
    assert parse_wish("reporter le rdv dn 29h3kq", MONDAY) is None
    assert parse_wish("jeudi, marie.14h@lyon.fr", MONDAY).to_dict() == {"weekday": JEUDI}


def test_the_nearest_slots_offered_instead_of_a_taken_moment_skip_refused_days(config):
    from orientation.booking.slots import nearest_free_slots
    tuesday = dt.datetime(2021, 10, 12, 12, 0, tzinfo=MONDAY.tzinfo)  # noon: no slot, the nearest around it
    around = nearest_free_slots(config, NoBookings(), MONDAY, tuesday, count=6)
    assert {s.weekday() for s in around} == {MARDI}
    kept = nearest_free_slots(config, NoBookings(), MONDAY, tuesday, count=6, not_weekdays=(MARDI,))
    assert kept and MARDI not in {s.weekday() for s in kept}
