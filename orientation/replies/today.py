"""Today's question (« qu'est-ce qui est ouvert ? », « France Relance c'est fini ? ») and the list
of calls: one plain sentence at the reference date, then every call with its status."""
from __future__ import annotations

import datetime as dt
from typing import List, Optional, Sequence

from orientation.eligibility import INELIGIBLE, CallResult
from orientation.eligibility.call_choice import admits
from orientation.eligibility.sessions import CLOSED, OPEN, ROLLING, UPCOMING
from orientation.eligibility.vocabulary import KINDS, applicant_label
from orientation.language import french as fmt

TAKING = (OPEN, ROLLING)


# Up to this many calls, the sentence gives each one's status; beyond, their codes (the list follows).
MAX_WITH_STATUS = 3


def _named(results: Sequence[CallResult]) -> str:
    if len(results) > MAX_WITH_STATUS:
        return ", ".join(r.code for r in results)
    return ", ".join(f"{r.code} ({r.status_text})" for r in results)


def _later_checks(results: Sequence[CallResult], date: dt.date) -> List[str]:
    """What a call still taking applications past its source's dates says to check (FEDER-NUM)."""
    return [f"{r.code} : {r.call.get('later_check')['text']}" for r in results
            if r.call.get("later_check") and date >= dt.date.fromisoformat(r.call.get("later_check")["from"])]


def whats_open(every: Sequence[CallResult], mine: Optional[Sequence[CallResult]], date: dt.date) -> str:
    """How many calls take applications at the reference date and which, for everyone, then for the
    profile when one is known; a France Relance call closed says why as the sources do."""
    taking = [r for r in every if r.status in TAKING]
    coming = [r for r in every if r.status == UPCOMING]
    if taking:
        text = (f"Au {fmt.date(date)}, {fmt.plural(len(taking), 'appel', 'appels')} sur les {len(every)} que je "
                f"connais {'reçoit' if len(taking) == 1 else 'reçoivent'} des dossiers : {_named(taking)}.")
    else:
        text = f"Au {fmt.date(date)}, aucun des {len(every)} appels que je connais ne reçoit de dossiers."
    if coming:
        text += f" À venir : {_named(coming)}."
    relance = [r for r in every if r.call.programme is not None]
    if relance and all(r.status == CLOSED for r in relance) and any(r.programme_over for r in relance):
        text += (f" Les {len(relance)} appels de France Relance sont clos : enveloppes prévues pour 2021-2022, "
                 "aucune session postérieure n'est publiée.")
    text += "".join(f" {line}" for line in _later_checks(taking, date))
    if mine is not None:
        fits = [r for r in mine if r.status in TAKING + (UPCOMING,) and r.verdict != INELIGIBLE]
        text += (f" Pour votre profil : {', '.join(f'{r.code} ({r.verdict_text})' for r in fits)}." if fits
                 else " Pour votre profil, aucun appel ouvert ou à venir ne convient.")
    return text


def call_list(every: Sequence[CallResult]) -> str:
    """Every call of the catalogue with its kind and its status at the reference date."""
    lines = [f"Je connais {len(every)} appels :"]
    lines += [f"• {r.code} — {r.call.short_title}"
              + ("" if r.status_text.startswith(KINDS[r.call.kind]) else f" ({KINDS[r.call.kind]})")
              + f" : {r.status_text}" for r in every]
    lines.append("Demandez-moi le détail de l'un d'eux, ou décrivez votre projet pour savoir lesquels vous conviennent.")
    return "\n".join(lines)


def calls_for(applicant_type: str, every: Sequence[CallResult]) -> str:
    """« À quels appels une région peut-elle candidater ? »: the calls whose sessions admit that type
    of structure (and do not exclude it), each with its status at the reference date; no profile
    needed, and none written."""
    label = applicant_label(applicant_type, plural=True)  # « les régions »
    fits = [r for r in every if admits(r.call, applicant_type)]
    if not fits:
        return (f"D'après les fiches, aucun des {len(every)} appels que je connais n'est ouvert "
                f"{'aux ' + label[4:] if label.startswith('les ') else 'à ' + label}. "
                "Un partenariat avec une structure admise peut ouvrir une piste : les conseillers de la DINUM "
                "peuvent en parler avec vous.")
    lines = [f"D'après les fiches, {fmt.plural(len(fits), 'appel', 'appels')} sur les {len(every)} que je connais "
             f"{'admet' if len(fits) == 1 else 'admettent'} {label} parmi les porteurs :"]
    lines += [f"• {r.code} — {r.call.short_title} : {r.status_text}" for r in fits]
    lines.append("Les conditions de population, de thème et de budget restent à vérifier : décrivez votre projet "
                 "pour savoir lesquels vous conviennent.")
    return "\n".join(lines)
