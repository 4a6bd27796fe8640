"""French text as the parsers compare it, and the French calendar words.

A leaf module (no project import): the lexicon, the amount parser and the booking calendar all
fold text here, so « cœur », « l’État » and « 300 000 € » read the same everywhere, and the
booking package does not load the lexicon or the catalogue to do it.

    folded = fold("L’Œuvre")      # folded.text == "l'oeuvre"
    folded.span(2, 8)             # (2, 7): the original characters of "oeuvre"
"""
from __future__ import annotations

import unicodedata
from typing import List, NamedTuple, Tuple

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

# Characters folded to something other than their lower-case base letter. Typographic apostrophes
# and quotes become "'", the spaces of French typography (no-break, narrow no-break, thin) a plain
# space, ligatures their letters (NFD keeps « œ » and « ﬁ » whole).
_SPECIAL = {
    "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae",
    "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
}


class Folded(NamedTuple):
    """The folded text and, for each of its characters, the index of the original character."""
    text: str
    index: List[int]

    def span(self, start: int, end: int) -> Tuple[int, int]:
        """The original (start, end) of the folded characters [start, end); end > start."""
        return self.index[start], self.index[end - 1] + 1


def fold(text: str) -> Folded:
    """Lower case, no accents, straight apostrophes, plain spaces, ligatures spelled out."""
    chars: List[str] = []
    index: List[int] = []
    for i, char in enumerate(text):
        for piece in unicodedata.normalize("NFD", _SPECIAL.get(char, char).lower()):
            if not unicodedata.combining(piece):
                chars.append(piece)
                index.append(i)
    return Folded("".join(chars), index)
