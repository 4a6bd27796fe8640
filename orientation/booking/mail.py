"""Booking e-mails (contract §6): the user's confirmation with the .ics, and the advisors' notice.

    ORIENTATION_SMTP_URL        smtp://host:port, smtp+starttls://user:password@host:587,
                                smtps://user:password@host:465; unset: nothing is sent
    ORIENTATION_MAIL_FROM       the sender (default: DEFAULT_FROM)
    ORIENTATION_ADVISORS_EMAIL  where the advisors are told of each booking, move and cancellation

A message that cannot be sent is kept in the outbox table of the bookings database and retried:
by the action server before each later sending (no scheduler needed), and by
`python -m orientation.booking envoyer-courriels` (cron or supervisor, when nobody books). The booking
is stored before any sending, so a mail server down never loses it.

The logs name booking references, never e-mail addresses (personal data).
"""
from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import logging
import smtplib
import ssl
from email.message import EmailMessage
from typing import List, Mapping, Optional

import sqlalchemy as sa

from orientation.booking.ics import booking_ics
from orientation.booking.store import Booking, BookingStore, outbox
from orientation.booking.wording import describe_slot, time_zone_text
from orientation.language import french
from orientation.settings import MailSettings, SmtpSettings, get_mail_settings

log = logging.getLogger(__name__)

SMTP_URL_ENV = MailSettings.variable("smtp")
FROM_ENV = MailSettings.variable("sender")
ADVISORS_ENV = MailSettings.variable("advisors_email")
DEFAULT_FROM = MailSettings.default("sender")
EVENTS = ("confirmation", "deplacement", "annulation")
TIMEOUT_SECONDS = 10
SENT, QUEUED, DISABLED = "sent", "queued", "disabled"

SUBJECTS = {"confirmation": "Votre rendez-vous avec la DINUM est confirmé",
            "deplacement": "Votre rendez-vous avec la DINUM est déplacé",
            "annulation": "Votre rendez-vous avec la DINUM est annulé"}
ADVISOR_SUBJECTS = {"confirmation": "Nouveau rendez-vous", "deplacement": "Rendez-vous déplacé",
                    "annulation": "Rendez-vous annulé"}


def _ics_attachment(message: EmailMessage, booking: Booking, cancelled: bool, contact: Optional[str]) -> None:
    text = booking_ics(booking, contact=contact, cancelled=cancelled)
    message.add_attachment(text.encode("utf-8"), maintype="text", subtype="calendar",
                           filename=f"rendez-vous-dinum-{booking.reference}.ics",
                           params={"method": "CANCEL" if cancelled else "PUBLISH", "charset": "utf-8"})


def _message(sender: str, recipient: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = email.utils.formatdate(localtime=False)
    message["Message-ID"] = email.utils.make_msgid(domain="orientation-france-relance")
    message.set_content(body, charset="utf-8")
    return message


def user_body(event: str, booking: Booking, previous: Optional[Booking] = None) -> str:
    when, zone = describe_slot(booking.start), time_zone_text()
    lines = [f"Bonjour {booking.name},", ""]
    if event == "confirmation":
        lines.append(f"Votre rendez-vous de {french.minutes(booking.minutes)} avec un conseiller de la DINUM est "
                     f"confirmé : {when} ({zone}). Le conseiller aura lu le résumé de votre dossier.")
    elif event == "deplacement":
        before = f", au lieu du {describe_slot(previous.start)}" if previous else ""
        lines.append(f"Votre rendez-vous avec un conseiller de la DINUM est déplacé : {when} ({zone}){before}.")
    else:
        lines.append(f"Votre rendez-vous du {when} ({zone}) avec un conseiller de la DINUM est annulé, et vos données "
                     "personnelles sont supprimées.")
    lines += ["", f"Référence : {booking.reference}"]
    if event != "annulation":
        lines += ["", "L'invitation jointe (fichier .ics) ajoute ce rendez-vous à votre agenda. Pour le consulter, "
                      "le déplacer ou l'annuler, donnez cette référence et votre adresse électronique à l'assistant "
                      "France Relance."]
    else:
        lines += ["", "L'invitation jointe retire ce rendez-vous de votre agenda. Vous pouvez en demander un autre "
                      "à tout moment à l'assistant France Relance."]
    lines += ["", "Ce courriel est envoyé automatiquement : merci de ne pas y répondre.", "",
              "La DINUM, pour France Relance"]
    return "\n".join(lines) + "\n"


def advisor_body(event: str, booking: Booking, previous: Optional[Booking] = None) -> str:
    what = {"confirmation": "Nouveau rendez-vous", "deplacement": "Rendez-vous déplacé",
            "annulation": "Rendez-vous annulé"}[event]
    lines = [f"{what} : {booking.reference}, {describe_slot(booking.start)} ({time_zone_text()}), "
             f"conseiller {booking.advisor_slot + 1}."]
    if event == "deplacement" and previous:
        lines.append(f"Il était prévu le {describe_slot(previous.start)}.")
    lines += [f"Usager : {booking.name} — {booking.organisation} — {booking.email}", ""]
    if booking.summary.strip():
        lines += ["Résumé du dossier :", booking.summary.strip()]
    return "\n".join(lines) + "\n"


def compose(event: str, booking: Booking, sender: str, advisors: Optional[str], contact: Optional[str] = None,
            previous: Optional[Booking] = None) -> List[EmailMessage]:
    """The user's message (with the .ics: PUBLISH, or CANCEL for a cancellation), then the
    advisors' notice with the case summary when their address is known."""
    if event not in EVENTS:
        raise ValueError(f"unknown booking e-mail event {event!r}; one of {EVENTS}")
    cancelled = event == "annulation"
    when = describe_slot(booking.start)
    user = _message(sender, booking.email, f"{SUBJECTS[event]} : {when} ({booking.reference})",
                    user_body(event, booking, previous))
    _ics_attachment(user, booking, cancelled, contact)
    messages = [user]
    if advisors:
        notice = _message(sender, advisors, f"{ADVISOR_SUBJECTS[event]} {booking.reference} : {when} — "
                                            f"{booking.organisation}", advisor_body(event, booking, previous))
        _ics_attachment(notice, booking, cancelled, contact)
        messages.append(notice)
    return messages


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.scheme == "smtps":
        server: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT_SECONDS,
                                               context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
        if settings.scheme == "smtp+starttls":
            server.starttls(context=ssl.create_default_context())
    if settings.user:
        server.login(settings.user, settings.password or "")
    return server


def _deliver(settings: SmtpSettings, messages: List[EmailMessage]) -> None:
    """All the messages on one connection; OSError / SMTPException on failure."""
    with _connect(settings) as server:
        for message in messages:
            server.send_message(message)


def _keep(store: BookingStore, reference: str, messages: List[EmailMessage]) -> None:
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    with store.engine.begin() as connection:
        for message in messages:
            connection.execute(outbox.insert().values(reference=reference, message=message.as_string(),
                                                      attempts=1, created_at=now))


def retry_outbox(store: BookingStore, environ: Optional[Mapping[str, str]] = None) -> int:
    """Sends the e-mails kept in the outbox, oldest first; returns how many were sent. At the first
    failure the others stay for later (the server is down). Nothing when SMTP is unset."""
    settings = get_mail_settings(environ).smtp
    if settings is None:
        return 0
    with store.engine.connect() as connection:
        pending = list(connection.execute(sa.select(outbox).order_by(outbox.c.id)))
    sent = 0
    for row in pending:
        message = email.message_from_string(row.message, policy=email.policy.SMTP)
        try:
            _deliver(settings, [message])
        except (OSError, smtplib.SMTPException) as error:
            log.warning("booking %s: e-mail still not sent (attempt %d): %s", row.reference, row.attempts + 1,
                        type(error).__name__)
            with store.engine.begin() as connection:
                connection.execute(outbox.update().where(outbox.c.id == row.id).values(attempts=row.attempts + 1))
            break  # the server is still down: the others wait too
        with store.engine.begin() as connection:
            connection.execute(outbox.delete().where(outbox.c.id == row.id))
        sent += 1
        log.info("booking %s: e-mail sent from the outbox", row.reference)
    return sent


def waiting(store: BookingStore) -> int:
    """How many e-mails wait in the outbox."""
    with store.engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(outbox)).scalar()


def send_booking_mail(event: str, booking: Booking, store: BookingStore, *, previous: Optional[Booking] = None,
                      environ: Optional[Mapping[str, str]] = None) -> str:
    """Tells the user and the advisors of a booking event; the booking is already stored (or, for a
    cancellation, already deleted: `booking` is what it was).

    event: "confirmation", "deplacement" (previous: the booking before the move) or "annulation".
    store: where the outbox lives (the bookings database).
    environ: the variables to read (default os.environ, see orientation/settings.py).
    Returns SENT (the user's e-mail left), QUEUED (it did not: kept in the outbox, retried later) or DISABLED
    (ORIENTATION_SMTP_URL unset: nothing sent, nothing kept). Never raises for a mail server failure.
    """
    try:
        mail_settings = get_mail_settings(environ)
    except ValueError as error:  # a wrong setting must not break the booking: said in the logs
        log.error("booking %s: no e-mail: %s", booking.reference, error)
        return DISABLED
    settings = mail_settings.smtp
    if settings is None:
        log.info("booking %s: no e-mail for the %s (%s unset)", booking.reference, event, SMTP_URL_ENV)
        return DISABLED
    messages = compose(event, booking, mail_settings.sender, mail_settings.advisors_email,
                       store.config.contact, previous)
    if not mail_settings.advisors_email:
        log.warning("booking %s: %s unset, the advisors are not told", booking.reference, ADVISORS_ENV)
    retry_outbox(store, environ)  # older e-mails first, in order
    for number, message in enumerate(messages):
        try:
            if waiting(store):
                raise ConnectionError("older e-mails are still waiting")
            _deliver(settings, [message])
        except (OSError, smtplib.SMTPException) as error:
            # Only what has not left is kept: the user does not get the same e-mail twice.
            _keep(store, booking.reference, messages[number:])
            log.warning("booking %s: %s e-mail not sent, kept to retry: %s", booking.reference, event,
                        type(error).__name__)
            return QUEUED if number == 0 else SENT  # what the user is told is about their own e-mail
    log.info("booking %s: %s e-mail sent", booking.reference, event)
    return SENT
