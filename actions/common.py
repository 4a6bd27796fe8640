"""Small helpers shared by the custom actions."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies

from orientation.eligibility import call_choice
from orientation.eligibility import CallResult, load_catalogue
from orientation.eligibility.engine import evaluate_call
from actions.replies import Message
from actions.tracker_profile import latest_entity, latest_entity_values, profile_from_tracker

MAX_QUESTION_LENGTH = 300
# The intents a button of « which call? » repeats, with the call chosen.
ANSWERING_INTENTS = ("ask_call_info", "ask_why_not", "ask_funding", "compare_calls")


def send(dispatcher: CollectingDispatcher, messages: List[Message]) -> None:
    for message in messages:
        if "custom" in message:  # "data" is the key Rasa's socketio channel emits; rest returns it as "custom"
            dispatcher.utter_message(json_message={"data": message["custom"]})
        else:
            dispatcher.utter_message(text=message["text"], buttons=message.get("buttons") or [])


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
    return replies.which_call(calls, lambda c: f'/{intent}{{"call_code": "{c}"{extra}}}')


def result_for(tracker: Tracker, code: str) -> Optional[CallResult]:
    call = load_catalogue().get(code)
    return evaluate_call(call, profile_from_tracker(tracker)) if call else None


def unknown_call_message(code: str) -> str:
    codes = ", ".join(load_catalogue().codes)
    return f"Je ne connais pas d'appel « {code} ». Les appels que je connais sont : {codes}."


def which_call_message(tracker: Tracker) -> Message:
    recommended = tracker.get_slot("recommended_calls") or []
    buttons = [{"title": code, "payload": f'/ask_call_info{{"call_code": "{code}"}}'} for code in recommended[:4]]
    return {"text": "De quel appel parlez-vous ? Indiquez son code, par exemple ITN5, SNAP3 ou TNT-COOP.",
            "buttons": buttons}


def remember_question(tracker: Tracker) -> SlotSet:
    """Keep what the user asked, for the advisor's summary."""
    text = (tracker.latest_message.get("text") or "").strip()
    questions = list(tracker.get_slot("questions_asked") or [])
    if text and not text.startswith("/"):
        questions.append(text[:MAX_QUESTION_LENGTH])
    return SlotSet("questions_asked", questions[-20:])


def call_slots(code: Optional[str]) -> List[Dict[str, Any]]:
    return [SlotSet("current_call", code)] if code else []
