"""From each booking of the agenda, the advisor opens the « fiche projet » the user has: behind the
login, made from the booking's stored profile."""
import re

from tests.advisors_web.conftest import at
from tests.fiche.pdf_text import holds_word, pdf_text


def test_each_booking_links_to_its_fiche_which_opens_as_a_pdf(agenda, monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2021-10-15")
    booking = agenda.book(at(14, 9, 30))
    session = agenda.login()
    day = session.get(agenda.url + "/jour?date=2021-10-14").text
    path = f"/rendez-vous/{booking.reference}/fiche-projet.pdf"
    assert re.search(f'data-role="fiche" href="{re.escape(path)}"', day)
    assert f'href="{path}"' in session.get(agenda.url + f"/rendez-vous/{booking.reference}").text
    answer = session.get(agenda.url + path)
    assert answer.status_code == 200 and answer.headers["Content-Type"] == "application/pdf"
    assert answer.headers["Cache-Control"] == "no-store"  # the agenda's rule for every page
    text = pdf_text(answer.content)
    assert "Nom Sophie Martin" in text and "Mairie de Bordeaux" in text and holds_word(text, booking.reference)
    assert "Structure une commune" in text
    assert "Ce qui manque pour une orientation complète" in text  # the booking's profile has no budget


def test_the_fiche_needs_the_login_and_an_existing_booking(agenda):
    booking = agenda.book(at(14, 9, 30))
    anonymous = agenda.session().get(agenda.url + f"/rendez-vous/{booking.reference}/fiche-projet.pdf",
                                     allow_redirects=False)
    assert anonymous.status_code in (302, 303) and "/connexion" in anonymous.headers["Location"]
    missing = agenda.login().get(agenda.url + "/rendez-vous/DN-ZZZZZZ/fiche-projet.pdf")
    assert missing.status_code == 404 and "application/pdf" not in missing.headers["Content-Type"]
