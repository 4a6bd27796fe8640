"""The advisors' command line.

    python -m actions.booking agenda --date 2021-10-14                 # the day, with the summaries
    python -m actions.booking agenda --date 2021-10-14 --format csv --output agenda.csv
    python -m actions.booking agenda --date 2021-10-14 --format ics --output agenda.ics
    python -m actions.booking purge                                    # personal data past retention
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from pathlib import Path
from typing import List, Optional

from actions.booking.calendar import describe_slot
from actions.booking.config import BookingConfigError
from actions.booking.ics import calendar_text
from actions.booking.store import Booking, BookingStore

CSV_COLUMNS = ["reference", "debut", "fin", "conseiller", "nom", "organisation", "email", "resume"]


def agenda_text(day: dt.date, day_bookings: List[Booking]) -> str:
    title = describe_slot(dt.datetime.combine(day, dt.time()), short=False).split(",")[0]
    if not day_bookings:
        return f"Aucun rendez-vous le {title}.\n"
    lines = [f"Rendez-vous du {title} ({len(day_bookings)}) :", ""]
    for booking in day_bookings:
        lines.append(f"{booking.start:%H:%M}–{booking.end:%H:%M}  {booking.reference}  conseiller {booking.advisor_slot + 1}")
        lines.append(f"  {booking.name} — {booking.organisation} — {booking.email}")
        lines += ["  " + line for line in booking.summary.splitlines()]
        lines.append("")
    return "\n".join(lines)


def agenda_csv(day_bookings: List[Booking]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for b in day_bookings:
        writer.writerow([b.reference, b.start.isoformat(), b.end.isoformat(), b.advisor_slot + 1, b.name,
                         b.organisation, b.email, b.summary])
    return out.getvalue()


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date « {text} » illisible : format attendu AAAA-MM-JJ")


def parse_moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"instant « {text} » illisible : format attendu AAAA-MM-JJTHH:MM+01:00")
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m actions.booking",
                                     description="Agenda des conseillers DINUM et suppression des données.")
    parser.add_argument("--database-url", help="base de données (défaut : ORIENTATION_DATABASE_URL, sinon "
                                               "le fichier SQLite var/orientation.db)")
    commands = parser.add_subparsers(dest="command", required=True)
    agenda = commands.add_parser("agenda", help="les rendez-vous d'une journée, avec les résumés")
    agenda.add_argument("--date", type=parse_date, default=dt.date.today(), help="AAAA-MM-JJ (défaut : aujourd'hui)")
    agenda.add_argument("--format", choices=("text", "csv", "ics"), default="text")
    agenda.add_argument("--output", type=Path, help="fichier à écrire (défaut : la sortie standard)")
    purge = commands.add_parser("purge", help="supprime les rendez-vous passés depuis plus que la durée de conservation")
    purge.add_argument("--now", type=parse_moment, default=None, help="instant de référence (défaut : maintenant)")
    args = parser.parse_args(argv)
    try:
        store = BookingStore(args.database_url)
        if args.command == "purge":
            count = store.purge(args.now or dt.datetime.now(dt.timezone.utc))
            print(f"{count} rendez-vous supprimé{'s' if count > 1 else ''} (conservation : "
                  f"{store.config.retention_days} jours après le rendez-vous).")
            return 0
        day_bookings = store.agenda(args.date)
    except BookingConfigError as error:
        print(f"Configuration invalide : {error}", file=sys.stderr)
        return 2
    text = {"text": lambda: agenda_text(args.date, day_bookings), "csv": lambda: agenda_csv(day_bookings),
            "ics": lambda: calendar_text(day_bookings)}[args.format]()
    if args.output:
        args.output.write_text(text, encoding="utf-8", newline="")
        print(f"{len(day_bookings)} rendez-vous écrits dans {args.output}.")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
