"""The outbox worker against the real Bot API emulator, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import itertools
import sys
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select
from telegram import Bot

from bot.delivery.outbox import queue_message
from bot.emulator.client import EmulatorClient
from bot.emulator.server import EmulatorServer
from bot.messages import OutgoingMessage
from bot.services.outbox_worker import wait_until_settled
from storage.db import Database
from storage.models.base import utcnow
from storage.models.delivery import Broadcast, OutboxMessage
from storage.models.people import BotUser
from tests.test_delivery_support import (
    bot,
    chats,
    ddb,
    delivery_db_url,
    emu,
    emulator,
    emulator_bot,
    make_worker,
    queue_broadcast,
    register_chats,
)

__all__ = ["bot", "ddb", "delivery_db_url", "emu", "emulator"]


async def _rows(db: Database, broadcast_id: int) -> list[OutboxMessage]:
    """All outbox rows of a broadcast."""
    async with db.transaction() as session:
        result = await session.execute(
            select(OutboxMessage).where(OutboxMessage.broadcast_id == broadcast_id)
        )
        return list(result.scalars())


async def test_thousand_messages_delivered_exactly_once(
    ddb: Database, bot: Bot, emu: EmulatorClient
) -> None:
    """1,000 rows: every chat gets one message, rows are sent with Telegram's message id."""
    ids = chats(1000)
    await register_chats(emu, ids)
    broadcast_id = await queue_broadcast(ddb, ids)
    worker = make_worker(ddb, bot, rate=1000.0, max_in_flight=32)
    await worker.start()
    stats = await wait_until_settled(ddb, broadcast_id, 120)
    await worker.stop()
    log = await emu.sent_log()
    per_chat = Counter(e["chat_id"] for e in log)
    assert set(per_chat) == set(ids)
    assert max(per_chat.values()) == 1
    assert (stats.total, stats.sent, stats.pending) == (1000, 1000, 0)
    rows = await _rows(ddb, broadcast_id)
    assert all(r.status == "sent" and r.telegram_message_id for r in rows)
    async with ddb.transaction() as session:
        broadcast = await session.get(Broadcast, broadcast_id)
        assert broadcast is not None
        assert broadcast.status == "done" and broadcast.finished_at is not None


async def test_retry_after_waits_and_delivers_all_without_duplicates(
    ddb: Database, bot: Bot, emu: EmulatorClient
) -> None:
    """Injected 429s and a real flood limit: everything arrives once, the rate drops."""
    ids = chats(60)
    await register_chats(emu, ids)
    await emu.add_fault(
        "sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1, count=3
    )
    await emu.set_flood_limit(20)
    broadcast_id = await queue_broadcast(ddb, ids)
    worker = make_worker(ddb, bot, rate=40.0)
    await worker.start()
    stats = await wait_until_settled(ddb, broadcast_id, 90)
    await worker.stop()
    per_chat = Counter(e["chat_id"] for e in await emu.sent_log())
    assert set(per_chat) == set(ids) and max(per_chat.values()) == 1
    assert stats.sent == 60
    assert worker.pacer.current < 40.0


async def test_blocked_chat_is_unreachable_and_not_retried(
    ddb: Database, bot: Bot, emu: EmulatorClient
) -> None:
    """403 marks the row unreachable once and flags the bot user."""
    ids = chats(5)
    await register_chats(emu, ids)
    await emu.block_chat(ids[0])
    async with ddb.transaction() as session:
        session.add(BotUser(telegram_id=ids[0]))
    broadcast_id = await queue_broadcast(ddb, ids)
    worker = make_worker(ddb, bot)
    await worker.start()
    stats = await wait_until_settled(ddb, broadcast_id)
    await worker.stop()
    assert (stats.sent, stats.unreachable, stats.failures_by_reason) == (4, 1, {"blocked": 1})
    status = await emu.status()
    assert status["api_calls"].get("sendMessage", status["api_calls"].get("sendmessage")) == 5
    async with ddb.transaction() as session:
        user = await session.get(BotUser, ids[0])
        assert user is not None and user.unreachable_at is not None


async def test_unknown_chat_is_unreachable(ddb: Database, bot: Bot, emu: EmulatorClient) -> None:
    """400 chat not found is unreachable, not failed."""
    ids = chats(3)
    await register_chats(emu, ids[:2])
    broadcast_id = await queue_broadcast(ddb, ids)
    worker = make_worker(ddb, bot)
    await worker.start()
    stats = await wait_until_settled(ddb, broadcast_id)
    await worker.stop()
    assert (stats.sent, stats.unreachable) == (2, 1)
    assert stats.failures_by_reason == {"chat_not_found": 1}


async def test_other_bad_request_fails_with_reason(
    ddb: Database, bot: Bot, emu: EmulatorClient
) -> None:
    """A 400 that is not about the chat is a failure with its reason, not retried."""
    ids = chats(2)
    await register_chats(emu, ids)
    await emu.add_fault("sendMessage", 400, "Bad Request: can't parse entities", chat_id=ids[1])
    broadcast_id = await queue_broadcast(ddb, ids)
    worker = make_worker(ddb, bot)
    await worker.start()
    stats = await wait_until_settled(ddb, broadcast_id)
    await worker.stop()
    assert (stats.sent, stats.failed) == (1, 1)
    assert stats.failures_by_reason == {"bad_request: can't parse entities": 1}


async def test_network_errors_retry_then_succeed_or_fail(
    ddb: Database, bot: Bot, emu: EmulatorClient
) -> None:
    """Two 500s then success for one chat; endless 500s for another end as failed."""
    ids = chats(2)
    await register_chats(emu, ids)
    await emu.add_fault("sendMessage", 500, "Internal Server Error", chat_id=ids[0], count=2)
    await emu.add_fault("sendMessage", 500, "Internal Server Error", chat_id=ids[1], count=99)
    broadcast_id = await queue_broadcast(ddb, ids)
    worker = make_worker(ddb, bot, max_attempts=3)
    await worker.start()
    stats = await wait_until_settled(ddb, broadcast_id)
    await worker.stop()
    assert (stats.sent, stats.failed) == (1, 1)
    rows = {r.chat_id: r for r in await _rows(ddb, broadcast_id)}
    assert rows[ids[0]].attempts == 3 and rows[ids[0]].status == "sent"
    assert rows[ids[1]].attempts == 3 and rows[ids[1]].status == "failed"
    assert (rows[ids[1]].error or "").startswith("network: internal server error")


async def _statuses(db: Database, chat_id: int) -> list[tuple[str, int]]:
    """(status, attempts) of a chat's outbox rows, oldest first."""
    async with db.transaction() as session:
        found = await session.execute(
            select(OutboxMessage.status, OutboxMessage.attempts)
            .where(OutboxMessage.chat_id == chat_id)
            .order_by(OutboxMessage.id)
        )
        return [(status, attempts) for status, attempts in found.all()]


async def test_a_message_queued_during_a_retry_waits_for_it(
    ddb: Database, bot: Bot, emu: EmulatorClient
) -> None:
    """The first message to a chat fails once and waits for its retry; a second one queued
    meanwhile is sent after it, not before (each chat's messages arrive in queue order)."""
    (chat,) = chats(1)
    await register_chats(emu, [chat])
    await emu.add_fault("sendMessage", 500, "Internal Server Error", chat_id=chat, count=1)
    async with ddb.transaction() as session:
        await queue_message(session, chat, OutgoingMessage("first"), "order-first")
    worker = make_worker(ddb, bot, retry_base_seconds=1.0)
    await worker.start()
    try:
        for _ in range(1500):  # until the first waits for its retry (a hang fails below)
            if await _statuses(ddb, chat) == [("pending", 1)]:
                break
            await asyncio.sleep(0.01)
        async with ddb.transaction() as session:
            await queue_message(session, chat, OutgoingMessage("second"), "order-second")
        for _ in range(3000):
            if [s for s, _ in await _statuses(ddb, chat)] == ["sent", "sent"]:
                break
            await asyncio.sleep(0.01)
    finally:
        await worker.stop()
    assert [m["text"] for m in await emu.sent_log(chat)] == ["first", "second"]


@pytest.mark.parametrize(
    ("ahead", "held"),
    [(timedelta(seconds=30), True), (timedelta(minutes=59), True), (timedelta(hours=2), False)],
)
async def test_a_new_message_is_held_only_by_a_near_earlier_one(
    ddb: Database, ahead: timedelta, held: bool
) -> None:
    """An earlier message of the chat waiting up to an hour holds a new one back; one
    scheduled further ahead (an appointment) does not."""
    (chat,) = chats(1)
    now = utcnow()
    async with ddb.transaction() as session:
        await queue_message(session, chat, OutgoingMessage("a"), "near-a", not_before=now + ahead)
        await queue_message(session, chat, OutgoingMessage("b"), "near-b")
        due = (
            (
                await session.execute(
                    select(OutboxMessage.next_attempt_at)
                    .where(OutboxMessage.chat_id == chat)
                    .order_by(OutboxMessage.id)
                )
            )
            .scalars()
            .all()
        )
    assert (due[1] == due[0]) is held
    assert held or due[1] < now + timedelta(minutes=1)


async def test_lost_answer_ends_uncertain_and_is_never_resent(
    ddb: Database, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    """Telegram carries out a send but its answer comes after the read timeout (1 s here):
    the row ends uncertain, the recipient has exactly one copy, the others are sent."""
    ids = chats(3)
    await register_chats(emu, ids)
    await emu.delay_answers("sendMessage", 2.0, chat_id=ids[1])
    broadcast_id = await queue_broadcast(ddb, ids)
    async with emulator_bot(emulator, read_timeout=1.0) as bot:
        worker = make_worker(ddb, bot, max_attempts=3)
        await worker.start()
        stats = await wait_until_settled(ddb, broadcast_id, 30)
        await worker.stop()
    assert (stats.sent, stats.uncertain) == (2, 1)
    rows = {r.chat_id: r for r in await _rows(ddb, broadcast_id)}
    assert rows[ids[1]].status == "uncertain" and rows[ids[1]].attempts <= 1
    assert (rows[ids[1]].error or "").startswith("lost")
    assert Counter(m["chat_id"] for m in await emu.sent_log()) == dict.fromkeys(ids, 1)


async def test_crash_mid_send_then_restart_sends_rest_once(
    ddb: Database, bot: Bot, emu: EmulatorClient, emulator: EmulatorServer
) -> None:
    """kill -9 a worker process mid-broadcast: the restart sends the rest, nothing twice."""
    ids = chats(300)
    await register_chats(emu, ids)
    await emu.set_latency(20)
    broadcast_id = await queue_broadcast(ddb, ids)
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.test_delivery_support", ddb.url, emulator.base_url, "200"
    )
    try:
        while len(await emu.sent_log()) < 100:  # noqa: ASYNC110 - polling the emulator
            await asyncio.sleep(0.02)
    finally:
        child.kill()
        await child.wait()
    await asyncio.sleep(0.2)
    before = Counter(e["chat_id"] for e in await emu.sent_log())
    second = make_worker(ddb, bot, rate=200.0, worker_id="w")
    await second.start()
    stats = await wait_until_settled(ddb, broadcast_id, 60)
    await second.stop()
    per_chat = Counter(e["chat_id"] for e in await emu.sent_log())
    assert max(per_chat.values()) == 1
    rows = await _rows(ddb, broadcast_id)
    uncertain = [r for r in rows if r.status == "uncertain"]
    assert len(uncertain) == second.recovered[1] <= 2 * 16  # two rows per sender of 16
    assert stats.sent + stats.uncertain == 300
    for row in rows:
        if row.status == "sent":
            assert per_chat[row.chat_id] == 1
        else:
            assert row.status == "uncertain" and per_chat[row.chat_id] == before[row.chat_id]
    assert len(before) >= 100


async def test_pacing_global_and_per_chat(ddb: Database, bot: Bot, emu: EmulatorClient) -> None:
    """Measured at the emulator: ≤ rate+1 in any second, ≤ 1 per second per chat."""
    rate = 20.0
    ids = chats(30)
    await register_chats(emu, ids)
    broadcast_id = await queue_broadcast(ddb, ids + ids[:5] + ids[:5])
    worker = make_worker(ddb, bot, rate=rate)
    await worker.start()
    stats = await wait_until_settled(ddb, broadcast_id, 60)
    await worker.stop()
    assert stats.sent == 40
    log = await emu.sent_log()
    times = sorted(e["ts"] for e in log)
    worst = max(sum(1 for s in times if t <= s < t + 1.0) for t in times)
    assert worst <= rate + 1
    by_chat: dict[int, list[float]] = {}
    for entry in log:
        by_chat.setdefault(entry["chat_id"], []).append(entry["ts"])
    for stamps in by_chat.values():
        stamps.sort()
        assert all(b - a >= 1.0 for a, b in itertools.pairwise(stamps))


async def test_accepted_sends_are_recorded_while_senders_wait_for_the_gate(
    ddb: Database, bot: Bot, emu: EmulatorClient
) -> None:
    """Under a rate cap most senders queue for the few slots before the pacing gate; the
    outcome of a send Telegram accepted is stored before a sender queues there, so a crash
    leaves ``sending`` (later ``uncertain``) only rows truly in flight, not sent ones."""
    ids = chats(200)
    await register_chats(emu, ids)
    broadcast_id = await queue_broadcast(ddb, ids)
    worker = make_worker(ddb, bot, rate=20.0, max_in_flight=16)  # 2 slots before the gate
    await worker.start()
    try:
        while len(await emu.sent_log()) < 12:  # noqa: ASYNC110 - polling the emulator
            await asyncio.sleep(0.01)
    finally:
        worker.kill()
    accepted = {int(e["chat_id"]) for e in await emu.sent_log()}
    rows = await _rows(ddb, broadcast_id)
    stale = [r.id for r in rows if r.status == "sending" and r.chat_id in accepted]
    assert len(stale) <= 2, f"{len(stale)} accepted sends still marked in flight"
