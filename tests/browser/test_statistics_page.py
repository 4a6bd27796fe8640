"""The « Statistiques » page in headless Chromium, served by the agenda's own process on a month of
seeded conversations: reached from the menu, charts drawn by @gouvfr/dsfr-chart beside their tables,
no axe-core violation at 1280 and 390 px, nothing wider than the phone's screen."""
import datetime as dt

import pytest
from playwright.sync_api import expect

from devtools.conversation_seed import demo_seeds, save_conversations
from devtools.stack import advisors_server, environment
from orientation.advisors_web.accounts import hash_password, save_accounts
from orientation.booking.slots import PARIS

LOGIN, PASSWORD = "marie.dupont", "correct horse battery"
FIRST, LAST = dt.date(2021, 9, 20), dt.date(2021, 10, 17)
PERIOD = f"du={FIRST.isoformat()}&au={LAST.isoformat()}"
# Every violation, whatever its impact.
AXE_RUN = """async () => (await axe.run(document)).violations
    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""


@pytest.fixture(scope="module")
def advisors(tmp_path_factory):
    folder = tmp_path_factory.mktemp("statistics")
    accounts = folder / "advisors.yml"
    save_accounts(accounts, {LOGIN: hash_password(PASSWORD)})
    url = f"sqlite:///{folder / 'orientation.db'}"
    save_conversations(url, demo_seeds(FIRST, (LAST - FIRST).days + 1, PARIS, dt.date(2021, 10, 15)))
    env = environment({"ORIENTATION_DATABASE_URL": url, "ORIENTATION_ADVISORS_ACCOUNTS": str(accounts)})
    with advisors_server(folder / "advisors.log", env) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(params=[1280, 390], ids=["1280px", "390px"])
def page(browser, request):
    # The page forbids inline scripts (CSP); the test context lets axe-core in.
    context = browser.new_context(locale="fr-FR", bypass_csp=True,
                                  viewport={"width": request.param, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    yield page
    context.close()


def test_the_statistics_page_draws_its_charts_beside_accessible_tables(page, advisors):
    page.goto(advisors + "/jour")
    page.get_by_label("Identifiant").fill(LOGIN)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("link", name="Statistiques").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistiques des conversations")
    page.get_by_label("Du", exact=True).fill(FIRST.isoformat())
    page.get_by_label("Au", exact=True).fill(LAST.isoformat())
    page.get_by_role("button", name="Afficher").click()
    expect(page).to_have_url(advisors + "/statistiques?" + PERIOD)

    charts = page.locator("bar-chart")
    expect(charts).to_have_count(6)
    for n in range(6):  # each one drawn: its canvas is there and has a size
        expect(charts.nth(n).locator("canvas")).to_be_visible()
    for caption in ("Parcours", "Par type de demandeur", "Par thème du projet", "Par région", "Appels recommandés",
                    "Rendez-vous pris par semaine", "Questions restées sans réponse"):
        expect(page.locator("table caption", has_text=caption)).to_have_count(1)
    assert page.get_by_role("row", name="Commune").count() == 1
    expect(page.locator("table").filter(has_text="Questions restées sans réponse")).to_contain_text("[adresse e-mail]")
    expect(page.locator("body")).not_to_contain_text("claire.dubois")

    page.add_script_tag(path="node_modules/axe-core/axe.min.js")
    assert page.evaluate(AXE_RUN) == []
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page is wider than the screen"
    assert page.errors == []


def test_a_wrong_date_is_said_on_the_page(page, advisors):
    page.goto(advisors + "/statistiques?du=2021-10-20&au=2021-10-01")
    page.get_by_label("Identifiant").fill(LOGIN)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_contain_text("est après la date de fin")
    page.add_script_tag(path="node_modules/axe-core/axe.min.js")
    assert page.evaluate(AXE_RUN) == []
