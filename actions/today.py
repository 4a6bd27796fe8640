"""Today's question and the list of calls (the wording is in orientation/replies/today.py)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.questions_asked import remember_question
from actions.tracker import profile_from_tracker
from orientation.eligibility import Profile, evaluate, load_catalogue
from orientation.replies.today import call_list, calls_for, whats_open


def _every_call(date) -> list:
    """Every call at the reference date for no profile in particular, in the catalogue's order."""
    order = {code: i for i, code in enumerate(load_catalogue().codes)}
    return sorted(evaluate(Profile(date=date)), key=lambda r: order[r.code])


def send_whats_open(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """One plain sentence at the reference date (for everyone, then for the profile when known), then
    every call with its status."""
    profile = profile_from_tracker(tracker)
    every = _every_call(profile.date)
    mine = evaluate(profile) if profile.applicant_type else None
    dispatcher.utter_message(text=whats_open(every, mine, profile.date))
    dispatcher.utter_message(text=call_list(every))
    return [remember_question(tracker)]


def send_call_list(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """« La liste des appels »: every call with its status at the reference date."""
    dispatcher.utter_message(text=call_list(_every_call(profile_from_tracker(tracker).date)))
    return []


def send_calls_for(dispatcher: CollectingDispatcher, tracker: Tracker, applicant_type: str) -> List[Dict[Text, Any]]:
    """« À quels appels une région peut-elle candidater ? »: the calls admitting that type, with their
    status; the question is kept for the advisor, the profile is not touched."""
    dispatcher.utter_message(text=calls_for(applicant_type, _every_call(profile_from_tracker(tracker).date)))
    return [remember_question(tracker)]
