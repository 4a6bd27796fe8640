"""The applicant's profile as the engine sees it: every field may be missing."""
from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, Optional

from .vocabulary import APPLICANT_TYPES, THEMES

# Above this a budget or population is taken for a typing mistake, not a project.
MAX_BUDGET_EUR = 1e10
MAX_POPULATION = 1e9
MAX_DEPARTEMENTS = 101  # France has 101 départements


class ProfileError(ValueError):
    """A profile value is unusable; the message is French and says what is expected."""


def reference_date(value: Optional[str] = None) -> dt.date:
    """The date the calendar is read at: value, else ORIENTATION_DATE, else today."""
    text = value or os.environ.get("ORIENTATION_DATE")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ProfileError(f"Date invalide « {text} » : attendu AAAA-MM-JJ, par exemple 2021-10-15.") from None


def _positive(value: Optional[float], what: str, maximum: float) -> Optional[float]:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ProfileError(f"{what} doit être un nombre (reçu « {value} »).") from None
    if math.isnan(number) or math.isinf(number):
        raise ProfileError(f"{what} doit être un nombre (reçu « {value} »).")
    if number <= 0:
        raise ProfileError(f"{what} doit être un nombre positif (reçu {value}).")
    if number > maximum:
        raise ProfileError(f"{what} semble trop élevé ({value}) : vérifiez le nombre de zéros.")
    return number


@dataclass(frozen=True)
class Profile:
    applicant_type: Optional[str] = None
    population: Optional[float] = None
    departement_count: Optional[float] = None
    budget: Optional[float] = None
    nature: Optional[str] = None
    date: dt.date = field(default_factory=reference_date)

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
        object.__setattr__(self, "budget", _positive(self.budget, "Le budget", MAX_BUDGET_EUR))
        object.__setattr__(self, "population", _positive(self.population, "La population", MAX_POPULATION))
        count = _positive(self.departement_count, "Le nombre de départements", MAX_DEPARTEMENTS)
        object.__setattr__(self, "departement_count", count)

    def to_dict(self) -> Dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        return data
