"""Whether the bot answered what it was asked, and whether the summary stored with a booking says the
profile the conversation confirmed: the two checks of scripts/conversation_report.py, read from what
the bot actually sent (its messages) and stored (the booking's summary), never from its intents.

A reply to a question is one of REPLY_KINDS:
- "answer": some message of the reply says something else than the kinds below;
- "honest": the honest sentence (the bot does not know, the question goes to the advisor);
- "recommendation": the full recommendation, and nothing else that answers;
- "rephrase": the prompt asking to rephrase (or saying nothing new was heard), and nothing else;
- "asked_again": only a form's question (the profile's or the booking's), its complaint that the value
  was not read, a deferral (« j'y répondrai après »), a greeting or a « you're welcome »;
- "empty": no message at all.
The last four are not answers (UNANSWERED)."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence

from orientation.eligibility.vocabulary import APPLICANT_TYPES, THEMES, applicant_label
from orientation.replies.recommendation_delta import NOTHING_NEW
from orientation.replies.side_questions import NO_ANSWER

REPLY_KINDS = ("answer", "honest", "recommendation", "rephrase", "asked_again", "empty")
UNANSWERED = frozenset({"recommendation", "rephrase", "asked_again", "empty"})

# The honest sentence, in its forms: the catalogue's silence (NO_ANSWER) or « je ne sais pas répondre ».
HONEST = re.compile(re.escape(NO_ANSWER) + r"|je ne sais pas répondre|je la note pour le conseiller", re.IGNORECASE)
REPHRASE = re.compile(r"^(Je ne suis pas sûr d'avoir compris\. Pouvez-vous reformuler|Je n'ai toujours pas compris"
                      r"|Votre message est vide|" + re.escape(NOTHING_NEW) + r"|Je n'ai toujours rien relevé de nouveau)")
# The openings of the forms' questions, of their complaints that a value was not read, and of the
# replies that say nothing about what was asked.
ASKED_AGAIN = re.compile("|".join((
    r"^Quelle structure porte le projet \?", r"^Quel est l'objet du projet", r"^Je n'ai pas reconnu le thème",
    r"^Je ne suis pas sûr d'avoir compris le thème", r"^Voici tous les thèmes", r"^Quel est le coût total prévu",
    r"^Combien d'habitants", r"^Combien de départements", r"^Votre message contient plusieurs montants",
    r"^Je n'ai pas reconnu le type de structure", r"^Il me manque encore ",
    r"^(Si vous le souhaitez, décrivez votre projet.*)?Voici (les prochains )?créneaux libres",
    r"^Le créneau du .* est libre\. Le confirmez-vous", r"^Quels sont vos prénom et nom",
    r"^Pour quelle organisation \?", r"^Quelle est votre adresse électronique", r"^Données personnelles : pour ce rendez-vous",
    r"^Quelle est la référence du rendez-vous", r"^J'y répondrai volontiers juste après",
    r"^Bonjour ! J'aide les porteurs", r"^Avec plaisir ! Avez-vous une autre question", r"^Très bien\. Puis-je vous aider",
)), re.DOTALL)
# The full recommendation ends on the profile and the reference date (orientation/replies/recommendation.py).
RECOMMENDATION = re.compile(r"^Votre profil : .*Date de référence : ", re.DOTALL | re.MULTILINE)


def message_kind(text: str) -> str:
    """What one message of the bot is, by its words."""
    text = (text or "").strip()
    if not text:
        return "empty"
    if HONEST.search(text):
        return "honest"
    if RECOMMENDATION.search(text):
        return "recommendation"
    if REPHRASE.search(text):
        return "rephrase"
    if ASKED_AGAIN.search(text):
        return "asked_again"
    return "answer"


def reply_kind(messages: Sequence[str]) -> str:
    """What the whole reply to a question is. A recommendation's verdict and cards are messages of their
    own: once its profile line is there, the reply's other messages count as part of it, unless one is
    the honest sentence."""
    kinds = [message_kind(m) for m in messages if (m or "").strip()]
    if not kinds:
        return "empty"
    if "honest" in kinds:
        return "honest"
    if "recommendation" in kinds:
        return "recommendation"
    if "answer" in kinds:
        return "answer"
    return "rephrase" if "rephrase" in kinds else "asked_again"


# --- the summary stored with a booking ------------------------------------------------------------

def profile_line(summary: str) -> str:
    """The summary's line saying the profile (orientation/replies/advisor_summary.py), "" when none."""
    for line in summary.splitlines():
        if line.startswith("Profil : ") or line.startswith("Dossier : profil non renseigné"):
            return line
    return ""


def summary_mismatches(summary: str, expected: Dict[str, Any], told: Sequence[str] = (),
                       population_scored: bool = True) -> List[str]:
    """Where the summary an advisor reads differs from the profile the conversation confirmed
    (`expected`: applicant_type, population, budget, project_nature, departement_count as the report's
    expected slots), and the calls the user was told that it does not name. Named by field."""
    line = profile_line(summary)
    parts = [p.strip() for p in line.removeprefix("Profil : ").rstrip(".").split(", ")] if line.startswith("Profil") else []
    wrong = []
    labels = {applicant_label(code): code for code in APPLICANT_TYPES}
    said_type = labels.get(parts[0]) if parts else None
    if said_type != expected.get("applicant_type"):
        wrong.append("applicant_type")
    if population_scored and _number_before(line, " habitants") != _rounded(expected.get("population")):
        wrong.append("population")
    if _budget(line) != _rounded(expected.get("budget")):
        wrong.append("budget")
    # a theme's label may hold commas: the longest label the line ends with
    said_theme = max((code for code, label in THEMES.items() if line.rstrip(".").endswith(label)),
                     key=lambda code: len(THEMES[code]), default=None)
    if said_theme != expected.get("project_nature"):
        wrong.append("project_nature")
    if expected.get("departement_count") is not None and \
            _number_before(line, " département") != _rounded(expected["departement_count"]):
        wrong.append("departement_count")
    if any(code not in summary for code in told):
        wrong.append("calls_told")
    return wrong


def _rounded(value: Optional[float]) -> Optional[int]:
    return None if value is None else int(round(float(value)))


def _number_before(line: str, unit: str) -> Optional[int]:
    found = re.search(r"(\d[\d\s]*(?:,\d+)?)" + re.escape(unit), line)
    if not found:
        return None
    return _rounded(float(re.sub(r"\s", "", found.group(1)).replace(",", ".")))


def _budget(line: str) -> Optional[int]:
    found = re.search(r"projet de (\d[\d\s]*(?:,\d+)?)\s€ TTC", line)
    return _rounded(float(re.sub(r"\s", "", found.group(1)).replace(",", "."))) if found else None
