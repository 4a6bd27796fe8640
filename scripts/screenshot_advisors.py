"""Take docs/advisors.png, the README's picture of the advisors' web agenda (--statistiques:
docs/statistiques.png, its statistics page on a month of seeded conversations).

    .venv/bin/python scripts/screenshot_advisors.py [--statistiques] [--output PATH]

Books three cases in a throwaway database (summaries composed by the assistant's own
orientation/replies/advisor_summary.py at the reference date 2021-10-15, as a conversation would store them), starts
the agenda server with a throwaway account on a free port, logs in with headless Chromium
(Debian's /usr/bin/chromium, or $CHROMIUM) and shoots the day.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.browser import CHROMIUM_MISSING, chromium_missing, launch  # noqa: E402  (the browser as the tests run it)
from devtools.conversation_seed import demo_seeds, save_conversations  # noqa: E402
from devtools.stack import advisors_server, environment  # noqa: E402
from orientation.advisors_web.accounts import hash_password, save_accounts  # noqa: E402
from orientation.booking.config import load_config  # noqa: E402
from orientation.booking.slots import PARIS, is_open_day  # noqa: E402
from orientation.booking.store import BookingStore  # noqa: E402
from orientation.eligibility import Profile, evaluate  # noqa: E402
from orientation.replies.advisor_summary import advisor_summary  # noqa: E402

LOGIN, PASSWORD = "conseiller.demo", "capture d'écran seulement"
REFERENCE_DATE = dt.date(2021, 10, 15)
CASES = [  # (time, name, organisation, email, profile, questions)
    ((9, 30), "Sophie Martin", "Mairie de Rennes", "sophie.martin@ville-rennes.fr",
     Profile("commune", population=350_000, budget=400_000, nature="cooperation_usagers", date=REFERENCE_DATE),
     ["peut-on financer du personnel ?"]),
    ((10, 15), "Karim Benali", "DREAL Occitanie", "karim.benali@developpement-durable.gouv.fr",
     Profile("service_deconcentre", budget=600_000, nature="relation_usagers", date=REFERENCE_DATE), []),
    ((14, 0), "Claire Dubois", "Département du Nord", "claire.dubois@lenord.fr",
     Profile("departement", population=2_600_000, budget=300_000, nature="donnees", date=REFERENCE_DATE),
     ["faut-il un cofinancement ?", "jusqu'à quand candidater ?"]),
]


def book_cases(store: BookingStore, day: dt.date) -> None:
    for (hour, minute), name, organisation, email, profile, questions in CASES:
        store.book(dt.datetime.combine(day, dt.time(hour, minute), PARIS), name, organisation, email,
                   advisor_summary(profile, evaluate(profile), questions), {"applicant_type": profile.applicant_type},
                   dt.datetime.now(dt.timezone.utc))


def next_weekday() -> dt.date:
    day = dt.datetime.now(PARIS).date() + dt.timedelta(days=1)
    while not is_open_day(load_config(), day):  # the store refuses weekends and public holidays
        day += dt.timedelta(days=1)
    return day


def shoot(url: str, day: dt.date, output: Path) -> None:
    from playwright.sync_api import expect, sync_playwright
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 1400}, locale="fr-FR")
        page.goto(f"{url}/jour?date={day.isoformat()}")
        page.get_by_label("Identifiant").fill(LOGIN)
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        expect(page.locator("[data-reference]")).to_have_count(len(CASES))
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output))
        browser.close()


STATISTICS_FIRST, STATISTICS_DAYS = dt.date(2021, 9, 20), 28


def shoot_statistics(url: str, output: Path) -> None:
    """The statistics of the seeded month, the whole page."""
    from playwright.sync_api import expect, sync_playwright
    last = STATISTICS_FIRST + dt.timedelta(days=STATISTICS_DAYS - 1)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        page.goto(f"{url}/statistiques?du={STATISTICS_FIRST.isoformat()}&au={last.isoformat()}")
        page.get_by_label("Identifiant").fill(LOGIN)
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        charts = page.locator("bar-chart canvas")
        expect(charts.first).to_be_visible()
        page.wait_for_timeout(1000)  # the charts' entry animation
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output), full_page=True)
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statistiques", action="store_true", help="the statistics page, not the day")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    args.output = args.output or ROOT / "docs" / ("statistiques.png" if args.statistiques else "advisors.png")
    if chromium_missing():
        print(CHROMIUM_MISSING, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="screenshot-advisors-") as tmp:
        folder = Path(tmp)
        accounts, url = folder / "advisors.yml", f"sqlite:///{folder / 'orientation.db'}"
        save_accounts(accounts, {LOGIN: hash_password(PASSWORD)})
        store, day = BookingStore(url), next_weekday()
        book_cases(store, day)
        store.close()
        if args.statistiques:
            save_conversations(url, demo_seeds(STATISTICS_FIRST, STATISTICS_DAYS, PARIS, REFERENCE_DATE))
        env = environment({"ORIENTATION_DATABASE_URL": url, "ORIENTATION_ADVISORS_ACCOUNTS": str(accounts)})
        with advisors_server(folder / "advisors.log", env) as port:
            if args.statistiques:
                shoot_statistics(f"http://127.0.0.1:{port}", args.output)
            else:
                shoot(f"http://127.0.0.1:{port}", day, args.output)
    print(f"Capture écrite dans {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
