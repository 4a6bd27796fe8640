"""The eligibility rules, one small function per kind of criterion found in the sources.

Each rule reads one block of a call's `rules` (see schema.yaml) and the profile, and
returns a Finding: pass, fail, unknown (a profile field is missing), unverifiable
(a chat cannot check it) or above (budget over the expected size), with one French
line that states the figures. A rule whose block is absent does not apply (None).
The engine turns findings into a verdict; no rule decides alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple

from orientation.language import french as fmt

from .profile import Profile
from .vocabulary import applicant_label

PASS, FAIL, UNKNOWN, UNVERIFIABLE, ABOVE = "pass", "fail", "unknown", "unverifiable", "above"


@dataclass(frozen=True)
class Finding:
    criterion: str
    outcome: str
    reason: str
    missing: Tuple[str, ...] = ()  # profile fields that would settle an unknown


Rule = Callable[[Dict[str, Any], Profile], Optional[List[Finding]]]


def who_may_apply(applicants: Dict[str, Any]) -> str:
    """Who may apply, to follow « ouvert aux »: the source's words, else the admitted types
    without their article (« communes, EPCI (intercommunalités)… »)."""
    return applicants.get("who") or ", ".join(applicant_label(t, plural=True).removeprefix("les ")
                                              for t in applicants["admitted"])


def porteur_admis(rules: Dict[str, Any], profile: Profile) -> Optional[List[Finding]]:
    """Who may apply ("Le porteur est une administration d'État…", "Ne sont pas concernées…")."""
    block = rules["applicants"]
    who = who_may_apply(block)
    kind = profile.applicant_type
    if kind is None:
        return [Finding("porteur", UNKNOWN, f"Type de porteur non précisé : l'appel est ouvert aux {who}.",
                        ("applicant_type",))]
    for exclusion in block.get("exclusions", []):
        if kind in exclusion["types"]:
            return [Finding("porteur", FAIL, f"Porteur exclu : {exclusion['reason']}.")]
    if kind == "particulier":
        return [Finding("porteur", FAIL,
                        f"Les particuliers ne peuvent pas candidater : l'appel est réservé aux {who}.")]
    if kind not in block["admitted"]:
        return [Finding("porteur", FAIL,
                        f"Type de porteur non admis ({applicant_label(kind, plural=True)}) : "
                        f"l'appel est ouvert aux {who}.")]
    return [Finding("porteur", PASS, f"Type de porteur admis : {applicant_label(kind)} ({who}).")]


def _threshold_words(block: Dict[str, Any]) -> Tuple[str, str]:
    """How the source states the threshold: « environ » before the figure, or « par exemple »
    before the whole requirement; empty for a plain threshold."""
    if block.get("approximate"):
        return "environ ", ""
    if block.get("example"):
        return "", "par exemple "
    return "", ""


def _near_reason(block: Dict[str, Any], checks: List[str]) -> str:
    """Why a figure inside the band below an approximate threshold is to confirm, not ineligible."""
    how = ("que la source donne comme approximatif (« environ »)" if block.get("approximate")
           else "que la source donne à titre d'exemple (« par exemple »)")
    return (f"{' et '.join(checks)} : un peu en dessous du seuil, {how} ; "
            f"éligibilité à confirmer avec le porteur de l'appel.")


def territoire_couvert(rules: Dict[str, Any], profile: Profile) -> Optional[List[Finding]]:
    """Minimum territory: "au moins 300 000 habitants", "1 million de citoyens ou trois départements".

    A threshold the source gives as approximate (« environ ») or as an example (« par exemple ») has
    a band below it (`to_confirm_from`, a project decision written in the catalogue): a figure inside
    it is to confirm, not ineligible; well below, it fails."""
    block = rules.get("territory")
    if not block:
        return None
    min_pop, min_deps = block.get("min_population"), block.get("min_departements")
    about, example = _threshold_words(block)
    band = block.get("to_confirm_from", {})
    kind = profile.applicant_type
    if kind and kind in block.get("satisfied_by", []):
        return [Finding("territoire", PASS,
                        f"Territoire : {applicant_label(kind)} couvre par nature le territoire requis.")]
    required = []
    if min_pop:
        required.append(f"{about}{fmt.number(min_pop)} habitants")
    if min_deps:
        required.append(fmt.plural(min_deps, "département", "départements"))
    requirement = example + " ou ".join(required)
    checks = []  # (passes, inside the band below, text)
    if min_pop and profile.population is not None:
        ok = profile.population >= min_pop
        near = not ok and profile.population >= band.get("min_population", min_pop)
        sign = "≥" if ok else "<"
        checks.append((ok, near, f"Population couverte {fmt.number(profile.population)} {sign} "
                                 f"{about}{fmt.number(min_pop)} habitants requis"))
    if min_deps and profile.departement_count is not None:
        ok = profile.departement_count >= min_deps
        near = not ok and profile.departement_count >= band.get("min_departements", min_deps)
        sign = "≥" if ok else "<"
        checks.append((ok, near,
                       f"{fmt.plural(profile.departement_count, 'département couvert', 'départements couverts')}"
                       f" {sign} {fmt.number(min_deps)} requis"))
    passed = [text for ok, _, text in checks if ok]
    if passed:
        return [Finding("territoire", PASS, passed[0] + ".")]
    missing = tuple(name for name, needed, value in (
        ("population", min_pop, profile.population),
        ("departement_count", min_deps, profile.departement_count)) if needed and value is None)
    if missing:  # the missing figure could still settle it: ask for it
        known = "; ".join(text for _, _, text in checks)
        prefix = f"{known} ; " if known else ""
        return [Finding("territoire", UNKNOWN,
                        f"{prefix}Territoire couvert non précisé : il faut {requirement}.", missing)]
    if any(near for _, near, _ in checks):
        return [Finding("territoire", UNVERIFIABLE, _near_reason(block, [text for _, _, text in checks]))]
    return [Finding("territoire", FAIL, " et ".join(text for _, _, text in checks) + ".")]


def _minimum_for(block: Dict[str, Any], kind: Optional[str]) -> Tuple[Optional[float], bool]:
    """The minimum size for this applicant type, and whether it depends on a type still unknown."""
    general = block.get("min_eur")
    special = block.get("min_eur_by_applicant", {})
    if kind in special:
        return special[kind], False
    return general, kind is None and bool(special)


def expected_size(block: Dict[str, Any], minimum: Optional[float] = None) -> str:
    """« de 100 000 € à 1 000 000 € TTC », « au moins 250 000 € TTC », « jusqu'à 100 000 € TTC »."""
    minimum = minimum if minimum is not None else block.get("min_eur")
    maximum = block.get("max_eur")
    if minimum and maximum:
        return f"de {fmt.euros(minimum)} à {fmt.euros(maximum)} TTC"
    if minimum:
        return f"au moins {fmt.euros(minimum)} TTC"
    return f"jusqu'à {fmt.euros(maximum)} TTC"


def taille_attendue(rules: Dict[str, Any], profile: Profile) -> Optional[List[Finding]]:
    """Expected project size ("Taille attendue des projets : 200 000 à 1 000 000 € TTC")."""
    block = rules.get("project_size")
    if not block or block.get("defined") is False or not (block.get("min_eur") or block.get("max_eur")):
        return None
    minimum, depends_on_type = _minimum_for(block, profile.applicant_type)
    maximum = block.get("max_eur")
    expected = expected_size(block, minimum)
    by_type = block.get("min_eur_by_applicant", {})
    if by_type and profile.applicant_type not in by_type:
        expected += " (" + ", ".join(f"{fmt.euros(v)} pour {applicant_label(k, plural=True)}"
                                     for k, v in by_type.items()) + ")"
    budget = profile.budget
    if budget is None:
        return [Finding("taille", UNKNOWN, f"Budget non précisé : taille attendue {expected}.", ("budget",))]
    if minimum and budget < minimum:
        if depends_on_type and budget >= min(by_type.values()):
            return [Finding("taille", UNKNOWN,
                            f"Budget {fmt.euros(budget)} : suffisant seulement pour certains porteurs "
                            f"(taille attendue {expected}) ; précisez le type de porteur.", ("applicant_type",))]
        return [Finding("taille", FAIL, f"Budget {fmt.euros(budget)} < {fmt.euros(minimum)} TTC, "
                                        f"taille minimale attendue ({expected}).")]
    if maximum and budget > maximum:
        return [Finding("taille", ABOVE,
                        f"Budget {fmt.euros(budget)} au-delà de la taille attendue ({expected}) : "
                        f"à confirmer avec le porteur de l'appel (découpage en phases possible).")]
    return [Finding("taille", PASS, f"Budget {fmt.euros(budget)} dans la taille attendue ({expected}).")]


def subvention_minimale(rules: Dict[str, Any], profile: Profile) -> Optional[List[Finding]]:
    """A minimum grant implies a minimum budget ("Plancher minimal de subvention UE : 75 000 €" at 60 %)."""
    funding = rules["funding"]
    floor = funding.get("min_grant_eur")
    if not floor:
        return None
    rate = funding["rate"]
    minimum_budget = floor / rate
    base = (f"Subvention minimale {fmt.euros(floor)} : au taux maximal de {fmt.percent(rate)}, "
            f"le projet doit coûter au moins {fmt.euros(minimum_budget)}")
    if profile.budget is None:
        return [Finding("subvention_minimale", UNKNOWN, f"{base} ; budget non précisé.", ("budget",))]
    if profile.budget < minimum_budget:
        return [Finding("subvention_minimale", FAIL, f"{base} ; votre budget est de {fmt.euros(profile.budget)}.")]
    return [Finding("subvention_minimale", PASS, f"{base} ; votre budget de {fmt.euros(profile.budget)} le permet.")]


def criteres_a_verifier(rules: Dict[str, Any], profile: Profile) -> Optional[List[Finding]]:
    """Criteria about an existing situation a conversation cannot check ("recensé dans l'observatoire")."""
    findings = []
    for item in rules.get("unverifiable", []):
        applies_to = item.get("applies_to")
        if applies_to and profile.applicant_type is not None and profile.applicant_type not in applies_to:
            continue
        findings.append(Finding("a_verifier", UNVERIFIABLE, f"À vérifier : {item['text']}"))
    return findings or None


# The order is the order reasons are read in.
RULES: Tuple[Rule, ...] = (porteur_admis, territoire_couvert, taille_attendue, subvention_minimale,
                           criteres_a_verifier)


def check(rules: Dict[str, Any], profile: Profile) -> List[Finding]:
    findings: List[Finding] = []
    for rule in RULES:
        findings.extend(rule(rules, profile) or [])
    return findings
