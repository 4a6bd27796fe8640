"""The advisors' agenda served for real on a free local port (aiohttp in a thread), on a fresh
SQLite store with the booking tests' settings, a clock the tests move, and a recording mailer."""
import asyncio
import datetime as dt
import re
import threading

import pytest
import requests
from aiohttp import web

from devtools.processes import free_port
from orientation.advisors_web.accounts import hash_password, save_accounts
from orientation.advisors_web.app import create_app
from orientation.booking.store import BookingStore
from tests.booking.conftest import make_config

LOGIN, PASSWORD = "marie.dupont", "correct horse battery"
PARIS_SUMMER = dt.timezone(dt.timedelta(hours=2))
NOW = dt.datetime(2021, 10, 13, 8, 0, tzinfo=dt.timezone.utc)  # a Wednesday
SUMMARY = ("Profil : commune, 350 000 habitants, budget 400 000 €, thème participation citoyenne.\n"
           "Appels recommandés :\n• TNT-COOP (éligible, 75 % de 400 000 €, soit jusqu'à 300 000 €, ouvert)\n"
           "Questions posées : peut-on financer du personnel ?")


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture(scope="session")
def account_hash():
    return hash_password(PASSWORD)  # argon2 is slow on purpose: once per run


@pytest.fixture
def accounts_file(tmp_path, account_hash):
    path = tmp_path / "advisors.yml"
    save_accounts(path, {LOGIN: account_hash})
    return path


class Agenda:
    """The running app and what the tests look at: its store, clock and the mails it asked for."""

    def __init__(self, url, store, clock, notified, restart=None):
        self.url, self.store, self.clock, self.notified = url, store, clock, notified
        self._restart = restart

    def restart(self):
        """Another app on the same store and clock, as after a restart of the agenda's process."""
        return self._restart()

    def throttle_wait(self, login, client="127.0.0.1"):
        """The wait the login throttle imposes, read from the database as the app reads it."""
        from orientation.advisors_web.throttle import LoginThrottle
        return LoginThrottle(self.store.engine, self.clock).wait(login, client)

    def book(self, start, name="Sophie Martin", email="sophie.martin@gironde.gouv.fr", summary=SUMMARY,
             organisation="Mairie de Bordeaux"):
        # booked the day before the slot: past and future slots alike are in the agenda
        return self.store.book(start, name, organisation, email, summary, {"applicant_type": "commune"},
                               self.clock() - dt.timedelta(days=1), now=start - dt.timedelta(days=1))

    def session(self):
        return requests.Session()

    def login(self, session=None, login=LOGIN, password=PASSWORD, next_path="/jour"):
        session = session or self.session()
        response = self.post_login(session, login, password, next_path)
        assert response.status_code == 303, response.text
        return session

    def post_login(self, session, login=LOGIN, password=PASSWORD, next_path="/jour", headers=None):
        token = csrf_of(session.get(self.url + "/connexion").text)
        return session.post(self.url + "/connexion", data={"csrf": token, "identifiant": login,
                                                            "mot_de_passe": password, "suite": next_path},
                            allow_redirects=False, headers=headers or {})


def csrf_of(html):
    return re.search(r'name="csrf" value="([^"]*)"', html).group(1)


def serve(app):
    """Starts `app` on a free port in a thread of its own; returns (url, stop)."""
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, access_log=None)
    loop.run_until_complete(runner.setup())
    port = free_port()
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    def stop():
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.run_until_complete(runner.cleanup())
        loop.close()
    return f"http://127.0.0.1:{port}", stop


@pytest.fixture
def make_agenda(tmp_path, accounts_file):
    """make_agenda(**create_app options) -> Agenda; the mailer records the bookings by default."""
    stops, stores = [], []

    def make(store=None, clock=None, **options):
        if store is None:
            store = BookingStore(f"sqlite:///{tmp_path / f'bookings-{len(stores)}.db'}", make_config())
            stores.append(store)
        clock, notified = clock or Clock(NOW), []
        options.setdefault("notify_cancelled", notified.append)
        url, stop = serve(create_app(store, accounts_file, clock=clock, failure_delay=0, **options))
        stops.append(stop)
        return Agenda(url, store, clock, notified, restart=lambda: make(store, clock, **options))
    yield make
    for stop in stops:
        stop()
    for store in stores:
        store.close()


@pytest.fixture
def agenda(make_agenda):
    return make_agenda()


def at(day, hour, minute=0):
    """A Paris summer time on a day of October 2021."""
    return dt.datetime(2021, 10, day, hour, minute, tzinfo=PARIS_SUMMER)
