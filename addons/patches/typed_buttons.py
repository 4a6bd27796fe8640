"""A button's label typed as text works like the button.

People read « J'accepte » or « mardi 8 décembre, 14 h 00 » on a button and type it instead of
clicking (a screen reader, a phone keyboard, a habit): the message then means what the click means.
One mechanism for every button: before the message is understood, its text is compared with the
labels of the buttons the bot sent since the user's last message (orientation/language/labels.py
says when a text is a label, or chooses one by its rank: « le premier créneau »); when one matches, the message becomes that button's payload, exactly
as if it had been clicked. Nothing else changes: a text that is not a label is understood as usual.

Rasa 3.6 has no hook before the NLU with the conversation at hand, so the processor's method that
logs a user message is wrapped, by TypedButtons, a pass-through component (addons/patches/server_patch.py)
listed in config.yml's pipeline: importing this module patches nothing.
"""
from __future__ import annotations

import functools
from typing import Any, Dict, List, Optional

from rasa.core.processor import MessageProcessor
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.events import BotUttered, UserUttered

from addons.patches.server_patch import ServerPatch
from orientation.language.labels import payload_of_label, payload_of_rank


def last_buttons(tracker: Any) -> List[Dict[str, Any]]:
    """The buttons of the bot's messages since the user's last message, in the order sent."""
    found: List[List[Dict[str, Any]]] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            found.append(list((event.data or {}).get("buttons") or []))
    return [button for buttons in reversed(found) for button in buttons if isinstance(button, dict)]


def button_payload(text: Optional[str], tracker: Any) -> Optional[str]:
    """The payload of the last turn's button whose label `text` is, or that `text` chooses by its
    rank (« le premier créneau »), or None."""
    if not text or text.lstrip().startswith("/"):
        return None
    buttons = last_buttons(tracker)
    return payload_of_label(text, buttons) or payload_of_rank(text, buttons)


def install() -> None:
    original = MessageProcessor._handle_message_with_tracker
    if getattr(original, "reads_typed_labels", False):
        return

    @functools.wraps(original)
    async def handle_with_typed_labels(self: MessageProcessor, message: Any, tracker: Any) -> None:
        if not message.parse_data:
            payload = button_payload(message.text, tracker)
            if payload is not None:
                message.text = payload
        return await original(self, message, tracker)

    handle_with_typed_labels.reads_typed_labels = True  # type: ignore[attr-defined]
    MessageProcessor._handle_message_with_tracker = handle_with_typed_labels


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class TypedButtons(ServerPatch):
    """Installs the reading of typed button labels (see the module docstring)."""

    install_patch = staticmethod(install)
