"""Recommended calls as cards in the widget, the answer first, read from its start on a phone.

The servers run at the reference date of devtools/stack.py (ORIENTATION_DATE=2021-10-15), when the 2nd
session of TNT-COOP (75 %, at least 300 000 inhabitants) is open until 22 November 2021."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_widget import AXE, TIMEOUT, card, card_shows, open_with_keyboard, say

# The message of the issue's « done when », word for word.
ISSUE_MESSAGE = "Je suis une commune de 350 000 habitants, projet de participation citoyenne de 400 000 euros"
CLOSING = "Souhaitez-vous le détail d'un appel"


def open_chat(browser, site, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    page = context.new_page()
    page.goto(site["url"])
    page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
    return context, page


def whole_reply(page):
    """Waits for the last message of the recommendation (the question with its buttons)."""
    expect(page.locator(".ofr-bot").filter(has_text=CLOSING).last).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(300)  # the scroll follows the last message


def visible_in_log(page, selector):
    """Whether the element is entirely inside the conversation's visible area and the window."""
    return page.evaluate("""selector => {
        const log = document.querySelector('.ofr-log').getBoundingClientRect();
        const box = document.querySelector(selector).getBoundingClientRect();
        return box.top >= log.top && box.bottom <= log.bottom && box.bottom <= window.innerHeight
            && box.height > 0; }""", selector)


def test_done_when_at_390_by_844_the_tnt_coop_card_is_seen_without_scrolling(browser, site):
    context, page = open_chat(browser, site, 390, 844)
    say(page, ISSUE_MESSAGE)
    whole_reply(page)
    tnt_coop = '.ofr-log [data-call-code="TNT-COOP"]'
    # at the reference date the 2nd session (75 %, from 300 000 inhabitants) is open
    card_shows(page, "TNT-COOP", "Éligible", "jusqu'à 300 000 € (75 %)", "Ouvert jusqu'au 22 novembre 2021",
               "hors dépenses de personnel")
    assert visible_in_log(page, tnt_coop)
    assert visible_in_log(page, tnt_coop + ' [data-role="amount"]')
    # the answer first: the verdict sentence is the reply's first message, above the card
    first = page.locator(".ofr-bot").filter(has_text="Vous êtes éligible à TNT-COOP : jusqu'à 300 000 €")
    expect(first).to_be_visible()
    assert visible_in_log(page, ".ofr-bot:has(+ .ofr-cards-message)")
    context.close()


def test_a_new_reply_is_shown_from_its_start_and_announced_once(browser, site):
    context, page = open_chat(browser, site, 390, 844)
    say(page, "Bonjour")
    expect(page.locator(".ofr-bot").filter(has_text="Dites-moi qui vous êtes")).to_be_visible(timeout=TIMEOUT)
    # Everything added to the live region from now on, as a screen reader is told of it.
    page.evaluate("""() => { window.added = [];
        new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => window.added.push(n))))
            .observe(document.querySelector('.ofr-log'), {childList: true, subtree: true}); }""")
    say(page, ISSUE_MESSAGE)
    whole_reply(page)
    geometry = page.evaluate("""() => {
        const log = document.querySelector('.ofr-log');
        const bots = [...log.children];
        const user = bots.filter(m => m.classList.contains('ofr-user')).pop();
        const start = user.nextElementSibling;  // the first message of the reply
        return {scrollTop: log.scrollTop, max: log.scrollHeight - log.clientHeight,
                startTop: start.getBoundingClientRect().top - log.getBoundingClientRect().top,
                startText: start.textContent}; }""")
    assert geometry["max"] > 0  # the reply is longer than the screen…
    assert geometry["scrollTop"] < geometry["max"]  # …and the view is not at its end
    assert 0 <= geometry["startTop"] <= 16  # but at its start, at the top of the conversation
    assert "Vous êtes éligible à TNT-COOP" in geometry["startText"]
    added = page.evaluate("""() => window.added.filter(n => n.nodeType === 1 && n.parentNode
        && n.parentNode.classList && n.parentNode.classList.contains('ofr-log')).map(n => n.textContent)""")
    # each message enters the live region once: the user's, then the reply's, no text said twice
    assert sum(ISSUE_MESSAGE in text for text in added) == 1
    assert sum("Développer la coopération" in text for text in added) == 1  # the card, not its text as well
    assert not any(text.startswith("Assistant : 1. TNT-COOP") for text in added)
    assert len(added) == len(set(added))
    context.close()


def test_cards_carry_the_codes_amounts_and_one_details_button_each(page):
    page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
    say(page, ISSUE_MESSAGE)
    whole_reply(page)
    codes = page.locator(".ofr-log [data-call-code]").evaluate_all("cards => cards.map(c => c.dataset.callCode)")
    assert codes == ["TNT-COOP", "FEDER-NUM"]
    card_shows(page, "FEDER-NUM", "Éligible", "jusqu'à 240 000 € (60 %)", "Fonds européens, hors France Relance")
    # the card's button is the only « Détails de TNT-COOP »; the reply keeps its other buttons
    expect(page.get_by_role("button", name="Détails de TNT-COOP")).to_have_count(1)
    expect(page.get_by_role("button", name="Pourquoi pas TNT-DEMAT ?")).to_be_visible()
    expect(page.get_by_role("button", name="Prendre rendez-vous avec la DINUM")).to_be_visible()
    # a closed call that fits is said closed, as text, never on an open card
    expect(page.locator(".ofr-bot").filter(has_text="TNT-INCUB (Incubateur des Territoires) correspond à votre "
                                                     "profil, mais clôturé le 31 mai 2021")).to_be_visible()
    expect(card(page, "TNT-INCUB")).to_have_count(0)


def test_the_cards_buttons_work_with_the_keyboard(page):
    open_with_keyboard(page)
    page.keyboard.type(ISSUE_MESSAGE)
    page.keyboard.press("Enter")
    whole_reply(page)
    details = page.get_by_role("button", name="Détails de TNT-COOP")
    for _ in range(20):  # back from the input, through the reply's buttons, to the card's
        page.keyboard.press("Shift+Tab")
        if details.evaluate("node => node === document.activeElement"):
            break
    else:
        raise AssertionError("the card's « Détails » button cannot be reached with the keyboard")
    expect(details).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".ofr-user").last).to_have_text(re.compile("Détails de TNT-COOP"), timeout=TIMEOUT)
    answer = page.locator(".ofr-bot").filter(has_text="Pour votre projet : vous êtes éligible").last
    expect(answer).to_be_visible(timeout=TIMEOUT)
    expect(answer).to_contain_text("Population couverte 350 000 ≥ 300 000 habitants requis")
    # the other card's button, with the space bar this time
    feder = page.get_by_role("button", name="Détails de FEDER-NUM")
    feder.focus()
    page.keyboard.press(" ")
    expect(page.locator(".ofr-user").last).to_have_text(re.compile("Détails de FEDER-NUM"), timeout=TIMEOUT)


@pytest.mark.parametrize("width, height", [(360, 740), (1280, 800)])
def test_no_serious_accessibility_violation_with_cards_on_screen(browser, site, width, height):
    context, page = open_chat(browser, site, width, height)
    say(page, ISSUE_MESSAGE)
    whole_reply(page)
    assert visible_in_log(page, '.ofr-log [data-call-code="TNT-COOP"]')
    page.evaluate(AXE.read_text())  # through the DevTools protocol: the page's CSP refuses inline scripts
    violations = page.evaluate("""async () => (await axe.run(document)).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
    assert violations == []
    sizes = page.evaluate("""() => { const log = document.querySelector('.ofr-log');
        return {scroll: log.scrollWidth, client: log.clientWidth}; }""")
    assert sizes["scroll"] <= sizes["client"]  # cards never need horizontal scrolling
    context.close()
