"""Hypotheses that leave the profile alone: « et si le budget était de 1 M€ ? » is computed on a
copy of the profile (ActionWhatIf); the buttons adopt it (ActionAdoptWhatIf) or keep the profile
(ActionKeepProfile). The slots, hence the advisor's summary, change only on adoption. The sentences
are in orientation/replies/what_if.py.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.messages import send
from actions.questions_asked import remember_question
from actions.tracker import (
    PROFILE_SLOTS,
    latest_entity,
    latest_entity_values,
    places_from_tracker,
    profile_from,
    profile_from_tracker,
)
from orientation.eligibility import evaluate
from orientation.language import amounts
from orientation.language.acts import is_acknowledgment, takes_leave
from orientation.language.hesitation import hesitates
from orientation.language.normalise import normalised
from orientation.replies import what_if as replies
from orientation.replies.profile import numeric_problem, profile_summary
from orientation.territories import IndexMissing, load_index
from orientation.territories.coverage import coverage, decode


def hypothesis(tracker: Tracker) -> Dict[str, Any]:
    """The profile values the last message supposes, where they differ from the profile."""
    supposed: Dict[str, Any] = {}
    for slot in ("applicant_type", "project_nature", "population", "departement_count"):
        value = latest_entity(tracker, slot)
        if value is not None:
            supposed[slot] = value
    total = amounts.read_budget(normalised(tracker.latest_message.get("text") or "")).total
    if total is not None:
        supposed["budget"] = total.value
    places = _covered(latest_entity_values(tracker, "territory"))
    if places is not None:
        supposed.setdefault("population", float(places.population))
        supposed.setdefault("departement_count", float(places.departement_count))
    supposed = {slot: value for slot, value in supposed.items()
                if not (slot in ("population", "departement_count", "budget") and numeric_problem(slot, value))}
    return {slot: float(v) if slot in ("population", "departement_count", "budget") else v
            for slot, v in supposed.items() if tracker.get_slot(slot) != v}


def _covered(values: List[Any]):
    try:
        index = load_index()
    except IndexMissing:
        return None
    named = [decode(value, index) for value in values or []]
    return coverage(places[0] for places in named if len(places) == 1)


def answer_what_if(dispatcher: CollectingDispatcher, tracker: Tracker,
                   supposed: Dict[str, Any]) -> List[Dict[Text, Any]]:
    """The engine on the profile with `supposed` in it, beside the profile as it is; the buttons adopt it."""
    slots = {name: tracker.get_slot(name) for name in PROFILE_SLOTS + ("budget_parts", "budget_given")}
    copy = {**slots, **supposed}
    changes = [replies.change_words(slot, value, slots.get(slot)) for slot, value in supposed.items()]
    send(dispatcher, [replies.what_if(changes, evaluate(profile_from(copy)), evaluate(profile_from(slots)))])
    return [remember_question(tracker), SlotSet("what_if", supposed)]


class ActionWhatIf(Action):
    """« et si … ? »: the engine on a copy of the profile; the slots are not touched."""

    def name(self) -> Text:
        return "action_what_if"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        supposed = hypothesis(tracker)
        if not supposed:
            dispatcher.utter_message(text=replies.what_if_unreadable())
            return [remember_question(tracker), SlotSet("what_if", None)]
        return answer_what_if(dispatcher, tracker, supposed)


class ActionAdoptWhatIf(Action):
    """« Adopter ce profil »: the hypothesis becomes the profile (the recommendation follows)."""

    def name(self) -> Text:
        return "action_adopt_what_if"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        supposed = tracker.get_slot("what_if") or {}
        if not supposed:
            dispatcher.utter_message(text="Il n'y a pas d'hypothèse en cours : votre profil ne change pas.")
            return []
        text = (tracker.latest_message.get("text") or "").strip()
        if not text.startswith("/") and (is_acknowledgment(text) or hesitates(text) or takes_leave(text)):
            # « ok merci » to « Voulez-vous adopter ce profil ? » may only acknowledge the figures, « bof »
            # hesitates, « ok ça marche, a+ » takes leave
            dispatcher.utter_message(text="Voulez-vous remplacer votre profil par cette hypothèse ? "
                                          "Je ne change rien sans votre accord.", buttons=replies.WHAT_IF_BUTTONS)
            return []
        dispatcher.utter_message(text=replies.adopted(supposed))
        return [SlotSet(slot, value) for slot, value in supposed.items()] + [SlotSet("what_if", None)]


class ActionKeepProfile(Action):
    """« Garder mon profil »: the hypothesis is dropped."""

    def name(self) -> Text:
        return "action_keep_profile"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        kept = profile_summary(profile_from_tracker(tracker), places_from_tracker(tracker))
        dispatcher.utter_message(text=f"D'accord, je garde votre profil : {kept}.")
        return [SlotSet("what_if", None)]
