"""Less work per turn on the Rasa server, same behaviour (figures in docs/performance.md).

Rasa 3.6 offers no setting for either, so two of its methods are replaced, by TurnSpeedups, a
pass-through pipeline component (addons/patches/server_patch.py) like the French apology: every Rasa server that loads
the model installs them, and importing this module patches nothing.

- Action-server responses are still validated against Rasa's schema, but with a validator built
  once: `jsonschema.validate` checks the (large) events schema itself again on every call, which was
  about 45 % of the Rasa server's time under small-talk load.
- The global slot validation (action_validate_slot_mappings) is asked of the action server only when
  it can change something (actions/validation_scope.py): « bonjour » no longer costs a round trip.
"""
from __future__ import annotations

import functools
from typing import Any, Dict, List, Text

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import SlotSet

from actions.validation_scope import needs_profile_validation
from addons.patches.server_patch import ServerPatch


def response_validator() -> Any:
    """The validator of action-server responses, its schema checked once, here."""
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def install_response_validator() -> None:
    if getattr(RemoteAction._validate_action_result, "prebuilt", False):
        return
    validator = response_validator()

    def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        error = best_match(validator.iter_errors(result))  # what jsonschema.validate raises
        if error is None:
            return True
        error.message += (f". Failed to validate Action server response from API, make sure your response "
                          f"from the Action endpoint is valid. For more information about the format visit "
                          f"{DOCS_BASE_URL}/custom-actions")
        raise error

    validate_action_result.prebuilt = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = validate_action_result


def install_validation_skip() -> None:
    original = ActionExtractSlots._execute_validation_action
    if getattr(original, "skips", False):
        return

    @functools.wraps(original)
    async def validate_when_needed(self, extraction_events, output_channel, nlg, tracker, domain) -> List[Any]:
        slot_events = [event for event in extraction_events if isinstance(event, SlotSet)]
        message = tracker.latest_message
        intent = (message.intent or {}).get("name") if message else None
        acts = (message.parse_data or {}).get("dialogue_acts") or () if message else ()
        if not needs_profile_validation([e.key for e in slot_events], intent, message.text if message else None, acts):
            return slot_events  # what Rasa returns when the validation action sets nothing
        return await original(self, extraction_events, output_channel, nlg, tracker, domain)

    validate_when_needed.skips = True  # type: ignore[attr-defined]
    ActionExtractSlots._execute_validation_action = validate_when_needed


def install() -> None:
    """Both changes; calling again (a second model, a reload) changes nothing."""
    install_response_validator()
    install_validation_skip()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class TurnSpeedups(ServerPatch):
    """Installs the per-turn savings of the Rasa server (see the module docstring)."""

    install_patch = staticmethod(install)
