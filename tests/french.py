"""Expected French text as the assistant writes it: nb("300 000 €") puts the no-break spaces of
orientation.language.french (thousands, before €, %, h, minutes, inside « 10 h 15 ») into a
readable literal, so a test compares with the real characters and never normalises them away."""
import re

from orientation.language.french import NBSP

_BOUND = re.compile(r"(?<=\d) (?=\d{3}(?!\d))"  # 300 000
                    r"|(?<=\d) (?=(?:€|%|k€|M€|h\b|minutes?\b))"  # 300 €, 75 %, 10 h, 15 minutes
                    r"|(?<=\d h) (?=\d{2}\b)")  # 10 h 15


def nb(text: str) -> str:
    """The literal with the no-break spaces of French numbers, amounts, rates and times."""
    return _BOUND.sub(NBSP, text)
