"""The case an advisor reads before the call, stored with the booking and shown before it."""
from __future__ import annotations

from typing import List, Sequence

from orientation.eligibility import INELIGIBLE, CallResult, Profile
from orientation.language import french as fmt
from orientation.replies.call_result import MAX_DETAILED, VERDICT_WORDS, first_failure
from orientation.replies.profile import profile_is_empty, profile_summary
from orientation.replies.side_questions import OPEN_QUESTION_MARK
from orientation.territories import Territory

# How the summary marks a question the bot answered (those it could not carry OPEN_QUESTION_MARK).
ANSWERED_MARK = " (répondue)"
MAX_QUESTIONS = 20


def questions_line(questions: Sequence[str]) -> str:
    """Every question asked, each marked answered or unanswered."""
    marked = [q if q.endswith(OPEN_QUESTION_MARK) else q + ANSWERED_MARK for q in questions[-MAX_QUESTIONS:]]
    return "Questions posées : " + " | ".join(marked)


def _told_line(result: CallResult) -> str:
    theme = ", autre thème" if result.theme_match is False else ""
    return f"• {result.code} ({result.verdict_text}{theme}, {result.funding.explanation}, {result.status_text})"


def advisor_summary(profile: Profile, results: List[CallResult], questions: Sequence[str],
                    places: Sequence[Territory] = (), told_fit: Sequence[str] = ()) -> str:
    """The profile, recommendations with verdicts and reasons at the reference date, every other call
    the user was told fits (`told_fit`, off-theme ones too), calls on the theme that do not fit and
    why, every question asked marked answered or unanswered."""
    if profile_is_empty(profile, places):  # a booking before any profile: no arbitrary calls « à confirmer »
        lines = ["Dossier : profil non renseigné (l'usager n'a rien dit de son projet avant de réserver).",
                 f"Date de référence : {fmt.date(profile.date)}.",
                 "Aucun appel recommandé : à voir avec l'usager pendant l'échange."]
        if questions:
            lines.append(questions_line(questions))
        return "\n".join(lines)
    recommended = [r for r in results if r.verdict != INELIGIBLE and r.theme_match is not False][:MAX_DETAILED]
    lines = [f"Profil : {profile_summary(profile, places)}.",
             f"Date de référence : {fmt.date(profile.date)}."]
    if recommended:
        lines.append("Appels recommandés :")
        for r in recommended:
            lines.append(f"• {r.code} ({VERDICT_WORDS[r.verdict].lower()}, {r.funding.explanation}, {r.status_text})")
            lines += [f"  – {reason}" for reason in r.reasons[:3]]
    told = [r for r in results if r.code in told_fit and r not in recommended and r.verdict != INELIGIBLE]
    if told:
        lines.append("Également annoncés à l'usager comme pouvant convenir :")
        lines += [_told_line(r) for r in told]
    if not recommended and not told:
        lines.append("Aucun appel recommandé à ce stade.")
    not_fitting = [r for r in results if r.verdict == INELIGIBLE and r.theme_match][:MAX_DETAILED]
    if not_fitting:
        lines.append("Sur le thème, non éligible : " + " ; ".join(f"{r.code} ({first_failure(r)})"
                                                                 for r in not_fitting))
    if questions:
        lines.append(questions_line(questions))
    return "\n".join(lines)
