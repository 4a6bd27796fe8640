"""The « fiche projet » download: GET /webhooks/fiche/<token> on the Rasa server, which holds the
conversations (any instance behind the balancer can serve it). The token names no conversation
(orientation/fiche/links.py); an unknown or expired one gets a French 404. The PDF is made from the
conversation as it is now, by the same code as the action's (actions/fiche.py), in a worker thread:
WeasyPrint's few hundred milliseconds do not hold the other conversations.

credentials.yml names this channel « fiche »; it receives no message.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.trackers import EventVerbosity
from rasa_sdk import Tracker
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.fiche import fiche_pdf
from orientation.fiche import links
from orientation.fiche.render import MEDIA_TYPE

logger = logging.getLogger(__name__)
GONE = ("Cette fiche projet n'est pas disponible : le lien est inconnu ou a expiré. Demandez une nouvelle fiche à "
        "l'assistant France Relance.")
# One sheet at a time per server: WeasyPrint is CPU-bound, and a queue is fairer than two halves.
_printer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fiche")


async def serve(agent: Any, token: str) -> HTTPResponse:
    """The PDF of the token's conversation, or a French 404 (unknown, expired, conversation purged)."""
    loop = asyncio.get_running_loop()
    sender_id = await loop.run_in_executor(None, links.conversation_of, token)
    stored = await agent.tracker_store.retrieve(sender_id) if sender_id and agent else None
    if stored is None:
        return response.text(GONE, status=404, headers={"Cache-Control": "no-store"})
    tracker = Tracker.from_dict(stored.current_state(EventVerbosity.AFTER_RESTART))
    data, name = await loop.run_in_executor(_printer, fiche_pdf, tracker)
    logger.info("Fiche projet served (%s bytes).", len(data))  # never the conversation's id
    return response.raw(data, content_type=MEDIA_TYPE, headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"})


class FicheDownload(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "fiche"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("fiche_projet", __name__)

        @blueprint.route("/<token>", methods=["GET"])
        async def download(request: Request, token: str) -> HTTPResponse:
            return await serve(getattr(request.app.ctx, "agent", None), token)

        return blueprint
