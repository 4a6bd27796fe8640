"""Sessions and calendar: which session applies at a reference date, and its status.

Contract §2: the session used is the one open at the date, else the next one, else the
latest one. When several are open at once (ITN5: a guichet and an AAP session), the
engine picks the one that suits the profile best; when a call's sessions expect different
project sizes and the budget is known, the engine may point to an upcoming session the
project fits (engine.evaluate_call says when).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import List, Optional, Sequence

from orientation.language import french as fmt

from .catalogue import Programme, Session

OPEN, ROLLING, UPCOMING, CLOSED = "open", "rolling", "upcoming", "closed"
STATUS_ORDER = {OPEN: 0, ROLLING: 0, UPCOMING: 1, CLOSED: 2}


@dataclass(frozen=True)
class Window:
    session: Session
    start: dt.date  # first day applications are accepted
    end: dt.date    # last day (a rolling session: its programme's end, or date.max)
    programme: Optional[Programme] = None

    def status(self, on: dt.date) -> str:
        if self.opening_unpublished:  # never shown open: the sources do not say from when
            return CLOSED if on > self.end else UPCOMING
        if on < self.start:
            return UPCOMING
        if on > self.end:
            return CLOSED
        return ROLLING if self.session.rolling else OPEN

    @property
    def opening_unpublished(self) -> bool:
        """A session announced only by its closing date (ITN3: « Nouvel appel à projets jusqu'au
        2 juillet 2021 »): the sources give no day it opens, so it is never shown as open."""
        return self.session.opens is None and not self.session.rolling

    @property
    def ended_with_programme(self) -> bool:
        """A rolling session closed by the end of its programme, not by a date of its own."""
        return self.session.rolling and self.programme is not None


def windows(sessions: Sequence[Session], programme: Optional[Programme] = None) -> List[Window]:
    """Dates of each session; an unpublished opening is taken as the day after the previous close,
    and a session with no closing date ends with its programme (contract §2)."""
    result: List[Window] = []
    for session in sessions:
        start = session.opens
        if start is None:
            previous = result[-1].end if result else None
            start = previous + dt.timedelta(days=1) if previous and previous != dt.date.max else dt.date.min
        if session.rolling:
            end = programme.ends if programme else dt.date.max
        else:
            end = session.closes or start
        result.append(Window(session, start, end, programme))
    return result


def candidate_windows(sessions: Sequence[Session], on: dt.date,
                      programme: Optional[Programme] = None) -> List[Window]:
    """The sessions open at the date; else the next one; else the latest one."""
    all_windows = windows(sessions, programme)
    open_now = [w for w in all_windows if w.status(on) in (OPEN, ROLLING)]
    if open_now:
        return open_now
    upcoming = [w for w in all_windows if w.status(on) == UPCOMING]
    if upcoming:
        return [min(upcoming, key=lambda w: w.start)]
    return [max(all_windows, key=lambda w: w.end)]


def _when(day: Optional[dt.date], session: Session) -> str:
    if session.dates_approximate and session.period_label:
        return f"au {session.period_label} (dates précises non publiées)"
    return f"le {fmt.date(day)}"


def rolling_text(session: Session, kind: Optional[str] = None) -> str:
    """A session with no closing date, as the source words it: the livret announces an opening
    (« Ouverture : 16/11/2020 ») and no more, so the call is not said to be open since then; a
    « dépôt au fil de l'eau » is said as such."""
    if not session.opens:
        return "dépôt au fil de l'eau"
    label = {"appel_a_projets": "appel à projets : ", "guichet": "guichet : "}.get(kind or "", "")
    return f"{label}ouverture annoncée le {fmt.date(session.opens)}"


def programme_end_text(window: Window) -> str:
    """Why a call with no closing date of its own takes no more applications, in the sources' words
    only: no seed states an end date of its programme."""
    return f"clos : {window.programme.why}"


def status_text(window: Window, on: dt.date, kind: Optional[str] = None) -> str:
    """A French sentence for the calendar, e.g. 'ouvert jusqu'au 22 novembre 2021'; `kind` is the
    call's (catalogue `kind`)."""
    session, status = window.session, window.status(on)
    if status == ROLLING:
        return f"{rolling_text(session, kind)}, aucune date de clôture publiée"
    if status == UPCOMING and window.opening_unpublished:
        return f"date d'ouverture non publiée, dépôt annoncé jusqu'au {fmt.date(session.closes)}"
    if status == UPCOMING:
        return f"ouverture {_when(session.opens, session)}"
    if status == OPEN:
        if session.dates_approximate and session.period_label:
            return f"session du {session.period_label} (dates précises non publiées)"
        return f"ouvert jusqu'au {fmt.date(session.closes)}"
    if window.ended_with_programme:
        return programme_end_text(window)
    if session.dates_approximate and session.period_label:
        return f"session du {session.period_label} close"
    return f"clôturé le {fmt.date(session.closes)}"
