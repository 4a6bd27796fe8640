"""Who the client is: the IP address the channel saw, read back for the booking's anti-abuse limits."""
from __future__ import annotations

from typing import Any, Dict, Optional

from rasa_sdk import Tracker

# The key addons/channels/inputs.py puts in the message metadata.
CLIENT_KEY = "orientation_client"


def client_of(tracker: Tracker) -> Optional[str]:
    """The IP address the channel saw for the latest user message (None outside the channels)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            metadata: Dict[str, Any] = event.get("metadata") or {}
            client = metadata.get(CLIENT_KEY)
            return str(client) if client else None
    return None
