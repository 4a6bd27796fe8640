"""An iCalendar (RFC 5545) invitation for a booking, to add it to any agenda."""
from __future__ import annotations

import datetime as dt

from actions.booking.store import Booking

TITLE = "Échange de 15 minutes avec un conseiller de la DINUM"


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space (RFC 5545 §3.1), never inside a character."""
    parts, current = [], ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def booking_event(booking: Booking, stamp: dt.datetime) -> list:
    return ["BEGIN:VEVENT",
            f"UID:{booking.reference}@orientation-france-relance",
            f"DTSTAMP:{_utc(stamp)}",
            f"DTSTART:{_utc(booking.start)}",
            f"DTEND:{_utc(booking.end)}",
            f"SUMMARY:{_escape(TITLE)}",
            f"DESCRIPTION:{_escape(f'Référence {booking.reference}. ' + booking.summary)}",
            f'ATTENDEE;CN="{booking.name.replace(chr(34), "")}":mailto:{booking.email}',
            "END:VEVENT"]


def calendar_text(bookings: list, stamp: dt.datetime = None) -> str:
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Orientation France Relance//FR", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    for booking in bookings:
        lines += booking_event(booking, stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def booking_ics(booking: Booking) -> str:
    return calendar_text([booking])
