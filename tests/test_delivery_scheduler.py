"""Scheduler with a controllable clock, audience resolution and idempotent enqueueing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.delivery.audience import AudienceError, parse_audience
from bot.delivery.recipients import resolve_audience
from bot.services.clock import FakeClock
from bot.services.scheduler import FireOutcome, Scheduler, broadcast_kind
from storage.db import Database
from storage.models.base import utcnow
from storage.models.delivery import Broadcast, OutboxMessage, ScheduledItem
from storage.models.people import BotUser, RoleGrant
from storage.queries.delivery import cancel_broadcast, create_broadcast, enqueue_messages
from tests.factories import add_employee
from tests.test_delivery_support import ddb, delivery_db_url

__all__ = ["ddb", "delivery_db_url"]
T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


async def _people(db: Database) -> dict[str, int]:
    """Three linked employees in two units, one unreachable, one HR grant."""
    ids = {
        "a": await add_employee(
            db, nip="199001012015031001", telegram_id=101, unit="Dinas Kesehatan"
        ),
        "b": await add_employee(
            db, nip="199001012015031002", telegram_id=102, unit="Dinas Pendidikan"
        ),
        "c": await add_employee(
            db, nip="199001012015031003", telegram_id=103, unit="Dinas Kesehatan"
        ),
        "d": await add_employee(db, nip="199001012015031004", unit="Dinas Kesehatan"),
    }
    async with db.transaction() as session:
        user = await session.get(BotUser, 103)
        assert user is not None
        user.unreachable_at = utcnow()
        session.add(BotUser(telegram_id=555))
        session.add(RoleGrant(telegram_id=555, role="hr"))
    return ids


def _scheduler(db: Database, clock: FakeClock, reports: list[FireOutcome]) -> Scheduler:
    """A scheduler with the broadcast kind and a report collector."""

    async def report(outcome: FireOutcome) -> None:
        """Collect reports."""
        reports.append(outcome)

    scheduler = Scheduler(db, clock, grace_minutes=60, on_report=report)
    broadcast_kind(scheduler)
    return scheduler


async def _scheduled_broadcast(db: Database, scheduler: Scheduler, run_at: datetime) -> int:
    """A broadcast to everyone scheduled at ``run_at``."""
    async with db.transaction() as session:
        broadcast = await create_broadcast(
            session, text="Sosialisasi mutasi", audience={"kind": "all"}, scheduled_at=run_at
        )
        await scheduler.schedule(session, "broadcast", broadcast.id, run_at)
        return broadcast.id


async def _outbox_count(db: Database, broadcast_id: int) -> int:
    """Rows of one broadcast."""
    async with db.transaction() as session:
        stmt = select(func.count()).where(OutboxMessage.broadcast_id == broadcast_id)
        return int((await session.execute(stmt)).scalar_one())


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("all", [101, 102]),
        ("unit:dinas kesehtan", [101]),
        ("unit:Dinas Kesehatan; pendidikan", [101, 102]),
        ("role:hr", [555]),
        ("role:employee", [101, 102]),
    ],
)
async def test_resolve_audience(ddb: Database, spec: str, expected: list[int]) -> None:
    """Only linked, reachable users are recipients; units are fuzzy-matched."""
    await _people(ddb)
    async with ddb.transaction() as session:
        assert await resolve_audience(session, parse_audience(spec)) == expected


async def test_resolve_audience_by_employee_ids(ddb: Database) -> None:
    """Employee ids map to their chats; unlinked employees are skipped."""
    ids = await _people(ddb)
    async with ddb.transaction() as session:
        spec = parse_audience([ids["a"], ids["d"]])
        assert await resolve_audience(session, spec) == [101]
        with pytest.raises(AudienceError):
            await resolve_audience(session, parse_audience("unit:kepolisian"))


async def test_enqueue_ten_thousand_and_dedup(ddb: Database) -> None:
    """Bulk insert of 10k rows; the same dedup prefix again inserts nothing."""
    recipients = [(i, "teks", None) for i in range(1, 10_001)]
    async with ddb.transaction() as session:
        broadcast = await create_broadcast(session, text="x", audience={"kind": "all"})
        assert await enqueue_messages(session, broadcast.id, recipients, "k1") == 10_000
    async with ddb.transaction() as session:
        assert await enqueue_messages(session, broadcast.id, recipients[:50], "k1") == 0
        assert await enqueue_messages(session, broadcast.id, recipients[:50]) == 50
    assert await _outbox_count(ddb, broadcast.id) == 10_050


async def test_due_item_fires_once_even_twice_or_by_two_schedulers(ddb: Database) -> None:
    """fire_due twice, and two schedulers at once: one set of outbox rows."""
    await _people(ddb)
    clock = FakeClock(T0)
    reports: list[FireOutcome] = []
    one, two = _scheduler(ddb, clock, reports), _scheduler(ddb, clock, reports)
    broadcast_id = await _scheduled_broadcast(ddb, one, T0 + timedelta(minutes=5))
    assert await one.fire_due() == []
    clock.advance(minutes=5)
    results = await asyncio.gather(one.fire_due(), two.fire_due())
    assert sorted(len(r) for r in results) == [0, 1]
    assert [o.outcome for r in results for o in r] == ["fired"]
    assert await one.fire_due() == []
    assert await _outbox_count(ddb, broadcast_id) == 2
    assert reports == []


async def test_late_within_grace_fires_once_marked_late(ddb: Database) -> None:
    """Bot was down 30 minutes past the time: sent late, once, and reported."""
    await _people(ddb)
    clock = FakeClock(T0)
    reports: list[FireOutcome] = []
    scheduler = _scheduler(ddb, clock, reports)
    broadcast_id = await _scheduled_broadcast(ddb, scheduler, T0 + timedelta(minutes=1))
    clock.advance(minutes=31)
    restarted = _scheduler(ddb, clock, reports)
    outcomes = await restarted.restore()
    assert [o.outcome for o in outcomes] == ["late"]
    assert [r.outcome for r in reports] == ["late"]
    assert await restarted.fire_due() == []
    assert await _outbox_count(ddb, broadcast_id) == 2
    async with ddb.transaction() as session:
        broadcast = await session.get(Broadcast, broadcast_id)
        assert broadcast is not None and broadcast.late and broadcast.status == "queued"
        item = (await session.execute(select(ScheduledItem))).scalar_one()
        assert item.status == "fired" and item.late


async def test_beyond_grace_is_missed_not_sent(ddb: Database) -> None:
    """Down longer than the grace period: nothing is sent; the item and broadcast say missed."""
    await _people(ddb)
    clock = FakeClock(T0)
    reports: list[FireOutcome] = []
    scheduler = _scheduler(ddb, clock, reports)
    broadcast_id = await _scheduled_broadcast(ddb, scheduler, T0)
    clock.advance(minutes=61)
    outcomes = await _scheduler(ddb, clock, reports).restore()
    assert [o.outcome for o in outcomes] == ["missed"]
    assert [r.outcome for r in reports] == ["missed"]
    assert await _outbox_count(ddb, broadcast_id) == 0
    async with ddb.transaction() as session:
        broadcast = await session.get(Broadcast, broadcast_id)
        assert broadcast is not None and broadcast.status == "missed"


async def test_cancelled_broadcast_sends_nothing(ddb: Database) -> None:
    """Cancelling before the time: the item never fires, no rows exist."""
    await _people(ddb)
    clock = FakeClock(T0)
    scheduler = _scheduler(ddb, clock, [])
    broadcast_id = await _scheduled_broadcast(ddb, scheduler, T0 + timedelta(hours=1))
    async with ddb.transaction() as session:
        assert await cancel_broadcast(session, broadcast_id, clock.now())
        assert not await cancel_broadcast(session, broadcast_id, clock.now())
    clock.advance(hours=2)
    assert await scheduler.fire_due() == []
    assert await _outbox_count(ddb, broadcast_id) == 0


async def test_reschedule_moves_pending_items(ddb: Database) -> None:
    """A moved item does not fire at the old time, and fires at the new one."""
    await _people(ddb)
    clock = FakeClock(T0)
    scheduler = _scheduler(ddb, clock, [])
    broadcast_id = await _scheduled_broadcast(ddb, scheduler, T0 + timedelta(minutes=10))
    async with ddb.transaction() as session:
        moved = await scheduler.reschedule(
            session, "broadcast", broadcast_id, T0 + timedelta(days=1)
        )
        assert len(moved) == 1
    clock.advance(minutes=20)
    assert await scheduler.fire_due() == []
    clock.set(T0 + timedelta(days=1))
    assert [o.outcome for o in await scheduler.fire_due()] == ["fired"]


async def test_failing_handler_marks_item_failed(ddb: Database) -> None:
    """A handler error rolls its work back and marks the item failed (no endless retry)."""
    clock = FakeClock(T0)
    reports: list[FireOutcome] = []
    scheduler = _scheduler(ddb, clock, reports)

    async def boom(*_args: object) -> None:
        """Always fails."""
        raise RuntimeError("boom")

    scheduler.register_kind("reminder", boom)
    async with ddb.transaction() as session:
        await scheduler.schedule(session, "reminder", 1, T0)
    assert [o.outcome for o in await scheduler.fire_due()] == ["failed"]
    assert await scheduler.fire_due() == []
    assert [r.reason for r in reports] == ["RuntimeError"]
