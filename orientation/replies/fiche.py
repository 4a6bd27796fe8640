"""The « fiche projet » in the chat (contract §7): the button after every recommendation, and the
reply that carries the link, in the text and in a `custom` payload the widget draws as a download."""
from __future__ import annotations

from typing import List

from orientation.language import french as fmt
from orientation.replies.message import Message

FICHE_PAYLOAD = "/ask_fiche"
FICHE_BUTTON = {"title": "Télécharger la fiche projet (PDF)", "payload": FICHE_PAYLOAD}


def with_fiche_button(messages: List[Message]) -> List[Message]:
    """The recommendation's messages, the last one offering the sheet (once)."""
    if not messages:
        return messages
    last = dict(messages[-1])
    buttons = list(last.get("buttons") or [])
    if FICHE_BUTTON not in buttons:
        buttons.append(dict(FICHE_BUTTON))
    last["buttons"] = buttons
    return [*messages[:-1], last]


def fiche_reply(url: str, filename: str, days: int, complete: bool, booked: bool = False) -> List[Message]:
    """The link in the text (rest channel, `make shell`) and as a document for the widget; after a
    booking, the same page as the advisor's."""
    what = ("votre profil, les appels recommandés avec leurs montants et leurs sources, et le plan de financement"
            if complete else "ce que je sais de votre projet et ce qui manque encore pour établir le plan de "
                             "financement")
    lead = ("La fiche projet (PDF) de votre dossier, que le conseiller aura sous les yeux pendant le rendez-vous"
            if booked else "Voici la fiche projet (PDF)")
    text = (f"{lead} : {what}. Ce lien ne vaut que pour cette conversation, pendant "
            f"{fmt.plural(days, 'jour', 'jours')} : {url}")
    return [{"text": text}, {"custom": {"document": {"url": url, "filename": filename,
                                                      "title": "Fiche projet (PDF)"}}}]


NO_ADDRESS = ("Je ne peux pas vous donner de lien vers la fiche projet depuis ce canal. Un conseiller de la DINUM "
              "pourra vous la transmettre lors du rendez-vous.")
