"""The booking's services as the action server reaches them: one store (one connection pool) per
process, the clock, and the e-mail sent off the event loop. The booking modules call them through
this module, so that tests can replace the store and the clock in one place."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from functools import lru_cache
from typing import Optional

from orientation.booking import mail
from orientation.booking.store import Booking, BookingStore

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def store() -> BookingStore:
    """One store (one connection pool) per action-server process; the URL comes from the environment."""
    return BookingStore()


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


async def send_mail(event: str, booking: Booking, previous: Optional[Booking] = None) -> str:
    """mail.send_booking_mail in a worker thread: a slow mail server does not hold the other conversations."""
    try:
        return await asyncio.get_running_loop().run_in_executor(
            None, lambda: mail.send_booking_mail(event, booking, store(), previous=previous))
    except Exception as error:  # noqa: BLE001 - the booking is stored whatever happens to its e-mail
        # The error's type only: SMTP errors quote the recipients' addresses.
        log.error("booking %s: %s e-mail failed: %s", booking.reference, event, type(error).__name__)
        return mail.QUEUED
