"""The French sentences of issue 18 (amounts in context, hypotheses, side questions, plain words).

Pure functions, no Rasa import: the action classes of actions/context_actions.py call them with
engine results and catalogue calls. Every fact comes from the catalogue; a question the catalogue
cannot answer gets the honest sentence NO_ANSWER and goes to the advisor.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import yaml

from orientation.eligibility import INELIGIBLE, TO_CONFIRM, Call, CallResult
from orientation.language import french as fmt
from orientation.language.fold import fold

Message = Dict[str, Any]
NO_ANSWER = "Je n'ai pas cette information ; le conseiller de la DINUM pourra vous répondre."
APPOINTMENT_BUTTON = {"title": "Prendre rendez-vous avec la DINUM", "payload": "/ask_appointment"}
WHAT_IF_BUTTONS = [{"title": "Adopter ce profil", "payload": "/adopt_what_if"},
                   {"title": "Garder mon profil", "payload": "/keep_profile"}]
MAX_LINES = 3
TOPICS_FILE = Path(__file__).with_name("side_topics.yml")


# --- amounts ---------------------------------------------------------------------------------------
def which_total_message(values: Sequence[float], kept: Optional[float] = None) -> Message:
    """« Lequel est le coût total ? », one button per amount; the budget kept meanwhile is said."""
    text = (f"Votre message contient plusieurs montants ({' et '.join(fmt.euros(v) for v in values)}) : "
            f"lequel est le coût total du projet ?")
    if kept is not None:
        text += f" En attendant, je garde {fmt.euros(kept)} TTC."
    return {"text": text, "buttons": [{"title": f"{fmt.euros(v)} au total", "payload": f'/inform{{"budget": {v}}}'}
                                      for v in values]}


# --- plain words ----------------------------------------------------------------------------------
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
    verdict = " (à confirmer avec la DINUM)" if result.verdict == TO_CONFIRM else ""
    calendar = f"mais {result.status_text}" if result.status == "closed" else result.status_text
    return f"• {call.short_title} : {money}{verdict} ; {calendar} (code {call.code})."


def plain_explanation(results: Sequence[CallResult]) -> Message:
    """« je comprends rien à ces codes, en gros on a droit à rien ? »: the calls in one plain line each."""
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


# --- hypotheses -----------------------------------------------------------------------------------
def what_if(changes: Sequence[str], results: Sequence[CallResult]) -> Message:
    """The answer to « et si … ? », computed on a copy of the profile; the buttons adopt it or not."""
    calls = fitting(results)
    lines = ["C'est une hypothèse : votre profil n'est pas modifié.",
             f"Si {' et '.join(changes)} :"]
    if calls:
        lines += [plain_line(r) for r in calls[:MAX_LINES]]
    else:
        lines.append("aucun appel ne correspondrait à votre projet.")
    lines.append("Voulez-vous adopter ce profil ?")
    return {"text": "\n".join(lines), "buttons": WHAT_IF_BUTTONS}


def what_if_unreadable() -> str:
    return ("Je n'ai pas compris ce qui changerait dans cette hypothèse : votre profil n'est pas modifié. "
            "Dites-moi par exemple « et si le budget était de 1 M€ ? » ou « et si c'était porté par une commune ? ».")


# --- side questions -------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def topics() -> Dict[str, Dict[str, Any]]:
    return yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))["topics"]


def topic_of(question: str) -> Optional[str]:
    """The side topic a question is about (« les licences Office c'est financé ? » → licences)."""
    folded = fold(question).text
    return next((name for name, topic in topics().items() if re.search(topic["words"], folded)), None)


def _texts(call: Call) -> List[str]:
    """What a call's file says in sentences: commitments, notes, examples, summary."""
    texts = [c["text"] if isinstance(c, dict) else c for c in call.get("commitments", [])]
    texts += [n["text"] if isinstance(n, dict) else n for n in call.get("notes", [])]
    texts += list(call.get("examples", [])) + [call.summary]
    return texts


def side_answer(topic: Optional[str], result: Optional[CallResult]) -> Optional[str]:
    """The catalogue's answer on this topic for this call; None when it does not say."""
    if topic is None or result is None:
        return None
    spec, call = topics()[topic], result.call
    funding = result.window.session.rules["funding"]
    found: List[str] = []
    if spec.get("apply"):
        if not call.get("how_to_apply"):
            return None
        text = f"Pour candidater à {call.code} — {call.title} : {call.get('how_to_apply')}"
        links = call.get("links", [])
        text += "".join(f"\n{link['label']} : {link['url']}" for link in links[:2])
        if not links:
            text += f"\nLa source ne donne pas l'adresse du dépôt. {NO_ANSWER}"
        return text
    if spec.get("base_kind") in (funding.get("base_excludes_kinds") or []):
        found.append(f"Non : {call.code} ne finance pas ces dépenses, son cofinancement est calculé hors "
                     + ", ".join(funding.get("base_excludes", [])) + ".")
    if spec.get("search"):
        found += [t for t in _texts(call) if re.search(spec["search"], t, re.IGNORECASE) and t not in found]
    if not found:
        return None
    return f"{call.code} — {call.title} : " + " ".join(_sentence(t) for t in found[:2])


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "»", "!", "?")) else text + "."


def no_answer() -> Message:
    return {"text": f"{NO_ANSWER} Je note votre question dans le résumé qu'il recevra. "
                    "Voulez-vous prendre rendez-vous ?",
            "buttons": [APPOINTMENT_BUTTON]}


OPEN_QUESTION_MARK = " (sans réponse : pour le conseiller)"
