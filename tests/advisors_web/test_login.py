"""Login, refusals, CSRF, session expiry and logout of the advisors' agenda, over real HTTP."""
import datetime as dt
import logging

import pytest

from tests.advisors_web.conftest import LOGIN, PASSWORD, at, csrf_of


@pytest.mark.parametrize("path", ["/", "/jour", "/semaine?date=2021-10-11", "/recherche?reference=DN-AAAAAA",
                                  "/rendez-vous/DN-AAAAAA", "/rendez-vous/DN-AAAAAA/annulation"])
def test_every_page_sends_a_visitor_without_session_to_the_login(agenda, path):
    booking = agenda.book(at(14, 10))
    response = agenda.session().get(agenda.url + path.replace("DN-AAAAAA", booking.reference),
                                    allow_redirects=False)
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/connexion")
    assert booking.name not in response.text and booking.email not in response.text


@pytest.mark.parametrize("path", ["/export/jour.csv?date=2021-10-14", "/export/semaine.ics?date=2021-10-14"])
def test_exports_without_session_are_refused(agenda, path):
    agenda.book(at(14, 10))
    response = agenda.session().get(agenda.url + path, allow_redirects=False)
    assert response.status_code == 401
    assert "Sophie" not in response.text and "Connexion requise" in response.text


def test_a_post_without_session_is_refused_and_changes_nothing(agenda):
    booking = agenda.book(at(14, 10))
    response = agenda.session().post(agenda.url + f"/rendez-vous/{booking.reference}/annulation",
                                     data={"csrf": "x"}, allow_redirects=False)
    assert response.status_code == 401
    assert agenda.store.by_reference(booking.reference) is not None
    assert agenda.notified == []


def test_login_opens_a_protected_session_and_goes_where_the_advisor_wanted(agenda):
    session = agenda.session()
    first = session.get(agenda.url + "/semaine?date=2021-10-14")  # sent to the login, then back
    assert "Connexion à l'agenda des conseillers" in first.text
    assert 'name="suite" value="/semaine?date=2021-10-14"' in first.text
    response = agenda.post_login(session, next_path="/semaine?date=2021-10-14")
    assert response.status_code == 303 and response.headers["Location"] == "/semaine?date=2021-10-14"
    cookie = response.headers["Set-Cookie"]
    assert "agenda_session=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # plain http on the test port
    page = session.get(agenda.url + "/semaine?date=2021-10-14", allow_redirects=False)
    assert page.status_code == 200 and "Semaine du lundi 11 octobre 2021" in page.text
    assert page.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


def test_cookies_are_secure_when_served_over_https(make_agenda):
    agenda = make_agenda(secure_cookies=True)
    response = agenda.post_login(agenda.session())
    assert "Secure" in response.headers["Set-Cookie"]


def test_the_login_never_sends_elsewhere(agenda):
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example", "/\t/evil.example/phish",
                   "/\n/evil.example", "/ /evil.example", "/\x00/evil.example", "javascript:alert(1)",
                   "http:/evil.example", "evil.example"):
        response = agenda.post_login(agenda.session(), next_path=target)
        assert response.status_code == 303 and response.headers["Location"] == "/jour"


def test_a_wrong_password_is_refused_in_french_and_logged_without_the_password(agenda, caplog):
    session = agenda.session()
    with caplog.at_level(logging.WARNING, logger="advisors_web"):
        response = agenda.post_login(session, password="mauvais mot de passe")
    assert response.status_code == 401
    assert "Identifiant ou mot de passe incorrect." in response.text
    assert "agenda_session" not in response.headers.get("Set-Cookie", "")
    assert session.get(agenda.url + "/jour", allow_redirects=False).status_code == 303
    logged = [r.getMessage() for r in caplog.records if r.name == "advisors_web"]
    assert logged == ["login refused, wrong login or password: login='marie.dupont' client=127.0.0.1"]
    assert "mauvais" not in caplog.text


def test_an_unknown_login_gets_the_same_answer(agenda):
    response = agenda.post_login(agenda.session(), login="inconnu", password=PASSWORD)
    assert response.status_code == 401 and "Identifiant ou mot de passe incorrect." in response.text


def test_the_login_form_needs_its_csrf_token(agenda):
    session = agenda.session()
    session.get(agenda.url + "/connexion")
    for token in ("", "forged-token"):
        response = session.post(agenda.url + "/connexion", data={"csrf": token, "identifiant": LOGIN,
                                                                  "mot_de_passe": PASSWORD}, allow_redirects=False)
        assert response.status_code == 403 and "Le formulaire a expiré" in response.text
    # a token from another browser (another cookie) is refused too
    other = agenda.session()
    token = csrf_of(other.get(agenda.url + "/connexion").text)
    response = session.post(agenda.url + "/connexion", data={"csrf": token, "identifiant": LOGIN,
                                                              "mot_de_passe": PASSWORD}, allow_redirects=False)
    assert response.status_code == 403


def test_guesses_on_one_account_from_many_addresses_meet_growing_delays_not_a_lockout(make_agenda):
    agenda = make_agenda(trusted_proxy="127.0.0.1")  # the balancer: each address counted apart

    def attempt(number, password="essai au hasard"):
        return agenda.post_login(agenda.session(), password=password,
                                 headers={"X-Forwarded-For": f"10.0.{number // 250}.{number % 250}"})
    for number in range(3):  # a few mistakes cost nothing
        assert attempt(number).status_code == 401
    refused = attempt(3, PASSWORD)  # a fourth try, even from elsewhere and right, waits a second
    assert refused.status_code == 429
    assert "Trop de tentatives de connexion : réessayez dans 1 seconde." in refused.text
    waits = []
    for number in range(4, 24):  # each new failure doubles the wait, up to one minute
        wait = agenda.throttle_wait(LOGIN)
        waits.append(wait)
        agenda.clock.now += wait
        assert attempt(number).status_code == 401
    assert waits[:4] == [dt.timedelta(seconds=s) for s in (1, 2, 4, 8)] and max(waits) == dt.timedelta(minutes=1)
    # the real advisor, from their own address, gets in after at most a minute
    assert attempt(99, PASSWORD).status_code == 429
    agenda.clock.now += dt.timedelta(minutes=1)
    assert attempt(99, PASSWORD).status_code == 303
    assert agenda.throttle_wait(LOGIN) is None  # a success forgets the account's failures


def test_guesses_from_one_address_on_many_accounts_are_slowed_too(make_agenda):
    agenda = make_agenda()
    session = agenda.session()
    for number in range(5):
        assert agenda.post_login(session, login=f"compte{number}", password="essai").status_code == 401
    refused = agenda.post_login(session)  # even the right password, from this address, for a second
    assert refused.status_code == 429 and "réessayez dans 1 seconde" in refused.text
    agenda.clock.now += dt.timedelta(seconds=1)
    assert agenda.post_login(session).status_code == 303


def test_the_counts_survive_a_restart_of_the_agenda(make_agenda):
    agenda = make_agenda()
    for _ in range(3):
        agenda.post_login(agenda.session(), password="essai")
    restarted = agenda.restart()
    assert restarted.post_login(restarted.session()).status_code == 429


def test_fifty_guesses_sent_at_once_are_checked_one_after_the_other(agenda):
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=25) as pool:
        codes = list(pool.map(lambda _: agenda.post_login(agenda.session(), password="essai").status_code,
                              range(50)))
    assert codes.count(401) == 3 and codes.count(429) == 47  # the clock stands still: no wait ever passes


def test_forwarded_addresses_are_believed_only_from_the_configured_proxy(make_agenda):
    ignored = make_agenda()  # no proxy configured: X-Forwarded-For cannot dodge the limit
    session = ignored.session()
    for n in range(5):
        ignored.post_login(session, login=f"compte{n}", password="essai", headers={"X-Forwarded-For": f"10.0.0.{n}"})
    assert ignored.post_login(session, headers={"X-Forwarded-For": "10.0.0.99"}).status_code == 429
    behind = make_agenda(trusted_proxy="127.0.0.1")  # the balancer: each client counted apart
    session = behind.session()
    for n in range(5):
        behind.post_login(session, login=f"compte{n}", password="essai", headers={"X-Forwarded-For": "10.0.0.1"})
    assert behind.post_login(session, headers={"X-Forwarded-For": "10.0.0.1"}).status_code == 429
    assert behind.post_login(session, headers={"X-Forwarded-For": "10.0.0.2"}).status_code == 303
    # a first entry written by the client itself does not make a new client
    assert behind.post_login(behind.session(), login="compte9",
                             headers={"X-Forwarded-For": "192.0.2.7, 10.0.0.1"}).status_code == 429


def test_a_session_expires_after_an_hour_without_activity(agenda):
    session = agenda.login()
    agenda.clock.now += dt.timedelta(minutes=59)
    assert session.get(agenda.url + "/jour", allow_redirects=False).status_code == 200
    agenda.clock.now += dt.timedelta(minutes=61)
    response = session.get(agenda.url + "/jour", allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"].startswith("/connexion")


def test_a_session_ends_ten_hours_after_the_login_even_when_used(agenda):
    session = agenda.login()
    for _ in range(21):
        agenda.clock.now += dt.timedelta(minutes=30)
        session.get(agenda.url + "/jour")
    assert session.get(agenda.url + "/jour", allow_redirects=False).status_code == 303


def test_logout_needs_the_csrf_token_and_ends_the_session(agenda):
    session = agenda.login()
    page = session.get(agenda.url + "/jour")
    assert session.post(agenda.url + "/deconnexion", data={}, allow_redirects=False).status_code == 403
    stolen_cookie = session.cookies.get("agenda_session")
    response = session.post(agenda.url + "/deconnexion", data={"csrf": csrf_of(page.text)}, allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"] == "/connexion"
    replay = agenda.session()
    replay.cookies.set("agenda_session", stolen_cookie)
    assert replay.get(agenda.url + "/jour", allow_redirects=False).status_code == 303


def test_the_csrf_token_of_one_session_does_not_work_in_another(agenda):
    booking = agenda.book(at(14, 10))
    mine, other = agenda.login(), agenda.login()
    token = csrf_of(other.get(agenda.url + "/jour").text)
    response = mine.post(agenda.url + f"/rendez-vous/{booking.reference}/annulation", data={"csrf": token},
                         allow_redirects=False)
    assert response.status_code == 403 and "Ce formulaire a expiré" in response.text
    assert agenda.store.by_reference(booking.reference) is not None
