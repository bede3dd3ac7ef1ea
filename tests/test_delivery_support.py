"""Fixtures shared by the delivery tests: a migrated database per backend and the emulator."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.emulator.client import EmulatorClient
from bot.emulator.server import EmulatorServer
from bot.services.outbox_worker import OutboxWorker
from storage.db import Database
from storage.migrate import upgrade
from storage.queries.delivery import create_broadcast, enqueue_messages
from tests.conftest import PG_ADMIN_URL, _pg_admin, _pg_available

TOKEN = "123456:DELIVERY-TEST"
REVISION = "head"  # the ORM models insert every column of the newest schema
CHAT_BASE = 7_000_000


@pytest.fixture(params=["sqlite", "postgres"])
def delivery_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated database (SQLite file, or a private PostgreSQL database)."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'delivery.sqlite3'}"
        upgrade(url, REVISION)
        yield url
        return
    reason = _pg_available()
    if reason:
        pytest.skip(reason)
    name = f"asnbot_delivery_{uuid.uuid4().hex[:10]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        upgrade(url, REVISION)
        yield url
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def ddb(delivery_db_url: str) -> AsyncIterator[Database]:
    """A Database on the delivery test database."""
    database = Database(delivery_db_url)
    yield database
    await database.dispose()


@pytest.fixture
async def emulator() -> AsyncIterator[EmulatorServer]:
    """A running Bot API emulator."""
    async with EmulatorServer(TOKEN) as server:
        yield server


@pytest.fixture
async def emu(emulator: EmulatorServer) -> AsyncIterator[EmulatorClient]:
    """Control client of the emulator."""
    client = EmulatorClient(emulator.control_url)
    yield client
    await client.close()


def emulator_bot(emulator: EmulatorServer, read_timeout: float = 30.0) -> Bot:
    """A PTB Bot talking to the emulator with a pool large enough for the worker.

    The read timeout is long: an answer that does not come in time makes the row
    ``uncertain`` (never resent), so a busy test machine must not look like lost answers;
    the lost-answer test passes a short one.
    """
    request = HTTPXRequest(connection_pool_size=64, read_timeout=read_timeout, connect_timeout=2.0)
    return Bot(
        TOKEN, base_url=emulator.base_url, base_file_url=emulator.base_file_url, request=request
    )


@pytest.fixture
async def bot(emulator: EmulatorServer) -> AsyncIterator[Bot]:
    """The emulator's Bot for delivery tests (see :func:`emulator_bot`)."""
    async with emulator_bot(emulator) as instance:
        yield instance


async def register_chats(emu: EmulatorClient, chat_ids: list[int]) -> None:
    """Make chats known to the emulator, 100 requests at a time."""
    for start in range(0, len(chat_ids), 100):
        await asyncio.gather(*(emu.register_chat(c) for c in chat_ids[start : start + 100]))


async def queue_broadcast(
    db: Database, chat_ids: list[int], text: str = "Pengumuman", **kwargs: Any
) -> int:
    """Create a broadcast with one outbox row per chat; return its id."""
    async with db.transaction() as session:
        broadcast = await create_broadcast(session, text=text, audience={"kind": "all"}, **kwargs)
        await enqueue_messages(session, broadcast.id, [(c, f"{text} {c}", None) for c in chat_ids])
        return broadcast.id


def make_worker(db: Database, bot: Bot, rate: float = 500.0, **kwargs: Any) -> OutboxWorker:
    """A worker with test-friendly timings."""
    kwargs.setdefault("max_in_flight", 16)
    kwargs.setdefault("poll_interval", 0.2)
    kwargs.setdefault("retry_base_seconds", 0.05)
    return OutboxWorker(db, bot, rate, **kwargs)


def chats(count: int, offset: int = 0) -> list[int]:
    """Distinct chat ids for a test."""
    return [CHAT_BASE + offset + i for i in range(count)]


async def _run_worker_forever(
    url: str, base_url: str, rate: float, worker_id: str = "w", lease: float = 15.0
) -> None:
    """Child process body of the crash tests: a worker that runs until killed."""
    request = HTTPXRequest(connection_pool_size=32)
    async with Bot(TOKEN, base_url=base_url, request=request) as child_bot:
        database = Database(url)
        worker = make_worker(
            database, child_bot, rate=rate, worker_id=worker_id, lease_seconds=lease
        )
        await worker.start()
        await asyncio.Event().wait()


if __name__ == "__main__":
    import sys

    extra = sys.argv[4:6]
    asyncio.run(
        _run_worker_forever(
            sys.argv[1], sys.argv[2], float(sys.argv[3]), *extra[:1], *map(float, extra[1:])
        )
    )
