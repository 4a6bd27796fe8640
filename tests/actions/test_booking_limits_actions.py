"""On tracker fixtures: the anti-abuse limits in the booking form, the e-mail said in the chat, and a
booking before any profile."""
import asyncio
import datetime as dt

import pytest

from actions.booking import ActionBookAppointment, advisor_summary
from actions.booking_form import ValidateBookingForm
from actions.booking_questions import DESCRIBE_PROPOSAL, ActionAskBookingSlot
from actions.client import CLIENT_KEY, client_of
from orientation.booking import mail
from tests.actions.conftest import make_tracker, texts
from tests.actions.test_booking_holds_up import BOOKING_DOMAIN, NOW, THURSDAY_10, bookings, run  # noqa: F401
from tests.smtp_server import SmtpServer, attachment


def booked_slots(thursday=THURSDAY_10, email="marie.dupont@lyon.fr"):
    return {"booking_slot": thursday.isoformat(), "booking_name": "Marie Dupont",
            "booking_organisation": "Mairie de Lyon", "booking_email": email, "booking_consent": True}


def book_in_chat(dispatcher, slots, sender="conv-1", client="203.0.113.7"):
    tracker = make_tracker(slots, text="/affirm", intent="affirm",
                           events=[{"event": "user", "text": "/affirm", "metadata": {CLIENT_KEY: client}}])
    tracker.sender_id = sender
    return asyncio.run(ActionBookAppointment().run(dispatcher, tracker, BOOKING_DOMAIN))


def test_the_client_comes_from_the_latest_message_metadata():
    tracker = make_tracker(events=[{"event": "user", "metadata": {CLIENT_KEY: "1.1.1.1"}},
                                   {"event": "user", "metadata": {CLIENT_KEY: "203.0.113.7"}}, {"event": "bot"}])
    assert client_of(tracker) == "203.0.113.7"
    assert client_of(make_tracker()) is None


def test_a_second_upcoming_booking_for_an_email_is_refused_and_a_move_offered(bookings, dispatcher):
    book_in_chat(dispatcher, booked_slots())
    assert len(bookings.bookings_of("marie.dupont@lyon.fr")) == 1
    dispatcher.messages.clear()
    result, events = run(ValidateBookingForm(), dispatcher,
                         {"requested_slot": "booking_email", "booking_slot": THURSDAY_10.isoformat(),
                          "booking_email": "Marie.Dupont@lyon.fr"},
                         "Marie.Dupont@lyon.fr")
    assert "déjà enregistré avec cette adresse" in texts(dispatcher)
    assert dispatcher.messages[-1]["buttons"] == [{"title": "Déplacer mon rendez-vous", "payload": "/move_booking"}]
    assert result["requested_slot"] is None and result["booking_slot"] is None
    assert result["booking_email"] == "marie.dupont@lyon.fr"  # kept: the move asks only the reference
    assert events[-1] == {"event": "followup", "name": "action_listen", "timestamp": None}
    assert len(bookings.bookings_of("marie.dupont@lyon.fr")) == 1


def test_a_conversation_cap_refuses_at_the_start_of_the_form(bookings, dispatcher):
    book_in_chat(dispatcher, booked_slots(email="a@lyon.fr"))
    book_in_chat(dispatcher, booked_slots(email="b@lyon.fr"))
    dispatcher.messages.clear()
    tracker = make_tracker({"requested_slot": None}, text="un autre rendez-vous", intent="ask_appointment",
                           events=[{"event": "user", "metadata": {CLIENT_KEY: "198.51.100.9"}}])
    tracker.sender_id = "conv-1"
    events = asyncio.run(ValidateBookingForm().run(dispatcher, tracker, BOOKING_DOMAIN))
    assert "déjà pris 2 rendez-vous dans cette conversation" in texts(dispatcher)
    assert {"event": "slot", "name": "requested_slot", "value": None, "timestamp": None} in events


def test_a_burst_from_one_client_is_refused_politely_and_stores_nothing(bookings, dispatcher):
    from orientation.booking.config import load_config
    for number in range(load_config().limits.per_client):  # two advisors: two bookings per slot
        book_in_chat(dispatcher, booked_slots(THURSDAY_10 + dt.timedelta(minutes=15 * (number // 2)),
                                              f"agent{number}@lyon.fr"), sender=f"conv-{number}")
    dispatcher.messages.clear()
    later = THURSDAY_10 + dt.timedelta(hours=4)  # 14 h, a slot the burst left free
    events = book_in_chat(dispatcher, booked_slots(later, "d@lyon.fr"), sender="conv-9")
    assert "Beaucoup de rendez-vous ont été demandés depuis votre connexion" in texts(dispatcher)
    assert "Réessayez dans une heure" in texts(dispatcher)
    assert bookings.bookings_of("d@lyon.fr") == []
    assert {"event": "slot", "name": "booking_email", "value": None, "timestamp": None} in events
    # Another client is not concerned.
    book_in_chat(dispatcher, booked_slots(later, "d@lyon.fr"), sender="conv-9", client="198.51.100.9")
    assert len(bookings.bookings_of("d@lyon.fr")) == 1


@pytest.fixture
def smtp(monkeypatch):
    server = SmtpServer().start()
    monkeypatch.setenv(mail.SMTP_URL_ENV, server.url)
    monkeypatch.setenv(mail.ADVISORS_ENV, "conseillers@dinum.gouv.fr")
    yield server
    server.stop()


def test_the_chat_says_the_mail_was_sent_or_will_be(bookings, dispatcher, smtp):
    book_in_chat(dispatcher, booked_slots())
    assert "Un courriel de confirmation vous est envoyé à marie.dupont@lyon.fr." in texts(dispatcher)
    assert [m["X-Envelope-To"] for m in smtp.inbox.messages] == ["marie.dupont@lyon.fr", "conseillers@dinum.gouv.fr"]
    assert attachment(smtp.inbox.messages[0]) is not None
    smtp.stop()
    dispatcher.messages.clear()
    book_in_chat(dispatcher, booked_slots(email="b@lyon.fr"), sender="conv-2")
    said = texts(dispatcher)
    assert "C'est réservé" in said and "n'a pas pu partir pour l'instant : il sera renvoyé automatiquement" in said
    assert len(bookings.bookings_of("b@lyon.fr")) == 1 and mail.waiting(bookings) == 2


def test_without_smtp_the_chat_says_no_mail_is_sent(bookings, dispatcher, monkeypatch):
    monkeypatch.delenv(mail.SMTP_URL_ENV, raising=False)
    book_in_chat(dispatcher, booked_slots())
    assert "Aucun courriel n'est envoyé par ce service : notez bien votre référence." in texts(dispatcher)


def test_a_summary_before_any_profile_says_so_and_recommends_nothing():
    summary = advisor_summary(make_tracker({"questions_asked": ["c'est quoi France Relance ?"]}))
    assert "profil non renseigné" in summary
    assert "Appels recommandés" not in summary and "à confirmer" not in summary and "•" not in summary
    assert summary.endswith("Questions posées : c'est quoi France Relance ? (répondue)")


def test_the_description_is_proposed_once_before_the_first_slots(bookings, dispatcher):
    asyncio.run(ActionAskBookingSlot().run(dispatcher, make_tracker(), BOOKING_DOMAIN))
    assert texts(dispatcher).startswith(DESCRIBE_PROPOSAL)
    dispatcher.messages.clear()
    proposed = make_tracker(events=[{"event": "bot", "text": DESCRIBE_PROPOSAL + " Voici les créneaux…"}])
    asyncio.run(ActionAskBookingSlot().run(dispatcher, proposed, BOOKING_DOMAIN))
    assert DESCRIBE_PROPOSAL not in texts(dispatcher) and "créneaux libres" in texts(dispatcher)
    dispatcher.messages.clear()
    asyncio.run(ActionAskBookingSlot().run(dispatcher, make_tracker({"applicant_type": "commune"}), BOOKING_DOMAIN))
    assert DESCRIBE_PROPOSAL not in texts(dispatcher)


def test_a_description_typed_at_the_slot_question_is_thanked_not_misread(bookings, dispatcher):
    tracker = make_tracker({"requested_slot": "booking_slot", "applicant_type": "commune"},
                           text="nous sommes une commune qui veut ouvrir ses données",
                           events=[{"event": "user", "text": "nous sommes une commune"},
                                   {"event": "slot", "name": "applicant_type", "value": "commune"}],
                           active_loop="booking_form")
    asyncio.run(ValidateBookingForm().run(dispatcher, tracker, BOOKING_DOMAIN))
    assert "je transmets ces éléments au conseiller" in texts(dispatcher)
    assert "Je n'ai pas compris" not in texts(dispatcher)
