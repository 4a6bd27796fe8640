"""A call's expected project size, its bounds as the sources write them (a strict « < 100.000 € TTC »
or « plus de 250 k€ » excludes the bound itself): read by the rules (the verdict) and by funding.py
(no amount for a budget above a size the call does not expect)."""
from __future__ import annotations

from typing import Any, Dict, Optional

from orientation.language import french as fmt


def expected_size(block: Dict[str, Any], minimum: Optional[float] = None) -> str:
    """« de 100 000 € à 1 000 000 € TTC », « plus de 250 000 € TTC », « moins de 100 000 € TTC »:
    a strict bound is said as the source writes it."""
    minimum = minimum if minimum is not None else block.get("min_eur")
    maximum = block.get("max_eur")
    upper = f"moins de {fmt.euros(maximum)}" if block.get("max_exclusive") else fmt.euros(maximum) if maximum else ""
    if minimum and maximum:
        return f"de {fmt.euros(minimum)} à {upper} TTC"
    if minimum:
        return f"{'plus de' if block.get('min_exclusive') else 'au moins'} {fmt.euros(minimum)} TTC"
    return f"{upper} TTC" if block.get("max_exclusive") else f"jusqu'à {upper} TTC"


def below_minimum(block: Dict[str, Any], budget: float, minimum: Optional[float]) -> bool:
    """« Plus de 250 k€ » excludes 250 000 €; « de 100 000 à … » admits it."""
    if not minimum:
        return False
    return budget <= minimum if block.get("min_exclusive") else budget < minimum


def above_maximum(block: Dict[str, Any], budget: float) -> bool:
    """« < 100.000 € TTC » excludes 100 000 €; « … à 1 000 000 € TTC » admits it."""
    maximum = block.get("max_eur")
    if not maximum:
        return False
    return budget >= maximum if block.get("max_exclusive") else budget > maximum
