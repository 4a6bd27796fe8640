"""The booking's services as the action server reaches them: one store (one connection pool) per
process, the clock, and the e-mail sent off the event loop. The booking modules call them through
this module, so that tests can replace the store and the clock in one place."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from functools import lru_cache
from typing import List, Optional, Set

from orientation.booking import mail
from orientation.booking.local_time import LocalZone
from orientation.booking.retention import scrub_booking
from orientation.booking.store import Booking, BookingStore
from orientation.fiche.booked import booking_pdf
from orientation.fiche.render import MEDIA_TYPE

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def store() -> BookingStore:
    """One store (one connection pool) per action-server process; the URL comes from the environment."""
    return BookingStore()


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def fiche_attachments(event: str, booking: Booking) -> List[mail.Attachment]:
    """The « fiche projet » for a confirmation or a move; none for a cancellation, nor when it cannot
    be made (the e-mail leaves all the same)."""
    if event == "annulation":
        return []
    try:
        data, name = booking_pdf(booking)
    except Exception as error:  # noqa: BLE001 - the booking's e-mail matters more than its attachment
        log.error("booking %s: no fiche projet attached: %s", booking.reference, type(error).__name__)
        return []
    return [(data, name, MEDIA_TYPE)]


async def send_mail(event: str, booking: Booking, previous: Optional[Booking] = None,
                    local: Optional[LocalZone] = None) -> str:
    """mail.send_booking_mail in a worker thread: a slow mail server does not hold the other conversations.
    `local`: the user's zone when overseas, whose time the e-mail gives too."""
    try:
        return await asyncio.get_running_loop().run_in_executor(
            None, lambda: mail.send_booking_mail(event, booking, store(), previous=previous, local=local,
                                                 attachments=fiche_attachments(event, booking)))
    except Exception as error:  # noqa: BLE001 - the booking is stored whatever happens to its e-mail
        # The error's type only: SMTP errors quote the recipients' addresses.
        log.error("booking %s: %s e-mail failed: %s", booking.reference, event, type(error).__name__)
        return mail.QUEUED


# The turn that cancels is saved by the Rasa server after the action returns (the address typed in
# it included): the conversation is scrubbed once more after that.
SCRUB_AGAIN_AFTER = 3.0
_pending: Set[asyncio.Task] = set()


def scrub_after_the_turn(booking: Booking) -> None:
    """Scrubs the cancelled booking's name, e-mail and organisation from the stored conversations
    again, SCRUB_AGAIN_AFTER seconds from now, off the event loop."""
    async def later() -> None:
        await asyncio.sleep(SCRUB_AGAIN_AFTER)
        try:
            await asyncio.get_running_loop().run_in_executor(
                None, scrub_booking, store().engine, (booking.name, booking.organisation, booking.email), booking.email)
        except Exception as error:  # noqa: BLE001 - the store scrubbed once already; said in the logs
            log.error("booking %s: second scrub failed: %s", booking.reference, type(error).__name__)
    task = asyncio.get_running_loop().create_task(later())
    _pending.add(task)
    task.add_done_callback(_pending.discard)
