"""Hypotheses (« et si le budget était de 1 M€ ? »): computed on a copy of the profile, said as
such, and the buttons that adopt it or keep the profile."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from orientation.eligibility import CallResult
from orientation.eligibility.rules import FAIL
from orientation.replies.message import Message
from orientation.replies.plain_words import MAX_LINES, fitting, plain_line
from orientation.replies.profile import describe

WHAT_IF_BUTTONS = [{"title": "Adopter ce profil", "payload": "/adopt_what_if"},
                   {"title": "Garder mon profil", "payload": "/keep_profile"}]
# What each slot is called when the adopted profile is said back.
SLOT_WORDS = {"applicant_type": "porteur", "project_nature": "thème", "budget": "budget",
              "population": "population", "departement_count": "départements"}


def change_words(slot: str, new: Any, old: Any) -> str:
    """« le budget était de 1 000 000 € TTC (au lieu de 400 000 € TTC) »."""
    words = {"applicant_type": "le projet était porté par {new}", "project_nature": "le thème était : {new}",
             "budget": "le budget était de {new}", "population": "la population couverte était de {new}",
             "departement_count": "le projet couvrait {new}"}[slot]
    text = words.format(new=describe(slot, new))
    return text + (f" (au lieu de {describe(slot, old)})".replace("de une ", "d'une ").replace("de un ", "d'un ")
                   if old is not None else "")


def gained_and_lost(before: Sequence[CallResult], after: Sequence[CallResult]) -> List[str]:
    """The calls the hypothesis would add and those it would lose, each lost one with why
    (« TNT-COOP ne conviendrait plus : … »)."""
    had = {r.call.code for r in fitting(before)}
    would = {r.call.code: r for r in fitting(after)}
    lines = [f"{r.call.code} conviendrait en plus." for code, r in would.items() if code not in had]
    for result in after:
        if result.call.code in had and result.call.code not in would:
            reasons = [f.reason for f in result.findings if f.outcome == FAIL]
            if not reasons and result.theme_match is False:
                reasons = ["il ne porte pas sur ce thème."]
            lines.append(f"{result.call.code} ne conviendrait plus" + (f" : {' '.join(reasons)}" if reasons else "."))
    return lines


def what_if(changes: Sequence[str], results: Sequence[CallResult],
            before: Optional[Sequence[CallResult]] = None) -> Message:
    """The answer to « et si … ? », computed on a copy of the profile (`results`) and compared with
    the current profile (`before`); the buttons adopt it or not."""
    calls = fitting(results)
    lines = ["C'est une hypothèse : votre profil n'est pas modifié.",
             f"Si {' et '.join(changes)} :"]
    if calls:
        lines += [plain_line(r) for r in calls[:MAX_LINES]]
    else:
        lines.append("aucun appel ne correspondrait à votre projet.")
    if before is not None:
        compared = gained_and_lost(before, results)
        lines += compared or ["Par rapport à votre profil actuel, les appels qui conviennent restent les mêmes."]
    lines.append("Voulez-vous adopter ce profil ?")
    return {"text": "\n".join(lines), "buttons": WHAT_IF_BUTTONS}


def what_if_unreadable() -> str:
    return ("Je n'ai pas compris ce qui changerait dans cette hypothèse : votre profil n'est pas modifié. "
            "Dites-moi par exemple « et si le budget était de 1 M€ ? » ou « et si c'était porté par une commune ? ».")


def adopted(supposed: Dict[str, Any]) -> str:
    """« C'est noté, j'adopte ce profil (budget : 1 000 000 € TTC). »"""
    said = " ; ".join(f"{SLOT_WORDS[slot]} : {describe(slot, value)}" for slot, value in supposed.items())
    return f"C'est noté, j'adopte ce profil ({said})."
