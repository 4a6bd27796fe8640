"""A French apology when the action server cannot be reached.

Rasa logs a failed custom action and says nothing to the user. Users of a public service
must not meet silence: this wraps RemoteAction.run so that a connection failure becomes
one bot message that says what happened and that what they said is kept (the tracker
still holds every slot). Imported by addons.entity_extractors, which every model loads.
"""
from __future__ import annotations

import logging

from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import BotUttered
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

APOLOGY = ("Désolé, je rencontre un problème technique et ne peux pas répondre à cette demande pour "
           "le moment. Ce que vous m'avez indiqué est conservé : réessayez dans quelques instants.")

_original_run = RemoteAction.run


async def _run_or_apologise(self, output_channel, nlg, tracker, domain):
    try:
        return await _original_run(self, output_channel, nlg, tracker, domain)
    except RasaException as error:
        if self.name() == "action_validate_slot_mappings":
            raise  # Rasa then keeps the extracted slots unvalidated; the next action apologises
        logger.error("Action server unreachable for %s: %s", self.name(), error)
        return [BotUttered(APOLOGY, metadata={"error": "action_server_unreachable"})]


if not getattr(RemoteAction.run, "_apologises", False):
    _run_or_apologise._apologises = True  # type: ignore[attr-defined]
    RemoteAction.run = _run_or_apologise
