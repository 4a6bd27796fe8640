"""What a figure of the profile may be, however it came: said in a sentence, given as the answer to
a question, or passed on the command line. The parser of amounts refuses what is out of range and
the profile checks it again, both with out_of_range(): one set of limits for every path."""
from __future__ import annotations

from typing import Optional

# The plausible range of each numeric field, bounds included. Outside it a figure is a typing
# mistake (50 milliards d'euros, 500 millions d'habitants).
LIMITS = {"budget": (1, 1e10), "population": (1, 1e8), "departement_count": (1, 101)}  # 101 départements
WHOLE = ("departement_count",)
# The parts of a budget a user may name (« dont 200 000 € de salaires »); « autre » is any other.
PART_KINDS = ("personnel", "materiel", "maintenance", "autre")


def out_of_range(field: str, number: float) -> Optional[str]:
    """Why a number cannot be this field's value: 'negative', 'zero', 'too_small', 'too_large' or
    'not_whole'; None when it can."""
    low, high = LIMITS[field]
    if number < 0:
        return "negative"
    if number == 0:
        return "zero"
    if number < low:
        return "too_small"
    if number > high:
        return "too_large"
    if field in WHOLE and number != int(number):
        return "not_whole"
    return None
