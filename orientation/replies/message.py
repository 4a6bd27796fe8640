"""The shape of a reply, and the button many replies end with."""
from __future__ import annotations

from typing import Any, Dict

# {"text": ..., "buttons": [{"title": ..., "payload": ...}]}, or {"custom": ...} for the widget.
Message = Dict[str, Any]

APPOINTMENT_BUTTON = {"title": "Prendre rendez-vous avec la DINUM", "payload": "/ask_appointment"}
