"""A French apology when the action server cannot be reached.

Rasa logs a failed custom action and says nothing to the user. Users of a public service must
not meet silence: RemoteAction.run is wrapped so that a connection failure becomes one bot
message that says what happened and that what they said is kept (the tracker still holds every
slot).

Rasa 3.6 has no hook for this: the action endpoint is always a plain EndpointConfig, custom action
executors and the plugin hooks around custom actions belong to Rasa Pro. So the wrapper is
installed by ActionServerApology, a pass-through component (addons/patches/server_patch.py) listed in config.yml's pipeline: every
Rasa server that loads the model creates it, and nothing is patched by merely importing a module.
"""
from __future__ import annotations

import functools
import logging
from typing import Any

from rasa.core.actions.action import RemoteAction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.exceptions import RasaException

from addons.patches.server_patch import ServerPatch

logger = logging.getLogger(__name__)

APOLOGY = ("Désolé, je rencontre un problème technique et ne peux pas répondre à cette demande pour "
           "le moment. Ce que vous m'avez indiqué est conservé : réessayez dans quelques instants.")


ERROR_KEY, UNREACHABLE = "error", "action_server_unreachable"


def apologised_this_turn(tracker: Any) -> bool:
    """The apology is already among the bot's messages since the user's last message: a turn
    where several custom actions fail (a form's validation, then its question) says it once."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and (event.metadata or {}).get(ERROR_KEY) == UNREACHABLE:
            return True
    return False


def install() -> None:
    """Wrap RemoteAction.run once; calling again (a second model, a reload) changes nothing."""
    original = RemoteAction.run
    if getattr(original, "apologises", False):
        return

    @functools.wraps(original)
    async def run_or_apologise(self, output_channel, nlg, tracker, domain):
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except RasaException as error:
            if self.name() == "action_validate_slot_mappings":
                raise  # Rasa then keeps the extracted slots unvalidated; the next action apologises
            logger.error("Action server unreachable for %s: %s", self.name(), error)
            if apologised_this_turn(tracker):
                return []
            return [BotUttered(APOLOGY, metadata={ERROR_KEY: UNREACHABLE})]

    run_or_apologise.apologises = True  # type: ignore[attr-defined]
    RemoteAction.run = run_or_apologise


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ActionServerApology(ServerPatch):
    """Installs the French apology for an unreachable action server (see the module docstring)."""

    install_patch = staticmethod(install)
