"""Recommending calls, listing them, and estimating how much the project could receive."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import recommendation_replies, replies

from orientation.eligibility import call_choice
from actions.common import (call_slots, known_code, remember_question, result_for, send, unknown_call_message,
                            which_of_message)
from orientation.eligibility import INELIGIBLE, evaluate, load_catalogue
from orientation.eligibility.vocabulary import KINDS
from actions.tracker_profile import (PROFILE_SLOTS, places_from_tracker, profile_from_tracker,
                                     value_before_last_message)

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
        messages = recommendation_replies.recommendation(profile, results, tracker.get_slot("unknown_fields") or [],
                                                         places_from_tracker(tracker))
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


class ActionListCalls(Action):
    """Every call of the catalogue, by who it is for."""

    def name(self) -> Text:
        return "action_list_calls"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        calls = list(load_catalogue())
        lines = [f"Je connais {len(calls)} appels :"]
        lines += [f"• {c.code} — {c.short_title} ({KINDS[c.kind]})" for c in calls]
        lines.append("Demandez-moi le détail de l'un d'eux, ou décrivez votre projet pour savoir lesquels vous conviennent.")
        dispatcher.utter_message(text="\n".join(lines))
        return []


class ActionFunding(Action):
    """'Combien pourrions-nous obtenir ?', for one call or over the recommended ones."""

    def name(self) -> Text:
        return "action_funding"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        profile = profile_from_tracker(tracker)
        # « combien je peux avoir ? » after talking about a call means that call; with no call
        # discussed, the answer covers every recommended call (the first one included).
        code = known_code(tracker, or_first_recommended=False)
        events = [remember_question(tracker)]
        if code and call_choice.is_ambiguous(code):
            send(dispatcher, [which_of_message(tracker, code)])
            return events
        if code:
            result = result_for(tracker, code)
            if result is None:
                dispatcher.utter_message(text=unknown_call_message(code))
                return events
            if profile.budget is None:
                dispatcher.utter_message(text=replies.call_info(result, "taux") + " Indiquez-moi le coût total "
                                              "du projet pour que je calcule le montant.")
            else:
                dispatcher.utter_message(text=f"{replies.cite(result.call)} : {result.funding.explanation} "
                                              f"({replies.VERDICT_WORDS[result.verdict].lower()}).")
            return events + call_slots(result.code)
        dispatcher.utter_message(text=replies.funding_answer(evaluate(profile), profile))
        return events
