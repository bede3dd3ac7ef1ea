"""The sender tasks of the outbox worker: mark in flight, pass the pacing gate, send, record.

:class:`SenderPool` is the half of :class:`~bot.services.outbox_worker.OutboxWorker` that
runs ``max_in_flight`` copies of :meth:`SenderPool._sender`; the worker (the feeder half)
creates the shared state declared here and fills the queue. One Bot API call and its
stored outcome are ``outbox_send``; failures are classified by ``bot.delivery.errors``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot import metrics
from bot.delivery.errors import SEND_ERRORS, Failure, backoff_delay, classify, failure_of
from bot.delivery.pacing import ChatSpacing, Pacer
from bot.services.clock import Clock
from bot.services.outbox_send import outcome_values, send_row
from bot.services.outbox_writer import OutboxWriter, Outcome, consume
from bot.services.sender import Sender
from storage.queries.delivery import ClaimedRow

log = logging.getLogger(__name__)


class SenderPool:
    """Sender tasks sharing the worker's queue, pacer, per-chat spacing and writer."""

    sender: Sender
    worker_id: str
    clock: Clock
    pacer: Pacer
    spacing: ChatSpacing
    writer: OutboxWriter
    max_attempts: int
    retry_base: float
    sent_count: int
    _queue: asyncio.Queue[ClaimedRow | None]
    _gate_lock: asyncio.Lock
    _armed: asyncio.Semaphore
    _ahead_free: int

    async def _sender(self) -> None:
        """Take rows one at a time: mark in flight, pass the pacing gate, send, record.

        Pipelined: when a send starts, the sender queues (without waiting) one transaction
        that stores the outcome of its previous send and marks its next row in flight, so
        that commit overlaps the HTTP call instead of preceding the next one. Each sender
        thus has at most two rows ``sending`` (the one on the wire and the one marked
        ahead; the previous row leaves ``sending`` in the same commit the next enters it),
        so at most ``2 x max_in_flight`` in all. Rows are marked ahead only while fewer
        than the armed limit are (under a flood limit the gate, not the database, is the
        bottleneck); otherwise the outcome and the next mark are settled before the gate.
        An outcome is never held while its sender queues for a slot or waits at the gate:
        it is then stored on its own, so a crash leaves ``sending`` (later ``uncertain``)
        only rows truly in flight, not messages Telegram already accepted.
        """
        outcome: Outcome | None = None  # the last send's outcome, not queued for storing
        write: asyncio.Future[bool] | None = None  # this sender's queued write, unawaited
        ahead: ClaimedRow | None = None  # next row, marked by ``write`` (holds an ahead slot)
        stopping = False
        while True:
            row: ClaimedRow | None
            pre_marked = ahead is not None
            if ahead is not None:
                row, ahead = ahead, None
            else:
                if write is not None:
                    await self._settled(write)
                    write = None
                if stopping:
                    if outcome is not None:
                        await self._store(outcome)
                    return
                row, outcome = await self._take(outcome)
                if row is None:
                    return
            try:
                if pre_marked:
                    try:
                        fut, write = write, None
                        if fut is None or not await fut:
                            continue
                        outcome = self._store_before_waiting(outcome)
                        started, token = await self._gate()
                    finally:
                        self._ahead_free += 1
                else:
                    if outcome is not None and self._armed.locked():
                        # All slots before the gate are taken: store the finished send now
                        # rather than hold it while queueing (a crash meanwhile would make
                        # a message Telegram accepted ``uncertain``).
                        await self._store(outcome)
                        outcome = None
                    async with self._armed:
                        pending, outcome = outcome, None
                        if not await self.writer.settle(pending, row.id):
                            continue
                        started, token = await self._gate()
                self.spacing.started(row.chat_id, started)
                ahead, seen_stop = self._take_ahead()
                stopping = stopping or seen_stop
                if ahead is not None or outcome is not None:
                    write = self.writer.submit(outcome, ahead.id if ahead else None)
                    outcome = None
                values, gone = await self._attempt(row, started, token)
                outcome = Outcome(row.id, values, row.broadcast_id, gone)
            except Exception:
                log.exception("outbox row %d left for crash recovery", row.id)
            finally:
                self.spacing.end(row.chat_id)

    async def _take(self, outcome: Outcome | None) -> tuple[ClaimedRow | None, Outcome | None]:
        """Next row from the queue; an outcome with no row to share a commit is stored now.

        Returns (row, outcome still to store); the row is None when told to stop.
        """
        while True:
            if outcome is None:
                return await self._queue.get(), None
            try:
                row = self._queue.get_nowait()
            except asyncio.QueueEmpty:
                await self._store(outcome)
                outcome = None
                continue
            if row is None:
                await self._store(outcome)
                return None, None
            return row, outcome

    def _take_ahead(self) -> tuple[ClaimedRow | None, bool]:
        """A waiting row to mark ahead, if an ahead slot is free: (row, stop sentinel seen)."""
        if self._ahead_free <= 0 or self._queue.empty():
            return None, False
        row = self._queue.get_nowait()
        if row is None:
            return None, True
        self._ahead_free -= 1
        return row, False

    async def _settled(self, write: asyncio.Future[bool]) -> None:
        """Wait for a queued write; a failed one leaves its rows for crash recovery."""
        try:
            await write
        except Exception:
            log.exception("outbox write left rows for crash recovery")

    async def _store(self, outcome: Outcome) -> None:
        """Store one outcome on its own (no next row to mark)."""
        try:
            await self.writer.settle(outcome, None)
        except Exception:
            log.exception("outbox row %d left for crash recovery", outcome.row_id)

    def _store_before_waiting(self, outcome: Outcome | None) -> Outcome | None:
        """Queue a finished send's outcome now when the gate will hold this sender (else
        it is stored with the next row's mark); None when queued."""
        if outcome is None:
            return None
        now = asyncio.get_running_loop().time()
        if not self._gate_lock.locked() and self.pacer.delay(now) <= 0:
            return outcome
        self.writer.submit(outcome, None).add_done_callback(consume)
        return None

    async def _gate(self) -> tuple[float, int]:
        """Wait (in arrival order) until the pacer lets one send start: (time, token)."""
        loop = asyncio.get_running_loop()
        async with self._gate_lock:
            while True:
                now = loop.time()
                wait = self.pacer.delay(now)
                if wait <= 0:
                    return now, self.pacer.take(now)
                await asyncio.sleep(wait)

    async def _attempt(
        self, row: ClaimedRow, started: float, token: int
    ) -> tuple[dict[str, Any], int | None]:
        """Send one row; return the column values to store and a chat to mark unreachable."""
        try:
            message = await send_row(self.sender, row)
        except SEND_ERRORS as exc:
            return self._failed(row, failure_of(exc), started, token)
        self.pacer.accepted(token, asyncio.get_running_loop().time())
        self.sent_count += 1
        return self._outcome("sent", None, message_id=message.message_id), None

    def _failed(
        self, row: ClaimedRow, failure: Failure, started: float, token: int
    ) -> tuple[dict[str, Any], int | None]:
        """The outcome of a refused or failed send (retry later, give up, unreachable)."""
        if failure.kind == "retry_after":
            wait = failure.retry_after or 1.0
            self.pacer.refuse(token)
            self.pacer.penalize(asyncio.get_running_loop().time(), wait, started)
            return self._outcome("pending", "flood_wait", retry_in=wait), None
        attempts = row.attempts + 1
        decision = classify(failure.kind, failure.description, attempts, self.max_attempts)
        if failure.kind == "forbidden":
            self.pacer.refuse(token)  # refused before being counted
        if decision.action == "unreachable":
            return self._outcome("unreachable", decision.reason), row.chat_id
        if decision.action == "uncertain":  # it may have arrived: it counts, never resent
            return self._outcome("uncertain", decision.reason), None
        if decision.action == "retry":
            delay = backoff_delay(attempts, base=self.retry_base)
            return self._outcome("pending", decision.reason, retry_in=delay), None
        return self._outcome("failed", decision.reason), None

    def _outcome(self, status: str, error: str | None, **extra: Any) -> dict[str, Any]:
        """Column values of an outcome of this worker, stamped now (see outcome_values)."""
        metrics.count_outbox_result(status, error)
        return outcome_values(self.clock.now(), self.worker_id, status, error, **extra)
