"""The budget said back while it is being settled: a range or an alternative to choose from, an
amount to confirm before it is used, a tax said after the fact, a bound taken as the value.

`pending` is the slot budget_pending (actions/budget_reading.py): {"kind": "range" | "alternative" |
"confirm", "values": [euros TTC…], "tax": "HT" | "TTC" | None}. Amounts are shown as the user gave
them (HT when given HT), and the payloads carry the TTC value of the slot `budget`.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from orientation.language import french as fmt
from orientation.language.amounts import NOT_EUROS, VAT_RATE
from orientation.replies.message import Message


def as_given(value: float, tax: Optional[str]) -> float:
    return round(value / (1 + VAT_RATE), 2) if tax == "HT" else value


def said(value: float, tax: Optional[str]) -> str:
    """« 200 000 € HT » for an amount given HT, « 60 000 € » otherwise (TTC by the question's terms)."""
    return f"{fmt.euros(as_given(value, tax))}{' HT' if tax == 'HT' else ''}"


def _button(title: str, value: float) -> Dict[str, Any]:
    return {"title": title, "payload": f'/inform{{"budget": {round(value, 2)}}}'}


def _kept(kept: Optional[float]) -> str:
    return (f" En attendant, je garde {fmt.euros(kept)} TTC." if kept is not None
            else " En attendant, je ne retiens aucun budget.")


def choice_message(pending: Dict[str, Any], kept: Optional[float] = None) -> Message:
    """« Vous indiquez une fourchette de … à … : quel montant dois-je retenir ? », with a button for
    each end and one for the middle."""
    low, high = pending["values"]
    tax = pending.get("tax")
    middle = (low + high) / 2
    ttc = f" (soit {fmt.euros(low)} à {fmt.euros(high)} TTC)" if tax == "HT" else ""
    if pending["kind"] == "range":
        text = f"Vous indiquez une fourchette, de {said(low, tax)} à {said(high, tax)}{ttc}"
    else:
        text = f"Vous hésitez entre {said(low, tax)} et {said(high, tax)}{ttc}"
    text += " : quel montant dois-je retenir comme coût total du projet ?" + _kept(kept)
    return {"text": text, "buttons": [_button(said(low, tax), low), _button(said(high, tax), high),
                                      _button(f"Entre les deux : {said(middle, tax)}", middle)]}


def confirm_message(pending: Dict[str, Any], kept: Optional[float] = None) -> Message:
    """An amount under 1 000 € or over 100 M€ is confirmed before it is used: yes, or the same
    figure a thousand times larger (a « k » forgotten) or smaller (three zeros too many)."""
    (value,) = pending["values"]
    tax = pending.get("tax")
    small = value < 1000
    other = value * 1000 if small else value / 1000
    why = "c'est peu pour un projet numérique" if small else "c'est un montant très élevé"
    text = (f"Vous indiquez un budget de {said(value, tax)} : {why}. Est-ce bien le coût total du projet ?"
            + _kept(kept))
    return {"text": text, "buttons": [_button(f"Oui, {said(value, tax)}", value),
                                      _button(f"Non, {said(other, tax)}", other)]}


def pending_message(pending: Dict[str, Any], kept: Optional[float] = None) -> Message:
    return confirm_message(pending, kept) if pending["kind"] == "confirm" else choice_message(pending, kept)


def settled_note(value: float, tax: Optional[str]) -> str:
    ttc = f", soit {fmt.euros(value)} TTC" if tax == "HT" else " TTC"
    return f"C'est noté : le coût total du projet est de {said(value, tax)}{ttc}."


# How a budget computed or bounded from the user's words is said back, by the amount's qualifier.
BOUND_NOTES = {
    "sum": ", le total des montants indiqués (« {words} ») : dites-moi si le coût total du projet est un autre.",
    "per_year": " pour toute la durée du projet (« {words} ») : dites-moi si le coût total est un autre.",
    "max": ", le maximum que vous indiquez : dites-moi si le coût prévu est plus bas.",
    "min": ", le minimum que vous indiquez : dites-moi si le coût prévu est plus élevé.",
}


def bound_note(value: float, qualifier: Optional[str], words: str = "") -> List[str]:
    """A bound taken as the budget is said: « max 500k » is read as 500 000 €, the most it would cost;
    so is a budget computed from the figures said (`words`, the user's words): a sum, a yearly amount."""
    note = BOUND_NOTES.get(qualifier or "")
    if note is None:
        return []
    return [f"J'ai retenu {fmt.euros(value)} TTC{note.format(words=words)}"]


def tax_note(amount: float, tax: str, budget: float, old: Optional[float]) -> str:
    """The budget already stated, said again on its new basis (« c'est HT en fait »)."""
    if tax == "HT":
        text = (f"C'est noté : {fmt.euros(amount)} HT, soit {fmt.euros(budget)} TTC (TVA à "
                f"{fmt.percent(VAT_RATE)})")
    else:
        text = f"C'est noté : {fmt.euros(amount)} TTC"
    if old is not None and old != budget:
        text += f" ; le budget passe {fmt.de(fmt.euros(old))} à {fmt.euros(budget)} TTC"
    return text + "."


def not_euros_note(kept: Optional[float]) -> str:
    """An amount in another currency (« 15 M XPF »): no conversion, the figure in euros is asked."""
    return NOT_EUROS + _kept(kept)


def same_tax_note(amount: float, tax: str, budget: float) -> str:
    ttc = f" ({fmt.euros(budget)} TTC)" if tax == "HT" else ""
    return f"C'est bien ce que j'ai noté : {fmt.euros(amount)} {tax}{ttc}."
