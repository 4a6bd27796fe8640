"""Which slots are free, and how to say and understand them in French.

Slots are generated in local wall-clock time (Europe/Paris) and compared in UTC, so a
daylight-saving change moves their UTC time, never their local time: 09:30 stays 09:30, i.e.
07:30 UTC in summer and 08:30 UTC in winter.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Protocol, Tuple
from zoneinfo import ZoneInfo

from dateutil.easter import easter
from text_to_num import text2num

from orientation.booking.config import BookingConfig
from orientation.language.fold import MONTHS, WEEKDAYS, fold

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.timezone.utc
PARTS = ("matin", "apres-midi")
NOON = dt.time(12, 0)


class TakenSlots(Protocol):
    """What the calendar needs from the store (BookingStore has it)."""

    def taken(self, start_utc: dt.datetime, end_utc: dt.datetime) -> Dict[dt.datetime, int]:
        """Number of active bookings per slot start (aware UTC) in [start, end)."""


# --- the agenda ----------------------------------------------------------------------------

@lru_cache(maxsize=32)
def french_public_holidays(year: int) -> FrozenSet[dt.date]:
    """The eleven public holidays of metropolitan France (Code du travail, art. L3133-1).

    Easter comes from dateutil; Alsace-Moselle's Good Friday and 26 December, and the overseas
    abolition days, are not national holidays and are left to `closed_dates`.
    """
    easter_sunday = easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    return frozenset({dt.date(year, m, d) for m, d in fixed} | {
        easter_sunday + dt.timedelta(days=1),   # lundi de Pâques
        easter_sunday + dt.timedelta(days=39),  # Ascension
        easter_sunday + dt.timedelta(days=50),  # lundi de Pentecôte
    })


def is_open_day(config: BookingConfig, day: dt.date) -> bool:
    if day in config.closed_dates or not config.hours.get(day.weekday()):
        return False
    return not (config.public_holidays_closed and day in french_public_holidays(day.year))


def _exists(local: dt.datetime) -> bool:
    """False for a wall-clock time skipped by the spring change (02:30 on the last Sunday of March)."""
    back = local.astimezone(UTC).astimezone(local.tzinfo)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


def day_slots(config: BookingConfig, day: dt.date) -> Iterator[dt.datetime]:
    """Every slot start of an open day, aware in the configured time zone, in time order.

    Wall-clock arithmetic on naive times, then the zone: a slot is always at the same local time.
    """
    if not is_open_day(config, day):
        return
    for start, end in config.hours[day.weekday()]:
        moment, closing = dt.datetime.combine(day, start), dt.datetime.combine(day, end)
        while moment + config.slot_length <= closing:
            local = moment.replace(tzinfo=config.timezone)
            if _exists(local):
                yield local
            moment += config.slot_length


def _aware(moment: dt.datetime, name: str) -> dt.datetime:
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name}: an aware datetime is expected, got {moment!r}")
    return moment


def booking_window(config: BookingConfig, now: dt.datetime) -> Tuple[dt.datetime, dt.date]:
    """(earliest bookable instant in UTC, last bookable local day): notice after now, horizon
    counted in local days from today (horizon 21 on Thursday 14 October: up to Thursday 4 November)."""
    now = _aware(now, "now").astimezone(UTC)
    return now + config.notice, now.astimezone(config.timezone).date() + dt.timedelta(days=config.horizon_days)


@dataclass(frozen=True)
class Wish:
    """A moment the user asked for. Every field narrows the slots; None means any.

    day: that local date; weekday: 0 = Monday; part: "matin" (before noon) or "apres-midi";
    not_before: from that date on ("la semaine prochaine"); after / before: local times of day
    ("à partir de 15 h", "avant 11 h"); at: that very time ("jeudi 10h", "à 14 h 30").
    """
    day: Optional[dt.date] = None
    weekday: Optional[int] = None
    part: Optional[str] = None
    not_before: Optional[dt.date] = None
    after: Optional[dt.time] = None
    before: Optional[dt.time] = None
    at: Optional[dt.time] = None

    def __post_init__(self):
        if self.part not in (None,) + PARTS:
            raise ValueError(f"part must be one of {PARTS} or None, not {self.part!r}")
        if self.weekday is not None and self.weekday not in range(7):
            raise ValueError(f"weekday must be 0..6 or None, not {self.weekday!r}")

    def as_filters(self) -> Dict[str, Any]:
        """Keyword arguments for free_slots()."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def to_dict(self) -> Dict[str, Any]:
        """JSON-friendly (a Rasa slot value): dates as YYYY-MM-DD, times as HH:MM; unset fields left out."""
        out = {}
        for key, value in self.as_filters().items():
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, dt.time):
                value = value.strftime("%H:%M")
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: Optional[Dict[str, Any]]) -> Optional["Wish"]:
        """The wish of to_dict(); None for an empty or unreadable value."""
        if not isinstance(data, dict) or not data:
            return None
        try:
            return cls(day=dt.date.fromisoformat(data["day"]) if data.get("day") else None,
                       weekday=data.get("weekday"), part=data.get("part"),
                       not_before=dt.date.fromisoformat(data["not_before"]) if data.get("not_before") else None,
                       after=dt.time.fromisoformat(data["after"]) if data.get("after") else None,
                       before=dt.time.fromisoformat(data["before"]) if data.get("before") else None,
                       at=dt.time.fromisoformat(data["at"]) if data.get("at") else None)
        except (TypeError, ValueError):
            return None

    def describe(self) -> str:
        """'mardi après-midi', 'le jeudi 14 octobre au matin', 'à partir du lundi 18 octobre',
        'entre 10 h et 11 h'… to follow « Voici les créneaux libres » or « pas de créneau libre »."""
        words = []
        if self.day:
            words.append(f"le {describe_day(self.day, year=False)}")
        elif self.weekday is not None:
            words.append(WEEKDAYS[self.weekday])
        if self.part:
            if self.day:
                words.append("au matin" if self.part == "matin" else "dans l'après-midi")
            elif words:
                words.append("matin" if self.part == "matin" else "après-midi")
            else:
                words.append("le matin" if self.part == "matin" else "l'après-midi")
        if self.at:
            words.append(f"à {_clock(self.at)}")
        elif self.after and self.before:
            words.append(f"entre {_clock(self.after)} et {_clock(self.before)}")
        elif self.after:
            words.append(f"à partir de {_clock(self.after)}")
        elif self.before:
            words.append(f"avant {_clock(self.before)}")
        if self.not_before and not self.day:
            if words:
                words[-1] += ","
            words.append(f"à partir du {describe_day(self.not_before, year=False)}")
        return " ".join(words) or "à ce moment"

    def accepts(self, start: dt.datetime) -> bool:
        """Whether a slot start (aware, in the agenda's zone) matches every field."""
        local = start.date()
        clock = start.time()
        if self.day and local != self.day:
            return False
        if self.weekday is not None and start.weekday() != self.weekday:
            return False
        if self.not_before and local < self.not_before:
            return False
        if self.part == "matin" and clock >= NOON or self.part == "apres-midi" and clock < NOON:
            return False
        if self.after and clock < self.after or self.at and clock != self.at:
            return False
        return not (self.before and clock >= self.before)

    @property
    def names_a_day(self) -> bool:
        return bool(self.day or self.weekday is not None or self.not_before)

    @property
    def names_a_time(self) -> bool:
        return bool(self.part or self.after or self.before or self.at)

    def refining(self, previous: Optional["Wish"]) -> "Wish":
        """This wish said after `previous`: a time alone (« 14h30 ») keeps the day already wished
        (« mardi »), a day alone (« plutôt jeudi ») keeps the time of day already wished."""
        if previous is None:
            return self
        days = self if self.names_a_day else previous
        times = self if self.names_a_time else previous
        return Wish(day=days.day, weekday=days.weekday, not_before=days.not_before,
                    part=times.part, after=times.after, before=times.before, at=times.at)


def free_slots(config: BookingConfig, store: TakenSlots, now: dt.datetime, count: int = 3,
               day: Optional[dt.date] = None, part: Optional[str] = None, weekday: Optional[int] = None,
               not_before: Optional[dt.date] = None, after: Optional[dt.time] = None,
               before: Optional[dt.time] = None, at: Optional[dt.time] = None) -> List[dt.datetime]:
    """The next `count` free slot starts (aware, Europe/Paris), earliest first.

    A slot is free when fewer than `config.advisors` active bookings start at it. Only slots of the
    opening hours, on open days (not closed, not a public holiday when so configured), starting at
    least `notice_hours` after now and on a local day within `horizon_days` of today, matching the
    wish (day, part "matin"/"apres-midi", weekday 0 = Monday, not_before, after/before a time, at a time).
    """
    wish = Wish(day, weekday, part, not_before, after, before, at)
    earliest, last_day = booking_window(config, now)
    first_day = earliest.astimezone(config.timezone).date()
    if day is not None:
        first_day, last_day = max(first_day, day), min(last_day, day)
    if not_before is not None:
        first_day = max(first_day, not_before)
    if count <= 0 or first_day > last_day:
        return []
    taken = store.taken(earliest, dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(),
                                                      config.timezone).astimezone(UTC))
    found: List[dt.datetime] = []
    current = first_day
    while current <= last_day:
        for start in day_slots(config, current):
            utc = start.astimezone(UTC)  # compare instants, never wall-clock times
            if utc >= earliest and wish.accepts(start) and taken.get(utc, 0) < config.advisors:
                found.append(start)
                if len(found) == count:
                    return found
        current += dt.timedelta(days=1)
    return found


def is_bookable(config: BookingConfig, start: dt.datetime, now: dt.datetime) -> bool:
    """A real slot of the agenda, within notice and horizon (whether it is free is the store's job)."""
    start = _aware(start, "start")
    earliest, last_day = booking_window(config, now)
    local = start.astimezone(config.timezone)
    utc = start.astimezone(UTC)
    return utc >= earliest and local.date() <= last_day and \
        any(slot.astimezone(UTC) == utc for slot in day_slots(config, local.date()))


def is_free(config: BookingConfig, store: TakenSlots, start: dt.datetime, now: dt.datetime) -> bool:
    """Bookable and with an advisor left (the unique constraint still decides at booking time)."""
    if not is_bookable(config, start, now):
        return False
    utc = start.astimezone(UTC)
    return store.taken(utc, utc + config.slot_length).get(utc, 0) < config.advisors


def wished_moment(config: BookingConfig, wish: Optional[Wish], now: dt.datetime) -> Optional[dt.datetime]:
    """The one moment a wish names (« jeudi 10h »: the next Thursday at 10:00 still ahead of the
    notice, within the horizon), aware in the agenda's zone; None when it names no precise time or
    no day. Whether it is a free slot is for is_free()."""
    if wish is None or wish.at is None or not (wish.day or wish.weekday is not None):
        return None
    earliest, last_day = booking_window(config, now)
    candidates = [wish.day] if wish.day else [
        earliest.astimezone(config.timezone).date() + dt.timedelta(days=offset) for offset in range(7 * 4)]
    for day in candidates:
        if wish.weekday is not None and day.weekday() != wish.weekday or wish.not_before and day < wish.not_before:
            continue
        moment = dt.datetime.combine(day, wish.at).replace(tzinfo=config.timezone)
        if wish.day or moment.astimezone(UTC) >= earliest:
            return moment
    return None


def why_not_free(config: BookingConfig, store: TakenSlots, start: dt.datetime, now: dt.datetime) -> Optional[str]:
    """None when the slot is free, else why: 'too_soon' (past or within the notice), 'too_far'
    (beyond the horizon), 'closed_day', 'not_a_slot' (outside the hours or not on a slot start), 'taken'."""
    earliest, last_day = booking_window(config, now)
    local = _aware(start, "start").astimezone(config.timezone)
    if local.astimezone(UTC) < earliest:
        return "too_soon"
    if local.date() > last_day:
        return "too_far"
    if not is_open_day(config, local.date()):
        return "closed_day"
    if not is_bookable(config, start, now):
        return "not_a_slot"
    return None if is_free(config, store, start, now) else "taken"


def nearest_free_slots(config: BookingConfig, store: TakenSlots, now: dt.datetime, moment: dt.datetime,
                       count: int = 3) -> List[dt.datetime]:
    """The `count` free slots closest in time to `moment` (a slot taken or outside the hours), in
    time order: what to offer instead of it."""
    every = free_slots(config, store, now, count=10_000)
    closest = sorted(every, key=lambda start: (abs(start - moment), start))[:count]
    return sorted(closest)


# --- saying dates in French --------------------------------------------------------------------

def _clock(moment: dt.time) -> str:
    return f"{moment.hour} h {moment.minute:02d}" if moment.minute else f"{moment.hour} h"


def describe_day(day: dt.date, year: bool = True) -> str:
    """'jeudi 14 octobre 2021', 'lundi 1er novembre' (year=False)."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{WEEKDAYS[day.weekday()]} {number} {MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


def describe_moment(start: dt.datetime, minutes: bool = False) -> str:
    """'jeudi 26 novembre à 10 h' ('… à 10 h 00' with minutes, for a button), in the zone the time
    carries: a moment the user named."""
    clock = f"{start.hour} h {start.minute:02d}" if minutes else _clock(start.time())
    return f"{describe_day(start.date(), year=False)} à {clock}"


def describe_slot(start: dt.datetime, short: bool = False, timezone: Optional[dt.tzinfo] = PARIS) -> str:
    """'jeudi 14 octobre 2021, 10 h 15'; short (for buttons): 'jeudi 14 octobre, 10 h 15'.

    An aware time is said in Paris time (or `timezone`), whatever zone it carries; a naive one as is.
    """
    local = start.astimezone(timezone) if start.tzinfo is not None and timezone is not None else start
    return f"{describe_day(local.date(), year=not short)}, {_clock(local.time())}"


# --- understanding "plutôt mardi après-midi" ---------------------------------------------------

def _fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: 'Après-midi' -> 'apres-midi'."""
    return " ".join(fold(str(text)).text.split())


FOLDED_WEEKDAYS = [_fold(w) for w in WEEKDAYS]
# Month words and their usual abbreviations ("14 oct.", "3 sept"), folded.
MONTH_WORDS = {**{_fold(m): i + 1 for i, m in enumerate(MONTHS)},
               "janv": 1, "jan": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "sep": 9,
               "oct": 10, "nov": 11, "dec": 12}
MONTH_PATTERN = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
DAY_NUMBER = r"(\d{1,2}|1er)"  # not "premier": « le premier » is rather the first slot offered
NOT_AN_HOUR = r"(?!\s*(?:h\b|h\d|heures?\b|:\d|/\d|-\d))"
DATE_WITH_MONTH = re.compile(rf"\b(\d{{1,2}}|1er|premier)\s+({MONTH_PATTERN})\b\.?(?:\s+(\d{{4}})\b)?")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?\b(?![.,/]?\d)")  # "9.30", "10-11" are times
WEEKDAY_WITH_NUMBER = re.compile(rf"\b({'|'.join(FOLDED_WEEKDAYS)})\s+{DAY_NUMBER}\b{NOT_AN_HOUR}")
BARE_DAY_NUMBER = re.compile(rf"\b(?:le|du|au)\s+{DAY_NUMBER}\b{NOT_AN_HOUR}")
HOUR = re.compile(r"\b(?:(avant|apres|a partir de|des|a|vers|pour|entre)\s+)?(\d{1,2})\s*(?:h(?=\d|\b)|heures?\b)"
                  r"(?:\s*(\d{2})\b)?")
HOUR_RANGE = re.compile(r"\b(?:(entre|de)\s+)?(\d{1,2})\s*(h\s*(\d{2})?)?\s*(-|a|et)\s*(\d{1,2})\s*"
                        r"(?:h(?=\d|\b)|heures?\b)(?:\s*(\d{2})\b)?")
# "dans 3 jours", "dans quinze jours", "dans vingt et un jours": up to four number words.
IN_SOME_TIME = re.compile(r"\bdans\s+(\d{1,3}|[a-z]+(?:[\s-][a-z]+){0,3}?)\s+(jours?|semaines?)\b")


def _count(words: str) -> Optional[int]:
    """'3' -> 3, 'quinze' -> 15, 'vingt et un' -> 21 (text2num); None for other words ("quelques")."""
    if words.isdigit():
        return int(words)
    try:
        return int(text2num(words, "fr"))
    except ValueError:
        return None


def _day_number(word: str) -> int:
    return 1 if word in ("1er", "premier") else int(word)


def _next_date(today: dt.date, number: int, month: Optional[int] = None,
               weekday: Optional[int] = None) -> Optional[dt.date]:
    """The first date on or after today with this day number (and month, and weekday when they fit)."""
    # With a weekday ("jeudi 14"), only the next three months: further, the weekday is likely a slip.
    for offset in range(0, 92 if weekday is not None else 3 * 366):
        candidate = today + dt.timedelta(days=offset)
        if candidate.day == number and month in (None, candidate.month) and weekday in (None, candidate.weekday()):
            return candidate
    return _next_date(today, number, month) if weekday is not None else None


def _date_or_none(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _explicit_day(folded: str, today: dt.date) -> Optional[dt.date]:
    """A calendar date named in the text: '14 octobre', '3/11', 'jeudi 14', 'le 14', 'demain'…"""
    match = DATE_WITH_MONTH.search(folded)
    if match:
        number, month = _day_number(match.group(1)), MONTH_WORDS[match.group(2)]
        if match.group(3):
            return _date_or_none(int(match.group(3)), month, number)
        return _next_date(today, number, month)
    match = ISO_DATE.search(folded)
    if match:
        return _date_or_none(*map(int, match.groups()))
    match = NUMERIC_DATE.search(folded)
    if match:
        number, month = int(match.group(1)), int(match.group(2))
        if match.group(3):
            year = int(match.group(3))
            return _date_or_none(year + 2000 if year < 100 else year, month, number)
        return _next_date(today, number, month) if 1 <= month <= 12 else None
    match = WEEKDAY_WITH_NUMBER.search(folded)
    if match:  # "jeudi 14": the next 14th that is a Thursday, else the next 14th
        return _next_date(today, _day_number(match.group(2)), weekday=FOLDED_WEEKDAYS.index(match.group(1)))
    if re.search(r"\bapres[ -]?demain\b", folded):
        return today + dt.timedelta(days=2)
    if re.search(r"\bdemain\b", folded):
        return today + dt.timedelta(days=1)
    if re.search(r"\baujourd'? ?hui\b|\bce matin\b|\bcet (?:apres[ -]?midi|aprem)\b|\bce soir\b", folded):
        return today
    match = BARE_DAY_NUMBER.search(folded)
    if match:
        return _next_date(today, _day_number(match.group(1)))
    return None


def _times(folded: str) -> Tuple[Optional[dt.time], Optional[dt.time]]:
    """(after, before) from '15 h', 'à partir de 14 h 30', 'avant 11 h', 'entre 10 et 11 h', '14h-16h'."""
    for span in HOUR_RANGE.finditer(folded):
        lead, first, first_h, first_min, separator, second, second_min = span.groups()
        if not (lead or first_h or separator == "-"):
            continue  # "le 3 à 15 h" is a day and an hour, not a range
        after, before = _time_or_none(first, first_min), _time_or_none(second, second_min)
        if after and before:
            return after, before
    after = before = None
    for word, hour, minute in HOUR.findall(folded):
        moment = _time_or_none(hour, minute)
        if moment is None:
            continue
        if word == "avant":
            before = before or moment
        elif after is None:
            after = moment
    return after, before


def _precise_time(folded: str) -> Optional[dt.time]:
    """The one time a message names as such (« jeudi 10h », « à 14 h 30 », « vers 9h »), not a
    bound (« à partir de 15 h », « avant 11 h ») nor a range."""
    if any(span.group(1) or span.group(3) or span.group(5) == "-" for span in HOUR_RANGE.finditer(folded)):
        return None
    found = HOUR.findall(folded)
    if len(found) != 1 or found[0][0] not in ("", "a", "vers", "pour"):
        return None
    return _time_or_none(found[0][1], found[0][2])


def _time_or_none(hour: str, minute: str) -> Optional[dt.time]:
    try:
        return dt.time(int(hour), int(minute or 0))
    except ValueError:
        return None


def parse_wish(text: str, now: dt.datetime, timezone: Optional[dt.tzinfo] = PARIS) -> Optional[Wish]:
    """The moment a French message asks for, or None when it names none.

    Understands, with or without accents: « plutôt mardi après-midi », « lundi », « demain matin »,
    « le 14 octobre », « le 1er déc. », « 3/11 », « jeudi 14 », « le 14 », « la semaine prochaine »,
    « mardi prochain », « dans deux semaines », « après-midi », « ce matin », « à partir de 15 h »,
    « avant 11 h », and a precise time, « jeudi 10h », « le 3 décembre à 9h », « 14h30 » (`at`). A date already past this year means next year's. Dates are local to `timezone`.
    """
    folded = _fold(text)
    today = _aware(now, "now").astimezone(timezone or PARIS).date()
    part = None
    if re.search(r"apres[ -]?midi|\baprem\b|\bapm\b|\bfin de journee\b|\bsoir\b", folded):
        part = "apres-midi"
    elif re.search(r"\bmatin|\bmatinee\b|\bdebut de journee\b|\bavant midi\b", folded):
        part = "matin"
    day = _explicit_day(folded, today)
    weekday = not_before = None
    if day is None:
        for index, name in enumerate(FOLDED_WEEKDAYS):
            if re.search(rf"\b{name}s?\b", folded):
                weekday = index
                break
    next_week = re.search(r"\bsemaine (?:prochaine|suivante|d'apres)\b|\bprochaine semaine\b", folded)
    later = IN_SOME_TIME.search(folded)
    amount = _count(later.group(1)) if later else None
    if weekday is not None and next_week:  # "mardi de la semaine prochaine": that date
        day, weekday = today + dt.timedelta(days=7 - today.weekday() + weekday), None
    elif weekday is not None and re.search(r"\bprochaine?\b", folded):  # "mardi prochain": the next one
        day, weekday = today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1), None
    elif next_week:
        not_before = today + dt.timedelta(days=7 - today.weekday())  # next Monday
    elif amount:
        not_before = today + dt.timedelta(days=amount * (7 if later.group(2).startswith("semaine") else 1))
    elif re.search(r"\bplus tard\b|\bautre jour\b", folded) and day is None and weekday is None:
        not_before = today + dt.timedelta(days=2)
    at = _precise_time(folded)
    after, before = (None, None) if at else _times(folded)
    if after and before and after >= before:
        after = before = None
    wish = Wish(day, weekday, part, not_before, after, before, at)
    return wish if wish.to_dict() else None
