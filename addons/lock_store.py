"""The conversations' lock store, chosen from the environment: one Rasa process locks in memory;
several Rasa instances (RASA_INSTANCES >= 2) share Rasa's Redis lock store, so two messages of one
conversation are never processed at once on two instances.

endpoints.yml is one file for both cases, hence this small factory: ORIENTATION_REDIS_URL set
(scripts/serve sets it when it starts Redis), e.g. redis://127.0.0.1:6379/1 => RedisLockStore;
unset => InMemoryLockStore.
"""
from __future__ import annotations

import asyncio
import os
from typing import Any
from urllib.parse import urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore


def redis_settings(url: str) -> dict:
    """RedisLockStore's arguments from a redis:// or rediss:// URL (a managed Redis uses TLS)."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError(f"ORIENTATION_REDIS_URL must start with redis:// or rediss://, not {url!r}")
    database = parts.path.strip("/")
    return {"host": parts.hostname or "127.0.0.1", "port": parts.port or 6379,
            "db": int(database) if database else 1, "username": parts.username or None,
            "password": parts.password or None, "use_ssl": parts.scheme == "rediss",
            "key_prefix": "orientation"}


class SharedLockStore(RedisLockStore):
    """Rasa's Redis lock store, without its hang after an instance dies mid-message.

    The dead instance's ticket expires after TICKET_LOCK_LIFETIME; the ticket of the message that
    waits behind it was issued a moment later with the same lifetime, so both may have expired by
    the next check (once a second). Rasa then waits for good: an empty queue is "locked" for
    every ticket. Here a message whose turn has come, or that finds the queue empty or gone, runs.
    """

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        while True:
            lock = self.get_lock(conversation_id)
            if lock is None:
                return TicketLock(conversation_id)
            serving = lock.now_serving  # drops the expired tickets first
            if serving == ticket or not lock.tickets:
                return lock
            await asyncio.sleep(wait_time_in_seconds)
            self.update_lock(conversation_id)


class OrientationLockStore(LockStore):
    """Never instantiated itself: returns the lock store the environment asks for."""

    def __new__(cls, *args: Any, **kwargs: Any) -> LockStore:  # type: ignore[misc]
        url = os.environ.get("ORIENTATION_REDIS_URL", "").strip()
        return SharedLockStore(**redis_settings(url)) if url else InMemoryLockStore()
