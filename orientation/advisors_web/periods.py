"""What the agenda shows for a day or a week: the store's bookings, minus any past retention."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, List, Optional

from orientation.booking.config import BookingConfig
from orientation.booking.slots import is_open_day
from orientation.booking.store import Booking, BookingStore
from orientation.booking.wording import describe_day


@dataclass(frozen=True)
class DayView:
    day: dt.date
    label: str  # « jeudi 14 octobre 2021 »
    bookings: List[Booking]
    open: bool  # the advisors take calls that day


def parse_day(text: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat((text or "").strip())
    except ValueError:
        return None


def visible(bookings: Iterable[Booking], config: BookingConfig, now: dt.datetime) -> List[Booking]:
    """Bookings whose personal data may still be shown: the purge deletes them `retention_days`
    after the end of the appointment, and the page must not show them even before it runs."""
    keep_until = dt.timedelta(days=config.retention_days)
    return [b for b in bookings if b.end + keep_until > now]


def day_view(store: BookingStore, day: dt.date, now: dt.datetime) -> DayView:
    config = store.config
    return DayView(day, describe_day(day), visible(store.agenda(day), config, now), is_open_day(config, day))


def week_views(store: BookingStore, monday: dt.date, now: dt.datetime) -> List[DayView]:
    """Monday to Sunday; days closed and without booking are left out."""
    views = [day_view(store, monday + dt.timedelta(days=n), now) for n in range(7)]
    return [view for view in views if view.open or view.bookings]
