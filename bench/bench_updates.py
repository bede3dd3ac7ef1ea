"""Update throughput: the real bot vs a bare PTB bot, through the emulator with 50 ms latency.

One command: ``.venv/bin/python -m bench.bench_updates [--users 300 --rounds 5]``.

Three processes, as in production: the emulator (``asn-bot emulator --latency-ms 50``,
standing in for Telegram's network delay), the bot under test (``asn-bot run`` on a SQLite
file with a generated, linked roster), and this load generator. Each simulated user sends a
command, waits for the answer, and repeats; then every user fires three commands at once
and the replies must come back in the same order. The bare bot (``bench/bare_bot.py``) runs
the same load against a fresh emulator in the same run, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import free_port, spawn, spawn_emulator, wait_port
from bot.emulator.client import EmulatedUser, EmulatorClient
from bot.roster.demo_data import DEMO_TELEGRAM_ID_BASE, load_demo
from storage.db import Database
from storage.migrate import upgrade_async

TOKEN = "424242:BENCH-TOKEN"
COMMANDS = ("/help", "/profil", "/menu")


@dataclass
class Result:
    """Figures of one bot under load."""

    name: str
    updates: int
    seconds: float
    latencies: list[float]
    out_of_order: int

    @property
    def rate(self) -> float:
        """Updates answered per second."""
        return self.updates / self.seconds

    def pct(self, q: float) -> float:
        """Latency percentile in milliseconds."""
        data = sorted(self.latencies)
        return 1000 * data[min(len(data) - 1, int(q * len(data)))]


async def _wait_polling(client: EmulatorClient, limit_s: float = 60) -> None:
    """Wait until the bot under test calls getUpdates."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        status = await client.status()
        if status.get("api_calls", {}).get("getUpdates", 0) >= 1:
            return
        await asyncio.sleep(0.2)
    raise RuntimeError("bot did not start polling")


async def user_rounds(user: EmulatedUser, rounds: int, latencies: list[float]) -> None:
    """Send a command, wait for its answer, ``rounds`` times."""
    for i in range(rounds):
        start = time.perf_counter()
        await user.send(COMMANDS[i % len(COMMANDS)])
        await user.replies(1, timeout=60)
        latencies.append(time.perf_counter() - start)


async def _user_burst(user: EmulatedUser, expected: list[str]) -> int:
    """Fire all commands at once; count replies not in the order sent."""
    for command in COMMANDS:
        await user.send(command)
    replies = await user.replies(len(COMMANDS), timeout=60)
    return sum(
        1 for reply, marker in zip(replies, expected, strict=True) if marker not in reply.text
    )


async def _drive(name: str, base: str, users: int, rounds: int, markers: list[str]) -> Result:
    """Run the load against the bot polling the emulator at ``base``."""
    client = EmulatorClient(f"{base}/_emu")
    try:
        await _wait_polling(client)
        people = [client.user(DEMO_TELEGRAM_ID_BASE + i) for i in range(users)]
        await asyncio.gather(*(p.ask("/help", timeout=60) for p in people[:5]))  # warm-up
        latencies: list[float] = []
        start = time.perf_counter()
        await asyncio.gather(*(user_rounds(p, rounds, latencies) for p in people))
        bad = await asyncio.gather(*(_user_burst(p, markers) for p in people))
        seconds = time.perf_counter() - start
    finally:
        await client.close()
    return Result(name, users * (rounds + len(COMMANDS)), seconds, latencies, sum(bad))


async def _run_one(name: str, bot_cmd: list[str], env: dict[str, str], users: int, rounds: int,
                   markers: list[str]) -> Result:  # fmt: skip
    """Emulator + bot processes around one load run."""
    port = free_port()
    emulator = spawn_emulator(port, TOKEN, env, "--latency-ms", "50")
    base = f"http://127.0.0.1:{port}"
    bot_env = dict(
        env, TELEGRAM_API_BASE_URL=f"{base}/bot", TELEGRAM_FILE_BASE_URL=f"{base}/file/bot"
    )
    await wait_port(port)
    bot = spawn(bot_cmd, bot_env)
    try:
        return await _drive(name, base, users, rounds, markers)
    finally:
        for proc in (bot, emulator):
            proc.terminate()
            proc.wait(timeout=20)


async def main_async(users: int, rounds: int) -> None:
    """Prepare the database, run both bots, print the comparison."""
    workdir = Path(tempfile.mkdtemp(prefix="asnbench-"))
    url = f"sqlite+aiosqlite:///{workdir / 'bench.sqlite3'}"
    await upgrade_async(url)
    db = Database(url)
    async with db.transaction() as session:
        await load_demo(session, users, seed=3, linked=True)
    await db.dispose()
    env = dict(os.environ, TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_URL=url, LOG_LEVEL="WARNING",
               MAX_CONCURRENT_UPDATES="64")  # fmt: skip
    ours_cmd = [sys.executable, "-m", "bot", "run"]
    if os.environ.get("BENCH_PROFILE"):  # profile the bot under load
        ours_cmd[1:1] = ["-m", "cProfile", "-o", os.environ["BENCH_PROFILE"]]
    ours = await _run_one("asn-bot", ours_cmd, env, users, rounds,
                          ["Yang dapat", "NIP", "Menu utama"])  # fmt: skip
    bare_cmd = [sys.executable, "-m", "bench.bare_bot"]
    markers = ["/help", "/profil", "/menu"]
    bare = await _run_one("bare PTB", bare_cmd, env, users, rounds, markers)
    bare_aio = await _run_one(
        "bare+aio", bare_cmd, dict(env, BARE_TRANSPORT="aiohttp"), users, rounds, markers
    )
    print(f"\nUpdate throughput, {users} users × ({rounds} sequential + {len(COMMANDS)} burst), "
          f"50 ms per Bot API call, {os.cpu_count()} cores")  # fmt: skip
    print(f"{'bot':<10} {'updates/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'out of order':>13}")
    for r in (ours, bare, bare_aio):
        figures = f"{r.rate:>10.1f} {r.pct(0.5):>8.0f} {r.pct(0.95):>8.0f} {r.out_of_order:>13}"
        print(f"{r.name:<10} {figures}")
    print(f"ratio asn-bot / bare PTB (default HTTPX transport): {ours.rate / bare.rate:.2f}")
    print(
        f"ratio asn-bot / bare PTB with the same aiohttp transport: {ours.rate / bare_aio.rate:.2f}"
    )
    print(f"median latency asn-bot: {statistics.median(ours.latencies) * 1000:.0f} ms")


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main_async(args.users, args.rounds))


if __name__ == "__main__":
    main()
