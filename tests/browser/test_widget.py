"""The chat widget on the demo page, used as a visitor would, in headless Chromium."""
import re
import subprocess
import time
from pathlib import Path

from playwright.sync_api import expect

from devtools.processes import free_port, wait_until_up
from devtools.stack import ROOT, VENV_BIN, environment, rasa_server, web_server

PROJECT = "Je suis une commune de 350 000 habitants, projet de participation citoyenne à 400 000 €"
# Other profiles, so that more calls and rates are seen through the widget (ITN8A, SNAP3, FEDER-NUM).
CONTACT_CENTRE = "Je suis la DREAL Occitanie, projet de centre de contact à 600 000 €"
TERMINALS = "Je suis le ministère de l'Intérieur, projet de 3 M€ pour équiper les agents de terminaux sécurisés"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT = 30_000


def open_with_keyboard(page):
    """Tab from the top of the page until the launcher has the focus, then press Enter."""
    launcher = page.get_by_role("button", name=re.compile("Discuter avec l'assistant"))
    for _ in range(30):
        page.keyboard.press("Tab")
        if launcher.evaluate("node => node === document.activeElement"):
            break
    else:
        raise AssertionError("the launcher cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    expect(page.get_by_role("textbox", name="Votre message")).to_be_focused()


def say(page, text):
    box = page.get_by_role("textbox", name="Votre message")
    box.fill(text)
    box.press("Enter")
    # Before the socket is connected (a loaded machine), the widget keeps the text in the box and
    # says so: send again, as a user would, until it leaves the box.
    deadline = time.monotonic() + TIMEOUT / 1000
    while box.input_value() == text and time.monotonic() < deadline:
        page.wait_for_timeout(500)
        box.press("Enter")


def bot_says(page, text):
    expect(page.locator(".ofr-bot").filter(has_text=text).last).to_be_visible(timeout=TIMEOUT)


def card(page, code):
    """A recommended call drawn as a card (contract §6)."""
    return page.locator(f'.ofr-log [data-call-code="{code}"]')


def card_shows(page, code, *texts):
    expect(card(page, code)).to_be_visible(timeout=TIMEOUT)
    for text in texts:
        expect(card(page, code)).to_contain_text(text)


def test_keyboard_only_conversation_recommends_tnt_coop(page):
    open_with_keyboard(page)
    page.keyboard.type(PROJECT)
    page.keyboard.press("Enter")
    card_shows(page, "TNT-COOP", "jusqu'à 300 000 € (75 %)")
    # new messages are announced to screen readers
    expect(page.get_by_role("log")).to_have_attribute("aria-live", "polite")
    # the reply's buttons are real buttons, reachable with Tab
    expect(page.get_by_role("button", name="Détails de TNT-COOP")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_role("button", name=re.compile("Discuter avec l'assistant"))).to_be_focused()


def test_a_button_from_a_reply_sends_its_payload(page):
    page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
    say(page, PROJECT)
    page.get_by_role("button", name="Détails de TNT-COOP").click()
    expect(page.locator(".ofr-user").last).to_have_text(re.compile("Détails de TNT-COOP"))
    bot_says(page, "Cofinancement : 75 %")


def test_a_reload_keeps_the_conversation(page):
    page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
    say(page, CONTACT_CENTRE)
    card_shows(page, "ITN8A", "Mettre en œuvre une stratégie de contact omnicanale")
    page.reload()
    expect(page.locator(".ofr-user").first).to_have_text(re.compile("centre de contact à 600 000 €"))
    card_shows(page, "ITN8A", "jusqu'à 450 000 € (75 %)")  # the cards are kept too
    say(page, "combien pourrions-nous obtenir ?")  # the server remembers the profile too
    bot_says(page, "ITN8A : 75 % de 600 000 €, soit jusqu'à 450 000 € (vous êtes éligible)")


def test_markup_is_shown_as_text_and_never_run(page):
    page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
    say(page, "<img src=x onerror=alert(1)>")
    expect(page.locator(".ofr-user .ofr-text").last).to_have_text("<img src=x onerror=alert(1)>", timeout=TIMEOUT)
    expect(page.locator(".ofr-bot").last).to_be_visible(timeout=TIMEOUT)
    assert page.locator(".ofr-log img").count() == 0
    assert page.dialogs == []


def test_restart_control_starts_over(page):
    page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
    say(page, TERMINALS)
    card_shows(page, "SNAP3", "jusqu'à 2 000 000 € (75 %, plafonné)")
    page.get_by_role("button", name="Recommencer la conversation").click()
    bot_says(page, "C'est reparti de zéro")
    expect(page.locator(".ofr-bot").filter(has_text="SNAP3")).to_have_count(0)


def test_the_page_has_no_serious_accessibility_violation(page):
    page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
    say(page, PROJECT)
    card_shows(page, "TNT-COOP")
    page.evaluate(AXE.read_text())  # through the DevTools protocol: the page's CSP refuses inline scripts
    violations = page.evaluate("""async () => (await axe.run(document)).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
    assert violations == []


def test_long_replies_stay_readable_on_a_phone(browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    page = context.new_page()
    page.goto(site["url"])
    page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
    say(page, "Nous sommes une région")  # the longest reply: two calls, and those that do not fit
    bot_says(page, "objet du projet")
    say(page, "ouvrir nos données")
    bot_says(page, "coût total")
    say(page, "1 M€")
    card_shows(page, "FEDER-NUM", "jusqu'à 600 000 € (60 %)")
    bot_says(page, "Sur ce thème, ne vous sont pas ouverts")
    sizes = page.evaluate("""() => { const log = document.querySelector('.ofr-log');
        const panel = document.querySelector('.ofr-panel').getBoundingClientRect();
        return {scroll: log.scrollWidth, client: log.clientWidth, left: panel.left, right: panel.right}; }""")
    assert sizes["scroll"] <= sizes["client"]  # no horizontal scrolling
    assert sizes["left"] >= 0 and sizes["right"] <= 360
    context.close()


def test_a_message_awaiting_its_reply_comes_back_when_the_connection_drops(browser, tmp_path):
    """Sent, then the server goes away before answering: the text returns to the input."""
    port = free_port()
    log = tmp_path / "silent.log"
    with open(log, "w") as out:
        server = subprocess.Popen([str(VENV_BIN / "python"), str(Path(__file__).with_name("silent_server.py")),
                                   str(port)], cwd=ROOT, env=environment(), stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", 20, server, log)
        with web_server(tmp_path, port) as web:
            context = browser.new_context(locale="fr-FR")
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{web}/")
            page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
            say(page, "Nous sommes la DDT du Rhône")
            box = page.get_by_role("textbox", name="Votre message")
            expect(box).to_have_value("")
            expect(page.locator(".ofr-typing")).to_be_visible()
            server.kill()  # as a crash: aiohttp would wait for the open websocket to close
            server.wait(timeout=10)
            expect(page.get_by_role("status")).to_contain_text("Connexion au service perdue", timeout=TIMEOUT)
            expect(box).to_have_value("Nous sommes la DDT du Rhône")
            expect(page.locator(".ofr-typing")).to_be_hidden()
            context.close()
    finally:
        server.kill()
        server.wait(timeout=10)


def test_server_down_then_back(browser, site, tmp_path):
    """The widget says so in French, keeps the typed text, reconnects by itself and chats again."""
    port = free_port()  # the same Rasa port before and after the restart, as in production
    with web_server(tmp_path, port) as web:
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        with rasa_server(tmp_path, site["actions"], port=port, env=site["env"]):
            page.goto(f"http://127.0.0.1:{web}/")
            page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
            say(page, "Nous sommes une commune de 350 000 habitants")
            bot_says(page, "objet du projet")
        status = page.get_by_role("status")
        expect(status).to_contain_text("Connexion au service perdue", timeout=TIMEOUT)
        say(page, "une plateforme de participation citoyenne")
        expect(status).to_contain_text("il reste dans la zone de saisie")
        box = page.get_by_role("textbox", name="Votre message")
        expect(box).to_have_value("une plateforme de participation citoyenne")
        with rasa_server(tmp_path, site["actions"], port=port, env=site["env"]):
            expect(status).to_contain_text("Connexion rétablie", timeout=60_000)
            page.keyboard.press("Enter")  # the kept text, sent as is
            bot_says(page, "coût total prévu du projet")  # the conversation went on where it was
        context.close()
