"""Throttling of the advisors' login: wrong passwords counted per account and per client address,
in the bookings database (a restart forgets nothing, several agenda processes share the counts).

Growing delays rather than a lockout: after a few free failures, each new one doubles the wait
before the next try, up to a ceiling. Per account the ceiling is short, so that someone guessing
cannot shut the real advisor out for long, yet it caps guessing at about one try a minute (a
password scored 3 by zxcvbn needs far more than that); per address it is longer. Addresses are
kept as keyed hashes (orientation/keyed_hash.py). Counts are forgotten a day after the last failure
and at each success.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Callable, Optional

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from orientation.keyed_hash import keyed_hash

Clock = Callable[[], dt.datetime]
FORGET_AFTER = dt.timedelta(days=1)

metadata = sa.MetaData()
login_failures = sa.Table(
    "login_failures", metadata,
    sa.Column("key", sa.String(80), primary_key=True),  # "compte:<login>" or "adresse:<keyed hash>"
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_failure", sa.DateTime, nullable=False),  # naive UTC
)


@dataclass(frozen=True)
class Rule:
    free: int  # failures without any wait
    ceiling: dt.timedelta  # the longest wait

    def delay(self, failures: int) -> dt.timedelta:
        """1 s after the first failure past the free ones, then 2, 4… up to the ceiling."""
        if failures < self.free:
            return dt.timedelta(0)
        return min(dt.timedelta(seconds=2 ** min(failures - self.free, 20)), self.ceiling)


ACCOUNT = Rule(free=3, ceiling=dt.timedelta(minutes=1))
ADDRESS = Rule(free=5, ceiling=dt.timedelta(minutes=15))


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)


class LoginThrottle:
    def __init__(self, engine: sa.engine.Engine, clock: Clock):
        self.engine, self.clock = engine, clock
        with contextlib.suppress(IntegrityError):  # another process made it between the check and the CREATE
            metadata.create_all(engine)

    def _keys(self, login: str, client: str):
        return ((f"compte:{login}", ACCOUNT), (f"adresse:{keyed_hash(client)}", ADDRESS))

    def wait(self, login: str, client: str) -> Optional[dt.timedelta]:
        """How long before this login may be tried from this client, or None when it may be now."""
        now = _naive(self.clock())
        longest = dt.timedelta(0)
        with self.engine.connect() as connection:
            for key, rule in self._keys(login, client):
                row = connection.execute(sa.select(login_failures).where(login_failures.c.key == key)).first()
                if row is None or now - row.last_failure > FORGET_AFTER:
                    continue
                longest = max(longest, row.last_failure + rule.delay(row.failures) - now)
        return longest if longest > dt.timedelta(0) else None

    def failed(self, login: str, client: str) -> None:
        now = _naive(self.clock())
        with self.engine.begin() as connection:
            for key, _ in self._keys(login, client):
                row = connection.execute(sa.select(login_failures).where(login_failures.c.key == key)).first()
                if row is None:
                    connection.execute(login_failures.insert().values(key=key, failures=1, last_failure=now))
                else:
                    failures = 1 if now - row.last_failure > FORGET_AFTER else row.failures + 1
                    connection.execute(login_failures.update().where(login_failures.c.key == key)
                                       .values(failures=failures, last_failure=now))
            connection.execute(login_failures.delete().where(login_failures.c.last_failure < now - FORGET_AFTER))

    def succeeded(self, login: str, client: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(login_failures.delete().where(
                login_failures.c.key.in_([key for key, _ in self._keys(login, client)])))
