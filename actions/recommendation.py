"""Recommending calls: the engine at the reference date, the best calls first (the wording is in
orientation/replies/recommendation.py). The full recommendation is sent once per profile: after a
change only what changed (orientation/replies/recommendation_delta.py), a question gets its answer,
and it comes again on request (« récapitulez »)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dialogue_turn import (
    answered_this_turn,
    asks_for_recap,
    asks_for_recap_in_so_many_words,
    asks_whats_open,
    asks_whether_it_qualifies,
    is_question,
    last_bot_text,
    previous_reply,
    said_this_turn,
)
from actions.last_recommendation import current_slots, same_profile, slots_at_last_recommendation
from actions.messages import send
from actions.profile_slots import unread_correction
from actions.side_questions import answer_question
from actions.today import send_whats_open
from actions.tracker import (
    PROFILE_SLOTS,
    places_from_tracker,
    profile_from,
    profile_from_tracker,
    value_before_last_message,
)
from orientation.eligibility import INELIGIBLE, CallResult, Profile, evaluate
from orientation.replies import recommendation as replies
from orientation.replies.fiche import with_fiche_button
from orientation.replies.recommendation_delta import given_just_above, nothing_new, what_changed

TERMINAL_CHANNEL = "cmdline"  # Rasa's name for the channel of `rasa shell`


class ActionRecommend(Action):
    """Runs the engine at the reference date and answers with the best calls first."""

    def name(self) -> Text:
        return "action_recommend"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        if _correction_changed_nothing(tracker):
            if not said_this_turn(tracker):  # never silent: what is kept, and what to say
                unread_correction(dispatcher, tracker)
            return []  # the validation said what it kept and asked: the same results are not repeated
        profile = profile_from_tracker(tracker)
        results = evaluate(profile)
        before = slots_at_last_recommendation(tracker)
        if before is not None and not asks_for_recap(tracker):
            short = _short_reply(dispatcher, tracker, before, profile, results)
            if short is not None:
                return short
        if before is not None and asks_for_recap(tracker) and not asks_for_recap_in_so_many_words(tracker) \
                and same_profile(before, current_slots(tracker)):
            lead = _lead_if_given_just_above(tracker, profile, results)
            if lead:  # never the same wall twice in a row
                send(dispatcher, [given_just_above(lead)])
                return []
        # « 30 000 hab, c'est cumulable avec la DSIL ? » completes the profile and asks: the question is
        # answered (or kept for the advisor) before the calls; whether one may apply, the calls answer
        answered = answer_question(dispatcher, tracker) if is_question(tracker) and not asks_for_recap(tracker) \
            and not asks_whether_it_qualifies(tracker) and not answered_this_turn(tracker) else []
        return answered + full_recommendation(dispatcher, tracker, profile, results)


def full_recommendation(dispatcher: CollectingDispatcher, tracker: Tracker, profile: Optional[Profile] = None,
                        results: Optional[List[CallResult]] = None) -> List[Dict[Text, Any]]:
    """The whole recommendation: the first time for a profile, after a big change, or on request."""
    profile = profile or profile_from_tracker(tracker)
    results = evaluate(profile) if results is None else results
    messages = replies.recommendation(profile, results, tracker.get_slot("unknown_fields") or [],
                                      places_from_tracker(tracker))
    if profile.applicant_type != "particulier":  # no call is for them: nothing to take away
        messages = with_fiche_button(messages)
    if tracker.get_latest_input_channel() == TERMINAL_CHANNEL:
        # `make shell` prints a custom payload as raw JSON: there the same calls are read as text
        messages = [m for m in messages if "custom" not in m]
    send(dispatcher, messages)
    return [_recommended(results)]


def _lead_if_given_just_above(tracker: Tracker, profile: Profile, results: List[CallResult]) -> Optional[str]:
    """The recommendation's first message when the bot's reply to the message before was this very
    recommendation, else None."""
    texts = [m["text"] for m in replies.recommendation(profile, results, tracker.get_slot("unknown_fields") or [],
                                                       places_from_tracker(tracker)) if m.get("text")]
    above = previous_reply(tracker)
    return texts[0] if texts and all(text in above for text in texts) else None


def _recommended(results: List[CallResult]) -> Dict[Text, Any]:
    return SlotSet("recommended_calls", [r.code for r in results if r.verdict != INELIGIBLE])


def _short_reply(dispatcher: CollectingDispatcher, tracker: Tracker, before: Dict[str, Any], profile: Profile,
                 results: List[CallResult]) -> Optional[List[Dict[Text, Any]]]:
    """The recommendation was already given: for the same profile, a question gets its answer and
    anything else a short prompt; after a change, what changed. None: the full recommendation."""
    if same_profile(before, current_slots(tracker)):
        if asks_whats_open(tracker):
            return send_whats_open(dispatcher, tracker)
        if is_question(tracker):
            return answer_question(dispatcher, tracker)
        send(dispatcher, [nothing_new(results, last_bot_text(tracker))])
        return []
    old_profile = profile_from(before)
    message = what_changed(evaluate(old_profile), results, old_profile, profile)
    if message is None:
        return None
    send(dispatcher, [message])
    return [_recommended(results)]


def _correction_changed_nothing(tracker: Tracker) -> bool:
    """The last message was a correction that left the profile as it was, after a recommendation."""
    if (tracker.latest_message.get("intent") or {}).get("name") != "correct":
        return False
    if not any(e.get("event") == "action" and e.get("name") == "action_recommend" for e in tracker.events):
        return False
    return all(tracker.get_slot(slot) == value_before_last_message(tracker, slot)
               for slot in PROFILE_SLOTS + ("budget_parts", "territory"))
