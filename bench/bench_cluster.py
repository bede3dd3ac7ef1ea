"""Several instances: updates/s and broadcast msg/s with 1 and 2 instances, in one run.

One command: ``.venv/bin/python -m bench.bench_cluster [--users 200 --rounds 5
--recipients 3000 --rate 250 --flood-limit 300]`` (PostgreSQL at ``ASN_TEST_PG_URL``,
default the local server, as for the tests; a private database is created and dropped).

Processes, as in the province setup of ``docs/deploy.md``: the emulator
(``asn-bot emulator --latency-ms 50 --flood-limit 300``, Telegram and the round-robin
balancer), one or two ``asn-bot run`` instances in webhook mode on one PostgreSQL database
(``tests/cluster_processes.py``: the environment of ``compose.yaml``'s bots), and this load
generator. The same emulator and database serve every phase:

1. **one instance** (``bot1`` alone behind the balancer): updates/s (each user sends a
   command and waits for its answer, ``--rounds`` times, all users at once), then a
   broadcast to ``--recipients`` linked employees: msg/s from first to last send;
2. **two instances** (``bot2`` started, the balancer sends to both): the same two loads;
3. **two instances, the sender SIGKILLed at a third** of another broadcast: msg/s
   including the takeover (the lease is ``INSTANCE_LEASE_SECONDS=3``).

The ratios are 2 instances / 1 instance. On one machine the instances share its cores, and
the broadcast rate is the bot's total (one sender, ``BROADCAST_RATE_PER_SECOND``): the
broadcast ratio shows that a standby instance and a failover cost little, not a speed-up.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from bench.bench_updates import COMMANDS, user_rounds
from bench.common import free_port, spawn_emulator, wait_port
from bot.delivery.recipients import materialize_broadcast
from bot.emulator.client import EmulatorClient
from bot.roster.demo_data import DEMO_TELEGRAM_ID_BASE, load_demo
from bot.services.outbox_worker import wait_until_settled
from storage.db import Database
from storage.migrate import upgrade_async
from storage.models.cluster import Instance
from storage.queries.delivery import create_broadcast
from tests.cluster_processes import ROOT, BotProcess, bot_processes, wait_ready
from tests.conftest import PG_ADMIN_URL
from tests.conftest import _pg_admin as admin

TOKEN = "424242:BENCH-CLUSTER"
LIMIT_S = 300.0


@dataclass
class Figures:
    """What one phase measured."""

    name: str
    updates_per_s: float = 0.0
    p50_ms: float = 0.0
    broadcast_per_s: float = 0.0
    reached: int = 0
    duplicated: int = 0
    uncertain: int = 0


async def _updates(client: EmulatorClient, users: int, rounds: int) -> tuple[float, float]:
    """Every user asks ``rounds`` commands in turn, all users at once: (updates/s, p50 ms)."""
    people = [client.user(DEMO_TELEGRAM_ID_BASE + i) for i in range(users)]
    await asyncio.gather(*(p.ask("/help", timeout=60) for p in people[:5]))  # warm-up
    latencies: list[float] = []
    start = time.perf_counter()
    await asyncio.gather(*(user_rounds(p, rounds, latencies) for p in people))
    seconds = time.perf_counter() - start
    latencies.sort()
    return users * rounds / seconds, 1000 * latencies[len(latencies) // 2]


async def _queue_broadcast(db: Database, marker: str) -> int:
    """A broadcast to every linked employee (what ``asn-bot broadcast send`` writes)."""
    async with db.transaction() as session:
        broadcast = await create_broadcast(session, text=marker, audience={"kind": "all"})
        await materialize_broadcast(session, broadcast.id, broadcast.created_at)
        return broadcast.id


async def _sender(db: Database, instances: list[BotProcess]) -> BotProcess:
    """The instance holding the sender lock (as ``asn-bot status`` shows it)."""
    async with db.transaction() as session:
        names = (await session.execute(select(Instance.id).where(Instance.sending))).scalars()
        sending = set(names)
    return next(i for i in instances if i.name in sending)


async def _broadcast(
    figures: Figures, db: Database, client: EmulatorClient, recipients: int,
    kill_among: list[BotProcess] | None = None,
) -> None:  # fmt: skip
    """Send one broadcast (killing the sender at a third when ``kill_among``); put msg/s
    first to last send, recipients reached, duplicated and uncertain in ``figures``."""
    marker = f"Bench {figures.name}"
    before = len(await client.sent_log())
    broadcast_id = await _queue_broadcast(db, marker)
    if kill_among is not None:
        await client.wait_sent(before + recipients // 3, timeout=LIMIT_S)
        (await _sender(db, kill_among)).kill()
    stats = await wait_until_settled(db, broadcast_id, LIMIT_S)
    assert stats.pending == 0, f"the broadcast did not finish in {LIMIT_S:.0f} s"
    log = [e for e in await client.sent_log() if marker in str(e["text"])]
    times = sorted(float(e["ts"]) for e in log)
    chats = [int(e["chat_id"]) for e in log]
    figures.broadcast_per_s = (len(times) - 1) / (times[-1] - times[0]) if times[1:] else 0.0
    figures.reached, figures.uncertain = len(set(chats)), stats.uncertain
    figures.duplicated = len(chats) - len(set(chats))


async def _phase(
    name: str, db: Database, client: EmulatorClient, args: argparse.Namespace,
    instances: list[BotProcess],
) -> Figures:  # fmt: skip
    """Both loads with ``instances`` behind the balancer."""
    await client.set_webhook_backends([i.url for i in instances])
    figures = Figures(name)
    figures.updates_per_s, figures.p50_ms = await _updates(client, args.users, args.rounds)
    await _broadcast(figures, db, client, args.recipients)
    return figures


async def _run(args: argparse.Namespace, url: str, logs: Path) -> list[Figures]:
    """Prepare the database, start the emulator and the instances, measure every phase."""
    await upgrade_async(url)
    db = Database(url)
    async with db.transaction() as session:
        await load_demo(session, max(args.recipients, args.users), seed=3, linked=True)
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    emulator = spawn_emulator(port, TOKEN, env, "--latency-ms", "50",
                              "--flood-limit", str(args.flood_limit))  # fmt: skip
    root = f"http://127.0.0.1:{port}"
    client = EmulatorClient(f"{root}/_emu")
    instances = bot_processes(
        ["bot1", "bot2"], logs, database_url=url, emulator_root=root, token=TOKEN,
        BROADCAST_RATE_PER_SECOND=str(args.rate), INSTANCE_LEASE_SECONDS="3",
        LOG_LEVEL="WARNING", MAX_CONCURRENT_UPDATES="64",
    )  # fmt: skip
    try:
        await wait_port(port)
        await client.register_chats(
            [DEMO_TELEGRAM_ID_BASE + i for i in range(max(args.recipients, args.users))]
        )
        instances[0].start()
        await wait_ready(instances[:1])
        one = await _phase("1 instance", db, client, args, instances[:1])
        instances[1].start()
        await wait_ready(instances[1:])
        two = await _phase("2 instances", db, client, args, instances)
        failover = Figures("2 instances, sender killed at 1/3")
        await _broadcast(failover, db, client, args.recipients, instances)
        print(f"flood 429s from the emulator: {(await client.status())['flood_refused']}")
        return [one, two, failover]
    finally:
        for instance in instances:
            instance.stop()
        emulator.terminate()
        emulator.wait(timeout=20)
        await client.close()
        await db.dispose()


def _report(results: list[Figures], args: argparse.Namespace) -> None:
    """The table and the ratios against one instance."""
    one, two, failover = results
    print(
        f"\nSeveral instances, {os.cpu_count()} cores, PostgreSQL, webhook behind the emulator "
        f"(50 ms per Bot API call): {args.users} users x {args.rounds} commands "
        f"({', '.join(COMMANDS)}), broadcast to {args.recipients} at "
        f"BROADCAST_RATE_PER_SECOND={args.rate:g}, flood limit {args.flood_limit:g}/s"
    )
    print(f"{'':<36} {'updates/s':>10} {'p50 ms':>7} {'broadcast msg/s':>16} "
          f"{'reached':>8} {'dup':>4} {'uncertain':>9}")  # fmt: skip
    for r in results:
        updates = f"{r.updates_per_s:>10.1f} {r.p50_ms:>7.0f}" if r.updates_per_s else " " * 18
        print(f"{r.name:<36} {updates} {r.broadcast_per_s:>16.1f} {r.reached:>8} "
              f"{r.duplicated:>4} {r.uncertain:>9}")  # fmt: skip
    print(f"ratio updates/s, 2 instances / 1: {two.updates_per_s / one.updates_per_s:.2f}")
    for other, what in ((two, "2 instances"), (failover, "2 with a SIGKILL at 1/3")):
        ratio = other.broadcast_per_s / one.broadcast_per_s
        print(f"ratio broadcast msg/s, {what} / 1: {ratio:.2f}")


async def main_async(args: argparse.Namespace) -> None:
    """A private database around the run."""
    name = f"asnbot_bench_{uuid.uuid4().hex[:10]}"
    await admin(f'CREATE DATABASE "{name}"')
    logs = Path(tempfile.mkdtemp(prefix="asnbench-cluster-"))
    try:
        results = await _run(args, PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name, logs)
    finally:
        await admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _report(results, args)
    print(f"instance logs: {logs}", file=sys.stderr)


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--recipients", type=int, default=3000)
    parser.add_argument("--rate", type=float, default=250.0, help="BROADCAST_RATE_PER_SECOND")
    parser.add_argument("--flood-limit", type=float, default=300.0, help="emulator's, per s")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
