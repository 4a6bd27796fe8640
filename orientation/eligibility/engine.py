"""The eligibility engine: a profile in, every call of the catalogue out, with a verdict,
the reasons, the session and its status, the money, the conditions, and a rank.

Pure Python: importable and testable without Rasa.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from orientation.language import french as fmt

from . import rules as R
from .catalogue import Call, Catalogue, load_catalogue
from .funding import FundingEstimate, estimate, funding_conditions
from .profile import Profile
from .sessions import CLOSED, STATUS_ORDER, Window, candidate_windows, status_text, windows
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


def _conditions(call: Call, window: Window, funding: Dict[str, Any]) -> List[str]:
    conditions = funding_conditions(funding)
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
    several open, the best verdict) applies to every call whose sessions do not differ by project
    size, and to any call when the budget is unknown. When a call has routes by size (ITN5: a
    guichet for 10 000 to 100 000 €, AAP sessions for 100 000 € to 1 M€) and the budget is known,
    a session the project does not fit gives way to the first open or upcoming one it fits: a
    500 000 € project in February 2021 is pointed to the AAP's 2nd session, not judged against the
    guichet."""
    results = [_evaluate_in(call, window, profile) for window in candidate_windows(call.sessions, profile.date, call.programme)]
    best = min(results, key=lambda r: (VERDICT_ORDER[r.verdict], -(r.funding.amount or 0)))
    if profile.budget is not None and routes_by_size(call) and not _fits_size(best):
        return _size_route(call, profile, best) or best
    return best


def routes_by_size(call: Call) -> bool:
    """Whether the call's sessions expect different project sizes (a guichet and AAP sessions)."""
    return len({repr(s.rules.get("project_size")) for s in call.sessions}) > 1


def _fits_size(result: CallResult) -> bool:
    return all(f.outcome == R.PASS for f in result.findings if f.criterion == "taille")


def _size_route(call: Call, profile: Profile, default: CallResult) -> Optional[CallResult]:
    """The first open, else upcoming, session whose expected size fits the budget, saying which
    route it is, instead of which, and when it opens."""
    later = [w for w in windows(call.sessions, call.programme) if w.status(profile.date) != CLOSED]
    for window in sorted(later, key=lambda w: (STATUS_ORDER[w.status(profile.date)], w.start)):
        result = _evaluate_in(call, window, profile)
        if window.session is default.window.session or not _fits_size(result):
            continue
        result.findings.append(R.Finding("session", "info", (
            f"Pour un projet de {fmt.euros(profile.budget)}, la voie qui convient est « {window.session.name} » "
            f"({R.expected_size(window.session.rules['project_size'])}), et non « {default.window.session.name} » "
            f"({R.expected_size(default.window.session.rules['project_size'])}) : {result.status_text}.")))
        return result
    return None


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
    return CallResult(
        call=call, window=window, status=status, verdict=verdict, findings=findings,
        funding=estimate(rules["funding"], profile.budget, profile.parts()),
        conditions=_conditions(call, window, rules["funding"]),
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
