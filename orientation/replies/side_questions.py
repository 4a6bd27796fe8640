"""Side questions (« les licences Office c'est financé ? », « où déposer le dossier ? »): the topic
of the question (side_topics.yml), answered from the catalogue for the call meant. Every fact comes
from the catalogue; a question the catalogue cannot answer gets the honest sentence NO_ANSWER and
goes to the advisor."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from orientation.eligibility import Call, CallResult
from orientation.language.fold import fold
from orientation.replies.message import APPOINTMENT_BUTTON, Message

NO_ANSWER = "Je n'ai pas cette information ; le conseiller de la DINUM pourra vous répondre."
# Marks, in the questions the advisor's summary lists, those the bot could not answer.
OPEN_QUESTION_MARK = " (sans réponse : pour le conseiller)"
TOPICS_FILE = Path(__file__).with_name("side_topics.yml")


@lru_cache(maxsize=1)
def topics() -> Dict[str, Dict[str, Any]]:
    return yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))["topics"]


def topic_of(question: str) -> Optional[str]:
    """The side topic a question is about (« les licences Office c'est financé ? » → licences)."""
    folded = fold(question).text
    return next((name for name, topic in topics().items() if re.search(topic["words"], folded)), None)


def _texts(call: Call) -> List[str]:
    """What a call's file says in sentences: conditions to meet, commitments, notes, examples, summary."""
    texts = [c["text"] if isinstance(c, dict) else c
             for c in call.get("conditions_to_meet", []) + call.get("commitments", [])]
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
        text = f"Pour candidater à {call.code} — {call.title} : {call.worded('how_to_apply')}"
        links = result.links
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

