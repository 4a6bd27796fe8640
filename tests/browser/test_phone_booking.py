"""On a phone (390 × 844), « je voudrais un rendez-vous » after a complete profile shows the slot
buttons at once; the advisor's summary is folded under them behind « Voir le résumé transmis au
conseiller »; no bubble is ever empty, the invitation's link included."""
import re

from playwright.sync_api import expect

from tests.browser.test_cards import ISSUE_MESSAGE, open_chat, visible_in_log, whole_reply
from tests.browser.test_widget import AXE, TIMEOUT, say

SUMMARY_LABEL = "Voir le résumé transmis au conseiller"
# Bubbles with nothing visible in them (the « Assistant : » for screen readers aside), and text
# paragraphs without text.
EMPTY_BUBBLES = """() => {
    const bubbles = [...document.querySelectorAll('.ofr-log .ofr-message')];
    const empty = bubbles.filter(b => ![...b.children].some(c => !c.classList.contains('ofr-sr-only')
        && c.getBoundingClientRect().height > 0 && c.textContent.trim()));
    const blank = [...document.querySelectorAll('.ofr-log .ofr-text')].filter(p => !p.textContent.trim());
    return empty.length + blank.length;
}"""


def test_on_a_phone_the_slots_come_first_and_the_summary_is_folded(browser, site):
    context, page = open_chat(browser, site, 390, 844)
    say(page, ISSUE_MESSAGE)
    whole_reply(page)
    say(page, "je voudrais un rendez-vous")
    slot = page.locator(".ofr-log .ofr-choice").filter(has_text=re.compile(r"\d\s*h")).first
    expect(slot).to_be_visible(timeout=TIMEOUT)
    disclosure = page.locator(".ofr-log details.ofr-disclosure")
    expect(disclosure).to_have_count(1, timeout=TIMEOUT)
    page.wait_for_timeout(300)  # the view settles on the reply's start
    # the first slot button is on screen without scrolling
    slot.evaluate("node => node.setAttribute('data-first-slot', '')")
    assert visible_in_log(page, "[data-first-slot]")
    # the summary is under the slots, folded, and opens on its label
    assert page.evaluate("""() => {
        const slots = document.querySelector('[data-first-slot]');
        const summary = document.querySelector('.ofr-log details.ofr-disclosure');
        return !!(slots.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    expect(disclosure).not_to_have_attribute("open", "")
    page.screenshot(path=str(site["logs"] / "phone-booking-slots-390.png"))
    page.get_by_text(SUMMARY_LABEL).click()
    expect(disclosure.locator(".ofr-text")).to_contain_text("habitants")
    page.evaluate(AXE.read_text())  # through the DevTools protocol: the page's CSP refuses inline scripts
    assert page.evaluate("""async () => (await axe.run(document)).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)""") == []
    # the texts the rest channel reads are not drawn twice
    expect(page.locator(".ofr-log").get_by_text("Le conseiller recevra ce résumé")).to_have_count(0)
    assert page.evaluate(EMPTY_BUBBLES) == 0

    slot.click()
    expect(page.locator(".ofr-bot").filter(has_text="prénom et nom").last).to_be_visible(timeout=TIMEOUT)
    # the three fields in one message, and the consent button's label typed
    say(page, "Claire Fontaine, mairie de Lyon, claire.fontaine.tel@lyon.fr")
    expect(page.get_by_role("button", name="J'accepte").last).to_be_visible(timeout=TIMEOUT)
    say(page, "j'accepte")
    expect(page.locator(".ofr-bot").filter(has_text=re.compile(r"DN-[A-Z0-9]{6}")).last).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name="Ajouter à mon agenda (.ics)").last.click()
    link = page.locator(".ofr-log .ofr-file").last
    expect(link).to_be_visible(timeout=TIMEOUT)
    # the link sits in the bubble that announces it
    expect(page.locator(".ofr-bot:has(.ofr-file)").last).to_contain_text("Voici l'invitation")
    assert page.evaluate(EMPTY_BUBBLES) == 0
    page.screenshot(path=str(site["logs"] / "phone-booking-ics-390.png"))
    context.close()
