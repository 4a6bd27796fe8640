"""Answers to questions about calls: what one is (one aspect or the presentation), why one does
not fit, whether a structure may apply, how two compare, how much the project could receive, and
which call a shared name or an unknown code means."""
from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence

from orientation.eligibility import INELIGIBLE, TO_CONFIRM, Call, CallResult, Profile, load_catalogue
from orientation.eligibility.rules import FAIL, expected_size, who_may_apply
from orientation.eligibility.sessions import rolling_text
from orientation.eligibility.vocabulary import KINDS, THEMES, applicant_label
from orientation.language import french as fmt
from orientation.replies.call_result import (
    DETAILS,
    MAX_DETAILED,
    VERDICT_WORDS,
    calendar_line,
    cite,
    money_line,
    open_points,
)
from orientation.replies.message import Message


def which_call(calls: Sequence[Call], payload: Callable[[str], str]) -> Message:
    """A name several calls share, that the profile does not settle: the user chooses."""
    text = ("Ce nom désigne plusieurs appels : "
            + " ; ".join(f"{c.code} — {c.short_title}, ouvert aux {who_may_apply(c.sessions[-1].rules['applicants'])}"
                         for c in calls)
            + ". Duquel parlez-vous ?")
    return {"text": text, "buttons": [{"title": f"{c.code} — {c.short_title}", "payload": payload(c.code)}
                                      for c in calls]}


def why_not(result: CallResult, profile: Profile) -> str:
    """'pourquoi pas ITN2 ?' — the blocking criteria, or what remains to confirm."""
    call = result.call
    if result.verdict == INELIGIBLE:
        failures = [f.reason for f in result.findings if f.outcome == FAIL]
        return (f"Vous n'êtes pas éligible à {cite(call)} : " + " ".join(failures)
                + ("" if result.status != "closed" else f" De plus, {result.status_text}."))
    if result.verdict == TO_CONFIRM:
        return (f"{cite(call)} n'est pas exclu pour vous : éligibilité à confirmer. " + " ".join(open_points(result)))
    text = f"Vous êtes éligible à {cite(call)} ({money_line(result)[0].lower() + money_line(result)[1:]})"
    if result.theme_match is False:
        text += f" Il n'est pas mis en avant car il vise un autre thème : {THEMES[call.themes[0]]}."
    if result.status == "closed":
        text += f" Mais {result.status_text}."
    return text


def _list(items: Sequence[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def call_info(result: CallResult, aspect: Optional[str]) -> str:
    """One property of a call, figure first, citing the call by code and title."""
    call, rules = result.call, result.window.session.rules
    aspect = aspect or "presentation"
    funding = rules["funding"]
    if aspect == "taux":
        text = f"{cite(call)} : cofinancement {'jusqu’à ' if funding.get('rate_is_maximum') else ''}{fmt.percent(funding['rate'])} du coût du projet"
        if funding.get("cap_eur"):
            text += f", plafonné à {fmt.euros(funding['cap_eur'])} {funding.get('cap_scope', '')}".rstrip()
        text += "."
        if funding.get("base_excludes"):
            text += f" Hors {', '.join(funding['base_excludes'])}."
        if result.funding.amount is not None:
            text += f" Pour votre projet : {result.funding.explanation}."
        return text
    if aspect == "plafond":
        if funding.get("cap_eur"):
            return (f"{cite(call)} : la subvention est plafonnée à {fmt.euros(funding['cap_eur'])} "
                    f"{funding.get('cap_scope', '')}".rstrip() + f" (taux {fmt.percent(funding['rate'])}).")
        return (f"{cite(call)} : pas de plafond fixé en euros ; le cofinancement est de "
                f"{fmt.percent(funding['rate'])} du coût du projet.")
    if aspect == "beneficiaires":
        text = f"{cite(call)} est ouvert aux {who_may_apply(rules['applicants'])}."
        for exclusion in rules["applicants"].get("exclusions", []):
            text += f" Attention : {exclusion['reason']}."
        territory = rules.get("territory")
        if territory:
            needs = []
            if territory.get("min_population"):
                needs.append(f"{'environ ' if territory.get('approximate') else ''}{fmt.number(territory['min_population'])} habitants")
            if territory.get("min_departements"):
                needs.append(fmt.plural(territory["min_departements"], "département", "départements"))
            if territory.get("example"):
                text += f" Le projet doit couvrir un bassin de population représentatif, par exemple {' ou '.join(needs)}."
            else:
                text += f" Le projet doit couvrir au moins {' ou '.join(needs)}."
        unchecked = [u["text"] for u in rules.get("unverifiable", [])]
        if unchecked:  # criteria the bot cannot check (ITN3's team composition), said with who may apply
            text += " Critères que je ne peux pas vérifier pour vous :\n" + _list(
                u[0].upper() + u[1:] for u in unchecked)
        return text
    if aspect == "dates":
        lines = [f"{cite(call)} : {calendar_line(result)}"]
        others = [s for s in call.sessions if s is not result.window.session]
        if others:
            lines.append("Sessions : " + " ; ".join(_session_dates(s, call.kind) for s in call.sessions) + ".")
        return "\n".join(lines)
    if aspect == "taille":
        size = rules.get("project_size")
        if not size or size.get("defined") is False:
            return f"{cite(call)} : la source ne fixe pas de taille de projet attendue."
        # the bounds as the source writes them (« plus de 250 k€ », « < 100.000 € »): one wording, the engine's
        text = f"{cite(call)} : taille de projet attendue {expected_size(size)}"
        for kind, minimum in size.get("min_eur_by_applicant", {}).items():
            text += (f" ({'plus de ' if size.get('min_exclusive') else ''}{fmt.euros(minimum)} pour "
                     f"{applicant_label(kind, plural=True)})")
        return text + "."
    if aspect == "criteres":
        items = call.get("selection_criteria", [])
        return (f"Critères de sélection de {cite(call)} :\n{_list(items)}" if items
                else f"La source ne détaille pas de critères de sélection pour {cite(call)}.")
    if aspect == "engagements":
        to_meet = [c["text"] for c in call.get("conditions_to_meet", [])]
        items = [c["text"] for c in call.get("commitments", [])]
        parts = []
        if to_meet:
            parts.append(f"Conditions d'éligibilité à remplir par le projet pour {cite(call)} :\n{_list(to_meet)}")
        if items:
            parts.append(f"Engagements du lauréat pour {cite(call)} :\n{_list(items)}")
        return ("\n".join(parts) if parts
                else f"La source ne mentionne pas d'engagement particulier pour {cite(call)}.")
    if aspect == "exemples":
        items = call.get("examples", [])
        return (f"Exemples de projets pour {cite(call)} :\n{_list(items[:5])}" if items
                else f"La source ne donne pas d'exemple de projet pour {cite(call)}.")
    if aspect == "candidature":
        how = call.worded("how_to_apply") if call.get("how_to_apply") else "la source ne précise pas les modalités de dépôt."
        text = f"Candidater à {cite(call)} : {how}"
        if call.get("selection_process"):
            text += f"\nSélection : {call.get('selection_process')}"
        for link in result.links[:2]:
            text += f"\n{link['label']} : {link['url']}"
        return text
    presentation = (f"{call.code} — {call.worded('title')} ({KINDS[call.kind]}, {call.worded('carrier')}).\n{call.summary}\n"
            f"Cofinancement : {fmt.percent(funding['rate'])}. {calendar_line(result)}")
    return presentation + for_your_project(result) if aspect == DETAILS else presentation


def for_your_project(result: CallResult) -> str:
    """What « Détails » adds to the presentation: the verdict and money for the profile, every
    reason the engine gave, and the laureate's commitments (the first reply keeps only the essentials)."""
    if result.verdict == INELIGIBLE:
        return "\nPour votre projet : vous n'êtes pas éligible.\n" + _list(
            f.reason for f in result.findings if f.outcome == FAIL)
    lines = [f"\nPour votre projet : {VERDICT_WORDS[result.verdict].lower()}. {money_line(result)}"]
    lines += [f"• {reason}" for reason in result.reasons]
    if result.conditions_to_meet:
        lines.append("Conditions d'éligibilité à remplir par le projet :")
        lines += [f"• {condition}" for condition in result.conditions_to_meet]
    commitments = [c for c in result.conditions if c not in result.reasons]
    if commitments:
        lines.append("Engagements du lauréat et autres conditions :")
        lines += [f"• {condition}" for condition in commitments]
    return "\n".join(lines)


def _session_dates(session, kind: Optional[str] = None) -> str:
    if session.dates_approximate and session.period_label:
        return f"{session.name} ({session.period_label})"
    if session.rolling:
        return f"{session.name} ({rolling_text(session, kind)})"
    if session.opens:
        return f"{session.name} (du {fmt.date(session.opens)} au {fmt.date(session.closes)})"
    return f"{session.name} (jusqu'au {fmt.date(session.closes)})"


def compare(first: CallResult, second: CallResult) -> str:
    def row(r: CallResult) -> str:
        return (f"{cite(r.call)}\n• {KINDS[r.call.kind]} porté par {r.call.worded('carrier')}, thème : {THEMES[r.call.themes[0]]}"
                f"\n• {money_line(r)}\n• Pour vous : {VERDICT_WORDS[r.verdict].lower()}"
                f"\n• {calendar_line(r)}")
    return f"Comparaison :\n\n{row(first)}\n\n{row(second)}"


def funding_answer(results: List[CallResult], profile: Profile) -> str:
    """'combien pourrions-nous obtenir ?' over the recommended calls."""
    if profile.budget is None:
        return ("Pour estimer le montant, j'ai besoin du coût total du projet en euros TTC "
                "(par exemple « 400 000 € »).")
    candidates = [r for r in results if r.verdict != INELIGIBLE and r.theme_match is not False][:MAX_DETAILED]
    if not candidates:
        return "Aucun appel ne correspond pour l'instant à votre profil : je ne peux pas estimer de montant."
    lines = [f"Pour un projet de {fmt.euros(profile.budget)} TTC :"]
    lines += [f"• {r.code} : {r.funding.explanation} ({VERDICT_WORDS[r.verdict].lower()})" for r in candidates]
    lines.append("Ces montants sont des maximums : le cofinancement est décidé par le porteur de l'appel.")
    return "\n".join(lines)


def can_apply(result: CallResult, applicant_type: Optional[str]) -> str:
    """« Un EPCI peut-il répondre à ITN6 ? »: « Oui » or « Non » first, then the reason from the
    engine's findings, and for « Oui » the money for the profile."""
    call = result.call
    if applicant_type is None:
        who = who_may_apply(result.window.session.rules["applicants"])
        return (f"Cela dépend de la structure qui porte le projet : {cite(call)} est ouvert aux {who}. "
                "Dites-moi quelle structure vous représentez et je vous réponds.")
    failures = [f.reason for f in result.findings if f.outcome == FAIL]
    closed = f" Par ailleurs, {result.status_text}." if result.status == "closed" else ""
    if result.verdict == INELIGIBLE:
        porteur = [f.reason for f in result.findings if f.criterion == "porteur" and f.outcome == FAIL]
        if porteur:
            return f"Non. {cite(call)} — {porteur[0]}"
        return f"Non, pas pour ce projet : {cite(call)} — " + " ".join(failures) + closed
    admitted = next((f.reason for f in result.findings if f.criterion == "porteur"), "")
    text = f"Oui{', sous réserve' if result.verdict == TO_CONFIRM else ''}. {cite(call)} — {admitted}"
    if result.verdict == TO_CONFIRM:
        # some reasons already say « À vérifier : … »: no second heading in front of them
        points = " ".join(open_points(result))
        text += " " + points if points.startswith("À vérifier") else " À confirmer : " + points
    return f"{text} {money_line(result)}{closed}"


# « une collectivité » asked as a whole: every kind of collectivité territoriale the profile knows.
COLLECTIVITES = ("region", "departement", "commune", "epci", "collectivite_outre_mer", "groupement_collectivites")


def can_apply_as_group(results: Dict[str, CallResult], group: str = "collectivités territoriales") -> str:
    """« Une collectivité peut candidater à ITN2 ? »: one answer for every kind of the group when they
    all get the same, else which may and which may not; `results` is the call evaluated per kind."""
    call = next(iter(results.values())).call

    def porteur(result: CallResult) -> Optional[str]:
        return next((f.reason for f in result.findings if f.criterion == "porteur" and f.outcome == FAIL), None)

    refused = {kind: porteur(r) for kind, r in results.items() if porteur(r)}
    labels = ", ".join(applicant_label(kind, plural=True).removeprefix("les ") for kind in results)
    if len(refused) == len(results):
        reasons = list(dict.fromkeys(refused.values()))
        return (f"Non, aucune des {group} ({labels}) ne peut porter un projet {cite(call)} — "
                + (reasons[0] if len(reasons) == 1 else " ".join(reasons)))
    who = who_may_apply(call.sessions[-1].rules["applicants"])
    if not refused:
        return (f"Oui, toutes les {group} ({labels}) peuvent porter un projet {cite(call)}, ouvert aux {who}, "
                "sous réserve des autres critères de l'appel.")
    admitted = [k for k in results if k not in refused]
    return (f"Cela dépend de la collectivité, pour {cite(call)} (ouvert aux {who}) : oui pour les "
            + ", ".join(applicant_label(k, plural=True).removeprefix("les ") for k in admitted)
            + " ; non pour les " + ", ".join(applicant_label(k, plural=True).removeprefix("les ") for k in refused) + ".")


def unknown_call(code: str) -> str:
    codes = ", ".join(load_catalogue().codes)
    return f"Je ne connais pas d'appel « {code} ». Les appels que je connais sont : {codes}."


def which_call_question(recommended: Sequence[str]) -> Message:
    """No call named nor discussed yet: the user names one, or picks one of those recommended."""
    buttons = [{"title": code, "payload": f'/ask_call_info{{"call_code": "{code}"}}'} for code in recommended[:4]]
    return {"text": "De quel appel parlez-vous ? Indiquez son code, par exemple ITN5, SNAP3 ou TNT-COOP.",
            "buttons": buttons}
