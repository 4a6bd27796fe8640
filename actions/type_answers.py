"""A place named as the answer to « Quelle structure porte le projet ? »: « le 59 », « Saint-Pierre-et-
Miquelon », « Bordeaux Métropole », « c rodez » name no kind of body by its word, but the user means
the collectivité of that place (contract §3: region, departement, commune, epci,
collectivite_outre_mer). Said as where (« dans le 59 », « en Polynésie »), it says nothing of who speaks.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Optional, Sequence

from rasa_sdk import Tracker

from actions.tracker import asked_before_last_message, dialogue_acts
from orientation.language.fold import fold
from orientation.territories import IndexMissing, load_index
from orientation.territories.coverage import decode
from orientation.territories.index import SINGLE_COLLECTIVITES

# The kinds of places whose collectivité has the same name in contract §3.
COLLECTIVITE_KINDS = ("commune", "epci", "departement", "region", "collectivite_outre_mer")
# A place after these words is where the speaker is, not who: « dans le 59 », « en Polynésie ».
_WHERE = re.compile(r"\b(?:dans|ds|en|sur|vers|pres|pour|avec|a|au|aux|pas)\b")


def type_of_place_answered(tracker: Tracker, territory: Optional[Sequence[str]]) -> Optional[str]:
    """The applicant type the place named bare gives, when the bot had asked who carries the project
    and the message names no body: one place, of one kind (homonyms included), not said as where."""
    if not territory or len(territory) != 1 or asked_before_last_message(tracker) != "applicant_type":
        return None
    if {"question", "hypothesis"} & set(dialogue_acts(tracker)):
        return None
    kinds = {value.split(":", 1)[0] for value in str(territory[0]).split("|")}
    if len(kinds) != 1 or next(iter(kinds)) not in COLLECTIVITE_KINDS:
        return None
    entities = (tracker.latest_message or {}).get("entities", [])
    if any(e.get("entity") == "applicant_type" for e in entities):
        return None  # a body named, as another one or as the speaker, is read as said
    text = tracker.latest_message.get("text") or ""
    starts = [e["start"] for e in entities if e.get("entity") == "territory" and "start" in e]
    if starts and _WHERE.search(fold(text[:starts[0]]).text):
        return None
    kind = next(iter(kinds))
    if kind in ("departement", "region") and _single_collectivite(str(territory[0])):
        return "collectivite_outre_mer"  # « Martinique », « la Guyane »: one collectivité in their place
    return kind


def _single_collectivite(value: str) -> bool:
    """The place is Martinique or Guyane, whose région and département are one collectivité."""
    try:
        places = decode(value, load_index())
    except IndexMissing:
        return False
    return bool(places) and all(t.departements and set(t.departements) <= SINGLE_COLLECTIVITES for t in places)


def place_type_events(tracker: Tracker, candidates: Dict[str, Any]) -> Dict[str, Any]:
    """{"applicant_type": …} when the place the message names answers the type question."""
    kind = None if "applicant_type" in candidates else type_of_place_answered(tracker, candidates.get("territory"))
    return {"applicant_type": kind} if kind else {}
