"""The eligibility engine: a profile in, every call of the catalogue out, with a verdict,
the reasons, the session and its status, the money, the conditions, and a rank.

Pure Python: importable and testable without Rasa.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from orientation.language import french as fmt

from . import rules as R
from .catalogue import Call, Catalogue, Session, load_catalogue
from .funding import FundingEstimate, estimate, funding_conditions
from .profile import Profile
from .sessions import CLOSED, STATUS_ORDER, Window, candidate_windows, status_text
from .vocabulary import THEMES

ELIGIBLE, TO_CONFIRM, INELIGIBLE = "eligible", "to_confirm", "ineligible"
VERDICT_ORDER = {ELIGIBLE: 0, TO_CONFIRM: 1, INELIGIBLE: 2}
VERDICT_LABELS = {ELIGIBLE: "éligible", TO_CONFIRM: "éligibilité à confirmer", INELIGIBLE: "non éligible"}


@dataclass
class CallResult:
    call: Call
    window: Window
    status: str
    verdict: str
    findings: List[R.Finding]
    funding: FundingEstimate
    conditions: List[str]
    theme_match: Optional[bool]
    status_text: str
    score: float = 0.0
    rank: int = 0
    missing: Tuple[str, ...] = field(default_factory=tuple)
    # The call's programme has ended at the reference date: no new session can come (contract §2).
    programme_over: bool = False

    @property
    def links(self) -> List[Dict[str, str]]:
        """The call's links for the session used: a link given for one session is not shown for another."""
        return [link for link in self.call.get("links", [])
                if link.get("session") in (None, self.window.session.name)]

    @property
    def conditions_to_meet(self) -> List[str]:
        """Eligibility criteria about the project as it will be built (contract §2), said with the verdict."""
        return [item["text"] for item in self.call.get("conditions_to_meet", [])]

    @property
    def verdict_text(self) -> str:
        """« éligible », « éligible, sous conditions », « éligibilité à confirmer »…: a verdict that has
        conditions to meet says so."""
        label = VERDICT_LABELS[self.verdict]
        if self.verdict == INELIGIBLE or not self.conditions_to_meet:
            return label
        return f"{label}, sous conditions" if self.verdict == ELIGIBLE else f"{label}, et sous conditions"

    @property
    def code(self) -> str:
        return self.call.code

    @property
    def calendar(self) -> str:
        """'2e session : ouvert jusqu'au 22 novembre 2021', without saying the session's name twice."""
        name = self.window.session.name
        if name.lower() in self.status_text.lower():
            return self.status_text[0].upper() + self.status_text[1:]
        return f"{name} : {self.status_text}"

    @property
    def reasons(self) -> List[str]:
        return [f.reason for f in self.findings]

    @property
    def other_fund(self) -> Optional[str]:
        """Why this fund outside France Relance comes after its calls: « fonds européens, hors France
        Relance : les critères… ; … », in the catalogue's words; None for a France Relance call."""
        fund = self.call.other_fund
        if not fund:
            return None
        return f"{fund['label']} : " + " ; ".join(item["text"] for item in fund["why"])

    @property
    def recommended(self) -> bool:
        return self.verdict != INELIGIBLE

    def to_dict(self) -> Dict[str, Any]:
        session = self.window.session
        return {
            "code": self.code,
            "title": self.call.title,
            "short_title": self.call.short_title,
            "verdict": self.verdict,
            "verdict_label": VERDICT_LABELS[self.verdict],
            "rank": self.rank,
            "score": self.score,
            "theme_match": self.theme_match,
            "themes": list(self.call.themes),
            "session": session.name,
            "session_opens": session.opens.isoformat() if session.opens else None,
            "session_closes": session.closes.isoformat() if session.closes else None,
            "status": self.status,
            "status_text": self.status_text,
            "cofinancing_rate": self.funding.rate,
            "max_funding_eur": self.funding.amount,
            "funding_text": self.funding.explanation,
            "reasons": self.reasons,
            "conditions_to_meet": self.conditions_to_meet,
            "conditions": self.conditions,
            "missing": list(self.missing),
            "source": self.call.get("sources")[0],
            "sources": list(self.call.get("sources")),
            # optional: only for a fund outside France Relance, why it comes after their calls
            **({"other_fund": self.other_fund} if self.other_fund else {}),
        }


def verdict_of(findings: List[R.Finding]) -> str:
    outcomes = {f.outcome for f in findings}
    if R.FAIL in outcomes:
        return INELIGIBLE
    if outcomes & {R.UNKNOWN, R.UNVERIFIABLE, R.ABOVE}:
        return TO_CONFIRM
    return ELIGIBLE


def theme_match(call: Call, profile: Profile) -> Optional[bool]:
    return None if profile.nature is None else profile.nature in call.themes


def theme_finding(call: Call, profile: Profile) -> Optional[R.Finding]:
    """Themes do not change the verdict; they are said, and they order the results."""
    match = theme_match(call, profile)
    if match is None:
        return None
    label = THEMES[profile.nature]
    if match:
        return R.Finding("theme", R.PASS, f"Thème du projet couvert par l'appel : {label}.")
    return R.Finding("theme", "info", f"Thème du projet ({label}) hors du champ principal de l'appel "
                                       f"({THEMES[call.themes[0]]}).")


def _conditions(call: Call, window: Window, funding: Dict[str, Any], basis: str = "") -> List[str]:
    conditions = funding_conditions(funding, basis)
    conditions += [item["text"] for item in call.get("commitments", [])]
    if window.session.note:
        conditions.append(window.session.note)
    return conditions


def _score(verdict: str, match: Optional[bool], status: str) -> float:
    theme = {True: 1.0, None: 0.5, False: 0.0}[match]
    eligibility = {ELIGIBLE: 1.0, TO_CONFIRM: 0.5, INELIGIBLE: 0.0}[verdict]
    calendar = {0: 1.0, 1: 0.5, 2: 0.0}[STATUS_ORDER[status]]
    return round(0.45 * theme + 0.35 * eligibility + 0.2 * calendar, 2)


def evaluate_call(call: Call, profile: Profile) -> CallResult:
    """The verdict for one call, in the session that suits the profile best at the date.

    Which session: the contract's rule (open at the date, else the next, else the latest; among
    several open, the best verdict), among the sessions of the project's route. When a call routes
    projects by size (ITN5: a guichet « < 100.000 € TTC », AAP sessions « de 100 000 à 1 000 000 € TTC »)
    and the budget is known, the project is judged only against its route: a 500 000 € project is
    never judged against the guichet, and when no session of its route is open or to come, the call
    is closed for it."""
    route = route_sessions(call, profile.budget)
    candidates = candidate_windows(route, profile.date, call.programme)
    results = [_evaluate_in(call, window, profile) for window in candidates]
    best = min(results, key=lambda r: (VERDICT_ORDER[r.verdict], -(r.funding.amount or 0)))
    if len(route) < len(call.sessions):
        best.findings.append(R.Finding("session", "info", _route_reason(route, profile.budget, best)))
    later = call.get("later_check")
    if later and profile.date >= dt.date.fromisoformat(later["from"]):
        best.findings.append(R.Finding("calendrier", "info", later["text"]))
    return best


def routes_by_size(call: Call) -> bool:
    """Whether the call's sessions expect different project sizes (a guichet and AAP sessions)."""
    return len({repr(s.rules.get("project_size")) for s in call.sessions}) > 1


def _size_gap(block: Optional[Dict[str, Any]], budget: float) -> float:
    """How far a budget is from a route's expected size: 0 inside it (bounds as the source writes them)."""
    if R.fits_size(block, budget):
        return 0.0
    minimum, maximum = (block or {}).get("min_eur"), (block or {}).get("max_eur")
    # a budget on a strict bound (« < 100.000 € ») is outside, so never at a zero distance
    if minimum and budget <= minimum:
        return max(minimum - budget, 0.01)
    return max(budget - maximum, 0.01) if maximum else 0.01


def route_sessions(call: Call, budget: Optional[float]) -> Tuple[Session, ...]:
    """The sessions of the route a project of this budget takes: those whose expected size it fits,
    else the route nearest to its size (a project above every size is still on the largest route,
    to confirm, never on the guichet). Every session when the budget is unknown or the call has one route."""
    if budget is None or not routes_by_size(call):
        return call.sessions
    gaps = [(_size_gap(s.rules.get("project_size"), budget), s) for s in call.sessions]
    nearest = min(gap for gap, _ in gaps)
    return tuple(s for gap, s in gaps if gap == nearest)


def _route_reason(route: Sequence[Session], budget: float, result: CallResult) -> str:
    """Which route the project's size takes, and, when none of its sessions is open or to come, that
    the call is closed for this project."""
    names = ", ".join(f"« {s.name} »" for s in route)
    expected = R.expected_size(route[0].rules["project_size"])
    text = f"Pour un projet de {fmt.euros(budget)}, la voie de l'appel est celle des projets {expected} ({names})"
    if result.status == CLOSED:
        return text + " : aucune session de cette voie n'est ouverte ni annoncée, l'appel est clos pour ce projet."
    return f"{text} : {result.status_text}."


def _evaluate_in(call: Call, window: Window, profile: Profile) -> CallResult:
    rules = window.session.rules
    findings = R.check(rules, profile)
    verdict = verdict_of(findings)
    theme = theme_finding(call, profile)
    if theme:
        findings.append(theme)
    status = window.status(profile.date)
    match = theme_match(call, profile)
    missing = tuple(dict.fromkeys(name for f in findings if f.outcome == R.UNKNOWN for name in f.missing))
    funding = estimate(rules["funding"], profile.budget, profile.parts(), profile.as_given(), rules.get("project_size"))
    return CallResult(
        call=call, window=window, status=status, verdict=verdict, findings=findings,
        funding=funding,
        conditions=_conditions(call, window, rules["funding"], funding.basis),
        theme_match=match, status_text=status_text(window, profile.date, call.kind),
        score=_score(verdict, match, status), missing=missing,
        programme_over=call.programme is not None and profile.date > call.programme.ends,
    )


def _rank_key(result: CallResult) -> Tuple:
    # A fund outside the programmes (FEDER-NUM, `other_fund` in its file) comes after every France
    # Relance call that fits the project, whatever its rate or calendar: the France Relance calls are
    # made for these projects, while the European fund has its own, heavier procedure (detailed
    # criteria in a separate sheet, a note on responsible digital, a 75 000 € minimum grant). The
    # replies present it « À envisager aussi », with that why (result.other_fund).
    # A closed call comes after the open ones that fit: after France Relance, the European fund
    # still open is the recommendation.
    return (result.verdict == INELIGIBLE, result.theme_match is False, result.status == CLOSED,
            result.call.other_fund is not None,
            VERDICT_ORDER[result.verdict], STATUS_ORDER[result.status], -result.score,
            -(result.funding.amount or 0), result.code)


def evaluate(profile: Profile, catalogue: Optional[Catalogue] = None) -> List[CallResult]:
    """Every call, recommended ones first (theme, then verdict, then calendar), ineligible last."""
    catalogue = catalogue or load_catalogue()
    results = sorted((evaluate_call(call, profile) for call in catalogue), key=_rank_key)
    for rank, result in enumerate(results, start=1):
        result.rank = rank
    return results


def recommend(profile: Profile, catalogue: Optional[Catalogue] = None) -> Dict[str, Any]:
    """The JSON document of contract §2."""
    return {"profile": profile.to_dict(),
            "results": [result.to_dict() for result in evaluate(profile, catalogue)]}
