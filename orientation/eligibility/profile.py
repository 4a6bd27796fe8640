"""The applicant's profile as the engine sees it: every field may be missing."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, Optional, Tuple

# The limits of the figures are the language's: the parser of amounts refuses the same ones.
from orientation.language.amounts import VAT_RATE
from orientation.language.limits import PART_KINDS, out_of_range
from orientation.settings import get_settings

from .vocabulary import APPLICANT_TYPES, THEMES


class ProfileError(ValueError):
    """A profile value is unusable; the message is French and says what is expected."""


def reference_date(value: Optional[str] = None) -> dt.date:
    """The date the calendar is read at: value, else ORIENTATION_DATE, else today."""
    if not value:
        return get_settings().date or dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ProfileError(f"Date invalide « {value} » : attendu AAAA-MM-JJ, par exemple 2021-10-15.") from None


def _checked(value: Optional[float], field: str, what: str) -> Optional[float]:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ProfileError(f"{what} doit être un nombre (reçu « {value} »).") from None
    if math.isnan(number) or math.isinf(number):
        raise ProfileError(f"{what} doit être un nombre (reçu « {value} »).")
    problem = out_of_range(field, number)
    if problem in ("negative", "zero"):
        raise ProfileError(f"{what} doit être un nombre positif (reçu {value}).")
    if problem == "too_large":
        raise ProfileError(f"{what} : le chiffre {value} semble trop élevé, vérifiez le nombre de zéros.")
    if problem == "too_small":
        raise ProfileError(f"{what} : le chiffre {value} semble trop faible, vérifiez-le.")
    if problem == "not_whole":
        raise ProfileError(f"{what} doit être un nombre entier (reçu {value}).")
    return number


@dataclass(frozen=True)
class Profile:
    applicant_type: Optional[str] = None
    population: Optional[float] = None
    departement_count: Optional[float] = None
    budget: Optional[float] = None
    nature: Optional[str] = None
    date: dt.date = field(default_factory=reference_date)
    # Parts of the budget the user named, as ((kind, euros TTC), …) (« dont 200 000 € de
    # salaires »): a call whose rate is « hors personnel » applies it to the rest.
    budget_parts: Tuple[Tuple[str, float], ...] = ()
    # The budget as the user gave it (« 400 000 € HT »): the figure and "HT", "TTC" or None when
    # unsaid. `budget` stays TTC; a call whose source names no basis computes on this figure.
    budget_given: Optional[float] = None
    budget_given_tax: Optional[str] = None

    def __post_init__(self) -> None:
        if self.applicant_type is not None and self.applicant_type not in APPLICANT_TYPES:
            raise ProfileError(
                f"Type de porteur inconnu « {self.applicant_type} ». Valeurs possibles : "
                + ", ".join(APPLICANT_TYPES) + "."
            )
        if self.nature is not None and self.nature not in THEMES:
            raise ProfileError(
                f"Thème de projet inconnu « {self.nature} ». Valeurs possibles : " + ", ".join(THEMES) + "."
            )
        object.__setattr__(self, "budget", _checked(self.budget, "budget", "Le budget"))
        object.__setattr__(self, "population", _checked(self.population, "population", "La population"))
        count = _checked(self.departement_count, "departement_count", "Le nombre de départements")
        object.__setattr__(self, "departement_count", count)
        object.__setattr__(self, "budget_parts", _checked_parts(self.budget_parts))
        object.__setattr__(self, "budget_given", _checked(self.budget_given, "budget", "Le budget donné"))
        if self.budget_given_tax not in (None, "HT", "TTC"):
            raise ProfileError(f"Base du budget inconnue « {self.budget_given_tax} » : HT ou TTC.")

    def as_given(self) -> Tuple[Optional[float], Optional[str]]:
        """The budget as the user gave it, and its basis; without one, the budget, TTC (contract §4)."""
        if self.budget_given is not None:
            return self.budget_given, self.budget_given_tax
        return self.budget, ("TTC" if self.budget is not None else None)

    def parts(self) -> Dict[str, float]:
        return dict(self.budget_parts)

    def to_dict(self) -> Dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        parts = data.pop("budget_parts")
        if parts:  # absent when none, so the JSON of contract §2 is unchanged
            data["budget_parts"] = dict(parts)
        for name in ("budget_given", "budget_given_tax"):
            if data[name] is None:
                del data[name]
        return data


def _checked_parts(parts: Any) -> Tuple[Tuple[str, float], ...]:
    """((kind, euros), …) from a mapping or pairs; an unknown kind or a bad figure is refused."""
    items = parts.items() if isinstance(parts, dict) else (parts or ())
    checked = []
    for kind, value in items:
        if kind not in PART_KINDS:
            raise ProfileError(f"Part de budget inconnue « {kind} ». Valeurs possibles : {', '.join(PART_KINDS)}.")
        checked.append((kind, _checked(value, "budget", "Une part du budget")))
    return tuple(sorted(checked))


def given_matches(slot: Any, budget: Optional[float]) -> bool:
    """The slot budget_given ({"amount", "tax"}) is the budget's figure as given: a budget changed by
    another path (a hypothesis adopted) leaves it stale, and then it is not read."""
    if not isinstance(slot, dict) or budget is None or slot.get("amount") is None:
        return False
    factor = 1 + VAT_RATE if slot.get("tax") == "HT" else 1
    return abs(float(slot["amount"]) * factor - float(budget)) < 1


def profile_from_slots(slots: Dict[str, Any], date: Optional[dt.date] = None) -> Profile:
    """The engine's profile from the dialogue's slots (contract §4: `project_nature` is the theme),
    as the bot holds them or as a booking stored them; a value the engine refuses is left out rather
    than breaking the answer."""
    date = date or reference_date()
    fields = {"applicant_type": slots.get("applicant_type"), "population": slots.get("population"),
              "departement_count": slots.get("departement_count"), "budget": slots.get("budget"),
              "nature": slots.get("project_nature"), "budget_parts": slots.get("budget_parts") or {}}
    given = slots.get("budget_given")
    if given_matches(given, slots.get("budget")):  # FEDER-NUM computes on the budget as given
        fields.update(budget_given=given["amount"], budget_given_tax=given.get("tax"))
    try:
        return Profile(date=date, **fields)
    except ProfileError:
        kept = {}
        for name, value in fields.items():
            try:
                Profile(date=date, **{name: value})
                kept[name] = value
            except ProfileError:
                pass
        return Profile(date=date, **kept)
