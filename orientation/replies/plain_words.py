"""The calls in plain words, for « je comprends rien à ces codes, en gros on a droit à rien ? »:
one line each, what it is, what it pays for this project, until when."""
from __future__ import annotations

from typing import List, Sequence

from orientation.eligibility import INELIGIBLE, TO_CONFIRM, CallResult
from orientation.language import french as fmt
from orientation.replies.message import APPOINTMENT_BUTTON, Message

MAX_LINES = 3


def fitting(results: Sequence[CallResult]) -> List[CallResult]:
    """The calls that fit the profile and the project, best first."""
    return [r for r in results if r.verdict != INELIGIBLE and r.theme_match is not False]


def plain_line(result: CallResult) -> str:
    """One call in plain words: what it is, what it pays for this project, until when."""
    call, funding = result.call, result.funding
    if funding.amount is not None:
        money = f"jusqu'à {fmt.euros(funding.amount)} pour votre projet"
    else:
        money = f"{fmt.percent(funding.rate)} du coût du projet"
    # who confirms is the call's carrier (the DITP for ITN8), not always the DINUM
    verdict = f" (à confirmer avec le porteur de l'appel : {call.carrier})" if result.verdict == TO_CONFIRM else ""
    calendar = f"mais {result.status_text}" if result.status == "closed" else result.status_text
    return f"• {call.short_title} : {money}{verdict} ; {calendar} (code {call.code})."


def plain_explanation(results: Sequence[CallResult]) -> Message:
    """The calls that fit in one plain line each, or why none does and who can help."""
    calls = fitting(results)
    open_calls = [r for r in calls if r.status != "closed"]
    if not calls:
        return {"text": "En clair : aujourd'hui, aucun appel ne correspond à la fois à votre structure et à votre "
                        "projet. Un conseiller de la DINUM peut regarder avec vous ce qui pourrait changer, par "
                        "exemple en vous regroupant avec d'autres structures ou avec un projet plus large.",
                "buttons": [APPOINTMENT_BUTTON]}
    if open_calls:
        head = ("En clair : oui, vous pouvez demander un financement. "
                + ("Un appel correspond à votre projet :" if len(calls) == 1
                   else f"{min(len(calls), MAX_LINES)} appels correspondent à votre projet :"))
    else:
        head = ("En clair : des appels correspondent à votre projet, mais ils sont clos à cette date ; un "
                "conseiller de la DINUM peut vous dire si une nouvelle session est prévue :")
    lines = [head] + [plain_line(r) for r in calls[:MAX_LINES]]
    lines.append("Le code entre parenthèses sert seulement à retrouver l'appel ; le montant est un maximum, "
                 "décidé par le financeur.")
    return {"text": "\n".join(lines), "buttons": [APPOINTMENT_BUTTON]}
