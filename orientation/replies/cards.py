"""The recommendation's cards: the structured data the widget draws as cards (contract §6), and the
one sentence that gives the answer before them.

The cards travel as a `custom` payload {"cards": [...], "replaces": [...]} sent just before the text
messages that say the same thing: the rest channel and `make shell` keep reading those texts, and the
widget, which draws the cards, skips the texts listed in `replaces` so that nothing is said twice
(and a screen reader hears each call once)."""
from __future__ import annotations

from typing import Any, Dict, List, Sequence

from orientation.eligibility import ELIGIBLE, TO_CONFIRM, CallResult
from orientation.eligibility.sessions import CLOSED, OPEN, ROLLING, UPCOMING
from orientation.language import french as fmt
from orientation.replies.call_result import calendar_line, conditions_text, details_payload, first_reply_points
from orientation.replies.message import Message

VERDICT_TAGS = {ELIGIBLE: "Éligible", TO_CONFIRM: "À confirmer"}


def amount_text(result: CallResult) -> str:
    """« jusqu'à 300 000 € (75 %) »; without a budget, the rate alone."""
    funding = result.funding
    if funding.amount is None:
        return funding.explanation[0].upper() + funding.explanation[1:]
    return f"jusqu'à {fmt.euros(funding.amount)} ({fmt.percent(funding.rate)}{', plafonné' if funding.capped else ''})"


def status_tag(result: CallResult) -> str:
    """The short calendar of a card: « Ouvert jusqu'au 22 novembre 2021 », « Clos depuis le … », « À venir : … »."""
    session, window = result.window.session, result.window
    approximate = session.dates_approximate and session.period_label
    if result.status == OPEN:
        return "Ouvert" if approximate or session.closes is None else f"Ouvert jusqu'au {fmt.date(session.closes)}"
    if result.status == ROLLING:  # the source announces an opening, not that the call is open
        return (f"Ouverture annoncée le {fmt.date(session.opens)}, sans date de clôture publiée" if session.opens
                else "Dépôt au fil de l'eau, sans date de clôture publiée")
    if result.status == UPCOMING and window.opening_unpublished:
        return result.status_text[0].upper() + result.status_text[1:]
    if result.status == UPCOMING:
        return f"À venir : {result.status_text}"
    if window.ended_with_programme:
        return "Clos, aucune session postérieure publiée"
    return "Clos" if approximate else f"Clôturé le {fmt.date(window.end)}"


def card(result: CallResult) -> Dict[str, Any]:
    """One recommended call as the widget draws it; every text in French, ready to show as is."""
    notes = ([f"Sous conditions : {conditions_text(result)}."] if result.conditions_to_meet else [])
    notes += first_reply_points(result)
    if result.status == CLOSED:
        notes.append(calendar_line(result))
    fund = result.call.other_fund
    return {
        "code": result.code,
        "title": result.call.title,
        "verdict": result.verdict,
        "verdict_text": VERDICT_TAGS[result.verdict] + (", sous conditions" if result.conditions_to_meet else ""),
        "amount_eur": result.funding.amount,
        "rate": result.funding.rate,
        "amount_text": amount_text(result),
        "status": result.status,
        "status_text": status_tag(result),
        "closes": result.window.session.closes.isoformat() if result.window.session.closes else None,
        "fund": fund["label"][0].upper() + fund["label"][1:] if fund else None,
        "notes": notes,
        "buttons": [{"title": "Détails", "label": f"Détails de {result.code}", "payload": details_payload(result.code)}],
    }


def cards_message(results: Sequence[CallResult], replaces: List[str]) -> Message:
    """The payload of the cards, naming the text messages it stands for in the widget."""
    return {"custom": {"cards": [card(r) for r in results], "replaces": replaces}}


def verdict_sentence(best: CallResult, others: int = 0) -> str:
    """The answer first, in one sentence: the verdict for the best call, its money and its dates."""
    money = (f"jusqu'à {fmt.euros(best.funding.amount)}" if best.funding.amount is not None
             else best.funding.explanation)
    if best.status == CLOSED:
        text = f"{best.code} correspond à votre projet, mais {best.status_text}"
    elif best.verdict == ELIGIBLE and best.conditions_to_meet:
        text = f"Vous êtes éligible à {best.code}, sous les conditions dites ci-dessous : {money}, {best.status_text}"
    elif best.verdict == ELIGIBLE:
        text = f"Vous êtes éligible à {best.code} : {money}, {best.status_text}"
    else:
        text = f"{best.code} peut vous convenir, éligibilité à confirmer : {money}, {best.status_text}"
    text += "."
    if others:
        text += f" {_other_calls(others)} aussi."
    return text


def _other_calls(count: int) -> str:
    return "Un autre appel vous correspond" if count == 1 else f"{fmt.number(count)} autres appels vous correspondent"

