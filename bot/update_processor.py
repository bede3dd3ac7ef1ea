"""Update processor: updates of different users run concurrently, one user's in order.

PTB's ``BaseUpdateProcessor`` takes a concurrency slot *before* calling
``do_process_update``; with a per-user lock taken inside, a user sending a burst of
messages would fill every slot with updates that only wait for that user's lock, and
everyone else would wait behind them. So PTB's own limit is set out of reach and the
slots are this class's: the per-user order is taken first, without a slot; only the
update that is next for its user competes for one. Each user's queue is
capped: the excess of a burst is dropped and answered once ("too many messages, wait a
moment"). :func:`outside_slot` lets a handler wait (e.g. on a 429 ``retry_after``) with
its slot given back, so one user's wait never stalls others.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot import metrics

log = logging.getLogger(__name__)
UNLIMITED = 1_000_000  # PTB's own slot limit, out of reach (see the module docstring)
Overflow = Callable[[Update], Awaitable[None]]
_SLOT: contextvars.ContextVar[asyncio.Semaphore | None] = contextvars.ContextVar(
    "update_slot", default=None
)


def update_owner(update: object) -> int | None:
    """The id whose updates must be serialized: the sender, else the chat."""
    if isinstance(update, Update):
        if update.effective_user is not None:
            return update.effective_user.id
        if update.effective_chat is not None:
            return update.effective_chat.id
    return None


@asynccontextmanager
async def outside_slot() -> AsyncIterator[None]:
    """Give the current update's concurrency slot back for the duration of the block."""
    slot = _SLOT.get()
    if slot is None:
        yield
        return
    slot.release()
    try:
        yield
    finally:
        await slot.acquire()


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """Up to ``max_concurrent_updates`` at once, strictly FIFO per user, fair across users."""

    def __init__(self, max_concurrent_updates: int, max_queued_per_user: int = 20) -> None:
        super().__init__(UNLIMITED)
        self.slots = max_concurrent_updates
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self.max_queued_per_user = max_queued_per_user
        self.on_overflow: Overflow | None = None
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}
        self._warned: set[int] = set()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the user's turn (no slot held), then for a slot, then run."""
        key = update_owner(update)
        if key is None:
            await self._run_in_slot(coroutine)
            return
        if self._users.get(key, 0) >= self.max_queued_per_user:
            await self._overflow(key, update, coroutine)
            return
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                await self._run_in_slot(coroutine)
        finally:
            self._users[key] -= 1
            if self._users[key] == 0:
                del self._users[key]
                del self._locks[key]
                self._warned.discard(key)

    async def _run_in_slot(self, coroutine: Awaitable[Any]) -> None:
        """Run ``coroutine`` holding one of the concurrency slots."""
        async with self._slots:
            token = _SLOT.set(self._slots)
            started = time.perf_counter()
            try:
                await coroutine
            finally:
                _SLOT.reset(token)
                metrics.UPDATE_SECONDS.observe(time.perf_counter() - started)
                metrics.UPDATES_HANDLED.inc()

    async def _overflow(self, key: int, update: object, coroutine: Awaitable[Any]) -> None:
        """Drop an update beyond the user's queue cap; tell the user once per burst."""
        if isinstance(coroutine, Coroutine):
            coroutine.close()
        log.warning("update queue of one user full: dropped an update")
        metrics.UPDATES_DROPPED.inc()
        if key in self._warned or self.on_overflow is None or not isinstance(update, Update):
            return
        self._warned.add(key)
        await self.on_overflow(update)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
