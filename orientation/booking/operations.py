"""What a message asks to do with a booking made earlier, by its words: cancel it, move it or see it.

The NLU's intent starts the right form most of the time; the words decide when they are plain
(« je dois annuler le rdv DN-… » is a cancellation even when the intent reads a move, « non je
veux ANNULER » too), since cancelling a booking one wanted to move, or the reverse, costs the user
an appointment. A negated verb does not count (« pas annuler, le décaler »).
"""
from __future__ import annotations

import re
from typing import Optional

from orientation.language.contacts import ADDRESS_IN_TEXT
from orientation.language.fold import fold

NEGATION = r"(?:pas|plus|ni|sans|jamais)\s+(?:\w+\s+){0,2}?"
OPERATIONS = (
    ("cancel", re.compile(r"\b(?:annul\w*|supprim\w*|efface\w*|desist\w*|renonc\w*|decommand\w*)"
                          r"|\bplus besoin (?:du|de|d'un) "
                          r"(?:rendez[ -]vous|rdv|creneau)\b")),
    ("move", re.compile(r"\b(?:decal\w*|deplac\w*|report\w*|repouss\w*|avance[rz]?|reprogramm\w*|replanifi\w*)\b"
                        r"|\bchang\w* (?:de |la |l'|le |mon |ma )?(?:date|heure|horaire|creneau|jour|rendez[ -]vous|rdv)\b"
                        r"|\bmodifi\w* (?:la date|l'heure|l'horaire|le creneau|mon (?:rendez[ -]vous|rdv|creneau))\b")),
    ("show", re.compile(r"\b(?:consulte[rz]?|retrouve[rz]?|revoir)\b|\bvoir (?:mon|le|ma) (?:rendez[ -]vous|rdv|"
                        r"reservation|creneau)\b|\b(?:rappele[rz]|redonne[rz]|redites)(?:-moi)? (?:la date|l'heure|"
                        r"quand)\b|\bc'est quand (?:mon|le) (?:rendez[ -]vous|rdv)\b")),
)


def _said(pattern: re.Pattern, folded: str) -> bool:
    """The pattern occurs at least once without a negation just before it."""
    return any(not re.search(NEGATION + r"$", folded[:match.start()]) for match in pattern.finditer(folded))


def operation_in(text: str) -> Optional[str]:
    """'cancel', 'move' or 'show' when the words ask for one of them, and for one only; else None.

    « je dois annuler le rdv DN-7K3P9Q » -> 'cancel'; « décaler mon rdv à mercredi » -> 'move';
    « pas annuler, le décaler » -> 'move'; « bonjour » -> None.
    """
    folded = " ".join(fold(ADDRESS_IN_TEXT.sub(" ", str(text or ""))).text.split())  # « annule.moi@x.fr » asks nothing
    if folded.startswith("/"):
        return None  # a button's payload says it by its intent
    found = [name for name, pattern in OPERATIONS if _said(pattern, folded)]
    if "show" in found and len(found) > 1:
        found.remove("show")  # « retrouver mon rdv pour l'annuler »: the act, not the look
    return found[0] if len(found) == 1 else None
