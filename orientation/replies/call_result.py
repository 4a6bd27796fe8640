"""One engine result in the short phrases every answer shares: the call cited, the verdict, the
money, the calendar, what remains to confirm, and the payloads of the buttons about a call."""
from __future__ import annotations

from typing import List

from orientation.eligibility import ELIGIBLE, INELIGIBLE, TO_CONFIRM, Call, CallResult
from orientation.eligibility.funding import funding_conditions
from orientation.eligibility.rules import ABOVE, FAIL, UNKNOWN, UNVERIFIABLE

VERDICT_WORDS = {
    ELIGIBLE: "Vous êtes éligible",
    TO_CONFIRM: "Éligibilité à confirmer",
    INELIGIBLE: "Vous n'êtes pas éligible",
}
MAX_DETAILED = 3
# The aspect the « Détails » buttons ask for: the presentation, then what the engine found for the
# profile. Only buttons send it (typed « des détails » is the presentation, lexicon.yml).
DETAILS = "details"


def cite(call: Call) -> str:
    return f"{call.code} — {call.title}"


def verdict_words(result: CallResult) -> str:
    """« Vous êtes éligible, sous conditions : … » when the source lists criteria about the project
    as it will be built (contract §2): they come with the verdict, never only in the details."""
    words = VERDICT_WORDS[result.verdict]
    if result.verdict == INELIGIBLE or not result.conditions_to_meet:
        return words
    return f"{words}, sous conditions : {conditions_text(result)}"


def conditions_text(result: CallResult) -> str:
    """The conditions to meet in one phrase: « faire appel à … ; produire des premiers résultats … »."""
    return " ; ".join(c[0].lower() + c[1:].rstrip(".") for c in result.conditions_to_meet)


def calendar_line(result: CallResult) -> str:
    if result.status == "closed" and result.programme_over:
        return f"{result.calendar}. Les conseillers de la DINUM peuvent vous dire si un autre dispositif est prévu."
    if result.status == "closed":
        return f"{result.calendar}. Demandez aux conseillers de la DINUM si une nouvelle session est prévue."
    return f"{result.calendar}."


def open_points(result: CallResult) -> List[str]:
    """What remains to confirm (a figure not given, a criterion a conversation cannot check)."""
    return [f.reason for f in result.findings if f.outcome in (UNKNOWN, UNVERIFIABLE, ABOVE)]


def first_reply_points(result: CallResult) -> List[str]:
    """What the first reply keeps of a recommended call, as an advisor would, so that the answer
    comes before the details: the first point that keeps it « à confirmer », and what the rate
    leaves out (« hors personnel »). The other reasons and the laureate's commitments come with
    « Détails » (call_questions.for_your_project)."""
    points = open_points(result)[:1]
    return points + funding_conditions(result.window.session.rules["funding"], result.funding.basis)


def money_line(result: CallResult) -> str:
    if result.funding.amount is None:
        return result.funding.explanation[0].upper() + result.funding.explanation[1:] + "."
    return f"Financement possible : {result.funding.explanation}."


def first_failure(result: CallResult) -> str:
    failures = [f.reason for f in result.findings if f.outcome == FAIL]
    return failures[0] if failures else "aucun critère bloquant."


def details_payload(code: str) -> str:
    """« Détails » of a recommended call: what it is, then the reasons and conditions for the profile."""
    return f'/ask_call_info{{"call_code": "{code}", "call_aspect": "{DETAILS}"}}'


def why_not_payload(code: str) -> str:
    return f'/ask_why_not{{"call_code": "{code}"}}'
