"""Where the assistant keeps its data: bookings and conversations, in one SQL database.

SQLite file var/orientation.db by default (embedded, nothing to start); any SQLAlchemy URL in
ORIENTATION_DATABASE_URL instead, e.g. postgresql+psycopg2://user:password@host:5432/orientation.
The URL is a setting (orientation/settings.py); this module makes the default file's folder.
"""
from __future__ import annotations

from orientation.settings import DATABASE_FILE, DEFAULT_DATABASE_URL, get_settings


def database_url() -> str:
    url = get_settings().database_url
    if url == DEFAULT_DATABASE_URL:
        DATABASE_FILE.parent.mkdir(parents=True, exist_ok=True)
    return url
