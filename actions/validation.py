"""Slot validation: what the user says about their profile, at any moment and in the form.

- ValidateProfileSlots (action_validate_slot_mappings) runs after every user message: it
  checks the values the NLU extracted (a budget of "-5 €" is refused, the previous value
  kept), acknowledges a change ("le budget passe de 300 000 € à 500 000 €") and says
  when an amount given HT was converted to TTC.
- ValidateProfileForm (validate_profile_form) decides what the form still needs to ask
  (population only when a call under consideration depends on it) and reads bare
  answers to its questions ("400000", "je ne sais pas", "beaucoup").
"""
from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction, ValidationAction
from rasa_sdk.types import DomainDict

from actions import amounts, replies
from actions.eligibility import INELIGIBLE, evaluate
from actions.eligibility import formatting as fmt
from actions.eligibility.profile import LIMITS, out_of_range
from actions.eligibility.vocabulary import APPLICANT_TYPES, THEMES, applicant_label
from actions.territories import IndexMissing, load_index
from actions.territories.coverage import coverage, decode, encode
from actions.tracker_profile import PROFILE_SLOTS, latest_entity, profile_from, value_before_last_message

# While these forms run, what the user types answers their questions (name, organisation, e-mail…).
BOOKING_LOOPS = ("booking_form", "manage_booking_form")
NUMERIC_WORDS = {"budget": "le budget", "population": "la population couverte",
                 "departement_count": "le nombre de départements"}


def describe(slot: str, value: Any) -> str:
    """A slot value as the user reads it."""
    if value is None:
        return "non précisé"
    if slot == "budget":
        return f"{fmt.euros(value)} TTC"
    if slot == "population":
        return f"{fmt.number(value)} habitants"
    if slot == "departement_count":
        return fmt.plural(value, "département", "départements")
    if slot == "applicant_type":
        return applicant_label(value) if value in APPLICANT_TYPES else str(value)
    if slot == "project_nature":
        return THEMES.get(value, str(value))
    return str(value)


def numeric_problem(slot: str, value: Any) -> Optional[str]:
    """Why a number cannot be the slot's value, in French; None when it can."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return f"Je n'ai pas compris {NUMERIC_WORDS[slot]} « {value} » : pouvez-vous l'indiquer en chiffres ?"
    problem = out_of_range(slot, number)
    words = NUMERIC_WORDS[slot].capitalize()
    if problem == "negative":
        return f"{words} ne peut pas être négatif : pouvez-vous le préciser ?"
    if problem == "zero":
        return f"{words} ne peut pas être nul : pouvez-vous le préciser ?"
    if problem == "too_large":
        return (f"Pour {NUMERIC_WORDS[slot]}, le chiffre {fmt.number(number)} me semble trop élevé : "
                f"pouvez-vous vérifier le nombre de zéros ?")
    if problem:
        return f"Pour {NUMERIC_WORDS[slot]}, le chiffre {fmt.number(number)} ne me semble pas possible : pouvez-vous le préciser ?"
    return None


class ValidateProfileSlots(ValidationAction):
    """Checks and acknowledges every profile value the NLU extracted from the last message."""

    def name(self) -> Text:
        return "action_validate_slot_mappings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        candidates = tracker.slots_to_validate()
        if tracker.active_loop_name in BOOKING_LOOPS:
            # The message answers a booking question: « Mairie de Lyon » is the organisation's
            # name, not a new profile, and the advisor's summary must keep the profile confirmed.
            return [SlotSet(slot, value_before_last_message(tracker, slot))
                    for slot in PROFILE_SLOTS + ("territory",) if slot in candidates]
        events: Dict[str, Any] = {}
        notes: List[str] = []
        changes: List[str] = []
        for slot in PROFILE_SLOTS:
            if slot not in candidates:
                continue
            new, old = candidates[slot], value_before_last_message(tracker, slot)
            if slot == "applicant_type" and old is not None and _said_by_a_place_only(tracker):
                events[slot] = old  # « on couvre le département du Nord » names a place, not who speaks
                continue
            problem = numeric_problem(slot, new) if slot in LIMITS else None
            if problem:
                notes.append(problem + (f" Je garde {describe(slot, old)}." if old is not None else ""))
                events[slot] = old
                continue
            if slot in LIMITS:
                new = float(new)
                events[slot] = new
            if old is not None and old != new:
                changes.append(f"{NUMERIC_WORDS.get(slot, _label(slot))} passe {fmt.de(describe(slot, old))} "
                               f"à {describe(slot, new)}")
        if "territory" in candidates:
            events.update(_territory_events(dispatcher, tracker, candidates, notes))
        if _theme_guessed(tracker) and "project_nature" in candidates and not changes:
            notes.append(f"J'ai compris que le projet porte sur : {describe('project_nature', candidates['project_nature'])}. "
                         "Si ce n'est pas le cas, dites-le-moi.")
        if "budget" in candidates and events.get("budget") is not None:
            converted = [q for q in amounts.extract_quantities(tracker.latest_message.get("text") or "")
                         if q.kind == "budget" and q.excl_tax and not q.negative]
            if converted:
                notes.append(f"J'ai converti le montant hors taxes en TTC (TVA à 20 %) : {fmt.euros(converted[0].value)} TTC.")
        unknown = [f for f in (tracker.get_slot("unknown_fields") or []) if f not in candidates]
        if unknown != (tracker.get_slot("unknown_fields") or []):
            events["unknown_fields"] = unknown
        if changes:
            notes.insert(0, "C'est noté : " + " ; ".join(changes) + ".")
        if notes:
            dispatcher.utter_message(text=" ".join(notes))
        return [SlotSet(name, value) for name, value in events.items()]


def _theme_guessed(tracker: Tracker) -> bool:
    """The theme of the last message comes from the theme model, not from an exact phrase (issue 11)."""
    return any(e.get("entity") == "project_nature" and e.get("extractor") == "ThemeClassifier"
               for e in (tracker.latest_message or {}).get("entities", []))


def _said_by_a_place_only(tracker: Tracker) -> bool:
    """The applicant type of the last message comes only from the words of a place."""
    entities = (tracker.latest_message or {}).get("entities", [])
    places = [(e["start"], e["end"]) for e in entities if e.get("entity") == "territory" and "start" in e]
    types = [e for e in entities if e.get("entity") == "applicant_type" and "start" in e]
    return bool(types) and all(any(s <= e["start"] and e["end"] <= t for s, t in places) for e in types)


def _territory_events(dispatcher: CollectingDispatcher, tracker: Tracker, candidates: Dict[str, Any],
                      notes: List[str]) -> Dict[str, Any]:
    """Places named: they fill the population and the départements, unless the same message
    states them (the user's figure wins). A name shared by several places is asked, never guessed."""
    previous = value_before_last_message(tracker, "territory")
    try:
        index = load_index()
    except IndexMissing:
        return {"territory": previous}
    named = [decode(value, index) for value in candidates["territory"] or []]
    homonyms = next((places for places in named if len(places) > 1), None)
    if homonyms:
        question = replies.which_place(homonyms)
        dispatcher.utter_message(text=question["text"], buttons=question["buttons"])
    covered = coverage(places[0] for places in named if len(places) == 1)
    if covered is None:
        return {"territory": previous}
    events: Dict[str, Any] = {"territory": [encode([t]) for t in covered.territories]}
    stated = candidates.get("population")
    if stated is not None and numeric_problem("population", stated):
        stated = None
    if stated is None:
        events["population"] = float(covered.population)
    if candidates.get("departement_count") is None:
        events["departement_count"] = float(covered.departement_count)
    notes.append(replies.territory_note(covered, float(stated) if stated is not None else None))
    return events


def _label(slot: str) -> str:
    return {"applicant_type": "le type de porteur", "project_nature": "le thème du projet"}.get(slot, slot)


def fields_needed(slots: Dict[str, Any]) -> List[str]:
    """What the form must still ask, in order; population and départements only when a call
    under consideration depends on them (the engine lists them as missing)."""
    unknown = set(slots.get("unknown_fields") or [])
    if slots.get("applicant_type") == "particulier":
        return []
    needed = [s for s in ("applicant_type", "project_nature", "budget")
              if slots.get(s) is None and s not in unknown]
    if slots.get("applicant_type") is None:
        return needed
    results = evaluate(profile_from(slots))
    considered = [r for r in results if r.verdict != INELIGIBLE and r.theme_match is not False]
    missing = {field for r in considered for field in r.missing}
    for field in ("population", "departement_count"):
        if field in missing and slots.get(field) is None and field not in unknown:
            needed.append(field)
            break  # ask the population first; the départements only if it is not enough
    return needed


class KeepingFormValidation(FormValidationAction, metaclass=ABCMeta):
    """A FormValidationAction that returns every slot its extract_ methods set.

    The SDK keeps only the slots still required after extraction; an answer such as "je ne sais
    pas" sets unknown_fields and removes its slot from the required ones, and a wish such as
    "plutôt mardi" sets booking_wish: both must reach the tracker."""

    @abstractmethod
    def name(self) -> Text:
        """Abstract, so the SDK does not register this base class as an action."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        extracted = await self.get_extraction_events(dispatcher, tracker, domain)
        tracker.add_slots(extracted)
        validated = await self._extract_validation_events(dispatcher, tracker, domain)
        names = {event["name"] for event in validated}
        return validated + [event for event in extracted if event["name"] not in names]


PARSERS = {"budget": amounts.parse_budget, "population": amounts.parse_population,
           "departement_count": amounts.parse_departement_count}


class ValidateProfileForm(KeepingFormValidation):
    """The profile form: dynamic questions and bare answers."""

    def name(self) -> Text:
        return "validate_profile_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        return fields_needed(tracker.slots)


    def _answering(self, tracker: Tracker, slot: str) -> bool:
        """The user is answering the form's question about this slot, and the NLU found nothing for it."""
        return tracker.get_slot("requested_slot") == slot and tracker.get_slot(slot) is None

    def _mark_unknown(self, tracker: Tracker, slot: str) -> Dict[Text, Any]:
        unknown = list(tracker.get_slot("unknown_fields") or [])
        return {"unknown_fields": unknown + [slot] if slot not in unknown else unknown, slot: None}

    def _extract_number(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        if not self._answering(tracker, slot):
            return {}
        result = PARSERS[slot](tracker.latest_message.get("text") or "")
        if result.status == "ok":
            if result.excl_tax:
                dispatcher.utter_message(text=f"J'ai converti le montant hors taxes en TTC (TVA à 20 %) : "
                                              f"{fmt.euros(result.value)} TTC.")
            return {slot: result.value}
        if result.status == "unknown":
            dispatcher.utter_message(text="Pas de problème, je continue sans cette information : "
                                          "les appels concernés seront « à confirmer ».")
            return self._mark_unknown(tracker, slot)
        if result.message and not _other_profile_value_given(tracker):
            dispatcher.utter_message(text=result.message)
        return {slot: None}

    async def extract_budget(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[Text, Any]:
        return self._extract_number("budget", dispatcher, tracker)

    async def extract_population(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> Dict[Text, Any]:
        return self._extract_number("population", dispatcher, tracker)

    async def extract_departement_count(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                        domain: DomainDict) -> Dict[Text, Any]:
        return self._extract_number("departement_count", dispatcher, tracker)

    async def extract_applicant_type(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        if not self._answering(tracker, "applicant_type") or _other_profile_value_given(tracker):
            return {}
        dispatcher.utter_message(text="Je n'ai pas reconnu le type de structure. Choisissez-en un ci-dessous ou "
                                      "écrivez-le (par exemple « préfecture », « mairie », « conseil régional », "
                                      "« France Travail », « association »).")
        return {"applicant_type": None}

    async def extract_project_nature(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        if not self._answering(tracker, "project_nature") or _other_profile_value_given(tracker):
            return {}
        text = tracker.latest_message.get("text") or ""
        if amounts.says_unknown(text):
            dispatcher.utter_message(text="D'accord, je vous montrerai tous les appels ouverts à votre profil.")
            return self._mark_unknown(tracker, "project_nature")
        # Not understood: the question that follows offers buttons (actions/theme_questions.py), so
        # that the same free-text question is never asked twice in a row.
        return {"project_nature": None}


def _other_profile_value_given(tracker: Tracker) -> bool:
    """The last message set some profile slot: the form moves on without complaining."""
    return any(latest_entity(tracker, e) is not None for e in
               ("applicant_type", "population", "departement_count", "budget", "project_nature"))
