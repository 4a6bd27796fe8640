"""How the profile form asks for the project's theme (issue 11), from what the theme model said
about the user's last message (addons/components/theme_classifier.py puts `theme_ranking` in the parse data):

- nothing tried yet: the free-text question;
- medium confidence, or a description not understood: the 2–3 likeliest themes as buttons, with
  their plain-French labels, and « Autre »;
- « Autre », or nothing worth offering: every theme as a button.
The free-text question is never asked twice in a row.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

from orientation.eligibility.vocabulary import THEMES
from actions.replies import Message
from orientation.language.themes import SECOND, Decision, offered

FREE_TEXT = ("Quel est l'objet du projet, en quelques mots ? Par exemple : dématérialiser des démarches, ouvrir "
             "ou exploiter des données, une plateforme de participation citoyenne, un centre de contact, des "
             "outils collaboratifs pour les agents…")
OTHER = "autre"
UNKNOWN_BUTTON = {"title": "Je ne sais pas", "payload": "je ne sais pas"}


def theme_button(theme: str) -> Dict[str, str]:
    label = THEMES[theme]
    return {"title": label[0].upper() + label[1:], "payload": f'/inform{{"project_nature": "{theme}"}}'}


def _ranking(tracker: Tracker) -> Optional[Decision]:
    data = (tracker.latest_message or {}).get("theme_ranking")
    if not data or not data.get("themes"):
        return None
    themes = tuple((t, float(p)) for t, p in data["themes"] if t in THEMES)
    return Decision(data.get("level", "low"), themes[0][0] if themes else None, float(data.get("confidence", 0)), themes)


def _asked_free_text_last(tracker: Tracker) -> bool:
    """The bot's last words before the user's latest message were the free-text question."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    said = [e.get("text") or "" for e in events[:last_user] if e.get("event") == "bot"]
    return bool(said) and said[-1] == FREE_TEXT


def _chose_other(tracker: Tracker) -> bool:
    return any(e.get("entity") == "theme_choice" and e.get("value") == OTHER
               for e in (tracker.latest_message or {}).get("entities", []))


def theme_question(tracker: Tracker) -> Message:
    if _chose_other(tracker):
        return {"text": "Voici tous les thèmes : lequel correspond le mieux à votre projet ?",
                "buttons": [theme_button(t) for t in THEMES] + [UNKNOWN_BUTTON]}
    decision = _ranking(tracker)
    worth_offering = decision is not None and bool(decision.ranking) and decision.ranking[0][1] >= SECOND
    if worth_offering and (decision.level == "medium" or _asked_free_text_last(tracker)):
        intro = ("Je ne suis pas sûr d'avoir compris le thème du projet." if decision.level == "medium"
                 else "Je n'ai pas reconnu le thème du projet.")
        buttons: List[Dict[str, Any]] = [theme_button(t) for t in offered(decision)]
        return {"text": f"{intro} S'agit-il de l'un de ceux-ci ? Sinon, choisissez « Autre ».",
                "buttons": buttons + [{"title": "Autre", "payload": f'/inform{{"theme_choice": "{OTHER}"}}'}]}
    if _asked_free_text_last(tracker):
        return {"text": "Je n'ai pas reconnu le thème du projet. Choisissez-le ci-dessous :",
                "buttons": [theme_button(t) for t in THEMES] + [UNKNOWN_BUTTON]}
    return {"text": FREE_TEXT, "buttons": []}
