"""The markup check that Chat applies to every bot reply of the conversation tests trips on markup
and lets plain French through (no server needed)."""
import pytest

from tests.conversations.conftest import check_plain_text

PLAIN = ["1. ITN5 — Cycle de vie de la donnée\nVous êtes éligible. Financement possible : 75 % de 300 000 €, "
         "soit jusqu'à 225 000 €.\n• Faire appel à une ou plusieurs entreprises (siège en France).",
         "Gardez-la avec votre adresse marie.dupont@lyon.fr ; « 300 000 € » ou « 1,5 M€ » ; 2 * 3 = 6 ; a < b > c",
         "Démarches en ligne : https://www.demarches-simplifiees.fr/commencer/aap_tnt"]
MARKED = ["Voici <b>TNT-COOP</b>", "ligne 1<br>ligne 2", "ligne 1<br/>ligne 2", "<p>Bonjour</p>",
          "**75 %** de 400 000 €", "__important__", "*éligible*", "_éligible_", "300&nbsp;000 €",
          "TNT-COOP &amp; FEDER-NUM", "voir &#8217;", "[le site](https://www.numerique.gouv.fr)", "`ITN5`",
          "## ITN5"]


@pytest.mark.parametrize("text", MARKED)
def test_markup_in_a_reply_fails_the_conversation(text):
    with pytest.raises(AssertionError, match="markup"):
        check_plain_text([{"recipient_id": "x", "text": text}])


def test_markup_in_a_button_title_fails_too():
    with pytest.raises(AssertionError, match="markup"):
        check_plain_text([{"text": "Choisissez :", "buttons": [{"title": "<i>ITN5</i>", "payload": "/affirm"}]}])


@pytest.mark.parametrize("text", PLAIN)
def test_plain_french_passes(text):
    check_plain_text([{"text": text, "buttons": [{"title": "Détails de TNT-COOP",
                                                  "payload": '/ask_call_info{"call_code": "TNT-COOP"}'}]}])
