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
from functools import lru_cache
from typing import Any, Dict, FrozenSet, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction, ValidationAction
from rasa_sdk.types import DomainDict

from actions import form_exit, replies

from orientation.language import amounts
from actions.side_answers import which_total_message
from orientation.eligibility import INELIGIBLE, Profile, evaluate
from orientation.language import french as fmt
from orientation.eligibility.profile import LIMITS, out_of_range
from orientation.eligibility.vocabulary import APPLICANT_TYPES, THEMES, applicant_label
from orientation.territories import IndexMissing, load_index
from orientation.territories.coverage import coverage, decode, encode
from actions.validation_scope import needs_profile_validation
from orientation.eligibility.funding import PART_WORDS
from actions.tracker_profile import (PROFILE_SLOTS, latest_entity, places_from_tracker, profile_from,
                                     profile_from_tracker, value_before_last_message)

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


def describes_the_project(tracker: Tracker) -> bool:
    """A booking asked before any profile: at the slot question, the user was invited to describe
    the project in one sentence (booking_actions.DESCRIBE_PROPOSAL), and that sentence counts."""
    return (tracker.active_loop_name == "booking_form" and tracker.get_slot("requested_slot") == "booking_slot"
            and all(value_before_last_message(tracker, slot) is None for slot in PROFILE_SLOTS))


class ValidateProfileSlots(ValidationAction):
    """Checks and acknowledges every profile value the NLU extracted from the last message."""

    def name(self) -> Text:
        return "action_validate_slot_mappings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        candidates = tracker.slots_to_validate()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if not needs_profile_validation(candidates, intent, tracker.latest_message.get("text")):
            return []  # the Rasa server skips this call on the same test (addons/patches/turn_speedups.py)
        if tracker.active_loop_name in BOOKING_LOOPS and not describes_the_project(tracker):
            # The message answers a booking question: « Mairie de Lyon » is the organisation's
            # name, not a new profile, and the advisor's summary must keep the profile confirmed.
            return [SlotSet(slot, value_before_last_message(tracker, slot))
                    for slot in PROFILE_SLOTS + ("territory",) if slot in candidates]
        events: Dict[str, Any] = {}
        notes: List[str] = []
        changes: List[str] = []
        protected = _protected_slots(tracker, intent, candidates)
        for slot in protected:
            events[slot] = value_before_last_message(tracker, slot)
        candidates = {slot: value for slot, value in candidates.items() if slot not in protected}
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
            elif intent == "correct" and old == new:  # « le budget total reste 800k » : said, not ignored
                changes.append(f"{NUMERIC_WORDS.get(slot, _label(slot))} reste {describe(slot, new)}")
        if "territory" in candidates:
            events.update(_territory_events(dispatcher, tracker, candidates, notes))
        if _theme_guessed(tracker) and "project_nature" in candidates and not changes:
            notes.append(f"J'ai compris que le projet porte sur : {describe('project_nature', candidates['project_nature'])}. "
                         "Si ce n'est pas le cas, dites-le-moi.")
        if "budget" in candidates and events.get("budget") is not None:
            total = amounts.read_budget(tracker.latest_message.get("text") or "").total
            if total is not None and total.excl_tax and total.value == events["budget"]:
                notes.append(f"J'ai converti le montant hors taxes en TTC (TVA à 20 %) : {fmt.euros(total.value)} TTC.")
        if intent not in QUESTION_INTENTS + HYPOTHESIS_INTENTS:
            events.update(budget_context_events(dispatcher, tracker, events, notes))
            if intent == "correct" and not any(slot in candidates for slot in PROFILE_SLOTS + ("territory",)) \
                    and not {"budget_parts", "budget_candidates"} & set(events):
                unread_correction(dispatcher, tracker)
        unknown = [f for f in (tracker.get_slot("unknown_fields") or []) if f not in candidates]
        if unknown != (tracker.get_slot("unknown_fields") or []):
            events["unknown_fields"] = unknown
        if changes:
            notes.insert(0, "C'est noté : " + " ; ".join(changes) + ".")
        if notes:
            dispatcher.utter_message(text=" ".join(notes))
        return [SlotSet(name, value) for name, value in events.items()]


# Questions about calls leave the profile alone: « et snap4 par rapport à snap3 ? on veut aussi la
# visio » is not a new theme. They may still fill a field that was empty. A hypothesis (« et si… »)
# never writes the profile: it is computed on a copy (actions/context_actions.py).
QUESTION_INTENTS = ("ask_call_info", "ask_why_not", "compare_calls", "list_calls", "ask_side_question",
                    "ask_plain_explanation")
HYPOTHESIS_INTENTS = ("ask_what_if",)


def _protected_slots(tracker: Tracker, intent: Optional[str], candidates: Dict[str, Any]) -> List[str]:
    """The profile slots the last message must not change, given its intent."""
    slots = [slot for slot in PROFILE_SLOTS + ("territory",) if slot in candidates]
    if intent in HYPOTHESIS_INTENTS:
        return slots
    if intent in QUESTION_INTENTS:
        return [slot for slot in slots if value_before_last_message(tracker, slot) is not None]
    return []


def budget_context_events(dispatcher: CollectingDispatcher, tracker: Tracker, events: Dict[str, Any],
                          notes: List[str]) -> Dict[str, Any]:
    """The parts of the budget a message names (« dont 200k de salaires »), and the amounts that may
    each be the total (asked with buttons; the budget kept is said)."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/"):  # a button's payload carries its values
        return {"budget_candidates": None} if events.get("budget") is not None and tracker.get_slot("budget_candidates") else {}
    reading = amounts.read_budget(text)
    found: Dict[str, Any] = {}
    budget = events.get("budget", tracker.get_slot("budget"))
    if reading.ambiguous:
        found["budget_candidates"] = [q.value for q in reading.candidates]
        kept = value_before_last_message(tracker, "budget")
        if kept is not None:  # the form will not ask: ask now, saying what is kept meanwhile
            question = which_total_message(found["budget_candidates"], kept)
            dispatcher.utter_message(text=question["text"], buttons=question["buttons"])
        return found
    if events.get("budget") is not None and tracker.get_slot("budget_candidates"):
        found["budget_candidates"] = None
    old_parts = dict(tracker.get_slot("budget_parts") or {})
    parts = {**old_parts, **reading.parts_by_kind()}
    named = " et ".join(f"{fmt.euros(v)} {PART_WORDS[k]}" for k, v in reading.parts_by_kind().items())
    if reading.parts and budget is None:  # the total comes later; parts larger than it will be ignored
        found["budget_parts"] = parts
        notes.append(f"Je note que le coût du projet comprend {named}.")
    elif reading.parts:
        if sum(parts.values()) < budget:
            found["budget_parts"] = parts
            if parts != old_parts:  # said once; a confirmation (« les 200k c juste la part salaires ») is enough
                notes.append(f"Je note que le budget de {fmt.euros(budget)} TTC comprend {named} : les appels "
                             "qui ne financent pas ces dépenses appliquent leur taux au reste.")
        else:
            notes.append(f"Ces dépenses ({fmt.euros(sum(reading.parts_by_kind().values()))}) dépassent le budget "
                         f"de {fmt.euros(budget)} TTC que je garde : quel est le coût total du projet ?")
    elif old_parts and events.get("budget") is not None and sum(old_parts.values()) >= events["budget"]:
        found["budget_parts"] = None  # the new total cannot hold the parts said before
    return found


def unread_correction(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A correction that changes nothing readable is never ignored: say what is kept, and ask. A bare
    figure (« non c'est 380 000 ») is offered for each field it could be."""
    text = tracker.latest_message.get("text") or ""
    numbers = [q.value for q in amounts.extract_quantities(text) if q.kind == "number" and not q.negative]
    kept = replies.profile_summary(profile_from_tracker(tracker), places_from_tracker(tracker))
    if numbers:
        value = numbers[-1]
        options = [(slot, title) for slot, title in (("budget", f"Budget : {fmt.euros(value)} TTC"),
                                                     ("population", f"Population : {fmt.number(value)} habitants"),
                                                     ("departement_count", f"{fmt.number(value)} départements"))
                   if not out_of_range(slot, value) and (slot != "budget" or value >= 1000)]
        if options:
            dispatcher.utter_message(
                text=f"À quoi correspond {fmt.number(value)} ? Pour l'instant je garde votre profil : {kept}.",
                buttons=[{"title": title, "payload": f'/inform{{"{slot}": {value}}}'} for slot, title in options])
            return
    dispatcher.utter_message(text=f"Je n'ai pas compris ce qu'il faut corriger : je garde votre profil ({kept}). "
                                  "Que faut-il changer ? Par exemple « le budget est de 380 000 € HT » ou "
                                  "« nous sommes 250 000 habitants ».")


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
    missing = _missing_for(profile_from(slots))
    for field in ("population", "departement_count"):
        if field in missing and slots.get(field) is None and field not in unknown:
            needed.append(field)
            break  # ask the population first; the départements only if it is not enough
    return needed


@lru_cache(maxsize=256)
def _missing_for(profile: Profile) -> FrozenSet[str]:
    """The fields the calls still under consideration depend on. Kept per profile: the SDK asks
    the form's required slots three times per message, and each asks the engine for every call."""
    considered = [r for r in evaluate(profile) if r.verdict != INELIGIBLE and r.theme_match is not False]
    return frozenset(field for r in considered for field in r.missing)


class KeepingFormValidation(FormValidationAction, metaclass=ABCMeta):
    """A FormValidationAction that returns every slot its extract_ methods set.

    The SDK keeps only the slots still required after extraction; an answer such as "je ne sais
    pas" sets unknown_fields and removes its slot from the required ones, and a wish such as
    "plutôt mardi" sets booking_wish: both must reach the tracker."""

    @abstractmethod
    def name(self) -> Text:
        """Abstract, so the SDK does not register this base class as an action."""

    # A way out of every question (actions/form_exit.py): intents this form handles itself.
    operation_intents: tuple = ()

    def yes_no_question(self, tracker: Tracker) -> bool:
        """Whether the question asked is a yes/no one, where « non » is the answer, not a way out."""
        return False

    def leave(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        """What leaving the form says and clears; the profile form keeps what was said."""
        return form_exit.leave_profile_form(dispatcher, tracker)

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        leaving = form_exit.leave_if_asked(dispatcher, tracker, self.yes_no_question(tracker), self.leave,
                                           self.operation_intents)
        if leaving is not None:
            return leaving
        if form_exit.handed_over(self.form_name(), tracker):
            return []  # nothing validated: the form rejects the message and a rule takes it
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
        if result.status == "ambiguous":  # action_ask_budget asks which one, with a button each
            text = tracker.latest_message.get("text") or ""
            return {slot: None, "budget_candidates": [q.value for q in amounts.read_budget(text).candidates]}
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
