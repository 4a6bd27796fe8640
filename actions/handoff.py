"""Hand-off to a DINUM advisor: the case in a few lines the advisor can read before the call."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.recommendation import TERMINAL_CHANNEL
from actions.tracker import places_from_tracker, profile_from_tracker
from orientation.booking import wording
from orientation.eligibility import evaluate
from orientation.replies.advisor_summary import advisor_summary

SUMMARY_LABEL = "Voir le résumé transmis au conseiller"


class ActionAppointmentHandoff(Action):
    """Before the booking form: what the slot is for and the case the advisor will read."""

    def name(self) -> Text:
        return "action_appointment_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        profile = profile_from_tracker(tracker)
        summary = advisor_summary(profile, evaluate(profile), tracker.get_slot("questions_asked") or [],
                                  places_from_tracker(tracker), tracker.get_slot("recommended_calls") or [])
        offer = (f"La DINUM propose des créneaux de {wording.slot_length_text()} pour échanger sur votre projet et "
                 "répondre à vos premières questions avant le dépôt.")
        intro = f"{offer} Le conseiller recevra ce résumé de votre dossier :"
        if tracker.get_latest_input_channel() != TERMINAL_CHANNEL:
            # The widget shows the slots first and the summary behind a disclosure (a phone shows
            # little at once); the texts below stay for the rest channel's other clients.
            dispatcher.utter_message(json_message={"data": {
                "intro": f"{offer} Le conseiller recevra le résumé de votre dossier, à voir sous les créneaux.",
                "disclosure": {"label": SUMMARY_LABEL, "text": summary}, "replaces": [intro, summary]}})
        dispatcher.utter_message(text=intro)
        dispatcher.utter_message(text=summary)
        return []
