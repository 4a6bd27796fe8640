"""The link to a conversation's « fiche projet »: unguessable, for that conversation only, and
valid for the conversations' retention period (config/conversations.yml).

A link holds a random token (192 bits, in hexadecimal); the database keeps only its SHA-256 with the conversation's
id and the moment it was given, in the assistant's database (orientation/database.py), where the
action server writes it and any Rasa server reads it. Nothing in the link names the conversation:
the conversation's id would let anyone who sees the link write in it. A token is refused once the
retention period has passed since it was given (the conversation itself is deleted by then); such
rows are deleted whenever a new link is given.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
from typing import Dict, Optional

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from orientation.booking.retention import retention_days
from orientation.database import database_url, restrict_sqlite_file, sqlite_file

# The message metadata where the channels put the Rasa server's address as the user reached it.
SERVER_URL_KEY = "orientation_server_url"
PATH = "/webhooks/fiche/"  # served by the Rasa server (addons/channels/fiche.py), under its channels
TOKEN_BYTES = 24
metadata = sa.MetaData()
fiche_links = sa.Table(
    "fiche_links", metadata,
    sa.Column("digest", sa.String(64), primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),  # naive UTC
)
_engines: Dict[str, sa.engine.Engine] = {}
_lock = threading.Lock()


def engine(url: Optional[str] = None) -> sa.engine.Engine:
    """One engine per database URL and process, its table created at first use."""
    url = url or database_url()
    with _lock:
        if url not in _engines:
            path = sqlite_file(url)
            if path is not None and not path.exists():
                # Only for a file not made yet: opening and closing the file of a database this process
                # already uses would drop SQLite's locks on it (POSIX locks belong to the process).
                restrict_sqlite_file(url)
            options = {"connect_args": {"timeout": 30}} if url.startswith("sqlite") else {"pool_pre_ping": True}
            made = sa.create_engine(url, future=True, **options)
            try:
                metadata.create_all(made)
            except (IntegrityError, ProgrammingError, OperationalError):
                if not sa.inspect(made).has_table("fiche_links"):  # not created by another process meanwhile
                    raise
            _engines[url] = made
        return _engines[url]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def issue(sender_id: str, now: Optional[dt.datetime] = None, db: Optional[sa.engine.Engine] = None) -> str:
    """A new token for this conversation's sheet."""
    # hexadecimal: no « _ » or « - » that a reader or a Markdown renderer could take for markup
    token, now = secrets.token_hex(TOKEN_BYTES), now or _now()
    purge(now, db)
    with (db or engine()).begin() as connection:
        connection.execute(fiche_links.insert().values(digest=_digest(token), sender_id=sender_id,
                                                       created_at=_naive(now)))
    return token


def conversation_of(token: str, now: Optional[dt.datetime] = None, db: Optional[sa.engine.Engine] = None,
                    days: Optional[int] = None) -> Optional[str]:
    """The conversation this token was given in, or None: unknown, malformed or past retention."""
    if not token or len(token) > 64:
        return None
    limit = _naive(now or _now()) - dt.timedelta(days=retention_days() if days is None else days)
    with (db or engine()).connect() as connection:
        row = connection.execute(sa.select(fiche_links.c.sender_id).where(
            fiche_links.c.digest == _digest(token), fiche_links.c.created_at >= limit)).first()
    return row.sender_id if row else None


def url(base: str, token: str) -> str:
    return base.rstrip("/") + PATH + token


def purge(now: Optional[dt.datetime] = None, db: Optional[sa.engine.Engine] = None,
          days: Optional[int] = None) -> int:
    """Deletes the links past retention; returns how many."""
    limit = _naive(now or _now()) - dt.timedelta(days=retention_days() if days is None else days)
    with (db or engine()).begin() as connection:
        return connection.execute(fiche_links.delete().where(fiche_links.c.created_at < limit)).rowcount
