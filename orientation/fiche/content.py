"""What the « fiche projet » says, built from the engine's results: the template only lays it out.

Every figure comes from a CallResult (the funding the bot shows, its explanation, the session, the
status) or from the catalogue block the engine read it from, with that block's source (document and
the quoted sentence). The plan de financement takes the eligible base from funding.eligible_base,
the engine's own function, and the call's share from the result: the applicant's share is the
budget less that share, nothing else is computed here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from orientation.eligibility import INELIGIBLE, CallResult, Profile
from orientation.eligibility.funding import PART_WORDS, caps_text, eligible_base
from orientation.eligibility.rules import ABOVE, UNKNOWN, UNVERIFIABLE
from orientation.eligibility.sessions import CLOSED
from orientation.eligibility.vocabulary import KINDS, THEMES, applicant_label
from orientation.language import french as fmt
from orientation.replies.call_result import MAX_DETAILED
from orientation.replies.territory import territory_note
from orientation.territories import Territory
from orientation.territories.coverage import coverage

# The seed documents by file name, as a reader can find them (seeds README).
DOCUMENTS = {
    "003_0babef74134a46ec.txt": "France Relance, « Plan de relance transformation numérique de l'État et des "
                                "territoires – Livret des thèmes » (29 octobre 2020)",
    "000_6e7707253dfef6ad.txt": "France Relance, page de l'appel « Généraliser sur plusieurs territoires une "
                                "innovation numérique locale »",
    "001_37e20dd89e176ebc.txt": "France Relance, page « Transformation numérique des collectivités territoriales »",
    "002_de85d9eddd2a0249.txt": "France Relance, page de la 2e session « Développer la coopération avec mes "
                                "partenaires et usagers grâce au numérique »",
    "004_bbc7f5c1faf2b799.txt": "Fiche action des fonds européens (FEDER) : services numériques aux citoyens et "
                                "infrastructures de données",
}
# The rule block each criterion of rules.py reads, for its source, and how the source list names it.
CRITERION_BLOCKS = {"porteur": "applicants", "territoire": "territory", "taille": "project_size",
                    "subvention_minimale": "funding"}
CRITERION_WORDS = {"porteur": "Porteurs admis", "territoire": "Territoire", "taille": "Taille du projet",
                   "subvention_minimale": "Subvention minimale"}
FIELD_NAMES = {"applicant_type": "le type de structure qui porte le projet",
               "population": "la population couverte par le projet",
               "departement_count": "le nombre de départements couverts",
               "budget": "le coût total du projet (TTC)", "nature": "le thème du projet"}
NOT_A_DECISION = ("Cette fiche est une orientation établie par l'assistant France Relance à partir des textes "
                  "publiés ; elle ne vaut pas décision du porteur de l'appel, qui seul instruit et retient les "
                  "candidatures.")


@dataclass(frozen=True)
class Source:
    what: str      # « Taux de cofinancement », « Plafond », « Calendrier »…
    document: str  # the document's title
    section: str   # the call's section in it (its title as the document writes it)
    quote: str


@dataclass(frozen=True)
class CallSheet:
    code: str
    title: str
    kind: str
    carrier: str
    verdict: str
    other_fund: Optional[str]
    amount: Optional[float]
    rate: float
    computation: str  # the engine's « 75 % de 400 000 €, soit jusqu'à 300 000 € »
    caps: Optional[str]
    calendar: str
    status: str
    reasons: List[str]
    conditions_to_meet: List[str]
    commitments: List[str]
    how_to_apply: str
    links: List[Dict[str, str]]
    sources: List[Source]


@dataclass(frozen=True)
class OtherCall:
    """A call also open to the profile, beyond those detailed: its figures in one row."""
    code: str
    title: str
    verdict: str
    computation: str
    calendar: str
    document: str


@dataclass(frozen=True)
class PlanRow:
    label: str
    amount: Optional[float]
    note: str = ""
    kind: str = "line"  # line | total | share | option


@dataclass(frozen=True)
class Fiche:
    reference_date: dt.date
    generated_at: dt.datetime
    profile: List[Tuple[str, str]]
    territory: Optional[str]
    missing: List[str]
    calls: List[CallSheet]
    others: List[OtherCall]
    plan: List[PlanRow]
    plan_call: Optional[str]
    plan_missing: Optional[str]
    questions: List[str]
    person: List[Tuple[str, str]] = field(default_factory=list)
    not_a_decision: str = NOT_A_DECISION


def document(file: str) -> str:
    return DOCUMENTS.get(file, file)


def _section(result: CallResult) -> str:
    title = (result.call.get("wording") or {}).get("title", {}).get("source", {})
    return title.get("quote") or f"{result.code} — {result.call.title}"


def _source(result: CallResult, what: str, block: Optional[Mapping[str, Any]]) -> Optional[Source]:
    if not block or not block.get("quote"):
        return None
    return Source(what, document(block.get("file", "")), _section(result), block["quote"])


def call_sources(result: CallResult) -> List[Source]:
    """The source of each figure the sheet gives for this call: rate, caps, minimum grant, calendar,
    and each criterion checked."""
    rules = result.window.session.rules
    funding = rules.get("funding") or {}
    session = result.window.session
    found = [_source(result, "Taux de cofinancement", funding.get("source")),
             _source(result, "Plafond", funding.get("cap_source")) if funding.get("cap_eur") else None,
             _source(result, "Subvention minimale", funding.get("min_grant_source")),
             _source(result, f"Calendrier ({session.name})", session.source)]
    for criterion in dict.fromkeys(f.criterion for f in result.findings if f.criterion in CRITERION_BLOCKS):
        block = rules.get(CRITERION_BLOCKS[criterion]) or {}
        found.append(_source(result, CRITERION_WORDS[criterion], block.get("source")))
    # one entry per quoted sentence, naming every figure it states
    merged: Dict[str, Source] = {}
    for source in found:
        if source is None:
            continue
        if source.quote in merged:
            kept = merged[source.quote]
            if source.what not in kept.what:
                merged[source.quote] = Source(f"{kept.what}, {source.what[0].lower()}{source.what[1:]}",
                                              kept.document, kept.section, kept.quote)
        else:
            merged[source.quote] = source
    return list(merged.values())


def call_sheet(result: CallResult) -> CallSheet:
    call = result.call
    funding = result.window.session.rules.get("funding") or {}
    return CallSheet(
        code=call.code, title=call.title, kind=KINDS[call.kind], carrier=call.worded("carrier"),
        verdict=result.verdict_text, other_fund=result.other_fund, amount=result.funding.amount,
        rate=result.funding.rate, computation=result.funding.explanation, caps=caps_text(funding),
        calendar=result.calendar, status=result.status, reasons=result.reasons,
        conditions_to_meet=result.conditions_to_meet, commitments=result.conditions,
        how_to_apply=call.worded("how_to_apply") if call.get("how_to_apply") else "",
        links=[{"label": link.get("label", link["url"]), "url": link["url"]} for link in result.links],
        sources=call_sources(result))


def _profile_rows(profile: Profile) -> List[Tuple[str, str]]:
    unknown, unknown_feminine = "non précisé", "non précisée"
    rows = [("Structure", applicant_label(profile.applicant_type) if profile.applicant_type else unknown_feminine),
            ("Population couverte", f"{fmt.number(profile.population)} habitants"
             if profile.population is not None else unknown_feminine)]
    if profile.departement_count is not None:
        rows.append(("Départements couverts", fmt.number(profile.departement_count)))
    rows.append(("Coût total du projet", f"{fmt.euros(profile.budget)} TTC" if profile.budget is not None else unknown))
    for kind, value in profile.budget_parts:
        rows.append((f"dont dépenses {PART_WORDS[kind]}", fmt.euros(value)))
    rows.append(("Thème du projet", THEMES[profile.nature] if profile.nature else unknown))
    return rows


def territory_text(places: Sequence[Territory], population: Optional[float]) -> Optional[str]:
    """The places named and where their population comes from (the official figures)."""
    covered = coverage(places)
    return territory_note(covered, population) if covered else None


def missing_fields(profile: Profile, results: Sequence[CallResult]) -> List[str]:
    """What the engine needed and the profile does not say, in the results' order."""
    names = dict.fromkeys(name for r in results if r.verdict != INELIGIBLE for name in r.missing)
    if profile.applicant_type is None:
        names = {"applicant_type": None, **names}
    if profile.budget is None:
        names["budget"] = None
    return [FIELD_NAMES.get(name, name) for name in names]


def financing_plan(profile: Profile, recommended: Sequence[CallResult]
                   ) -> Tuple[List[PlanRow], Optional[str], Optional[str]]:
    """(rows, the call the plan is built on, why there is no plan): the best France Relance call on
    the project's theme still open (or to come) with an amount, else the fund outside France Relance
    that is (as the bot then recommends it); another such fund as an option; the applicant's share."""
    if profile.budget is None:
        return [], None, "Le coût total du projet n'est pas connu : le plan de financement ne peut pas être établi."
    # the bot's recommendation: on the project's theme, open or to come (engine._rank_key's order)
    candidates = [r for r in recommended
                  if r.funding.amount is not None and r.status != CLOSED and r.theme_match is not False]
    main = next((r for r in candidates if not r.call.other_fund), candidates[0] if candidates else None)
    if main is None:
        return [], None, ("Aucun appel sur le thème du projet, ouvert à la date de référence, ne donne de montant "
                          "pour ce projet : pas de plan de financement.")
    budget = profile.budget
    funding = main.window.session.rules.get("funding") or {}
    base, taken = eligible_base(funding, budget, profile.parts())
    rows = [PlanRow("Coût total du projet (TTC)", budget, kind="total")]
    for kind, value in taken:
        rows.append(PlanRow(f"Dépenses exclues de l'assiette de {main.code} : dépenses {PART_WORDS[kind]}", value,
                            "restent à la charge du porteur"))
    rows.append(PlanRow(f"Assiette éligible de {main.code}", base))
    share = main.funding.amount or 0.0
    rows.append(PlanRow(f"Part de l'appel {main.code}", share, main.funding.explanation, kind="share"))
    rows.append(PlanRow("Part restant à la charge du porteur", budget - share,
                        "coût total moins la part de l'appel", kind="total"))
    for other in candidates:
        if other.call.other_fund and other is not main:
            rows.append(PlanRow(f"En option : {other.code} ({other.call.short_title})", other.funding.amount,
                                f"{other.funding.explanation} ; fonds distinct, à instruire selon ses propres "
                                "règles (le cumul avec l'appel n'est pas établi par les sources)", kind="option"))
    return rows, main.code, None


def advisor_questions(profile: Profile, recommended: Sequence[CallResult], missing: Sequence[str],
                      asked: Sequence[str] = ()) -> List[str]:
    """What is left for the call with the advisor: what the profile lacks, what the conversation
    cannot establish (the `to_confirm` criteria), and the user's own questions."""
    questions = [f"Préciser {name}." for name in missing]
    for result in recommended:
        for finding in result.findings:
            if finding.outcome in (UNVERIFIABLE, ABOVE) or (finding.outcome == UNKNOWN and not finding.missing):
                questions.append(f"{result.code} : {finding.reason}")
    questions += [f"Votre question : « {text} »" for text in asked]
    return list(dict.fromkeys(questions))


def other_call(result: CallResult) -> OtherCall:
    return OtherCall(result.code, result.call.short_title, result.verdict_text, result.funding.explanation,
                     result.calendar, document(result.call.get("sources")[0]))


def detailed_and_others(recommended: Sequence[CallResult]) -> Tuple[List[CallResult], List[CallResult]]:
    """The calls detailed, as the bot details them (its best MAX_DETAILED on the project's theme, and
    a fund outside France Relance that fits), and the others in one row each: the sheet stays a few
    pages long."""
    on_theme = [r for r in recommended if r.theme_match is not False]
    detailed = [r for r in on_theme if not r.call.other_fund][:MAX_DETAILED]
    detailed += [r for r in on_theme if r.call.other_fund][:1]
    return detailed, [r for r in recommended if r not in detailed]


def build_fiche(profile: Profile, results: Sequence[CallResult], places: Sequence[Territory] = (),
                person: Optional[Mapping[str, str]] = None, asked: Sequence[str] = (),
                now: Optional[dt.datetime] = None) -> Fiche:
    """The sheet of this profile, from the results evaluate(profile) gave (the bot's own).

    person: the booking's name and organisation when there is one (printed as text, never markup).
    asked: the user's questions the conversation left for the advisor."""
    recommended = [r for r in results if r.verdict != INELIGIBLE]
    detailed, others = detailed_and_others(recommended)
    missing = missing_fields(profile, results)
    plan, plan_call, plan_missing = financing_plan(profile, recommended)
    labels = {"name": "Nom", "organisation": "Organisme", "reference": "Rendez-vous"}
    return Fiche(
        reference_date=profile.date, generated_at=now or dt.datetime.now(dt.timezone.utc),
        profile=_profile_rows(profile), territory=territory_text(places, profile.population), missing=missing,
        calls=[call_sheet(r) for r in detailed], others=[other_call(r) for r in others],
        plan=plan, plan_call=plan_call, plan_missing=plan_missing,
        questions=advisor_questions(profile, recommended, missing, asked),
        person=[(labels[key], str(value)) for key, value in (person or {}).items() if value and key in labels])
