"""Plain French text of a recommendation, for the command line and for advisors."""
from __future__ import annotations

from typing import List

from orientation.language import french as fmt

from .engine import INELIGIBLE, VERDICT_LABELS, CallResult
from .profile import Profile
from .sessions import CLOSED
from .vocabulary import KINDS, THEMES, applicant_label


def profile_line(profile: Profile) -> str:
    parts = [applicant_label(profile.applicant_type) if profile.applicant_type else "type de porteur non précisé"]
    if profile.population is not None:
        parts.append(f"{fmt.number(profile.population)} habitants")
    if profile.departement_count is not None:
        parts.append(fmt.plural(profile.departement_count, "département", "départements"))
    parts.append(f"budget {fmt.euros(profile.budget)} TTC" if profile.budget is not None else "budget non précisé")
    parts.append(f"projet : {THEMES[profile.nature]}" if profile.nature else "thème non précisé")
    return f"Profil : {', '.join(parts)}. Date de référence : {fmt.date(profile.date)}."


def _detail(result: CallResult) -> List[str]:
    call = result.call
    lines = [f"{result.rank}. {call.code} — {call.title} ({KINDS[call.kind]}, {call.worded('carrier')})",
             f"   {result.verdict_text.capitalize()} · {result.calendar}",
             f"   Financement : {result.funding.explanation}",
             "   Pourquoi :"]
    lines += [f"   - {reason}" for reason in result.reasons]
    if result.conditions_to_meet:
        lines.append("   Conditions d'éligibilité à remplir par le projet :")
        lines += [f"   - {condition}" for condition in result.conditions_to_meet]
    if result.conditions:
        lines.append("   Engagements du lauréat et autres conditions :")
        lines += [f"   - {condition}" for condition in result.conditions]
    return lines


def render(profile: Profile, results: List[CallResult]) -> str:
    lines = [profile_line(profile), ""]
    matching = [r for r in results if r.verdict != INELIGIBLE and r.theme_match is not False]
    other = [r for r in results if r.verdict != INELIGIBLE and r.theme_match is False and r.status != CLOSED]
    # A closed call is never listed under a heading that says « ouverts » (the bot says the same).
    other_closed = [r for r in results if r.verdict != INELIGIBLE and r.theme_match is False and r.status == CLOSED]
    ineligible = [r for r in results if r.verdict == INELIGIBLE]
    if profile.applicant_type == "particulier":
        lines.append("Ces appels à projets sont réservés aux acteurs publics (administrations, collectivités, "
                     "opérateurs…) et à leurs partenaires : aucun n'est ouvert aux particuliers.")
        lines.append("")
    if matching:
        lines.append("Appels recommandés :")
        for result in matching:
            lines += _detail(result)
            lines.append("")
    else:
        lines.append("Aucun appel ne correspond à la fois à votre profil et à votre projet.")
        lines.append("")
    if other:
        lines.append("Autres appels ouverts à votre profil, sur d'autres thèmes :")
        lines += [f"- {r.code} — {r.call.short_title} : {VERDICT_LABELS[r.verdict]}, {r.status_text}" for r in other]
        lines.append("")
    if other_closed:
        lines.append("Appels qui correspondent à votre profil sur d'autres thèmes, mais clos :")
        lines += [f"- {r.code} — {r.call.short_title} : {VERDICT_LABELS[r.verdict]}, {r.status_text}"
                  for r in other_closed]
        lines.append("")
    if ineligible:
        lines.append("Appels non éligibles :")
        for result in ineligible:
            failed = [f.reason for f in result.findings if f.outcome == "fail"]
            lines.append(f"- {result.code} — {result.call.short_title} : {' '.join(failed)}")
    return "\n".join(lines).rstrip() + "\n"
