"""The answer to « which calls fit? », composed from the engine's results (no Rasa import).

- the answer first, as an advisor would give it: one sentence with the verdict, money and dates of
  the best call, then the cards (cards.py: a `custom` payload for the widget, the same cards as text
  for the rest channel and `make shell`); the profile and the question come last, the reasons and
  the calls that do not fit come on demand (« Détails », « Pourquoi pas … ? »);
- France Relance calls that fit come first, as cards; a fund outside France Relance that fits
  (FEDER-NUM) comes « À envisager aussi », with why its procedure differs, in the catalogue's
  words (engine._rank_key says why this order);
- a call that fits but is closed is never listed under a heading that says open: « correspond à
  votre profil, mais clos depuis le … » (and why, after the programme's end);
- when nothing fits: two plain sentences (the main obstacle for this profile, what could change
  it), then the appointment is offered.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from orientation.booking import wording
from orientation.eligibility import INELIGIBLE, CallResult, Profile
from orientation.eligibility.rules import FAIL
from orientation.eligibility.sessions import CLOSED
from orientation.language import french as fmt
from orientation.replies.call_result import (
    MAX_DETAILED,
    calendar_line,
    cite,
    details_payload,
    first_failure,
    first_reply_points,
    money_line,
    verdict_words,
    why_not_payload,
)
from orientation.replies.cards import cards_message, verdict_sentence
from orientation.replies.message import APPOINTMENT_BUTTON, Message
from orientation.replies.profile import FIELD_QUESTIONS, profile_summary
from orientation.territories import Territory

PRIVATE_PERSON = ("Ces appels financent les projets numériques des organismes publics (administrations, "
                  "collectivités) et de leurs partenaires : aucun n'est ouvert aux particuliers. "
                  "Pour une démarche personnelle, le site service-public.fr vous orientera.")
# What could open the calls, by the criterion that blocks them (rules.py's criteria).
WHAT_COULD_CHANGE = {
    "territoire": ("Un projet porté en regroupement avec d'autres collectivités, pour couvrir plus d'habitants, "
                   "pourrait vous ouvrir ces appels ; les conseillers de la DINUM peuvent vous aider à le monter."),
    "territoire_etat": ("Un projet couvrant un territoire plus large, porté avec d'autres services, pourrait vous "
                        "ouvrir ces appels ; les conseillers de la DINUM peuvent vous aider à le monter."),
    "taille": ("Un projet plus ample, par exemple mutualisé avec d'autres porteurs, pourrait atteindre la taille "
               "demandée ; les conseillers de la DINUM peuvent vous aider à le construire."),
    "porteur": ("Ces appels sont réservés à d'autres structures : un partenariat avec un porteur admis peut ouvrir "
                "une piste, et les conseillers de la DINUM peuvent vous orienter."),
}
WHAT_COULD_CHANGE["subvention_minimale"] = WHAT_COULD_CHANGE["taille"]
STATE_TYPES = ("administration_centrale", "service_deconcentre", "operateur_etat")
OBSTACLES = {"territoire": "la population couverte", "taille": "le budget du projet",
             "subvention_minimale": "le budget du projet", "porteur": "le type de structure"}


def call_card(result: CallResult) -> str:
    """One recommended call as text: the card of the rest channel and `make shell`."""
    lines = [f"{result.rank}. {cite(result.call)}",
             f"{verdict_words(result)}. {money_line(result)}"]
    lines += [f"• {point}" for point in first_reply_points(result)]
    lines.append(calendar_line(result))
    return "\n".join(lines)


def why_not_candidates(results: List[CallResult]) -> List[CallResult]:
    """Ineligible calls worth a "pourquoi pas ?" button: on the project's theme, else those that the
    applicant could apply to but for a figure (population, budget). Calls reserved to other kinds of
    applicants are not suggested: "pourquoi pas SNAP1 ?" means nothing to a commune."""
    ineligible = [r for r in results if r.verdict == INELIGIBLE]
    on_theme = [r for r in ineligible if r.theme_match]
    if on_theme:
        return on_theme
    return [r for r in ineligible if all(f.criterion != "porteur" for f in r.findings if f.outcome == FAIL)]


def _buttons(recommended: Sequence[CallResult], ineligible: Sequence[CallResult]) -> List[Dict[str, str]]:
    buttons = [{"title": f"Détails de {r.code}", "payload": details_payload(r.code)} for r in recommended[:2]]
    # the reasons of the calls that do not fit come on demand: one button each, two at most
    buttons += [{"title": f"Pourquoi pas {r.code} ?", "payload": why_not_payload(r.code)} for r in ineligible[:2]]
    buttons.append(dict(APPOINTMENT_BUTTON))
    return buttons


def closed_line(result: CallResult) -> str:
    """« TNT-DEMAT (Dématérialisation…) correspond à votre profil, mais clos depuis le 28 mai 2021. »,
    and, after the programme's end, that it ended and why."""
    text = f"{result.code} ({result.call.short_title}) correspond à votre profil, mais {result.status_text}"
    programme = result.call.programme
    if result.programme_over and not result.window.ended_with_programme:
        # what the sources say of the programme, never an end date they do not give
        text += f" ; {programme.name} : {programme.why}"
    return text + "."


def other_fund_line(result: CallResult) -> str:
    """A fund outside France Relance, after its calls: what it gives and why it comes second."""
    why = result.other_fund[0].upper() + result.other_fund[1:]
    return (f"• {result.code} — {result.call.short_title} : {result.verdict_text}, {result.funding.explanation}, "
            f"{result.status_text}.\n  {why}.")


def also_open(extra: Sequence[CallResult], heading: str) -> List[Message]:
    """The other calls open to the profile, under a heading that says so; those closed apart."""
    still_open = [r for r in extra if r.status != CLOSED]
    closed = [r for r in extra if r.status == CLOSED]
    messages: List[Message] = []
    if still_open:
        messages.append({"text": heading + ", ".join(f"{r.code} ({r.call.short_title})" for r in still_open[:6]) + "."})
    if closed:
        advice = ("\nLes conseillers de la DINUM peuvent vous dire si une nouvelle session ou un autre dispositif "
                  "est prévu." if all(r.programme_over for r in closed[:4])
                  else "\nDemandez aux conseillers de la DINUM si une nouvelle session est prévue.")
        messages.append({"text": "\n".join(closed_line(r) for r in closed[:4]) + advice})
    return messages


def main_obstacle(results: Sequence[CallResult]) -> Optional[CallResult]:
    """The ineligible call that says best why nothing fits: on the theme, and blocked by a figure
    (population, budget) rather than by the type of structure when there is one."""
    ineligible = [r for r in results if r.verdict == INELIGIBLE]
    on_theme = [r for r in ineligible if r.theme_match] or ineligible
    by_figure = [r for r in on_theme if all(f.criterion != "porteur" for f in r.findings if f.outcome == FAIL)]
    return (by_figure or on_theme or [None])[0]


def nothing_fits(results: Sequence[CallResult], applicant_type: Optional[str] = None) -> str:
    """Two sentences: why (the main obstacle, with its figures), and what could change it."""
    obstacle = main_obstacle(results)
    if obstacle is None:
        return ("Aucun appel ne correspond à la fois à votre profil et à votre projet. "
                "Les conseillers de la DINUM peuvent examiner votre situation.")
    criterion = next((f.criterion for f in obstacle.findings if f.outcome == FAIL), "")
    what = OBSTACLES.get(criterion)
    why = f", d'abord à cause {fmt.de(what)}" if what else ""
    if criterion == "territoire" and applicant_type in STATE_TYPES:
        criterion = "territoire_etat"
    reason = first_failure(obstacle).rstrip(".")
    return (f"Aucun appel ne correspond à la fois à votre profil et à votre projet{why} "
            f"({obstacle.code} : {reason[0].lower() + reason[1:]}). "
            + WHAT_COULD_CHANGE.get(criterion, "Les conseillers de la DINUM peuvent examiner votre situation."))


def recommendation(profile: Profile, results: List[CallResult], unknown: Sequence[str] = (),
                   places: Sequence[Territory] = ()) -> List[Message]:
    """The answer to 'which calls fit?': best calls first, with money, conditions and calendar."""
    if profile.applicant_type == "particulier":
        return [{"text": PRIVATE_PERSON}]
    fitting = [r for r in results if r.verdict != INELIGIBLE and r.theme_match is not False]
    others = [r for r in results if r.verdict != INELIGIBLE and r.theme_match is False]
    if any(r.other_fund is None and r.status != CLOSED for r in fitting):
        # a France Relance call that fits is open or upcoming: other funds come « À envisager aussi »
        main = [r for r in fitting if r.other_fund is None]
        funds = [r for r in fitting if r.other_fund is not None]
    else:  # none is: the fund still open is the recommendation (ranked first), with its why on its card
        main, funds = fitting, []
    ineligible_matching = [r for r in results if r.verdict == INELIGIBLE and r.theme_match]
    profile_line = (f"Votre profil : {profile_summary(profile, places)}. "
                    f"Date de référence : {fmt.date(profile.date)}.")
    if not main:
        messages: List[Message] = [{"text": nothing_fits(results, profile.applicant_type)}]
        messages += also_open(others, "Sur d'autres thèmes, vous pourriez candidater à : ")
        messages.append({"text": profile_line})
        messages.append({"text": f"Souhaitez-vous en parler {wording.slot_length_text()} avec un conseiller de la DINUM ?",
                         "buttons": [APPOINTMENT_BUTTON]})
        return messages
    # The answer first: one sentence for the best call, then the cards; the reasons,
    # conditions and the calls that do not fit come with « Détails » and « Pourquoi pas … ? ».
    shown = main[:MAX_DETAILED]
    texts = [call_card(r) + (f"\n• {r.other_fund[0].upper() + r.other_fund[1:]}." if r.other_fund else "")
             for r in shown]
    if funds:
        texts.append("À envisager aussi :\n" + "\n".join(other_fund_line(r) for r in funds))
    messages = [{"text": verdict_sentence(shown[0], len(shown) + len(funds) - 1)},
                cards_message(shown + funds, texts)]
    messages += [{"text": text} for text in texts]
    messages += also_open(main[MAX_DETAILED:] + others, "Également ouverts à votre profil : ")
    closing = [profile_line]
    if ineligible_matching:
        closing.append("Sur ce thème, ne vous sont pas ouverts : "
                       + ", ".join(r.code for r in ineligible_matching[:MAX_DETAILED]) + ".")
    missing = [FIELD_QUESTIONS[f] for f in dict.fromkeys(f for r in shown for f in r.missing)
               if f in FIELD_QUESTIONS and f not in unknown]
    if missing:
        closing.append(f"Pour préciser ces résultats, indiquez-moi {' et '.join(missing)}.")
    closing.append("Souhaitez-vous le détail d'un appel, savoir pourquoi un autre ne convient pas, ou un rendez-vous "
                   f"de {wording.slot_length_text()} avec un conseiller de la DINUM ?")
    messages.append({"text": "\n".join(closing), "buttons": _buttons(main + funds, why_not_candidates(results))})
    return messages
