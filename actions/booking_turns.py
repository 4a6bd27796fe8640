"""What a message is to the booking form, beyond the value it asks for: a question asked meanwhile
(answered, then the form asks again), or a name given when a precise slot awaits its « oui » (the slot
is then taken as confirmed)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import booking_services
from actions.call_questions import (
    ActionCallInfo,
    ActionCanApply,
    ActionCompareCalls,
    ActionFunding,
    ActionListCalls,
    ActionWhyNot,
)
from actions.questions_asked import remember_question
from actions.side_questions import ActionExplainPlainly, answer_question
from actions.tracker import dialogue_acts
from orientation.booking import wishes
from orientation.booking.config import load_config
from orientation.booking.contact_card import contact_given
from orientation.booking.fields import contact_wish, looks_like_question, mentions_a_call
from orientation.language.contacts import find_emails

# Questions about calls during the booking are not names or organisations.
QUESTION_INTENTS = {"ask_call_info", "ask_funding", "ask_why_not", "compare_calls", "list_calls",
                    "bot_challenge", "out_of_scope"}


def asks_a_question(tracker: Tracker) -> bool:
    """By the words, not the intent alone: a name such as « Hugo Lambert » may be read as out of scope."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    text = tracker.latest_message.get("text") or ""
    return looks_like_question(text) or intent in QUESTION_INTENTS and mentions_a_call(text)


def goes_on_with_contact(text: str) -> Dict[Text, Any]:
    """Typed when a precise slot awaits its « oui », a name, an organisation or an address (and no
    moment, no question) confirms it: nobody gives their name for a slot they do not want."""
    if looks_like_question(text) or wishes.parse_wish(text, booking_services.now(), load_config().timezone):
        return {}
    return contact_given(text)


def asks_meanwhile(tracker: Tracker) -> bool:
    """While the form waits for a value, the message only asks something (its acts, or its words with
    a question intent): no moment, no address, nothing of a booking in it."""
    text = (tracker.latest_message or {}).get("text") or ""
    if text.startswith("/"):  # a button: its intent says whether it asks (« Pourquoi pas ITN1 ? »)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        return bool(tracker.get_slot("requested_slot")) and intent in QUESTION_ACTIONS
    if not tracker.get_slot("requested_slot") or find_emails(text):
        return False
    acts = set(dialogue_acts(tracker))
    if acts & {"book", "manage_booking", "describe", "correct", "hypothesis"} or \
            wishes.parse_wish(text, booking_services.now(), load_config().timezone) or contact_wish(text):
        return False
    return "question" in acts or asks_a_question(tracker)


# The question intents whose rules answer them outside the booking form: inside it, the same actions.
QUESTION_ACTIONS = {"ask_call_info": ActionCallInfo, "ask_why_not": ActionWhyNot, "compare_calls": ActionCompareCalls,
                    "ask_can_apply": ActionCanApply, "list_calls": ActionListCalls, "ask_funding": ActionFunding,
                    "ask_plain_explanation": ActionExplainPlainly}


async def answer_meanwhile(dispatcher: CollectingDispatcher, tracker: Tracker,
                           domain: DomainDict) -> List[Dict[Text, Any]]:
    """The answer its intent's action gives (a side question, or one it cannot place: from the catalogue
    or the honest sentence); only the slots it sets are kept, the question among them for the advisor,
    so that the form asks its question again."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    action: type[Action] | None = QUESTION_ACTIONS.get(intent)
    if action is None:
        return answer_question(dispatcher, tracker)
    events = [e for e in await action().run(dispatcher, tracker, domain) if e.get("event") == "slot"]
    if not any(e.get("name") == "questions_asked" for e in events):
        events.append(remember_question(tracker))
    return events
