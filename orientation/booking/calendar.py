"""Former home of slots.py, wording.py and wishes.py, kept only until actions/ imports them
directly: delete it then. Nothing may be added here."""
from orientation.booking.slots import (NOON, PARIS, PARTS, UTC, TakenSlots, booking_window,  # noqa: F401
                                       day_slots, free_slots, french_public_holidays, is_bookable,
                                       is_free, is_open_day, nearest_free_slots, why_not_free,
                                       wished_moment)
from orientation.booking.wishes import Wish, parse_wish  # noqa: F401
from orientation.booking.wording import describe_day, describe_moment, describe_slot  # noqa: F401
