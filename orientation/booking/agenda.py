"""The advisors' view of the bookings: a French text agenda and a CSV export."""
from __future__ import annotations

import csv
import datetime as dt
import io
from itertools import groupby
from typing import Iterable, List, Optional

from orientation.booking.store import Booking
from orientation.booking.wording import describe_day, time_zone_text

CSV_COLUMNS = ["reference", "debut", "fin", "conseiller", "nom", "organisation", "email", "resume"]
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def agenda_text(bookings: Iterable[Booking], day: Optional[dt.date] = None) -> str:
    """The bookings day by day, in time order: time, reference, advisor, name, organisation,
    email, then the summary indented. `day` names the day when there is no booking."""
    ordered: List[Booking] = sorted(bookings, key=lambda b: (b.start, b.advisor_slot))
    if not ordered:
        return f"Aucun rendez-vous le {describe_day(day)}.\n" if day else "Aucun rendez-vous.\n"
    lines: List[str] = []
    for local_day, of_day in groupby(ordered, key=lambda b: b.start.date()):
        of_day = list(of_day)
        count = f"{len(of_day)} rendez-vous"
        lines += [f"Rendez-vous du {describe_day(local_day)} ({count}, {time_zone_text()}) :", ""]
        for booking in of_day:
            lines.append(f"{booking.start:%H:%M}–{booking.end:%H:%M}  {booking.reference}  "
                         f"conseiller {booking.advisor_slot + 1}")
            lines.append(f"  {booking.name} — {booking.organisation} — {booking.email}")
            lines += ["  " + line if line.strip() else "" for line in booking.summary.splitlines()]
            lines.append("")
    return "\n".join(lines)


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def agenda_csv(bookings: Iterable[Booking]) -> str:
    """One row per booking (columns CSV_COLUMNS), comma-separated, RFC 4180 quoting and CRLF, in
    time order; times ISO 8601 with the Paris offset; advisor numbered from 1."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for b in sorted(bookings, key=lambda b: (b.start, b.advisor_slot)):
        writer.writerow([b.reference, b.start.isoformat(), b.end.isoformat(), b.advisor_slot + 1, _cell(b.name),
                         _cell(b.organisation), _cell(b.email), _cell(b.summary)])
    return out.getvalue()
