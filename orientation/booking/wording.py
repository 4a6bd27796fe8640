"""The French words of the agenda: a day, a slot, a moment, the slot length and the time zone.

Every date and time goes through orientation.language.french (no-break spaces inside « 10 h 15 »);
the slot length and the zone come from config/booking.yml, so changing them there changes every
text that says « 15 minutes » or « heure de Paris ».
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from orientation.booking.config import BookingConfig, load_config
from orientation.language import french

# Zones whose city is spelled otherwise in French than in the tz database.
ZONE_PLACES = {"Indian/Reunion": "La Réunion", "Pacific/Noumea": "Nouméa", "America/Martinique": "la Martinique",
               "America/Guadeloupe": "la Guadeloupe"}


def describe_day(day: dt.date, year: bool = True) -> str:
    """'jeudi 14 octobre 2021', 'lundi 1er novembre' (year=False)."""
    return french.weekday_date(day, year=year)


def describe_moment(start: dt.datetime, minutes: bool = False) -> str:
    """'jeudi 26 novembre à 10 h' ('… à 10 h 00' with minutes, for a button), in the zone the time
    carries: a moment the user named."""
    return f"{describe_day(start.date(), year=False)} à {french.clock(start.time(), minutes=minutes)}"


def describe_slot(start: dt.datetime, short: bool = False, timezone: Optional[dt.tzinfo] = None) -> str:
    """'jeudi 14 octobre 2021, 10 h 15'; short (for buttons): 'jeudi 14 octobre, 10 h 15'.

    An aware time is said in the agenda's zone (config/booking.yml) or `timezone`, whatever zone
    it carries, as time_zone_text() names it; a naive one as is.
    """
    local = start.astimezone(timezone or load_config().timezone) if start.tzinfo is not None else start
    return f"{describe_day(local.date(), year=not short)}, {french.clock(local.time())}"


def time_span(start: dt.datetime, end: dt.datetime) -> str:
    """'10 h 15 – 10 h 30': a booking's times, for the agenda."""
    return f"{french.clock(start.time(), minutes=True)} – {french.clock(end.time(), minutes=True)}"


def slot_length_text(config: Optional[BookingConfig] = None) -> str:
    """'15 minutes': the length of a call, from the settings."""
    return french.minutes((config or load_config()).slot_minutes)


def time_zone_text(config: Optional[BookingConfig] = None) -> str:
    """'heure de Paris': the zone every time is said in, from the settings."""
    key = (config or load_config()).timezone.key
    place = ZONE_PLACES.get(key) or key.rsplit("/", 1)[-1].replace("_", " ")
    return f"heure de {place}"
