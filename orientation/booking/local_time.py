"""The user's own time beside the agenda's, for users overseas: « 14 h à Paris, 9 h en Guadeloupe ».

The advisors' agenda is in Paris time (config/booking.yml). A user whose territory is overseas
reads each time twice, the second in their territory's zone, computed by zoneinfo from the IANA
database (tzdata), never from a hand-written offset: the gap changes with Paris's summer time
(Guadeloupe is 5 hours behind in winter, 6 in summer) and a day may change (Nouméa).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional
from zoneinfo import ZoneInfo

from orientation.booking.config import load_config
from orientation.booking.wording import describe_day, describe_slot, time_zone_text
from orientation.language import french

# Overseas départements and collectivités (INSEE codes) -> (IANA zone, how French says « in it »).
# French Polynesia spans three zones: Tahiti's is the one of its capital and of nearly everyone.
OVERSEAS = {
    "971": ("America/Guadeloupe", "en Guadeloupe"),
    "972": ("America/Martinique", "en Martinique"),
    "973": ("America/Cayenne", "en Guyane"),
    "974": ("Indian/Reunion", "à La Réunion"),
    "975": ("America/Miquelon", "à Saint-Pierre-et-Miquelon"),
    "976": ("Indian/Mayotte", "à Mayotte"),
    "977": ("America/St_Barthelemy", "à Saint-Barthélemy"),
    "978": ("America/Marigot", "à Saint-Martin"),
    "986": ("Pacific/Wallis", "à Wallis-et-Futuna"),
    "987": ("Pacific/Tahiti", "en Polynésie française"),
    "988": ("Pacific/Noumea", "en Nouvelle-Calédonie"),
}


@dataclass(frozen=True)
class LocalZone:
    """Where the user is, when it is not the agenda's zone: the zone and « en Guadeloupe »."""
    zone: ZoneInfo
    place: str


def overseas_zone(departements: Iterable[str]) -> Optional[LocalZone]:
    """The one overseas zone of the user's territories (their départements' codes); None for
    metropolitan France, for no territory, or for territories in different zones."""
    zones = {OVERSEAS.get(str(code)) for code in departements}
    if len(zones) != 1 or None in zones:
        return None
    key, place = zones.pop()
    return LocalZone(ZoneInfo(key), place)


def both_times(start: dt.datetime, local: LocalZone, minutes: bool = False) -> str:
    """« 14 h à Paris, 9 h en Guadeloupe » (the local day said too when it is another one: « 14 h à
    Paris, mardi 9 décembre à 0 h en Nouvelle-Calédonie »)."""
    agenda = load_config().timezone
    here, there = start.astimezone(agenda), start.astimezone(local.zone)
    here_text = f"{french.clock(here.time(), minutes=minutes)} à {time_zone_text().removeprefix('heure de ')}"
    there_clock = french.clock(there.time(), minutes=minutes)
    if there.date() != here.date():
        return f"{here_text}, {describe_day(there.date(), year=False)} à {there_clock} {local.place}"
    return f"{here_text}, {there_clock} {local.place}"


def describe_when(start: dt.datetime, local: Optional[LocalZone], short: bool = False) -> str:
    """A booking's moment in a sentence or on a button: « mardi 8 décembre 2026, 14 h (heure de
    Paris) », or for a user overseas « mardi 8 décembre 2026, 14 h à Paris, 9 h en Guadeloupe »
    (short, for a button: no year, and no zone for a user in metropolitan France, as the question
    above the buttons names it)."""
    if local is None:
        return describe_slot(start, short=short) + ("" if short else f" ({time_zone_text()})")
    here = start.astimezone(load_config().timezone)
    return f"{describe_day(here.date(), year=not short)}, {both_times(start, local)}"
