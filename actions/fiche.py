"""The « fiche projet »: the link to this conversation's PDF (the sheet itself is
orientation/fiche/; the Rasa server serves it, addons/channels/fiche.py)."""
from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dialogue_turn import asks_for_recap
from actions.messages import send
from actions.recommendation import TERMINAL_CHANNEL, full_recommendation
from actions.tracker import places_from_tracker, profile_from_tracker
from orientation.booking.retention import retention_days
from orientation.eligibility import evaluate
from orientation.fiche import links
from orientation.fiche.content import Fiche, build_fiche
from orientation.fiche.render import filename, pdf
from orientation.language.fold import fold
from orientation.replies.fiche import NO_ADDRESS, fiche_reply
from orientation.settings import get_settings

log = logging.getLogger(__name__)
SOCKETIO_CHANNEL = "socketio"
PERSON_SLOTS = {"name": "booking_name", "organisation": "booking_organisation", "reference": "booking_reference"}


def fiche_of(tracker: Tracker, person: bool = True) -> Fiche:
    """The sheet of this conversation: the profile its slots hold, evaluated as the bot does."""
    profile = profile_from_tracker(tracker)
    named = {key: tracker.get_slot(slot) for key, slot in PERSON_SLOTS.items()} if person else {}
    return build_fiche(profile, evaluate(profile), places_from_tracker(tracker), person=named,
                       asked=[str(q) for q in tracker.get_slot("open_questions") or []])


def fiche_pdf(tracker: Tracker, person: bool = True) -> Tuple[bytes, str]:
    """(the PDF, its file name)."""
    fiche = fiche_of(tracker, person)
    return pdf(fiche), filename(fiche.reference_date)


def server_url(tracker: Tracker) -> Optional[str]:
    """ORIENTATION_PUBLIC_URL, else the address of the Rasa server the user reached, as the channel
    saw it (addons/channels/inputs.py)."""
    public = get_settings().public_url
    if public:
        return str(public)
    value = ((tracker.latest_message or {}).get("metadata") or {}).get(links.SERVER_URL_KEY)
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


async def send_fiche_link(dispatcher: CollectingDispatcher, tracker: Tracker, booked: bool = False) -> bool:
    """Sends the link to this conversation's sheet (a new token); False when the server's address is
    unknown (nothing sent). booked: after a booking's confirmation."""
    base = server_url(tracker)
    if base is None:
        return False
    token = await asyncio.get_running_loop().run_in_executor(None, links.issue, tracker.sender_id)
    profile = profile_from_tracker(tracker)
    complete = profile.budget is not None and profile.applicant_type is not None
    messages = fiche_reply(links.url(base, token), filename(profile.date), retention_days(), complete, booked)
    channel = tracker.get_latest_input_channel()
    if channel == TERMINAL_CHANNEL:
        messages = [m for m in messages if "custom" not in m]  # the link is in the text
    if channel == SOCKETIO_CHANNEL:
        send(dispatcher, messages)  # socket.io emits a custom payload's "data"
        return True
    for message in messages:  # the rest channel returns the payload as it is: {"custom": {"document": …}}
        if "custom" in message:
            dispatcher.utter_message(json_message=message["custom"])
        else:
            send(dispatcher, [message])
    return True


# A document asked for by name: « la fiche », « en PDF », « un document récapitulatif ».
DOCUMENT_WORDS = re.compile(r"\b(fiche|pdf|document|telecharg\w*|imprim\w*|fichier|hierarchie)\b")


class ActionFicheProjet(Action):
    """Gives the link to this conversation's « fiche projet »."""

    def name(self) -> Text:
        return "action_fiche_projet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        if asks_for_recap(tracker) and not DOCUMENT_WORDS.search(fold(tracker.latest_message.get("text") or "").text):
            # « récapitulez » asks to see the recommendation again, not a document (the NLU hears
            # « récapitulatif » in both)
            return full_recommendation(dispatcher, tracker)
        if not await send_fiche_link(dispatcher, tracker):
            send(dispatcher, [{"text": NO_ADDRESS}])
        return []
