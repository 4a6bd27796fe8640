"""Bookings in the assistant's SQL database (SQLite by default, PostgreSQL by URL).

A slot is given to at most one booking per advisor, and the database enforces it: the table has a
unique constraint on (start_utc, advisor_slot). Two users booking the same slot at the same
instant, from two processes, cannot both get the same advisor; `book` tries the advisors in
order, relying on the IntegrityError, and raises SlotTaken when none is left. Every row is an
active booking: cancelling deletes the row, so the slot is free again and the personal data is
gone (no Python-side check, no partial index, the same DDL on every database).

Times are stored as naive UTC (`timestamp without time zone`) on every database, and returned
as aware datetimes in the agenda's time zone.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Callable, Dict, List, Optional

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from orientation.booking import slots
from orientation.booking.config import BookingConfig, load_config
from orientation.booking.retention import scrub_booking
from orientation.database import database_url, restrict_sqlite_file
from orientation.keyed_hash import keyed_hash
from orientation.language.contacts import (
    MAX_EMAIL,
    MAX_NAME,
    MAX_ORGANISATION,
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    REFERENCE_PREFIX,
    clean_name,
    clean_organisation,
    email_identity,
    normalise_reference,
    valid_email,
)

UTC = dt.timezone.utc

metadata = sa.MetaData()
bookings = sa.Table(
    "bookings", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("reference", sa.String(16), nullable=False, unique=True),
    sa.Column("start_utc", sa.DateTime, nullable=False),  # naive UTC, the same on every database
    sa.Column("advisor_slot", sa.Integer, nullable=False),  # 0 .. advisors - 1
    sa.Column("name", sa.String(MAX_NAME), nullable=False),
    sa.Column("organisation", sa.String(MAX_ORGANISATION), nullable=False),
    sa.Column("email", sa.String(MAX_EMAIL), nullable=False),  # lower case
    sa.Column("summary", sa.Text, nullable=False),  # French text for the advisor
    sa.Column("profile", sa.Text, nullable=False),  # JSON
    sa.Column("consent_at", sa.DateTime, nullable=False),  # naive UTC
    sa.Column("created_at", sa.DateTime, nullable=False),  # naive UTC
    # The .ics SEQUENCE: 0 when made, one more at each move (added later: nullable, None read as 0).
    sa.Column("sequence", sa.Integer, nullable=True),
    sa.UniqueConstraint("start_utc", "advisor_slot", name="one_booking_per_advisor_and_slot"),
)
# Who created a booking and when, for the anti-abuse limits: hashes only (no IP address, no
# conversation id in clear; the address under a secret key, orientation/keyed_hash.py), deleted once older than the longest window (purge).
creations = sa.Table(
    "booking_creations", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("client", sa.String(64), nullable=True, index=True),  # keyed hash of the client's IP address
    sa.Column("conversation", sa.String(64), nullable=True, index=True),  # sha256 of the sender id
    sa.Column("created_at", sa.DateTime, nullable=False),  # naive UTC
)
# E-mails that could not be sent, each retried on its own with backoff (orientation/booking/mail.py).
outbox = sa.Table(
    "mail_outbox", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("reference", sa.String(16), nullable=False),
    sa.Column("message", sa.Text, nullable=False),  # the whole RFC 5322 message; emptied once failed for good
    sa.Column("attempts", sa.Integer, nullable=False, default=1),
    sa.Column("created_at", sa.DateTime, nullable=False),  # naive UTC
    # Added after the first release: nullable, so that _add_missing_columns can add them to an old table.
    sa.Column("status", sa.String(16), nullable=True),  # "pending" (None on old rows) or "failed"
    sa.Column("recipient", sa.String(16), nullable=True),  # "usager" or "conseillers", never the address
    sa.Column("next_attempt_at", sa.DateTime, nullable=True),  # naive UTC; None: at the next round
    sa.Column("last_error", sa.String(200), nullable=True),  # the SMTP code and its class, no address
)


class LimitReached(Exception):
    """A booking refused by the anti-abuse limits (config limits); nothing was stored.
    kind: "email" (existing: the upcoming booking of that address), "conversation" or "client"."""

    def __init__(self, kind: str, existing: Optional[Booking] = None):
        super().__init__(f"booking limit reached: {kind}")
        self.kind = kind
        self.existing = existing


def digest(value: Optional[str]) -> Optional[str]:
    """What the limits keep of a conversation (a random sender id): a hash, never the id itself."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest() if value else None


class SlotNotBookable(ValueError):
    """A moment that is not a bookable slot of the agenda: reason is slots.why_not_free's
    ('too_soon', 'too_far', 'closed_day', 'not_a_slot')."""

    def __init__(self, start: dt.datetime, reason: str):
        super().__init__(f"{start.isoformat()} is not a bookable slot: {reason}")
        self.start = start
        self.reason = reason


class SlotTaken(Exception):
    """Every advisor already has a booking at this slot."""

    def __init__(self, start: dt.datetime):
        super().__init__(f"slot {start.isoformat()} is fully booked")
        self.start = start


@dataclass(frozen=True)
class Booking:
    id: int
    reference: str
    start: dt.datetime  # aware, in the agenda's time zone
    advisor_slot: int
    name: str
    organisation: str
    email: str
    summary: str
    profile: Dict[str, Any] = field(hash=False)
    consent_at: dt.datetime  # aware UTC
    created_at: dt.datetime  # aware UTC
    minutes: int = 15
    sequence: int = 0  # how many times it was moved: the .ics SEQUENCE

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)


def _utc_naive(moment: dt.datetime) -> dt.datetime:
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"an aware datetime is expected, got {moment!r}")
    return moment.astimezone(UTC).replace(tzinfo=None, microsecond=0)


def _aware_utc(naive: dt.datetime) -> dt.datetime:
    return naive.replace(tzinfo=UTC)


def new_reference() -> str:
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class _NothingTaken:
    """slots.why_not_free's store when only the agenda's rules are asked, not the capacity."""

    @staticmethod
    def taken(start_utc: dt.datetime, end_utc: dt.datetime) -> Dict[dt.datetime, int]:
        return {}


def _email_key(email: Any) -> str:
    return str(email or "").strip().lower()


def _sqlite_secure_delete(connection: Any, _record: Any) -> None:
    """Cancelling and purging promise that personal data is deleted: without this, SQLite keeps the
    deleted rows' bytes in free pages of the file until they are reused."""
    connection.execute("PRAGMA secure_delete = ON")


class BookingStore:
    """The bookings table on one database. Safe to share within a process; every method opens and
    closes its own transaction, so several processes (action servers, CLI) may use the same database."""

    def __init__(self, url: Optional[str] = None, config: Optional[BookingConfig] = None,
                 clock: Optional[Callable[[], dt.datetime]] = None):
        """url: a SQLAlchemy URL; else $ORIENTATION_DATABASE_URL; else sqlite:///<repo>/var/orientation.db.
        config: fixed settings (tests); else config/booking.yml (or $BOOKING_CONFIG), re-read when edited.
        clock: the present moment for the notice and the horizon, when a call gives none (real time
        by default; a test or a demonstration of another date gives its own)."""
        self.url = url or database_url()
        restrict_sqlite_file(self.url)
        self._config = config
        self.clock = clock or (lambda: dt.datetime.now(UTC))
        if self.url.startswith("sqlite"):
            # Writers wait for each other (up to 30 s) instead of failing with "database is locked".
            options: Dict[str, Any] = {"connect_args": {"timeout": 30}}
        else:
            options = {"pool_pre_ping": True}
        self.engine = sa.create_engine(self.url, future=True, **options)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_secure_delete)
        self._create_tables()

    def _create_tables(self) -> None:
        try:
            metadata.create_all(self.engine)
        except (IntegrityError, ProgrammingError, OperationalError):
            # Another process created them between the check and the CREATE: fine if they are there now.
            if not all(sa.inspect(self.engine).has_table(table) for table in metadata.tables):
                raise
        self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        """Columns added to a table after a database was made (all nullable): added in place."""
        inspector = sa.inspect(self.engine)
        for table in metadata.sorted_tables:
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present:
                    kind = column.type.compile(dialect=self.engine.dialect)
                    try:
                        with self.engine.begin() as connection:
                            connection.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"))
                    except (OperationalError, ProgrammingError):
                        # Another process added it meanwhile: fine when it is there now.
                        if column.name not in {c["name"] for c in sa.inspect(self.engine).get_columns(table.name)}:
                            raise

    def close(self) -> None:
        self.engine.dispose()

    @property
    def config(self) -> BookingConfig:
        return self._config or load_config()

    def _booking(self, row: Any, config: BookingConfig) -> Booking:
        return Booking(id=row.id, reference=row.reference,
                       start=_aware_utc(row.start_utc).astimezone(config.timezone),
                       advisor_slot=row.advisor_slot, name=row.name, organisation=row.organisation,
                       email=row.email, summary=row.summary, profile=json.loads(row.profile or "{}"),
                       consent_at=_aware_utc(row.consent_at), created_at=_aware_utc(row.created_at),
                       minutes=config.slot_minutes, sequence=getattr(row, "sequence", None) or 0)

    def _select(self, query: Any) -> List[Booking]:
        config = self.config
        with self.engine.connect() as connection:
            return [self._booking(row, config) for row in connection.execute(query)]

    @staticmethod
    def _matching(reference: str, email: str) -> Any:
        return sa.and_(bookings.c.reference == normalise_reference(reference),
                       sa.func.lower(bookings.c.email) == _email_key(email))

    # --- reading ---------------------------------------------------------------------------

    def taken(self, start_utc: dt.datetime, end_utc: dt.datetime) -> Dict[dt.datetime, int]:
        """Number of bookings per slot start (aware UTC) in [start, end): what slots.free_slots needs."""
        query = (sa.select(bookings.c.start_utc, sa.func.count())
                 .where(bookings.c.start_utc >= _utc_naive(start_utc), bookings.c.start_utc < _utc_naive(end_utc))
                 .group_by(bookings.c.start_utc))
        with self.engine.connect() as connection:
            return {_aware_utc(start): count for start, count in connection.execute(query)}

    def find(self, reference: str, email: str) -> Optional[Booking]:
        """The booking with this reference, only for the email it was made with (any case)."""
        found = self._select(sa.select(bookings).where(self._matching(reference, email)))
        return found[0] if found else None

    def by_reference(self, reference: str) -> Optional[Booking]:
        """The booking with this reference, whatever its email: for the advisors' agenda only."""
        found = self._select(sa.select(bookings).where(bookings.c.reference == normalise_reference(reference)))
        return found[0] if found else None

    def bookings_of(self, email: str) -> List[Booking]:
        """Every booking made with this email, in time order."""
        return self._select(sa.select(bookings).where(sa.func.lower(bookings.c.email) == _email_key(email))
                            .order_by(bookings.c.start_utc))

    def upcoming_of(self, email: str, now: Optional[dt.datetime] = None) -> List[Booking]:
        """The bookings of this email that have not started yet, in time order."""
        start = _utc_naive(now or self.clock())
        return self._select(sa.select(bookings).where(sa.func.lower(bookings.c.email) == _email_key(email),
                                                      bookings.c.start_utc > start).order_by(bookings.c.start_utc))

    def upcoming_of_mailbox(self, email: str, now: Optional[dt.datetime] = None) -> List[Booking]:
        """The upcoming bookings of the mailbox this address reaches: « name+tag@x » is « name@x »."""
        identity = email_identity(email)
        domain = identity.partition("@")[2]
        start = _utc_naive(now or dt.datetime.now(UTC))
        same_domain = self._select(sa.select(bookings).where(sa.func.lower(bookings.c.email).like(f"%@{domain}"),
                                                             bookings.c.start_utc > start)
                                   .order_by(bookings.c.start_utc))
        return [booking for booking in same_domain if email_identity(booking.email) == identity]

    def check_limits(self, email: Optional[str] = None, client: Optional[str] = None,
                     conversation: Optional[str] = None, now: Optional[dt.datetime] = None) -> None:
        """LimitReached when one more booking by this email (its mailbox: name+tag@ counts as name@), client (IP address) or conversation
        (sender id) would pass a limit of the config; the first limit passed is named."""
        limits = self.config.limits
        now = now or self.clock()
        if email:
            upcoming = self.upcoming_of_mailbox(email, now)
            if len(upcoming) >= limits.per_email:
                raise LimitReached("email", upcoming[0])
        with self.engine.connect() as connection:
            def count(*where: Any) -> int:
                return connection.execute(sa.select(sa.func.count()).select_from(creations).where(*where)).scalar()
            if conversation and count(creations.c.conversation == digest(conversation)) >= limits.per_conversation:
                raise LimitReached("conversation")
            since = _utc_naive(now - limits.client_window)
            if client and count(creations.c.client == keyed_hash(client),
                                creations.c.created_at >= since) >= limits.per_client:
                raise LimitReached("client")

    def agenda(self, day: dt.date) -> List[Booking]:
        """The bookings of a local day (in the agenda's time zone), by time then advisor."""
        zone = self.config.timezone
        start = dt.datetime.combine(day, dt.time(), zone)
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
        return self._select(sa.select(bookings)
                            .where(bookings.c.start_utc >= _utc_naive(start), bookings.c.start_utc < _utc_naive(end))
                            .order_by(bookings.c.start_utc, bookings.c.advisor_slot))

    # --- writing ---------------------------------------------------------------------------

    def book(self, start: dt.datetime, name: str, organisation: str, email: str, summary: str,
             profile: Optional[Dict[str, Any]], consent_at: dt.datetime, client: Optional[str] = None,
             conversation: Optional[str] = None, now: Optional[dt.datetime] = None) -> Booking:
        """Books the first free advisor at `start` (aware); SlotTaken when every advisor is taken;
        LimitReached (nothing stored) past a limit of the config (check_limits: the email's upcoming
        bookings, and the bookings made by `client`, an IP address, and in `conversation`).

        SlotNotBookable when `start` is not a slot of the agenda within notice and horizon on an
        open day: checked here, whatever door the request came by (the conversation checks it
        too, to explain; a forged request to the action server must meet the same rule).
        ValueError for an unusable name, organisation or email, or a naive datetime.
        """
        config = self.config
        given = {"name": name, "organisation": organisation, "email": email}
        clean = {"name": clean_name(name), "organisation": clean_organisation(organisation),
                 "email": valid_email(email)}
        for field_name, value in clean.items():
            if value is None:
                raise ValueError(f"unusable {field_name}: {given[field_name]!r}")
        self._check_bookable(config, start, now)
        self.check_limits(clean["email"], client, conversation, now)
        created = {"client": keyed_hash(client), "conversation": digest(conversation),
                   "created_at": _utc_naive(now or self.clock())}
        values = {**clean, "start_utc": _utc_naive(start), "summary": str(summary or ""),
                  "profile": json.dumps(profile or {}, ensure_ascii=False, default=str),
                  "consent_at": _utc_naive(consent_at), "created_at": _utc_naive(dt.datetime.now(UTC)), "sequence": 0}
        for advisor in range(config.advisors):
            for _ in range(5):  # a new reference if one ever collides (1 in 887 million)
                values.update(reference=new_reference(), advisor_slot=advisor)
                try:
                    with self.engine.begin() as connection:
                        row_id = connection.execute(bookings.insert().values(**values)).inserted_primary_key[0]
                        connection.execute(creations.insert().values(**created))
                except IntegrityError:
                    if self._reference_exists(values["reference"]):
                        continue  # the reference collided: draw another
                    break  # this advisor is taken at this slot: try the next one
                return self._booking(SimpleNamespace(id=row_id, **values), config)  # the row as inserted
        raise SlotTaken(start)

    def _check_bookable(self, config: BookingConfig, start: dt.datetime, now: Optional[dt.datetime]) -> None:
        """SlotNotBookable unless `start` is a slot of the agenda (opening hours, open day, notice,
        horizon); capacity is the unique constraint's job."""
        now = now or self.clock()
        if not slots.is_bookable(config, start, now):
            raise SlotNotBookable(start, slots.why_not_free(config, _NothingTaken(), start, now) or "not_a_slot")

    def _reference_exists(self, reference: str) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(bookings.c.id).where(bookings.c.reference == reference)).first() \
                is not None

    def cancel(self, reference: str, email: str) -> bool:
        """Deletes the booking and its personal data (its kept e-mails, and its name, e-mail and
        organisation in the stored conversations); False when reference and email do not match."""
        with self.engine.begin() as connection:
            row = connection.execute(sa.select(bookings).where(self._matching(reference, email))).first()
            deleted = row is not None and connection.execute(
                bookings.delete().where(bookings.c.id == row.id)).rowcount > 0
            if deleted:  # the e-mails kept for this booking hold the same personal data
                connection.execute(outbox.delete().where(outbox.c.reference == row.reference))
        if deleted:
            self._scrub_conversations([row])
        return deleted

    def _scrub_conversations(self, rows: List[Any]) -> None:
        """The bookings' name, e-mail and organisation out of the conversations stored in this database."""
        for row in rows:
            scrub_booking(self.engine, (row.name, row.organisation, row.email), row.email)

    def move(self, reference: str, email: str, new_start: dt.datetime,
             now: Optional[dt.datetime] = None) -> Optional[Booking]:
        """Moves the booking (same reference) to the first free advisor at `new_start`.

        One UPDATE per advisor tried, each in its own transaction: the row is never deleted, so
        SlotTaken, or SlotNotBookable (as for `book`), leaves the booking where it was. None when
        reference and email do not match.
        """
        config = self.config
        current = self.find(reference, email)
        if current is None:
            return None
        new_utc = _utc_naive(new_start)
        if current.start.astimezone(UTC).replace(tzinfo=None) == new_utc:
            return current
        self._check_bookable(config, new_start, now)
        for advisor in range(config.advisors):
            try:
                with self.engine.begin() as connection:
                    moved = connection.execute(bookings.update().where(bookings.c.id == current.id)
                                               .values(start_utc=new_utc, advisor_slot=advisor,
                                                       sequence=current.sequence + 1)).rowcount
            except IntegrityError:
                continue  # this advisor is taken at the new slot
            return self.find(reference, email) if moved else None
        raise SlotTaken(new_start)

    def purge(self, now: dt.datetime) -> int:
        """Deletes the bookings (and so their personal data, scrubbed from the stored conversations
        too) whose appointment ended more than `retention_days` before `now`; returns how many."""
        config = self.config
        limit = now - dt.timedelta(days=config.retention_days) - config.slot_length  # start + length < now - retention
        oldest = now - dt.timedelta(days=config.retention_days)
        with self.engine.begin() as connection:
            # Creation records past every window, and e-mails never sent past retention, go too.
            connection.execute(creations.delete().where(creations.c.created_at < _utc_naive(oldest)))
            connection.execute(outbox.delete().where(outbox.c.created_at < _utc_naive(oldest)))
            past = sa.select(bookings.c.reference).where(bookings.c.start_utc < _utc_naive(limit))
            connection.execute(outbox.delete().where(outbox.c.reference.in_(past)))
            rows = list(connection.execute(sa.select(bookings).where(bookings.c.start_utc < _utc_naive(limit))))
            count = connection.execute(bookings.delete().where(bookings.c.start_utc < _utc_naive(limit))).rowcount
        self._scrub_conversations(rows)
        return count
