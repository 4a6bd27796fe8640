"""The catalogue's examples of project descriptions, labelled with their call's theme, for the
theme model's cross-validation (scripts/theme_cv.py --catalogue).

They are not in the trained model: added to the training folds they lowered the cross-validation
figures (likeliest theme right 0.903 against 0.906, a wrong theme filled 32 times against 27): the
seeds describe calls in an administration's words, and TNT-COOP's partner platforms blur
cooperation_usagers with ecosysteme_politique_publique.
"""
from __future__ import annotations

from typing import List, Tuple

from .catalogue import load_catalogue


def catalogue_examples() -> List[Tuple[str, str]]:
    """(example, theme) for the `examples` of every catalogue call that has a single theme (a call
    with several does not say which example is which)."""
    catalogue = load_catalogue()
    return [(str(example), call.themes[0]) for code in catalogue.codes for call in [catalogue.get(code)]
            if len(call.themes) == 1 for example in call.get("examples") or []]
