"""The conversations' lock store, chosen from the environment: one Rasa process locks in memory;
several Rasa instances (RASA_INSTANCES >= 2) share Rasa's Redis lock store, so two messages of one
conversation are never processed at once on two instances.

endpoints.yml is one file for both cases, hence this small factory: ORIENTATION_REDIS_URL set
(scripts/serve sets it when it starts Redis), e.g. redis://127.0.0.1:6379/1 => RedisLockStore;
unset => InMemoryLockStore.
"""
from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

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


class OrientationLockStore(LockStore):
    """Never instantiated itself: returns the lock store the environment asks for."""

    def __new__(cls, *args: Any, **kwargs: Any) -> LockStore:  # type: ignore[misc]
        url = os.environ.get("ORIENTATION_REDIS_URL", "").strip()
        return RedisLockStore(**redis_settings(url)) if url else InMemoryLockStore()
