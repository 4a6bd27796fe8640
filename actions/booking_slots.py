"""The booking's slots of the conversation: the chosen slot and the wish read back, and what is
forgotten once the booking is made, refused or abandoned."""
from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions import booking_services
from actions.tracker import places_from_tracker
from orientation.booking import slots, wishes
from orientation.booking.config import load_config
from orientation.booking.local_time import LocalZone, overseas_zone
from orientation.booking.store import LimitReached

BOOKING_SLOTS = ("booking_slot", "booking_wish", "booking_name", "booking_organisation", "booking_consent",
                 "booking_contact")


def slot_time(value: Optional[str]) -> Optional[dt.datetime]:
    """The booking_slot value (ISO date-time) as an aware datetime, or None if unusable."""
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else None


def local_zone(tracker: Tracker) -> Optional[LocalZone]:
    """The user's zone when their territory is overseas (times are then said in both zones)."""
    return overseas_zone(code for place in places_from_tracker(tracker) for code in place.departements)


def wish_of(tracker: Tracker) -> Optional[wishes.Wish]:
    return wishes.Wish.from_dict(tracker.get_slot("booking_wish"))


def pending_moment(tracker: Tracker) -> Optional[dt.datetime]:
    """The precise slot the user named and was asked to confirm (a wish with a day and a time)."""
    wish = wish_of(tracker)
    if wish is None or wish.day is None or wish.at is None:
        return None
    return slots.wished_moment(load_config(), wish, booking_services.now())


def forget_booking() -> List[Dict[Text, Any]]:
    return [SlotSet(name, None) for name in BOOKING_SLOTS + ("booking_operation",)]


def forget_email(error: LimitReached, tracker: Tracker) -> List[Dict[Text, Any]]:
    """After a refusal: the address stays when a move of its booking is offered, or for the
    invitation of a booking made earlier in the conversation; else it is forgotten."""
    if error.kind == "email":
        return [SlotSet("booking_email", error.existing.email)]
    return [] if tracker.get_slot("booking_reference") else [SlotSet("booking_email", None)]
