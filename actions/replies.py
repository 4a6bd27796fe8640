"""The assistant's French answers, composed from the engine's results and the catalogue.

Pure functions: no Rasa import, so every answer can be tested with plain profiles.
Every figure comes from the catalogue (through the engine); nothing about a call is
written here.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from orientation.eligibility import ELIGIBLE, INELIGIBLE, TO_CONFIRM, Call, CallResult, Profile
from orientation.language import french as fmt
from orientation.eligibility.funding import PART_WORDS, funding_conditions
from orientation.eligibility.rules import ABOVE, FAIL, UNKNOWN, UNVERIFIABLE, who_may_apply
from orientation.eligibility.sessions import rolling_text
from orientation.eligibility.vocabulary import KINDS, THEMES, applicant_label
from orientation.territories import Territory
from orientation.territories.coverage import Coverage, encode

Message = Dict[str, Any]  # {"text": ..., "buttons": [{"title": ..., "payload": ...}]}

VERDICT_WORDS = {
    ELIGIBLE: "Vous êtes éligible",
    TO_CONFIRM: "Éligibilité à confirmer",
    INELIGIBLE: "Vous n'êtes pas éligible",
}
FIELD_QUESTIONS = {
    "applicant_type": "le type de structure qui porte le projet",
    "population": "la population couverte",
    "departement_count": "le nombre de départements couverts",
    "budget": "le coût total du projet",
}
MAX_DETAILED = 3
# The aspect the « Détails » buttons ask for: the presentation, then what the engine found for the
# profile. Only buttons send it (typed « des détails » is the presentation, lexicon.yml).
DETAILS = "details"


def cite(call: Call) -> str:
    return f"{call.code} — {call.title}"


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


def calendar_line(result: CallResult) -> str:
    if result.status == "closed" and result.programme_over:
        return f"{result.calendar}. Les conseillers de la DINUM peuvent vous dire si un autre dispositif est prévu."
    if result.status == "closed":
        return f"{result.calendar}. Demandez aux conseillers de la DINUM si une nouvelle session est prévue."
    return f"{result.calendar}."


def open_points(result: CallResult) -> List[str]:
    """What remains to confirm (a figure not given, a criterion a conversation cannot check)."""
    return [f.reason for f in result.findings if f.outcome in (UNKNOWN, UNVERIFIABLE, ABOVE)]


def first_reply_points(result: CallResult) -> List[str]:
    """What the first reply keeps of a recommended call, as an advisor would (issue 15): the first
    point that keeps it « à confirmer », and what the rate leaves out (« hors personnel »). The
    other reasons and the laureate's commitments come with « Détails » (for_your_project)."""
    points = open_points(result)[:1]
    return points + funding_conditions(result.window.session.rules["funding"])


def money_line(result: CallResult) -> str:
    if result.funding.amount is None:
        return result.funding.explanation[0].upper() + result.funding.explanation[1:] + "."
    return f"Financement possible : {result.funding.explanation}."


def call_card(result: CallResult) -> str:
    lines = [f"{result.rank}. {cite(result.call)}",
             f"{VERDICT_WORDS[result.verdict]}. {money_line(result)}"]
    lines += [f"• {point}" for point in first_reply_points(result)]
    lines.append(calendar_line(result))
    return "\n".join(lines)


def details_payload(code: str) -> str:
    """« Détails » of a recommended call: what it is, then the reasons and conditions for the profile."""
    return f'/ask_call_info{{"call_code": "{code}", "call_aspect": "{DETAILS}"}}'


def why_not_payload(code: str) -> str:
    return f'/ask_why_not{{"call_code": "{code}"}}'


def _buttons(recommended: Sequence[CallResult], ineligible: Sequence[CallResult]) -> List[Dict[str, str]]:
    buttons = [{"title": f"Détails de {r.code}", "payload": details_payload(r.code)} for r in recommended[:2]]
    # the reasons of the calls that do not fit come on demand: one button each, two at most
    buttons += [{"title": f"Pourquoi pas {r.code} ?", "payload": why_not_payload(r.code)} for r in ineligible[:2]]
    buttons.append({"title": "Prendre rendez-vous avec la DINUM", "payload": "/ask_appointment"})
    return buttons


def why_not_candidates(results: List[CallResult]) -> List[CallResult]:
    """Ineligible calls worth a "pourquoi pas ?" button: on the project's theme, else those that the
    applicant could apply to but for a figure (population, budget). Calls reserved to other kinds of
    applicants are not suggested: "pourquoi pas SNAP1 ?" means nothing to a commune."""
    ineligible = [r for r in results if r.verdict == INELIGIBLE]
    on_theme = [r for r in ineligible if r.theme_match]
    if on_theme:
        return on_theme
    return [r for r in ineligible if all(f.criterion != "porteur" for f in r.findings if f.outcome == FAIL)]


def which_call(calls: Sequence[Call], payload) -> Message:
    """A name several calls share, that the profile does not settle: the user chooses."""
    text = ("Ce nom désigne plusieurs appels : "
            + " ; ".join(f"{c.code} — {c.short_title}, ouvert aux {who_may_apply(c.sessions[-1].rules['applicants'])}"
                         for c in calls)
            + ". Duquel parlez-vous ?")
    return {"text": text, "buttons": [{"title": f"{c.code} — {c.short_title}", "payload": payload(c.code)}
                                      for c in calls]}


def first_failure(result: CallResult) -> str:
    failures = [f.reason for f in result.findings if f.outcome == FAIL]
    return failures[0] if failures else "aucun critère bloquant."


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
        text = f"{cite(call)} : taille de projet attendue "
        if size.get("min_eur") and size.get("max_eur"):
            text += f"de {fmt.euros(size['min_eur'])} à {fmt.euros(size['max_eur'])} TTC"
        elif size.get("min_eur"):
            text += f"d'au moins {fmt.euros(size['min_eur'])} TTC"
        else:
            text += f"jusqu'à {fmt.euros(size['max_eur'])} TTC"
        for kind, minimum in size.get("min_eur_by_applicant", {}).items():
            text += f" ({fmt.euros(minimum)} pour {applicant_label(kind, plural=True)})"
        return text + "."
    if aspect == "criteres":
        items = call.get("selection_criteria", [])
        return (f"Critères de sélection de {cite(call)} :\n{_list(items)}" if items
                else f"La source ne détaille pas de critères de sélection pour {cite(call)}.")
    if aspect == "engagements":
        items = [c["text"] for c in call.get("commitments", [])]
        return (f"Engagements du lauréat pour {cite(call)} :\n{_list(items)}" if items
                else f"La source ne mentionne pas d'engagement particulier pour {cite(call)}.")
    if aspect == "exemples":
        items = call.get("examples", [])
        return (f"Exemples de projets pour {cite(call)} :\n{_list(items[:5])}" if items
                else f"La source ne donne pas d'exemple de projet pour {cite(call)}.")
    if aspect == "candidature":
        text = f"Candidater à {cite(call)} : {call.get('how_to_apply') or 'la source ne précise pas les modalités de dépôt.'}"
        if call.get("selection_process"):
            text += f"\nSélection : {call.get('selection_process')}"
        for link in call.get("links", [])[:2]:
            text += f"\n{link['label']} : {link['url']}"
        return text
    presentation = (f"{cite(call)} ({KINDS[call.kind]}, {call.carrier}).\n{call.summary}\n"
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
    commitments = [c for c in result.conditions if c not in result.reasons]
    if commitments:
        lines.append("Conditions :")
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
        return (f"{cite(r.call)}\n• {KINDS[r.call.kind]} porté par {r.call.carrier}, thème : {THEMES[r.call.themes[0]]}"
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


def advisor_summary(profile: Profile, results: List[CallResult], questions: Sequence[str],
                    places: Sequence[Territory] = ()) -> str:
    """The case an advisor reads before the call: profile, recommendations with verdicts and
    reasons at the reference date, calls on the theme that do not fit and why, questions asked."""
    if profile_is_empty(profile, places):  # a booking before any profile: no arbitrary calls « à confirmer »
        lines = ["Dossier : profil non renseigné (l'usager n'a rien dit de son projet avant de réserver).",
                 f"Date de référence : {fmt.date(profile.date)}.",
                 "Aucun appel recommandé : à voir avec l'usager pendant l'échange."]
        if questions:
            lines.append("Questions posées : " + " | ".join(questions[-5:]))
        return "\n".join(lines)
    recommended = [r for r in results if r.verdict != INELIGIBLE and r.theme_match is not False][:MAX_DETAILED]
    lines = [f"Profil : {profile_summary(profile, places)}.",
             f"Date de référence : {fmt.date(profile.date)}."]
    if recommended:
        lines.append("Appels recommandés :")
        for r in recommended:
            lines.append(f"• {r.code} ({VERDICT_WORDS[r.verdict].lower()}, {r.funding.explanation}, {r.status_text})")
            lines += [f"  – {reason}" for reason in r.reasons[:3]]
    else:
        lines.append("Aucun appel recommandé à ce stade.")
    not_fitting = [r for r in results if r.verdict == INELIGIBLE and r.theme_match][:MAX_DETAILED]
    if not_fitting:
        lines.append("Sur le thème, non éligible : " + " ; ".join(f"{r.code} ({first_failure(r)})"
                                                                 for r in not_fitting))
    if questions:
        lines.append("Questions posées : " + " | ".join(questions[-5:]))
    return "\n".join(lines)

POPULATION_SOURCE = "population légale INSEE, découpage administratif d'Etalab"


def territory_note(covered: Coverage, stated_population: Optional[float] = None) -> str:
    """« Rennes (35) : 230 890 habitants (population légale INSEE…). »"""
    text = " ; ".join(f"{t.label()} : {fmt.number(t.population)} habitants" for t in covered.territories)
    if len(covered.territories) > 1:
        text += (f", soit {fmt.number(covered.population)} habitants sur "
                 f"{fmt.plural(covered.departement_count, 'département', 'départements')}")
    text += f" ({POPULATION_SOURCE})."
    if stated_population is not None and stated_population != covered.population:
        text += f" Je retiens le chiffre que vous indiquez : {fmt.number(stated_population)} habitants."
    return text


def which_place(homonyms: Sequence[Territory]) -> Message:
    """Several places share the name: the user chooses, with the département shown."""
    kind = {"commune": "communes", "epci": "intercommunalités"}.get(homonyms[0].kind, "territoires")
    return {"text": f"Plusieurs {kind} s'appellent « {homonyms[0].name} » : laquelle est concernée par le projet ?",
            "buttons": [{"title": f"{t.label()} — {fmt.number(t.population)} habitants",
                         "payload": f'/inform{{"territory": "{encode([t])}"}}'} for t in homonyms]}


def can_apply(result: CallResult, applicant_type: Optional[str]) -> str:
    """« Un EPCI peut-il répondre à ITN6 ? »: « Oui » or « Non » first, then the reason from the
    engine's findings, and for « Oui » the money for the profile (issue 11)."""
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
