"""Booking e-mails against a real local SMTP server: recipients, subject, French body, .ics, and
the outbox: retries with backoff, addresses refused for good."""
import datetime as dt
import logging
import re

import pytest
import sqlalchemy as sa

from orientation import settings
from orientation.booking import mail
from orientation.booking.store import outbox
from tests.booking.conftest import at
from tests.booking.test_store import book
from tests.french import nb
from tests.smtp_server import SmtpServer, attachment

ADVISORS = "conseillers@dinum.gouv.fr"
NOW = dt.datetime(2021, 10, 13, 8, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


def environ(smtp, **extra):
    return {mail.SMTP_URL_ENV: smtp.url, mail.FROM_ENV: "France Relance <ne-pas-repondre@dinum.gouv.fr>",
            mail.ADVISORS_ENV: ADVISORS, **extra}


def test_a_confirmation_reaches_the_user_with_the_ics_and_the_advisors_with_the_summary(store, smtp):
    booking = book(store)
    assert mail.send_booking_mail("confirmation", booking, store, environ=environ(smtp)) == mail.SENT
    [user] = smtp.inbox.to("marie.dupont@lyon.fr")
    assert user["To"] == "marie.dupont@lyon.fr" and "ne-pas-repondre@dinum.gouv.fr" in user["From"]
    assert user["Subject"] == nb(f"Votre rendez-vous avec la DINUM est confirmé : jeudi 14 octobre 2021, 10 h " \
                              f"({booking.reference})")
    body = user.get_body(("plain",)).get_content()
    assert "Bonjour Marie Dupont," in body and nb("est confirmé : jeudi 14 octobre 2021, 10 h") in body
    assert f"Référence : {booking.reference}" in body
    ics = attachment(user)
    assert ics.get_filename() == f"rendez-vous-dinum-{booking.reference}.ics"
    text = ics.get_content()
    assert "METHOD:PUBLISH" in text and "STATUS:CONFIRMED" in text and "DTSTART:20211014T080000Z" in text
    [notice] = smtp.inbox.to(ADVISORS)
    assert re.sub(r"\r?\n[ \t]+", " ", notice["Subject"]) == nb(f"Nouveau rendez-vous {booking.reference} : jeudi 14 octobre 2021, 10 h — " \
                                "Mairie de Lyon")
    summary = notice.get_body(("plain",)).get_content()
    assert "Marie Dupont — Mairie de Lyon — marie.dupont@lyon.fr" in summary and "Appels : TNT-COOP." in summary
    assert len(smtp.inbox.messages) == 2


def test_a_move_and_a_cancellation(store, smtp):
    before = book(store)
    after = store.move(before.reference, before.email, at((2021, 10, 14), 11, 0))
    assert mail.send_booking_mail("deplacement", after, store, previous=before, environ=environ(smtp)) == mail.SENT
    [moved] = smtp.inbox.to(before.email)
    assert moved["Subject"].startswith(nb("Votre rendez-vous avec la DINUM est déplacé : jeudi 14 octobre 2021, 11 h"))
    assert nb("au lieu du jeudi 14 octobre 2021, 10 h") in moved.get_body(("plain",)).get_content()
    assert "DTSTART:20211014T090000Z" in attachment(moved).get_content()
    store.cancel(after.reference, after.email)
    assert mail.send_booking_mail("annulation", after, store, environ=environ(smtp)) == mail.SENT
    cancelled = smtp.inbox.to(before.email)[-1]
    assert cancelled["Subject"].startswith("Votre rendez-vous avec la DINUM est annulé")
    assert "vos données personnelles sont supprimées" in cancelled.get_body(("plain",)).get_content()
    ics = attachment(cancelled).get_content()
    assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics and f"UID:{after.reference}@" in ics
    assert [m["Subject"].split(" ")[:2] for m in smtp.inbox.to(ADVISORS)] == [["Rendez-vous", "déplacé"],
                                                                            ["Rendez-vous", "annulé"]]


def test_without_smtp_url_nothing_is_sent_nor_kept(store, smtp):
    assert mail.send_booking_mail("confirmation", book(store), store, environ={}) == mail.DISABLED
    assert smtp.inbox.messages == []
    with store.engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(outbox)).scalar() == 0


def test_a_server_down_keeps_the_mails_and_they_leave_later_in_order(store, smtp, caplog):
    smtp.stop()
    first, second = book(store), book(store, email="b@lyon.fr", start=at((2021, 10, 14), 11, 0))
    with caplog.at_level(logging.INFO, logger="orientation.booking.mail"):
        assert mail.send_booking_mail("confirmation", first, store, environ=environ(smtp), now=NOW) == mail.QUEUED
    assert first.reference in caplog.text and "marie.dupont" not in caplog.text  # references, never addresses
    assert mail.retry_outbox(store, environ(smtp), now=NOW + dt.timedelta(minutes=2)) == 0
    smtp.start()
    # The next booking's sending sends the kept ones first, once their delay has passed.
    later = NOW + dt.timedelta(minutes=10)
    assert mail.send_booking_mail("confirmation", second, store, environ=environ(smtp), now=later) == mail.SENT
    assert [m["X-Envelope-To"] for m in smtp.inbox.messages] == [first.email, ADVISORS, second.email, ADVISORS]
    assert mail.retry_outbox(store, environ(smtp), now=later) == 0
    with store.engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(outbox)).scalar() == 0


def test_each_kept_mail_waits_longer_after_each_failure(store, smtp):
    smtp.stop()
    assert mail.send_booking_mail("confirmation", book(store), store, environ=environ(smtp), now=NOW) == mail.QUEUED

    def attempts():
        with store.engine.connect() as connection:
            return [row.attempts for row in connection.execute(sa.select(outbox).order_by(outbox.c.id))]
    assert attempts() == [1, 1]
    mail.retry_outbox(store, environ(smtp), now=NOW + dt.timedelta(seconds=50))
    assert attempts() == [1, 1]  # not due before one minute
    mail.retry_outbox(store, environ(smtp), now=NOW + dt.timedelta(seconds=61))
    assert attempts()[0] == 2  # tried again (the round stops at the first: the server is down)
    mail.retry_outbox(store, environ(smtp), now=NOW + dt.timedelta(seconds=61 + 100))
    assert attempts()[0] == 2  # the next delay is two minutes
    mail.retry_outbox(store, environ(smtp), now=NOW + dt.timedelta(seconds=61 + 121))
    assert attempts()[0] == 3
    assert mail.backoff(3) == dt.timedelta(minutes=4) and mail.backoff(30) == dt.timedelta(hours=6)


def test_an_address_refused_for_good_is_marked_failed_and_holds_back_no_other_mail(store, smtp, caplog):
    smtp.inbox.refused.add("inconnu@lyon.fr")
    refused = book(store, email="inconnu@lyon.fr")
    with caplog.at_level(logging.INFO, logger="orientation.booking.mail"):
        assert mail.send_booking_mail("confirmation", refused, store, environ=environ(smtp), now=NOW) == mail.REFUSED
    assert "inconnu@" not in caplog.text
    assert [m["X-Envelope-To"] for m in smtp.inbox.messages] == [ADVISORS]  # the advisors are told all the same
    # later bookings' e-mails all leave, and the refused one is never tried again
    for number in range(3):
        other = book(store, email=f"agent{number}@lyon.fr", start=at((2021, 10, 14), 11, 15 * number))
        later = NOW + dt.timedelta(hours=number + 1)
        assert mail.send_booking_mail("confirmation", other, store, environ=environ(smtp), now=later) == mail.SENT
    assert len(smtp.inbox.to(ADVISORS)) == 4 and len(smtp.inbox.messages) == 7
    assert mail.waiting(store) == 0
    [failed] = mail.failed_mails(store)
    assert (failed.reference, failed.recipient, failed.error) == (refused.reference, "usager",
                                                                  "SMTPRecipientsRefused 550")
    with store.engine.connect() as connection:  # nothing left of the message (personal data)
        assert connection.execute(sa.select(outbox.c.message)).scalar_one() == ""
    assert mail.retry_outbox(store, environ(smtp), now=NOW + dt.timedelta(days=1), wait=False) == 0


def test_a_refused_address_among_waiting_mails_does_not_stop_the_round(store, smtp):
    smtp.stop()
    first = book(store, email="inconnu@lyon.fr")
    second = book(store, email="b@lyon.fr", start=at((2021, 10, 14), 11, 0))
    for booking in (first, second):
        assert mail.send_booking_mail("confirmation", booking, store, environ=environ(smtp), now=NOW) == mail.QUEUED
    smtp.inbox.refused.add("inconnu@lyon.fr")
    smtp.start()
    assert mail.retry_outbox(store, environ(smtp), now=NOW + dt.timedelta(minutes=2)) == 3
    assert [m["X-Envelope-To"] for m in smtp.inbox.messages] == [ADVISORS, second.email, ADVISORS]
    assert [f.reference for f in mail.failed_mails(store)] == [first.reference] and mail.waiting(store) == 0


def test_cancelling_deletes_the_kept_mails_of_the_booking(store, smtp):
    smtp.stop()
    booking = book(store)
    assert mail.send_booking_mail("confirmation", booking, store, environ=environ(smtp), now=NOW) == mail.QUEUED
    assert mail.waiting(store) == 2
    assert store.cancel(booking.reference, booking.email)
    assert mail.waiting(store) == 0


def test_smtp_urls():
    assert settings.smtp_settings(None) is None and settings.smtp_settings(" ") is None
    assert settings.smtp_settings("smtp://127.0.0.1:1025") == settings.SmtpSettings("smtp", "127.0.0.1", 1025)
    assert settings.smtp_settings("smtps://agent%40dinum:p%40ss@mail.gouv.fr") == \
        settings.SmtpSettings("smtps", "mail.gouv.fr", 465, "agent@dinum", "p@ss")
    assert settings.smtp_settings("smtp+starttls://mail.gouv.fr").port == 587
    with pytest.raises(ValueError):
        settings.smtp_settings("http://mail.gouv.fr")


def test_the_command_sends_what_waits(store, smtp, monkeypatch, capsys):
    from orientation.booking.__main__ import main
    smtp.stop()
    booking = book(store)
    assert mail.send_booking_mail("confirmation", booking, store, environ=environ(smtp)) == mail.QUEUED
    for name, value in environ(smtp).items():
        monkeypatch.setenv(name, value)
    assert main(["--database-url", store.url, "envoyer-courriels", "--maintenant"]) == 1  # still down
    assert "0 courriel envoyé, 2 en attente." in capsys.readouterr().out
    smtp.start()
    assert main(["--database-url", store.url, "envoyer-courriels"]) == 1  # their next try is not due yet
    assert "0 courriel envoyé, 2 en attente." in capsys.readouterr().out
    assert main(["--database-url", store.url, "envoyer-courriels", "--maintenant"]) == 0
    assert "2 courriels envoyés, 0 en attente." in capsys.readouterr().out
    assert [m["X-Envelope-To"] for m in smtp.inbox.messages] == [booking.email, ADVISORS]
    assert attachment(smtp.inbox.messages[0]).get_filename() == f"rendez-vous-dinum-{booking.reference}.ics"


def test_a_wrong_smtp_url_sends_nothing_and_keeps_the_booking(store, smtp):
    booking = book(store)
    assert mail.send_booking_mail("confirmation", booking, store,
                                  environ={mail.SMTP_URL_ENV: "http://mail.gouv.fr"}) == mail.DISABLED
    assert store.find(booking.reference, booking.email) is not None and smtp.inbox.messages == []
