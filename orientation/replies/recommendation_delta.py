"""After a change of profile, only what changed for the calls, in one or two sentences (« Avec
1 440 000 € TTC, SNAP4 passe à 75 % de 1 440 000 €, soit jusqu'à 1 080 000 € »), instead of the whole recommendation again; and
the short replies when nothing changed or the calls were asked for just after they were given."""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from orientation.eligibility import ELIGIBLE, INELIGIBLE, CallResult, Profile
from orientation.language import french as fmt
from orientation.replies.call_result import first_failure
from orientation.replies.message import APPOINTMENT_BUTTON, Message

# Beyond this many calls changed, the change is a new recommendation: it is sent in full.
MAX_CHANGES = 3
RECAP_BUTTON = {"title": "Récapituler les appels", "payload": "/inform"}
NOTHING_NEW = "Je n'ai rien relevé de nouveau dans votre message"
VERDICT_NOW = {ELIGIBLE: "éligible", INELIGIBLE: "non éligible"}


def fitting(results: Sequence[CallResult]) -> Dict[str, CallResult]:
    """The calls the recommendation presents as fitting: open to the profile and on its theme."""
    return {r.code: r for r in results if r.verdict != INELIGIBLE and r.theme_match is not False}


def _verdict(result: CallResult) -> str:
    return VERDICT_NOW.get(result.verdict, "éligibilité à confirmer")


def _changes(before: Sequence[CallResult], after: Sequence[CallResult]) -> List[str]:
    old, new = fitting(before), fitting(after)
    every = {r.code: r for r in after}
    changes = []
    for code, result in new.items():
        if code not in old:
            changes.append(f"{code} vous devient ouvert ({_verdict(result)}, {result.funding.explanation})")
        elif result.verdict != old[code].verdict:
            changes.append(f"{code} devient {_verdict(result)}")
        elif result.funding.amount != old[code].funding.amount and result.funding.amount is not None:
            changes.append(f"{code} passe à {result.funding.explanation}")
    for code in old:
        if code not in new:
            now = every.get(code)
            why = ("il vise un autre thème" if now is not None and now.theme_match is False and now.verdict != INELIGIBLE
                   else first_failure(now).rstrip(".") if now is not None else "")
            changes.append(f"{code} ne convient plus" + (f" : {why[0].lower() + why[1:]}" if why else ""))
    return changes


def what_changed(before: Sequence[CallResult], after: Sequence[CallResult], old_profile: Profile,
                 profile: Profile) -> Optional[Message]:
    """The change in one or two sentences; None when so much changed that the full recommendation is
    the answer."""
    changes = _changes(before, after)
    if len(changes) > MAX_CHANGES or not fitting(before) or not fitting(after):
        return None  # a new recommendation, or none left: the full reply says what could change
    if profile.budget is not None and profile.budget != old_profile.budget:
        lead = f"Avec {fmt.euros(profile.budget)} TTC"
    else:
        lead = "Avec ce changement"
    if not changes:
        codes = ", ".join(fitting(after)) or "aucun"
        text = f"{lead}, les appels qui vous conviennent restent les mêmes : {codes}."
    else:
        text = f"{lead}, " + " ; ".join(changes) + "."
    return {"text": text + " Dites « récapitulez » pour revoir le détail.",
            "buttons": [RECAP_BUTTON, APPOINTMENT_BUTTON]}


def nothing_new(after: Sequence[CallResult], said_last: str = "") -> Message:
    """A message that changed nothing and asked nothing the bot recognised: a short prompt saying what
    the bot can do, never the recommendation again; said just before, a shorter one (never the same
    reply twice)."""
    codes = ", ".join(fitting(after)) or "aucun appel pour l'instant"
    if said_last.startswith(NOTHING_NEW):
        return {"text": ("Je n'ai toujours rien relevé de nouveau. Par exemple : « quelles dépenses sont "
                         "financées ? », « c'est cumulable ? », « récapitulez » ou « prendre rendez-vous »."),
                "buttons": [RECAP_BUTTON, APPOINTMENT_BUTTON]}
    return {"text": (f"{NOTHING_NEW} : votre profil et les appels qui vous "
                     f"conviennent ({codes}) restent les mêmes. Vous pouvez corriger une information, me poser "
                     "une question sur un appel (dépenses financées, cumul, dépôt, dates), demander "
                     "« récapitulez » ou prendre rendez-vous avec un conseiller."),
            "buttons": [RECAP_BUTTON, APPOINTMENT_BUTTON]}


def first_sentence(text: str) -> str:
    """The text up to its first full stop outside parentheses (« … (dépôt au fil de l'eau. …) » stays)."""
    depth = 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "." and depth <= 0 and (i + 1 == len(text) or text[i + 1].isspace()):
            return text[: i + 1]
    return text


def given_just_above(lead: str) -> Message:
    """« quels appels pour nous ? » asked just after the recommendation, for the same profile: its lead
    sentence (the verdict and its main reason) pointing at the detail, not the same messages again."""
    # the lead was written to open the recommendation: what it says « ci-dessous » is now above
    lead = first_sentence(lead).replace("ci-dessous", "plus haut")
    return {"text": (f"{lead} Le détail est dans ma réponse juste au-dessus. Je peux détailler un "
                     "appel (dépenses financées, cumul, dépôt, dates), tout redonner si vous dites « récapitulez », "
                     "ou vous proposer un rendez-vous avec un conseiller de la DINUM."),
            "buttons": [APPOINTMENT_BUTTON]}
