"""Side questions (« les licences Office c'est financé ? », « où déposer le dossier ? »): the topic
of the question (side_topics.yml), answered from the catalogue for the call meant. Every fact comes
from the catalogue; a question the catalogue cannot answer gets the honest sentence NO_ANSWER and
goes to the advisor."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import yaml

from orientation.eligibility import Call, CallResult, expenses
from orientation.language.fold import fold
from orientation.replies.message import APPOINTMENT_BUTTON, Message

NO_ANSWER = "Je n'ai pas cette information ; le conseiller de la DINUM pourra vous répondre."
# Marks, in the questions the advisor's summary lists, those the bot could not answer.
OPEN_QUESTION_MARK = " (sans réponse : pour le conseiller)"
TOPICS_FILE = Path(__file__).with_name("side_topics.yml")


@lru_cache(maxsize=1)
def topics() -> Dict[str, Dict[str, Any]]:
    return yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))["topics"]


def topics_of(question: str) -> List[str]:
    """Every side topic a question asks, in side_topics.yml's order (« les serveurs et les licences
    c'est éligible ? » → materiel, licences)."""
    folded = fold(question).text
    return [name for name, topic in topics().items() if re.search(topic["words"], folded)]


def topic_of(question: str) -> Optional[str]:
    """The first side topic a question is about (« les licences Office c'est financé ? » → licences)."""
    found = topics_of(question)
    return found[0] if found else None


def _texts(call: Call) -> List[str]:
    """What a call's file says in sentences: conditions to meet, commitments, notes, examples, summary."""
    texts = [c["text"] if isinstance(c, dict) else c
             for c in call.get("conditions_to_meet", []) + call.get("commitments", [])]
    texts += [n["text"] if isinstance(n, dict) else n for n in call.get("notes", [])]
    texts += list(call.get("examples", [])) + [call.summary]
    return texts


def _says_nothing(call: Call, what: str) -> str:
    """The honest sentence: what the fiche does not say, then who will (NO_ANSWER marks it unanswered)."""
    return f"{call.code} — {call.title} : la fiche ne dit rien sur {what}. {NO_ANSWER}"


def _expenses_answer(spec: Dict[str, Any], call: Call, funding: Dict[str, Any]) -> Optional[str]:
    """The fiche's statements about one kind of expense (« les serveurs c'est éligible ? »), or about
    every kind (« quelles dépenses sont éligibles ? »: the rate's own sentence first); None when it
    says nothing of the kind asked."""
    kind = spec["expense_kind"]
    cited = f"{call.code} — {call.title} : "
    if kind == "general":
        said = [f"la fiche dit « {funding['source']['quote'].rstrip('.')} »."]
        said += [item["text"] for item in expenses.statements(call)]
        text = cited + " ".join(_sentence(t) for t in said[:4])
        if len(said) == 1:
            text += f" Elle ne détaille pas les dépenses retenues. {NO_ANSWER}"
        return text
    said = [item["text"] for item in expenses.statements(call, kind)]
    by_base = spec.get("base_kind") in (funding.get("base_excludes_kinds") or [])
    if by_base and not expenses.names_kind(call, kind):
        said.insert(0, f"Non : {call.code} ne finance pas ces dépenses, son cofinancement est calculé hors "
                    + ", ".join(funding.get("base_excludes", [])) + ".")
    if not said:
        return None
    text = cited + " ".join(_sentence(t) for t in said[:3])
    if not by_base and not expenses.names_kind(call, kind):
        # only a rule for every expense (spending made in 2021-2022): the kind asked is not said
        text += f" La fiche ne dit rien de plus sur {expenses.KIND_LABELS[kind]}. {NO_ANSWER}"
    return text


def side_answer(topic: Optional[str], result: Optional[CallResult], question: str = "") -> Optional[str]:
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
    if spec.get("cumulation") and expenses.cumulation(call):
        return f"{call.code} — {call.title} : {expenses.cumulation(call)}"
    if spec.get("expense_kind"):
        return _expenses_answer(spec, call, funding)
    if spec.get("search"):
        found += [t for t in _texts(call) if re.search(spec["search"], t, re.IGNORECASE) and t not in found]
    if spec.get("partial"):
        text = f"{call.code} — {call.title} : la fiche ne dit pas {spec['partial']}."
        if found:
            text += " Elle dit seulement : " + " ".join(_sentence(t) for t in found[:2])
        return f"{text} {NO_ANSWER}"
    if not found:
        return None
    return f"{call.code} — {call.title} : " + " ".join(_sentence(t) for t in found[:2])


def honest_answer(topic: Optional[str], result: Optional[CallResult], question: str = "") -> Optional[str]:
    """When side_answer finds nothing: what the call's fiche does not say (« la fiche de FEDER-NUM ne dit
    rien sur les dépenses de personnel »), or None when neither the topic nor the call is known."""
    if topic is None or result is None:
        return None
    spec, call = topics()[topic], result.call
    if spec.get("expense_kind"):
        return _says_nothing(call, expenses.KIND_LABELS[spec["expense_kind"]])
    if spec.get("cumulation"):
        aid = re.search(r"\b(dsil|detr|dsid|feder|fonds europeens?)\b", fold(question).text)
        named = {"dsil": "la DSIL", "detr": "la DETR", "dsid": "la DSID", "feder": "le FEDER"}.get(
            aid.group(1) if aid else "", "d'autres aides")
        if aid and aid.group(1).startswith("fonds"):
            named = "les fonds européens"
        return _says_nothing(call, f"un cumul avec {named}")
    return None


def answers(question: str, result: Optional[CallResult], skip: Sequence[str] = ()) -> List[str]:
    """One answer per topic the question asks (at most three, those in `skip` left to another reply),
    each from the catalogue or the honest sentence; empty when no topic is recognised or no call is meant."""
    replies = []
    for topic in [t for t in topics_of(question) if t not in skip][:3]:
        text = side_answer(topic, result, question) or honest_answer(topic, result, question)
        if text and text not in replies:
            replies.append(text)
    return replies


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "»", "!", "?")) else text + "."


def no_answer() -> Message:
    return {"text": f"{NO_ANSWER} Je note votre question dans le résumé qu'il recevra. "
                    "Voulez-vous prendre rendez-vous ?",
            "buttons": [APPOINTMENT_BUTTON]}

