"""The outbox worker: claims pending rows and sends them, paced, with a bounded pool.

Structure (all inside one process, a fixed number of tasks whatever the backlog):

* a feeder claims rows in small batches, keeps per-chat spacing and hands rows to
* ``max_in_flight`` sender tasks, which have the writer durably mark the row ``sending``,
  pass the pacing gate (a sliding one-second window, evenly spaced; only a few senders
  wait there marked in flight), call Telegram at once, and have the writer record the
  outcome (``sent`` with the message id only after Telegram accepted it) in the same
  transaction that marks the sender's next row. That transaction is queued when a send
  starts, so it commits while the request is on the wire (pipelining); hence at most two
  rows per sender, ``2 x max_in_flight`` in all, are ``sending`` at any time;
* the writer batches those state changes into few transactions (group commit).

Crash semantics: rows ``claimed`` but not yet in flight are sent after restart (or by the
instance that takes over once the dead one's lease expired, see ``instance_lease``); rows
in flight at a crash (Telegram may or may not have accepted them) become ``uncertain`` and
are reported, never silently resent. On PostgreSQL only the instance holding the sender
lock claims rows, so the configured rate is the bot's total; the others stand by.
A ``TimedOut`` is retried like a network error as the issue demands; Telegram may have
accepted such a request, which is the one remaining duplicate window (rare, and bounded
by ``max_attempts``).

The sender tasks live in ``outbox_senders``, one Bot API call and its stored outcome in
``outbox_send``; the lease, the sender lock and recovery in ``instance_lease``;
``wait_until_settled`` in ``outbox_recovery``.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import math
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.delivery.pacing import ChatSpacing, Pacer
from bot.services.clock import Clock
from bot.services.instance_lease import InstanceLease
from bot.services.outbox_recovery import wait_until_settled
from bot.services.outbox_senders import SenderPool
from bot.services.outbox_writer import OutboxWriter
from bot.services.sender import Sender
from storage.db import Database
from storage.queries import delivery as q
from storage.queries.delivery import BroadcastStats, ClaimedRow, broadcast_stats

__all__ = ["BroadcastStats", "OutboxWorker", "broadcast_stats", "wait_until_settled"]

log = logging.getLogger(__name__)
DoneHook = Callable[[int], Awaitable[None]]
ProgressHook = Callable[[set[int]], None]
MAX_LOCAL_DEFER = 2.0
ARMED_SECONDS = 0.05  # rows marked in flight ahead of the gate: about this much sending
WINDOW_MARGIN = 0.002  # seconds added to the 1 s window for start-to-count jitter


class OutboxWorker(SenderPool):
    """Sends the outbox at ``rate_per_second`` with at most ``max_in_flight`` requests open.

    ``sender`` is usually a ``telegram.Bot`` (see :class:`~bot.services.sender.Sender`); its
    HTTP pool must allow ``max_in_flight`` connections (PTB's Application uses 256; a bare
    ``Bot`` needs ``request=HTTPXRequest(connection_pool_size=...)``).
    """

    def __init__(
        self,
        db: Database,
        sender: Sender,
        rate_per_second: float,
        worker_id: str = "worker-1",
        *,
        max_in_flight: int = 16,
        batch_size: int = 100,
        poll_interval: float = 2.0,
        lease_seconds: float = 15.0,
        standby_poll: float = 1.0,
        max_attempts: int = 5,
        retry_base_seconds: float = 2.0,
        chat_gap_seconds: float = 1.0,
        resend_uncertain: bool = False,
        window_margin: float = WINDOW_MARGIN,
        clock: Clock | None = None,
        on_progress: ProgressHook | None = None,
        on_done: DoneHook | None = None,
    ) -> None:
        self.db = db
        self.sender = sender
        self.worker_id = worker_id
        self.pacer = Pacer(rate_per_second, margin=window_margin)
        self.spacing = ChatSpacing(chat_gap_seconds + 0.05)
        self.max_in_flight = max_in_flight
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self.max_attempts = max_attempts
        self.retry_base = retry_base_seconds
        self.resend_uncertain = resend_uncertain
        self.clock = clock or Clock()
        self.on_done = on_done
        self.writer = OutboxWriter(db, worker_id, self.clock.now, on_progress)
        self._queue: asyncio.Queue[ClaimedRow | None] = asyncio.Queue(maxsize=max_in_flight)
        self._buffer: list[ClaimedRow] = []
        self._deferred: list[tuple[float, int, ClaimedRow]] = []
        self._wake = asyncio.Event()
        self._gate_lock = asyncio.Lock()
        armed = max(2, math.ceil(rate_per_second * ARMED_SECONDS))
        self._armed = asyncio.Semaphore(min(max_in_flight, armed))
        self._ahead_free = min(max_in_flight, armed)  # rows that may be marked ahead
        self._stopping = False
        self._running = False
        self.membership = InstanceLease(
            db, worker_id, lease_seconds=lease_seconds, standby_poll=standby_poll,
            on_change=self._role_changed,
        )  # fmt: skip
        self._feeder: asyncio.Task[None] | None = None
        self._senders: list[asyncio.Task[None]] = []
        self.sent_count = 0
        self.recovered: tuple[int, int] = (0, 0)

    async def start(self) -> None:
        """Register this instance (recovering rows of its previous run), start the tasks."""
        self.recovered = await self.membership.start(self.resend_uncertain)
        self._stopping, self._running = False, True
        self.writer.start()
        self._senders = [
            asyncio.create_task(self._sender(), name=f"outbox-send-{i}")
            for i in range(self.max_in_flight)
        ]
        self._feeder = asyncio.create_task(self._feed(), name=f"outbox-feed-{self.worker_id}")

    def wake(self) -> None:
        """New rows were committed: look for work now instead of at the next poll."""
        self._wake.set()

    @property
    def sending(self) -> bool:
        """True while this instance is the one that sends the outbox."""
        return self.membership.active

    def _role_changed(self, active: bool) -> None:
        """The instance became the sender (start claiming) or stopped being it."""
        self._wake.set()

    async def stop(self) -> None:
        """Graceful stop: finish the sends in flight, give every unsent claim back, end the
        lease (so another instance sends at once). Safe to call twice; the webhook server's
        shutdown and the application's both do."""
        if not self._running:
            return
        self._running = False
        self._stopping = True
        self._wake.set()
        if self._feeder is not None:
            await self._feeder
            self._feeder = None
        while not self._queue.empty():  # unsent: released below with every claim left
            self._queue.get_nowait()
        self._buffer, self._deferred = [], []
        for _ in self._senders:
            await self._queue.put(None)
        await asyncio.gather(*self._senders)
        self._senders = []
        await self.writer.close()
        async with self.db.transaction() as session:
            await q.release_claims(session, self.worker_id, self.clock.now())
        await self._finish_broadcasts()
        await self.membership.stop()

    def kill(self) -> None:
        """Abandon everything at once, like a crash (for tests): no state is cleaned up."""
        self._running = False
        self.membership.kill()
        for task in [self._feeder, *self._senders]:
            if task is not None:
                task.cancel()
        self.writer.kill()
        self._feeder, self._senders = None, []

    # -- feeder -----------------------------------------------------------------------

    async def _feed(self) -> None:
        """Claim rows, respect per-chat spacing, hand rows to the senders; sleep when idle."""
        loop = asyncio.get_running_loop()
        while not self._stopping:
            if not self.membership.active:
                await self._stand_by()
                continue
            claimed = 0
            if len(self._buffer) + len(self._deferred) < self.batch_size // 2 + 1:
                claimed = await self._claim()
            dispatched = await self._dispatch(loop.time())
            if claimed or dispatched:
                continue
            await self._finish_broadcasts()
            await self._idle(loop.time())

    async def _stand_by(self) -> None:
        """Not the sender: give back what this instance holds, wait to be woken or polled."""
        held = self._buffer + [r for _, _, r in self._deferred]
        while not self._queue.empty():
            row = self._queue.get_nowait()
            if row is not None:
                held.append(row)
        self._buffer, self._deferred = [], []
        if held:
            async with self.db.transaction() as session:
                await q.release_rows(
                    session, [r.id for r in held], self.clock.now(), self.worker_id
                )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), self.poll_interval)
        self._wake.clear()

    async def _claim(self) -> int:
        """Claim one batch of due rows and mark their broadcasts as sending."""
        now = self.clock.now()
        async with self.db.transaction() as session:
            rows = await q.claim_batch(session, self.worker_id, now, self.batch_size)
            await q.start_broadcasts(
                session, (r.broadcast_id for r in rows if r.broadcast_id is not None), now
            )
        self._buffer.extend(rows)
        return len(rows)

    async def _dispatch(self, now: float) -> int:
        """Send every row whose chat may receive now; defer or release the others."""
        while self._deferred and self._deferred[0][0] <= now:
            self._buffer.append(heapq.heappop(self._deferred)[2])
        deferred_chats = {r.chat_id for _, _, r in self._deferred}
        release: list[ClaimedRow] = []
        count = 0
        rows, self._buffer = self._buffer, []
        for index, row in enumerate(rows):
            if self._stopping:
                self._buffer.extend(rows[index:])
                break
            ready = self.spacing.ready_at(row.chat_id, now)
            if ready is not None and ready <= now:
                self.spacing.begin(row.chat_id)
                await self._queue.put(row)
                count += 1
                now = asyncio.get_running_loop().time()
            elif row.chat_id in deferred_chats or (ready or now) - now > MAX_LOCAL_DEFER:
                release.append(row)
            else:
                deferred_chats.add(row.chat_id)
                heapq.heappush(self._deferred, (ready or now + 1.0, row.id, row))
        if release:
            later = self.clock.now() + timedelta(seconds=self.spacing.min_gap * 2)
            async with self.db.transaction() as session:
                await q.release_rows(session, [r.id for r in release], later, self.worker_id)
        self.spacing.prune(now)
        return count

    async def _finish_broadcasts(self) -> None:
        """Close broadcasts without open rows and tell the done hook."""
        async with self.db.transaction() as session:
            done = await q.finish_broadcasts(session, self.clock.now())
        for broadcast_id in done:
            if self.on_done is not None:
                try:
                    await self.on_done(broadcast_id)
                except Exception:
                    log.exception("broadcast done hook failed for broadcast %d", broadcast_id)

    async def _idle(self, now: float) -> None:
        """Sleep until woken, the next deferred row, the next retry, or the poll interval."""
        timeout = self.poll_interval
        if self._deferred:
            timeout = min(timeout, max(0.0, self._deferred[0][0] - now))
        async with self.db.transaction() as session:
            next_due = await q.next_due_time(session)
        if next_due is not None:
            timeout = min(timeout, max(0.0, (next_due - self.clock.now()).total_seconds()))
        if timeout <= 0 and not self._deferred:
            timeout = 0.05  # due row taken by another worker or a clock skew: do not spin
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)
        self._wake.clear()
