"""Numbers in a message that are neither a population nor an amount: dates, times, phone numbers,
postcodes, street numbers, percentages, counts of things, booking references and e-mail addresses.

The amount parser (orientation/language/amounts.py) leaves a bare figure inside these spans
unread, so that « mercredi 9 le matin », « 14h30 », « 40 agents » or « 12 rue Victor Hugo » never
become 9 inhabitants or 40 €. Spans are read in folded text (fold.py: lower case, no accents); the
original text is needed only to tell a postcode (« 75011 Paris ») from a bare figure.

    not_profile_spans("rdv mercredi 9 a 14h30, on est 40 agents")
    -> [(4, 14, "date"), (17, 22, "time"), (31, 40, "count")]
"""
from __future__ import annotations

import re
from typing import List, Tuple

from orientation.language.contacts import find_emails, find_references
from orientation.language.fold import MONTHS, WEEKDAYS, Folded

Span = Tuple[int, int, str]

_MONTH = "|".join(m.replace("é", "e").replace("û", "u") for m in MONTHS) + r"|janv|fevr?|avr|juil|sept|oct|nov|dec"
_WEEKDAY = "|".join(WEEKDAYS)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:er)?"
# No unit, multiplier or further digits after a day's number: « le 14 » but not « le 14 000 € ».
_ALONE = r"(?![\d,.]*\d)(?!\s*(?:k|m|md|mille|millions?|milliards?|€|e\b|euros?|eur\b|hab|habitants?|departements?))"
_PATTERNS = (
    ("date", rf"\b(?:{_WEEKDAY})\s+{_DAY}\b{_ALONE}"),  # « mercredi 9 »
    ("date", rf"\b{_DAY}\s+(?:{_MONTH})\b\.?(?:\s+(?:19|20)\d\d)?"),  # « 9 décembre 2021 »
    ("date", r"\b\d{1,2}[/.-]\d{1,2}(?:[/.-](?:19|20)?\d\d)?\b(?!\s*(?:k|m|€|e\b|euros?))"),  # « 09/12 »
    ("date", rf"\b(?:le|du|au|ce|jusqu'au|avant le|apres le)\s+{_DAY}\b{_ALONE}"),  # « le 14 »
    ("time", r"\b\d{1,2}\s?(?:h|heures?)(?:\s?\d{2})?(?![a-z])"),  # « 14h », « 9h30 », « 14 heures »
    ("time", r"\b\d{1,2}:\d{2}\b"),
    ("phone", r"(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b"),
    ("percent", r"\b\d+(?:[.,]\d+)?\s?(?:%|pour\s?cents?\b|pct\b)"),
    ("street", r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av|bd|boulevard|place|chemin|allee|impasse|route|"
               r"quai|cours|square|rte|esplanade|parvis|rond-point)\b"),
    ("postcode", r"\b(?:code postal|cp)\s*:?\s*\d{5}\b"),
    ("count", r"\b\d+(?:[ .]\d{3})*\s+(?:communes|agents|etp|salaries|collaborateurs|postes|sites|services|mois|ans|"
              r"annees|semaines|jours|minutes|dossiers|utilisateurs|ecoles|colleges|lycees|mairies|villes|membres|"
              r"partenaires|projets|lots|phases|etapes|applications|serveurs|ordinateurs|pc|licences|elus|"
              r"structures|collectivites|epci|intercommunalites|etablissements|hopitaux|ehpad|agences|"
              r"directions|bureaux|equipes|personnes? (?:dans|en|a)|developpeurs|prestataires)\b"),
)
_COMPILED = tuple((what, re.compile(pattern)) for what, pattern in _PATTERNS)
_POSTCODE = re.compile(r"\b(?:(?:0[1-9]|[1-8]\d|9[0-5])\d{3}|97[1-6]\d{2})\s+(?=[^\W\d])")


def not_profile_spans(folded: Folded, text: str) -> List[Span]:
    """(start, end, what) in folded text: the numbers of the message that are not the profile's."""
    spans: List[Span] = [(m.start(), m.end(), what) for what, pattern in _COMPILED for m in pattern.finditer(folded.text)]
    for m in _POSTCODE.finditer(folded.text):
        # « 75011 Paris », « 97100 Basse-Terre »: a place name follows, written with a capital.
        if text[folded.index[m.end()]].isupper():
            spans.append((m.start(), m.end(), "postcode"))
    originals = [(start, end, "reference") for start, end, _ in find_references(text)] if "dn" in folded.text else []
    originals += [(start, end, "email") for start, end, _ in find_emails(text)] if "@" in text else []
    for start, end, what in originals:  # folded positions of the original span
        inside = [i for i, original in enumerate(folded.index) if start <= original < end]
        if inside:
            spans.append((inside[0], inside[-1] + 1, what))
    return sorted(spans)


def inside(spans: List[Span], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e, _ in spans)
