"""Helpers of the conversation tests: the slots and dialogue acts of a conversation, read from the
tracker store the test servers write (the rest channel returns replies only), and booking a slot."""
import datetime as dt
import json
import re
from typing import Any, Dict

import sqlalchemy as sa

from orientation.booking.store import BookingStore
from orientation.territories import load_index

REFERENCE = re.compile(r"DN-[A-Z0-9]{6}")


def _stored_events(database_url: str, sender: str):
    """(type_name, data) of a conversation's stored events, oldest first."""
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text("SELECT type_name, data FROM events WHERE sender_id = :sender "
                                              "ORDER BY id"), {"sender": sender}).fetchall()
    finally:
        engine.dispose()


def slots_of(database_url: str, sender: str) -> Dict[str, Any]:
    """The slot values of a conversation after its last message, replayed from the stored events."""
    values: Dict[str, Any] = {}
    for type_name, data in _stored_events(database_url, sender):
        if type_name == "slot":
            event = json.loads(data)
            values[event["name"]] = event["value"]
        elif type_name == "restart":
            values = {}
    return values


def last_acts(database_url: str, sender: str) -> list:
    """The dialogue acts of the user's latest message, from the stored events."""
    users = [data for type_name, data in _stored_events(database_url, sender) if type_name == "user"]
    return (json.loads(users[-1]).get("parse_data") or {}).get("dialogue_acts") or [] if users else []


def official_population(kind: str, code: str) -> float:
    """A place's population in the official index (the value the bot fills from its name)."""
    return float(load_index().get(kind, code).population)


def offered(chat):
    """The slots offered as buttons, as datetimes."""
    return [dt.datetime.fromisoformat(m.group(1)) for b in chat.buttons
            for m in [re.search(r'"booking_slot": "([^"]+)"', b["payload"])] if m]


def book(chat, database_url, email):
    """Books the first slot offered, from the request to the consent; the stored booking."""
    answer = chat.say("je voudrais prendre rendez-vous avec un conseiller")
    assert "Le conseiller recevra ce résumé" in answer
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    chat.say("Claire Martin")
    chat.say("Service de test")
    chat.say(email)
    confirmation = chat.say("/affirm")
    reference = REFERENCE.search(confirmation).group(0)
    return BookingStore(database_url).find(reference, email)
