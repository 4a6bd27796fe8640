"""Who the client is: the IP address the channel saw, read back for the booking's anti-abuse limits."""
from __future__ import annotations

from typing import Any, Dict, Optional

from rasa_sdk import Tracker

from orientation.client_address import METADATA_KEY as CLIENT_KEY  # what addons/channels/inputs.py sets


def client_of(tracker: Tracker) -> Optional[str]:
    """The IP address the channel saw for the latest user message (None outside the channels)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            metadata: Dict[str, Any] = event.get("metadata") or {}
            client = metadata.get(CLIENT_KEY)
            return str(client) if client else None
    return None
