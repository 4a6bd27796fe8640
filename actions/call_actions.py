"""Questions about calls: what one is, why one does not fit, how two compare."""
from __future__ import annotations

from abc import ABCMeta, abstractmethod
from dataclasses import replace
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import replies

from orientation.eligibility import call_choice
from orientation.eligibility import CallResult
from orientation.eligibility.engine import evaluate_call
from actions.common import (asked_codes, call_slots, known_code, remember_question, result_for, send,
                            unknown_call_message, which_call_message, which_of_message)
from actions.tracker_profile import latest_entity, profile_from_tracker


class OneCallAnswer(Action, metaclass=ABCMeta):
    """The path shared by questions about one call: which call (named now or discussed last), a code
    that does not exist, then the answer. Abstract: the SDK does not register it as an action."""

    @abstractmethod
    def answer(self, result: CallResult, tracker: Tracker) -> str:
        """The reply about this call."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = [remember_question(tracker)]
        code = known_code(tracker)
        if not code:
            send(dispatcher, [which_call_message(tracker)])
            return events
        if call_choice.is_ambiguous(code):
            send(dispatcher, [which_of_message(tracker, code)])
            return events
        result = result_for(tracker, code)
        if result is None:
            dispatcher.utter_message(text=unknown_call_message(code))
            return events
        dispatcher.utter_message(text=self.answer(result, tracker))
        return events + call_slots(code)


class ActionCallInfo(OneCallAnswer):
    """One property of one call (rate, dates, who may apply…), from the catalogue."""

    def name(self) -> Text:
        return "action_call_info"

    def answer(self, result: CallResult, tracker: Tracker) -> str:
        return replies.call_info(result, latest_entity(tracker, "call_aspect"))


class ActionWhyNot(OneCallAnswer):
    """'Pourquoi pas ITN2 ?': the blocking criteria with their figures."""

    def name(self) -> Text:
        return "action_why_not"

    def answer(self, result: CallResult, tracker: Tracker) -> str:
        return replies.why_not(result, profile_from_tracker(tracker))


class ActionCompareCalls(Action):
    """Two calls side by side, for this profile."""

    def name(self) -> Text:
        return "action_compare_calls"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = [remember_question(tracker)]
        codes = asked_codes(tracker)
        if len(codes) == 1 and tracker.get_slot("current_call") not in (None, codes[0]):
            codes.insert(0, tracker.get_slot("current_call"))
        if len(codes) < 2:
            dispatcher.utter_message(text="Quels appels voulez-vous comparer ? Donnez-moi deux codes, par exemple "
                                          "« ITN8A et ITN8C ».")
            return events
        shared = [code for code in codes[:2] if call_choice.is_ambiguous(code)]
        if shared:
            send(dispatcher, [which_of_message(tracker, shared[0])])
            return events
        results = [result_for(tracker, code) for code in codes[:2]]
        unknown = [code for code, result in zip(codes, results) if result is None]
        if unknown:
            dispatcher.utter_message(text=unknown_call_message(unknown[0]))
            return events
        dispatcher.utter_message(text=replies.compare(results[0], results[1]))
        return events + call_slots(codes[1])


class ActionCanApply(OneCallAnswer):
    """« Un EPCI peut-il répondre à ITN6 ? », « sommes-nous éligibles à ITN5 ? »: Oui or Non, why,
    and the money. The applicant type named in the question is the one asked about (it does not
    change the profile: domain.yml), else the profile's."""

    def name(self) -> Text:
        return "action_can_apply"

    def answer(self, result: CallResult, tracker: Tracker) -> str:
        profile = profile_from_tracker(tracker)
        asked = latest_entity(tracker, "applicant_type")
        if asked and asked != profile.applicant_type:
            result = evaluate_call(result.call, replace(profile, applicant_type=asked))
        return replies.can_apply(result, asked or profile.applicant_type)
