"""The advisors' web agenda in headless Chromium, served by its own process as `make run` starts it:
log in, see a booking with its summary, cancel it; a wrong password is refused and logged; axe-core
finds no serious violation on any page."""
import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from devtools.stack import advisors_server, environment
from orientation.advisors_web.accounts import hash_password, save_accounts
from orientation.booking.config import load_config
from orientation.booking.slots import PARIS, is_open_day
from orientation.booking.store import BookingStore
from tests.smtp_server import SmtpServer, attachment

LOGIN, PASSWORD = "marie.dupont", "correct horse battery"
AXE_RUN = """async () => (await axe.run(document)).violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
SUMMARY = ("Profil : commune, Rennes (35), 230 890 habitants, budget 400 000 €, thème participation citoyenne.\n"
           "Appels recommandés :\n• TNT-COOP (éligible, 75 % de 400 000 €, soit jusqu'à 300 000 €, ouvert)\n"
           "Questions posées : peut-on financer du personnel ?")


@pytest.fixture(scope="module")
def advisors(tmp_path_factory):
    """The agenda server (scripts/advisors_server.py) on a free port, its database, accounts and log."""
    folder = tmp_path_factory.mktemp("advisors")
    accounts = folder / "advisors.yml"
    save_accounts(accounts, {LOGIN: hash_password(PASSWORD)})
    url = f"sqlite:///{folder / 'orientation.db'}"
    log = folder / "advisors.log"
    smtp = SmtpServer().start()  # a real mail server: the user's cancellation e-mail must arrive
    env = environment({"ORIENTATION_DATABASE_URL": url, "ORIENTATION_ADVISORS_ACCOUNTS": str(accounts),
                       "ORIENTATION_SMTP_URL": smtp.url, "ORIENTATION_ADVISORS_EMAIL": "conseillers@dinum.test"})
    store = BookingStore(url)
    try:
        with advisors_server(log, env) as port:
            yield {"url": f"http://127.0.0.1:{port}", "store": store, "log": log, "inbox": smtp.inbox}
    finally:
        store.close()
        smtp.stop()


def next_weekday_at_ten():
    """An open day (no weekend, no public holiday: the store refuses those) far enough ahead."""
    day = dt.datetime.now(PARIS).date() + dt.timedelta(days=3)
    while not is_open_day(load_config(), day):
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(10, 0), PARIS)


def assert_accessible(page):
    page.add_script_tag(path="node_modules/axe-core/axe.min.js")
    assert page.evaluate(AXE_RUN) == []


@pytest.fixture
def page(browser):
    # The page forbids inline scripts (CSP); the test context lets axe-core in.
    context = browser.new_context(locale="fr-FR", bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, password=PASSWORD):
    page.get_by_label("Identifiant").fill(LOGIN)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def test_a_wrong_password_is_refused_and_logged(page, advisors):
    page.goto(advisors["url"] + "/jour")
    expect(page.get_by_role("heading", name="Connexion à l'agenda des conseillers")).to_be_visible()
    assert_accessible(page)
    log_in(page, password="ce n'est pas le bon")
    expect(page.get_by_role("alert")).to_have_text("Identifiant ou mot de passe incorrect.")
    expect(page.get_by_label("Identifiant")).to_have_value(LOGIN)
    logged = advisors["log"].read_text()
    assert f"login refused, wrong login or password: login='{LOGIN}' client=127.0.0.1" in logged
    assert "pas le bon" not in logged


def test_an_advisor_logs_in_sees_a_booking_and_cancels_it(page, advisors):
    store = advisors["store"]
    start = next_weekday_at_ten()
    booking = store.book(start, "Sophie Martin", "Mairie de Rennes", "sophie.martin@rennes.fr", SUMMARY,
                         {"applicant_type": "commune"}, dt.datetime.now(dt.timezone.utc))
    page.goto(advisors["url"] + f"/jour?date={start.date()}")
    log_in(page)
    expect(page).to_have_url(re.compile(rf"/jour\?date={start.date()}$"))
    card = page.locator(f'[data-reference="{booking.reference}"]')
    expect(card).to_contain_text("10\u00a0h\u00a000 – 10\u00a0h\u00a015 · Sophie Martin, Mairie de Rennes")
    expect(card).to_contain_text("TNT-COOP (éligible, 75 % de 400 000 €, soit jusqu'à 300 000 €, ouvert)")
    expect(card).to_contain_text("Questions posées : peut-on financer du personnel ?")
    assert_accessible(page)

    page.get_by_role("link", name="Voir la semaine").click()
    expect(page.locator(f'[data-reference="{booking.reference}"]')).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Rechercher une référence").fill(booking.reference.lower())
    page.get_by_role("button", name="Rechercher").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Rendez-vous {booking.reference}")
    assert_accessible(page)
    page.get_by_role("link", name="Annuler ce rendez-vous").click()
    expect(page.get_by_text("sera supprimé, avec ses données personnelles")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer l'annulation").click()

    expect(page.get_by_role("status")).to_contain_text(f"Le rendez-vous {booking.reference}")
    expect(page.get_by_role("status")).to_contain_text("est annulé")
    expect(page.get_by_role("status")).to_contain_text("L'usager en est informé par e-mail")
    expect(page.locator(f'[data-reference="{booking.reference}"]')).to_have_count(0)
    assert store.by_reference(booking.reference) is None
    [sent] = advisors["inbox"].to("sophie.martin@rennes.fr")
    assert sent["Subject"].startswith("Votre rendez-vous avec la DINUM est annulé")
    assert booking.reference in sent["Subject"]
    assert booking.reference in sent.get_body(("plain",)).get_content()
    assert "METHOD:CANCEL" in attachment(sent).get_content()
    assert advisors["inbox"].to("conseillers@dinum.test"), "the advisors are told of the cancellation"

    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("heading", name="Connexion à l'agenda des conseillers")).to_be_visible()
    page.goto(advisors["url"] + "/semaine")
    expect(page).to_have_url(re.compile(r"/connexion\?suite="))
