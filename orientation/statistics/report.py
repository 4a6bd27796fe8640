"""The figures of a period: the path of a conversation, the breakdowns, the days, the questions.

Totals (per day, per week, the path's steps) are counts as they are. A breakdown cell, i.e. the
conversations of one applicant type, theme, région, call or question, is « < 5 » from 1 to 4
(contract §8): so few conversations could point at the body that had them.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from orientation.eligibility import load_catalogue
from orientation.eligibility.vocabulary import APPLICANT_TYPES, THEMES
from orientation.language import french
from orientation.statistics.conversations import Conversation, read_conversations
from orientation.statistics.questions import QuestionGroup, group_questions, known_values, mask

SMALL = 5  # a breakdown cell under this many conversations is not shown
SMALL_TEXT = "< 5"
DEFAULT_DAYS = 30
MAX_DAYS = 366
NOT_SAID = "Non renseigné"


class PeriodError(ValueError):
    """A period the page cannot show; the message is French and says what to type."""


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    @property
    def days(self) -> List[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def _date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(f"La date de {what} « {text.strip()[:20]} » n'est pas une date : saisissez-la au format "
                          "AAAA-MM-JJ, par exemple 2021-10-01.") from None


def parse_period(first: Optional[str], last: Optional[str], today: dt.date) -> Period:
    """The period asked (« du », « au », AAAA-MM-JJ, both included); by default the last 30 days
    up to today, or the 30 days after `first` (up to today) when only it is given."""
    end = _date(last, "fin") if last and last.strip() else None
    start = _date(first, "début") if first and first.strip() else None
    if start is None:
        end = end or today
        start = end - dt.timedelta(days=DEFAULT_DAYS - 1)
    elif end is None:
        end = min(today, start + dt.timedelta(days=DEFAULT_DAYS - 1)) if start <= today else start
    if start > end:
        raise PeriodError(f"La date de début ({french.date(start)}) est après la date de fin ({french.date(end)}) : "
                          "choisissez une date de début antérieure.")
    days = (end - start).days + 1
    if days > MAX_DAYS:
        raise PeriodError(f"La période demandée compte {french.number(days)} jours : choisissez-en au plus "
                          f"{MAX_DAYS} (une année).")
    return Period(start, end)


def cell(count: int) -> str:
    """A breakdown cell as shown: « < 5 » from 1 to 4, else the count (French thousands)."""
    return SMALL_TEXT if 0 < count < SMALL else french.number(count)


def rate(part: int, whole: int) -> str:
    """« 42 % », or « — » when there is nothing to divide."""
    return french.percent(round(part / whole, 3)) if whole else "—"


def applicant_label(value: Optional[str]) -> str:
    if value not in APPLICANT_TYPES:
        return NOT_SAID
    words = APPLICANT_TYPES[value][0].split(" ", 1)[1]  # « une administration centrale » without its article
    return words[0].upper() + words[1:]


def theme_label(value: Optional[str]) -> str:
    if value not in THEMES:
        return NOT_SAID
    return THEMES[value][0].upper() + THEMES[value][1:]


@dataclass(frozen=True)
class Step:
    label: str
    count: int
    of_previous: str  # the rate from the step before
    of_opened: str  # the rate from the conversations opened
    small = False  # a total: never hidden


@dataclass(frozen=True)
class Row:
    label: str
    count: int

    @property
    def shown(self) -> str:
        return cell(self.count)

    @property
    def small(self) -> bool:
        return 0 < self.count < SMALL


@dataclass(frozen=True)
class CallRow:
    code: str
    eligible: int  # conversations whose last recommendation had the call « éligible »
    to_confirm: int  # … « à confirmer »

    @property
    def drawable(self) -> bool:
        """Both its cells are shown as figures (no « < 5 »): the chart may draw it."""
        return all(count == 0 or count >= SMALL for count in (self.eligible, self.to_confirm))


@dataclass(frozen=True)
class Day:
    day: dt.date
    conversations: List[Conversation]


@dataclass
class Report:
    period: Period
    computed_at: dt.datetime
    funnel: List[Step]
    by_type: List[Row]
    by_theme: List[Row]
    by_region: List[Row]
    calls: List[CallRow]
    weeks: List[Row]  # bookings made per week (label: « semaine du 4 octobre 2021 »)
    days: List[Day]
    questions: List[QuestionGroup] = field(default_factory=list)
    known: Dict[str, str] = field(default_factory=dict)  # personal values to mask (questions.known_values)

    @property
    def opened(self) -> int:
        return self.funnel[0].count


def _rows(values: Sequence[str]) -> List[Row]:
    counts: Dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return [Row(label, count) for label, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _funnel(conversations: Sequence[Conversation]) -> List[Step]:
    """The path, each step among the conversations that went through the step before: a
    recommendation given on a partial profile, or a booking without one, is not on the path
    (the days' and weeks' figures count them all)."""
    complete = [c for c in conversations if c.profile_complete]
    recommended = [c for c in complete if c.recommended]
    booked = [c for c in recommended if c.bookings]
    counts = [("Conversations ouvertes", len(conversations)), ("Profil complet", len(complete)),
              ("Recommandation donnée", len(recommended)), ("Rendez-vous pris", len(booked))]
    opened = counts[0][1]
    return [Step(label, count, rate(count, counts[i - 1][1]) if i else "—", rate(count, opened) if i else "—")
            for i, (label, count) in enumerate(counts)]


def _weeks(conversations: Sequence[Conversation], period: Period) -> List[Row]:
    monday = period.first - dt.timedelta(days=period.first.weekday())
    weeks: Dict[dt.date, int] = {}
    while monday <= period.last:
        weeks[monday] = 0
        monday += dt.timedelta(days=7)
    for c in conversations:
        for day in c.bookings:
            week = day - dt.timedelta(days=day.weekday())
            weeks[week] = weeks.get(week, 0) + 1
    return [Row(f"semaine du {french.date(week)}", count) for week, count in sorted(weeks.items())]


def _calls(conversations: Sequence[Conversation]) -> List[CallRow]:
    rows = []
    for code in load_catalogue().codes:
        eligible = sum(code in c.eligible for c in conversations)
        to_confirm = sum(code in c.to_confirm for c in conversations)
        if eligible or to_confirm:
            rows.append(CallRow(code, eligible, to_confirm))
    return sorted(rows, key=lambda r: (-(r.eligible + r.to_confirm), r.code))


def build_report(conversations: Sequence[Conversation], period: Period, computed_at: dt.datetime,
                 known: Optional[Dict[str, str]] = None) -> Report:
    """The report of conversations already read (read_conversations); `known`: the personal values
    to mask in the questions (questions.known_values)."""
    by_day: Dict[dt.date, List[Conversation]] = {day: [] for day in period.days}
    for c in conversations:
        by_day.setdefault(c.day, []).append(c)
    return Report(period=period, computed_at=computed_at, funnel=_funnel(conversations),
                  by_type=_rows([applicant_label(c.applicant_type) for c in conversations]),
                  by_theme=_rows([theme_label(c.theme) for c in conversations]),
                  by_region=_rows([c.region for c in conversations]),
                  calls=_calls(conversations), weeks=_weeks(conversations, period),
                  days=[Day(day, by_day[day]) for day in sorted(by_day)],
                  questions=group_questions([c.unanswered for c in conversations if c.unanswered], known),
                  known=dict(known or {}))


# --- the CSV (contract §8) -------------------------------------------------------------------------

def _plain(count: int) -> str:
    return SMALL_TEXT if 0 < count < SMALL else str(count)


def csv_columns() -> List[str]:
    return (["jour", "conversations", "profils_complets", "recommandations", "rendez_vous",
             "conversations_appel_eligible", "conversations_appel_a_confirmer", "conversations_question_sans_reponse",
             "questions_sans_reponse"]
            + [f"type_{value}" for value in APPLICANT_TYPES] + [f"theme_{value}" for value in THEMES]
            + [f"appel_{code}" for code in load_catalogue().codes])


def report_csv(report: Report) -> str:
    """One row per day of the period, UTF-8 text: the day's totals as they are, its breakdowns
    (by verdict, question, type, theme, call) « < 5 » from 1 to 4, and the day's unanswered
    questions, masked (questions.mask), separated by « | »."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(csv_columns())
    codes = load_catalogue().codes
    for day in report.days:
        cs = day.conversations
        writer.writerow(
            [day.day.isoformat(), len(cs), sum(c.profile_complete for c in cs), sum(c.recommended for c in cs),
             sum(len(c.bookings) for c in cs), _plain(sum(bool(c.eligible) for c in cs)),
             _plain(sum(bool(c.to_confirm) for c in cs)), _plain(sum(bool(c.unanswered) for c in cs)),
             " | ".join(dict.fromkeys(mask(q, report.known) for c in cs for q in c.unanswered))]
            + [_plain(sum(c.applicant_type == value for c in cs)) for value in APPLICANT_TYPES]
            + [_plain(sum(c.theme == value for c in cs)) for value in THEMES]
            + [_plain(sum(code in c.eligible or code in c.to_confirm for c in cs)) for code in codes])
    return output.getvalue()


# --- reading, cached ----------------------------------------------------------------------------------

def booking_values(engine: sa.engine.Engine) -> Dict[str, str]:
    """The booking store's names, organisations and e-mails, to mask in the questions."""
    from orientation.booking.store import bookings  # the store's table, read only
    if not sa.inspect(engine).has_table(bookings.name):
        return {}
    with engine.connect() as connection:
        rows = list(connection.execute(sa.select(bookings.c.name, bookings.c.organisation, bookings.c.email)))
    return known_values([r.name for r in rows], [r.organisation for r in rows], [r.email for r in rows])


class Statistics:
    """The reports of an engine's conversations, each kept `ttl` seconds.

    A time to live rather than a key on the last event id: on a busy day every message writes
    events, so such a key would recompute the whole period at nearly every page view, while
    figures a few minutes old serve DINUM as well (the page says when they were computed)."""

    def __init__(self, engine: sa.engine.Engine, zone: ZoneInfo, ttl: float,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc),
                 monotonic: Callable[[], float] = time.monotonic):
        self.engine, self.zone, self.ttl, self.clock, self.monotonic = engine, zone, ttl, clock, monotonic
        self._kept: Dict[Tuple[dt.date, dt.date], Tuple[float, Report]] = {}
        self._lock = threading.Lock()  # one computation at a time: a second view waits and gets it

    def report(self, period: Period) -> Report:
        key = (period.first, period.last)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and self.monotonic() - kept[0] < self.ttl:
                return kept[1]
            conversations = read_conversations(self.engine, period.first, period.last, self.zone)
            report = build_report(conversations, period, self.clock().astimezone(self.zone),
                                  booking_values(self.engine))
            self._kept = {k: v for k, v in self._kept.items() if self.monotonic() - v[0] < self.ttl}
            self._kept[key] = (self.monotonic(), report)
            return report
