"""French formatting of what the assistant writes: numbers, amounts, rates, dates, times.

The one place that writes them, so every reply, card, e-mail and page says « 300 000 € »,
« 75 % », « 1er juin 2021 », « lundi 7 décembre » and « 10 h 15 » the same way.

A number never breaks across two lines: its thousands, its unit (€, %, h) and the minutes of a
time are joined by NBSP, the no-break space U+00A0. One character everywhere rather than the
narrower U+202F of French typography because every font, mail client and .ics viewer has
U+00A0, while some fonts lack U+202F and show a box or a full-width fallback glyph. The parsers
read both back (fold.py folds them to a plain space).
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from orientation.language.fold import MONTHS, WEEKDAYS

NBSP = "\u00a0"

__all__ = ["NBSP", "MONTHS", "WEEKDAYS", "number", "euros", "percent", "date", "day_and_month", "weekday_date",
           "clock", "minutes", "plural", "de"]


def number(value: float) -> str:
    """12345.6 -> '12 345,6' (no-break thousands); whole numbers without decimals."""
    if float(value).is_integer():
        text = f"{int(round(value)):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", NBSP).replace(".", ",")


def euros(value: float) -> str:
    """300000 -> '300 000 €'."""
    return f"{number(round(value, 2))}{NBSP}€"


def percent(rate: float) -> str:
    """0.75 -> '75 %'."""
    return f"{number(round(rate * 100, 2))}{NBSP}%"


def day_and_month(value: dt.date) -> str:
    """'1er décembre', '7 décembre'."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]}"


def date(value: Optional[dt.date]) -> str:
    """'1er décembre 2026'; 'date non publiée' for None."""
    if value is None:
        return "date non publiée"
    return f"{day_and_month(value)} {value.year}"


def weekday_date(value: dt.date, year: bool = True) -> str:
    """'jeudi 14 octobre 2021'; 'lundi 1er novembre' with year=False."""
    text = f"{WEEKDAYS[value.weekday()]} {day_and_month(value)}"
    return f"{text} {value.year}" if year else text


def clock(moment: dt.time, minutes: bool = False) -> str:
    """'10 h 15', '14 h' ('14 h 00' with minutes=True, for a button where times line up)."""
    if moment.minute or minutes:
        return f"{moment.hour}{NBSP}h{NBSP}{moment.minute:02d}"
    return f"{moment.hour}{NBSP}h"


def minutes(count: int) -> str:
    """15 -> '15 minutes', 1 -> '1 minute'."""
    return f"{number(count)}{NBSP}{'minute' if count < 2 else 'minutes'}"


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
