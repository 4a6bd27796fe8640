"""Through the rest channel: the « fiche projet » after a recommendation, asked in the user's words;
the link in the reply opens this conversation's PDF, and no other conversation's."""
import re
import urllib.error
import urllib.request

import pytest

from tests.conversations.test_booking_conversation import book
from tests.fiche.pdf_text import pdf_text
from tests.french import nb

LINK = re.compile(r"https?://[^\s]+/webhooks/fiche/[0-9a-f]{48}")
PROJECT = "Je suis une commune de 350 000 habitants, projet de participation citoyenne à 400 000 €"


def download(url):
    with urllib.request.urlopen(url, timeout=60) as answer:
        return answer.headers, answer.read()


@pytest.mark.parametrize("asked", ["la fiche du projet", "je peux avoir un récapitulatif en PDF ?",
                                   "vous pourriez m'envoyer un recap pdf", "une fiche de synthese svp"])
def test_asked_in_the_users_words_the_reply_carries_a_link_to_the_pdf(chat, asked):
    chat.say(PROJECT)
    assert any(b["title"] == "Télécharger la fiche projet (PDF)" for b in chat.buttons)
    answer = chat.say(asked)
    link = LINK.search(answer).group(0)
    document = next(r["custom"]["document"] for r in chat.replies if "custom" in r and "document" in r["custom"])
    assert document["url"] == link and document["filename"].endswith(".pdf")
    headers, data = download(link)
    assert headers["Content-Type"] == "application/pdf"
    text = pdf_text(data)
    assert "TNT-COOP —" in text and nb("Part de l'appel TNT-COOP 300 000 €") in text


def test_the_button_gives_the_link_and_another_conversation_cannot_guess_one(chat, new_chat):
    chat.say(PROJECT)
    link = LINK.search(chat.say("/ask_fiche")).group(0)
    other = new_chat()
    other.say("Je suis une région, projet de données à 800 000 €")
    other_link = LINK.search(other.say("la fiche du projet")).group(0)
    assert other_link != link and "Part de l'appel TNT-COOP" not in pdf_text(download(other_link)[1])
    with pytest.raises(urllib.error.HTTPError) as refused:
        download(link[:-4] + ("0000" if not link.endswith("0000") else "1111"))
    assert refused.value.code == 404


def test_the_booking_confirmation_carries_the_link_too(chat):
    _, confirmation = book(chat, email="jeanne.vert@lyon.fr")
    assert "C'est réservé" in confirmation
    link = LINK.search(confirmation).group(0)
    assert "que le conseiller aura sous les yeux pendant le rendez-vous" in confirmation
    text = pdf_text(download(link)[1])
    assert "ITN8A —" in text and "Plan de financement" in text
