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

import functools
import math
import re
from dataclasses import dataclass, replace
from typing import List, Optional, Sequence, Tuple

from text_to_num import text2num

from orientation.language import french as fmt
from orientation.language.fold import Folded, fold
from orientation.language.limits import PART_KINDS, out_of_range
from orientation.language.not_amounts import not_profile_spans
from orientation.settings import get_settings  # ORIENTATION_MAX_MESSAGE: longer messages are read up to it

VAT_RATE = 0.20
# How a figure said is not the project's own (Quantity.qualifier).
NOT_OWNED = ("cap", "threshold", "each", "negated")
# The profile field (and NLU entity, and slot) each kind of quantity fills.
FIELD_OF_KIND = {"budget": "budget", "population": "population", "departements": "departement_count"}

# Digits: "300 000", "1.500.000", "1,5", "300000" (spaces include no-break and thin spaces).
_DIGITS = r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?(?![\d])|\d+(?:[.,]\d+)?"
_MULTIPLIERS = {"k": 1e3, "mille": 1e3, "milles": 1e3, "m": 1e6, "million": 1e6, "millions": 1e6, "md": 1e9,
                "milliard": 1e9, "milliards": 1e9}
_MULT = r"(?P<mult>(?:k|m)(?=eur\b|euros?\b)|(?:k|m|md|milles?|millions?|milliards?)(?![a-z0-9²]))"
_HALF = r"(?P<half>\s+et\s+demie?)?"
# « balles » is euros in speech; « h » is inhabitants after a figure of hundreds (« env 8500 h »), see _quantity.
_UNIT = (r"(?P<unit>€|euros?\b|eur\b|balles\b|"
         r"habitants?\b|habitans\b|habs?\b\.?|hbts?\b\.?|h\b(?!\s*(?:\d|de\b|d'|a\b|et\b))|citoyens\b|"
         r"administres\b|personnes\b|ames\b|"
         r"departements?\b|depts?\b|deps?\b|dpts?\b)")
_TAX = r"(?P<tax>\s*\(?\s*(?:ht\b|h\.t\.?|hors\s+taxes?\b|ttc\b|t\.t\.c\.?)\)?)?"  # « 300 000 (HT) »
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
                 "pas encore", "ne sais pas", "jsp", "chais pas", "jsais pas", "pas d idee")
VAGUE_WORDS = ("beaucoup", "enorme", "plein", "pas mal", "quelques", "important", "eleve", "gros",
               "petit", "peu", "moyen", "environ", "plusieurs", "nombreux", "bcp")


@dataclass(frozen=True)
class Quantity:
    value: float
    kind: str  # "budget" | "population" | "departements" | "number" | "foreign" (money not in euros) | a not_amounts kind
    text: str  # the span of the original message
    start: int
    end: int
    excl_tax: bool = False  # given HT; value has been converted to TTC
    negative: bool = False
    incl_tax: bool = False  # said TTC
    # How the figure is said: "approx" (« environ », « ~ »), "max" / "min" (« max 500k », « au moins »),
    # "cap" (a call's figure: « le plafond de 3 M€ »), "threshold" (a bound in a question: « en
    # dessous de 250 000 € ? », « il faut 300 000 hab ? »), "each" (a unit price: « à 400 € pièce »,
    # « 20 000 chacun ») or "negated" (« on n'est pas 300 000 »). None of these four is the project's.
    qualifier: Optional[str] = None
    # "range" (« entre 200 et 250k ») or "alternative" (« 60 ou 80 000 »): the quantity is one end
    # of a pair, never a value on its own.
    choice: Optional[str] = None

    @property
    def as_given(self) -> float:
        """The figure as the user gave it (HT when given HT), to the cent."""
        return round(self.value / (1 + VAT_RATE), 2) if self.excl_tax else self.value

    @property
    def tax(self) -> Optional[str]:
        return "HT" if self.excl_tax else "TTC" if self.incl_tax else None

    @property
    def owned(self) -> bool:
        """The figure is the project's (not a call's cap, a bound asked about, a unit price, a denial)."""
        return self.qualifier not in NOT_OWNED


@dataclass(frozen=True)
class ParseResult:
    value: Optional[float]
    status: str  # ok | unknown | negative | zero | absurd | vague | missing | ambiguous | choice | currency
    excl_tax: bool = False
    message: Optional[str] = None
    quantity: Optional[Quantity] = None  # the figure read, as said (its tax, its qualifier)
    choice: Tuple[Quantity, ...] = ()  # status "choice": the two ends of a range or an alternative


def _fold(text: str) -> Folded:
    return fold(text[:get_settings().max_message])


def _digits_value(text: str) -> float:
    text = text.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text) and text.count(".") >= 1:
        return float(text.replace(".", ""))  # "1.500.000": dots separate thousands
    return float(text.replace(",", "."))


def _kind(unit: Optional[str], mult: Optional[str], tax: Optional[str] = None) -> str:
    if unit:
        if unit in ("€", "eur", "balles") or unit.startswith("euro"):
            return "budget"
        if unit.startswith(("dep", "dpt")):
            return "departements"
        return "population"
    if mult in ("k", "m", "md"):  # "300k", "1,5M": shorthand for money
        return "budget"
    if tax:  # "380 000 HT": only money is HT or TTC
        return "budget"
    return "number"


def _quantity(match: re.Match[str], value: float, start: int) -> Optional[Quantity]:
    """The quantity read from `match`, with its span in the folded text."""
    mult, unit, tax = match.group("mult"), match.group("unit"), match.group("tax")
    if unit == "h" and (value < 500 or mult):  # « 14 h », « 35 h » are hours: a figure left to not_amounts
        unit = None
    if mult:
        value *= _MULTIPLIERS[mult]
    if match.group("half"):  # "1 million et demi", "un million et demi"
        value += 0.5 * (_MULTIPLIERS[mult] if mult else 1000 ** int(math.log(value, 1000)) if value >= 1 else 0)
    kind = _kind(unit, mult, tax)
    end = match.end("unit") if unit else (match.end("half") if match.group("half") else
                                           (match.end("mult") if mult else match.end("num")))
    if kind == "departements" and value != int(value):
        return None
    excl_tax = bool(tax) and kind == "budget" and tax.strip(" (").startswith(("ht", "h.t", "hors"))
    if excl_tax:
        value *= 1 + VAT_RATE
    incl_tax = bool(tax) and kind == "budget" and not excl_tax
    negative = bool(match.groupdict().get("sign"))
    return Quantity(-value if negative else value, kind, match.string[start:end], start, end, excl_tax, negative,
                    incl_tax)


def _word_numbers(folded: str) -> List[Tuple[int, int, float]]:
    """Runs of French number words ("deux cent mille"), read by text2num: (start, end, value)."""
    words = list(_WORD.finditer(folded))
    runs, i = [], 0
    while i < len(words):
        best = None
        for j in range(min(len(words), i + 8), i, -1):
            chunk = folded[words[i].start():words[j - 1].end()]
            if re.search(r"[^a-z\s-]", chunk) or re.search(r"\bet\b(?!\s+(?:un|une|onze)\b)", chunk):
                continue  # « entre deux cent et trois cent mille » is two numbers; « vingt et un » one
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


# --- amounts as people type them ------------------------------------------------------------------
# Rewritten in the folded text before reading (each new character points back to the characters
# it replaces, so spans stay those of the message as typed):
# « 40 000e », « 40ke » → « 40 000€ », « 40k€ » (an « e » for euros after three digits or a multiplier;
# « 2e » stays an ordinal);
_EURO_E = re.compile(rf"(?P<num>{_DIGITS})(?P<mult>\s?(?:k|m))?\s?e(?![\w'-])")
# « 1 M 2 », « 1M2 », « 40k5 » → « 1,2 m », « 40,5 k » (« 100 m2 » in lower case is an area);
_SPLIT_MULT = re.compile(r"(?<![\d,.])(?P<int>\d{1,3})\s?(?P<mult>k|m)\s?(?P<frac>\d{1,3})(?![\d,.])"
                         r"(?=\s*(?:$|[^\w\s]|€|(?:e|euros?|eur|ht|ttc|pour|de|d'|et|ou|environ|max)\b))")
# « 1 million 200 000 », « un million 200 mille » → « 1200000 »; « 1 million 2 » → « 1,2 million »;
_MILLION_AND = re.compile(r"\b(?P<int>\d{1,3}|un)\s+millions?\s+(?:et\s+)?(?P<rest>\d{1,3}(?:[ .]\d{3})?)"
                          r"(?P<mille>\s+milles?)?(?![\d,.])(?!\s*(?:%|ans?\b|mois\b|k\b|m\b))")
_MILLION_WORD = re.compile(r"\b(?P<int>\d{1,3}|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+millions?"
                           r"\s+(?P<rest>un|deux|trois|quatre|cinq|six|sept|huit|neuf)\b"
                           r"(?!\s+(?:cent|mille|millions?|vingts?|dix|onze|douze|treize|quatorze|quinze|seize))")
# « un demi-million » → « 0,5 million ».
_HALF_MULT = re.compile(r"\b(?:un\s+)?demi[- ]?(?P<mult>millions?|milliards?)\b")


def _rewrite(folded: Folded, pattern: re.Pattern[str], replacement) -> Folded:
    chars: List[str] = []
    index: List[int] = []
    last = 0
    for m in pattern.finditer(folded.text):
        new = replacement(m)
        if new is None:
            continue
        chars.append(folded.text[last:m.start()])
        index.extend(folded.index[last:m.start()])
        chars.append(new)
        # Spread over the replaced characters, the last on the last: the span of an amount keeps its ends.
        width = m.end() - m.start()
        index.extend(folded.index[m.start() + (i * width // len(new) if i < len(new) - 1 else width - 1)]
                     for i in range(len(new)))
        last = m.end()
    chars.append(folded.text[last:])
    index.extend(folded.index[last:])
    return Folded("".join(chars), index)


def _euro_e(m: re.Match[str]) -> Optional[str]:
    digits = re.sub(r"\D", "", m.group("num").split(",")[0])
    if not m.group("mult") and len(digits) < 3:
        return None
    return m.group()[:-1] + "€"


def _typed(folded: Folded, text: str) -> Folded:
    def split(m: re.Match[str]) -> Optional[str]:
        after = folded.text[m.end():m.end() + 12]
        upper = text[folded.index[m.start("mult")]] == "M"
        if m.group("mult") == "m" and not upper and not re.match(r"\s*(?:€|e\b|euros?|eur\b)", after):
            return None
        return f"{m.group('int')},{m.group('frac')} {m.group('mult')}"
    def million_and(m: re.Match[str]) -> str:
        whole = 1 if m.group("int") == "un" else int(m.group("int"))
        rest = m.group("rest").replace(" ", "").replace(".", "")
        if m.group("mille") or len(rest) > 3:
            return str(whole * 1_000_000 + int(rest) * (1000 if m.group("mille") else 1))
        return f"{whole},{rest} million"  # « 1 million 2 », « 1 million 250 »: the figures after the comma

    digits = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
              "dix": 10}
    folded = _rewrite(folded, _MILLION_AND, million_and)
    folded = _rewrite(folded, _MILLION_WORD, lambda m: f"{digits.get(m.group('int'), m.group('int'))},"
                                                       f"{digits[m.group('rest')]} million")
    folded = _rewrite(folded, _HALF_MULT, lambda m: f"0,5 {m.group('mult')}")
    folded = _rewrite(folded, _SPLIT_MULT, split)
    return _rewrite(folded, _EURO_E, _euro_e)


# How an amount is said, from the words just before it (folded) or just after.
_APPROX_BEFORE = re.compile(r"(?:~|≈|\benv\.?|\benviron|\bautour d[eu]s?|\baux alentours d[eu]s?|\ba peu pres|"
                            r"\bapproximativement|\bdans les|\bde l'ordre d[eu]s?|\bquasi(?:ment)?|\bpresque|"
                            r"\bgrosso modo|\bplus ou moins|\+/-|\bpeut[- ]etre|\bapprox\.?)\s*$")
_MAX_BEFORE = re.compile(r"(?:\bmax\.?|\bmaxi|\bmaximum|\bau max(?:imum)?|\bau plus|\bjusqu'a|\bpas plus de|"
                         r"\bmoins de|\binferieure? a|\ben[- ]dessous de|\bsous|<=?|≤|"
                         r"\bdepasser(?:a|ons|ont|ait)?\s+pas|\bpas depasser|\bsans depasser|"
                         r"\bne depasse pas|\bdepasse pas)\s*(?:les?|la)?\s*$")
_MAX_AFTER = re.compile(r"^\s*(?:(?:ht|ttc)\s*)?(?:max(?:imum)?|maxi|au max(?:imum)?|grand max)\b")
_MIN_BEFORE = re.compile(r"(?:\bmin\.?|\bminimum|\bau moins|\bau minimum|\bplus de|\ba partir de|"
                         r"\bsuperieure? a|\bau[- ]dessus de|\bau[- ]dela de|>=?|≥)\s*$")
# A figure of the call, not of the project: « le plafond de 3 M€ », « le seuil de 250 000 € ».
_CAP_BEFORE = re.compile(r"\b(?:plafond|plafonne|plancher|seuil|limite)s?\b[^.;!?\d]{0,20}$")
# … unless the project's own budget is the one capped: « budget plafonné à 500k », « on est limités à 80k ».
_OWN_CAP_BEFORE = re.compile(r"\b(?:budget|enveloppe|on|nous|notre|nos)\b[^.;!?\d]{0,15}"
                             r"\b(?:plafon\w*|limite\w*)\b[^.;!?\d]{0,12}$")


# Any of the words above: most amounts have none, and are not searched further.
_QUALIFIER_WORDS = re.compile(r"~|≈|<|>|≤|≥|\+/-|env|autour|alentours|pres|approx|dans les|ordre|quasi|presque|grosso|"
                              r"plus|moins|peut|max|jusqu|inferieur|dessous|sous|min|superieur|dessus|dela|partir|"
                              r"plafon|plancher|seuil|limite|depass|\bpas\b|jamais|faut|piece|unit|chacun|par\b|/")
# A figure denied: « on n'est pas 300 000 », « on fait pas 300 000 habitants », « on a pas 1 M€ »
# (« pas plus de », « pas loin de » are bounds and approximations, read above).
_NEGATED_BEFORE = re.compile(r"\b(?:pas|jamais)\s*(?:les?\s+)?$")
# A requirement asked about: « il faut 300 000 hab ? », « faut-il 2 départements ? ». For money, only the
# inverted question (« il faut 300 000 € pour ce projet, c'est finançable ? » states a cost).
_REQUIRED_BEFORE = re.compile(r"\b(?P<asked>faut[- ]il|faudrait[- ]il)?(?(asked)|(?:il )?(?:faut|faudrait))"
                              r"\s*(?:avoir|etre|atteindre)?\s*$")
# A unit price: « à 400 € pièce », « 800 € l'unité », « 20 000 chacun », « 50 €/licence », « prix unitaire 400 € ».
_EACH_AFTER = re.compile(r"^\s*(?:ht|ttc)?\s*(?:(?:la |l')?(?:pieces?|unites?)\b|unitaires?\b|chacune?s?\b|"
                         r"(?:par|/)\s*(?:unite|piece|poste|licence|tablette|ordinateur|pc|ecran|agent|eleve|classe|"
                         r"ecole|personne|utilisateur|borne|site|logement|foyer|lot)s?\b)")
_EACH_BEFORE = re.compile(r"\b(?:prix|cout|tarif)s? unitaires?\b[^.;!?\d]{0,12}$")


def _qualifier(folded: str, q: Quantity) -> Optional[str]:
    before, after = folded[max(0, q.start - 40):q.start], folded[q.end:q.end + 30]
    if not _QUALIFIER_WORDS.search(before) and not _QUALIFIER_WORDS.search(after):
        return None
    clause_end = re.search(r"[.!?\n]", folded[q.end:])
    asked = bool(clause_end) and clause_end.group() == "?"
    if q.kind in ("budget", "number") and (_EACH_AFTER.match(after) or _EACH_BEFORE.search(before)):
        return "each"
    required = _REQUIRED_BEFORE.search(before)
    if asked and required and (required.group("asked") or q.kind != "budget"):
        return "threshold"
    if _CAP_BEFORE.search(before):
        return "max" if _OWN_CAP_BEFORE.search(before) and not asked else "cap"
    bound = "max" if _MAX_BEFORE.search(before) or _MAX_AFTER.match(after) else \
        "min" if _MIN_BEFORE.search(before) else None
    if bound:
        return "threshold" if asked else bound
    if _NEGATED_BEFORE.search(before):  # after the bounds: « ne dépassera pas 250 000 € » is a maximum
        return "negated"
    return "approx" if _APPROX_BEFORE.search(before) else None


# Two figures said as a range or as an alternative: « entre 200 et 250k », « de 100 à 150 k€ »,
# « 200-250k », « 60 ou 80 000 », « 100/150k ».
_RANGE_BETWEEN = re.compile(r"^\s*(?:et|a|au|jusqu'a|-|–)\s*$")
_ALTERNATIVE_BETWEEN = re.compile(r"^\s*(?:ou|ou bien|ou alors|voire|/|sinon)\s*$")
_PAIRED_KINDS = ("budget", "population", "departements", "number")


def _scaled(small: Quantity, large: Quantity) -> Quantity:
    """The end of a pair said without its unit takes the other's: « 60 ou 80 000 € » is 60 000 €."""
    value = small.value
    if small.kind == "number" and 0 < value < 1000 <= large.value:
        value *= 1000 ** max(1, round(math.log(large.value / value, 1000)))
    if large.excl_tax and not small.excl_tax:
        value *= 1 + VAT_RATE
    kind = large.kind if small.kind == "number" else small.kind
    return replace(small, value=value, kind=kind, excl_tax=small.excl_tax or large.excl_tax,
                   incl_tax=small.incl_tax or large.incl_tax)


def _pairs(folded: str, found: List[Quantity]) -> List[Quantity]:
    found = sorted(found, key=lambda q: q.start)
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a.choice or a.kind not in _PAIRED_KINDS or b.kind not in _PAIRED_KINDS or a.negative:
            continue
        if "number" not in (a.kind, b.kind) and a.kind != b.kind:
            continue
        between = folded[a.end:b.start]
        if b.negative and not between.strip() and folded[b.start] == "-":  # « 200-250k »
            b = replace(b, value=-b.value, negative=False, start=b.start + 1)
            relation = "range"
        elif b.negative:
            continue
        elif _RANGE_BETWEEN.match(between) and (between.strip() != "et" or folded[:a.start].rstrip().endswith("entre")):
            # « on hésite entre 500k et 300k »: two options, not a span of costs
            relation = "alternative" if re.search(r"\bhesit\w*\s+entre\s*$", folded[:a.start]) else "range"
        elif _ALTERNATIVE_BETWEEN.match(between) or (
                between.strip() == "soit" and folded[:a.start].rstrip().endswith("soit")):  # « soit 60k soit 80k »
            relation = "alternative"
        else:
            continue
        a, b = _scaled(a, b), _scaled(b, a)
        if a.value == b.value:
            continue
        found[i], found[i + 1] = replace(a, choice=relation), replace(b, choice=relation)
    return found


def extract_quantities(text: str) -> List[Quantity]:
    """Every amount and count in a free message, classified by its unit. A bare figure that is a
    date, a time, a phone number, a postcode, a street number, a percentage or a count of things
    (orientation/language/not_amounts.py) is given that kind instead of "number"."""
    text = text or ""
    return list(_quantities(text, get_settings().max_message))


# The Rasa server reads the amounts of a message four times per turn (the extractor, the budget's
# reading, the routing, the validation's scope): the last texts' results are kept (immutable values).
@functools.lru_cache(maxsize=64)
def _quantities(text: str, limit: int) -> Tuple[Quantity, ...]:
    folded = _typed(fold(text[:limit]), text)
    found: List[Quantity] = []
    for m in _NUMBER.finditer(folded.text):
        if _YEAR.match(m.group("num")) and not (m.group("unit") or m.group("mult")):
            continue  # "en 2021" is a date, not an amount
        start = m.start("sign") if m.group("sign") else m.start("num")
        if start > 0 and folded.text[start - 1].isalnum() and not (m.group("sign") == "-" and folded.text[start - 1].isdigit()):
            continue  # part of a code such as "SNAP3", "ITN8A" or "SNAP-3" (« 200-250k » is a range)
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
                q = replace(q, value=-abs(q.value), text="", start=sign.start(), negative=True)
            found.append(q)
    spans = not_profile_spans(folded, text)
    found = [q if q.kind != "number" else _labelled(q, spans) for q in found]
    found = [replace(q, qualifier=_qualifier(folded.text, q)) for q in found]
    found = _pairs(folded.text, found)
    found = [_by_context(folded.text, q) if q.kind in ("number", "budget") else q for q in found]
    found = [_in_foreign_currency(folded.text, q) for q in found]
    found = _per_year(folded.text, found)
    return tuple(sorted((_in_original(q, text, folded) for q in found), key=lambda q: q.start))


# A figure without unit takes one from the words just before it: « budget 400000 », « ça coûte 2
# millions » are euros; « population 250 000 », « nous sommes 250 000 » are inhabitants.
# Between the field's word and its figure: « la population c'est plutôt 27 000 », « nb d'habitants : 12 500 ».
_SAID_IS = r"(?:\s*(?::|=|c'est|c|est|serait|sera|fait|plutot|en fait|finalement|exactement|de|d'environ|environ|~))*\s*$"
_MONEY_BEFORE = re.compile(r"\b(?:budgets?|budgete|budgetise|cout|couts|coute|couterait|coutera|montant|enveloppe|"
                           r"financement|depense|investissement|chiffre|chiffre a|estime a|evalue a|projet|prevu|prevoit|prevoyons|"
                           r"dispose|disposons|alloue|alloues|debloque|mobilise|investir|investit|depenser|finance)\b"
                           rf"(?:[^.;!?,\d]{{0,12}}$|{_SAID_IS})")
_PEOPLE_BEFORE = re.compile(r"\b(?:population|pop|nous sommes|on est|nous comptons|on compte|couvre|couvrons|"
                            r"couvrant|desservant|dessert|regroupe|rassemble|(?:nb|nbre|nombre) d'?\s?(?:habitants|hab)|"
                            rf"habitants)\b\.?{_SAID_IS}|"
                            # « une ville de 12 000 », « commune d'environ 3000 »
                            r"\b(?:ville|commune|village|bourg|agglomeration|agglo|interco|intercommunalite|"
                            r"metropole)\s+(?:de|d')\s*(?:environ|env\.?|~|pres de|plus de)?\s*$")
# The euro written first: « € 300 000 », « EUR 300 000 ».
_EURO_BEFORE = re.compile(r"(?:€|\beur|\beuros)\s*$")
# Money in another currency: « 45 millions XPF », « 30 millions de francs CFP », « 2 M FCFP », « 100 000
# dollars », « 50 000 $ », « £40 000 ». Its kind is "foreign": never a budget, the bot asks for euros.
_CURRENCY = (r"\$|£|¥|xpf|f\s?cfp|f\s?cfa|fcfp|fcfa|cfp|cfa|francs?(?:\s+(?:cfp|cfa|suisses?|pacifique))?|"
             r"dollars?|usd|us\$|chf|gbp|livres? sterling|yens?|dinars?|dirhams?|xof|xaf")
_FOREIGN_AFTER = re.compile(rf"\s*(?:de\s+|d')?(?:{_CURRENCY})(?![a-z])")
_FOREIGN_BEFORE = re.compile(r"(?:\$|£|¥|\busd|\bchf|\bgbp)\s*$")


def _in_foreign_currency(folded: str, q: Quantity) -> Quantity:
    if q.kind not in ("budget", "number") or re.search(r"€|eur|balles", folded[q.start:q.end]):
        return q  # « 380 000 € » is euros whatever follows
    after = _FOREIGN_AFTER.match(folded, q.end)
    if after:
        return replace(q, kind="foreign", end=after.end())
    return replace(q, kind="foreign") if _FOREIGN_BEFORE.search(folded[:q.start]) else q


def _says_euros(span: str) -> bool:
    """The folded span of an amount names euros (« 12k€ », « 40ke »), not only a multiplier (« 12k »)."""
    return bool(re.search(r"€|eur|balles|e$|ht$|ttc$", span))


def people_said_as_money(text: str) -> List[Quantity]:
    """The figures of a message read as money for their multiplier only (« env 80k »), when it holds
    no population: the answer to « combien d'habitants ? » reads them as people."""
    found = extract_quantities(text)
    if any(q.kind == "population" for q in found):
        return []
    return [q for q in found if q.kind == "budget" and not _says_euros(fold(q.text).text)]


def _by_context(folded: str, q: Quantity) -> Quantity:
    if q.value < 100:
        return q
    before = folded[max(0, q.start - 40):q.start]
    if q.kind == "budget":  # « pop 45k »: a « k » without euros is a count of people after such words
        return replace(q, kind="population") if not _says_euros(folded[q.start:q.end]) and _PEOPLE_BEFORE.search(before) else q
    if q.value >= 1000 and (_MONEY_BEFORE.search(before) or _EURO_BEFORE.search(before)):
        return replace(q, kind="budget")
    if q.value >= 100 and _PEOPLE_BEFORE.search(before):
        return replace(q, kind="population")
    return q


# « 50k par an sur 3 ans », « 100k/an pendant deux ans »: the cost of the project is the yearly amount
# times the years (said back to the user, see orientation/replies/budget.py).
_YEARS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
_PER_YEAR = re.compile(r"\s*(?:(?:ht|ttc)\s*)?(?:par an|/\s?an|l'an|annuels?|annuellement|par annee|chaque annee)"
                       r"\s*,?\s*(?:(?:ht|ttc)\s*)?(?:sur|pendant|pdt|durant|x|×|\*)\s*"
                       rf"(?P<years>\d{{1,2}}|{'|'.join(_YEARS)})\s*(?:ans|annees)\b")


def _per_year(folded: str, found: List[Quantity]) -> List[Quantity]:
    for q in [q for q in found if q.kind in ("budget", "number") and not q.choice and q.value >= 1000]:
        m = _PER_YEAR.match(folded, q.end)
        if not m:
            continue
        years = int(_YEARS.get(m.group("years"), m.group("years")))
        if not 1 < years <= 10:
            continue
        end = m.end()
        yearly = replace(q, value=q.value * years, end=end, qualifier="per_year")
        found = [yearly if other is q else other for other in found if other is q or not q.start <= other.start < end]
    return found


def _labelled(q: Quantity, spans) -> Quantity:
    what = next((what for start, end, what in spans if start <= q.start and q.end <= end), None)
    return replace(q, kind=what) if what else q


def _in_original(q: Quantity, text: str, folded: Folded) -> Quantity:
    """The quantity with its span in the message as typed (folding may change lengths: « œ »)."""
    start, end = folded.span(q.start, q.end)
    return replace(q, text=text[start:end], start=start, end=end)


def says_unknown(text: str) -> bool:
    folded = " " + " ".join(_fold(text or "").text.replace("'", " ").split()) + " "
    return any(f" {w} " in folded for w in UNKNOWN_WORDS)


EXPECTED = {"budget": "le coût total du projet en euros TTC, par exemple « 300 000 € » ou « 1,5 M€ »",
            "population": "le nombre d'habitants couverts, par exemple « 350 000 habitants »",
            "departements": "le nombre de départements couverts, par exemple « 3 »"}
# An amount in another currency (« 15 M XPF »): the figure in euros is asked, nothing is converted.
NOT_EUROS = f"Ce montant n'est pas en euros : indiquez {EXPECTED['budget']}."
NAMES = {"budget": "Un budget", "population": "Une population", "departements": "Un nombre de départements"}


# A figure said with « je ne sais pas » is an estimate when it is plainly one of the kind asked
# (« je sais pas exactement, environ 80 000 »); a small bare figure is not.
_ESTIMATE_FROM = {"budget": 1000, "population": 100, "departements": 1e9}


def _parse_answer(text: str, kind: str) -> ParseResult:
    found = extract_quantities(text)
    if kind != "budget":  # « 12k » answers « combien d'habitants ? »: a multiplier alone is no euros
        people = people_said_as_money(text)
        found = [replace(q, kind="number") if q in people else q for q in found]
    quantities = [q for q in found if q.kind in (kind, "number") and q.owned]
    if says_unknown(text) and not any(q.kind == kind or q.value >= _ESTIMATE_FROM[kind] for q in quantities):
        return ParseResult(None, "unknown")
    if not quantities:
        others = extract_quantities(text)
        folded = _fold(text).text
        if not others and any(re.search(rf"\b{w}\b", folded) for w in VAGUE_WORDS):
            return ParseResult(None, "vague", message=f"Il me faut un chiffre, même approximatif : indiquez {EXPECTED[kind]}.")
        if kind == "budget" and any(q.kind == "foreign" for q in others):
            return ParseResult(None, "currency", message=NOT_EUROS)
        if others:
            return ParseResult(None, "missing", message=f"Ce chiffre ne répond pas à ma question : indiquez {EXPECTED[kind]}.")
        return ParseResult(None, "missing", message=f"Je n'ai pas trouvé de chiffre : indiquez {EXPECTED[kind]}.")
    q = next((q for q in quantities if q.kind == kind and not q.choice), quantities[0])
    if kind == "budget":
        reading = read_budget(text)
        if reading.ambiguous:
            return ParseResult(None, "ambiguous", message=which_total_question(reading.candidates))
        q = reading.total or q
        if reading.total is None and not q.choice and q.kind == "number" and tax_statement(text) == "HT":
            q = replace(q, value=q.value * (1 + VAT_RATE), excl_tax=True)  # « 300 000, c'est du HT »
    if q.choice:  # « 60 ou 80 000 », « entre 200 et 250k »: the user chooses, nothing is reduced silently
        pair = tuple(p for p in quantities if p.choice)[:2]
        if len(pair) == 2:
            said = " ou ".join(fmt.number(p.value) for p in pair)
            return ParseResult(None, "choice", choice=pair, message=None if kind == "budget" else
                               f"Il me faut un seul chiffre ({said} ?) : indiquez {EXPECTED[kind]}.")
    problem = out_of_range(FIELD_OF_KIND[kind], q.value)
    if problem == "negative":
        return ParseResult(None, "negative", message=f"{NAMES[kind]} ne peut pas être négatif : indiquez {EXPECTED[kind]}.")
    if problem == "zero":
        return ParseResult(None, "zero", message=f"{NAMES[kind]} ne peut pas être nul : indiquez {EXPECTED[kind]}.")
    if problem:
        return ParseResult(None, "absurd", message=f"{fmt.number(q.value)} me semble hors de portée : vérifiez "
                                                    f"le chiffre et indiquez {EXPECTED[kind]}.")
    return ParseResult(q.value, "ok", excl_tax=q.excl_tax, quantity=q)


def parse_budget(text: str) -> ParseResult:
    return _parse_answer(text, "budget")


def parse_population(text: str) -> ParseResult:
    return _parse_answer(text, "population")


def parse_departement_count(text: str) -> ParseResult:
    return _parse_answer(text, "departements")


# --- several amounts in one message: the total and its parts ------------------------------------
# « budget autour de 800k … dans les 800k y a ~200k de salaires internes » is a total of 800 000 €
# with a part of 200 000 € of personnel, not a budget of 200 000 €. Words are folded (no accents).
_PART_WORDS = {
    "personnel": r"masse salariale|salaires?|salariale|personnels?|rh|t2|ressources humaines|agents? internes?|internes",
    "materiel": r"materiels?|equipements?|achats? de materiel|hardware",
    "maintenance": r"maintenance|tma",
}
assert set(_PART_WORDS) | {"autre"} == set(PART_KINDS), "the parts read are the parts a profile may hold"
_KIND_WORD = "|".join(f"(?P<{kind}>{words})" for kind, words in _PART_WORDS.items())
# Before the amount, since the previous one: « dont », « y compris », « dans les 800k y a ».
_PART_BEFORE = re.compile(r"(?:\bdont|\by compris|\binclus|\bincluant|\bcomprenant|\by a|\bpart(?: des?| du)?"
                          rf"(?:\s+(?:{_KIND_WORD}))?(?:\s*(?::|=|de|d'|est de|c'est|fait|represente))?)\W*$")
_KIND_BEFORE = re.compile(rf"\b(?:{_KIND_WORD})\b\s*(?::|=|de|d'|est de|c'est|font|represente(?:nt)?)?\W*$")
# After the amount, up to the next one: « de salaires », « c juste la part salaires ».
_KIND_AFTER = re.compile(rf"^\W*(?:(?:de|d'|en|pour(?: les?| la)?|c'?est(?: juste)?|c|juste|la|les|part|des?)\s*)*"
                         rf"\b(?:{_KIND_WORD})\b")
_EXCLUDING = re.compile(r"^\W*(?:hors|sans|non compris|pas compris)\b")
# Close before the amount, in the same clause: « budget autour de 800k », « le projet coûte 900 k€ ».
_TOTAL_BEFORE = re.compile(r"\b(?:total|totale|global|globale|budget|cout|couts|coute|montant|enveloppe|projet)\b"
                           r"[^.;!?,]{0,25}$")
_TOTAL_AFTER = re.compile(r"^\W*(?:au total|en tout|tout compris|au global|en global|total|ttc)\b")
# The result of a computation the user makes: « 500 tablettes à 400 € pièce donc 200k », « soit 60 000 € ».
_RESULT_BEFORE = re.compile(r"\b(?:donc|soit|ca fait|ce qui fait|cela fait|ca nous fait|ce qui nous fait|au total|"
                            r"en tout|total)\s*(?:de\s+|d')?(?:~|env\.?|environ|a peu pres)?\s*$")


def _said_as_total(before: str, after: str) -> bool:
    return bool(_TOTAL_BEFORE.search(before) or _RESULT_BEFORE.search(before) or _TOTAL_AFTER.match(after))
# An amount said to be the old one: « le 450 c'était avec la maintenance », « pas 450 000 € ».
_PREVIOUS_AFTER = re.compile(r"^\W*(?:c'?etait|etait|avant|auparavant|initialement)\b")
_PREVIOUS_BEFORE = re.compile(r"\b(?:pas|(?<!\bau )plus|non pas|au lieu de|ancien|avant)\s*(?:les?|de)?\s*~?$")
# The grant asked is not the cost of the project: « on demande 150k de subvention ».
_GRANT_AFTER = re.compile(r"^\W*(?:de |d')?(?:subventions?|aides?|financement demande)\b")
_GRANT_BEFORE = re.compile(r"\b(?:subventions?|aides?|demandons|demande|sollicitons|sollicite)\b[^.;!?]{0,20}$")


@dataclass(frozen=True)
class BudgetPart:
    kind: str  # personnel | materiel | maintenance | autre
    quantity: Quantity

    @property
    def value(self) -> float:
        return self.quantity.value


# The basis of a budget said apart from its figure: « le 1,2M c'est HT », « c'est HT en fait ».
_SAYS_HT = re.compile(r"\b(?:ht|h\.t\.?|hors tax(?:es?)?|hors tva|sans (?:la )?tva)(?![\w.])")
_SAYS_TTC = re.compile(r"\b(?:ttc|t\.t\.c\.?|toutes taxes comprises|tva comprise|avec (?:la )?tva)(?![\w.])")


def tax_statement(text: str) -> Optional[str]:
    """"HT" or "TTC" when the message says which (and not both), else None."""
    folded = _fold(text or "").text
    ht, ttc = bool(_SAYS_HT.search(folded)), bool(_SAYS_TTC.search(folded))
    return "HT" if ht and not ttc else "TTC" if ttc and not ht else None


@dataclass(frozen=True)
class BudgetReading:
    """What the amounts of one message say about the budget: its total, the parts of it that are
    named (« dont 200 000 € de salaires »), and, when it cannot tell which amount is the total, the
    candidates to ask the user about (one per distinct value)."""
    total: Optional[Quantity]
    parts: Tuple[BudgetPart, ...] = ()
    candidates: Tuple[Quantity, ...] = ()
    # A range or an alternative given for the total (« entre 200 et 250k HT »): its two ends.
    choice: Tuple[Quantity, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.total is None and len(self.candidates) > 1

    def parts_by_kind(self) -> dict:
        """{kind: euros TTC}, the parts of one kind added up."""
        totals: dict = {}
        for part in self.parts:
            totals[part.kind] = totals.get(part.kind, 0.0) + part.value
        return totals


def _kind_of(match: re.Match[str]) -> str:
    return next((kind for kind in _PART_WORDS if match.group(kind)), "autre")


def _role(before: str, after: str) -> Tuple[str, Optional[str]]:
    """The role of an amount from the words around it: ("part", kind), ("total", None),
    ("previous", None), ("grant", None) or ("plain", None)."""
    bound = re.search(r"\b(?:(?:plus|moins) d(?:e|')|depasser\w*\s+pas(?: les?)?)\s*$", before)  # « pas plus de 300 000 € » is a bound
    if _PREVIOUS_AFTER.match(after) or (_PREVIOUS_BEFORE.search(before) and not bound):
        return "previous", None
    if _GRANT_AFTER.match(after) or _GRANT_BEFORE.search(before):
        return "grant", None
    kind_after = None if _EXCLUDING.match(after) else _KIND_AFTER.match(after)
    part_before = _PART_BEFORE.search(before)
    kind_before = _KIND_BEFORE.search(before)
    said_total = _said_as_total(before, after)
    if part_before or kind_after or (kind_before and not said_total):  # « projet de TMA : 300k » is a total
        for found in (kind_after, part_before, kind_before):
            if found and _kind_of(found) != "autre":
                return "part", _kind_of(found)
        return "part", "autre"
    if said_total:
        return "total", None
    return "plain", None


def read_budget(text: str) -> BudgetReading:
    """The total and the parts among the amounts of euros of a message.

    The total is the amount said to be one (« budget total », « au total »), else the one amount not
    described as a part; the same figure said twice counts once. Parts are the amounts introduced by
    « dont », « y compris », « la part » or followed by what they pay (« de salaires », « de
    maintenance »). Old figures (« le 450 c'était… ») and grants asked (« 150k de subvention ») are
    neither. Two different amounts that could both be the total leave it unknown, with candidates."""
    return _budget_reading((text or "")[:get_settings().max_message])


@functools.lru_cache(maxsize=64)  # read two or three times per turn, like the quantities above
def _budget_reading(text: str) -> BudgetReading:
    found = [q for q in extract_quantities(text) if not q.negative and q.owned]
    if not any(q.kind == "budget" for q in found):
        return BudgetReading(None)
    choice = [q for q in found if q.choice and (q.kind == "budget" or (q.kind == "number" and q.value >= 1000))][:2]
    found = [q for q in found if not q.choice]
    # Next to an amount in euros, a bare figure of thousands is euros too (« dont 120 000 pour la TMA »).
    money = [q for q in found if q.kind == "budget" or (q.kind == "number" and q.value >= 1000)]
    roles = [_role(before, after) for before, after in _surroundings(text, money)]
    summed = _sum(text, money, roles)
    if summed is not None:
        return summed
    totals = [q for q, (role, _) in zip(money, roles) if role == "total"]
    plain = [q for q, (role, _) in zip(money, roles) if role == "plain"]
    parts = [BudgetPart(kind, q) for q, (role, kind) in zip(money, roles) if role == "part"]
    part_values = {p.value for p in parts}
    chosen = _distinct(totals) or _distinct([q for q in plain if q.value not in part_values])
    if len(choice) == 2 and not totals:
        return BudgetReading(None, tuple(parts), choice=tuple(choice))
    if len(chosen) > 1:
        return BudgetReading(None, tuple(parts), tuple(chosen))
    total = chosen[0] if chosen else None
    if total is not None and sum(p.value for p in parts) >= total.value:
        # « 200k de salaires … 150k » : the parts cannot be the total's; ask.
        return BudgetReading(None, (), tuple(_distinct([total] + [p.quantity for p in parts])))
    if total is not None and total.tax is None and tax_statement(text) == "HT" \
            and not any(q.excl_tax for q in found):  # « le 1,2M c'est HT en fait »
        total = replace(total, value=total.value * (1 + VAT_RATE), excl_tax=True)
    return BudgetReading(total, tuple(parts))


def _surroundings(text: str, money: List[Quantity]) -> List[Tuple[str, str]]:
    """The words between each amount and its neighbours (folded; spans are in the message as typed),
    the tax said right after it left out, the words after cut at the end of the sentence."""
    found = []
    for i, q in enumerate(money):
        before = fold(text[money[i - 1].end if i else max(0, q.start - 60):q.start]).text
        after = fold(text[q.end:money[i + 1].start if i + 1 < len(money) else q.end + 60]).text
        after = re.sub(r"^\s*(?:ht|h\.t\.?|hors\s+taxes?|ttc|t\.t\.c\.?)\b", "", after)
        found.append((before, re.split(r"[.;!?\n]", after)[0]))
    return found


def total_figure(text: str) -> Optional[Quantity]:
    """The one figure of money or without unit a message says is a total or a result (« la cc met 5000
    donc 30 000 en tout »), when it says so of one only."""
    figures = [q for q in extract_quantities(text) if q.kind in ("budget", "number") and q.owned
               and not q.negative and not q.choice]
    totals = [q for q, (before, after) in zip(figures, _surroundings(text, figures)) if _said_as_total(before, after)]
    return totals[0] if len(totals) == 1 else None


# Amounts the user adds up: « 100k de presta + 50k de licences », « 50k + 30k », « 100k presta, 50k
# licences ». Between two of them: a « + » or « plus » (not « au plus », « plus de »), or a comma or « et »
# after a word saying what the first pays for.
_SUM_BETWEEN = re.compile(r"[^.;!?\d]{0,30}?(?:\+|(?<!\bau )(?<!\bou )\bplus\b(?!\s*(?:de\b|d'|que\b)))\s*")
_LISTED_BETWEEN = re.compile(r"\s*(?:ht|ttc)?\s*(?:de |d'|en |pour (?:les? |la |l')?)?[a-z][a-z' -]{1,25}?\s*(?:,|\bet\b)\s*")
# … or each after the word: « prestation 100k et licences 50k ».
_LISTED_AFTER_WORD = re.compile(r"\s*(?:ht|ttc)?\s*(?:,|\bet\b)\s*[a-z][a-z' -]{1,25}?\s*:?\s*")
_NAMED_BEFORE = re.compile(r"[a-z]{3,}\s*:?\s*$")
_NAMED_AFTER = re.compile(r"\s*(?:ht|ttc)?\s*(?:de |d'|en |pour (?:les? |la |l')?)?[a-z]{3,}")
# Words that make one amount the total or the others its parts: then nothing is added up.
_NOT_A_SUM = re.compile(r"\b(?:dont|y compris|inclus|incluant|comprenant|total|totale|en tout|au global|"
                        r"tout compris)\b")


def _sum(text: str, money: List[Quantity], roles) -> Optional[BudgetReading]:
    if len(money) < 2 or any(role in ("total", "grant") for role, _ in roles):
        return None
    if any(q.qualifier or q.excl_tax != money[0].excl_tax for q in money):
        return None  # a bound, an approximation or bases mixed: not added up silently
    folded = fold(text).text
    if _NOT_A_SUM.search(folded):
        return None
    betweens = [fold(text[a.end:b.start]).text for a, b in zip(money, money[1:])]
    plus = [bool(_SUM_BETWEEN.fullmatch(between)) for between in betweens]
    listed = [bool(_LISTED_BETWEEN.fullmatch(between)) for between in betweens]
    named_last = bool(_NAMED_AFTER.match(fold(text[money[-1].end:money[-1].end + 30]).text))
    if not named_last and _NAMED_BEFORE.search(fold(text[max(0, money[0].start - 30):money[0].start]).text):
        listed = [bool(_LISTED_AFTER_WORD.fullmatch(between)) for between in betweens]
        named_last = True
    if not all(added or (named and named_last) for added, named in zip(plus, listed)):
        return None
    value = sum(q.value for q in money)
    total = replace(money[0], value=value, end=money[-1].end, text=text[money[0].start:money[-1].end],
                    qualifier="sum", incl_tax=all(q.incl_tax for q in money))
    parts = tuple(BudgetPart(kind if role == "part" else "autre", q) for q, (role, kind) in zip(money, roles))
    return BudgetReading(total, parts)


def _distinct(quantities: List[Quantity]) -> List[Quantity]:
    """The quantities with distinct values, in order of first mention."""
    seen, kept = set(), []
    for q in quantities:
        if q.value not in seen:
            seen.add(q.value)
            kept.append(q)
    return kept


def which_total_question(candidates: Sequence[Quantity]) -> str:
    amounts = " et ".join(fmt.euros(q.value) for q in candidates)
    return f"Votre message contient plusieurs montants ({amounts}) : lequel est le coût total du projet ?"


# --- settling a range or an alternative ----------------------------------------------------------
# « le haut de la fourchette », « le plus bas », « entre les deux », « la moyenne » (folded words).
_CHOICE_ENDS = (
    ("middle", re.compile(r"\b(?:entre les deux|au milieu|le milieu|moyenne|la moitie|median|mi-chemin|"
                          r"coupons la poire en deux|coupez la poire en deux)\b")),
    ("high", re.compile(r"\b(?:(?:le |la )?(?:haut|fourchette haute|borne haute|plus haut|plus eleve|max(?:i(?:mum)?)?)|"
                        r"le (?:plus )?gros|le deuxieme|le second|la deuxieme|la seconde|le plus cher)\b")),
    ("low", re.compile(r"\b(?:(?:le |la )?(?:bas|fourchette basse|borne basse|plus bas|plus faible|min(?:i(?:mum)?)?)|"
                       r"le (?:plus )?petit|le premier|la premiere|le moins cher)\b")),
)


def choice_end(text: str) -> Optional[str]:
    """Which end of a range or alternative a message chooses: "low", "high", "middle" or None."""
    folded = _fold(text or "").text
    return next((end for end, pattern in _CHOICE_ENDS if pattern.search(folded)), None)
