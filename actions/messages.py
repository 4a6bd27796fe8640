"""Sending the replies of orientation/replies/ (text with buttons, or the widget's custom payload)."""
from __future__ import annotations

from typing import List

from rasa_sdk.executor import CollectingDispatcher

from orientation.replies.message import Message


def send(dispatcher: CollectingDispatcher, messages: List[Message]) -> None:
    for message in messages:
        if "custom" in message:  # "data" is the key Rasa's socketio channel emits; rest returns it as "custom"
            dispatcher.utter_message(json_message={"data": message["custom"]})
        else:
            dispatcher.utter_message(text=message["text"], buttons=message.get("buttons") or [])
