"""The outbox with two instances on one PostgreSQL database: one sender, leases, takeover.

Each "instance" is an :class:`OutboxWorker` with its own ``Database`` (its own connection
pool, as a second process has), or a real child process killed with SIGKILL. PostgreSQL
only: on SQLite the bot runs as one instance. Without a server the tests are skipped with
the reason.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select
from telegram import Bot

from bot.emulator.client import EmulatorClient
from bot.emulator.server import EmulatorServer
from bot.services.outbox_worker import OutboxWorker, wait_until_settled
from storage.db import Database
from storage.models.base import utcnow
from storage.models.delivery import OutboxMessage
from tests.cluster_support import pg_database
from tests.test_delivery_support import (
    bot,
    chats,
    emu,
    emulator,
    make_worker,
    queue_broadcast,
    register_chats,
)

__all__ = ["bot", "emu", "emulator"]

LEASE = 2.0  # seconds; short so that the tests see an expired lease soon
RATE = 200.0


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A private PostgreSQL database migrated to head (skipped without a server)."""
    with pg_database(migrate=True) as url:
        yield url


@pytest.fixture
async def instances(pg_url: str) -> AsyncIterator[tuple[Database, Database]]:
    """Two Database objects on one database: the pools of two instances."""
    first, second = Database(pg_url), Database(pg_url)
    yield first, second
    await first.dispose()
    await second.dispose()


def _worker(db: Database, bot: Bot, name: str, rate: float = RATE) -> OutboxWorker:
    """An instance's worker with a short lease and a quick standby poll."""
    return make_worker(db, bot, rate=rate, worker_id=name, lease_seconds=LEASE, standby_poll=0.1)


async def _until(predicate: Callable[[], Awaitable[bool]], limit: float, what: str) -> None:
    """Poll ``predicate`` every 20 ms; fail after ``limit`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not await predicate():
        if loop.time() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def _rows(db: Database, broadcast_id: int) -> list[OutboxMessage]:
    """Every row of a broadcast."""
    async with db.transaction() as session:
        result = await session.execute(
            select(OutboxMessage).where(OutboxMessage.broadcast_id == broadcast_id)
        )
        return list(result.scalars())


def _copies(log: list[dict[str, object]]) -> Counter[int]:
    """Messages per chat in the emulator's record."""
    return Counter(int(str(e["chat_id"])) for e in log)


async def test_one_sender_at_a_time_keeps_the_total_rate(
    instances: tuple[Database, Database], bot: Bot, emu: EmulatorClient
) -> None:
    """Two live instances: one holds the sender lease and sends everything at the rate."""
    rate = 40.0
    ids = chats(120)
    await register_chats(emu, ids)
    one, two = _worker(instances[0], bot, "one", rate), _worker(instances[1], bot, "two", rate)
    await one.start()
    await two.start()
    try:
        assert [one.sending, two.sending].count(True) == 1
        broadcast_id = await queue_broadcast(instances[0], ids)
        one.wake()
        two.wake()
        stats = await wait_until_settled(instances[0], broadcast_id, 30)
    finally:
        await one.stop()
        await two.stop()
    assert stats.sent == len(ids)
    senders = {r.claimed_by for r in await _rows(instances[0], broadcast_id)}
    assert len(senders) == 1  # every row sent by the one instance holding the lease
    log = await emu.sent_log()
    assert max(_copies(log).values()) == 1
    times = sorted(float(str(e["ts"])) for e in log)
    worst = max(sum(1 for s in times if t <= s < t + 1.0) for t in times)
    assert worst <= rate + 1  # the total rate, counted at the emulator


async def test_killed_sender_taken_over_nothing_twice_uncertain_only_in_flight(
    instances: tuple[Database, Database], bot: Bot, emu: EmulatorClient
) -> None:
    """The sender dies mid-broadcast: the standby sends the rest once; only rows in flight
    at the crash end uncertain, and only after the dead instance's lease expired."""
    ids = chats(600)
    await register_chats(emu, ids)
    await emu.set_latency(20)
    broadcast_id = await queue_broadcast(instances[0], ids)
    one = _worker(instances[0], bot, "one")
    await one.start()
    two = _worker(instances[1], bot, "two")
    await two.start()
    assert one.sending and not two.sending

    async def a_third_sent() -> bool:
        """A third of the recipients reached."""
        return len(await emu.sent_log()) >= len(ids) // 3

    await _until(a_third_sent, 30, "a third sent")
    one.kill()
    killed_at = utcnow()
    rows = await _rows(instances[1], broadcast_id)
    in_flight = {r.id for r in rows if r.status == "sending" and r.claimed_by == "one"}
    try:
        stats = await wait_until_settled(instances[1], broadcast_id, 60)
    finally:
        await two.stop()
    rows = await _rows(instances[1], broadcast_id)
    copies = _copies(await emu.sent_log())
    assert max(copies.values()) == 1, "a recipient got two copies"
    uncertain = {r.id for r in rows if r.status == "uncertain"}
    assert uncertain == in_flight  # exactly the rows in flight at the crash
    assert two.membership.taken_over[1] == len(in_flight)  # by the expired lease
    assert stats.sent + stats.uncertain == len(ids)
    assert all(copies[r.chat_id] == 1 for r in rows if r.status == "sent")
    by_two = [r.sent_at for r in rows if r.status == "sent" and r.claimed_by == "two"]
    assert by_two and min(t for t in by_two if t is not None) > killed_at


async def test_sigkilled_sender_process_is_replaced(
    pg_url: str, bot: Bot, emu: EmulatorClient, emulator: EmulatorServer
) -> None:
    """A real process holding the sender lock is SIGKILLed: its session ends, the lock
    is free, this process's standby worker finishes the broadcast once."""
    ids = chats(500)
    await register_chats(emu, ids)
    await emu.set_latency(20)
    db = Database(pg_url)
    broadcast_id = await queue_broadcast(db, ids)
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.test_delivery_support", pg_url, emulator.base_url,
        str(RATE), "child", str(LEASE),
    )  # fmt: skip
    survivor = _worker(db, bot, "survivor")
    try:

        async def started() -> bool:
            """The child sends."""
            return len(await emu.sent_log()) >= 50

        await _until(started, 30, "the child to send")
        await survivor.start()
        assert not survivor.sending  # the child holds the lock
        sent_before = len(await emu.sent_log())

        async def a_third_sent() -> bool:
            """A third of the recipients reached."""
            return len(await emu.sent_log()) >= len(ids) // 3

        await _until(a_third_sent, 30, "a third sent")
    finally:
        child.send_signal(signal.SIGKILL)
        await child.wait()
    try:
        stats = await wait_until_settled(db, broadcast_id, 60)
        assert survivor.sending
    finally:
        await survivor.stop()
        rows = await _rows(db, broadcast_id)
        await db.dispose()
    assert sent_before < len(ids) // 3  # the survivor sent nothing while the child lived
    copies = _copies(await emu.sent_log())
    assert max(copies.values()) == 1, "a recipient got two copies"
    assert stats.sent + stats.uncertain == len(ids)
    assert stats.uncertain <= 2 * 16  # in flight at the kill: two per sender of the child
    assert {r.claimed_by for r in rows if r.status == "sent"} <= {"child", "survivor"}


async def test_graceful_stop_hands_over_without_uncertain_rows(
    instances: tuple[Database, Database], bot: Bot, emu: EmulatorClient
) -> None:
    """A sender stopped gracefully releases its claims and the lock: no row is uncertain."""
    ids = chats(400)
    await register_chats(emu, ids)
    broadcast_id = await queue_broadcast(instances[0], ids)
    one, two = _worker(instances[0], bot, "one"), _worker(instances[1], bot, "two")
    await one.start()
    await two.start()

    async def some_sent() -> bool:
        """A quarter of the recipients reached."""
        return len(await emu.sent_log()) >= len(ids) // 4

    await _until(some_sent, 30, "a quarter sent")
    await one.stop()
    await one.stop()  # twice: the webhook server's shutdown and the application's
    stats = await wait_until_settled(instances[1], broadcast_id, 30)
    await two.stop()
    assert stats.sent == len(ids) and stats.uncertain == 0
    assert max(_copies(await emu.sent_log()).values()) == 1


async def test_rows_of_a_dead_owner_wait_for_its_lease(db: Database) -> None:
    """Claims of an instance are taken over only once its lease expired (both backends)."""
    from storage.queries import delivery as q
    from storage.queries import instances

    broadcast_id = await queue_broadcast(db, chats(4))
    now = utcnow()
    async with db.transaction() as session:
        await instances.register_instance(session, "dead", "h", 1, now, timedelta(seconds=10))
        rows = await q.claim_batch(session, "dead", now, 10)
        await q.mark_in_flight(session, [rows[0].id], "dead")
    async with db.transaction() as session:
        early = await q.reclaim_stale(session, "alive", now + timedelta(seconds=5), own=False)
    async with db.transaction() as session:
        late = await q.reclaim_stale(session, "alive", now + timedelta(seconds=11), own=False)
    assert early == (0, 0)
    assert late == (3, 1)
    statuses = Counter(r.status for r in await _rows(db, broadcast_id))
    assert statuses == {"pending": 3, "uncertain": 1}


async def test_status_names_one_sender_right_after_a_takeover(
    instances: tuple[Database, Database], bot: Bot
) -> None:
    """The sender dies: once the standby holds the lock, the instances table names it alone
    as the sender, although the dead one's lease has not expired yet."""
    from storage.queries.instances import alive_instances

    one, two = _worker(instances[0], bot, "one"), _worker(instances[1], bot, "two")
    await one.start()
    await two.start()
    try:
        assert one.sending and not two.sending
        one.kill()

        async def two_sends() -> bool:
            """The standby won the lock."""
            return two.sending

        await _until(two_sends, 10, "the standby to send")
        async with instances[1].transaction() as session:
            rows = await alive_instances(session, utcnow())
    finally:
        await two.stop()
    assert "one" in {r.id for r in rows}  # its lease still runs
    assert [r.id for r in rows if r.sending] == ["two"]
