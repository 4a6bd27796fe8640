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


# « le premier créneau », « la 2e option », « le dernier svp », « je prends le deuxième » : a choice
# among the buttons just offered, by its rank. A figure alone (« le 1er ») may be a day of the month,
# so it needs a word saying what is chosen; a spelled-out rank does not.
RANKS = {"premier": 0, "premiere": 0, "second": 1, "seconde": 1, "deuxieme": 1, "troisieme": 2, "quatrieme": 3,
         "cinquieme": 4, "sixieme": 5, "dernier": -1, "derniere": -1}
FIGURE_RANK = re.compile(r"^([1-9])(?:er|ere|re|e|eme|nd|nde)$")
CHOSEN_THINGS = frozenset({"creneau", "creneaux", "horaire", "option", "choix", "proposition", "propositions",
                           "rdv", "rendez", "vous", "rendez-vous", "date", "heure", "moment"})
CHOICE_WORDS = FILLERS | CHOSEN_THINGS | frozenset({
    "propose", "proposee", "proposes", "celui", "celle", "la", "liste", "dans", "ci", "dessus", "ci-dessus",
    "me", "m", "convient", "va", "ca", "c", "est", "bon", "ok", "oui", "parfait", "pour", "moi", "prends",
    "prendrai", "prend", "choisis", "veux", "voudrais", "bien", "alors", "plutot", "ideal", "top", "nickel"})


def rank_chosen(text: str) -> Optional[int]:
    """The rank (0 for the first, -1 for the last) a short message chooses, or None when it is
    anything else than a choice by rank."""
    words = WORD.findall(fold(str(text or "")).text.replace("'", " "))
    ranks = [RANKS[w] for w in words if w in RANKS]
    figures = [int(m.group(1)) - 1 for w in words for m in [FIGURE_RANK.match(w)] if m]
    if len(ranks) + len(figures) != 1 or len(words) > 10:
        return None
    if any(w not in CHOICE_WORDS and w not in RANKS and not FIGURE_RANK.match(w) for w in words):
        return None
    if figures and not CHOSEN_THINGS & set(words):
        return None
    return (ranks or figures)[0]


def payload_of_rank(text: str, buttons: Iterable[Dict[str, Any]]) -> Optional[str]:
    """The payload of the button a message chooses by rank, among the buttons that carry a value
    (a slot, an amount: « Voir d'autres créneaux » is not one of the choices)."""
    rank = rank_chosen(text)
    if rank is None:
        return None
    choices = [str(b["payload"]) for b in buttons if "{" in str(b.get("payload") or "")]
    if not choices or rank >= len(choices):
        return None
    return choices[rank]
