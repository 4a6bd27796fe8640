"""Theme words that name the speaker's own unit, not the project: « je suis le service data de la
région », « bonjour, direction de l'innovation du département », « ici le pôle relation usagers »,
« je suis chargée de mission innovation », « notre syndicat regroupe plusieurs communes ». Saying who
one is states no theme; the project, said after (« … et on veut ouvrir nos données »), still does. The
theme model does not read these words either (orientation/entities.py, theme_hidden_spans).

A theme phrase is a unit's name when a unit noun or a job title stands right before it (articles
between), and that unit is the speaker (orientation/language/speaker.py) or opens the message after a
greeting. « on veut créer un service de relation usagers » is a project: neither holds.

Nor does the trade of a company that speaks: « je suis une PME qui fait des chatbots », « nous sommes une
ESN spécialisée dans la RPA », « un éditeur de logiciels de relation citoyen » say what it sells, not the
project it asks about; the clause of the trade ends where a project starts (« …, on voudrait … »), and
one thing it makes (« une start-up qui développe un outil de consultation citoyenne ») is a project.
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
# Companies whose trade may be told with theme words (folded words; « start up » ends with « up »).
TRADES = {"pme", "tpe", "eti", "entreprise", "societe", "startup", "up", "boite", "esn", "ssii", "editeur",
          "integrateur", "prestataire", "fournisseur", "agence", "sas", "sarl"}
# Words that end the clause of the trade: a project or another subject starts (« et on voudrait »;
# « et » alone may join two trades: « spécialisée en cybersécurité et en VPN »), or one thing made
# (« un outil de… ») is named rather than a line of business (« des chatbots »).
TRADE_CLAUSE_ENDS = {"mais", "on", "nous", "ns", "je", "j", "notre", "projet", "veut", "voudrait", "voudrions",
                     "voudrais", "voulons", "souhaite", "souhaitons", "souhaiterait", "souhaiterais", "aimerait",
                     "aimerions", "aimerais", "cherche", "cherchons", "besoin", "envisage", "envisageons", "pourrait",
                     "peut", "peux", "un", "une"}
TRADE_REACH = 10  # words between the company and its trade at most
_WORD = re.compile(r"[a-z0-9]+")
_CLAUSE_MARK = re.compile(r"[,;:.!?()]")


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
        if _trade_of_the_speaker(folded.text, words):
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


def _trade_of_the_speaker(text: str, words: List[Tuple[str, int]]) -> bool:
    """The words before a theme phrase (word, offset) end with a company that speaks and the clause
    of its trade: « je suis une PME qui fait des [chatbots] »."""
    for k in range(len(words) - 1, max(len(words) - 1 - TRADE_REACH, -1), -1):
        word, at = words[k]
        if word in TRADE_CLAUSE_ENDS:
            return False
        if word in TRADES and (word != "up" or k and words[k - 1][0] == "start"):
            clause = text[at:words[-1][1]] if k < len(words) - 1 else ""
            if _CLAUSE_MARK.search(clause):
                return False
            body = words[k - 1][1] if word == "up" else at
            return speaker.position(text, body) == speaker.SPEAKER or k >= 1 and words[k - 1][0] in ("notre", "ma")
    return False
