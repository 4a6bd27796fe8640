"""The call the user means, read from the dialogue state: named now, else discussed last, else the
first recommended; a name several calls share is asked with one button per call."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.dialogue_turn import asks_about_collectivites
from actions.tracker import latest_entity, latest_entity_values, profile_from_tracker
from orientation.eligibility import CallResult, call_choice, load_catalogue
from orientation.eligibility.engine import evaluate_call
from orientation.replies import call_questions
from orientation.replies.message import Message

# The intents a button of « which call? » repeats, with the call chosen.
ANSWERING_INTENTS = ("ask_call_info", "ask_why_not", "ask_funding", "compare_calls")


def _applicant_type(tracker: Tracker) -> Optional[str]:
    """The applicant type said in this message, else the one known."""
    return latest_entity(tracker, "applicant_type") or tracker.get_slot("applicant_type")


def asked_codes(tracker: Tracker) -> List[str]:
    """Call codes named in the last message, in order, spelled as the catalogue spells them; a name
    several calls share is resolved by the applicant type, else stays « ITN5|TNT-DONNEES »."""
    applicant = _applicant_type(tracker)
    return list(dict.fromkeys(call_choice.resolve(v, applicant)
                              for v in latest_entity_values(tracker, "call_code") if v))


def known_code(tracker: Tracker, or_first_recommended: bool = True) -> Optional[str]:
    """The call meant (« c'est encore ouvert ? », « et pour celui-là ? »): named now, else the one
    discussed last, else (unless told not to) the first of the last recommendation. The one place
    that decides it."""
    codes = asked_codes(tracker)
    if codes:
        return codes[0]
    current = tracker.get_slot("current_call")
    if current:
        return call_choice.resolve(current, _applicant_type(tracker))
    recommended = (tracker.get_slot("recommended_calls") or []) if or_first_recommended else []
    return recommended[0] if recommended else None


def which_of_message(tracker: Tracker, code: str) -> Message:
    """A shared name the profile does not settle: one button per call, asking the same question."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if intent not in ANSWERING_INTENTS:
        intent = "ask_call_info"
    aspect = latest_entity(tracker, "call_aspect")
    extra = f', "call_aspect": "{aspect}"' if aspect and intent == "ask_call_info" else ""
    catalogue = load_catalogue()
    calls = [catalogue.get(c) for c in call_choice.candidates(code) if c in catalogue]
    return call_questions.which_call(calls, lambda c: f'/{intent}{{"call_code": "{c}"{extra}}}')


def which_call_message(tracker: Tracker) -> Message:
    """No call named nor discussed: ask, offering the recommended ones."""
    return call_questions.which_call_question(tracker.get_slot("recommended_calls") or [])


def result_for(tracker: Tracker, code: str) -> Optional[CallResult]:
    call = load_catalogue().get(code)
    return evaluate_call(call, profile_from_tracker(tracker)) if call else None


def call_slots(code: Optional[str]) -> List[Dict[str, Any]]:
    """The call now discussed, for « et pour celui-là ? » next."""
    return [SlotSet("current_call", code)] if code else []


def can_apply_answer(tracker: Tracker, result: CallResult) -> str:
    """« Un hôpital peut candidater ? »: about the body asked about (the applicant type named in the
    question, « une collectivité » as a whole), else the user's own; the one place that decides it,
    for action_can_apply and for such a question reaching another action."""
    profile = profile_from_tracker(tracker)
    asked = latest_entity(tracker, "applicant_type")
    if asked is None and asks_about_collectivites(tracker):
        return call_questions.can_apply_as_group(
            {kind: evaluate_call(result.call, replace(profile, applicant_type=kind)) for kind in call_questions.COLLECTIVITES})
    if asked and asked != profile.applicant_type:
        result = evaluate_call(result.call, replace(profile, applicant_type=asked))
    return call_questions.can_apply(result, asked or profile.applicant_type)
