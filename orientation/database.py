"""Where the assistant keeps its data: bookings and conversations, in one SQL database.

SQLite file var/orientation.db by default (embedded, nothing to start); any SQLAlchemy URL in
ORIENTATION_DATABASE_URL instead, e.g. postgresql+psycopg2://user:password@host:5432/orientation.
The URL is a setting (orientation/settings.py); this module makes the default file's folder.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from sqlalchemy.engine import make_url

from orientation.settings import DATABASE_FILE, DEFAULT_DATABASE_URL, get_settings

SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def database_url() -> str:
    url = get_settings().database_url
    if url == DEFAULT_DATABASE_URL:
        DATABASE_FILE.parent.mkdir(parents=True, exist_ok=True)
    return url


def sqlite_file(url: str) -> Optional[Path]:
    """The file of a SQLite URL (None for another database or an in-memory one)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def restrict_sqlite_file(url: str) -> None:
    """The SQLite file (and its journal files) readable and writable by the service's user only:
    it holds names, addresses and conversations. Made empty with 0600 when it does not exist yet, so
    it is never world-readable, not even for an instant."""
    path = sqlite_file(url)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for suffix in SQLITE_SIDE_FILES:
        side = path.with_name(path.name + suffix)
        try:
            if side.stat().st_mode & 0o077:
                side.chmod(0o600)
        except FileNotFoundError:
            pass
        except PermissionError:
            pass  # not ours (another user's file): the owner keeps it as it is
