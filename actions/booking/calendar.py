"""Which 15-minute slots are free, and how to say and understand them in French.

Slots are generated in local wall-clock time (Europe/Paris) and compared in UTC, so a
daylight-saving change moves their UTC time, never their local time.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Protocol, Set

from dateutil.easter import easter

from actions.booking.config import BookingConfig
from actions.eligibility.formatting import MONTHS
from actions.lexicon import fold

WEEKDAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTH_NAMES = MONTHS
NOON = dt.time(12, 0)


class TakenSlots(Protocol):
    def taken(self, start_utc: dt.datetime, end_utc: dt.datetime) -> Dict[dt.datetime, int]:
        """Number of bookings per slot start (aware UTC) in [start, end)."""


def french_public_holidays(year: int) -> Set[dt.date]:
    """The eleven public holidays of metropolitan France (Code du travail, art. L3133-1)."""
    easter_sunday = easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    return {dt.date(year, m, d) for m, d in fixed} | {
        easter_sunday + dt.timedelta(days=1),   # lundi de Pâques
        easter_sunday + dt.timedelta(days=39),  # Ascension
        easter_sunday + dt.timedelta(days=50),  # lundi de Pentecôte
    }


def is_open_day(config: BookingConfig, day: dt.date) -> bool:
    if day in config.closed_dates or not config.hours.get(day.weekday()):
        return False
    return not (config.public_holidays_closed and day in french_public_holidays(day.year))


def day_slots(config: BookingConfig, day: dt.date) -> Iterator[dt.datetime]:
    """Every slot start of an open day, aware in the configured time zone."""
    if not is_open_day(config, day):
        return
    for start, end in config.hours[day.weekday()]:
        moment = dt.datetime.combine(day, start)
        while moment + config.slot_length <= dt.datetime.combine(day, end):
            yield moment.replace(tzinfo=config.timezone)
            moment += config.slot_length


@dataclass(frozen=True)
class Wish:
    """A moment the user asked for: a date, a weekday, a part of the day, a first day."""
    day: Optional[dt.date] = None
    weekday: Optional[int] = None
    part: Optional[str] = None  # "matin" or "apres-midi"
    not_before: Optional[dt.date] = None

    def as_filters(self) -> Dict[str, Any]:
        return {"day": self.day, "weekday": self.weekday, "part": self.part, "not_before": self.not_before}

    def to_dict(self) -> Dict[str, Any]:
        return {key: (value.isoformat() if isinstance(value, dt.date) else value)
                for key, value in self.as_filters().items() if value is not None}

    @classmethod
    def from_dict(cls, data: Optional[Dict[str, Any]]) -> Optional["Wish"]:
        if not isinstance(data, dict) or not data:
            return None
        dates = {k: dt.date.fromisoformat(data[k]) for k in ("day", "not_before") if data.get(k)}
        return cls(weekday=data.get("weekday"), part=data.get("part"), **dates)

    def describe(self) -> str:
        """'mardi après-midi', 'le 14 décembre', 'à partir du 7 décembre'…"""
        words = []
        if self.day:
            words.append(f"le {WEEKDAY_NAMES[self.day.weekday()]} {self.day.day} {MONTH_NAMES[self.day.month - 1]}")
        elif self.weekday is not None:
            words.append(WEEKDAY_NAMES[self.weekday])
        if self.part:
            words.append("le matin" if self.part == "matin" and not words else
                         "matin" if self.part == "matin" else
                         "l'après-midi" if not words else "après-midi")
        if self.not_before:
            words.append(f"à partir du {self.not_before.day} {MONTH_NAMES[self.not_before.month - 1]}")
        return " ".join(words) or "à ce moment"

    def accepts(self, start: dt.datetime) -> bool:
        local = start.date()
        if self.day and local != self.day:
            return False
        if self.weekday is not None and start.weekday() != self.weekday:
            return False
        if self.not_before and local < self.not_before:
            return False
        if self.part == "matin" and start.time() >= NOON:
            return False
        return not (self.part == "apres-midi" and start.time() < NOON)


def free_slots(config: BookingConfig, store: TakenSlots, now: dt.datetime, count: int = 4,
               day: Optional[dt.date] = None, weekday: Optional[int] = None, part: Optional[str] = None,
               not_before: Optional[dt.date] = None) -> List[dt.datetime]:
    """The next `count` free slots after the notice period and within the horizon, matching the wish."""
    wish = Wish(day, weekday, part, not_before)
    earliest = now + dt.timedelta(hours=config.notice_hours)
    first_day = earliest.astimezone(config.timezone).date()
    last_day = first_day + dt.timedelta(days=config.horizon_days)
    taken = store.taken(earliest.astimezone(dt.timezone.utc),
                        dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), config.timezone)
                        .astimezone(dt.timezone.utc))
    found: List[dt.datetime] = []
    current = first_day
    while current <= last_day and len(found) < count:
        for start in day_slots(config, current):
            if start >= earliest and wish.accepts(start) and \
                    taken.get(start.astimezone(dt.timezone.utc), 0) < config.advisors:
                found.append(start)
                if len(found) == count:
                    break
        current += dt.timedelta(days=1)
    return found


def is_bookable(config: BookingConfig, start: dt.datetime, now: dt.datetime) -> bool:
    """A real slot of the agenda, within notice and horizon (whether it is free is the store's job)."""
    local = start.astimezone(config.timezone)
    earliest = now + dt.timedelta(hours=config.notice_hours)
    last_day = earliest.astimezone(config.timezone).date() + dt.timedelta(days=config.horizon_days)
    return start >= earliest and local.date() <= last_day and local in set(day_slots(config, local.date()))


def is_free(config: BookingConfig, store: TakenSlots, start: dt.datetime, now: dt.datetime) -> bool:
    if not is_bookable(config, start, now):
        return False
    utc = start.astimezone(dt.timezone.utc)
    return store.taken(utc, utc + config.slot_length).get(utc, 0) < config.advisors


def describe_slot(start: dt.datetime, short: bool = False, timezone=None) -> str:
    """'jeudi 14 octobre 2021, 10 h 15' (short: without the year), in the slot's own time zone."""
    local = start.astimezone(timezone) if timezone else start
    day = "1er" if local.day == 1 else str(local.day)
    year = "" if short else f" {local.year}"
    minutes = f" {local.minute:02d}" if local.minute else ""
    return f"{WEEKDAY_NAMES[local.weekday()]} {day} {MONTH_NAMES[local.month - 1]}{year}, {local.hour} h{minutes}"


# --- understanding "plutôt mardi après-midi" ------------------------------------------------

def _fold(text: str) -> str:
    return fold(text)[0]  # the lexicon's folding: lowercase, no accents, straight apostrophes


FOLDED_WEEKDAYS = [_fold(w) for w in WEEKDAY_NAMES]
FOLDED_MONTHS = [_fold(m) for m in MONTH_NAMES]
DATE_WITH_MONTH = re.compile(r"\b(\d{1,2}|1er)\s+(" + "|".join(FOLDED_MONTHS) + r")\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
WEEKDAY_WITH_NUMBER = re.compile(r"\b(" + "|".join(FOLDED_WEEKDAYS) + r")\s+(\d{1,2}|1er)\b")


def _next_date(today: dt.date, day: int, month: Optional[int] = None) -> Optional[dt.date]:
    """The first date on or after today with this day (and month)."""
    for offset in range(0, 400):
        candidate = today + dt.timedelta(days=offset)
        if candidate.day == day and (month is None or candidate.month == month):
            return candidate
    return None


def parse_wish(text: str, now: dt.datetime, timezone=None) -> Optional[Wish]:
    """The moment a French message asks for, or None when it names none."""
    folded = _fold(text)
    today = (now.astimezone(timezone) if timezone else now).date()
    part = None
    if re.search(r"apres[\s-]?midi|aprem|\bapm\b|l'apres", folded):
        part = "apres-midi"
    elif re.search(r"\bmatin|matinee", folded):
        part = "matin"
    day = weekday = not_before = None
    match = DATE_WITH_MONTH.search(folded)
    numeric = NUMERIC_DATE.search(folded)
    with_number = WEEKDAY_WITH_NUMBER.search(folded)
    if match:
        number = 1 if match.group(1) == "1er" else int(match.group(1))
        day = _next_date(today, number, FOLDED_MONTHS.index(match.group(2)) + 1)
    elif numeric:
        try:
            year = int(numeric.group(3)) if numeric.group(3) else today.year
            day = dt.date(year + (2000 if year < 100 else 0), int(numeric.group(2)), int(numeric.group(1)))
            if not numeric.group(3) and day < today:
                day = day.replace(year=day.year + 1)
        except ValueError:
            day = None
    elif with_number:
        number = 1 if with_number.group(2) == "1er" else int(with_number.group(2))
        day = _next_date(today, number)
    elif re.search(r"\bapres[\s-]?demain\b", folded):
        day = today + dt.timedelta(days=2)
    elif re.search(r"\bdemain\b", folded):
        day = today + dt.timedelta(days=1)
    elif re.search(r"\baujourd'?hui\b", folded):
        day = today
    if day is None:
        for index, name in enumerate(FOLDED_WEEKDAYS):
            if re.search(rf"\b{name}\b", folded):
                weekday = index
                break
    if re.search(r"semaine (prochaine|suivante|d'apres)", folded):
        not_before = today + dt.timedelta(days=7 - today.weekday())
    elif re.search(r"\bplus tard\b|\bautre jour\b", folded) and day is None and weekday is None:
        not_before = today + dt.timedelta(days=2)
    if weekday is not None and re.search(r"\bprochain\b", folded) and not_before is None:
        not_before = today + dt.timedelta(days=1)
    wish = Wish(day, weekday, part, not_before)
    return wish if wish.to_dict() else None
