"""No message text nor client address in the Rasa server's logs (error logs included).

Rasa logs the user's text with a failed message (« rest.message.received.failure », text=…) and
SQLAlchemy's errors quote the statement's parameters, i.e. the stored event with the text and the
metadata. The first is masked by a structlog processor put in front of Rasa's own; the second is
turned off on the conversations' engine (hide_parameters, addons/stores/tracker_store.py).
Installed by the tracker store when the server starts, once.
"""
from __future__ import annotations

from typing import Any, Dict

import structlog

MASKED = "[masqué]"
# The keys of Rasa's structured log events that carry what a user typed or was told
# (the list Rasa itself anonymises when an anonymisation pipeline is configured), and the client.
PERSONAL_KEYS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
    "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response",
    "slot_candidates", "rasa_event", "rasa_events", "current_entity", "next_entity", "entity", "token_text",
    "user_message", "json_message", "metadata", "remote_addr", "ip",
})


def redact(_: Any, __: str, event_dict: Dict[str, Any]) -> Dict[str, Any]:
    for key in PERSONAL_KEYS & event_dict.keys():
        event_dict[key] = MASKED
    return event_dict


def install() -> None:
    """Puts `redact` first among structlog's processors (idempotent)."""
    processors = structlog.get_config()["processors"]
    if redact not in processors:
        processors.insert(0, redact)
