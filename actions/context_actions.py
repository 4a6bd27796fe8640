"""Issue 18, the profile side: hypotheses that leave the profile alone, side questions, plain words.

- ActionWhatIf: « et si le budget était de 1 M€ ? » is computed on a copy of the profile; the
  buttons adopt it (ActionAdoptWhatIf) or keep the profile (ActionKeepProfile). The slots, hence the
  advisor's summary, change only on adoption.
- ActionSideQuestion: « les licences Office c'est financé ? », answered from the catalogue for the
  call meant, else honestly, the question kept for the advisor.
- ActionExplainPlainly: « je comprends rien à ces codes » gets the calls in one plain line each.
The sentences are in actions/side_answers.py.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import replies, side_answers

from orientation.language import amounts
from actions.common import call_slots, known_code, remember_question, result_for, send
from orientation.eligibility import evaluate
from orientation.territories import IndexMissing, load_index
from orientation.territories.coverage import coverage, decode
from actions.tracker_profile import (PROFILE_SLOTS, latest_entity, latest_entity_values, places_from_tracker,
                                     profile_from, profile_from_tracker)
from actions.validation import describe, numeric_problem

OPEN_QUESTIONS = "open_questions"


def hypothesis(tracker: Tracker) -> Dict[str, Any]:
    """The profile values the last message supposes, where they differ from the profile."""
    supposed: Dict[str, Any] = {}
    for slot in ("applicant_type", "project_nature", "population", "departement_count"):
        value = latest_entity(tracker, slot)
        if value is not None:
            supposed[slot] = value
    total = amounts.read_budget(tracker.latest_message.get("text") or "").total
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


def change_words(slot: str, new: Any, old: Any) -> str:
    """« le budget était de 1 000 000 € TTC (au lieu de 400 000 € TTC) »."""
    words = {"applicant_type": "le projet était porté par {new}", "project_nature": "le thème était : {new}",
             "budget": "le budget était de {new}", "population": "la population couverte était de {new}",
             "departement_count": "le projet couvrait {new}"}[slot]
    text = words.format(new=describe(slot, new))
    return text + (f" (au lieu de {describe(slot, old)})".replace("de une ", "d'une ").replace("de un ", "d'un ")
                   if old is not None else "")


class ActionWhatIf(Action):
    """« et si … ? »: the engine on a copy of the profile; the slots are not touched."""

    def name(self) -> Text:
        return "action_what_if"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = [remember_question(tracker)]
        supposed = hypothesis(tracker)
        if not supposed:
            dispatcher.utter_message(text=side_answers.what_if_unreadable())
            return events + [SlotSet("what_if", None)]
        slots = {name: tracker.get_slot(name) for name in PROFILE_SLOTS + ("budget_parts",)}
        copy = {**slots, **supposed}
        changes = [change_words(slot, value, slots.get(slot)) for slot, value in supposed.items()]
        send(dispatcher, [side_answers.what_if(changes, evaluate(profile_from(copy)))])
        return events + [SlotSet("what_if", supposed)]


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
        said = " ; ".join(f"{_slot_words(slot)} : {describe(slot, value)}" for slot, value in supposed.items())
        dispatcher.utter_message(text=f"C'est noté, j'adopte ce profil ({said}).")
        return [SlotSet(slot, value) for slot, value in supposed.items()] + [SlotSet("what_if", None)]


def _slot_words(slot: str) -> str:
    return {"applicant_type": "porteur", "project_nature": "thème", "budget": "budget",
            "population": "population", "departement_count": "départements"}[slot]


class ActionKeepProfile(Action):
    """« Garder mon profil »: the hypothesis is dropped."""

    def name(self) -> Text:
        return "action_keep_profile"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        kept = replies.profile_summary(profile_from_tracker(tracker), places_from_tracker(tracker))
        dispatcher.utter_message(text=f"D'accord, je garde votre profil : {kept}.")
        return [SlotSet("what_if", None)]


def call_meant(tracker: Tracker) -> Optional[str]:
    """The call a question is about: named now or discussed last (actions.common.known_code), else
    the first recommended."""
    recommended = tracker.get_slot("recommended_calls") or []
    return known_code(tracker) or (recommended[0] if recommended else None)


class ActionSideQuestion(Action):
    """A side question answered from the catalogue, or honestly, the question kept for the advisor."""

    def name(self) -> Text:
        return "action_side_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        question = (tracker.latest_message.get("text") or "").strip()
        code = call_meant(tracker)
        result = result_for(tracker, code) if code else None
        answer = side_answers.side_answer(side_answers.topic_of(question), result)
        if answer and side_answers.NO_ANSWER not in answer:
            dispatcher.utter_message(text=answer)
            return [remember_question(tracker)] + call_slots(result.code)
        if answer:  # part of it known (how to apply), not all (where)
            dispatcher.utter_message(text=answer, buttons=[side_answers.APPOINTMENT_BUTTON])
        else:
            send(dispatcher, [side_answers.no_answer()])
        return open_question_events(tracker, question) + (call_slots(result.code) if result else [])


def open_question_events(tracker: Tracker, question: str) -> List[Dict[Text, Any]]:
    """The question goes to the advisor: in open_questions, and marked in the questions asked that
    the summary stored with a booking lists."""
    asked = remember_question(tracker)
    questions = list(asked["value"])
    if questions and questions[-1] == question[:len(questions[-1])]:
        questions[-1] += side_answers.OPEN_QUESTION_MARK
    open_questions = list(tracker.get_slot(OPEN_QUESTIONS) or []) + [question[:300]]
    return [SlotSet("questions_asked", questions), SlotSet(OPEN_QUESTIONS, open_questions[-10:])]


class ActionExplainPlainly(Action):
    """« c'est quoi ces codes ? »: the calls that fit, in plain words, one line each."""

    def name(self) -> Text:
        return "action_explain_plainly"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        send(dispatcher, [side_answers.plain_explanation(evaluate(profile_from_tracker(tracker)))])
        return [remember_question(tracker)]
