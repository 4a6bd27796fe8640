"""Reading the dialogue state: the profile (contract §4 slots), its places, the entities of the
last message and a slot's value before it."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Tracker

from actions.validation_scope import PROFILE_SLOTS  # one list, also read by the Rasa server
from orientation.eligibility import Profile
from orientation.eligibility.profile import profile_from_slots
from orientation.language.acts import acts_of
from orientation.language.answer_act import asked_by_bot, refine
from orientation.territories import IndexMissing, Territory, load_index
from orientation.territories.coverage import decode


def profile_from(slots: Dict[str, Any]) -> Profile:
    """The engine's profile; a value the engine refuses is left out rather than breaking the answer."""
    return profile_from_slots(slots)  # one rule, also read by the advisors' agenda (a booking's profile)


def profile_from_tracker(tracker: Tracker) -> Profile:
    return profile_from({name: tracker.get_slot(name) for name in PROFILE_SLOTS + ("budget_parts", "budget_given")})


def value_before_last_message(tracker: Tracker, slot: str) -> Any:
    """The slot's value before the user's latest message (to acknowledge a change)."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=None)
    value = None
    for event in events[:last_user] if last_user is not None else events:
        if event.get("event") == "slot" and event.get("name") == slot:
            value = event.get("value")
        elif event.get("event") == "restart":
            value = None
    return value


def dialogue_acts(tracker: Tracker) -> Tuple[str, ...]:
    """The dialogue acts of the user's latest message (orientation/language/acts.py), as the Rasa
    server completed them (addons/patches/dialogue_acts.py); computed the same way when absent (a
    tracker that did not come through it), from the text and the values extracted from it."""
    message = tracker.latest_message or {}
    acts = message.get("dialogue_acts")
    if acts is None:
        intent = message.get("intent") or {}
        text = message.get("text") or next((e.get("text") or "" for e in reversed(list(tracker.events))
                                            if e.get("event") == "user"), "")
        entities = message.get("entities") or [{"entity": slot, "value": value}
                                               for slot, value in tracker.slots_to_validate().items()]
        acts = acts_of(text, intent.get("name"), float(intent.get("confidence") or 0.0), entities)
        acts = refine(acts, asked_before_last_message(tracker), entities, text)
    return tuple(acts)


def asked_before_last_message(tracker: Tracker) -> Optional[str]:
    """What the bot asked before the user's latest message (as addons/patches/dialogue_acts.py reads it)."""
    if tracker.get_slot("requested_slot"):  # reset by Rasa when a form stops
        return tracker.get_slot("requested_slot")
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    for event in reversed(events[:last_user]):
        if event.get("event") == "user":
            return None
        if event.get("event") == "bot" and event.get("text"):
            return asked_by_bot(event["text"])
    return None


def latest_entity_values(tracker: Tracker, entity: str) -> List[Any]:
    return [e.get("value") for e in (tracker.latest_message or {}).get("entities", []) if e.get("entity") == entity]


def latest_entity(tracker: Tracker, entity: str) -> Optional[Any]:
    values = latest_entity_values(tracker, entity)
    return values[0] if values else None


def places_from_tracker(tracker: Tracker) -> List[Territory]:
    """The places the project covers (slot territory), as official territories."""
    try:
        index = load_index()
    except IndexMissing:
        return []
    return [t for value in tracker.get_slot("territory") or [] for t in decode(value, index)]
