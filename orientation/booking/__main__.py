"""The advisors' command line, in French.

    python -m orientation.booking agenda --date 2021-10-14                 # the day, with the summaries
    python -m orientation.booking agenda --date 2021-10-14 --format csv --output agenda.csv
    python -m orientation.booking agenda --date 2021-10-14 --format ics --output agenda.ics
    python -m orientation.booking purge                                    # personal data past retention
    python -m orientation.booking creneaux                                 # next free slots (checks the config)
    python -m orientation.booking envoyer-courriels                        # e-mails the SMTP server refused before

Every command takes --database-url (default: $ORIENTATION_DATABASE_URL, else var/orientation.db).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import List, Optional

from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from orientation.booking import mail
from orientation.booking.agenda import agenda_csv, agenda_text
from orientation.booking.config import BookingConfigError
from orientation.booking.ics import calendar_text
from orientation.booking.retention import purge_conversations, retention_days
from orientation.booking.slots import PARIS, free_slots
from orientation.booking.store import BookingStore
from orientation.booking.wording import describe_slot
from orientation.cli import FrenchHelp, FrenchParser, french_argparse
from orientation.keyed_hash import rotate_key
from orientation.settings import SettingsError, get_mail_settings


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"date « {text} » illisible : format attendu AAAA-MM-JJ, "
                                         "par exemple 2021-10-14") from None


def parse_moment(text: str) -> dt.datetime:
    """An ISO date-time; without offset it is Paris time; a date alone is midnight in Paris."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"instant « {text} » illisible : format attendu AAAA-MM-JJ ou "
                                         "AAAA-MM-JJTHH:MM (heure de Paris), ou avec décalage "
                                         "2021-10-14T10:00+02:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=PARIS)


def positive(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"« {text} » : un nombre entier positif est attendu")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(prog="python -m orientation.booking", formatter_class=FrenchHelp,
                          description="Agenda des conseillers DINUM : rendez-vous du jour, créneaux libres et "
                                      "suppression des données personnelles.")
    database_help = ("base de données SQLAlchemy (défaut : ORIENTATION_DATABASE_URL, sinon le fichier SQLite "
                     "var/orientation.db)")
    parser.add_argument("--database-url", metavar="URL", help=database_help)
    # Accepted after the command too ("agenda --database-url …"); SUPPRESS keeps the global value otherwise.
    database = FrenchParser(add_help=False)
    database.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS, help=database_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE", parser_class=FrenchParser)

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=description, parents=[database],
                                   formatter_class=FrenchHelp)

    agenda = command("agenda", "les rendez-vous d'une journée, avec les résumés",
                     "Les rendez-vous d'une journée (heure de Paris) : heure, référence, nom, organisation, "
                     "adresse et résumé.")
    agenda.add_argument("--date", type=parse_date, metavar="AAAA-MM-JJ", help="le jour (défaut : aujourd'hui)")
    agenda.add_argument("--format", choices=("text", "csv", "ics"), default="text",
                        help="text (lecture), csv (tableur) ou ics (agenda) ; défaut : text")
    agenda.add_argument("--output", type=Path, metavar="FICHIER", help="fichier à écrire (défaut : l'écran)")
    purge = command("purge", "supprime les rendez-vous et les conversations passés depuis plus que leur durée "
                             "de conservation, avec leurs données personnelles",
                    "Supprime les rendez-vous terminés depuis plus de retention_days jours (config/booking.yml), "
                    "avec leurs données personnelles, et les conversations dont le dernier message date de plus "
                    "de retention_days jours (config/conversations.yml). À lancer chaque jour.")
    purge.add_argument("--now", type=parse_moment, metavar="INSTANT",
                       help="instant de référence, AAAA-MM-JJ[THH:MM] heure de Paris (défaut : maintenant)")
    slots = command("creneaux", "les prochains créneaux libres (vérifie aussi la configuration)",
                    "Les prochains créneaux libres, tels que proposés aux usagers.")
    slots.add_argument("--nombre", type=positive, default=10, metavar="N", help="combien (défaut : 10)")
    slots.add_argument("--now", type=parse_moment, metavar="INSTANT",
                       help="à partir de quel instant, AAAA-MM-JJ[THH:MM] heure de Paris (défaut : maintenant)")
    send = command("envoyer-courriels", "envoie les courriels de rendez-vous restés en attente",
                   "Envoie les courriels de rendez-vous qui n'ont pas pu partir (serveur SMTP injoignable), par "
                   "ORIENTATION_SMTP_URL, chacun quand son délai d'attente (1, 2, 4… minutes, 6 heures au plus) "
                   "est passé. L'assistant les réessaie aussi à chaque nouveau courriel ; à lancer "
                   "régulièrement (par exemple toutes les 10 minutes) pour les jours sans réservation.")
    send.add_argument("--maintenant", action="store_true",
                      help="essaie tout de suite chaque courriel en attente, sans attendre son délai")
    return parser


def _first_line(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else error.__class__.__name__


def run(args: argparse.Namespace) -> int:
    store = BookingStore(args.database_url)
    try:
        config = store.config
        now = dt.datetime.now(dt.timezone.utc)
        if args.command == "purge":
            count = store.purge(args.now or now)
            print(f"{count} rendez-vous supprimé{'s' if count > 1 else ''} (conservation : "
                  f"{config.retention_days} jours après le rendez-vous).")
            rotate_key()  # the client addresses' hashes stored so far can no longer be linked to new ones
            count = purge_conversations(store.engine, args.now or now)
            print(f"{count} conversation{'s' if count > 1 else ''} supprimée{'s' if count > 1 else ''} "
                  f"(conservation : {retention_days()} jours après le dernier message).")
            return 0
        if args.command == "envoyer-courriels":
            return send_waiting_mail(store, args.maintenant)
        if args.command == "creneaux":
            found = free_slots(config, store, args.now or now, count=args.nombre)
            print("\n".join(describe_slot(start) for start in found) if found else
                  f"Aucun créneau libre dans les {config.horizon_days} prochains jours.")
            return 0
        day = args.date or now.astimezone(config.timezone).date()
        day_bookings = store.agenda(day)
        if args.format == "csv":
            text = agenda_csv(day_bookings)
        elif args.format == "ics":
            text = calendar_text(day_bookings, contact=config.contact)
        else:
            text = agenda_text(day_bookings, day)
        if not args.output:
            sys.stdout.write(text)
            return 0
        try:
            args.output.write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            print(f"Impossible d'écrire {args.output} : {error.strerror}.", file=sys.stderr)
            return 1
        print(f"{len(day_bookings)} rendez-vous du {day:%d/%m/%Y} écrits dans {args.output}.")
        return 0
    finally:
        store.close()


def send_waiting_mail(store: BookingStore, now: bool = False) -> int:
    """now: every waiting e-mail is tried at once, without waiting for its next try."""
    if get_mail_settings().smtp is None:
        print(f"{mail.SMTP_URL_ENV} n'est pas défini : aucun courriel ne peut partir "
              f"({mail.waiting(store)} en attente).", file=sys.stderr)
        return 1
    sent = mail.retry_outbox(store, wait=not now)
    left, failed = mail.waiting(store), len(mail.failed_mails(store))
    refused = (f", {failed} refusé{'s' if failed > 1 else ''} pour de bon (voir l'agenda des conseillers)"
               if failed else "")
    print(f"{sent} courriel{'s' if sent > 1 else ''} envoyé{'s' if sent > 1 else ''}, {left} en attente{refused}.")
    return 1 if left else 0


def main(argv: Optional[List[str]] = None) -> int:
    with french_argparse():
        parser = build_parser()
        args = parser.parse_args(argv)
    try:
        return run(args)
    except (BookingConfigError, SettingsError) as error:
        print(f"Configuration invalide : {error}", file=sys.stderr)
    except (ArgumentError, NoSuchModuleError) as error:
        print(f"Adresse de base de données invalide ({args.database_url or 'ORIENTATION_DATABASE_URL'}) : "
              f"{_first_line(error)}", file=sys.stderr)
    except OperationalError as error:
        print(f"Base de données injoignable : {_first_line(error)}", file=sys.stderr)
    except SQLAlchemyError as error:
        print(f"Erreur de la base de données : {_first_line(error)}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
