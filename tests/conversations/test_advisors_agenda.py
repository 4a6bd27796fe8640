"""A booking made through the REST channel shows up, with its summary, on the advisors' web agenda
after login, and the advisor can cancel it there (the user's notice goes to the injected mailer)."""
import re

import pytest
import requests

from orientation.advisors_web.accounts import hash_password, save_accounts
from orientation.advisors_web.app import create_app
from orientation.booking.config import load_config
from orientation.booking.store import BookingStore
from tests.advisors_web.conftest import csrf_of, serve
from tests.conversations.test_booking_conversation import REFERENCE, book
from tests.french import nb

LOGIN, PASSWORD = "marie.dupont", "correct horse battery"


@pytest.fixture
def agenda(tmp_path, servers):
    accounts = tmp_path / "advisors.yml"
    save_accounts(accounts, {LOGIN: hash_password(PASSWORD)})
    store = BookingStore(servers["database_url"], load_config(servers["env"]["BOOKING_CONFIG"]))
    notified = []
    url, stop = serve(create_app(store, accounts, notify_cancelled=notified.append, failure_delay=0))
    yield {"url": url, "store": store, "notified": notified}
    stop()
    store.close()


def test_a_booking_from_the_chat_is_on_the_advisors_page_and_can_be_cancelled_there(chat, new_chat, agenda):
    start, confirmation = book(chat, email="claire.roux@occitanie.gouv.fr")
    reference = REFERENCE.search(confirmation).group(0)

    session = requests.Session()
    assert session.get(agenda["url"] + f"/jour?date={start.date()}", allow_redirects=False).status_code == 303
    token = csrf_of(session.get(agenda["url"] + "/connexion").text)
    session.post(agenda["url"] + "/connexion", data={"csrf": token, "identifiant": LOGIN, "mot_de_passe": PASSWORD})
    page = session.get(agenda["url"] + f"/jour?date={start.date()}").text
    card = re.search(rf'data-reference="{reference}".*?</article>', page, re.S).group(0)
    assert nb(f"{start.hour} h {start:%M} –") in card and "Marie Dupont" in card and "DREAL Occitanie" in card
    assert "claire.roux@occitanie.gouv.fr" in card
    # the DREAL Occitanie covers its région: the profile line also carries its official population
    assert "Profil : un service déconcentré de l&#39;État, " in card and nb("projet de 600 000 € TTC") in card
    assert nb("ITN8A (vous êtes éligible, 75 % de 600 000 €, soit jusqu&#39;à 450 000 €") in card

    found = session.get(agenda["url"] + "/recherche", params={"reference": reference.lower()})
    assert found.url.endswith(f"/rendez-vous/{reference}")
    session.post(agenda["url"] + f"/rendez-vous/{reference}/annulation", data={"csrf": csrf_of(found.text)})
    assert [b.reference for b in agenda["notified"]] == [reference]
    assert agenda["store"].by_reference(reference) is None
    # the user, asking later in another conversation, learns it is gone
    other = new_chat()
    other.say(f"je voudrais voir mon rendez-vous {reference}")
    assert f"Je ne trouve aucun rendez-vous à venir avec la référence {reference}" in \
        other.say("claire.roux@occitanie.gouv.fr")
