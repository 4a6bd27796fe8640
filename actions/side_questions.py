"""Side questions and plain words, answered without touching the profile.

- ActionSideQuestion: « les licences Office c'est financé ? », answered from the catalogue for the
  call meant, else honestly, the question kept for the advisor.
- ActionExplainPlainly: « je comprends rien à ces codes » gets the calls in one plain line each.
The sentences are in orientation/replies/side_questions.py and plain_words.py.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.call_meant import call_slots, can_apply_answer, known_code, result_for
from actions.dialogue_turn import asks_whether_one_may_apply
from actions.messages import send
from actions.questions_asked import open_question_events, remember_question
from actions.tracker import profile_from_tracker
from orientation.eligibility import evaluate
from orientation.replies import side_questions as replies
from orientation.replies.message import APPOINTMENT_BUTTON
from orientation.replies.plain_words import plain_explanation


def call_of_question(tracker: Tracker) -> Optional[str]:
    """The call a question is about: named now or discussed last (call_meant.known_code), else the
    first recommended."""
    recommended = tracker.get_slot("recommended_calls") or []
    return known_code(tracker) or (recommended[0] if recommended else None)


def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker,
                    skip: Sequence[str] = ()) -> List[Dict[Text, Any]]:
    """Every topic the message asks (expenses by kind, cumulation, delays, how to apply…) answered from
    the catalogue for the call meant, or honestly; what the fiche does not say goes to the advisor,
    marked unanswered. Also used when a question reaches the recommendation (actions/recommendation.py)."""
    question = (tracker.latest_message.get("text") or "").strip()
    code = call_of_question(tracker)
    result = result_for(tracker, code) if code else None
    if result is not None and asks_whether_one_may_apply(tracker):
        # « une boîte privée peut candidater, oui ou non ? » read as information or a side question
        dispatcher.utter_message(text=can_apply_answer(tracker, result))
        return [remember_question(tracker)] + call_slots(result.code)
    found = replies.answers(question, result, skip)
    kept = call_slots(result.code) if result else []
    if found and not any(replies.NO_ANSWER in text for text in found):
        dispatcher.utter_message(text="\n\n".join(found))
        return [remember_question(tracker)] + kept
    if found:  # part of it known (how to apply), not all (where)
        dispatcher.utter_message(text="\n\n".join(found), buttons=[APPOINTMENT_BUTTON])
    else:
        send(dispatcher, [replies.no_answer()])
    return open_question_events(tracker, question) + kept


class ActionSideQuestion(Action):
    """A side question answered from the catalogue, or honestly, the question kept for the advisor."""

    def name(self) -> Text:
        return "action_side_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        return answer_question(dispatcher, tracker)


class ActionExplainPlainly(Action):
    """« c'est quoi ces codes ? »: the calls that fit, in plain words, one line each."""

    def name(self) -> Text:
        return "action_explain_plainly"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        send(dispatcher, [plain_explanation(evaluate(profile_from_tracker(tracker)))])
        return [remember_question(tracker)]
