"""Reading the dialogue state: the profile (contract §4 slots), its places, the entities of the
last message and a slot's value before it."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

from actions.validation_scope import PROFILE_SLOTS  # one list, also read by the Rasa server
from orientation.eligibility import Profile
from orientation.eligibility.profile import profile_from_slots
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
