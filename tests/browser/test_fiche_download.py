"""The « fiche projet » from the widget, as a visitor gets it: the button after the recommendation,
then the download link; the file is the PDF of this conversation, with the bot's figures."""
import re

from playwright.sync_api import expect

from tests.browser.test_widget import PROJECT, TIMEOUT, say
from tests.fiche.pdf_text import pdf_text
from tests.french import nb


def test_the_widget_downloads_the_fiche_of_the_conversation(page, tmp_path):
    page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
    say(page, PROJECT)
    button = page.get_by_role("button", name="Télécharger la fiche projet (PDF)").last
    expect(button).to_be_visible(timeout=TIMEOUT)
    button.click()
    link = page.locator('.ofr-log a[data-role="document"]').last
    expect(link).to_be_visible(timeout=TIMEOUT)
    expect(link).to_have_attribute("href", re.compile(r"^http://[^/]+/webhooks/fiche/[0-9a-f]{48}$"))
    # the same link is in the reply's text, for whoever reads it without the widget
    expect(page.locator(".ofr-bot .ofr-text a").filter(has_text="/webhooks/fiche/").last).to_be_visible()
    with page.expect_download(timeout=TIMEOUT) as downloading:
        link.click()
    download = downloading.value
    assert download.suggested_filename == "fiche-projet-france-relance-2021-10-15.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = pdf_text(path.read_bytes())
    assert "TNT-COOP —" in text and nb("75 % de 400 000 €, soit jusqu'à 300 000 €") in text
    assert nb("Part de l'appel TNT-COOP 300 000 €") in text and nb("350 000 habitants") in text
