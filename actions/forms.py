"""What every form does: a way out of each of its questions (« non », « laissez tomber », « au
revoir »…), then every slot its extract_ methods set kept (KeepingFormValidation).

Every form validation asks `leaves(...)` first, with the message as typed: a form slot filled from
the text would otherwise swallow « au revoir » as a name. Which words leave, and where « non » is an
answer instead, is decided in orientation/language/leave_words.py. Leaving ends the loop from the
validation itself (requested_slot None) and listens again (FollowupAction), so that no rule such as
« form complete → book » runs.
"""
from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any, Callable, Dict, List, Optional, Sequence, Text

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from orientation.language.leave_words import says_goodbye, wants_to_leave

# A button payload (« /deny », « /cancel_booking ») is read by its intent: these leave, and a
# refusal too where it does not answer a yes/no question. Typed text is read by its words only
# (orientation/language/leave_words.py): the NLU reads some names as a goodbye (« Inès Moreau »).
LEAVING_INTENTS = ("goodbye", "cancel_booking")
# Requests that a rule takes out of a form (data/rules.yml « appointment in the form stops the
# form »; data/rules_context.yml, the buttons under a hypothesis answered between two questions): the
# form's validation lets them through instead of reading them as an answer.
HANDED_OVER = {"profile_form": ("ask_appointment", "adopt_what_if", "keep_profile")}


def leaves(tracker: Tracker, yes_no_question: bool = False, operation_intents: Sequence[str] = ()) -> bool:
    """Whether the last message leaves the form. `operation_intents`: intents that the form itself
    handles (« annuler mon rendez-vous » asked while the manage form wants the reference)."""
    message = tracker.latest_message or {}
    text = (message.get("text") or "").strip()
    intent = (message.get("intent") or {}).get("name")
    if intent in operation_intents:
        return False
    if text.startswith("/"):
        return intent in LEAVING_INTENTS + (() if yes_no_question else ("deny",))
    return wants_to_leave(text, yes_no_question)


def goodbye_suffix(tracker: Tracker) -> str:
    text = (tracker.latest_message or {}).get("text") or ""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    return " Au revoir, et bonne continuation dans votre projet !" if says_goodbye(text) or intent == "goodbye" \
        else ""


def end_form(events: List[Dict[Text, Any]], asked: Optional[str]) -> List[Dict[Text, Any]]:
    """The events that end the form now and wait for the user (after `events`). The question's
    slot is set (to nothing): Rasa rejects a validation that sets no slot but requested_slot."""
    cleared = [] if not asked or any(e.get("name") == asked for e in events) else [SlotSet(asked, None)]
    return events + cleared + [SlotSet("requested_slot", None), FollowupAction("action_listen")]


def leave_if_asked(dispatcher: CollectingDispatcher, tracker: Tracker, yes_no_question: bool,
                   leave: Callable[[CollectingDispatcher, Tracker], List[Dict[Text, Any]]],
                   operation_intents: Sequence[str] = ()) -> Optional[List[Dict[Text, Any]]]:
    """The events of leaving (what `leave` says and clears, then the end of the form), or None when
    the form has asked nothing yet (it is starting) or the message answers its question."""
    if not tracker.get_slot("requested_slot") or not leaves(tracker, yes_no_question, operation_intents):
        return None
    return end_form(leave(dispatcher, tracker), tracker.get_slot("requested_slot"))


def handed_over(form: str, tracker: Tracker) -> bool:
    """Whether the message asks for something a rule does instead of the form's question (« je
    voudrais un rendez-vous par téléphone » while the profile form asks the theme)."""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    return bool(tracker.get_slot("requested_slot")) and intent in HANDED_OVER.get(form, ())


class KeepingFormValidation(FormValidationAction, metaclass=ABCMeta):
    """A FormValidationAction that returns every slot its extract_ methods set.

    The SDK keeps only the slots still required after extraction; an answer such as "je ne sais
    pas" sets unknown_fields and removes its slot from the required ones, and a wish such as
    "plutôt mardi" sets booking_wish: both must reach the tracker."""

    @abstractmethod
    def name(self) -> Text:
        """Abstract, so the SDK does not register this base class as an action."""

    # A way out of every question (leaves above): intents this form handles itself.
    operation_intents: tuple = ()

    def yes_no_question(self, tracker: Tracker) -> bool:
        """Whether the question asked is a yes/no one, where « non » is the answer, not a way out."""
        return False

    @abstractmethod
    def leave(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        """What leaving the form says and clears."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        leaving = leave_if_asked(dispatcher, tracker, self.yes_no_question(tracker), self.leave,
                                 self.operation_intents)
        if leaving is not None:
            return leaving
        if handed_over(self.form_name(), tracker):
            return []  # nothing validated: the form rejects the message and a rule takes it
        extracted = await self.get_extraction_events(dispatcher, tracker, domain)
        tracker.add_slots(extracted)
        validated = await self._extract_validation_events(dispatcher, tracker, domain)
        names = {event["name"] for event in validated}
        return validated + [event for event in extracted if event["name"] not in names]
