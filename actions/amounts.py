"""French amounts and counts: the one place where numbers in messages are parsed.

    extract_quantities("une commune de 50 000 habitants avec un projet à 200 000 €")
    -> population 50000 ("50 000 habitants"), budget 200000 ("200 000 €")

A quantity is a number (digits, or French number words read by text2num), an optional
multiplier (k, M, mille, million…) and a unit that tells what it counts (€ → budget,
habitants → population, départements → number of départements). Budgets are TTC; an
amount given HT is converted at 20 % VAT and flagged so the assistant can say so.
parse_budget / parse_population / parse_departement_count read the answer to a question,
where a bare number is in the unit asked, and explain in French what is wrong otherwise.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from text_to_num import text2num

from actions.eligibility import formatting as fmt
from actions.eligibility.profile import out_of_range
from actions.textfold import Folded, fold

VAT_RATE = 0.20
MAX_MESSAGE = 2000  # longer messages are read up to this length: nobody types a budget after it
# The profile field (and NLU entity, and slot) each kind of quantity fills.
FIELD_OF_KIND = {"budget": "budget", "population": "population", "departements": "departement_count"}

# Digits: "300 000", "1.500.000", "1,5", "300000" (spaces include no-break and thin spaces).
_DIGITS = r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?(?![\d])|\d+(?:[.,]\d+)?"
_MULTIPLIERS = {"k": 1e3, "mille": 1e3, "m": 1e6, "million": 1e6, "millions": 1e6, "md": 1e9,
                "milliard": 1e9, "milliards": 1e9}
_MULT = r"(?P<mult>(?:k|m)(?=eur\b)|(?:k|m|md|mille|millions?|milliards?)(?![a-z0-9²]))"
_HALF = r"(?P<half>\s+et\s+demie?)?"
_UNIT = (r"(?P<unit>€|euros?\b|eur\b|"
         r"habitants?\b|hab\b\.?|citoyens\b|administres\b|personnes\b|"
         r"departements?\b|depts?\b|dpts?\b)")
_TAX = r"(?P<tax>\s*(?:ht\b|h\.t\.?|hors\s+taxes?\b|ttc\b|t\.t\.c\.?))?"
_TAIL = rf"(?:\s*{_MULT})?{_HALF}(?:\s*(?:d'|de\s+|d\s)?\s*{_UNIT})?{_TAX}"
# « moins 5 € » is negative; « au moins 300 000 habitants » is not.
_MINUS = r"(?:-|(?<!\bau )(?<!\bdu )\bmoins\b)"
_NUMBER = re.compile(rf"(?P<sign>{_MINUS}\s*)?(?P<num>{_DIGITS}){_TAIL}")
_TAIL_RE = re.compile(_TAIL)
_WORDS_TAIL = re.compile(rf"(?P<sign>)(?P<num>){_TAIL}")  # what follows number words
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_YEAR = re.compile(r"^(19|20)\d\d$")

UNKNOWN_WORDS = ("je ne sais pas", "je sais pas", "sais pas", "aucune idee", "nsp", "pas encore defini",
                 "pas defini", "inconnu", "je ne connais pas", "on ne sait pas", "pas de budget precis",
                 "pas encore", "ne sais pas")
VAGUE_WORDS = ("beaucoup", "enorme", "plein", "pas mal", "quelques", "important", "eleve", "gros",
               "petit", "peu", "moyen", "environ", "plusieurs", "nombreux", "bcp")


@dataclass(frozen=True)
class Quantity:
    value: float
    kind: str  # "budget" | "population" | "departements" | "number"
    text: str  # the span of the original message
    start: int
    end: int
    excl_tax: bool = False  # given HT; value has been converted to TTC
    negative: bool = False


@dataclass(frozen=True)
class ParseResult:
    value: Optional[float]
    status: str  # ok | unknown | negative | zero | absurd | vague | missing
    excl_tax: bool = False
    message: Optional[str] = None


def _fold(text: str) -> Folded:
    return fold(text[:MAX_MESSAGE])


def _digits_value(text: str) -> float:
    text = text.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text) and text.count(".") >= 1:
        return float(text.replace(".", ""))  # "1.500.000": dots separate thousands
    return float(text.replace(",", "."))


def _kind(unit: Optional[str], mult: Optional[str]) -> str:
    if unit:
        if unit in ("€", "eur") or unit.startswith("euro"):
            return "budget"
        if unit.startswith(("dep", "dpt")):
            return "departements"
        return "population"
    if mult in ("k", "m", "md"):  # "300k", "1,5M": shorthand for money
        return "budget"
    return "number"


def _quantity(match: "re.Match[str]", value: float, start: int) -> Optional[Quantity]:
    """The quantity read from `match`, with its span in the folded text."""
    mult, unit, tax = match.group("mult"), match.group("unit"), match.group("tax")
    if mult:
        value *= _MULTIPLIERS[mult]
    if match.group("half"):  # "1 million et demi", "un million et demi"
        value += 0.5 * (_MULTIPLIERS[mult] if mult else 1000 ** int(math.log(value, 1000)) if value >= 1 else 0)
    kind = _kind(unit, mult)
    end = match.end("unit") if unit else (match.end("half") if match.group("half") else
                                           (match.end("mult") if mult else match.end("num")))
    if kind == "departements" and value != int(value):
        return None
    excl_tax = bool(tax) and kind == "budget" and tax.strip().startswith(("ht", "h.t", "hors"))
    if excl_tax:
        value *= 1 + VAT_RATE
    negative = bool(match.groupdict().get("sign"))
    return Quantity(-value if negative else value, kind, match.string[start:end], start, end, excl_tax, negative)


def _word_numbers(folded: str) -> List[Tuple[int, int, float]]:
    """Runs of French number words ("deux cent mille"), read by text2num: (start, end, value)."""
    words = list(_WORD.finditer(folded))
    runs, i = [], 0
    while i < len(words):
        best = None
        for j in range(min(len(words), i + 8), i, -1):
            chunk = folded[words[i].start():words[j - 1].end()]
            if re.search(r"[^a-z\s-]", chunk):
                continue
            try:
                best = (words[i].start(), words[j - 1].end(), float(text2num(chunk, "fr")))
                break
            except ValueError:
                continue
        if best:
            runs.append(best)
            i = next(k for k in range(i, len(words) + 1) if k == len(words) or words[k].start() >= best[1])
        else:
            i += 1
    return runs


def extract_quantities(text: str) -> List[Quantity]:
    """Every amount and count in a free message, classified by its unit."""
    text = text or ""
    folded = _fold(text)
    found: List[Quantity] = []
    for m in _NUMBER.finditer(folded.text):
        if _YEAR.match(m.group("num")) and not (m.group("unit") or m.group("mult")):
            continue  # "en 2021" is a date, not an amount
        start = m.start("sign") if m.group("sign") else m.start("num")
        if start > 0 and folded.text[start - 1].isalnum():
            continue  # part of a code such as "SNAP3", "ITN8A" or "SNAP-3"
        q = _quantity(m, _digits_value(m.group("num")), start)
        if q:
            found.append(q)
    for start, end, value in _word_numbers(folded.text):
        if any(q.start <= start < q.end for q in found):
            continue
        tail = _TAIL_RE.match(folded.text, end)
        if value < 2 and not (tail and tail.group("mult")):
            continue  # "une commune", "un département": an article, not a count
        sign = re.search(rf"{_MINUS}\s*$", folded.text[:start])
        match = _WORDS_TAIL.match(folded.text, end)
        q = _quantity(match, value, start)
        if q:
            if sign:
                q = Quantity(-abs(q.value), q.kind, "", sign.start(), q.end, q.excl_tax, True)
            found.append(q)
    return sorted((_in_original(q, text, folded) for q in found), key=lambda q: q.start)


def _in_original(q: Quantity, text: str, folded: Folded) -> Quantity:
    """The quantity with its span in the message as typed (folding may change lengths: « œ »)."""
    start, end = folded.span(q.start, q.end)
    return Quantity(q.value, q.kind, text[start:end], start, end, q.excl_tax, q.negative)


def says_unknown(text: str) -> bool:
    folded = " " + " ".join(_fold(text or "").text.replace("'", " ").split()) + " "
    return any(f" {w} " in folded for w in UNKNOWN_WORDS)


EXPECTED = {"budget": "le coût total du projet en euros TTC, par exemple « 300 000 € » ou « 1,5 M€ »",
            "population": "le nombre d'habitants couverts, par exemple « 350 000 habitants »",
            "departements": "le nombre de départements couverts, par exemple « 3 »"}
NAMES = {"budget": "Un budget", "population": "Une population", "departements": "Un nombre de départements"}


def _parse_answer(text: str, kind: str) -> ParseResult:
    if says_unknown(text):
        return ParseResult(None, "unknown")
    quantities = [q for q in extract_quantities(text) if q.kind in (kind, "number")]
    if not quantities:
        others = extract_quantities(text)
        folded = _fold(text).text
        if not others and any(re.search(rf"\b{w}\b", folded) for w in VAGUE_WORDS):
            return ParseResult(None, "vague", message=f"Il me faut un chiffre, même approximatif : indiquez {EXPECTED[kind]}.")
        if others:
            return ParseResult(None, "missing", message=f"Ce chiffre ne répond pas à ma question : indiquez {EXPECTED[kind]}.")
        return ParseResult(None, "missing", message=f"Je n'ai pas trouvé de chiffre : indiquez {EXPECTED[kind]}.")
    q = next((q for q in quantities if q.kind == kind), quantities[0])
    problem = out_of_range(FIELD_OF_KIND[kind], q.value)
    if problem == "negative":
        return ParseResult(None, "negative", message=f"{NAMES[kind]} ne peut pas être négatif : indiquez {EXPECTED[kind]}.")
    if problem == "zero":
        return ParseResult(None, "zero", message=f"{NAMES[kind]} ne peut pas être nul : indiquez {EXPECTED[kind]}.")
    if problem:
        return ParseResult(None, "absurd", message=f"{fmt.number(q.value)} me semble hors de portée : vérifiez "
                                                    f"le chiffre et indiquez {EXPECTED[kind]}.")
    return ParseResult(q.value, "ok", excl_tax=q.excl_tax)


def parse_budget(text: str) -> ParseResult:
    return _parse_answer(text, "budget")


def parse_population(text: str) -> ParseResult:
    return _parse_answer(text, "population")


def parse_departement_count(text: str) -> ParseResult:
    return _parse_answer(text, "departements")
