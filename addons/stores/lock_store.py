"""The conversations' lock store, chosen from the environment: one Rasa process locks in memory;
several Rasa instances (RASA_INSTANCES >= 2) share Rasa's Redis lock store, so two messages of one
conversation are never processed at once on two instances.

endpoints.yml is one file for both cases, hence this small factory: ORIENTATION_REDIS_URL set
(scripts/serve sets it when it starts Redis), e.g. redis://127.0.0.1:6379/1 => SharedLockStore
(Rasa's Redis lock store with two fixes, below); unset => InMemoryLockStore.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Callable, TypeVar
from urllib.parse import urlsplit

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore

from orientation.settings import RedisUrl, get_settings

T = TypeVar("T")
logger = logging.getLogger(__name__)


def redis_settings(url: str) -> dict:
    """RedisLockStore's arguments from a redis:// or rediss:// URL (a managed Redis uses TLS)."""
    parts = urlsplit(RedisUrl.parse(url))
    database = parts.path.strip("/")
    return {"host": parts.hostname or "127.0.0.1", "port": parts.port or 6379,
            "db": int(database) if database else 1, "username": parts.username or None,
            "password": parts.password or None, "use_ssl": parts.scheme == "rediss",
            "key_prefix": "orientation"}


class SharedLockStore(RedisLockStore):
    """Rasa's Redis lock store, with two fixes for several instances:

    - Rasa changes a conversation's ticket queue by read-modify-write: two instances receiving a
      message of one conversation at the same instant both create the queue, both get ticket 0 and
      process at once (one of the two messages was lost in the tests). Here every change of the
      queue is one Redis transaction (WATCH/MULTI, retried when another instance changed it).
    - After an instance dies mid-message, its ticket expires after TICKET_LOCK_LIFETIME; the ticket
      of the message waiting behind it was issued a moment later with the same lifetime, so both
      may have expired by the next check (once a second). Rasa then waits for good: an empty queue
      is "locked" for every ticket. Here a message whose turn has come, or that finds the queue
      empty or gone, runs.
    - A ticket lives TICKET_LOCK_LIFETIME seconds (5 under `make run`) and the instance that holds
      it renews it while its message is waiting or being processed, however long that takes: a
      dead instance's ticket is gone within seconds, and a live one's never lapses.
    """

    def answers(self) -> bool:
        """Whether Redis answers: the instance's health check (addons/channels/inputs.py)."""
        try:
            return bool(self.red.ping())
        except redis.RedisError:
            return False

    def _renew(self, conversation_id: str, ticket: int, lifetime: float) -> None:
        def renew(lock: TicketLock) -> None:
            for held in lock.tickets:
                if held.number == ticket:
                    held.expires = time.time() + lifetime
        self._change(conversation_id, renew)

    async def _keep_alive(self, conversation_id: str, ticket: int, lifetime: float) -> None:
        while True:
            await asyncio.sleep(lifetime / 4)
            try:
                self._renew(conversation_id, ticket, lifetime)
            except LockError as error:  # Redis away for a moment: the next renewal may succeed
                logger.warning("Ticket of a conversation not renewed: %s", type(error.__cause__).__name__)

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncIterator[TicketLock]:
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        keep_alive = asyncio.create_task(self._keep_alive(conversation_id, ticket, lock_lifetime))
        try:
            yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            keep_alive.cancel()
            self.cleanup(conversation_id, ticket)

    def _change(self, conversation_id: str, change: Callable[[TicketLock], T]) -> T:
        """Applies `change` to the stored queue atomically; an empty queue is deleted."""
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    stored = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(stored)) if stored else TicketLock(conversation_id)
                    result = change(lock)
                    lock.remove_expired_tickets()
                    pipe.multi()
                    if lock.tickets:
                        pipe.set(key, lock.dumps())
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another instance changed the queue meanwhile: read it again
                except redis.RedisError as error:
                    raise LockError(f"Error while changing the lock of {conversation_id}: {error}") from error

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self.finish_serving(conversation_id, ticket_number)  # deletes the queue once empty

    def update_lock(self, conversation_id: str) -> None:
        self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

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
        url = get_settings().redis_url
        return SharedLockStore(**redis_settings(url)) if url else InMemoryLockStore()
