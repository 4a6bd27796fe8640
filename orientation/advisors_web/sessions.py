"""Server-side sessions of the advisors' agenda (the login throttle is in throttle.py).

A session lives in this process only (a restart logs everybody out, which is fine for a handful
of advisors): the cookie holds a random token, the server the login, the CSRF token and the times.
"""
from __future__ import annotations

import datetime as dt
import secrets
import threading
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class Session:
    token: str
    login: str
    csrf: str
    created: dt.datetime
    last_seen: dt.datetime
    notices: List[str] = field(default_factory=list)  # shown once on the next page


class Sessions:
    """A session ends after `idle` without a request, or `lifetime` after the login, or at logout."""

    def __init__(self, clock: Clock = utc_now, idle: dt.timedelta = dt.timedelta(minutes=60),
                 lifetime: dt.timedelta = dt.timedelta(hours=10)):
        self.clock, self.idle, self.lifetime = clock, idle, lifetime
        self._sessions: Dict[str, Session] = {}
        self._lock = threading.Lock()

    def open(self, login: str) -> Session:
        now = self.clock()
        session = Session(secrets.token_urlsafe(32), login, secrets.token_urlsafe(32), now, now)
        with self._lock:
            self._forget_expired(now)
            self._sessions[session.token] = session
        return session

    def get(self, token: Optional[str]) -> Optional[Session]:
        """The live session of this token (its last activity updated), else None."""
        if not token:
            return None
        now = self.clock()
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            if self._expired(session, now):
                del self._sessions[token]
                return None
            session.last_seen = now
            return session

    def close(self, token: Optional[str]) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)

    def _expired(self, session: Session, now: dt.datetime) -> bool:
        return now - session.last_seen > self.idle or now - session.created > self.lifetime

    def _forget_expired(self, now: dt.datetime) -> None:
        for token in [t for t, s in self._sessions.items() if self._expired(s, now)]:
            del self._sessions[token]
