"""What a logged-in advisor sees and does: day, week, search, cancel, exports; never a booking past
its retention period."""
import datetime as dt
import re

from orientation.booking.agenda import agenda_csv
from orientation.booking.ics import calendar_text
from tests.advisors_web.conftest import SUMMARY, at, csrf_of
from tests.french import nb


def cards(html):
    """The references of the booking cards, in page order."""
    return re.findall(r'data-reference="(DN-[A-Z0-9]+)"', html)


def test_the_day_shows_each_booking_with_its_summary_in_time_order(agenda):
    late = agenda.book(at(14, 11), name="Paul Durand", email="paul.durand@nord.gouv.fr")
    early = agenda.book(at(14, 9, 30))
    agenda.book(at(15, 10), name="Autre Jour")
    page = agenda.login().get(agenda.url + "/jour?date=2021-10-14").text
    assert "Rendez-vous du jeudi 14 octobre 2021" in page and "2 rendez-vous" in page
    assert cards(page) == [early.reference, late.reference]
    assert nb("9 h 30 – 9 h 45 · Sophie Martin") in page and nb("11 h 00 – 11 h 15 · Paul Durand") in page
    # the summary: profile, recommended calls, questions (HTML-escaped apostrophes)
    assert "Profil : commune, 350 000 habitants" in page
    assert "TNT-COOP (éligible, 75 % de 400 000 €, soit jusqu&#39;à 300 000 €, ouvert)" in page
    assert "Questions posées : peut-on financer du personnel ?" in page
    assert "Autre Jour" not in page


def test_the_day_defaults_to_today_and_says_when_it_is_empty(agenda):
    page = agenda.login().get(agenda.url + "/jour").text
    assert "Rendez-vous du mercredi 13 octobre 2021" in page and "Aucun rendez-vous." in page
    sunday = agenda.login().get(agenda.url + "/jour?date=2021-10-17").text
    assert "Aucun rendez-vous (jour fermé)." in sunday


def test_the_week_runs_monday_to_friday_with_each_day_s_bookings(agenda):
    monday, thursday = agenda.book(at(11, 10)), agenda.book(at(14, 15))
    agenda.book(at(18, 10), name="Semaine Suivante")
    page = agenda.login().get(agenda.url + "/semaine?date=2021-10-13").text
    assert "Semaine du lundi 11 octobre 2021" in page
    headings = re.findall(r'<h2 id="jour-([0-9-]+)"', page)
    assert headings == ["2021-10-11", "2021-10-12", "2021-10-13", "2021-10-14", "2021-10-15"]
    assert cards(page) == [monday.reference, thursday.reference]
    assert "Semaine Suivante" not in page


def test_no_page_shows_a_booking_past_its_retention_period_even_before_the_purge(agenda):
    # retention 90 days after the appointment: on 13 October, June's bookings must be gone
    old = agenda.book(at(1, 10) - dt.timedelta(days=120), name="Données Périmées")
    kept = agenda.book(at(1, 10) - dt.timedelta(days=60), name="Encore Conservé")
    session = agenda.login()
    for day in (old.start.date(), kept.start.date()):
        for path in (f"/jour?date={day}", f"/semaine?date={day}", f"/export/jour.csv?date={day}",
                     f"/export/semaine.ics?date={day}"):
            assert "Données Périmées" not in session.get(agenda.url + path).text
    assert "Encore Conservé" in session.get(agenda.url + f"/jour?date={kept.start.date()}").text
    assert session.get(agenda.url + f"/recherche?reference={old.reference}").status_code == 404
    assert session.get(agenda.url + f"/rendez-vous/{old.reference}").status_code == 404


def test_search_by_reference_in_any_form_opens_the_booking(agenda):
    booking = agenda.book(at(14, 10))
    session = agenda.login()
    typed = booking.reference.lower().replace("-", " ")  # « dn 7k3p9q »
    response = session.get(agenda.url + "/recherche", params={"reference": typed}, allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"] == f"/rendez-vous/{booking.reference}"
    page = session.get(agenda.url + response.headers["Location"]).text
    assert f"Rendez-vous {booking.reference}" in page
    assert nb("jeudi 14 octobre 2021, 10 h 00 – 10 h 15 (heure de Paris)") in page and "Mairie de Bordeaux" in page
    assert "Annuler ce rendez-vous" in page


def test_search_says_why_nothing_is_found(agenda):
    session = agenda.login()
    missing = session.get(agenda.url + "/recherche", params={"reference": "DN-ZZZZZZ"})
    assert missing.status_code == 404 and "Aucun rendez-vous avec la référence DN-ZZZZZZ" in missing.text
    wrong = session.get(agenda.url + "/recherche", params={"reference": "<b>bonjour</b>"})
    assert wrong.status_code == 400 and "n&#39;est pas une référence" in wrong.text and "<b>" not in wrong.text


def test_cancel_asks_for_confirmation_then_deletes_and_tells_the_user(agenda):
    booking = agenda.book(at(14, 10))
    session = agenda.login()
    confirm = session.get(agenda.url + f"/rendez-vous/{booking.reference}/annulation")
    assert "Confirmer l'annulation" in confirm.text and booking.email in confirm.text
    assert agenda.store.by_reference(booking.reference) is not None  # nothing happens on GET
    response = session.post(agenda.url + f"/rendez-vous/{booking.reference}/annulation",
                            data={"csrf": csrf_of(confirm.text)}, allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"] == "/jour?date=2021-10-14"
    assert agenda.store.by_reference(booking.reference) is None
    assert agenda.notified == [booking]
    page = session.get(agenda.url + "/jour?date=2021-10-14").text
    assert (f"Le rendez-vous {booking.reference} du jeudi 14 octobre 2021 à 10\u00a0h est annulé. L&#39;usager en est "
            f"informé par e-mail ({booking.email}).") in page
    assert cards(page) == []
    assert "est annulé" not in session.get(agenda.url + "/jour?date=2021-10-14").text  # said once


def test_cancel_without_the_csrf_token_changes_nothing(agenda):
    booking = agenda.book(at(14, 10))
    session = agenda.login()
    response = session.post(agenda.url + f"/rendez-vous/{booking.reference}/annulation", data={},
                            allow_redirects=False)
    assert response.status_code == 403
    assert agenda.store.by_reference(booking.reference) is not None and agenda.notified == []


def test_a_cancelled_booking_cannot_be_cancelled_twice(agenda):
    booking = agenda.book(at(14, 10))
    session = agenda.login()
    token = csrf_of(session.get(agenda.url + "/jour").text)
    url = agenda.url + f"/rendez-vous/{booking.reference}/annulation"
    session.post(url, data={"csrf": token})
    again = session.post(url, data={"csrf": token}, allow_redirects=False)
    assert again.status_code == 404 and "Ce rendez-vous n&#39;existe plus" in again.text
    assert len(agenda.notified) == 1


def test_a_past_booking_cannot_be_cancelled(agenda):
    past = agenda.book(at(12, 10))
    session = agenda.login()
    assert "Annuler ce rendez-vous" not in session.get(agenda.url + f"/rendez-vous/{past.reference}").text
    token = csrf_of(session.get(agenda.url + "/jour").text)
    session.post(agenda.url + f"/rendez-vous/{past.reference}/annulation", data={"csrf": token})
    assert agenda.store.by_reference(past.reference) is not None and agenda.notified == []


def test_without_a_mailer_the_advisor_is_told_to_warn_the_user(make_agenda):
    agenda = make_agenda(notify_cancelled=None)
    booking = agenda.book(at(14, 10))
    session = agenda.login()
    token = csrf_of(session.get(agenda.url + "/jour").text)
    page = session.post(agenda.url + f"/rendez-vous/{booking.reference}/annulation", data={"csrf": token}).text
    assert f"Aucun e-mail n&#39;est envoyé par ce service : prévenez l&#39;usager à l&#39;adresse {booking.email}." \
        in page
    assert agenda.store.by_reference(booking.reference) is None


def test_a_failing_mailer_still_cancels_and_says_so(make_agenda):
    def broken(booking):
        raise ConnectionRefusedError("smtp down")
    agenda = make_agenda(notify_cancelled=broken)
    booking = agenda.book(at(14, 10))
    session = agenda.login()
    token = csrf_of(session.get(agenda.url + "/jour").text)
    page = session.post(agenda.url + f"/rendez-vous/{booking.reference}/annulation", data={"csrf": token}).text
    assert "L&#39;e-mail d&#39;annulation n&#39;a pas pu partir" in page
    assert agenda.store.by_reference(booking.reference) is None


def test_csv_export_of_the_day_is_the_agenda_csv_of_its_bookings(agenda):
    first = agenda.book(at(14, 10))
    second = agenda.book(at(14, 10), name="Paul Durand", email="paul.durand@nord.gouv.fr")  # two advisors
    agenda.book(at(15, 10), email="autre.jour@gironde.gouv.fr")
    response = agenda.login().get(agenda.url + "/export/jour.csv?date=2021-10-14")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="agenda-jour-2021-10-14.csv"'
    assert response.content.decode("utf-8") == agenda_csv([first, second])
    assert response.content.decode("utf-8").count("\r\n") == 3


def test_ics_export_of_the_week_holds_each_booking_of_the_week(agenda):
    monday, friday = agenda.book(at(11, 10)), agenda.book(at(15, 14))
    agenda.book(at(18, 10))
    response = agenda.login().get(agenda.url + "/export/semaine.ics?date=2021-10-14")
    assert response.headers["Content-Disposition"] == 'attachment; filename="agenda-semaine-2021-10-11.ics"'
    body = response.content.decode("utf-8")
    assert re.findall(r"UID:(DN-[A-Z0-9]+)@", body) == [monday.reference, friday.reference]
    stamp = re.search(r"DTSTAMP:(\S+)", body).group(1)
    expected = calendar_text([monday, friday], contact=agenda.store.config.contact)
    assert re.sub(r"DTSTAMP:\S+", "DTSTAMP:" + stamp, expected) == body


def test_what_users_typed_is_shown_as_text_never_as_markup(agenda):
    booking = agenda.book(at(14, 10), name="Eve <script>alert(1)</script>",
                          summary=SUMMARY + "\nQuestions posées : <img src=x onerror=alert(1)>")
    page = agenda.login().get(agenda.url + "/jour?date=2021-10-14").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and booking.reference in page


def test_from_a_week_the_day_link_opens_today_or_the_monday(agenda):
    session = agenda.login()
    this_week = session.get(agenda.url + "/semaine?date=2021-10-15").text
    assert 'href="/jour?date=2021-10-13">Voir le jour' in this_week  # today, Wednesday 13
    next_week = session.get(agenda.url + "/semaine?date=2021-10-20").text
    assert 'href="/jour?date=2021-10-18">Voir le jour' in next_week
    assert 'href="/semaine?date=2021-10-25">Semaine suivante' in next_week


def test_an_email_refused_for_good_is_shown_with_its_reference_on_the_agenda(agenda):
    from orientation.booking import mail
    from tests.smtp_server import SmtpServer
    smtp = SmtpServer().start()
    try:
        smtp.inbox.refused.add("sophie.martin@gironde.gouv.fr")
        booking = agenda.book(at(14, 10))
        environ = {mail.SMTP_URL_ENV: smtp.url, mail.ADVISORS_ENV: "conseillers@dinum.gouv.fr"}
        assert mail.send_booking_mail("confirmation", booking, agenda.store, environ=environ) == mail.REFUSED
    finally:
        smtp.stop()
    session = agenda.login()
    for path in ("/jour?date=2021-10-20", "/semaine?date=2021-10-14"):
        page = session.get(agenda.url + path).text
        assert "Courriels non remis" in page
        assert f'href="/rendez-vous/{booking.reference}">{booking.reference}</a>' in page
        assert "courriel à l&#39;usager" in page and "SMTPRecipientsRefused 550" in page
