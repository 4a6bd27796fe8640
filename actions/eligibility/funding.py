"""How much a call can bring: the cofinancing rate times the budget, within the caps."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from . import formatting as fmt


@dataclass(frozen=True)
class FundingEstimate:
    rate: float
    amount: Optional[float]  # None when the budget is unknown
    explanation: str         # "75 % de 400 000 €, soit jusqu'à 300 000 €"
    capped: bool = False


def estimate(funding: Dict[str, Any], budget: Optional[float]) -> FundingEstimate:
    rate, cap = funding["rate"], funding.get("cap_eur")
    cap_text = f" (plafond {fmt.euros(cap)}{' ' + funding['cap_scope'] if funding.get('cap_scope') else ''})" if cap else ""
    ceiling = "jusqu'à " if funding.get("rate_is_maximum") else ""
    if budget is None:
        return FundingEstimate(rate, None, f"cofinancement {ceiling}{fmt.percent(rate)} du coût du projet{cap_text}")
    raw = rate * budget
    if cap is not None and raw > cap:
        return FundingEstimate(rate, float(cap), f"{fmt.percent(rate)} de {fmt.euros(budget)}, soit "
                               f"{fmt.euros(raw)}, plafonné à {fmt.euros(cap)}"
                               f"{' ' + funding['cap_scope'] if funding.get('cap_scope') else ''}", capped=True)
    return FundingEstimate(rate, round(raw, 2), f"{fmt.percent(rate)} de {fmt.euros(budget)}, "
                           f"soit jusqu'à {fmt.euros(raw)}{cap_text}")


def funding_conditions(funding: Dict[str, Any]) -> List[str]:
    """What the rate leaves out, said as conditions ("hors dépenses de personnel")."""
    excluded = funding.get("base_excludes") or []
    if not excluded:
        return []
    return ["Taux appliqué hors " + ", ".join(excluded[:-1]) + (" et " if len(excluded) > 1 else "")
            + excluded[-1] + "."]
