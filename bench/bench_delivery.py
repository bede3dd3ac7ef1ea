"""Delivery engine benchmark against the in-process Bot API emulator.

Default (engine overhead): 10,000 recipients, 50 ms emulator latency, flood limit off,
worker rate 1000/s; compared with a bare PTB loop (semaphore of the same width, plain
``bot.send_message``) in the same run. ``--flood L`` instead turns the emulator's flood
limit on at L msg/s, blocks 5 % of recipients, injects 429s, and reports the achieved
rate against L. Both check exactly-once delivery from the emulator's record.

    .venv/bin/python -m bench.bench_delivery [--count 10000] [--flood 300]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from telegram import Bot
from telegram.request import HTTPXRequest

from bot.emulator.client import EmulatorClient
from bot.emulator.server import EmulatorServer
from bot.services.outbox_worker import OutboxWorker, wait_until_settled
from storage.db import Database
from storage.migrate import upgrade_async
from storage.queries.delivery import create_broadcast, enqueue_messages

TOKEN = "123456:BENCH"
FIRST_CHAT = 5_000_000


async def _enqueue(db: Database, chat_ids: list[int]) -> tuple[int, float]:
    """Create one broadcast with a row per chat; return (id, seconds)."""
    start = time.perf_counter()
    async with db.transaction() as session:
        broadcast = await create_broadcast(session, text="bench", audience={"kind": "all"})
        await enqueue_messages(
            session, broadcast.id, [(c, f"Pengumuman {c}", None) for c in chat_ids]
        )
    return broadcast.id, time.perf_counter() - start


async def _engine(
    db: Database, bot: Bot, chat_ids: list[int], rate: float, width: int
) -> dict[str, float]:
    """Send through the outbox worker; return figures."""
    broadcast_id, enqueue_s = await _enqueue(db, chat_ids)
    worker = OutboxWorker(
        db,
        bot,
        rate,
        "bench",
        max_in_flight=width,
        batch_size=500,
        poll_interval=0.5,
        retry_base_seconds=0.5,
    )
    start = time.perf_counter()
    await worker.start()
    stats = await wait_until_settled(db, broadcast_id, 3600)
    elapsed = time.perf_counter() - start
    await worker.stop()
    return {
        "enqueue_s": enqueue_s,
        "elapsed_s": elapsed,
        "sent": stats.sent,
        "unreachable": stats.unreachable,
        "failed": stats.failed,
        "pending": stats.pending,
        "transactions": worker.writer.transactions,
        "final_rate": worker.pacer.current,
    }


async def _baseline(bot: Bot, chat_ids: list[int], width: int) -> float:
    """A bare PTB loop: ``width`` concurrent send_message calls; return elapsed seconds."""
    gate = asyncio.Semaphore(width)

    async def one(chat_id: int) -> None:
        """Send one message under the semaphore."""
        async with gate:
            await bot.send_message(chat_id, f"Pengumuman {chat_id}")

    start = time.perf_counter()
    for offset in range(0, len(chat_ids), 1000):
        await asyncio.gather(*(one(c) for c in chat_ids[offset : offset + 1000]))
    return time.perf_counter() - start


def _check_log(log: list[dict[str, object]], expected: set[int]) -> tuple[int, int]:
    """(lost, duplicated) recipients according to the emulator's record."""
    per_chat = Counter(int(str(e["chat_id"])) for e in log)
    lost = len(expected - set(per_chat))
    duplicated = sum(1 for c in per_chat.values() if c > 1)
    return lost, duplicated


async def main(count: int, flood: float | None, width: int) -> None:
    """Run the benchmark and print the figures."""
    chat_ids = list(range(FIRST_CHAT, FIRST_CHAT + count))
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}"
        await upgrade_async(url, "0010")
        db = Database(url)
        async with EmulatorServer(TOKEN) as server:
            client = EmulatorClient(server.control_url)
            _register(server, chat_ids)
            request = HTTPXRequest(connection_pool_size=width + 8, read_timeout=30.0)
            async with Bot(
                TOKEN, base_url=server.base_url, base_file_url=server.base_file_url, request=request
            ) as bot:
                await client.set_latency(50)
                if flood is None:
                    await _overhead(db, bot, client, server, chat_ids, width)
                else:
                    await _flood(db, bot, client, chat_ids, flood, width)
            await client.close()
        await db.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (bench + in-process emulator): {peak_mb:.0f} MB")


async def _overhead(
    db: Database,
    bot: Bot,
    client: EmulatorClient,
    server: EmulatorServer,
    chat_ids: list[int],
    width: int,
) -> None:
    """Engine vs bare loop with the flood limit off."""
    baseline_s = await _baseline(bot, chat_ids, width)
    await client.reset()
    _register(server, chat_ids)
    await client.set_latency(50)
    print(f"baseline bare PTB loop ({width} concurrent): {len(chat_ids) / baseline_s:.0f} msg/s")
    figures = await _engine(db, bot, chat_ids, 1000.0, width)
    lost, dup = _check_log(await client.sent_log(), set(chat_ids))
    rate = figures["sent"] / figures["elapsed_s"]
    print(f"enqueue {len(chat_ids)} rows: {figures['enqueue_s']:.2f} s")
    print(
        f"engine (rate cap 1000/s, {width} in flight): {rate:.0f} msg/s, "
        f"{figures['transactions']:.0f} write transactions"
    )
    print(f"ratio engine / baseline: {rate / (len(chat_ids) / baseline_s):.2f}")
    print(f"lost {lost}, duplicated {dup}")


async def _flood(
    db: Database, bot: Bot, client: EmulatorClient, chat_ids: list[int], limit: float, width: int
) -> None:
    """Flood limit on at ``limit``, 5 % blocked, 429s injected."""
    await client.set_flood_limit(limit)
    blocked = set(chat_ids[::20])
    for chat_id in blocked:
        await client.block_chat(chat_id)
    await client.add_fault(
        "sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1, count=3
    )
    figures = await _engine(db, bot, chat_ids, limit, width)
    lost, dup = _check_log(await client.sent_log(), set(chat_ids) - blocked)
    rate = figures["sent"] / figures["elapsed_s"]
    print(
        f"flood limit {limit:.0f}/s: achieved {rate:.1f} msg/s = {rate / limit:.2f} x L; "
        f"sent {figures['sent']:.0f}, unreachable {figures['unreachable']:.0f} "
        f"(blocked {len(blocked)}), lost {lost}, duplicated {dup}"
    )


def _register(server: EmulatorServer, chat_ids: list[int]) -> None:
    """Make the chats known to the emulator (in-process, fast)."""
    for chat_id in chat_ids:
        server.state.ensure_chat({"id": chat_id, "type": "private", "first_name": "B"})


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--flood", type=float, default=None)
    parser.add_argument("--width", type=int, default=64)
    ns = parser.parse_args()
    asyncio.run(main(ns.count, ns.flood, ns.width))
