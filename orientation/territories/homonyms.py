"""The answer to « Plusieurs communes s'appellent … : laquelle ? » typed rather than clicked.

« celle du 93 », « en Seine-Saint-Denis », « la Réunion », « 974 » name the département of one of
the homonyms: that one is meant, never the département itself (its population is not the
commune's).
"""
from __future__ import annotations

import re
from typing import List, Optional, Sequence

from orientation.language.amounts import extract_quantities

from .index import Territory
from .mentions import AREA_KINDS, DEPARTEMENT_CODE, area_answered


def settle(homonyms: Sequence[Territory], named: Sequence[Territory], text: str) -> Optional[Territory]:
    """The homonym the answer points to: the one named with its area, the only one inside the areas
    named, or whose département's number is typed alone; None when the answer says neither."""
    picked = [t for t in named if t in homonyms]  # « st denis ile de france »: the commune itself, settled
    if len(picked) == 1:
        return picked[0]
    areas = [t for t in named if t.kind in AREA_KINDS]
    codes = {d for t in areas for d in t.departements}
    codes |= set(departement_codes(text))
    if not codes:  # « drome », bare and in lower case: the area is the whole answer
        area = area_answered(text)
        codes = set(area.departements) if area else set()
    if not codes:
        return None
    inside = [t for t in homonyms if set(t.departements) & codes]
    return inside[0] if len(inside) == 1 else None


def departement_codes(text: str) -> List[str]:
    """The département numbers typed alone in a short answer (« 93 », « oups 65 pardon »), not the
    figures of an amount (« non excusez-moi, 12 millions »)."""
    text = text or ""
    # a figure with its unit or its multiplier is an amount; a bare number may be a département's
    amounts_said = [(q.start, q.end) for q in extract_quantities(text) if not q.text.strip().isdigit()]
    words = [(m.group(), m.start()) for m in re.finditer(r"\b\w+\b", text)]
    codes = [word.upper() for word, at in words if DEPARTEMENT_CODE.match(word.lower())
             and not any(start <= at < end for start, end in amounts_said)]
    words = [word for word, _ in words]
    # a postal code (« 26000 », « 97400 »): its first two digits, three overseas
    codes += [word[:3] if word.startswith("97") else word[:2] for word in words if re.fullmatch(r"\d{5}", word)]
    return list(dict.fromkeys(codes))
