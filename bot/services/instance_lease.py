"""This process among the bot's instances: its lease (heartbeat) and the one-sender lock.

Every instance registers a row in ``instances`` and renews its lease every
``lease / 4`` seconds while it lives; the outbox rows it claims carry its id as owner, so
when its lease expires (a crash, a lost host) the instance that sends takes them over:
claimed rows are sent, rows in flight become ``uncertain``.

On PostgreSQL exactly one instance sends the outbox, so ``BROADCAST_RATE_PER_SECOND`` is
the bot's total: the holder of the ``OUTBOX_SENDER`` session advisory lock. The others
try the lock every ``standby_poll`` seconds; a holder that dies loses its database session
and with it the lock, so a standby takes over within about that time (fast failover) and
at once takes back the rows the old sender had claimed but not started. On SQLite there
is one instance: it always sends, and at start every claim left is from its dead self.
Leases use the wall clock (keep the hosts' clocks synchronised, e.g. with NTP), never the
settable clock of the demo and the tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Callable
from datetime import timedelta

from storage.db import Database
from storage.locks import OUTBOX_SENDER, SessionLock
from storage.models.base import utcnow
from storage.queries import delivery as q
from storage.queries import instances

log = logging.getLogger(__name__)


def default_instance_id() -> str:
    """``<host>-<pid>``: unique among processes on one host and across containers."""
    return f"{socket.gethostname()[:48]}-{os.getpid()}"[:60]


class InstanceLease:
    """Registers this instance, renews its lease, and (PostgreSQL) competes to be the sender."""

    def __init__(
        self,
        db: Database,
        instance_id: str,
        *,
        lease_seconds: float = 15.0,
        standby_poll: float = 1.0,
        on_change: Callable[[bool], None] | None = None,
    ) -> None:
        self.db = db
        self.instance_id = instance_id
        self.lease = timedelta(seconds=lease_seconds)
        self.renew_every = lease_seconds / 4
        self.standby_poll = standby_poll
        self.on_change = on_change
        self.elect = db.is_postgres
        self.lock = SessionLock(db.engine, OUTBOX_SENDER) if self.elect else None
        self.active = not self.elect  # SQLite: the one instance always sends
        self.taken_over: tuple[int, int] = (0, 0)
        self._task: asyncio.Task[None] | None = None

    async def start(self, resend_uncertain: bool = False) -> tuple[int, int]:
        """Register, recover this id's rows of a previous run, start renewing.

        Returns (claimed rows requeued, rows in flight made uncertain) of the recovery.
        """
        now = utcnow()
        async with self.db.transaction() as session:
            await instances.register_instance(
                session, self.instance_id, socket.gethostname(), os.getpid(), now, self.lease
            )
            recovered = await q.reclaim_stale(
                session, self.instance_id, now, everyone=not self.elect,
                resend_uncertain=resend_uncertain,
            )  # fmt: skip
        _log_takeover("at start", recovered, resend_uncertain)
        if self.elect:
            await self._try_to_send()
        self._task = asyncio.create_task(self._run(), name=f"lease-{self.instance_id}")
        return recovered

    async def stop(self) -> None:
        """Graceful stop: the lease ends now and the sender lock is released."""
        await self._cancel()
        async with self.db.transaction() as session:
            await instances.stop_instance(session, self.instance_id, utcnow())
        if self.lock is not None:
            await self.lock.release()
        self._set_active(False)

    def kill(self) -> None:
        """Like a crash (tests): stop renewing and drop the lock's connection, clean nothing."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if self.lock is not None:
            self.lock.abandon()
        self.active = False

    async def _cancel(self) -> None:
        """Stop the renewing task."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        """Renew the lease, keep or win the sender lock, take over the rows of dead owners."""
        loop = asyncio.get_running_loop()
        next_renew = loop.time()
        while True:
            try:
                if self.lock is not None:
                    if self.active and not await self.lock.check():
                        log.warning("outbox: this instance lost the sender lock")
                        self._set_active(False)
                    if not self.active:
                        await self._try_to_send()
                if loop.time() >= next_renew:
                    await self._renew()
                    next_renew = loop.time() + self.renew_every
            except Exception:
                log.exception("instance lease: renewal failed; trying again")
            pause = self.standby_poll if self.lock is not None else self.renew_every
            await asyncio.sleep(min(pause, max(0.05, next_renew - loop.time())))

    async def _renew(self) -> None:
        """Extend the lease; the sender also takes over the rows of expired owners."""
        now, taken = utcnow(), (0, 0)
        async with self.db.transaction() as session:
            await instances.renew_lease(session, self.instance_id, now, self.lease, self.active)
            if self.active:
                taken = await q.reclaim_stale(session, self.instance_id, now, own=False)
        if any(taken):
            self.taken_over = (self.taken_over[0] + taken[0], self.taken_over[1] + taken[1])
            _log_takeover("from an expired lease", taken, False)

    async def _try_to_send(self) -> None:
        """Try the sender lock; on winning take back the claims other instances left."""
        assert self.lock is not None
        if not await self.lock.try_acquire():
            return
        async with self.db.transaction() as session:
            back = await q.take_back_claims(session, self.instance_id)
            await instances.renew_lease(session, self.instance_id, utcnow(), self.lease, True)
            await instances.clear_other_senders(session, self.instance_id)  # for `status`
        if back:
            log.warning("outbox: this instance now sends; %d claimed rows taken back", back)
        self._set_active(True)

    def _set_active(self, active: bool) -> None:
        """Record a change of role and tell the worker."""
        if active != self.active:
            self.active = active
            if self.on_change is not None:
                self.on_change(active)


def _log_takeover(when: str, counts: tuple[int, int], resend_uncertain: bool) -> None:
    """One warning line when rows of a dead run were taken over."""
    if any(counts):
        log.warning(
            "outbox recovery %s: %d claimed rows requeued, %d in-flight rows %s",
            when, counts[0], counts[1], "requeued" if resend_uncertain else "marked uncertain",
        )  # fmt: skip
