"""The anti-abuse limits of the booking, in the conversation: who the client is, and the polite
refusals. The limits themselves are data (config/booking.yml, `limits`) checked by the store."""
from __future__ import annotations

from typing import Any, Dict, Optional

from rasa_sdk import Tracker

from orientation.booking.config import load_config
from orientation.booking.store import LimitReached

# The key addons/channels/inputs.py puts in the message metadata.
CLIENT_KEY = "orientation_client"
MOVE_BUTTON = {"title": "Déplacer mon rendez-vous", "payload": "/move_booking"}


def client_of(tracker: Tracker) -> Optional[str]:
    """The IP address the channel saw for the latest user message (None outside the channels)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            metadata: Dict[str, Any] = event.get("metadata") or {}
            client = metadata.get(CLIENT_KEY)
            return str(client) if client else None
    return None


def refusal(error: LimitReached) -> Dict[str, Any]:
    """The message (text and buttons) refusing a booking; nothing was stored."""
    limits = load_config().limits
    if error.kind == "email":
        return {"text": "Un rendez-vous à venir est déjà enregistré avec cette adresse électronique, et une adresse "
                        "ne peut en tenir qu'un à la fois. Je peux le déplacer à un autre moment : il me faudra sa "
                        "référence, qui figure dans la confirmation. Je n'ai rien enregistré de plus.",
                "buttons": [MOVE_BUTTON]}
    if error.kind == "conversation":
        return {"text": f"Vous avez déjà pris {limits.per_conversation} rendez-vous dans cette conversation : "
                        "je ne peux pas en enregistrer d'autre ici. Vous pouvez en revanche déplacer ou annuler un "
                        "rendez-vous pris, avec sa référence et votre adresse.",
                "buttons": [MOVE_BUTTON]}
    window = limits.client_window_minutes
    delay = ("une heure" if window == 60 else f"{window // 60} heures" if window % 60 == 0
             else f"{window} minutes")
    return {"text": "Beaucoup de rendez-vous ont été demandés depuis votre connexion en peu de temps : par "
                    "précaution, je ne peux pas en enregistrer d'autre pour l'instant. Je n'ai rien enregistré. "
                    f"Réessayez dans {delay} ; en attendant, je peux répondre à vos questions sur les appels "
                    "à projets."}
