"""Tracker fixtures: the dialogue state the custom actions receive from Rasa."""
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

SLOTS = ("applicant_type", "population", "departement_count", "budget", "project_nature",
         "recommended_calls", "unknown_fields", "current_call", "questions_asked", "requested_slot")


@pytest.fixture(autouse=True)
def reference_date(monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2021-10-15")


def entity(name: str, value: Any, text: str = "", start: int = 0) -> Dict[str, Any]:
    return {"entity": name, "value": value, "start": start, "end": start + len(text or str(value))}


def make_tracker(slots: Optional[Dict[str, Any]] = None, text: str = "", intent: str = "inform",
                 entities: Optional[List[Dict[str, Any]]] = None, events: Optional[List[Dict[str, Any]]] = None,
                 active_loop: Optional[str] = None) -> Tracker:
    values = {name: None for name in SLOTS}
    values.update(slots or {})
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": entities or []}
    return Tracker("test-user", values, latest, events or [], False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


@pytest.fixture
def dispatcher():
    return CollectingDispatcher()


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)
