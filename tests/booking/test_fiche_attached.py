"""The « fiche projet » of a booking: attached to the confirmation and the move e-mails (on a real
local SMTP server), never to a cancellation, and made from the profile the booking stored."""
from __future__ import annotations

import pytest

from actions.booking_services import fiche_attachments
from orientation.booking import mail
from orientation.fiche.booked import booking_pdf
from tests.booking.conftest import at
from tests.booking.test_mail import environ, smtp  # noqa: F401 - the SMTP server fixture
from tests.booking.test_store import book
from tests.fiche.pdf_text import holds_word, pdf_text
from tests.french import nb


@pytest.fixture(autouse=True)
def reference_date(monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2021-10-15")


def _pdfs(message):
    return [part for part in message.iter_attachments() if part.get_content_type() == "application/pdf"]


def test_the_confirmation_carries_the_fiche_to_the_user_and_the_advisors(store, smtp):  # noqa: F811
    booking = book(store)
    attachments = fiche_attachments("confirmation", booking)
    assert mail.send_booking_mail("confirmation", booking, store, environ=environ(smtp),
                                  attachments=attachments) == mail.SENT
    [user] = smtp.inbox.to("marie.dupont@lyon.fr")
    [fiche] = _pdfs(user)
    assert fiche.get_filename() == "fiche-projet-france-relance-2021-10-15.pdf"
    text = pdf_text(fiche.get_content())
    assert "Marie Dupont" in text and "Mairie de Lyon" in text and holds_word(text, booking.reference)
    assert nb("350 000 habitants") in text
    [notice] = smtp.inbox.to("conseillers@dinum.gouv.fr")
    assert len(_pdfs(notice)) == 1


def test_a_move_carries_it_a_cancellation_does_not(store):
    before = book(store)
    after = store.move(before.reference, before.email, at((2021, 10, 14), 11, 0))
    assert len(fiche_attachments("deplacement", after)) == 1
    assert fiche_attachments("annulation", before) == []


def test_a_booking_whose_profile_is_incomplete_gets_a_sheet_saying_what_is_missing(store):
    booking = book(store)
    data, _ = booking_pdf(booking)
    text = pdf_text(data)
    assert "Ce qui manque pour une orientation complète" in text and "le plan de financement ne peut pas" in text
