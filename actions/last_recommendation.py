"""The profile as it stood when the recommendation was last given, read from the tracker's events:
the full recommendation is never sent twice for the same profile (actions/recommendation.py)."""
from __future__ import annotations

from typing import Any, Dict, Optional

from rasa_sdk import Tracker

from actions.tracker import PROFILE_SLOTS

RECOMMEND = "action_recommend"
# What the recommendation depends on: the profile, the parts of its budget and the places it covers.
COMPARED_SLOTS = PROFILE_SLOTS + ("budget_parts", "territory")


def slots_at_last_recommendation(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The compared slots' values when action_recommend last ran (None if it never did since the
    conversation started or restarted). The current run's own action event is not counted."""
    values: Dict[str, Any] = {}
    snapshot: Optional[Dict[str, Any]] = None
    events = list(tracker.events)
    # the action server receives the tracker before this run's action event: all events count
    for event in events:
        kind = event.get("event")
        if kind == "slot" and event.get("name") in COMPARED_SLOTS:
            values[event["name"]] = event.get("value")
        elif kind == "restart" or kind == "session_started":
            values, snapshot = {}, None
        elif kind == "action" and event.get("name") == RECOMMEND:
            snapshot = dict(values)
    return snapshot


def current_slots(tracker: Tracker) -> Dict[str, Any]:
    return {name: tracker.get_slot(name) for name in COMPARED_SLOTS}


def same_profile(before: Dict[str, Any], now: Dict[str, Any]) -> bool:
    """Nothing the recommendation depends on changed (an empty list is no value)."""
    return all((before.get(name) or None) == (now.get(name) or None) for name in COMPARED_SLOTS)
