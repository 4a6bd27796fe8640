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

from .funding import on_budget_as_given
from .profile import Profile

# the sizes' bounds as the sources write them, also read by funding.py (re-exported for the replies)
from .sizes import above_maximum, below_minimum, expected_size  # noqa: F401
from .vocabulary import applicant_label

PASS, FAIL, UNKNOWN, UNVERIFIABLE, ABOVE = "pass", "fail", "unknown", "unverifiable", "above"
# How a figure of the project's own (a band below « environ », a route) is marked when said to users.
PROJECT_READING = "lecture de cet assistant, pas un chiffre de la source"


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
        return "", "un bassin de population représentatif, par exemple "
    return "", ""


def _what_threshold(block: Dict[str, Any]) -> str:
    """What the source's figure is, said after it: required, an order of size, or an example."""
    if block.get("approximate"):
        return "(ordre de grandeur donné par la source)"
    if block.get("example"):
        return "(exemple de bassin représentatif donné par la source)"
    return "requis"


def _band_text(block: Dict[str, Any]) -> str:
    """The band below an approximate or example threshold, said as the project's reading."""
    band = block.get("to_confirm_from", {})
    figures = []
    if band.get("min_population"):
        figures.append(f"{fmt.number(band['min_population'])} habitants")
    if band.get("min_departements"):
        figures.append(fmt.plural(band["min_departements"], "département", "départements"))
    return " ou ".join(figures)


def _near_reason(block: Dict[str, Any], checks: List[str]) -> str:
    """Why a figure inside the band below an approximate threshold is to confirm, not ineligible:
    the band is the project's reading of « environ » or « par exemple », and is said as such."""
    how = ("que la source donne comme un ordre de grandeur (« environ »)" if block.get("approximate")
           else "que la source donne comme un exemple (« par exemple »)")
    return (f"{' et '.join(checks)} : en dessous du chiffre, {how} ; à partir de {_band_text(block)}, l'écart "
            f"peut être admis ({PROJECT_READING}) : éligibilité à confirmer avec le porteur de l'appel.")


def _far_reason(block: Dict[str, Any], checks: List[str]) -> str:
    """Why a figure well below an approximate threshold is ineligible, the band said as the project's."""
    text = " et ".join(checks)
    if not block.get("to_confirm_from"):
        return text + "."
    return (f"{text} ; en dessous de {_band_text(block)}, le projet est nettement plus petit que ceux que "
            f"l'appel vise ({PROJECT_READING}).")


def territoire_couvert(rules: Dict[str, Any], profile: Profile) -> Optional[List[Finding]]:
    """Minimum territory: "au moins 300 000 habitants", "1 million de citoyens ou trois départements",
    « un département ou l'équivalent d'une population d'environ 500 000 habitants ».

    A condition with « ou » is met by either branch: for a porteur whose type may cover a whole
    département (`departement_for`: a groupement of collectivités), a population below the TNT threshold
    is not a failure, since the project may concern a département of any population: the profile cannot
    say whether it covers a whole one, so the verdict is to confirm, with both branches said.
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
    what = _what_threshold(block)
    if kind and kind in block.get("satisfied_by", []):
        return [Finding("territoire", PASS,
                        f"Territoire : {applicant_label(kind)} couvre par nature le territoire requis.")]
    one_departement = kind in block.get("departement_for", [])
    required = []
    if one_departement:
        required.append("un projet qui concerne un département")
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
                                 f"{about}{fmt.number(min_pop)} habitants {what}"))
    if min_deps and profile.departement_count is not None:
        ok = profile.departement_count >= min_deps
        near = not ok and profile.departement_count >= band.get("min_departements", min_deps)
        sign = "≥" if ok else "<"
        checks.append((ok, near,
                       f"{fmt.plural(profile.departement_count, 'département couvert', 'départements couverts')}"
                       f" {sign} {fmt.number(min_deps)} {what}"))
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
    if one_departement:  # the « ou » branch: whether the project concerns a whole département is not in the profile
        return [Finding("territoire", UNVERIFIABLE, (
            f"{' et '.join(text for _, _, text in checks)} ; la source admet aussi un projet qui concerne un "
            f"département, quelle que soit sa population (« un département ou l'équivalent d'une population "
            f"d'environ {fmt.number(min_pop)} habitants ») : si votre projet concerne un département entier, "
            f"le seuil est rempli ; à confirmer avec le porteur de l'appel."))]
    return [Finding("territoire", FAIL, _far_reason(block, [text for _, _, text in checks]))]


def _minimum_for(block: Dict[str, Any], kind: Optional[str]) -> Tuple[Optional[float], bool]:
    """The minimum size for this applicant type, and whether it depends on a type still unknown."""
    general = block.get("min_eur")
    special = block.get("min_eur_by_applicant", {})
    if kind in special:
        return special[kind], False
    return general, kind is None and bool(special)


def fits_size(block: Optional[Dict[str, Any]], budget: float) -> bool:
    """Whether a budget is inside a block's expected size, bounds read as the source writes them."""
    if not block:
        return True
    return not below_minimum(block, budget, block.get("min_eur")) and not above_maximum(block, budget)


def _above_advice(block: Dict[str, Any]) -> str:
    """What to do with a budget above the expected size: a split into phases only where the source
    speaks of phases (SNAP3, SNAP4)."""
    if block.get("phases"):
        return f"à confirmer avec le porteur de l'appel ; la source prévoit des phases : {block['phases']['text']}"
    return "à confirmer avec le porteur de l'appel"


def taille_attendue(rules: Dict[str, Any], profile: Profile) -> Optional[List[Finding]]:
    """Expected project size ("Taille attendue des projets : 200 000 à 1 000 000 € TTC")."""
    block = rules.get("project_size")
    if not block or block.get("defined") is False or not (block.get("min_eur") or block.get("max_eur")):
        return None
    minimum, depends_on_type = _minimum_for(block, profile.applicant_type)
    expected = expected_size(block, minimum)
    by_type = block.get("min_eur_by_applicant", {})
    if by_type and profile.applicant_type not in by_type:
        expected += " (" + ", ".join(f"{'plus de' if block.get('min_exclusive') else ''} {fmt.euros(v)} pour "
                                     f"{applicant_label(k, plural=True)}".strip()
                                     for k, v in by_type.items()) + ")"
    budget = profile.budget
    if budget is None:
        return [Finding("taille", UNKNOWN, f"Budget non précisé : taille attendue {expected}.", ("budget",))]
    if below_minimum(block, budget, minimum):
        if depends_on_type and not below_minimum(block, budget, min(by_type.values())):
            return [Finding("taille", UNKNOWN,
                            f"Budget {fmt.euros(budget)} : suffisant seulement pour certains porteurs "
                            f"(taille attendue {expected}) ; précisez le type de porteur.", ("applicant_type",))]
        sign = "≤" if block.get("min_exclusive") else "<"
        return [Finding("taille", FAIL, f"Budget {fmt.euros(budget)} {sign} {fmt.euros(minimum)} TTC, "
                                        f"taille minimale attendue ({expected}).")]
    if above_maximum(block, budget):
        return [Finding("taille", ABOVE,
                        f"Budget {fmt.euros(budget)} au-delà de la taille attendue ({expected}) : "
                        f"{_above_advice(block)}.")]
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
    budget, basis = on_budget_as_given(funding, profile.budget, profile.as_given())  # the grant's own base
    said = basis or fmt.euros(budget)
    if budget < minimum_budget:
        return [Finding("subvention_minimale", FAIL, f"{base} ; votre budget est de {said}.")]
    return [Finding("subvention_minimale", PASS, f"{base} ; votre budget de {said} le permet.")]


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
