"""Recommending calls: the engine at the reference date, the best calls first (the wording is in
orientation/replies/recommendation.py)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.messages import send
from actions.tracker import PROFILE_SLOTS, places_from_tracker, profile_from_tracker, value_before_last_message
from orientation.eligibility import INELIGIBLE, evaluate
from orientation.replies import recommendation as replies
from orientation.replies.fiche import with_fiche_button

TERMINAL_CHANNEL = "cmdline"  # Rasa's name for the channel of `rasa shell`


class ActionRecommend(Action):
    """Runs the engine at the reference date and answers with the best calls first."""

    def name(self) -> Text:
        return "action_recommend"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        if _correction_changed_nothing(tracker):
            return []  # the validation said what it kept and asked: the same results are not repeated
        profile = profile_from_tracker(tracker)
        results = evaluate(profile)
        messages = replies.recommendation(profile, results, tracker.get_slot("unknown_fields") or [],
                                          places_from_tracker(tracker))
        if profile.applicant_type != "particulier":  # no call is for them: nothing to take away
            messages = with_fiche_button(messages)
        if tracker.get_latest_input_channel() == TERMINAL_CHANNEL:
            # `make shell` prints a custom payload as raw JSON: there the same calls are read as text
            messages = [m for m in messages if "custom" not in m]
        send(dispatcher, messages)
        recommended = [r.code for r in results if r.verdict != INELIGIBLE]
        return [SlotSet("recommended_calls", recommended)]


def _correction_changed_nothing(tracker: Tracker) -> bool:
    """The last message was a correction that left the profile as it was, after a recommendation."""
    if (tracker.latest_message.get("intent") or {}).get("name") != "correct":
        return False
    if not any(e.get("event") == "action" and e.get("name") == "action_recommend" for e in tracker.events):
        return False
    return all(tracker.get_slot(slot) == value_before_last_message(tracker, slot)
               for slot in PROFILE_SLOTS + ("budget_parts", "territory"))
