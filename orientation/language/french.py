"""French formatting of amounts, rates and dates ("300 000 €", "75 %", "1er juin 2021")."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from orientation.language.fold import MONTHS


def number(value: float) -> str:
    """12345.6 -> '12 345,6'; whole numbers without decimals."""
    if float(value).is_integer():
        text = f"{int(round(value)):,}".replace(",", " ")
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", " ").replace(".", ",")
    return text


def euros(value: float) -> str:
    return f"{number(round(value, 2))} €"


def percent(rate: float) -> str:
    return f"{number(round(rate * 100, 2))} %"


def date(value: Optional[dt.date]) -> str:
    if value is None:
        return "date non publiée"
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def plural(count: float, singular: str, many: str) -> str:
    return f"{number(count)} {singular if abs(count) < 2 else many}"


def de(phrase: str) -> str:
    """The preposition 'de' before a phrase, with French elision and contraction:
    'de une commune' -> "d'une commune", 'de le budget' -> 'du budget', 'de 300 000 €' unchanged."""
    if phrase.startswith("le "):
        return "du " + phrase[3:]
    if phrase.startswith("les "):
        return "des " + phrase[4:]
    if phrase[:1].lower() in "aeiouyhéèêàâîôû":
        return "d'" + phrase
    return "de " + phrase
