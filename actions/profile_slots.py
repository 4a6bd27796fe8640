"""What the user says about their profile at any moment, in or out of the form.

ValidateProfileSlots (action_validate_slot_mappings) runs after every user message: it checks the
values the NLU extracted (a budget of "-5 €" is refused, the previous value kept), acknowledges a
change ("le budget passe de 300 000 € à 500 000 €"), says when an amount given HT was converted to
TTC, reads the parts of the budget and the places named. What a message may write at all, and which
changes are confirmed first, is decided by actions/profile_writes.py from the message's dialogue
acts. The form's own questions are read in actions/profile_form.py.
"""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions import budget_reading
from actions.profile_writes import (
    confirmation_question,
    may_settle_budget,
    may_write_profile,
    needs_confirmation,
    official_figure_replaced,
)
from actions.tracker import (
    PROFILE_SLOTS,
    asked_before_last_message,
    dialogue_acts,
    places_from_tracker,
    profile_from_tracker,
    value_before_last_message,
)
from actions.type_answers import place_type_events
from actions.validation_scope import needs_profile_validation
from orientation.eligibility.funding import PART_WORDS
from orientation.eligibility.vocabulary import APPLICANT_TYPES, THEMES
from orientation.language import amounts
from orientation.language import french as fmt
from orientation.language.acts import is_correction
from orientation.language.limits import LIMITS, out_of_range
from orientation.replies.profile import describe, numeric_problem, profile_summary, slot_label, which_total_message
from orientation.replies.territory import territory_note, which_place
from orientation.territories import IndexMissing, load_index
from orientation.territories.coverage import coverage, decode, encode
from orientation.territories.homonyms import departement_codes, settle
from orientation.territories.mentions import area_answered, commune_answered

# The text slots whose values are a closed list (contract §3): anything else is refused.
VOCABULARIES = {"applicant_type": APPLICANT_TYPES, "project_nature": THEMES}


class ValidateProfileSlots(ValidationAction):
    """Checks and acknowledges every profile value the NLU extracted from the last message."""

    def name(self) -> Text:
        return "action_validate_slot_mappings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        candidates = tracker.slots_to_validate()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if not needs_profile_validation(candidates, intent, tracker.latest_message.get("text"), dialogue_acts(tracker)):
            return []  # the Rasa server skips this call on the same test (addons/patches/turn_speedups.py)
        if not may_write_profile(tracker):
            # A question, a hypothesis (computed on a copy, actions/what_if.py) or a booking turn
            # (« Mairie de Lyon » is the organisation's name) leaves the profile as it was.
            kept = {slot: value_before_last_message(tracker, slot)
                    for slot in PROFILE_SLOTS + ("territory",) if slot in candidates}
            if may_settle_budget(tracker):
                notes: List[str] = []
                kept.update(budget_reading.message_events(dispatcher, tracker, {}, notes))
                if notes:
                    dispatcher.utter_message(text=" ".join(notes))
            return [SlotSet(slot, value) for slot, value in kept.items()]
        acts = dialogue_acts(tracker)
        correction = is_correction(acts)
        events: Dict[str, Any] = {}
        notes: List[str] = []
        changes: List[str] = []
        pending: Dict[str, Any] = {}  # changes of fields already set, confirmed before they are written
        if correction and not any(slot in candidates for slot in PROFILE_SLOTS + ("territory",)) \
                and not budget_reading.chooses_pending(tracker):
            candidates = {**candidates, **corrected_figure(tracker)}  # « ah non c 90 000 »
        if "budget" in candidates and budget_reading.people_asked(tracker):  # « env 80k » habitants
            events["budget"] = value_before_last_message(tracker, "budget")
            candidates = {slot: value for slot, value in candidates.items() if slot != "budget"}
        for slot in PROFILE_SLOTS:
            if slot not in candidates:
                continue
            new, old = candidates[slot], value_before_last_message(tracker, slot)
            if slot == "applicant_type" and old is not None and _said_by_a_place_only(tracker):
                events[slot] = old  # « on couvre le département du Nord » names a place, not who speaks
                continue
            if slot in VOCABULARIES and new not in VOCABULARIES[slot]:
                # A value no sentence gives: a crafted button payload (/inform{"applicant_type": "xyz"}).
                notes.append(f"Je ne connais pas cette valeur pour {slot_label(slot)}."
                             + (f" Je garde {describe(slot, old)}." if old is not None else ""))
                events[slot] = old
                continue
            problem = numeric_problem(slot, new) if slot in LIMITS else None
            if problem:
                notes.append(problem + (f" Je garde {describe(slot, old)}." if old is not None else ""))
                events[slot] = old
                continue
            if slot in LIMITS:
                new = float(new)
                events[slot] = new
            if slot == "budget" and budget_reading.held(tracker, new):
                continue  # to confirm first (actions/budget_reading.py asks, the old value is kept)
            replaced = official_figure_replaced(tracker, slot, new, acts)
            if replaced:  # the user's figure for the project wins over the place's official one
                events[slot] = new
                if "territory" not in candidates:  # else the place's note says it
                    notes.append(replaced)
                continue
            if needs_confirmation(tracker, slot, new, acts) and not (
                    slot == "budget" and budget_reading.restates_given(tracker, new)):
                pending[slot] = new
                events[slot] = old
                continue
            if old is not None and old != new:
                changes.append(f"{slot_label(slot)} passe {fmt.de(describe(slot, old))} "
                               f"à {describe(slot, new)}")
            elif correction and old == new:  # « le budget total reste 800k » : said, not ignored
                changes.append(f"{slot_label(slot)} reste {describe(slot, new)}")
        if "territory" not in candidates:
            typed = _homonym_typed(tracker)  # « 93 » after « Plusieurs communes s'appellent… »
            if not typed and correction and not any(slot in candidates for slot in PROFILE_SLOTS):
                typed = _departement_corrected(tracker)  # « oups 65 pardon »: no figure, a place
            if not typed and not any(slot in candidates for slot in PROFILE_SLOTS):
                typed = _commune_answered(tracker)  # « c rodez » to « Quelle structure porte le projet ? »
            if typed:
                candidates = {**candidates, "territory": [typed]}
        events.update(place_type_events(tracker, candidates))  # « le 59 » to « Quelle structure porte le projet ? »
        if "territory" in candidates:
            events.update(_territory_events(dispatcher, tracker, candidates, notes, pending, acts))
        if _theme_guessed(tracker) and "project_nature" in candidates and not changes:
            notes.append(f"J'ai compris que le projet porte sur : {describe('project_nature', candidates['project_nature'])}. "
                         "Si ce n'est pas le cas, dites-le-moi.")
        if "budget" in candidates and events.get("budget") is not None:
            total = amounts.read_budget(tracker.latest_message.get("text") or "").total
            if total is not None and total.excl_tax and total.value == events["budget"] \
                    and not budget_reading.held(tracker, total.value):
                notes.append(f"J'ai converti le montant hors taxes en TTC (TVA à {fmt.percent(amounts.VAT_RATE)}) : {fmt.euros(total.value)} TTC.")
        events.update(budget_reading.message_events(dispatcher, tracker, events, notes))
        events.update(budget_context_events(dispatcher, tracker, events, notes))
        if correction and not any(slot in candidates for slot in PROFILE_SLOTS + ("territory",)) \
                and not {"budget_parts", "budget_candidates", "budget", budget_reading.PENDING} & set(events):
            unread_correction(dispatcher, tracker)
        unknown = [f for f in (tracker.get_slot("unknown_fields") or []) if f not in candidates]
        if unknown != (tracker.get_slot("unknown_fields") or []):
            events["unknown_fields"] = unknown
        if changes:
            notes.insert(0, "C'est noté : " + " ; ".join(changes) + ".")
        if notes:
            dispatcher.utter_message(text=" ".join(notes))
        if pending:
            question = confirmation_question(tracker, pending)
            dispatcher.utter_message(text=question["text"], buttons=question["buttons"])
        return [SlotSet(name, value) for name, value in events.items()]


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


NUMERIC_FIELDS = ("budget", "population", "departement_count")


def _bare_numbers(text: str) -> List[float]:
    """The figures without a unit of a message (« non c'est 380 000 »)."""
    return [q.value for q in amounts.extract_quantities(text) if q.kind == "number" and not q.negative]


def corrected_figure(tracker: Tracker) -> Dict[str, float]:
    """The field a bare figure in a correction (« non c'est 90 000 ») replaces, when it is plain: the
    only figure the user gave in the message before, or else the only field set whose value is of
    the same order (half to twice it). Otherwise nothing: the bot asks (unread_correction)."""
    text = tracker.latest_message.get("text") or ""
    numbers = _bare_numbers(text)
    total = amounts.total_figure(text) if len(numbers) > 1 else None
    if total is not None and total.kind == "number":  # « la cc met 5000 donc 30 000 en tout »: the total
        numbers = [total.value]
    if len(numbers) != 1:
        return {}
    value = numbers[0]
    fields = [f for f in _figures_of_previous_message(tracker) if not out_of_range(f, value)]
    if len(fields) != 1:
        # the only field set whose value is of the same order, within a factor 2 (400 000 after a
        # budget of 300 000 and 144 196 inhabitants is the budget; 320 000 after 400 000 € and
        # 350 000 inhabitants could be either: asked)
        fields = [f for f in NUMERIC_FIELDS if (v := tracker.get_slot(f)) and float(v) > 0
                  and not out_of_range(f, value) and abs(math.log(value / float(v))) <= math.log(2)]
    if len(fields) != 1 or (fields[0] == "budget" and value < 1000):
        return {}
    return {fields[0]: value}


def _figures_of_previous_message(tracker: Tracker) -> List[str]:
    """The numeric fields the user's message before the latest one set."""
    users = [i for i, e in enumerate(tracker.events) if e.get("event") == "user"]
    if len(users) < 2:
        return []
    between = tracker.events[users[-2] + 1:users[-1]]
    return sorted({e["name"] for e in between if e.get("event") == "slot" and e.get("name") in NUMERIC_FIELDS
                   and e.get("value") is not None})


def unread_correction(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A correction that changes nothing readable is never ignored: say what is kept, and ask. A bare
    figure (« non c'est 380 000 ») is offered for each field it could be."""
    text = tracker.latest_message.get("text") or ""
    numbers = _bare_numbers(text)
    kept = profile_summary(profile_from_tracker(tracker), places_from_tracker(tracker))
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
    """The theme of the last message comes from the theme model, not from an exact phrase: it is said
    back, so that a wrong guess can be corrected."""
    return any(e.get("entity") == "project_nature" and e.get("extractor") == "ThemeClassifier"
               for e in (tracker.latest_message or {}).get("entities", []))


def _said_by_a_place_only(tracker: Tracker) -> bool:
    """The applicant type of the last message comes only from the words of a place, and the user
    neither says it is who speaks (« en fait on est le CD du Cantal ») nor corrects it."""
    entities = (tracker.latest_message or {}).get("entities", [])
    places = [(e["start"], e["end"]) for e in entities if e.get("entity") == "territory" and "start" in e]
    types = [e for e in entities if e.get("entity") == "applicant_type" and "start" in e and not e.get("role")]
    if any(e.get("speaker") for e in types) or is_correction(dialogue_acts(tracker)):
        return False
    return bool(types) and all(any(s <= e["start"] and e["end"] <= t for s, t in places) for e in types)


def _homonym_typed(tracker: Tracker) -> Optional[str]:
    """The homonym a message without a place points to by its département's number, encoded."""
    try:
        index = load_index()
    except IndexMissing:
        return None
    asked = _homonyms_asked(tracker, index)
    chosen = settle(asked, [], tracker.latest_message.get("text") or "") if asked else None
    return encode([chosen]) if chosen else None


def _commune_answered(tracker: Tracker) -> Optional[str]:
    """The commune named bare in the answer to the bot's question about who carries the project
    (« c rodez », « ici tarbes »), encoded: its territory, from the official data."""
    if asked_before_last_message(tracker) != "applicant_type" or "answer" not in dialogue_acts(tracker):
        return None
    try:
        text = tracker.latest_message.get("text") or ""
        found = commune_answered(text) or area_answered(text)  # « Occitanie »: the région
    except IndexMissing:
        return None
    return encode([found]) if found else None


def _departement_corrected(tracker: Tracker) -> Optional[str]:
    """A correction that names only a département's number (« oups 65 pardon ») after the bot read
    another place: that département, or the commune or EPCI of the same name in it, encoded."""
    try:
        index = load_index()
    except IndexMissing:
        return None
    before = [t for value in value_before_last_message(tracker, "territory") or [] for t in decode(value, index)]
    codes = departement_codes(tracker.latest_message.get("text") or "")
    if len(before) != 1 or len(codes) != 1 or codes[0] in before[0].departements:
        return None
    place = before[0]
    if place.kind in ("commune", "epci"):
        same = [t for t in index.lookup(place.name, (place.kind,)) if codes[0] in t.departements]
        return encode(same[:1]) if len(same) == 1 else None
    new = index.departement(codes[0])
    return encode([new]) if new else None


def _homonyms_asked(tracker: Tracker, index) -> List[Any]:
    """The places the bot asked to choose between just before the latest message (which_place), read
    from the previous message's territory entity, or none."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    if len(users) < 2:
        return []
    said = [e.get("text") or "" for e in events[users[-2]:users[-1]] if e.get("event") == "bot"]
    if not any(text.startswith("Plusieurs ") for text in said):
        return []
    entities = (events[users[-2]].get("parse_data") or {}).get("entities") or []
    values = [e.get("value") for e in entities if e.get("entity") == "territory" and "|" in str(e.get("value"))]
    return decode(values[0], index) if values else []


def _territory_events(dispatcher: CollectingDispatcher, tracker: Tracker, candidates: Dict[str, Any],
                      notes: List[str], pending: Dict[str, Any], acts) -> Dict[str, Any]:
    """Places named: they fill the population and the départements, unless the same message
    states them (the user's figure wins). A name shared by several places is asked, never guessed.
    A place that would change a population or a number of départements already set, without a
    correction, is confirmed first (actions/profile_writes.py): the figures go to `pending`."""
    previous = value_before_last_message(tracker, "territory")
    try:
        index = load_index()
    except IndexMissing:
        return {"territory": previous}
    named = [decode(value, index) for value in candidates["territory"] or []]
    asked = _homonyms_asked(tracker, index)
    chosen = settle(asked, [t for places in named for t in places], tracker.latest_message.get("text") or "") \
        if asked else None
    if chosen:  # « celle du 93 »: the commune of the 93, not the 93
        named = [[chosen]]
    homonyms = next((places for places in named if len(places) > 1), None)
    if homonyms:
        question = which_place(homonyms)
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
    changed = {slot: events[slot] for slot in ("population", "departement_count")
               if slot in events and needs_confirmation(tracker, slot, events[slot], acts)}
    if changed:
        pending.update({slot: value for slot, value in events.items() if slot != "territory"
                        and value != value_before_last_message(tracker, slot)})
        return {slot: value_before_last_message(tracker, slot) for slot in events}
    notes.append(territory_note(covered, float(stated) if stated is not None else None))
    return events
