"""The facts of each conversation, read from the tracker store's `events` table.

Only the slot and action events are read (never what the user typed, but for the questions the bot
marked unanswered, which a slot holds), and the events are replayed as Rasa does: a slot keeps its
last value, a restart forgets them all. A conversation belongs to the day (in the agenda's time
zone) of its first message: each figure of that conversation is counted on that day.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, Iterator, List, Optional, Tuple
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from orientation.eligibility import ELIGIBLE, TO_CONFIRM, evaluate
from orientation.eligibility.profile import profile_from_slots
from orientation.replies.side_questions import OPEN_QUESTION_MARK
from orientation.settings import get_settings
from orientation.territories import Index, IndexMissing, load_index
from orientation.territories.coverage import decode

# Rasa's SQL tracker store table, as far as these statistics read it (rasa.core.tracker_store.SQLEvent).
EVENTS = sa.table("events", sa.column("id", sa.Integer), sa.column("sender_id", sa.String),
                  sa.column("type_name", sa.String), sa.column("timestamp", sa.Float),
                  sa.column("action_name", sa.String), sa.column("data", sa.Text))
BOOKING_ACTION = "action_book_appointment"  # actions/booking.py: it sets booking_reference on success
# The three questions the profile form always asks (actions/profile_form.py): answered, the profile is complete.
PROFILE_FIELDS = ("applicant_type", "project_nature", "budget")
PROFILE_SLOTS = ("applicant_type", "population", "departement_count", "budget", "project_nature",
                 "budget_parts", "budget_given")
READ_SLOTS = PROFILE_SLOTS + ("territory", "recommended_calls", "booking_reference", "booking_operation",
                              "questions_asked")
FORGETTING = ("restart", "reset_slots")  # Restarted, AllSlotsReset: every slot forgotten
SEVERAL_REGIONS = "Plusieurs régions"
OVERSEAS = "Collectivités d'outre-mer"  # Saint-Pierre-et-Miquelon, Saint-Barthélemy…: in no région
NO_REGION = "Non renseignée"


@dataclass
class Conversation:
    day: dt.date  # of its first message, in the agenda's time zone
    profile_complete: bool = False
    recommended: bool = False
    eligible: List[str] = field(default_factory=list)  # codes of the last recommendation, by verdict
    to_confirm: List[str] = field(default_factory=list)
    bookings: List[dt.date] = field(default_factory=list)  # the days bookings were made
    applicant_type: Optional[str] = None
    theme: Optional[str] = None
    region: str = NO_REGION
    unanswered: List[str] = field(default_factory=list)  # the questions as typed, unmasked


def has_events_table(engine: sa.engine.Engine) -> bool:
    return sa.inspect(engine).has_table("events")


def _local_day(timestamp: float, zone: ZoneInfo) -> dt.date:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).astimezone(zone).date()


def _bounds(first: dt.date, last: dt.date, zone: ZoneInfo) -> Tuple[float, float]:
    """The UNIX timestamps of the period's first local midnight and of the midnight after it."""
    start = dt.datetime.combine(first, dt.time(), zone)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone)
    return start.timestamp(), end.timestamp()


def _rows(engine: sa.engine.Engine, first: dt.date, last: dt.date, zone: ZoneInfo) -> Iterator[Any]:
    """The slot (those read), action and forgetting events of the conversations whose first message is in the period,
    with that message's timestamp, conversation by conversation, in order."""
    start, end = _bounds(first, last, zone)
    opened = (sa.select(EVENTS.c.sender_id, sa.func.min(EVENTS.c.timestamp).label("opened"))
              .where(EVENTS.c.type_name == "user").group_by(EVENTS.c.sender_id)
              .having(sa.and_(sa.func.min(EVENTS.c.timestamp) >= start, sa.func.min(EVENTS.c.timestamp) < end))
              .subquery())
    query = (sa.select(EVENTS.c.sender_id, opened.c.opened, EVENTS.c.type_name, EVENTS.c.timestamp,
                       EVENTS.c.action_name, EVENTS.c.data)
             .join(opened, opened.c.sender_id == EVENTS.c.sender_id)
             .where(sa.or_(EVENTS.c.type_name.in_(FORGETTING + ("action",)),
                           # Rasa's store writes a slot event's name in action_name: only the slots read
                           # here leave the database (never the name, e-mail or organisation of a booking)
                           sa.and_(EVENTS.c.type_name == "slot", EVENTS.c.action_name.in_(READ_SLOTS))))
             .order_by(EVENTS.c.sender_id, EVENTS.c.id))
    with engine.connect() as connection:
        # conversations with no slot nor action event yet (one message, no reply) still count as opened
        yield from connection.execute(sa.select(opened.c.sender_id, opened.c.opened, sa.null(), sa.null(),
                                                sa.null(), sa.null()).order_by(opened.c.sender_id))
        yield from connection.execute(query)


def read_conversations(engine: sa.engine.Engine, first: dt.date, last: dt.date, zone: ZoneInfo) -> List[Conversation]:
    """Every conversation opened from `first` to `last` (included), replayed."""
    if not has_events_table(engine):
        return []
    replays: Dict[str, _Replay] = {}
    for sender, opened, type_name, timestamp, action, data in _rows(engine, first, last, zone):
        replay = replays.get(sender)
        if replay is None:
            replay = replays[sender] = _Replay(Conversation(_local_day(opened, zone)), zone)
        if type_name is not None:
            replay.event(type_name, timestamp, action, data)
    return [replay.finished() for replay in replays.values()]


class _Replay:
    """One conversation's events in order: the slots as Rasa holds them, and what happened."""

    def __init__(self, conversation: Conversation, zone: ZoneInfo):
        self.conversation, self.zone = conversation, zone
        self.slots: Dict[str, Any] = {}
        self.booking_action = False  # the last action was the booking's: its booking_reference is a booking
        self.recommended_slots: Optional[Dict[str, Any]] = None
        self.unanswered: Dict[str, None] = {}
        self.operation: Optional[str] = None  # booking_operation when the booking action ran

    def event(self, type_name: str, timestamp: Optional[float], action: Optional[str], data: Optional[str]) -> None:
        if type_name in FORGETTING:
            self.slots, self.booking_action = {}, False
            return
        if type_name == "action":
            self.booking_action = action == BOOKING_ACTION
            if self.booking_action:
                self.operation = self.slots.get("booking_operation")
            return
        try:
            event = json.loads(data or "{}")
        except ValueError:
            return
        name, value = event.get("name"), event.get("value")
        self.slots[name] = value
        c = self.conversation
        if all(self.slots.get(f) is not None for f in PROFILE_FIELDS):
            c.profile_complete = True
        if name == "recommended_calls":
            c.recommended = True
            self.recommended_slots = dict(self.slots, _day=_local_day(timestamp or 0, self.zone))
        elif name == "booking_reference" and value and self.booking_action and self.operation != "move":
            c.bookings.append(_local_day(timestamp or 0, self.zone))
            self.booking_action = False  # one booking per run of the action
        elif name == "questions_asked" and isinstance(value, list):
            for question in value:
                if isinstance(question, str) and question.endswith(OPEN_QUESTION_MARK):
                    self.unanswered.setdefault(question.removesuffix(OPEN_QUESTION_MARK).strip())

    def finished(self) -> Conversation:
        c, slots = self.conversation, self.slots
        c.applicant_type = slots.get("applicant_type") if isinstance(slots.get("applicant_type"), str) else None
        c.theme = slots.get("project_nature") if isinstance(slots.get("project_nature"), str) else None
        c.region = region_of(slots.get("territory"))
        c.unanswered = [q for q in self.unanswered if q]
        if self.recommended_slots and self.recommended_slots.get("recommended_calls"):
            c.eligible, c.to_confirm = verdicts(self.recommended_slots)
        return c


def verdicts(slots: Dict[str, Any]) -> Tuple[List[str], List[str]]:
    """The calls of a recommendation (slot recommended_calls holds their codes only), split by the
    verdict the engine gives for the profile of that moment, at the reference date of that day."""
    codes = [c for c in slots.get("recommended_calls") or [] if isinstance(c, str)]
    date = get_settings().date or slots["_day"]  # the bot's own reference date (ORIENTATION_DATE) when set
    profile = profile_from_slots({name: slots.get(name) for name in PROFILE_SLOTS}, date=date)
    verdict = {r.code: r.verdict for r in evaluate(profile)}
    return ([c for c in codes if verdict.get(c) == ELIGIBLE], [c for c in codes if verdict.get(c) == TO_CONFIRM])


def region_of(places: Any) -> str:
    """The région of the places the project covers (slot territory, « kind:code »): the one région they
    all lie in, SEVERAL_REGIONS, or NO_REGION (none said, or the territories' index is missing)."""
    if not isinstance(places, list) or not places:
        return NO_REGION
    try:
        index = load_index()
    except IndexMissing:
        return NO_REGION
    regions, names = _regions(index), set()
    for value in places:
        for territory in decode(value, index):
            if territory.kind == "region":
                names.add(territory.name)
            elif territory.kind == "collectivite_outre_mer":
                names.add(OVERSEAS)
            else:
                names |= {regions[d] for d in territory.departements if d in regions}
    if not names:
        return NO_REGION
    return names.pop() if len(names) == 1 else SEVERAL_REGIONS


@lru_cache(maxsize=2)
def _regions(index: Index) -> Dict[str, str]:
    """département code -> the name of its région."""
    return {d: t.name for t in index.territories if t.kind == "region" for d in t.departements}
