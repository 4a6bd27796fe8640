"""Through the rest channel: the e-mails of a booking, a move and a cancellation on a real
local SMTP server, a mail server down, and the anti-abuse limits (e-mail, client, conversation)."""
import os
import subprocess
import sys
import time

from devtools.stack import ROOT
from orientation.booking.store import BookingStore
from tests.conversations.conftest import ADVISORS_EMAIL, TRUSTED_PROXY, Chat
from tests.conversations.test_booking_conversation import PROFILE, REFERENCE, book, offered
from tests.fiche.pdf_text import holds_word, pdf_text
from tests.smtp_server import attachment


def mails_to(smtp, address, reference, wait=5.0):
    """The messages for `address` about `reference` (the sending runs in a worker thread)."""
    deadline = time.time() + wait
    while True:
        found = [m for m in smtp.inbox.to(address) if reference in str(m["Subject"])]
        if found or time.time() > deadline:
            return found
        time.sleep(0.1)


def body(message):
    return message.get_body(("plain",)).get_content()


def test_a_booking_a_move_and_a_cancellation_send_their_mails(chat, new_chat, smtp, database_url):
    start, confirmation = book(chat, email="odile.blanc@lyon.fr")
    reference = REFERENCE.search(confirmation).group(0)
    assert "Un courriel de confirmation vous est envoyé à odile.blanc@lyon.fr." in confirmation

    [user] = mails_to(smtp, "odile.blanc@lyon.fr", reference)
    assert user["To"] == "odile.blanc@lyon.fr" and "ne-pas-repondre@dinum.gouv.fr" in user["From"]
    assert str(user["Subject"]).startswith("Votre rendez-vous avec la DINUM est confirmé")
    assert "Bonjour Marie Dupont," in body(user) and f"Référence : {reference}" in body(user)
    ics = attachment(user)
    assert ics.get_filename() == f"rendez-vous-dinum-{reference}.ics" and "METHOD:PUBLISH" in ics.get_content()
    # the « fiche projet » attached: the booking's profile evaluated, with the booking's name and reference
    [fiche] = [part for part in user.iter_attachments() if part.get_content_type() == "application/pdf"]
    assert fiche.get_filename().startswith("fiche-projet-france-relance-")
    fiche_text = pdf_text(fiche.get_content())
    assert "Marie Dupont" in fiche_text and holds_word(fiche_text, reference) and "ITN8A —" in fiche_text
    assert "Plan de financement" in fiche_text
    [notice] = mails_to(smtp, ADVISORS_EMAIL, reference)
    assert "Nouveau rendez-vous" in notice["Subject"]
    summary = body(notice)
    assert "Marie Dupont — DREAL Occitanie — odile.blanc@lyon.fr" in summary
    assert "Profil : un service déconcentré de l'État" in summary and "ITN8A" in summary

    other = new_chat()
    other.say(f"je veux déplacer mon rendez-vous {reference}")
    other.say("odile.blanc@lyon.fr")
    later = [s for s in offered(other) if s != start][0]
    moved = other.say(f'/inform{{"booking_slot": "{later.isoformat()}"}}')
    assert "C'est déplacé" in moved and "Un courriel de confirmation vous est envoyé" in moved
    assert len(mails_to(smtp, "odile.blanc@lyon.fr", reference)) == 2
    moved_mail = smtp.inbox.to("odile.blanc@lyon.fr")[-1]
    assert "est déplacé" in moved_mail["Subject"] and "au lieu du" in body(moved_mail)
    assert "Rendez-vous déplacé" in mails_to(smtp, ADVISORS_EMAIL, reference)[-1]["Subject"]

    assert "Voulez-vous vraiment annuler" in other.say(f"annuler le rendez-vous {reference}")
    assert "est annulé" in other.say("oui")
    cancelled = mails_to(smtp, "odile.blanc@lyon.fr", reference)
    assert len(cancelled) == 3 and "est annulé" in cancelled[-1]["Subject"]
    assert "METHOD:CANCEL" in attachment(cancelled[-1]).get_content()
    assert "Rendez-vous annulé" in mails_to(smtp, ADVISORS_EMAIL, reference)[-1]["Subject"]


def test_a_mail_server_down_keeps_the_booking_and_the_mail_leaves_later(chat, smtp, servers, database_url):
    smtp.stop()
    try:
        _, confirmation = book(chat, email="remi.noir@lyon.fr")
    finally:
        smtp.start()
    reference = REFERENCE.search(confirmation).group(0)
    assert "C'est réservé" in confirmation
    assert "n'a pas pu partir pour l'instant : il sera renvoyé automatiquement" in confirmation
    assert BookingStore(database_url).find(reference, "remi.noir@lyon.fr") is not None
    assert mails_to(smtp, "remi.noir@lyon.fr", reference, wait=0) == []
    log = (servers["logs"] / "actions.log").read_text()
    assert f"booking {reference}: confirmation e-mail to the usager not sent" in log and "remi.noir@" not in log

    # --maintenant: without waiting for the kept message's next try (one minute after the failure)
    done = subprocess.run([sys.executable, "-m", "orientation.booking", "envoyer-courriels", "--maintenant"], cwd=ROOT,
                          env={**os.environ, **servers["env"], "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "0 en attente" in done.stdout
    [user] = mails_to(smtp, "remi.noir@lyon.fr", reference)
    assert attachment(user).get_filename() == f"rendez-vous-dinum-{reference}.ics"
    assert mails_to(smtp, ADVISORS_EMAIL, reference)


def test_an_address_the_server_refuses_is_said_and_blocks_no_other_mail(chat, new_chat, smtp, database_url):
    smtp.inbox.refused.add("adresse.perdue@lyon.fr")
    _, confirmation = book(chat, email="adresse.perdue@lyon.fr")
    reference = REFERENCE.search(confirmation).group(0)
    assert "C'est réservé" in confirmation
    assert "Le serveur de messagerie refuse l'adresse adresse.perdue@lyon.fr" in confirmation
    assert "renvoyé automatiquement" not in confirmation  # no retry will happen: none is promised
    assert mails_to(smtp, ADVISORS_EMAIL, reference)  # the advisors are told all the same
    other = new_chat()
    _, second = book(other, email="paul.gris@lyon.fr")
    assert "Un courriel de confirmation vous est envoyé à paul.gris@lyon.fr." in second
    assert mails_to(smtp, "paul.gris@lyon.fr", REFERENCE.search(second).group(0))
    from orientation.booking import mail
    assert [f.reference for f in mail.failed_mails(BookingStore(database_url))] == [reference]


def test_a_cancellation_scrubs_the_stored_conversation(chat, new_chat, database_url):
    import sqlalchemy as sa
    _, confirmation = book(chat, email="lucie.rose@lyon.fr")
    reference = REFERENCE.search(confirmation).group(0)

    def stored(sender):
        with sa.create_engine(database_url).connect() as connection:
            return " ".join(data for (data,) in connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :sender"), {"sender": sender}))
    assert "lucie.rose@lyon.fr" in stored(chat.sender)
    other = new_chat()
    other.say(f"je veux annuler mon rendez-vous {reference}")
    assert "est annulé" in other.say("lucie.rose@lyon.fr") or "est annulé" in other.say("/affirm")
    deadline = time.time() + 15  # the cancelling turn itself is saved after the action: scrubbed just after
    while "lucie.rose" in stored(other.sender) and time.time() < deadline:
        time.sleep(0.5)
    for sender in (chat.sender, other.sender):
        text = stored(sender)
        assert "lucie.rose" not in text and "Marie Dupont" not in text and "DREAL Occitanie" not in text
        assert chat.source not in text and other.source not in text  # nor the client's address
    assert "DREAL" not in stored(chat.sender) and reference in stored(chat.sender)


def test_one_upcoming_booking_per_email_a_second_request_offers_a_move(chat, new_chat, database_url):
    book(chat, email="ines.vert@lyon.fr")
    other = new_chat()
    other.say("je voudrais un rendez-vous avec la DINUM")
    other.say(f'/inform{{"booking_slot": "{offered(other)[0].isoformat()}"}}')
    other.say("Inès Vert")
    other.say("Mairie de Lyon")
    refused = other.say("ines.vert@lyon.fr")
    assert "déjà enregistré avec cette adresse électronique" in refused and "Données personnelles" not in refused
    assert {"title": "Déplacer mon rendez-vous", "payload": "/move_booking"} in other.buttons
    assert len(BookingStore(database_url).bookings_of("ines.vert@lyon.fr")) == 1
    assert "référence" in other.say("/move_booking")  # only the reference is asked: the address is known


def burst(servers, source, forwarded_for, emails):
    """One client booking from several conversations in a row, then asking once more: the
    confirmations, and the answer to the last request."""
    answers = [book(Chat(servers["rasa"], source=source, forwarded_for=forwarded_for), email=email)[1]
               for email in emails]
    last = Chat(servers["rasa"], source=source, forwarded_for=forwarded_for)
    last.say(PROFILE)
    refused = last.say("je voudrais un rendez-vous avec la DINUM")
    assert offered(last) == []  # no slot offered, nothing asked
    return answers, refused


def test_a_burst_behind_the_trusted_proxy_is_refused_per_forwarded_client(servers, database_url):
    answers, refused = burst(servers, TRUSTED_PROXY, "203.0.113.50", [f"rafale.{n}@lyon.fr" for n in range(3)])
    assert all("C'est réservé" in answer for answer in answers)
    assert "Beaucoup de rendez-vous ont été demandés depuis votre connexion" in refused
    assert "Réessayez dans une heure" in refused
    # Another user behind the same proxy is another client.
    assert "C'est réservé" in book(Chat(servers["rasa"], source=TRUSTED_PROXY, forwarded_for="198.51.100.20"),
                                   email="voisin@lyon.fr")[1]


def test_an_untrusted_peer_cannot_escape_the_limit_with_x_forwarded_for(servers, database_url):
    answers = [book(Chat(servers["rasa"], source="127.0.0.3", forwarded_for=f"192.0.2.{n}"), email=f"malin.{n}@lyon.fr")[1]
               for n in range(3)]
    assert all("C'est réservé" in answer for answer in answers)
    last = Chat(servers["rasa"], source="127.0.0.3", forwarded_for="192.0.2.99")
    assert "Beaucoup de rendez-vous ont été demandés" in last.say("je voudrais un rendez-vous avec la DINUM")
    assert offered(last) == []


def test_a_booking_before_any_profile(chat, database_url):
    answer = chat.say("je voudrais un rendez-vous avec la DINUM")
    assert "profil non renseigné" in answer and "Appels recommandés" not in answer
    assert "décrivez votre projet en une phrase" in answer
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    chat.say("Jean Gris")
    chat.say("Mairie de Vannes")
    chat.say("jean.gris@vannes.fr")
    reference = REFERENCE.search(chat.say("/affirm")).group(0)
    summary = BookingStore(database_url).find(reference, "jean.gris@vannes.fr").summary
    assert "profil non renseigné" in summary and "à confirmer" not in summary and "•" not in summary


def test_the_project_described_in_one_sentence_reaches_the_summary(chat, database_url):
    answer = chat.say("je voudrais un rendez-vous avec la DINUM")
    assert "décrivez votre projet en une phrase" in answer
    thanked = chat.say(PROFILE)
    assert "décrivez votre projet" not in thanked and offered(chat)
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    chat.say("Léa Brun")
    chat.say("DREAL Occitanie")
    chat.say("lea.brun@occitanie.gouv.fr")
    reference = REFERENCE.search(chat.say("/affirm")).group(0)
    summary = BookingStore(database_url).find(reference, "lea.brun@occitanie.gouv.fr").summary
    assert "profil non renseigné" not in summary and "ITN8A" in summary


def test_a_second_booking_in_the_conversation_offers_to_move_the_first(chat, database_url):
    book(chat, email="deux.fois@lyon.fr")
    refused = chat.say("je voudrais un autre rendez-vous avec la DINUM")
    assert "déjà enregistré avec cette adresse électronique" in refused and offered(chat) == []
    assert len(BookingStore(database_url).bookings_of("deux.fois@lyon.fr")) == 1


def test_a_cap_per_conversation_against_booking_and_cancelling_in_a_loop(chat, database_url):
    for _ in range(2):
        reference = REFERENCE.search(book(chat, email="boucle@lyon.fr")[1]).group(0)
        assert "Voulez-vous vraiment annuler" in chat.say(f"annuler le rendez-vous {reference}")
        assert "est annulé" in chat.say("/affirm")
    refused = chat.say("je voudrais un rendez-vous avec la DINUM")
    assert "déjà pris 2 rendez-vous dans cette conversation" in refused and offered(chat) == []
    assert BookingStore(database_url).bookings_of("boucle@lyon.fr") == []
