"""Names several calls share (« AAP données »: ITN5 for the State, TNT-DONNEES for the
collectivités): the lexicon reports them as « ITN5|TNT-DONNEES »; here they are resolved by the
applicant type when it tells, else left for the user to choose (replies.which_call).

No Rasa import: the actions (actions/call_meant.py) call it with the values they read.
"""
from __future__ import annotations

from typing import Dict, Optional, Tuple

from orientation.eligibility import Call, load_catalogue, normalise_code
from orientation.language.lexicon import AMBIGUOUS


def call_names() -> Dict[str, Tuple[str, ...]]:
    """{code: aliases} of every call of the catalogue: the names the lexicon reads besides the codes
    (orientation.entities.lexicon is built with them)."""
    return {call.code: tuple(call.get("aliases", [])) for call in load_catalogue()}


def candidates(value: str) -> Tuple[str, ...]:
    """The codes a call_code value names: one, or several for a shared name."""
    return tuple(dict.fromkeys(normalise_code(part) for part in str(value).split(AMBIGUOUS) if part.strip()))


def admits(call: Call, applicant_type: str) -> bool:
    """Whether one of the call's sessions admits this applicant type and does not exclude it."""
    for session in call.sessions:
        block = session.rules["applicants"]
        excluded = any(applicant_type in e["types"] for e in block.get("exclusions", []))
        if applicant_type in block["admitted"] and not excluded:
            return True
    return False


def resolve(value: str, applicant_type: Optional[str] = None) -> str:
    """One code when the value names one call, or when the applicant type is admitted by exactly
    one of the calls named (a région asking about « l'AAP données » -> TNT-DONNEES); else the
    codes still in question, joined (« ITN5|TNT-DONNEES »)."""
    codes = candidates(value)
    if len(codes) > 1 and applicant_type:
        catalogue = load_catalogue()
        fitting = [c for c in codes if c in catalogue and admits(catalogue.get(c), applicant_type)]
        if len(fitting) == 1:
            return fitting[0]
    return AMBIGUOUS.join(codes)


def is_ambiguous(code: Optional[str]) -> bool:
    return bool(code) and AMBIGUOUS in code
