"""Booking e-mails (contract §6): the user's confirmation with the .ics, and the advisors' notice.

    ORIENTATION_SMTP_URL        smtp://host:port, smtp+starttls://user:password@host:587,
                                smtps://user:password@host:465; unset: nothing is sent
    ORIENTATION_MAIL_FROM       the sender (default: DEFAULT_FROM)
    ORIENTATION_ADVISORS_EMAIL  where the advisors are told of each booking, move and cancellation

Each message is sent on its own. One that cannot be sent is kept in the outbox table of the
bookings database and retried on its own with a growing delay (1, 2, 4… minutes, at most 6 hours):
by the action server before each later sending, and by `python -m orientation.booking
envoyer-courriels` (cron, when nobody books). An address the server refuses for good (a 5xx
answer) is marked failed at once, its text dropped, and shown in the advisors' agenda with the
booking's reference; it never holds back the other messages. The booking is stored before any
sending, so a mail server down never loses it.

The logs name booking references, never e-mail addresses (personal data).
"""
from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import sqlalchemy as sa

from orientation.booking.ics import booking_ics
from orientation.booking.local_time import LocalZone, describe_when
from orientation.booking.store import Booking, BookingStore, outbox
from orientation.booking.wording import describe_slot
from orientation.language import french
from orientation.settings import MailSettings, SmtpSettings, get_mail_settings

log = logging.getLogger(__name__)

SMTP_URL_ENV = MailSettings.variable("smtp")
FROM_ENV = MailSettings.variable("sender")
ADVISORS_ENV = MailSettings.variable("advisors_email")
DEFAULT_FROM = MailSettings.default("sender")
EVENTS = ("confirmation", "deplacement", "annulation")
TIMEOUT_SECONDS = 10
SENT, QUEUED, REFUSED, DISABLED = "sent", "queued", "refused", "disabled"
PENDING, FAILED = "pending", "failed"  # outbox statuses
FIRST_DELAY = dt.timedelta(minutes=1)
LONGEST_DELAY = dt.timedelta(hours=6)
Attachment = Tuple[bytes, str, str]  # data, file name, media type
MAX_ATTEMPTS = 20  # about four days of tries, then the message is marked failed

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


def user_body(event: str, booking: Booking, previous: Optional[Booking] = None,
              local: Optional[LocalZone] = None) -> str:
    """`local`: the user's zone when overseas: each time is said in Paris and there."""
    when = describe_when(booking.start, local)
    lines = [f"Bonjour {booking.name},", ""]
    if event == "confirmation":
        lines.append(f"Votre rendez-vous de {french.minutes(booking.minutes)} avec un conseiller de la DINUM est "
                     f"confirmé : {when}. Le conseiller aura lu le résumé de votre dossier.")
    elif event == "deplacement":
        before = f", au lieu du {describe_slot(previous.start)}" if previous else ""
        lines.append(f"Votre rendez-vous avec un conseiller de la DINUM est déplacé : {when}{before}.")
    else:
        lines.append(f"Votre rendez-vous du {when} avec un conseiller de la DINUM est annulé, et vos données "
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


def advisor_body(event: str, booking: Booking, previous: Optional[Booking] = None,
                 local: Optional[LocalZone] = None) -> str:
    """`local`: the user's zone when overseas, so that the advisor knows the hour it is for them."""
    what = {"confirmation": "Nouveau rendez-vous", "deplacement": "Rendez-vous déplacé",
            "annulation": "Rendez-vous annulé"}[event]
    lines = [f"{what} : {booking.reference}, {describe_when(booking.start, local)}, "
             f"conseiller {booking.advisor_slot + 1}."]
    if event == "deplacement" and previous:
        lines.append(f"Il était prévu le {describe_slot(previous.start)}.")
    lines += [f"Usager : {booking.name} — {booking.organisation} — {booking.email}", ""]
    if booking.summary.strip():
        lines += ["Résumé du dossier :", booking.summary.strip()]
    return "\n".join(lines) + "\n"


def _attach(message: EmailMessage, attachments: Sequence[Attachment]) -> None:
    for data, filename, media_type in attachments:
        maintype, _, subtype = media_type.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)


def compose(event: str, booking: Booking, sender: str, advisors: Optional[str], contact: Optional[str] = None,
            previous: Optional[Booking] = None, local: Optional[LocalZone] = None,
            attachments: Sequence[Attachment] = ()) -> List[EmailMessage]:
    """The user's message (with the .ics: PUBLISH, or CANCEL for a cancellation), then the
    advisors' notice with the case summary when their address is known; both carry `attachments`
    (the « fiche projet » of a confirmation or a move)."""
    if event not in EVENTS:
        raise ValueError(f"unknown booking e-mail event {event!r}; one of {EVENTS}")
    cancelled = event == "annulation"
    when = describe_slot(booking.start)
    user = _message(sender, booking.email, f"{SUBJECTS[event]} : {when} ({booking.reference})",
                    user_body(event, booking, previous, local))
    _ics_attachment(user, booking, cancelled, contact)
    _attach(user, attachments)
    messages = [user]
    if advisors:
        notice = _message(sender, advisors, f"{ADVISOR_SUBJECTS[event]} {booking.reference} : {when} — "
                                            f"{booking.organisation}", advisor_body(event, booking, previous, local))
        _ics_attachment(notice, booking, cancelled, contact)
        _attach(notice, attachments)
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


def _deliver(settings: SmtpSettings, message: EmailMessage) -> None:
    """One message on its own connection: one refused recipient never holds back another message."""
    with _connect(settings) as server:
        server.send_message(message)


def _refused_for_good(error: Exception) -> Optional[str]:
    """The SMTP code when the server refused this message for good (a 5xx answer to its recipient or
    its content), else None: a failure to retry later. Never the server's text: it quotes the address."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return str(codes[0]) if codes and all(code >= 500 for code in codes) else None
    if isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500:
        return str(error.smtp_code)
    return None


def _server_unreachable(error: Exception) -> bool:
    """The server did not take the connection: the other messages would fail the same way now."""
    if isinstance(error, (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected)):
        return True
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)  # SMTPException is an OSError


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def backoff(attempts: int) -> dt.timedelta:
    """Wait before the next try after `attempts` failed ones: 1, 2, 4… minutes, at most 6 hours."""
    return min(FIRST_DELAY * 2 ** max(0, attempts - 1), LONGEST_DELAY)


def _describe(error: Exception) -> str:
    """The error's type and SMTP code, for the logs and the agenda (its text may quote the address)."""
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        code = next(iter(error.recipients.values()))[0]
    return f"{type(error).__name__} {code}" if code else type(error).__name__


def _keep(store: BookingStore, reference: str, message: EmailMessage, recipient: str, error: Exception,
          now: dt.datetime) -> str:
    """Stores a message that did not leave: FAILED (refused for good, body dropped) or QUEUED."""
    code = _refused_for_good(error)
    values = {"reference": reference, "attempts": 1, "created_at": _naive(now), "recipient": recipient,
              "last_error": _describe(error)[:200]}
    if code:
        values.update(message="", status=FAILED)
    else:
        values.update(message=message.as_string(), status=PENDING, next_attempt_at=_naive(now + backoff(1)))
    with store.engine.begin() as connection:
        connection.execute(outbox.insert().values(**values))
    return REFUSED if code else QUEUED


def retry_outbox(store: BookingStore, environ: Optional[Mapping[str, str]] = None,
                 now: Optional[dt.datetime] = None, wait: bool = True) -> int:
    """Sends the kept e-mails that are due (all of them when `wait` is False), oldest first; returns
    how many left. Each is tried on its own: a refused address is marked failed and the others go on;
    the round stops only when the server itself cannot be reached. Nothing when SMTP is unset."""
    settings = get_mail_settings(environ).smtp
    if settings is None:
        return 0
    now = now or _utc_now()
    query = sa.select(outbox).where(sa.or_(outbox.c.status.is_(None), outbox.c.status == PENDING))
    if wait:
        query = query.where(sa.or_(outbox.c.next_attempt_at.is_(None), outbox.c.next_attempt_at <= _naive(now)))
    with store.engine.connect() as connection:
        due = list(connection.execute(query.order_by(outbox.c.id)))
    sent = 0
    for row in due:
        message = email.message_from_string(row.message, policy=email.policy.SMTP)
        try:
            _deliver(settings, message)
        except (OSError, smtplib.SMTPException) as error:
            attempts = row.attempts + 1
            failed = _refused_for_good(error) is not None or attempts >= MAX_ATTEMPTS
            values: Dict[str, Any] = {"attempts": attempts, "last_error": _describe(error)[:200]}
            if failed:
                values.update(status=FAILED, message="")  # nothing more to send: no personal data kept
            else:
                values.update(next_attempt_at=_naive(now + backoff(attempts)))
            with store.engine.begin() as connection:
                connection.execute(outbox.update().where(outbox.c.id == row.id).values(**values))
            log.warning("booking %s: e-mail to the %s %s (attempt %d): %s", row.reference, row.recipient or "?",
                        "given up" if failed else "still not sent", attempts, values["last_error"])
            if _server_unreachable(error):
                break  # the server is down: the others wait for their own next try
            continue
        with store.engine.begin() as connection:
            connection.execute(outbox.delete().where(outbox.c.id == row.id))
        sent += 1
        log.info("booking %s: e-mail sent from the outbox", row.reference)
    return sent


def waiting(store: BookingStore) -> int:
    """How many e-mails wait in the outbox for another try."""
    with store.engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(outbox).where(
            sa.or_(outbox.c.status.is_(None), outbox.c.status == PENDING))).scalar()


@dataclass(frozen=True)
class FailedMail:
    """An e-mail the server refused for good (or given up after MAX_ATTEMPTS), for the agenda."""
    reference: str
    recipient: str  # "usager" or "conseillers"
    created_at: dt.datetime  # aware UTC
    error: str


def failed_mails(store: BookingStore) -> List[FailedMail]:
    """The e-mails that will never leave, newest first (the purge deletes them after the retention)."""
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(outbox).where(outbox.c.status == FAILED)
                                  .order_by(outbox.c.created_at.desc(), outbox.c.id.desc()))
        return [FailedMail(row.reference, row.recipient or "usager", row.created_at.replace(tzinfo=dt.timezone.utc),
                           row.last_error or "") for row in rows]


def send_booking_mail(event: str, booking: Booking, store: BookingStore, *, previous: Optional[Booking] = None,
                      environ: Optional[Mapping[str, str]] = None, now: Optional[dt.datetime] = None,
                      local: Optional[LocalZone] = None, attachments: Sequence[Attachment] = ()) -> str:
    """Tells the user and the advisors of a booking event; the booking is already stored (or, for a
    cancellation, already deleted: `booking` is what it was).

    event: "confirmation", "deplacement" (previous: the booking before the move) or "annulation".
    store: where the outbox lives (the bookings database).
    environ: the variables to read (default os.environ, see orientation/settings.py).
    local: the user's zone when overseas (the user's e-mail gives the time there too).
    attachments: (bytes, file name, media type) added to both messages (the « fiche projet »).
    Returns, about the user's own e-mail: SENT (it left), QUEUED (it did not: kept in the outbox and
    retried with backoff), REFUSED (the server refused the address for good: never retried) or
    DISABLED (ORIENTATION_SMTP_URL unset: nothing sent, nothing kept). Never raises for a mail server failure.
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
    now = now or _utc_now()
    messages = compose(event, booking, mail_settings.sender, mail_settings.advisors_email,
                       store.config.contact, previous, local, attachments)
    if not mail_settings.advisors_email:
        log.warning("booking %s: %s unset, the advisors are not told", booking.reference, ADVISORS_ENV)
    retry_outbox(store, environ, now)  # older e-mails that are due
    outcome = SENT
    for number, message in enumerate(messages):
        recipient = "usager" if number == 0 else "conseillers"
        try:
            _deliver(settings, message)
        except (OSError, smtplib.SMTPException) as error:
            status = _keep(store, booking.reference, message, recipient, error, now)
            log.warning("booking %s: %s e-mail to the %s %s: %s", booking.reference, event, recipient,
                        "refused for good" if status == REFUSED else "not sent, kept to retry", _describe(error))
            if number == 0:
                outcome = status  # what the user is told is about their own e-mail
            continue
        log.info("booking %s: %s e-mail to the %s sent", booking.reference, event, recipient)
    return outcome
