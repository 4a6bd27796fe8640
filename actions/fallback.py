"""When the assistant is unsure: say so, and suggest what it can do."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dialogue_turn import asks_for_recap, is_question, last_bot_text
from actions.last_recommendation import slots_at_last_recommendation
from actions.recommendation import full_recommendation
from actions.side_questions import answer_question
from actions.tracker import PROFILE_SLOTS, value_before_last_message

REPHRASE = ("Je ne suis pas sûr d'avoir compris. Pouvez-vous reformuler ? Vous pouvez me dire qui vous êtes "
            "et décrire votre projet avec son budget, ou me poser une question sur un appel "
            "(par exemple « quel est le taux de SNAP3 ? »).")
SUGGESTIONS = [
    # asking for the recommendation is an inform: it starts the profile form (data/rules.yml)
    {"title": "Quels appels pour mon projet ?", "payload": "/inform"},
    {"title": "La liste des appels", "payload": "/list_calls"},
    {"title": "Parler à un conseiller DINUM", "payload": "/ask_appointment"},
]


# Not kept from a message not understood: the form's bookkeeping, and a theme (read from words the
# assistant did not understand, it would answer the form's question with a guess).
NOT_KEPT = ("requested_slot", "project_nature")


class ActionRephrase(Action):
    """Low confidence: ask to rephrase, with suggestions. Facts the NLU did find are kept."""

    def name(self) -> Text:
        return "action_rephrase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        text = (tracker.latest_message.get("text") or "").strip()
        if asks_for_recap(tracker) and slots_at_last_recommendation(tracker) is not None:
            return full_recommendation(dispatcher, tracker)  # « récapitulez » the NLU was unsure of
        kept = [SlotSet(name, value) for name, value in _slots_set_since_user(tracker)]
        if text and not text.startswith("/") and is_question(tracker):
            return _unplaced_question(dispatcher, tracker, kept)
        if not text:
            reply = "Votre message est vide. Que puis-je faire pour vous ?"
        else:
            reply = REPHRASE
            if last_bot_text(tracker) == REPHRASE:  # never the same reply twice in a row
                reply = ("Je n'ai toujours pas compris. Essayez par exemple « nous sommes une commune de 5 000 "
                         "habitants, projet de 200 000 € », « quelles dépenses sont financées ? » ou choisissez "
                         "ci-dessous.")
        dispatcher.utter_message(text=reply, buttons=SUGGESTIONS)
        # Forget the unclear message so the conversation resumes where it was (an open form
        # question stays open), but keep the facts the NLU did find in it.
        return [UserUtteranceReverted()] + kept


def _unplaced_question(dispatcher: CollectingDispatcher, tracker: Tracker,
                       kept: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """A question, by its words, that the NLU could not place. Beside facts and outside a form (« bjr
    commune de 5000 hab, on a le droit de deposer ? »): the profile form starts on the facts, and its
    question answers it first (actions/profile_form.py answer_first); its theme is not kept. Else it
    is answered from the catalogue, or with the honest sentence and kept for the advisor; the message
    is then forgotten as any unclear one, and the profile form, if it was asking, asks again."""
    if tracker.active_loop_name is None and any(e["name"] in PROFILE_SLOTS for e in kept):
        theme = value_before_last_message(tracker, "project_nature")
        return kept + [SlotSet("project_nature", theme), FollowupAction("profile_form")]
    answered = answer_question(dispatcher, tracker)
    again = [FollowupAction("profile_form")] if tracker.active_loop_name == "profile_form" else []
    return [UserUtteranceReverted()] + kept + answered + again


def _slots_set_since_user(tracker: Tracker) -> List[tuple]:
    slots = {}
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot" and event.get("name") not in NOT_KEPT:
            slots.setdefault(event["name"], event.get("value"))
    return list(reversed(list(slots.items())))
