"""Maintenance check: every figure the engine reads from the catalogue is in its quote.

A quote that exists in its seed file is not enough: the rate, cap, threshold or date next
to it must be the one the sentence states (« 75 % », « 300 000 habitants », « 250 k€ »,
« 22 novembre 2021 », « trois départements »), or follow from it by the rule the schema
states (an approximate session « T2 2021 » runs from the first to the last day of the
quarter). Numbers in quotes are read by orientation.language.amounts, the project's one number parser.

Only check_sources and the tests import this module, never the engine: the assistant
does not depend on the text helpers above the eligibility package.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

from orientation.language.amounts import extract_quantities
from orientation.language.french import MONTHS, number, percent

from .catalogue import Call, Catalogue, load_catalogue
from .sources import normalise

# What a figure counts, and the kinds of quantities of orientation.language.amounts that may state it
# ("number": a figure whose unit comes later, as 50 000 in « 50 000 à 1 000 000 € TTC »).
QUANTITY_KINDS = {"euros": ("budget", "number"), "population": ("population", "number"),
                  "departements": ("departements", "number")}
# Figure fields of a rule block, what they count, and the quote that states them when the
# block has a dedicated one (else the block's `source`).
BLOCK_FIGURES = {
    "territory": {"min_population": "population", "min_departements": "departements"},
    "funding": {"rate": "rate", "cap_eur": "euros", "total_cap_eur": "euros", "min_grant_eur": "euros"},
    "project_size": {"min_eur": "euros", "max_eur": "euros", "min_eur_by_applicant": "euros"},
}
DEDICATED_SOURCES = {"cap_eur": "cap_source", "total_cap_eur": "cap_source", "min_grant_eur": "min_grant_source",
                     "opens": "opens_source", "closes": "closes_source"}


@dataclass(frozen=True)
class Figure:
    path: str      # where it sits in the file: "sessions.1.rules.funding.rate"
    kind: str      # rate | euros | population | departements | opens | closes
    value: Any     # float, or dt.date for a session date
    quote: str
    approximate_dates: bool = False  # a session whose dates are the bounds of a stated period


def _block_figures(rules: Dict[str, Any], prefix: str) -> Iterator[Figure]:
    for block_name, fields in BLOCK_FIGURES.items():
        block = rules.get(block_name)
        if not block:
            continue
        for name, kind in fields.items():
            if name not in block:
                continue
            quote = block.get(DEDICATED_SOURCES.get(name, "source"), block["source"])["quote"]
            values = block[name].items() if isinstance(block[name], dict) else [(None, block[name])]
            for key, value in values:
                path = f"{prefix}{block_name}.{name}" + (f".{key}" if key else "")
                yield Figure(path, kind, value, quote)


def call_figures(call: Call) -> Iterator[Figure]:
    """Every figure of one call file the engine reads, with the quote that must state it."""
    yield from _block_figures(call.data["rules"], "rules.")
    for i, session in enumerate(call.data["sessions"]):
        for name in ("opens", "closes"):
            if session.get(name):
                source = session.get(DEDICATED_SOURCES[name], session["source"])
                yield Figure(f"sessions.{i}.{name}", name, dt.date.fromisoformat(str(session[name])),
                             source["quote"], bool(session.get("dates_approximate")))
        yield from _block_figures(session.get("rules", {}), f"sessions.{i}.rules.")


# --- what a quote states ----------------------------------------------------------------------

_MONTH = "|".join(MONTHS)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH})(?:\s+(\d{{4}}))?\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_QUARTER = re.compile(r"\bT([1-4])\s+(\d{4})\b|\b([1-4])(?:er|e|ème|eme)\s+trimestre\s+(\d{4})\b", re.IGNORECASE)
_PERCENT = re.compile(r"\s*%")


def percents(quote: str) -> Set[float]:
    """« 75 % », « 100% » -> {75.0, 100.0}."""
    text = normalise(quote)
    return {abs(q.value) for q in extract_quantities(text) if _PERCENT.match(text, q.end)}


def amounts(quote: str, kind: str) -> Set[float]:
    """The euros, inhabitants or départements a quote states (« 250 k€ », « trois départements »)."""
    # abs: sources state no negative figure, and amounts reads « au moins 300 000 » as minus 300 000
    return {abs(q.value) for q in extract_quantities(normalise(quote)) if q.kind in QUANTITY_KINDS[kind]}


def dates(quote: str) -> List[dt.date]:
    """« 22 novembre 2021 », « 04/01/2021 »; in « du 25 janvier au 15 mars 2021 » the first date
    takes the year of the next one."""
    text = normalise(quote)
    found: List[Tuple[int, int, int, Optional[int]]] = []  # (position, day, month, year or None)
    for m in _DAY_MONTH.finditer(text):
        year = int(m.group(3)) if m.group(3) else None
        found.append((m.start(), int(m.group(1)), MONTHS.index(m.group(2).lower()) + 1, year))
    for m in _NUMERIC_DATE.finditer(text):
        found.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    found.sort()
    result, year = [], None
    for _, day, month, stated in reversed(found):
        year = stated or year
        if year is not None:
            try:
                result.append(dt.date(year, month, day))
            except ValueError:
                continue
    return sorted(result)


def periods(quote: str) -> List[Tuple[dt.date, dt.date]]:
    """« T2 2021 », « 4e trimestre 2021 » -> first and last day of the quarter."""
    result = []
    for m in _QUARTER.finditer(normalise(quote)):
        quarter, year = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(3)), int(m.group(4)))
        first = dt.date(year, 3 * quarter - 2, 1)
        following = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
        result.append((first, following - dt.timedelta(days=1)))
    return result


def stated(figure: Figure) -> bool:
    """Whether the figure's quote states it (or the period it is a bound of)."""
    if figure.kind == "rate":
        return round(figure.value * 100, 6) in {round(p, 6) for p in percents(figure.quote)}
    if figure.kind in QUANTITY_KINDS:
        return float(figure.value) in amounts(figure.quote, figure.kind)
    if figure.approximate_dates:
        bounds = [p[0] if figure.kind == "opens" else p[1] for p in periods(figure.quote)]
        return figure.value in bounds
    return figure.value in dates(figure.quote)


def _shown(figure: Figure) -> str:
    if figure.kind == "rate":
        return percent(figure.value)
    if isinstance(figure.value, dt.date):
        return figure.value.isoformat()
    return number(figure.value)


def unstated_figures(catalogue: Optional[Catalogue] = None) -> List[str]:
    """One French line per figure its quote does not state: file, field, figure and quote."""
    problems = []
    for call in catalogue or load_catalogue():
        for figure in call_figures(call):
            if not stated(figure):
                problems.append(f"{call.file}: {figure.path}: {_shown(figure)} absent de la citation "
                                f"{figure.quote!r}")
    return problems
