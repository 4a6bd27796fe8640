"""The dialogue state a request to the action server carries, checked before any action reads it.

The Rasa server sends the slots the domain declares, with the values the actions set. A request
forged or damaged on its way (a number as text, a list as a word, an address that is not one, an
applicant type or a theme that does not exist) would make an action fail in the middle, and the
server answer with an HTTP 500 that echoes the request. It is refused instead, before any action
runs, with what is wrong in French (scripts/action_server.py)."""
from __future__ import annotations

import math
from typing import Any, List, Mapping

from orientation.eligibility.vocabulary import APPLICANT_TYPES, THEMES

MAX_TEXT = 5000  # a slot's text: well above any name, organisation or question kept
MAX_ITEMS = 200  # a list slot's items (questions asked, calls, places)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str) or _is_number(value)


def _type_problem(kind: str, value: Any) -> str:
    """Why a value is not of its slot's declared type (domain.yml), "" when it is."""
    if kind in ("text", "categorical"):
        return "" if isinstance(value, str) and len(value) <= MAX_TEXT else "un texte est attendu"
    if kind == "float":
        return "" if _is_number(value) else "un nombre est attendu"
    if kind == "bool":
        return "" if isinstance(value, bool) else "vrai ou faux est attendu"
    if kind == "list":
        ok = isinstance(value, list) and len(value) <= MAX_ITEMS and all(_is_scalar(item) for item in value)
        return "" if ok else "une liste de textes ou de nombres est attendue"
    return ""


def _value_problem(slot: str, value: Any) -> str:
    """Why a value of the right type cannot be this slot's, "" when it can."""
    if slot == "applicant_type" and value not in APPLICANT_TYPES:
        return "type de structure inconnu"
    if slot == "project_nature" and value not in THEMES:
        return "thème inconnu"
    if slot == "budget_parts" and not (isinstance(value, dict) and all(
            isinstance(kind, str) and _is_number(amount) for kind, amount in value.items())):
        return "les parts du budget (nature : montant) sont attendues"
    if slot in ("booking_wish", "what_if") and not isinstance(value, dict):
        return "un objet est attendu"
    return ""


def problems(slots: Mapping[str, Any], types: Mapping[str, str], candidates: bool = False) -> List[str]:
    """What is wrong in the slots of a request, in French, one line per slot (empty: nothing).
    `types`: each slot's type as domain.yml declares it; slots the domain does not declare are left
    alone (no action reads them), and so is an empty value. `candidates`: the request asks to validate
    what the user just typed (a form's validation), so a value may still be wrong (« marie.dupont@ »):
    only its type is checked (an amount may still be text), the validation says what is wrong with it."""
    if not isinstance(slots, Mapping):
        return ["les valeurs de la conversation (slots) manquent ou ne sont pas un objet"]
    found = []
    for slot, value in slots.items():
        if slot not in types or value is None:
            continue
        if candidates and types[slot] == "float" and (isinstance(value, str) or _is_number(value)):
            continue  # an amount as typed (« -5 € », « 300 k€ »), which the validation reads and answers
        why = _type_problem(types[slot], value) or ("" if candidates else _value_problem(slot, value))
        if why:
            found.append(f"« {slot} » : {why}")
    return found
