"""When a typed message is a button's label: « j'accepte », « Oui réserver », « mardi 8 decembre a 14h »
for the buttons « J'accepte », « Oui, réserver », « mardi 8 décembre, 14 h 00 ».

Two texts are the same label when their words are, once folded (case, accents, apostrophes), once
punctuation and the little words that people add or drop (« à », « le », « svp ») are left out, and
once a time is written one way (« 14h », « 14 h 00 », « 14:00 » are « 14h00 »). Anything more is
a sentence, understood by the NLU as usual: « oui mais plutôt jeudi » is not the label « Oui ».
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional

from orientation.language.fold import MONTHS, fold

# Words whose presence or absence does not change which button is meant.
FILLERS = frozenset({"a", "au", "le", "la", "les", "l", "de", "du", "d", "j", "je", "svp", "stp", "merci",
                     "s'il", "vous", "plait", "te", "please"})
TIME = re.compile(r"\b(\d{1,2})\s*(?:h|:)\s*(\d{2})?\b")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
FOLDED_MONTHS = [fold(month).text for month in MONTHS]


def _month(word: str) -> str:
    """« dec », « sept », « janv » -> the month's full name; other words unchanged."""
    if len(word) >= 3 and not word.isdigit():
        for month in FOLDED_MONTHS:
            if month.startswith(word):
                return month
    return word


def label_words(text: str) -> List[str]:
    """The words that tell a label from another: 'Mardi 8 décembre, 14 h 00' -> ['mardi', '8', 'decembre', '14h00']."""
    folded = fold(str(text or "")).text
    folded = TIME.sub(lambda m: f" {int(m.group(1))}h{m.group(2) or '00'} ", folded)
    words = [w for w in WORD.findall(folded.replace("'", " ' ").replace(" ' ", "'")) if w not in FILLERS]
    # « j'accepte » and « accepte », « l'agenda » and « agenda »: the elided article is a filler
    return [_month(w.split("'", 1)[1] if "'" in w and w.split("'", 1)[0] in FILLERS | {"c", "n", "s"} else w)
            for w in words]


def payload_of_label(text: str, buttons: Iterable[Dict[str, Any]]) -> Optional[str]:
    """The payload of the one button whose label `text` is; None when none is, or when labels of
    different buttons read the same (the user is then understood as usual, never guessed)."""
    typed = label_words(text)
    if not typed:
        return None
    # a card's button reads « Détails » and is announced « Détails de TNT-COOP » (its label): either
    found = {str(button.get("payload")) for button in buttons if button.get("payload") and
             typed in (label_words(str(button.get("title") or "")), label_words(str(button.get("label") or "")))}
    return found.pop() if len(found) == 1 else None
