"""kill -9 the real bot process in the middle of a 2,000-recipient broadcast, start it again.

The bot (``python -m bot run``) talks to an emulator served by this test process, so the
emulator's record survives the kill. After the restart every recipient has exactly one
copy, except rows reported ``uncertain`` (in flight at the kill): those have 0 or 1 copy,
never 2, and there are at most two per sender of the worker (one on the wire, one marked
ahead).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.delivery.recipients import materialize_broadcast
from bot.emulator.server import EmulatorServer
from bot.roster.demo_data import load_demo
from handlers.wiring import max_in_flight
from storage.db import Database
from storage.migrate import upgrade_async
from storage.models.delivery import OutboxMessage
from storage.queries.delivery import broadcast_stats, create_broadcast

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456:CRASH-TEST"
RECIPIENTS = 2000
RATE = 400.0
KILL_AT = 0.3
WAIT_LIMIT_S = 40.0


@pytest.fixture
async def emulator() -> AsyncIterator[EmulatorServer]:
    """The Bot API emulator, in this process so its record outlives the bot."""
    async with EmulatorServer(TOKEN) as server:
        server.state.latency_ms = 20
        yield server


async def _prepare(url: str) -> tuple[int, list[int]]:
    """Migrate, load 2,000 linked demo employees, queue one broadcast to everyone."""
    await upgrade_async(url)
    db = Database(url)
    try:
        async with db.transaction() as session:
            await load_demo(session, RECIPIENTS, linked=True)
        async with db.transaction() as session:
            broadcast = await create_broadcast(session, text="Pengumuman", audience={"kind": "all"})
            await materialize_broadcast(session, broadcast.id, broadcast.created_at)
            result = await session.execute(
                select(OutboxMessage.chat_id).where(OutboxMessage.broadcast_id == broadcast.id)
            )
            return broadcast.id, [int(c) for c in result.scalars()]
    finally:
        await db.dispose()


async def _start_bot(
    tmp_path: Path, url: str, emulator: EmulatorServer
) -> asyncio.subprocess.Process:
    """Start ``python -m bot run`` against the emulator."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "DATABASE_URL": url,
        "TELEGRAM_API_BASE_URL": emulator.base_url,
        "TELEGRAM_FILE_BASE_URL": emulator.base_file_url,
        "BROADCAST_RATE_PER_SECOND": str(RATE),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),  # this checkout's code, whatever the venv has installed
    }
    log = (tmp_path / "bot.log").open("ab")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env, stdout=log, stderr=log
    )


def _copies(emulator: EmulatorServer, recipients: set[int]) -> Counter[int]:
    """Messages each recipient received, from the emulator's record."""
    return Counter(
        int(e["chat_id"]) for e in emulator.state.sent_log if int(e["chat_id"]) in recipients
    )


async def _wait_for(
    predicate: Callable[[], bool], limit: float, what: str, bot: asyncio.subprocess.Process
) -> None:
    """Poll ``predicate()`` every 20 ms until true; fail after ``limit`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not predicate():
        if bot.returncode is not None:
            pytest.fail(f"the bot exited with {bot.returncode} while waiting for {what}")
        if loop.time() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def test_kill_9_mid_broadcast_then_restart_delivers_each_once(
    tmp_path: Path, emulator: EmulatorServer
) -> None:
    """SIGKILL at ~30 %: after the restart nothing is lost and nothing doubled."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'crash.sqlite3'}"
    broadcast_id, chat_ids = await _prepare(url)
    recipients = set(chat_ids)
    assert len(recipients) == RECIPIENTS
    for chat_id in chat_ids:
        emulator.state.ensure_chat({"id": chat_id, "type": "private", "first_name": "ASN"})
    first = await _start_bot(tmp_path, url, emulator)
    try:
        await _wait_for(
            lambda: sum(_copies(emulator, recipients).values()) >= KILL_AT * RECIPIENTS,
            WAIT_LIMIT_S, "30 % sent", first,
        )  # fmt: skip
    finally:
        os.kill(first.pid, signal.SIGKILL)
        await first.wait()
    at_kill = sum(_copies(emulator, recipients).values())
    assert at_kill < RECIPIENTS, "the broadcast finished before the kill"
    second = await _start_bot(tmp_path, url, emulator)
    db = Database(url)
    try:
        done: list[bool] = [False]

        async def settled() -> None:
            """Refresh ``done`` from the broadcast's figures."""
            async with db.transaction() as session:
                stats = await broadcast_stats(session, broadcast_id)
            done[0] = stats.pending == 0

        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT_LIMIT_S
        while not done[0]:
            assert second.returncode is None, (tmp_path / "bot.log").read_text()[-2000:]
            assert loop.time() < deadline, "the restarted bot did not finish the broadcast"
            await asyncio.sleep(0.2)
            await settled()
        async with db.transaction() as session:
            stats = await broadcast_stats(session, broadcast_id)
            rows = (
                await session.execute(
                    select(OutboxMessage.chat_id, OutboxMessage.status).where(
                        OutboxMessage.broadcast_id == broadcast_id
                    )
                )
            ).all()
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(second.wait(), 15)
        except TimeoutError:
            second.kill()
            await second.wait()
        await db.dispose()
    copies = _copies(emulator, recipients)
    uncertain = [int(c) for c, status in rows if status == "uncertain"]
    assert max(copies.values()) == 1, "a recipient got two copies"
    assert all(status in ("sent", "uncertain") for _, status in rows)
    assert all(copies[int(c)] == 1 for c, status in rows if status == "sent")
    assert len(uncertain) <= 2 * max_in_flight(RATE)  # two rows per sender (pipelined)
    assert stats.sent + stats.uncertain == RECIPIENTS
    assert 0 < at_kill < RECIPIENTS
