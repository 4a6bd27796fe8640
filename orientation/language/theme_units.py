"""Theme words that name the speaker's own unit, not the project: « je suis le service data de la
région », « bonjour, direction de l'innovation du département », « ici le pôle relation usagers »,
« je suis chargée de mission innovation », « notre syndicat regroupe plusieurs communes ». Saying who
one is states no theme; the project, said after (« … et on veut ouvrir nos données »), still does. The
theme model does not read these words either (orientation/entities.py, speaker_unit_spans).

A theme phrase is a unit's name when a unit noun or a job title stands right before it (articles
between), and that unit is the speaker (orientation/language/speaker.py) or opens the message after a
greeting. « on veut créer un service de relation usagers » is a project: neither holds.
"""
from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from orientation.language import speaker
from orientation.language.fold import fold

# Units and job titles a theme may name (folded words).
UNITS = [tuple(p.split()) for p in (
    "service", "direction", "sous direction", "pole", "cellule", "mission", "bureau", "division", "lab", "labo",
    "laboratoire", "equipe", "dsi", "delegation", "departement", "secretariat", "chef de projet", "cheffe de projet",
    "charge de mission", "chargee de mission", "responsable", "directeur", "directrice", "referent", "referente",
    "delegue", "deleguee", "conseiller", "conseillere", "service informatique", "service numerique",
    "direction numerique", "direction du numerique", "pole numerique", "referent numerique",
)]
# What may stand between the unit and its theme: « direction de l'innovation », « pôle numérique et data »
BETWEEN = {"le", "la", "l", "les", "du", "de", "des", "d", "a", "au", "et"}
# What may stand before a unit that opens the message: « bonjour, direction de l'innovation »
OPENING = {"bonjour", "bonsoir", "salut", "hello", "coucou", "madame", "monsieur", "ici", "le", "la", "l", "nous",
           "sommes", "on", "est", "c"}
# Verbs that say whom the structure is made of: « notre syndicat regroupe plusieurs communes » is who
# speaks, not a need shared with other collectivités (besoin_mutualise).
MEMBERS = {"regroupe", "regroupent", "regroupant", "rassemble", "rassemblent", "rassemblant", "represente",
           "representons", "representant", "reunit", "reunissant", "compte", "comptons", "federe", "federant"}
SHARED_NEED = "besoin_mutualise"
_WORD = re.compile(r"[a-z0-9]+")


def speaker_units(text: str, themes: Sequence[Tuple[int, int, str]]) -> List[Tuple[int, int]]:
    """The spans (offsets in `text`) of those theme phrases (start, end, theme) that name the speaker's
    unit or its members."""
    folded = fold(text)
    found = []
    for start, end, theme in themes:
        at = next((i for i, k in enumerate(folded.index) if k >= start), len(folded.text))
        words = [(m.group(), m.start()) for m in _WORD.finditer(folded.text[:at])]
        while words and words[-1][0] in BETWEEN:
            words.pop()
        if theme == SHARED_NEED and words and words[-1][0] in MEMBERS:
            found.append((start, end))
            continue
        unit = next((u for u in UNITS if tuple(w for w, _ in words[-len(u):]) == u), None)
        if unit is None:
            continue
        unit_start = words[-len(unit)][1]
        opens = all(w in OPENING for w, _ in words[:-len(unit)])
        if opens or speaker.position(folded.text, unit_start) == speaker.SPEAKER:
            found.append((start, end))
    return found
