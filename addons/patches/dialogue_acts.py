"""The dialogue acts completed where the conversation is known, and hypotheses routed by their act.

The NLU gives each message its acts (addons/components/dialogue_acts.py) but cannot know what the
bot had just asked. Rasa 3.6 hands the conversation to `MessageProcessor.parse_message` and to no
NLU component, so that method is wrapped, once, by DialogueActsRefinement (a pass-through
component, addons/patches/server_patch.py):

- `answer`: the slot requested before the message when a form runs, or else the profile field the
  bot's last words asked about, refines the acts (orientation.language.acts.refine); a button's
  payload, which skips the NLU, gets its acts here;
- a hypothesis, whatever its wording and whatever intent DIET gave, is routed as `ask_what_if`
  (actions/what_if.py computes it on a copy of the profile); DIET's intent stays in the ranking.
"""
from __future__ import annotations

import functools
from typing import Any, Dict, Optional

from rasa.core.processor import MessageProcessor
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.events import BotUttered, UserUttered

from addons.patches.server_patch import ServerPatch
from orientation.language.acts import acts_of, asked_by_bot, refine

ACTS = "dialogue_acts"
WHAT_IF, KEEP_ROUTE = "ask_what_if", ("ask_what_if", "adopt_what_if", "keep_profile", "restart")
# the booking forms read their own answers (a booking turn never writes the profile anyway)
BOOKING_LOOPS = ("booking_form", "manage_booking_form")


def asked_slot(tracker: Any) -> Optional[str]:
    """What the bot is asking for, before the message is logged: the slot its form requests, or
    else the profile field its last words asked about (orientation.language.acts.asked_by_bot)."""
    if tracker is None:
        return None
    if getattr(tracker, "active_loop_name", None) and tracker.get_slot("requested_slot"):
        return tracker.get_slot("requested_slot")
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return None
        if isinstance(event, BotUttered) and event.text:
            return asked_by_bot(event.text)
    return None


def complete(parse_data: Dict[str, Any], tracker: Any) -> Dict[str, Any]:
    intent = parse_data.get("intent") or {}
    entities = parse_data.get("entities") or []
    acts = parse_data.get(ACTS)
    if acts is None:
        acts = acts_of(parse_data.get("text") or "", intent.get("name"), float(intent.get("confidence") or 0.0),
                       entities)
    acts = refine(acts, asked_slot(tracker), entities, parse_data.get("text") or "")
    parse_data[ACTS] = acts
    booking = tracker is not None and getattr(tracker, "active_loop_name", None) in BOOKING_LOOPS
    if "hypothesis" in acts and intent.get("name") not in KEEP_ROUTE and not booking:
        parse_data["intent"] = {"name": WHAT_IF, "confidence": 1.0}
    return parse_data


def install() -> None:
    original = MessageProcessor.parse_message
    if getattr(original, "acts", False):
        return

    @functools.wraps(original)
    async def parse_message(self, message, tracker=None, only_output_properties=True):
        parse_data = await original(self, message, tracker, only_output_properties)
        return complete(parse_data, tracker)

    parse_message.acts = True  # type: ignore[attr-defined]
    MessageProcessor.parse_message = parse_message


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class DialogueActsRefinement(ServerPatch):
    """Installs the refinement of the acts (see the module docstring)."""

    install_patch = staticmethod(install)
