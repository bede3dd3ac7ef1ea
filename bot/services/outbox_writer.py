"""Group-commit writer of the outbox: many small state changes, few transactions.

Senders ask "mark this row in flight" before the HTTP call and "record this outcome"
after it; the writer batches every request that arrived while the previous transaction
ran into one transaction, so each row's state is durable before the caller continues,
at a cost of one transaction per batch rather than per message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.db import Database
from storage.queries import delivery as q

log = logging.getLogger(__name__)
WRITE_RETRIES = 3


@dataclass(frozen=True)
class Outcome:
    """The result of one send attempt, to be stored."""

    row_id: int
    values: dict[str, Any]
    broadcast_id: int | None
    unreachable_chat: int | None = None


@dataclass
class _Request:
    """One queued state change and the future its sender waits on."""

    kind: str  # "in_flight" | "result"
    row_id: int
    future: asyncio.Future[bool]
    values: dict[str, Any] | None = None
    unreachable_chat: int | None = None
    broadcast_id: int | None = None


def consume(future: asyncio.Future[bool]) -> None:
    """Mark a future's exception as seen (the same error reaches the caller otherwise)."""
    if not future.cancelled():
        future.exception()


class OutboxWriter:
    """Batches row state changes of one worker into as few transactions as possible."""

    def __init__(
        self,
        db: Database,
        worker_id: str,
        now: Callable[[], datetime],
        on_progress: Callable[[set[int]], None] | None = None,
    ) -> None:
        self._db = db
        self._worker_id = worker_id
        self._now = now
        self._on_progress = on_progress
        self._pending: list[_Request] = []
        self._event = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self.transactions = 0

    def start(self) -> None:
        """Start the background flush loop."""
        self._closing = False
        self._task = asyncio.create_task(self._run(), name=f"outbox-writer-{self._worker_id}")

    async def close(self) -> None:
        """Flush what is queued and stop."""
        self._closing = True
        self._event.set()
        if self._task is not None:
            await self._task
            self._task = None

    def kill(self) -> None:
        """Stop at once without flushing (used to simulate a crash)."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def mark_in_flight(self, row_id: int) -> bool:
        """Durably mark a claimed row ``sending``; False if it was cancelled or taken."""
        return await self._submit(_Request("in_flight", row_id, self._future()))

    async def record(
        self,
        row_id: int,
        values: dict[str, Any],
        broadcast_id: int | None,
        unreachable_chat: int | None = None,
    ) -> None:
        """Durably store the outcome of one send attempt."""
        req = _Request("result", row_id, self._future(), values, unreachable_chat, broadcast_id)
        await self._submit(req)

    async def settle(self, outcome: Outcome | None, next_row: int | None) -> bool:
        """Store ``outcome`` and mark ``next_row`` in flight in one transaction.

        Returns whether ``next_row`` was marked (False when absent, cancelled or taken).
        """
        marked = await self.submit(outcome, next_row)
        return marked and next_row is not None

    def submit(self, outcome: Outcome | None, next_row: int | None) -> asyncio.Future[bool]:
        """Queue what :meth:`settle` writes without waiting; the future resolves at commit.

        Its result is whether ``next_row`` was marked (True for an outcome alone).

        Both changes go into the same transaction (they are queued together), so a
        sender's previous row leaves ``sending`` exactly when its next row enters it.
        """
        if self._task is None:
            raise RuntimeError("outbox writer is not running")
        last: asyncio.Future[bool] | None = None
        if outcome is not None:
            last = self._future()
            self._pending.append(
                _Request(
                    "result",
                    outcome.row_id,
                    last,
                    outcome.values,
                    outcome.unreachable_chat,
                    outcome.broadcast_id,
                )
            )
        if next_row is not None:
            if last is not None:  # same batch: its error is reported through the mark
                last.add_done_callback(consume)
            last = self._future()
            self._pending.append(_Request("in_flight", next_row, last))
        if last is None:
            last = self._future()
            last.set_result(False)
            return last
        self._event.set()
        return last

    def _future(self) -> asyncio.Future[bool]:
        """A new future on the running loop."""
        return asyncio.get_running_loop().create_future()

    async def _submit(self, req: _Request) -> bool:
        """Queue a request and wait until its transaction committed."""
        if self._task is None:
            raise RuntimeError("outbox writer is not running")
        self._pending.append(req)
        self._event.set()
        return await req.future

    async def _run(self) -> None:
        """Flush loop: take everything queued, write it in one transaction, resolve futures."""
        while True:
            await self._event.wait()
            self._event.clear()
            batch, self._pending = self._pending, []
            if batch:
                await self._flush(batch)
            if self._closing and not self._pending:
                return

    async def _flush(self, batch: list[_Request]) -> None:
        """Write one batch, retrying transient database errors a few times."""
        for attempt in range(1, WRITE_RETRIES + 1):
            try:
                marked = await self._write(batch)
            except Exception as exc:
                if attempt < WRITE_RETRIES:
                    log.warning("outbox write failed (attempt %d): %s", attempt, exc)
                    await asyncio.sleep(0.2 * attempt)
                    continue
                log.exception("outbox write failed; %d rows left for crash recovery", len(batch))
                for req in batch:
                    if not req.future.done():
                        req.future.set_exception(exc)
                return
            break
        touched: set[int] = set()
        for req in batch:
            if req.broadcast_id is not None:
                touched.add(req.broadcast_id)
            if not req.future.done():
                req.future.set_result(req.kind != "in_flight" or req.row_id in marked)
        if touched and self._on_progress is not None:
            self._on_progress(touched)

    async def _write(self, batch: list[_Request]) -> set[int]:
        """One transaction: mark rows in flight, store results, flag unreachable users."""
        in_flight = [r.row_id for r in batch if r.kind == "in_flight"]
        results = [{"id": r.row_id, **(r.values or {})} for r in batch if r.kind == "result"]
        gone = [r.unreachable_chat for r in batch if r.unreachable_chat is not None]
        async with self._db.transaction() as session:
            marked = await q.mark_in_flight(session, in_flight, self._worker_id)
            await q.apply_results(session, results)
            await q.mark_users_unreachable(session, gone, self._now())
        self.transactions += 1
        return marked
