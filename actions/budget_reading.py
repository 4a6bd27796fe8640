"""The budget in context: what a message says about it that its amount alone does not.

- A range or an alternative (« entre 200 et 250k HT », « 60 ou 80 000 ») is never reduced to one
  value: it waits in `budget_pending` and is asked with a button per end and one for the middle;
  a button, « le haut de la fourchette » or « mettez 80 000 » settles it.
- An amount under 1 000 € or over 100 M€ waits in `budget_pending` until a button confirms it.
- `budget_given` keeps the budget as the user gave it (HT or TTC, the figure): « c'est HT en fait »
  converts the budget already stated, and FEDER-NUM computes on the figure as given.
Until settled, the budget keeps its previous value. Called by actions/profile_slots.py (a message
at any moment) and actions/profile_form.py (the answer to the budget question); the wording is
orientation/replies/budget.py.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker import value_before_last_message
from orientation.eligibility.profile import given_matches
from orientation.language import amounts
from orientation.replies import budget as say
from orientation.replies.profile import FIELD_QUESTIONS

PENDING, GIVEN = "budget_pending", "budget_given"
# Outside these bounds an amount is a typing slip more often than a project's cost: it is confirmed.
CONFIRM_BELOW, CONFIRM_ABOVE = 1_000, 100_000_000


def needs_confirmation(value: float) -> bool:
    return value < CONFIRM_BELOW or value > CONFIRM_ABOVE


def given(value: float, quantity: Optional[amounts.Quantity] = None, tax: Optional[str] = None) -> Dict[str, Any]:
    """The slot budget_given for a budget of `value` € TTC: the figure the user typed when the
    quantity read is that budget, else the figure on the basis `tax` (a pending range given HT)."""
    if quantity is not None and abs(quantity.value - value) < 0.01:
        return {"amount": quantity.as_given, "tax": quantity.tax}
    return {"amount": say.as_given(value, tax), "tax": tax}


def _turn(tracker: Tracker) -> int:
    """The number of the user's latest message: what waits is settled by a later one only (the
    same message is validated more than once: the slot mappings, then the form)."""
    return sum(1 for e in tracker.events if e.get("event") == "user")


def _waiting(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The pending budget, when it was set before the latest message."""
    pending = tracker.get_slot(PENDING)
    return pending if isinstance(pending, dict) and pending.get("turn", 0) < _turn(tracker) else None


def _pending_of(tracker: Tracker, quantities) -> Dict[str, Any]:
    low, high = sorted(quantities, key=lambda q: q.value)
    return {"kind": low.choice, "values": [low.value, high.value], "tax": low.tax or high.tax, "turn": _turn(tracker)}


def _to_confirm(tracker: Tracker, value: float, tax: Optional[str]) -> Dict[str, Any]:
    return {"kind": "confirm", "values": [value], "tax": tax, "turn": _turn(tracker)}


def restates_given(tracker: Tracker, value: float) -> bool:
    """The message gives again the figure already given, on the other basis (« 150 000 TTC » after
    « 150 000 HT »): the tax said after the fact, no new budget to confirm."""
    total = amounts.read_budget(tracker.latest_message.get("text") or "").total
    slot = tracker.get_slot(GIVEN)
    if total is None or total.tax is None or abs(total.value - value) >= 0.01 \
            or not given_matches(slot, value_before_last_message(tracker, "budget")):
        return False
    return slot.get("tax") not in (None, total.tax) and abs(float(slot["amount"]) - total.as_given) < 0.01


def held(tracker: Tracker, value: float) -> bool:
    """The budget `value` waits for the user's confirmation before it is used."""
    return needs_confirmation(value) and not _confirmed(_waiting(tracker), value)


def chooses_pending(tracker: Tracker) -> bool:
    """The latest message picks a budget that waits (« 80 000 finalement » after « 60 ou 80 000 »,
    « oui 500 € » to confirm): its figure is that budget, whatever else it could be."""
    text = tracker.latest_message.get("text") or ""
    pending = _waiting(tracker)
    if text.startswith("/") or not pending:
        return False
    if settle(text, pending, _turn(tracker)) is not None:
        return True
    return any(_confirmed(pending, q.value) for q in amounts.extract_quantities(text) if not q.negative)


def _confirmed(pending: Any, value: float) -> bool:
    return isinstance(pending, dict) and pending.get("kind") == "confirm" and \
        any(abs(v - value) < 0.01 for v in pending.get("values", []))


# Words alone (« le premier », « le haut ») choose an end only just after the question: later they
# may be about something else (« le premier appel »).
WORDS_SETTLE_WITHIN = 2


def settle(text: str, pending: Any, turn: int = 0) -> Optional[float]:
    """The budget TTC a message (of user turn `turn`) chooses among a pending range or alternative."""
    if not isinstance(pending, dict) or pending.get("kind") not in ("range", "alternative"):
        return None
    low, high = pending["values"]
    end = amounts.choice_end(text) if turn - pending.get("turn", turn) <= WORDS_SETTLE_WITHIN else None
    if end:
        return {"low": low, "high": high, "middle": (low + high) / 2}[end]
    tax = pending.get("tax")
    for q in amounts.extract_quantities(text):
        if q.kind not in ("budget", "number") or q.negative or not q.owned or q.choice:
            continue
        for value in (low, high, (low + high) / 2):
            figure = say.as_given(value, tax)
            # « mettez 80 000 », « 80k », « le 80 » (thousands left out), the TTC figure too
            if any(abs(figure - candidate) < 0.01 for candidate in (q.value, q.value * 1000)) \
                    or abs(value - q.value) < 0.01:
                return value
    return None


def _ask(dispatcher: CollectingDispatcher, pending: Dict[str, Any], kept: Optional[float]) -> None:
    question = say.pending_message(pending, kept)
    dispatcher.utter_message(text=question["text"], buttons=question["buttons"])


def message_events(dispatcher: CollectingDispatcher, tracker: Tracker, events: Dict[str, Any],
                   notes: List[str]) -> Dict[str, Any]:
    """A message at any moment (not a question, not a hypothesis): `events` holds the slot values
    already decided for it (a new budget from the NLU). Returns the events to add or replace."""
    text = tracker.latest_message.get("text") or ""
    pending = _waiting(tracker)
    kept = value_before_last_message(tracker, "budget")
    found: Dict[str, Any] = {}
    chosen = None if text.startswith("/") else settle(text, pending, _turn(tracker))
    if chosen is not None:  # « mettez 80 000 », « le haut de la fourchette »
        notes.append(say.settled_note(chosen, pending.get("tax")))
        return {"budget": chosen, GIVEN: given(chosen, tax=pending.get("tax")), PENDING: None}
    if events.get("budget") is not None and events["budget"] != kept:
        value = float(events["budget"])
        total = None if text.startswith("/") else amounts.read_budget(text).total
        if needs_confirmation(value) and not _confirmed(pending, value):
            waiting = _to_confirm(tracker, value, total.tax if total else None)
            found.update({"budget": kept, PENDING: waiting})
            if kept is not None:  # else the form's budget question asks (action_ask_budget)
                _ask(dispatcher, waiting, kept)
            return found
        tax = pending.get("tax") if isinstance(pending, dict) else None
        found[GIVEN] = given(value, total, tax)
        if pending:
            found[PENDING] = None
            if kept is None:  # else « le budget passe de … à … » says it
                notes.append(say.settled_note(value, found[GIVEN]["tax"]))
        notes.extend(say.bound_note(value, total.qualifier, total.text) if total else [])
        return found
    if text.startswith("/"):
        return found
    reading = amounts.read_budget(text)
    if reading.total is None and any(q.kind == "foreign" for q in amounts.extract_quantities(text)):
        notes.append(say.not_euros_note(kept))  # « env 15 M XPF »: the figure in euros is asked
        return found
    if len(reading.choice) == 2 and reading.total is None:
        waiting = _pending_of(tracker, reading.choice)
        found[PENDING] = waiting
        if kept is not None:
            _ask(dispatcher, waiting, kept)
        return found
    return _tax_after_the_fact(tracker, text, kept, notes) or _bare_answer(tracker, text, events)


# What the bot's last words asked, outside the form (the form reads its own answers): the
# recommendation's « indiquez-moi le coût total du projet », the form's questions asked before it stopped.
_ASKED = {"budget": ("coût total prévu du projet", f"indiquez-moi {FIELD_QUESTIONS['budget']}"),
          "population": ("Combien d'habitants", FIELD_QUESTIONS["population"])}
_PARSERS = {"budget": amounts.parse_budget, "population": amounts.parse_population}


def asked_field(tracker: Tracker) -> Optional[str]:
    """The one figure the bot asked for just before the latest message (budget or population)."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    said = [e.get("text") or "" for e in events[:last_user] if e.get("event") == "bot"]
    if not said:
        return None
    asked = [field for field, marks in _ASKED.items() if any(mark in said[-1] for mark in marks)]
    return asked[0] if len(asked) == 1 else None


def people_asked(tracker: Tracker) -> bool:
    """The bot asked the population and the latest message answers it with a figure that only its
    multiplier made money (« env 80k »): that figure is no budget."""
    asked = tracker.get_slot("requested_slot") == "population" or asked_field(tracker) == "population"
    return asked and bool(amounts.people_said_as_money(tracker.latest_message.get("text") or ""))


def _bare_answer(tracker: Tracker, text: str, events: Dict[str, Any]) -> Dict[str, Any]:
    """« 400 000 » after the bot asked the budget is a budget; after it asked the population, a
    population. Only a figure alone: a date, a time or a count is none (amounts.extract_quantities)."""
    field = asked_field(tracker)
    if field is None or tracker.active_loop_name or any(
            events.get(f) is not None and events[f] != value_before_last_message(tracker, f) for f in _PARSERS):
        return {}
    people = amounts.people_said_as_money(text) if field == "population" else []
    figures = [q for q in amounts.extract_quantities(text) if (q.kind in (field, "number") or q in people) and q.owned]
    result = _PARSERS[field](text) if len(figures) == 1 and not figures[0].choice else None
    if result is None or result.status != "ok" or tracker.get_slot(field) is not None:
        return {}
    if field == "budget":
        if needs_confirmation(result.value):
            return {PENDING: _to_confirm(tracker, result.value, result.quantity.tax if result.quantity else None)}
        return {"budget": result.value, GIVEN: given(result.value, result.quantity)}
    return {"population": result.value}


def _tax_after_the_fact(tracker: Tracker, text: str, budget: Optional[float], notes: List[str]) -> Dict[str, Any]:
    """« c'est HT », « HT en fait », « c'est TTC »: the budget already stated, on its new basis."""
    tax = amounts.tax_statement(text)
    if tax is None or budget is None or any(q.kind == "budget" for q in amounts.extract_quantities(text)):
        return {}
    slot = tracker.get_slot(GIVEN)
    current = slot if given_matches(slot, budget) else {"amount": budget, "tax": None}
    amount = float(current["amount"])
    if current.get("tax") == tax:
        notes.append(say.same_tax_note(amount, tax, budget))
        return {}
    new = round(amount * (1 + amounts.VAT_RATE), 2) if tax == "HT" else amount
    notes.append(say.tax_note(amount, tax, new, budget))
    return {"budget": new, GIVEN: {"amount": amount, "tax": tax}}


def answer_events(dispatcher: CollectingDispatcher, tracker: Tracker,
                  result: amounts.ParseResult) -> Optional[Dict[str, Any]]:
    """The answer to the form's budget question, when it is more than a figure to take as it is:
    a range or an alternative, an amount to confirm, a choice among a pending one. None: the form
    reads the answer as before."""
    pending = _waiting(tracker)
    chosen = settle(tracker.latest_message.get("text") or "", pending, _turn(tracker))
    if chosen is not None:
        dispatcher.utter_message(text=say.settled_note(chosen, pending.get("tax")))
        return {"budget": chosen, GIVEN: given(chosen, tax=pending.get("tax")), PENDING: None}
    if result.status == "choice":
        return {"budget": None, PENDING: _pending_of(tracker, result.choice)}  # action_ask_budget asks
    if result.status == "ok" and result.value is not None:
        if needs_confirmation(result.value) and not _confirmed(pending, result.value):
            return {"budget": None, PENDING: _to_confirm(tracker, result.value, result.quantity.tax if result.quantity else None)}
        tax = pending.get("tax") if isinstance(pending, dict) else None
        quantity = result.quantity
        for note in say.bound_note(result.value, quantity.qualifier, quantity.text) if quantity else []:
            dispatcher.utter_message(text=note)
        return {"budget": result.value, GIVEN: given(result.value, result.quantity, tax), PENDING: None}
    return None


def ask_pending(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """The budget question when a budget waits: the choice or the confirmation, asked again."""
    pending = tracker.get_slot(PENDING)
    if not isinstance(pending, dict) or not pending.get("values"):
        return False
    _ask(dispatcher, pending, tracker.get_slot("budget"))
    return True
