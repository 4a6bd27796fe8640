"""Bookings in the assistant's SQL database (SQLite by default, PostgreSQL by URL).

A slot is given to one booking per advisor: the table has a unique constraint on
(start_utc, advisor_slot), so two users booking the same slot at the same instant, from two
processes, cannot both get it; the loser gets SlotTaken. Cancelling deletes the row: the slot
is free again and the personal data is gone.
"""
from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from actions.booking.config import BookingConfig, load_config
from actions.database import database_url

# No 0/O, 1/I/L: a reference read over the phone or copied by hand stays unambiguous.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "DN-"

metadata = sa.MetaData()
bookings = sa.Table(
    "bookings", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("reference", sa.String(16), nullable=False, unique=True),
    sa.Column("start_utc", sa.DateTime, nullable=False),  # naive UTC, the same on every database
    sa.Column("advisor_slot", sa.Integer, nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("organisation", sa.String(200), nullable=False),
    sa.Column("email", sa.String(254), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("profile", sa.Text, nullable=False),
    sa.Column("consent_at", sa.DateTime, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("start_utc", "advisor_slot", name="one_booking_per_advisor_and_slot"),
)


class SlotTaken(Exception):
    """Every advisor already has a booking at this slot."""


@dataclass(frozen=True)
class Booking:
    reference: str
    start: dt.datetime  # aware, in the agenda's time zone
    name: str
    organisation: str
    email: str
    summary: str
    profile: Dict[str, Any]
    advisor_slot: int
    created_at: dt.datetime
    minutes: int = 15

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)


def _utc_naive(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("aware datetime expected")
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)


def normalise_reference(reference: str) -> str:
    code = "".join(c for c in str(reference or "").upper() if c.isalnum())
    code = code[2:] if code.startswith("DN") else code
    return REFERENCE_PREFIX + code


def new_reference() -> str:
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class BookingStore:
    def __init__(self, url: Optional[str] = None, config: Optional[BookingConfig] = None):
        self.url = url or database_url()
        self._config = config
        options = {"connect_args": {"timeout": 30}} if self.url.startswith("sqlite") else {"pool_pre_ping": True}
        self.engine = sa.create_engine(self.url, future=True, **options)
        metadata.create_all(self.engine)

    @property
    def config(self) -> BookingConfig:
        return self._config or load_config()

    def _booking(self, row: Any) -> Booking:
        start = row.start_utc.replace(tzinfo=dt.timezone.utc).astimezone(self.config.timezone)
        return Booking(reference=row.reference, start=start, name=row.name, organisation=row.organisation,
                       email=row.email, summary=row.summary, profile=json.loads(row.profile),
                       advisor_slot=row.advisor_slot, created_at=row.created_at,
                       minutes=self.config.slot_minutes)

    # --- reading ---------------------------------------------------------------------------

    def taken(self, start_utc: dt.datetime, end_utc: dt.datetime) -> Dict[dt.datetime, int]:
        query = (sa.select(bookings.c.start_utc, sa.func.count()).where(
            bookings.c.start_utc >= _utc_naive(start_utc), bookings.c.start_utc < _utc_naive(end_utc))
            .group_by(bookings.c.start_utc))
        with self.engine.connect() as connection:
            return {start.replace(tzinfo=dt.timezone.utc): count for start, count in connection.execute(query)}

    def find(self, reference: str, email: str) -> Optional[Booking]:
        """The booking with this reference, only for the email it was made with."""
        query = sa.select(bookings).where(bookings.c.reference == normalise_reference(reference),
                                          sa.func.lower(bookings.c.email) == str(email or "").strip().lower())
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return self._booking(row) if row else None

    def bookings_of(self, email: str) -> List[Booking]:
        query = sa.select(bookings).where(sa.func.lower(bookings.c.email) == str(email or "").strip().lower())
        with self.engine.connect() as connection:
            return [self._booking(row) for row in connection.execute(query.order_by(bookings.c.start_utc))]

    def agenda(self, day: dt.date) -> List[Booking]:
        """The bookings of a local day, in time order."""
        zone = self.config.timezone
        start = dt.datetime.combine(day, dt.time(), zone)
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
        query = (sa.select(bookings).where(bookings.c.start_utc >= _utc_naive(start),
                                           bookings.c.start_utc < _utc_naive(end))
                 .order_by(bookings.c.start_utc, bookings.c.advisor_slot))
        with self.engine.connect() as connection:
            return [self._booking(row) for row in connection.execute(query)]

    # --- writing ---------------------------------------------------------------------------

    def book(self, start: dt.datetime, name: str, organisation: str, email: str, summary: str,
             profile: Dict[str, Any], consent_at: dt.datetime) -> Booking:
        """Books the first free advisor at `start`; SlotTaken when there is none."""
        now = dt.datetime.now(dt.timezone.utc)
        for advisor in range(self.config.advisors):
            for _ in range(3):  # a new reference if one ever collides
                values = {"reference": new_reference(), "start_utc": _utc_naive(start), "advisor_slot": advisor,
                          "name": name, "organisation": organisation, "email": email.strip().lower(),
                          "summary": summary, "profile": json.dumps(profile, ensure_ascii=False),
                          "consent_at": _utc_naive(consent_at), "created_at": _utc_naive(now)}
                try:
                    with self.engine.begin() as connection:
                        connection.execute(bookings.insert().values(**values))
                except IntegrityError:
                    if self._slot_has(start, advisor):
                        break  # this advisor is taken: try the next one
                    continue  # the reference collided: draw another
                return self.find(values["reference"], values["email"])
        raise SlotTaken(start)

    def _slot_has(self, start: dt.datetime, advisor: int) -> bool:
        query = sa.select(bookings.c.id).where(bookings.c.start_utc == _utc_naive(start),
                                               bookings.c.advisor_slot == advisor)
        with self.engine.connect() as connection:
            return connection.execute(query).first() is not None

    def cancel(self, reference: str, email: str) -> bool:
        """Deletes the booking and its personal data; False when reference and email do not match."""
        with self.engine.begin() as connection:
            result = connection.execute(bookings.delete().where(
                bookings.c.reference == normalise_reference(reference),
                sa.func.lower(bookings.c.email) == str(email or "").strip().lower()))
        return result.rowcount > 0

    def move(self, reference: str, email: str, new_start: dt.datetime) -> Optional[Booking]:
        """Moves the booking to the first free advisor at `new_start`; SlotTaken leaves it where it was."""
        current = self.find(reference, email)
        if current is None:
            return None
        for advisor in range(self.config.advisors):
            try:
                with self.engine.begin() as connection:
                    connection.execute(bookings.update().where(bookings.c.reference == current.reference)
                                       .values(start_utc=_utc_naive(new_start), advisor_slot=advisor))
            except IntegrityError:
                continue
            return self.find(reference, email)
        raise SlotTaken(new_start)

    def purge(self, now: dt.datetime) -> int:
        """Deletes the bookings whose appointment ended more than the retention period ago."""
        limit = now - dt.timedelta(days=self.config.retention_days) - self.config.slot_length
        with self.engine.begin() as connection:
            return connection.execute(bookings.delete().where(bookings.c.start_utc < _utc_naive(limit))).rowcount
