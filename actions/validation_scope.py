"""When the profile validation of a message can change anything.

ValidateProfileSlots (action_validate_slot_mappings, actions/profile_slots.py) runs after every user
message. Most messages (« bonjour », « merci », a question on a call) set no profile slot and name
no amount: the action then returns nothing. This predicate says so without the action server, so
the Rasa server skips that call (addons/patches/turn_speedups.py) and the action returns early on the same
test: one rule, read in both places. No Rasa import: the Rasa server and the action server use it.
"""
from __future__ import annotations

from typing import Iterable, Optional

from orientation.language import amounts
from orientation.territories import IndexMissing
from orientation.territories.mentions import DEPARTEMENT_CODE, area_answered, commune_answered

# The profile's slots (contract §4), re-exported by actions/tracker.py.
PROFILE_SLOTS = ("applicant_type", "population", "departement_count", "budget", "project_nature")
# The slots ValidateProfileSlots checks: the profile and the places that fill it.
WATCHED_SLOTS = PROFILE_SLOTS + ("territory",)


def needs_profile_validation(slots: Iterable[str], intent: Optional[str], text: Optional[str],
                             acts: Iterable[str] = ()) -> bool:
    """True when the message set a watched slot, is a correction (never left unanswered: the intent
    or the dialogue act says so), or names amounts that may be parts of the budget or several
    possible totals."""
    if any(slot in WATCHED_SLOTS for slot in slots) or intent == "correct" or "correct" in acts:
        return True
    text = text or ""
    if text.startswith("/"):  # a button's payload: its values are slots, checked above
        return False
    reading = amounts.read_budget(text)
    # A range to settle, a tax said after the fact (« c'est HT »), a pending range chosen (« le haut
    # de la fourchette », « mettez 80 000 »): actions/budget_reading.py reads them.
    return bool(reading.ambiguous or reading.parts or reading.choice or amounts.tax_statement(text)
                or amounts.choice_end(text)
                # a bare figure may answer or correct; an amount in another currency is answered (« 15 M XPF »)
                or any(q.kind in ("number", "foreign") for q in amounts.extract_quantities(text))
                or names_a_departement_number(text) or names_a_commune_alone(text))


def names_a_departement_number(text: str) -> bool:
    """A short answer holding a département's number (« 93 svp »): it may choose between homonyms
    the bot asked about (actions/profile_slots.py)."""
    words = text.split()
    return len(words) <= 4 and any(DEPARTEMENT_CODE.match(w.strip(".,;!?()").lower()) for w in words)


def names_a_commune_alone(text: str) -> bool:
    """A short answer that may name a commune bare (« c rodez »): it may answer the question about
    who carries the project (actions/profile_slots.py reads it only then)."""
    if len(text.split()) > 6:
        return False
    try:
        return commune_answered(text) is not None or area_answered(text) is not None
    except IndexMissing:
        return False
