"""An iCalendar (RFC 5545) invitation for bookings, to add them to any agenda.

Written by hand (a few lines; no iCalendar library comes with Rasa): TEXT values escaped
(§3.3.11), content lines folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF
line ends, times in UTC with a Z (§3.3.5), so no VTIMEZONE is needed.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Iterable, List, Optional

from orientation.booking.store import Booking
from orientation.language import french

PRODID = "-//DINUM//Orientation France Relance//FR"
UID_DOMAIN = "orientation-france-relance"


def title(minutes: int) -> str:
    return f"Échange de {french.minutes(minutes)} avec un conseiller de la DINUM"


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n, other controls dropped."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc")
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space (RFC 5545 §3.1), never inside a character."""
    parts: List[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not parts else 74  # a continuation line starts with the space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _param(value: str) -> str:
    """A quoted parameter value (CN): no double quote nor control character allowed inside."""
    return '"' + "".join(c for c in value if c != '"' and unicodedata.category(c) != "Cc") + '"'


def description(booking: Booking, contact: Optional[str] = None) -> str:
    parts = [f"Référence du rendez-vous : {booking.reference}",
             f"Le conseiller vous contactera à l'adresse {booking.email}."]
    if booking.summary.strip():
        parts.append(f"Résumé transmis au conseiller :\n{booking.summary.strip()}")
    if contact:
        parts.append(contact)
    return "\n\n".join(parts)


def event_lines(booking: Booking, stamp: dt.datetime, contact: Optional[str] = None,
                cancelled: bool = False) -> List[str]:
    return ["BEGIN:VEVENT",
            f"UID:{booking.reference}@{UID_DOMAIN}",
            f"DTSTAMP:{_utc(stamp)}",
            f"DTSTART:{_utc(booking.start)}",
            f"DTEND:{_utc(booking.end)}",
            f"SUMMARY:{escape_text(title(booking.minutes))}",
            f"DESCRIPTION:{escape_text(description(booking, contact))}",
            f"ATTENDEE;CN={_param(booking.name)};ROLE=REQ-PARTICIPANT:mailto:{booking.email}",
            # A move or a cancellation replaces the event of the same UID in the user's agenda.
            f"SEQUENCE:{int(stamp.timestamp())}",
            "STATUS:CANCELLED" if cancelled else "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
            "END:VEVENT"]


def calendar_text(bookings: Iterable[Booking], stamp: Optional[dt.datetime] = None,
                  contact: Optional[str] = None, cancelled: bool = False) -> str:
    """A VCALENDAR with one VEVENT per booking (none for an empty day), CRLF line ends;
    `cancelled`: METHOD:CANCEL, which removes the events from the agenda they were added to."""
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:CANCEL" if cancelled else "METHOD:PUBLISH"]
    for booking in bookings:
        lines += event_lines(booking, stamp, contact, cancelled)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def booking_ics(booking: Booking, contact: Optional[str] = None, stamp: Optional[dt.datetime] = None,
                cancelled: bool = False) -> str:
    """The invitation for one booking (or its cancellation); `contact` is config.contact, added to the description."""
    return calendar_text([booking], stamp, contact, cancelled)
