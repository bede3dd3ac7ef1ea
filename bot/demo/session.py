"""Set up the demo world: a fresh SQLite file, the generated roster, emulator and bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.demo.console import ConsoleChat
from bot.harness import BotHarness, running_bot
from bot.roster.demo_data import generate_rows, load_demo
from storage.db import Database
from storage.migrate import upgrade_async

DEMO_HR_ID = 100100
DEMO_EMPLOYEE_ID = 424242
DEMO_EMPLOYEES = 300


@dataclass
class DemoWorld:
    """The running demo and its two chats."""

    harness: BotHarness
    employee: ConsoleChat
    hr: ConsoleChat
    employee_nip: str


def _fresh_file(db_path: Path) -> None:
    """Remove an earlier demo database (and its WAL files)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


@asynccontextmanager
async def demo_world(db_path: Path, employees: int = DEMO_EMPLOYEES) -> AsyncIterator[DemoWorld]:
    """Start everything on a fresh database at ``db_path``."""
    await asyncio.to_thread(_fresh_file, db_path)
    url = f"sqlite+aiosqlite:///{db_path}"
    await upgrade_async(url)
    database = Database(url)
    try:
        async with database.transaction() as session:
            await load_demo(session, employees, seed=7)
    finally:
        await database.dispose()
    first = generate_rows(employees, 7)[0]
    async with running_bot(database_url=url, admin_telegram_ids=[DEMO_HR_ID], migrate=False) as h:
        employee = ConsoleChat(
            h.user(DEMO_EMPLOYEE_ID, first_name=first["nama"].split()[0]),
            name=first["nama"],
            phone=first["telepon"],
        )
        hr = ConsoleChat(h.user(DEMO_HR_ID, first_name="Admin"), name="Admin BKPSDM")
        yield DemoWorld(h, employee, hr, first["nip"])
