"""The two input channels of the assistant, with the edges a public service needs:

- a message longer than MAX_MESSAGE characters (actions/amounts.py, the one limit) gets a French
  reply and is not processed (no NLU, no tracker event): nobody describes a project in more, and a
  huge message costs every user;
- the socket.io channel accepts connections only from CORS_ORIGINS (the websocket transport is not
  covered by the browser's CORS checks, so the origin is checked here; Rasa's --cors covers HTTP).

credentials.yml names these classes; their names stay "rest" and "socketio", so the URLs
(/webhooks/rest/webhook, /socket.io) do not change.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from actions.amounts import MAX_MESSAGE

logger = logging.getLogger(__name__)

Handler = Callable[[UserMessage], Awaitable[Any]]

TOO_LONG = ("Votre message est trop long pour que je le lise : {limit} caractères au plus, il en compte "
            "{length}. Pouvez-vous le redire en quelques phrases ? Par exemple : qui vous êtes, ce que "
            "vous voulez financer et votre budget.")


def french_count(number: int) -> str:
    """2000 -> « 2 000 », with the non-breaking space of French numbers."""
    return f"{number:,}".replace(",", "\u00a0")


def too_long_reply(length: int) -> str:
    return TOO_LONG.format(limit=french_count(MAX_MESSAGE), length=french_count(length))


def within_limit(on_new_message: Handler) -> Handler:
    """Answers an over-long message itself instead of passing it to the assistant."""
    async def handle(message: UserMessage) -> Any:
        length = len(message.text or "")
        if length > MAX_MESSAGE:
            logger.info("Message of %s characters from %s not processed (limit %s).",
                        length, message.sender_id, MAX_MESSAGE)
            await message.output_channel.send_text_message(message.sender_id, too_long_reply(length))
            return None
        return await on_new_message(message)
    return handle


def allowed_origins(environ: Optional[Dict[str, str]] = None) -> List[str]:
    """CORS_ORIGINS: origins separated by spaces or commas; "*" allows every site (development only)."""
    text = (environ if environ is not None else os.environ).get("CORS_ORIGINS", "")
    return [origin.rstrip("/") for origin in text.replace(",", " ").split()]


def origin_allowed(origin: Optional[str], allowed: List[str]) -> bool:
    # No Origin header: not a browser page (curl, a server), which CORS does not concern.
    return not origin or "*" in allowed or origin.rstrip("/") in allowed


class OrientationRestInput(RestInput):
    def blueprint(self, on_new_message: Handler) -> Blueprint:
        return super().blueprint(within_limit(on_new_message))


class OrientationSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Handler) -> Blueprint:
        blueprint = super().blueprint(within_limit(on_new_message))
        connect = self.sio.handlers[self.namespace or "/"]["connect"]
        allowed = allowed_origins()

        async def connect_from_allowed_origin(sid: str, environ: Dict, auth: Optional[Dict] = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if allowed and not origin_allowed(origin, allowed):
                logger.warning("socket.io connection refused from origin %s (CORS_ORIGINS).", origin)
                return False
            return await connect(sid, environ, auth)

        self.sio.on("connect", connect_from_allowed_origin, namespace=self.namespace)
        return blueprint
