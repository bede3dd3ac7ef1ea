"""Durable scheduler: ``scheduled_items`` rows are the truth, PTB's JobQueue the alarm clock.

``schedule`` inserts a row in the caller's transaction and, once that commits, arms a
``run_once`` job. ``restore`` (bot start) fires what became due while the bot was down
(late, once, within ``grace_minutes``; beyond it the item is marked missed), arms the
rest and polls every ``poll_seconds`` for items created by other processes (the CLI).
Firing claims the row with ``UPDATE ... WHERE status='pending'`` in the same transaction
as the kind handler's work, so a second firing (two jobs, two bots) does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import recipients
from bot.services.clock import Clock
from storage.db import Database
from storage.models.delivery import ScheduledItem
from storage.queries import delivery as dq
from storage.queries import scheduling as sq

log = logging.getLogger(__name__)
KindHandler = Callable[[Database, AsyncSession, ScheduledItem], Awaitable[None]]
AfterCommit = Callable[[ScheduledItem], None]


@dataclass(frozen=True)
class FireOutcome:
    """What happened to one due item: ``fired``, ``late``, ``missed`` or ``failed``."""

    item_id: int
    kind: str
    ref_id: int
    run_at: datetime
    outcome: str
    at: datetime
    reason: str = ""


@dataclass
class _Kind:
    """Handlers registered for one kind of item."""

    handler: KindHandler
    after_commit: AfterCommit | None = None
    on_missed: KindHandler | None = None


Report = Callable[[FireOutcome], Awaitable[None]]


class Scheduler:
    """Schedules, fires, cancels and restores items of registered kinds."""

    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        grace_minutes: int = 360,
        late_after_seconds: float = 60.0,
        poll_seconds: float = 30.0,
        on_report: Report | None = None,
    ) -> None:
        self.db = db
        self.clock = clock or Clock()
        self.grace = timedelta(minutes=grace_minutes)
        self.late_after = timedelta(seconds=late_after_seconds)
        self.poll_seconds = poll_seconds
        self.on_report = on_report
        self.job_queue: Any = None
        self._kinds: dict[str, _Kind] = {}
        self._armed: dict[int, datetime] = {}

    def register_kind(
        self,
        kind: str,
        handler: KindHandler,
        after_commit: AfterCommit | None = None,
        on_missed: KindHandler | None = None,
    ) -> None:
        """Say what firing an item of ``kind`` does (inside the firing transaction)."""
        self._kinds[kind] = _Kind(handler, after_commit, on_missed)

    async def schedule(
        self, session: AsyncSession, kind: str, ref_id: int, run_at: datetime
    ) -> ScheduledItem:
        """Add an item in the caller's transaction; it is armed once that commits."""
        if kind not in self._kinds:
            raise ValueError(f"unknown scheduled kind {kind!r}")
        item = await sq.add_item(session, kind, ref_id, run_at)
        item_id = item.id

        def _armed_after_commit(_session: Any) -> None:
            """Arm the job only when the row really exists."""
            self._arm(item_id, run_at)

        event.listen(session.sync_session, "after_commit", _armed_after_commit, once=True)
        return item

    async def cancel(self, session: AsyncSession, item_id: int, reason: str = "cancelled") -> bool:
        """Cancel one pending item (its job, if any, will find it cancelled)."""
        return await sq.close_item(session, item_id, "cancelled", reason) and self._disarm(item_id)

    async def cancel_ref(self, session: AsyncSession, kind: str, ref_id: int) -> int:
        """Cancel every pending item of one object (e.g. a cancelled move's campaign)."""
        return await sq.cancel_pending(session, kind, ref_id, "cancelled")

    async def reschedule(
        self, session: AsyncSession, kind: str, ref_id: int, new_run_at: datetime
    ) -> list[int]:
        """Move the pending items of one object to ``new_run_at`` (armed after commit)."""
        ids = await sq.move_pending(session, kind, ref_id, new_run_at)

        def _rearm(_session: Any) -> None:
            """Re-arm the moved items."""
            for item_id in ids:
                self._arm(item_id, new_run_at)

        event.listen(session.sync_session, "after_commit", _rearm, once=True)
        return ids

    # -- firing ---------------------------------------------------------------------------

    async def fire_due(self, now: datetime | None = None) -> list[FireOutcome]:
        """Fire (or mark missed) every pending item due at ``now``."""
        now = now or self.clock.now()
        async with self.db.transaction() as session:
            due = [i.id for i in await sq.pending_items(session, until=now)]
        outcomes = []
        for item_id in due:
            outcome = await self.fire_item(item_id, now)
            if outcome is not None:
                outcomes.append(outcome)
        return outcomes

    async def fire_item(self, item_id: int, now: datetime | None = None) -> FireOutcome | None:
        """Fire one item if it is still pending; None when someone else already did."""
        now = now or self.clock.now()
        try:
            outcome, item = await self._fire_in_transaction(item_id, now)
        except Exception as exc:
            log.exception("scheduled item %d failed", item_id)
            async with self.db.transaction() as session:
                await sq.close_item(session, item_id, "failed", type(exc).__name__)
            outcome, item = None, None
            async with self.db.transaction() as session:
                failed = await session.get(ScheduledItem, item_id)
            if failed is not None:
                outcome = _outcome(failed, "failed", now, type(exc).__name__)
        if item is not None and outcome is not None and outcome.outcome in ("fired", "late"):
            kind = self._kinds.get(item.kind)
            if kind is not None and kind.after_commit is not None:
                kind.after_commit(item)
        if outcome is not None and outcome.outcome != "fired" and self.on_report is not None:
            await self.on_report(outcome)
        return outcome

    async def _fire_in_transaction(
        self, item_id: int, now: datetime
    ) -> tuple[FireOutcome | None, ScheduledItem | None]:
        """Claim the item and run its handler atomically (or mark it missed)."""
        async with self.db.transaction() as session:
            item = await session.get(ScheduledItem, item_id)
            if item is None or item.status != "pending" or item.run_at > now:
                return None, None
            kind = self._kinds.get(item.kind)
            if kind is None:
                raise LookupError(f"no handler for scheduled kind {item.kind!r}")
            delay = now - item.run_at
            if delay > self.grace:
                reason = f"missed by {int(delay.total_seconds() // 60)} min"
                if not await sq.close_item(session, item_id, "missed", reason):
                    return None, None
                if kind.on_missed is not None:
                    await kind.on_missed(self.db, session, item)
                return _outcome(item, "missed", now, reason), item
            late = delay > self.late_after
            if not await sq.claim_item(session, item_id, now, late):
                return None, None
            item.late = late
            await kind.handler(self.db, session, item)
            return _outcome(item, "late" if late else "fired", now), item

    async def advance(self, delta: timedelta, max_items: int = 1000) -> list[FireOutcome]:
        """Move the clock forward by ``delta``, firing each item due on the way at its time.

        The demo's time jump: items become due one after another (a campaign step before
        the survey it precedes), each fired at its own moment, so none counts as missed.
        """
        target = self.clock.now() + delta
        outcomes: list[FireOutcome] = []
        for _ in range(max_items):
            async with self.db.transaction() as session:
                due = await sq.pending_items(session, until=target)
            if not due:
                break
            self._move_clock_to(due[0].run_at)
            outcomes += await self.fire_due()
        self._move_clock_to(target)
        return outcomes + await self.fire_due()

    def _move_clock_to(self, when: datetime) -> None:
        """Advance the clock to ``when`` (never backwards)."""
        step = (when - self.clock.now()).total_seconds()
        if step > 0:
            self.clock.advance(step)

    # -- the JobQueue side ------------------------------------------------------------------

    async def restore(self, app: Any = None) -> list[FireOutcome]:
        """Bot start: fire what is overdue, arm the future items, start polling."""
        if app is not None:
            self.job_queue = app.job_queue
        outcomes = await self.fire_due()
        await self.sync()
        if self.job_queue is not None:
            self.job_queue.run_repeating(
                self._poll_job,
                interval=self.poll_seconds,
                first=self.poll_seconds,
                name="scheduler-poll",
            )
        return outcomes

    async def sync(self) -> None:
        """Arm every pending item not armed yet (e.g. created by the CLI)."""
        async with self.db.transaction() as session:
            items = [(i.id, i.run_at) for i in await sq.pending_items(session)]
        for item_id, run_at in items:
            if self._armed.get(item_id) != run_at:
                self._arm(item_id, run_at)

    async def _poll_job(self, _context: Any) -> None:
        """Periodic job: fire due items and arm new ones."""
        await self.fire_due()
        await self.sync()

    async def _fire_job(self, context: Any) -> None:
        """One item's run_once job."""
        item_id = int(context.job.data)
        self._armed.pop(item_id, None)
        await self.fire_item(item_id)

    def _arm(self, item_id: int, run_at: datetime) -> None:
        """Register (or move) the run_once job of an item."""
        if self.job_queue is None:
            return
        self._disarm(item_id)
        when = max(run_at, self.clock.now())
        self.job_queue.run_once(self._fire_job, when=when, data=item_id, name=f"sched-{item_id}")
        self._armed[item_id] = run_at

    def _disarm(self, item_id: int) -> bool:
        """Remove the job of an item if one is armed; always True (for chaining)."""
        self._armed.pop(item_id, None)
        if self.job_queue is not None:
            for job in self.job_queue.get_jobs_by_name(f"sched-{item_id}"):
                job.schedule_removal()
        return True


def _outcome(item: ScheduledItem, outcome: str, now: datetime, reason: str = "") -> FireOutcome:
    """Build a FireOutcome from an item."""
    return FireOutcome(item.id, item.kind, item.ref_id, item.run_at, outcome, now, reason)


def broadcast_kind(scheduler: Scheduler, wake: Callable[[], None] | None = None) -> None:
    """Register kind ``broadcast``: materialize the audience at firing time, wake the worker."""

    async def fire(_db: Database, session: AsyncSession, item: ScheduledItem) -> None:
        """Create the outbox rows of the scheduled broadcast."""
        await recipients.materialize_broadcast(
            session, item.ref_id, scheduler.clock.now(), item.late
        )

    async def missed(_db: Database, session: AsyncSession, item: ScheduledItem) -> None:
        """Mark the broadcast missed too."""
        await dq.mark_broadcast_missed(session, item.ref_id, "beyond grace period")

    def after(_item: ScheduledItem) -> None:
        """Rows are committed: let the worker send them now."""
        if wake is not None:
            wake()

    scheduler.register_kind("broadcast", fire, after, missed)
