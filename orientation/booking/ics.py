"""An iCalendar (RFC 5545) invitation for bookings, to add them to any agenda, written by the
`icalendar` library (escaping, folding at 75 octets, CRLF).

Agendas (Outlook, Gmail) apply a cancellation or a move only when the event names its ORGANIZER,
keeps its UID (the booking's reference) and has a higher SEQUENCE than the copy they hold: the
sequence is the booking's own counter (store: 0 when made, +1 at each move), a cancellation one more.
Times are in UTC, so no VTIMEZONE is needed.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import unicodedata
from typing import Iterable, Optional

from icalendar import Calendar, Event, vCalAddress, vText

from orientation.booking.store import Booking
from orientation.language import french
from orientation.settings import get_mail_settings

PRODID = "-//DINUM//Orientation France Relance//FR"
UID_DOMAIN = "orientation-france-relance"
ORGANIZER_NAME = "DINUM — France Relance"


def title(minutes: int) -> str:
    return f"Échange de {french.minutes(minutes)} avec un conseiller de la DINUM"


def _plain(text: str) -> str:
    """Control characters out (line breaks kept): an .ics may not carry them."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc")


def _name(text: str) -> str:
    """A CN parameter: no double quote nor control character (they cannot be quoted)."""
    return " ".join("".join(c for c in text if c != '"' and unicodedata.category(c) != "Cc").split())


def description(booking: Booking, contact: Optional[str] = None) -> str:
    parts = [f"Référence du rendez-vous : {booking.reference}",
             f"Le conseiller vous contactera à l'adresse {booking.email}."]
    if booking.summary.strip():
        parts.append(f"Résumé transmis au conseiller :\n{booking.summary.strip()}")
    if contact:
        parts.append(contact)
    return "\n\n".join(parts)


def organizer_address() -> str:
    """The address the e-mails come from (ORIENTATION_MAIL_FROM): the organiser agendas expect."""
    try:
        sender = get_mail_settings().sender
    except ValueError:  # a wrong setting: the default sender, as the mail module does
        sender = ""
    return email.utils.parseaddr(sender)[1] or "ne-pas-repondre@orientation-france-relance.invalid"


def event(booking: Booking, stamp: dt.datetime, contact: Optional[str] = None, cancelled: bool = False,
          organizer: Optional[str] = None) -> Event:
    item = Event()
    item.add("uid", f"{booking.reference}@{UID_DOMAIN}")
    item.add("dtstamp", stamp.astimezone(dt.timezone.utc))
    item.add("dtstart", booking.start.astimezone(dt.timezone.utc))
    item.add("dtend", booking.end.astimezone(dt.timezone.utc))
    item.add("summary", title(booking.minutes))
    item.add("description", _plain(description(booking, contact)))
    boss = vCalAddress(f"mailto:{organizer or organizer_address()}")
    boss.params["cn"] = vText(ORGANIZER_NAME)
    item.add("organizer", boss, encode=0)
    attendee = vCalAddress(f"mailto:{booking.email}")
    attendee.params["cn"] = vText(_name(booking.name))
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    item.add("attendee", attendee, encode=0)
    # A move or a cancellation replaces the event of the same UID only with a higher sequence.
    item.add("sequence", booking.sequence + (1 if cancelled else 0))
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    item.add("transp", "OPAQUE")
    return item


def calendar_text(bookings: Iterable[Booking], stamp: Optional[dt.datetime] = None,
                  contact: Optional[str] = None, cancelled: bool = False, organizer: Optional[str] = None) -> str:
    """A VCALENDAR with one VEVENT per booking (none for an empty day), CRLF line ends;
    `cancelled`: METHOD:CANCEL, which removes the events from the agenda they were added to."""
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    organizer = organizer or organizer_address()
    for booking in bookings:
        calendar.add_component(event(booking, stamp, contact, cancelled, organizer))
    return calendar.to_ical().decode("utf-8")


def booking_ics(booking: Booking, contact: Optional[str] = None, stamp: Optional[dt.datetime] = None,
                cancelled: bool = False) -> str:
    """The invitation for one booking (or its cancellation); `contact` is config.contact, added to the description."""
    return calendar_text([booking], stamp, contact, cancelled)
