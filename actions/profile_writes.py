"""The one place that decides what a message may write to the profile, from its dialogue acts.

- A description of oneself, an answer to the bot's own question or an explicit correction writes;
  a question, a hypothesis (computed on a copy by actions/what_if.py) or a booking turn never does,
  whatever intent the classifier gave (orientation.language.acts.may_write).
- While the booking forms run, the message answers their questions (« Mairie de Lyon » is the
  organisation's name), except the project described in one sentence when a booking was asked
  before any profile (booking_questions.DESCRIBE_PROPOSAL).
- A population or a number of départements the bot took from a place named (the official figure) is
  replaced at once by the figure the user states for the project, and the bot says so
  (`official_figure_replaced`), also when the same message asks something, if the figure is said as
  the speaker's own (« on n'est que 3 000 hab, ça bloque ? », « avec nos 150 000 habitants… »: it
  describes the project, the question is answered on it; « pour notre projet, une commune de 5 000
  hab peut candidater ? » asks about another figure: confirmed first); a figure the user stated
  stays under the rule below.
- A field already set that the message would change without wording it as a correction, without
  answering the bot's question about that field and without a button of the bot, is not changed:
  the user confirms first
  with « Oui, remplacer » (a correction, which then writes) or « Non, garder … ».

ValidateProfileSlots (actions/profile_slots.py) applies it to the values the NLU extracted, and the
profile form (actions/profile_form.py) to the bare answers it reads (`reads_as_answer`).
"""
from __future__ import annotations

import json
import re
from typing import Any, Dict, Optional, Sequence

from rasa_sdk import Tracker

from actions.tracker import PROFILE_SLOTS, asked_before_last_message, dialogue_acts, value_before_last_message
from orientation.language import amounts
from orientation.language import french as fmt
from orientation.language.acts import is_correction, may_write
from orientation.language.fold import fold
from orientation.replies.message import Message
from orientation.replies.profile import describe, slot_label
from orientation.territories import IndexMissing, load_index
from orientation.territories.coverage import Coverage, coverage, decode

# While these forms run, what the user types answers their questions (name, organisation, e-mail…).
BOOKING_LOOPS = ("booking_form", "manage_booking_form")


def describes_the_project(tracker: Tracker) -> bool:
    """A booking asked before any profile: at the slot question, the user was invited to describe
    the project in one sentence (booking_questions.DESCRIBE_PROPOSAL), and that sentence counts."""
    return (tracker.active_loop_name == "booking_form" and tracker.get_slot("requested_slot") == "booking_slot"
            and all(value_before_last_message(tracker, slot) is None for slot in PROFILE_SLOTS))


def may_write_profile(tracker: Tracker) -> bool:
    """Whether the user's latest message may write the profile at all."""
    if tracker.active_loop_name in BOOKING_LOOPS:
        return describes_the_project(tracker)
    return may_write(dialogue_acts(tracker))


def may_settle_budget(tracker: Tracker) -> bool:
    """Whether a message that names no profile value for itself may still settle the budget the bot
    is holding (« mettez 80 000 », « le haut de la fourchette ») or restate its tax (« c'est HT »):
    anything but a question, a hypothesis or a booking turn (actions/budget_reading.py reads it)."""
    return tracker.active_loop_name not in BOOKING_LOOPS and not {"question", "hypothesis"} & set(dialogue_acts(tracker))


def reads_as_answer(tracker: Tracker) -> bool:
    """Whether the form may read the latest message as a bare answer to its question: not when it
    asks something or supposes something (« et si c'était 200k ? » while the budget is asked)."""
    return may_write_profile(tracker) or not {"question", "hypothesis"} & set(dialogue_acts(tracker))


def needs_confirmation(tracker: Tracker, slot: str, new: Any, acts: Optional[Sequence[str]] = None) -> bool:
    """A change of a field already set, neither a correction nor the answer to the bot's question
    about that field: asked before it is written."""
    old = value_before_last_message(tracker, slot)
    if old is None or new is None or old == new:
        return False
    if str((tracker.latest_message or {}).get("text") or "").startswith("/"):
        return False  # a button answers the bot's own question (« Budget : 320 000 € TTC »)
    acts = dialogue_acts(tracker) if acts is None else acts
    if is_correction(acts):
        return False
    return not ("answer" in acts and asked_before_last_message(tracker) == slot)


# The fields a place named fills from the official data (contract §4).
PLACE_FIELDS = ("population", "departement_count")


def place_coverage_before(tracker: Tracker) -> Optional[Coverage]:
    """What the places named before the latest message cover, from the official data."""
    try:
        index = load_index()
    except IndexMissing:
        return None
    values = value_before_last_message(tracker, "territory") or []
    return coverage(t for value in values for t in decode(value, index))


def official_figure_replaced(tracker: Tracker, slot: str, new: Any, acts: Sequence[str] = ()) -> Optional[str]:
    """The note when the user's own figure replaces the one the bot took from a place (« Je retiens
    vos 50 000 habitants (population officielle de Tarbes : 41 500) »); None when the field held no
    such figure (empty, or a figure the user stated, which a correction or the buttons replace), or
    when a message that asks something does not say the figure as the speaker's own."""
    old = value_before_last_message(tracker, slot)
    if slot not in PLACE_FIELDS or old is None or new is None or float(old) == float(new):
        return None
    if "question" in acts and not figure_said_as_ours(str((tracker.latest_message or {}).get("text") or ""), new):
        return None
    covered = place_coverage_before(tracker)
    official = None if covered is None else (covered.population if slot == "population" else covered.departement_count)
    if official is None or float(official) != float(old):
        return None
    names = ", ".join(t.name for t in covered.territories)
    if slot == "population":
        return (f"Je retiens vos {fmt.number(new)} habitants (population officielle de {names} : "
                f"{fmt.number(official)}).")
    return (f"Je retiens vos {fmt.plural(new, 'département', 'départements')} "
            f"({names} : {fmt.plural(official, 'département', 'départements')}).")


# The speaker's own figure: « on n'est que… », « nous sommes… », « on a… », « nos 150 000 habitants ».
_OURS = re.compile(r"\b(?:on|nous|ns|j|je|nos|notre|ma|mon|chez nous)\b")
# Said against the official figure, not as a premise: « on n'est que… », « seulement », « en fait »,
# « plutôt », « en réalité ».
_AGAINST = re.compile(r"\bne?\b.*\bque?\b|\b(?:seulement|juste|en fait|plutot|en realite)\b")
_CLAUSE = re.compile(r"[,.;:!?\n]")


def figure_said_as_ours(text: str, value: Any) -> bool:
    """The figure `value` is said in a clause of the speaker's own and against the official figure
    (« on n'est que 3 000 hab, ça bloque ? », « en fait on est 45 000, ça passe ? »), neither about
    another body (« une commune de 5 000 hab peut candidater ? ») nor as the premise of the
    question (« on est 50 000 hab, c'est bon ? »: confirmed first)."""
    for quantity in amounts.extract_quantities(text):
        if quantity.kind in ("population", "departements") and float(quantity.value) == float(value):
            clause = fold(_CLAUSE.split(text[:quantity.start])[-1]).text
            return bool(_OURS.search(clause)) and bool(_AGAINST.search(clause))
    return False


def confirmation_question(tracker: Tracker, pending: Dict[str, Any]) -> Message:
    """« Vous m'aviez indiqué … : faut-il le remplacer par … ? » with « Oui, remplacer » / « Non, garder … »."""
    olds = {slot: value_before_last_message(tracker, slot) for slot in pending}
    said = " ; ".join(f"{slot_label(slot)} : {describe(slot, olds[slot])}" for slot in pending)
    new = " et ".join(describe(slot, value) for slot, value in pending.items())
    kept = " et ".join(describe(slot, value) for slot, value in olds.items())
    payload = "/correct" + json.dumps(pending, ensure_ascii=False, separators=(",", ":"))
    return {"text": f"Votre profil indique {said}. Faut-il remplacer par {new} ? "
                    "Je ne change rien avant votre réponse.",
            "buttons": [{"title": "Oui, remplacer", "payload": payload},
                        {"title": f"Non, garder {kept}", "payload": "/keep_profile"}]}
