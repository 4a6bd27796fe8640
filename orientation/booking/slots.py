"""Which slots are free: opening days, public holidays, notice, horizon, and the slots of a day.

Slots are generated in local wall-clock time (the agenda's zone, Europe/Paris) and compared in
UTC, so a daylight-saving change moves their UTC time, never their local time: 09:30 stays 09:30,
i.e. 07:30 UTC in summer and 08:30 UTC in winter.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Dict, FrozenSet, Iterator, List, Optional, Protocol, Tuple
from zoneinfo import ZoneInfo

import holidays

from orientation.booking.config import BookingConfig

if TYPE_CHECKING:
    from orientation.booking.wishes import Wish

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.timezone.utc
PARTS = ("matin", "apres-midi")
NOON = dt.time(12, 0)


class TakenSlots(Protocol):
    """What the calendar needs from the store (BookingStore has it)."""

    def taken(self, start_utc: dt.datetime, end_utc: dt.datetime) -> Dict[dt.datetime, int]:
        """Number of active bookings per slot start (aware UTC) in [start, end)."""


@lru_cache(maxsize=32)
def french_public_holidays(year: int) -> FrozenSet[dt.date]:
    """The eleven public holidays of metropolitan France (Code du travail, art. L3133-1).

    Alsace-Moselle's Good Friday and 26 December, and the overseas abolition days, are not
    national holidays and are left to `closed_dates`. Whit Monday counts from 2008 on (before, it
    was the working « journée de solidarité »).
    """
    return frozenset(holidays.France(years=year))


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


def aware(moment: dt.datetime, name: str) -> dt.datetime:
    """`moment` itself; ValueError naming `name` when it is not an aware datetime."""
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name}: an aware datetime is expected, got {moment!r}")
    return moment


def booking_window(config: BookingConfig, now: dt.datetime) -> Tuple[dt.datetime, dt.date]:
    """(earliest bookable instant in UTC, last bookable local day): notice after now, horizon
    counted in local days from today (horizon 21 on Thursday 14 October: up to Thursday 4 November)."""
    now = aware(now, "now").astimezone(UTC)
    return now + config.notice, now.astimezone(config.timezone).date() + dt.timedelta(days=config.horizon_days)


def check_filters(part: Optional[str], weekday: Optional[int]) -> None:
    """ValueError for a part of day or a weekday that names none."""
    if part not in (None,) + PARTS:
        raise ValueError(f"part must be one of {PARTS} or None, not {part!r}")
    if weekday is not None and weekday not in range(7):
        raise ValueError(f"weekday must be 0..6 or None, not {weekday!r}")


def matches(start: dt.datetime, day: Optional[dt.date] = None, weekday: Optional[int] = None,
            part: Optional[str] = None, not_before: Optional[dt.date] = None, after: Optional[dt.time] = None,
            before: Optional[dt.time] = None, at: Optional[dt.time] = None, weekdays: Tuple[int, ...] = (),
            not_weekdays: Tuple[int, ...] = (), not_days: Tuple[dt.date, ...] = ()) -> bool:
    """Whether a slot start (aware, in the agenda's zone) passes every filter given (see free_slots)."""
    local = start.date()
    clock = start.time()
    if day and local != day:
        return False
    if weekday is not None and start.weekday() != weekday:
        return False
    if weekdays and start.weekday() not in weekdays or start.weekday() in not_weekdays or local in not_days:
        return False
    if not_before and local < not_before:
        return False
    if part == "matin" and clock >= NOON or part == "apres-midi" and clock < NOON:
        return False
    if after and clock < after or at and clock != at:
        return False
    return not (before and clock >= before)


def free_slots(config: BookingConfig, store: TakenSlots, now: dt.datetime, count: int = 3,
               day: Optional[dt.date] = None, part: Optional[str] = None, weekday: Optional[int] = None,
               not_before: Optional[dt.date] = None, after: Optional[dt.time] = None,
               before: Optional[dt.time] = None, at: Optional[dt.time] = None, weekdays: Tuple[int, ...] = (),
               not_weekdays: Tuple[int, ...] = (), not_days: Tuple[dt.date, ...] = ()) -> List[dt.datetime]:
    """The next `count` free slot starts (aware, Europe/Paris), earliest first.

    A slot is free when fewer than `config.advisors` active bookings start at it. Only slots of the
    opening hours, on open days (not closed, not a public holiday when so configured), starting at
    least `notice_hours` after now and on a local day within `horizon_days` of today, matching the
    wish (day, part "matin"/"apres-midi", weekday 0 = Monday, not_before, after/before a time, at a time,
    one of `weekdays`, none of `not_weekdays` nor of `not_days`: what the user said they cannot do).
    """
    check_filters(part, weekday)
    wish = dict(day=day, weekday=weekday, part=part, not_before=not_before, after=after, before=before, at=at,
                weekdays=weekdays, not_weekdays=not_weekdays, not_days=not_days)
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
            if utc >= earliest and matches(start, **wish) and taken.get(utc, 0) < config.advisors:
                found.append(start)
                if len(found) == count:
                    return found
        current += dt.timedelta(days=1)
    return found


def is_bookable(config: BookingConfig, start: dt.datetime, now: dt.datetime) -> bool:
    """A real slot of the agenda, within notice and horizon (whether it is free is the store's job)."""
    start = aware(start, "start")
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
    local = aware(start, "start").astimezone(config.timezone)
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
                       count: int = 3, not_weekdays: Tuple[int, ...] = (),
                       not_days: Tuple[dt.date, ...] = ()) -> List[dt.datetime]:
    """The `count` free slots closest in time to `moment` (a slot taken or outside the hours), in
    time order: what to offer instead of it, never on a day the user refused."""
    every = free_slots(config, store, now, count=10_000, not_weekdays=not_weekdays, not_days=not_days)
    closest = sorted(every, key=lambda start: (abs(start - moment), start))[:count]
    return sorted(closest)

