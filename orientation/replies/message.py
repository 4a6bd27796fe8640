"""The shape of a reply, and the button many replies end with."""
from __future__ import annotations

from typing import Any, Dict

# {"text": ..., "buttons": [{"title": ..., "payload": ...}]}, or {"custom": ...} for the widget.
Message = Dict[str, Any]

APPOINTMENT_BUTTON = {"title": "Prendre rendez-vous avec la DINUM", "payload": "/ask_appointment"}

# When a message cannot be processed at all (the lock store or the database unreachable): said by
# the Rasa instance itself, or by the balancer when no instance can serve.
UNAVAILABLE = ("Désolé, je rencontre un problème technique et n'ai pas pu lire votre message. "
               "Réessayez dans quelques instants.")
