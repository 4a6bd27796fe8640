"""Where the assistant keeps its data: bookings and conversations, in one SQL database.

SQLite file var/orientation.db by default (embedded, nothing to start); any SQLAlchemy URL in
ORIENTATION_DATABASE_URL instead, e.g. postgresql+psycopg2://user:password@host:5432/orientation.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SQLITE_FILE = ROOT / "var" / "orientation.db"


def database_url() -> str:
    url = os.environ.get("ORIENTATION_DATABASE_URL", "").strip()
    if url:
        return url
    DEFAULT_SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE_FILE}"
