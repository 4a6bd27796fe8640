"""On a phone (390 px), no amount, rate or time is split across two lines: the assistant joins a
number and its unit with no-break spaces (orientation.language.french), in a recommendation and
in a booking confirmation alike."""
import re

from playwright.sync_api import expect

from tests.browser.test_cards import ISSUE_MESSAGE, open_chat, whole_reply
from tests.browser.test_widget import TIMEOUT, say

# Every amount (« 300 000 € », « 1,5 M€ »), rate (« 75 % »), big number (« 300 000 habitants »)
# and time (« 10 h 15 », « 14 h ») of the conversation, whatever space it is written with.
SPLIT_PIECES = r"""log => {
    const space = '[ \\u00a0\\u202f]';
    const pattern = new RegExp(
        `\\d{1,3}(?:${space}\\d{3})+(?:,\\d+)?(?:${space}(?:€|%|k€|M€))?` +
        `|\\d+(?:,\\d+)?${space}(?:€|%|k€|M€)` +
        `|\\b\\d{1,2}${space}h(?:${space}\\d{2})?\\b`, 'g');
    const split = [];
    // What the user typed is theirs, spaces included: only the assistant's words are checked.
    const walker = document.createTreeWalker(document.querySelector(log), NodeFilter.SHOW_TEXT, node =>
        node.parentElement.closest('.ofr-user') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(pattern)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                 .map(r => Math.round(r.top)));
            if (tops.size > 1) split.push(match[0]);
        }
    }
    return split;
}"""
WIDTHS = range(320, 481, 4)  # around 390 px too: where a line ends depends on the width


def split_pieces(page):
    """The amounts and times drawn on more than one line, at 390 px and at the widths around it."""
    found = {390: page.evaluate(SPLIT_PIECES, ".ofr-log")}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        found[width] = page.evaluate(SPLIT_PIECES, ".ofr-log")
    page.set_viewport_size({"width": 390, "height": 844})
    return {width: pieces for width, pieces in found.items() if pieces}


def test_no_amount_or_time_is_split_in_a_recommendation_or_a_booking(browser, site):
    context, page = open_chat(browser, site, 390, 844)
    say(page, ISSUE_MESSAGE)
    whole_reply(page)
    assert split_pieces(page) == {}
    page.screenshot(path=str(site["logs"] / "no-break-recommendation-390.png"))

    say(page, "je voudrais un rendez-vous avec la DINUM")
    slot = page.locator(".ofr-log button").filter(has_text=re.compile(r"\d\s*h")).first
    expect(slot).to_be_visible(timeout=TIMEOUT)
    slot.click()
    expect(page.locator(".ofr-bot").filter(has_text="prénom et nom").last).to_be_visible(timeout=TIMEOUT)
    say(page, "Marie Dupont")
    expect(page.locator(".ofr-bot").last).to_contain_text("organisation", timeout=TIMEOUT)
    say(page, "Mairie de Lyon")
    expect(page.locator(".ofr-bot").last).to_contain_text("adresse", timeout=TIMEOUT)
    say(page, "lucie.garnier@lyon.fr")  # an address no other test books with (one booking per address)
    consent = page.get_by_role("button", name="J'accepte").last
    expect(consent).to_be_visible(timeout=TIMEOUT)
    consent.click()
    expect(page.locator(".ofr-bot").filter(has_text=re.compile(r"DN-[A-Z0-9]{6}")).last).to_be_visible(timeout=TIMEOUT)
    assert split_pieces(page) == {}
    page.screenshot(path=str(site["logs"] / "no-break-booking-390.png"))
    context.close()
