"""How much a call can bring: the cofinancing rate times the budget, within the caps."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

from orientation.language import french as fmt

from .sizes import above_maximum, expected_size


@dataclass(frozen=True)
class FundingEstimate:
    rate: float
    amount: Optional[float]  # None when the budget is unknown
    explanation: str         # "75 % de 400 000 €, soit jusqu'à 300 000 €"
    capped: bool = False
    basis: str = ""          # the budget the rate was applied to, when the call computes on it as given


def on_budget_as_given(funding: Dict[str, Any], budget: Optional[float],
                       given: Tuple[Optional[float], Optional[str]] = (None, None)) -> Tuple[Optional[float], str]:
    """« Taux maximal d'intervention UE : 60% » (seed 004) names no basis, HT or TTC: the rate applies
    to the budget as the user gave it (`on_budget_as_given` in the call's funding), and the words say
    which. Other calls compute on the budget TTC. Returns (the budget to apply the rate to, its words)."""
    amount, tax = given
    if not funding.get("on_budget_as_given") or budget is None or amount is None:
        return budget, ""
    words = {"HT": f"{fmt.euros(amount)} HT", "TTC": f"{fmt.euros(amount)} TTC"}.get(
        tax or "", f"{fmt.euros(amount)} (sans précision HT ou TTC)")
    return amount, words


# The budget parts a user may name, as the reply says them (« 200 000 € de personnel »).
PART_WORDS = {"personnel": "de personnel", "materiel": "de matériel", "maintenance": "de maintenance",
              "autre": "d'autres dépenses"}


def eligible_base(funding: Dict[str, Any], budget: float,
                  parts: Optional[Mapping[str, float]] = None) -> Tuple[float, List[Tuple[str, float]]]:
    """The base the rate applies to: the budget minus the parts the call leaves out of it
    (`base_excludes_kinds`: « hors personnel »), and those parts. Parts that do not fit in the
    budget are not the budget's: the budget is kept whole."""
    kinds = funding.get("base_excludes_kinds") or []
    taken = [(kind, float(value)) for kind, value in (parts or {}).items() if kind in kinds and value]
    base = budget - sum(value for _, value in taken)
    if not taken or base <= 0:
        return budget, []
    return base, taken


def _cap_words(funding: Dict[str, Any]) -> Tuple[str, str]:
    """« 3 000 000 € par dossier » and, for a call with a second cap over successive dossiers,
    « ; 8 000 000 € au total par projet… »: both caps are always said together."""
    cap = funding.get("cap_eur")
    if cap is None:
        return "", ""
    scope = f" {funding['cap_scope']}" if funding.get("cap_scope") else ""
    total = funding.get("total_cap_eur")
    second = (f" ; {fmt.euros(total)}{' ' + funding['total_cap_scope'] if funding.get('total_cap_scope') else ''}"
              if total else "")
    return f"{fmt.euros(cap)}{scope}", second


def estimate(funding: Dict[str, Any], budget: Optional[float],
             parts: Optional[Mapping[str, float]] = None,
             given: Tuple[Optional[float], Optional[str]] = (None, None),
             size: Optional[Dict[str, Any]] = None) -> FundingEstimate:
    """The money for a budget. When the eligible base is above the expected size (`size`, the
    session's project_size) of a call whose source speaks of no phases, no amount: the rate times a
    budget the call does not expect is a figure no source supports (SNAP5 takes 30 000 € to
    300 000 €, never « jusqu'à 900 000 € »)."""
    rate, cap = funding["rate"], funding.get("cap_eur")
    budget, basis = on_budget_as_given(funding, budget, given)
    cap_words, second_cap = _cap_words(funding)
    cap_text = f" (plafond {cap_words}{second_cap})" if cap else ""
    ceiling = "jusqu'à " if funding.get("rate_is_maximum") else ""
    if budget is None:
        return FundingEstimate(rate, None, f"cofinancement {ceiling}{fmt.percent(rate)} du coût du projet{cap_text}")
    base, taken = eligible_base(funding, budget, parts)
    if size and not size.get("phases") and above_maximum(size, base):
        return FundingEstimate(rate, None, f"{fmt.percent(rate)} du coût du projet ; votre budget de "
                               f"{fmt.euros(base)} dépasse la taille attendue ({expected_size(size)}) : "
                               "montant à confirmer avec le porteur de l'appel")
    of = fmt.euros(base) + (" HT" if basis.endswith(" HT") else "")  # the note names the base in full
    if taken:  # « 50 % de 600 000 € (800 000 € moins 200 000 € de personnel) »
        of += (f" ({fmt.euros(budget)} moins "
               + " et ".join(f"{fmt.euros(value)} {PART_WORDS[kind]}" for kind, value in taken) + ")")
    raw = rate * base
    if cap is not None and raw > cap:
        return FundingEstimate(rate, float(cap), f"{fmt.percent(rate)} de {of}, soit "
                               f"{fmt.euros(raw)}, plafonné à {cap_words}{second_cap}", capped=True, basis=basis)
    return FundingEstimate(rate, round(raw, 2), f"{fmt.percent(rate)} de {of}, "
                           f"soit jusqu'à {fmt.euros(raw)}{cap_text}", basis=basis)


def funding_conditions(funding: Dict[str, Any], basis: str = "") -> List[str]:
    """What the rate leaves out, said as conditions ("hors dépenses de personnel"), and what the
    source leaves open about the amounts, with the base used (`basis`, from the estimate)."""
    excluded = funding.get("base_excludes") or []
    note = funding.get("basis_note")
    said = [note + (f" Base retenue : {basis}." if basis else "")] if note else []
    if not excluded:
        return said
    return ["Taux appliqué hors " + ", ".join(excluded[:-1]) + (" et " if len(excluded) > 1 else "")
            + excluded[-1] + "."] + said


def caps_text(funding: Dict[str, Any]) -> Optional[str]:
    """The call's caps as the replies say them (« 3 000 000 € par dossier ; 8 000 000 € au total… »),
    None for a call without a cap."""
    cap_words, second_cap = _cap_words(funding)
    return f"{cap_words}{second_cap}" if cap_words else None
