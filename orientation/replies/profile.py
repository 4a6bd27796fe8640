"""The profile said back to the user: its summary, a value as the user reads it, why a figure
cannot be taken, and which of several amounts is the total."""
from __future__ import annotations

from typing import Any, Optional, Sequence

from orientation.eligibility import Profile
from orientation.eligibility.funding import PART_WORDS
from orientation.eligibility.vocabulary import APPLICANT_TYPES, THEMES, applicant_label
from orientation.language import french as fmt
from orientation.language.limits import out_of_range
from orientation.replies.message import Message
from orientation.territories import Territory

# What to ask for a field the recommendation still needs.
FIELD_QUESTIONS = {
    "applicant_type": "le type de structure qui porte le projet",
    "population": "la population couverte",
    "departement_count": "le nombre de départements couverts",
    "budget": "le coût total du projet",
}
NUMERIC_WORDS = {"budget": "le budget", "population": "la population couverte",
                 "departement_count": "le nombre de départements"}


def profile_is_empty(profile: Profile, places: Sequence[Territory] = ()) -> bool:
    """Nothing said yet about who applies or the project."""
    return not places and all(value is None for value in (profile.applicant_type, profile.population,
                                                          profile.departement_count, profile.budget, profile.nature))


def profile_summary(profile: Profile, places: Sequence[Territory] = ()) -> str:
    parts = []
    if profile.applicant_type:
        parts.append(applicant_label(profile.applicant_type))
    if places:
        parts.append("territoire : " + " et ".join(t.official() for t in places))
    if profile.population is not None:
        parts.append(f"{fmt.number(profile.population)} habitants")
    if profile.departement_count is not None:
        parts.append(fmt.plural(profile.departement_count, "département", "départements"))
    if profile.budget is not None:
        parts.append(f"projet de {fmt.euros(profile.budget)} TTC" + budget_parts_text(profile))
    if profile.nature:
        parts.append(THEMES[profile.nature])
    return ", ".join(parts) if parts else "aucune information pour l'instant"


def budget_parts_text(profile: Profile) -> str:
    """« (dont 200 000 € de personnel) », the parts of the budget the user named."""
    if not profile.budget_parts:
        return ""
    return " (dont " + " et ".join(f"{fmt.euros(value)} {PART_WORDS[kind]}" for kind, value in profile.budget_parts) + ")"


def promised_answer(still_needed: Sequence[str]) -> str:
    """A question the recommendation answers (which calls, whether one may apply), asked before the
    profile is complete: the answer comes with it, once the fields still needed are known."""
    words = {**FIELD_QUESTIONS, "project_nature": "l'objet du projet"}
    needed = [words[f] for f in still_needed if f in words]
    if not needed:
        return "Je vous réponds avec la liste des appels qui vous correspondent."
    return f"Je vous réponds dès que je connais {' et '.join(needed)} : la liste des appels qui vous correspondent suivra."


def describe(slot: str, value: Any) -> str:
    """A slot value as the user reads it."""
    if value is None:
        return "non précisé"
    if slot == "budget":
        return f"{fmt.euros(value)} TTC"
    if slot == "population":
        return f"{fmt.number(value)} habitants"
    if slot == "departement_count":
        return fmt.plural(value, "département", "départements")
    if slot == "applicant_type":
        return applicant_label(value) if value in APPLICANT_TYPES else str(value)
    if slot == "project_nature":
        return THEMES.get(value, str(value))
    return str(value)


def slot_label(slot: str) -> str:
    """What a profile slot is called in « … passe de … à … »."""
    return NUMERIC_WORDS.get(slot) or {"applicant_type": "le type de porteur",
                                       "project_nature": "le thème du projet"}.get(slot, slot)


def numeric_problem(slot: str, value: Any) -> Optional[str]:
    """Why a number cannot be the slot's value, in French; None when it can."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return f"Je n'ai pas compris {NUMERIC_WORDS[slot]} « {value} » : pouvez-vous l'indiquer en chiffres ?"
    problem = out_of_range(slot, number)
    words = NUMERIC_WORDS[slot].capitalize()
    if problem == "negative":
        return f"{words} ne peut pas être négatif : pouvez-vous le préciser ?"
    if problem == "zero":
        return f"{words} ne peut pas être nul : pouvez-vous le préciser ?"
    if problem == "too_large":
        return (f"Pour {NUMERIC_WORDS[slot]}, le chiffre {fmt.number(number)} me semble trop élevé : "
                f"pouvez-vous vérifier le nombre de zéros ?")
    if problem:
        return f"Pour {NUMERIC_WORDS[slot]}, le chiffre {fmt.number(number)} ne me semble pas possible : pouvez-vous le préciser ?"
    return None


def which_total_message(values: Sequence[float], kept: Optional[float] = None) -> Message:
    """« Lequel est le coût total ? », one button per amount; the budget kept meanwhile is said."""
    text = (f"Votre message contient plusieurs montants ({' et '.join(fmt.euros(v) for v in values)}) : "
            f"lequel est le coût total du projet ?")
    if kept is not None:
        text += f" En attendant, je garde {fmt.euros(kept)} TTC."
    return {"text": text, "buttons": [{"title": f"{fmt.euros(v)} au total", "payload": f'/inform{{"budget": {v}}}'}
                                      for v in values]}


def which_territory(slot: str) -> str:
    """« toute la région » to the question about the population or the départements, no place named:
    which one, so that its official figures are found (or the figure itself)."""
    figure = "le nombre d'habitants" if slot == "population" else "le nombre de départements"
    return ("De quel territoire s'agit-il ? Donnez son nom (par exemple « la région Occitanie », « le Gard » ou "
            f"« Rodez ») : j'en retrouverai les chiffres officiels. Vous pouvez aussi m'indiquer {figure}.")

