"""Set up the demo world: a fresh SQLite file, the generated roster, emulator and bot.

Who is who: an HR officer (BKPSDM), an approver (PPK) and the employees of the generated
roster in *cast* order (``bot.demo.data.pick_cast``): employee 1 is the one the
walk-through follows, employees 2–5 fit the other open positions; 3–5 already use the bot.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.demo.console import ConsoleChat, Out
from bot.demo.data import pick_cast
from bot.harness import BotHarness, running_bot
from bot.roster.demo_data import generate_rows, load_demo
from bot.services.scheduler import FireOutcome
from storage.db import Database
from storage.migrate import upgrade_async
from storage.queries import employees as eq
from storage.queries.users import grant_role

DEMO_HR_ID = 100100
DEMO_APPROVER_ID = 100200
DEMO_EMPLOYEE_ID = 424242
DEMO_EMPLOYEES = 300
PRELINKED = (3, 4, 5)  # cast numbers that already use the bot when the demo starts
PER_CHAT_GAP_SECONDS = 0.05  # Telegram asks ~1 s per chat; the emulator has no such limit


@dataclass
class DemoWorld:
    """The running demo: the bot, its clock, and a console chat per person."""

    harness: BotHarness
    hr: ConsoleChat
    approver: ConsoleChat
    rows: list[dict[str, str]]  # roster lines in cast order
    out: Out = print
    files: Path | None = None
    start: date = date.min  # the demo's first day (local)
    _employees: dict[int, ConsoleChat] = field(default_factory=dict)

    def employee_chat(self, n: int = 1) -> ConsoleChat:
        """The chat of cast employee ``n`` (1-based), created on first use."""
        if not 1 <= n <= len(self.rows):
            raise IndexError(n)
        if n not in self._employees:
            row = self.rows[n - 1]
            user = self.harness.user(DEMO_EMPLOYEE_ID + n - 1, first_name=row["nama"].split()[0])
            self._employees[n] = ConsoleChat(
                self.harness, user, row["nama"], row["telepon"], out=self.out,
                files_dir=self.files,
            )  # fmt: skip
        return self._employees[n]

    @property
    def employee(self) -> ConsoleChat:
        """Employee 1, the one the walk-through follows."""
        return self.employee_chat(1)

    def nip(self, n: int = 1) -> str:
        """NIP of cast employee ``n``."""
        return self.rows[n - 1]["nip"]

    def now(self) -> datetime:
        """The demo clock's now (UTC)."""
        return self.harness.services.clock.now()

    def today(self) -> date:
        """The demo clock's local date."""
        return self.now().astimezone(self.harness.settings.tz).date()

    async def advance(self, delta: timedelta) -> list[FireOutcome]:
        """Jump the demo clock; everything that became due is sent, then the bot settles."""
        outcomes = await self.harness.advance(delta)
        await self.harness.settle()
        return outcomes


def _fresh_file(db_path: Path) -> None:
    """Remove an earlier demo database (and its WAL files)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


async def _prepare(url: str, employees: int, rows: list[dict[str, str]]) -> None:
    """Roster, the approver's role, and the employees who already use the bot."""
    database = Database(url)
    try:
        async with database.transaction() as session:
            await load_demo(session, employees, seed=7)
            await grant_role(session, DEMO_APPROVER_ID, "approver", granted_by="demo")
            found = await eq.get_employees_by_nips(session, (rows[n - 1]["nip"] for n in PRELINKED))
            now = datetime.now().astimezone()
            await eq.insert_bot_users(
                session,
                [
                    {"telegram_id": DEMO_EMPLOYEE_ID + n - 1, "locale": None,
                     "employee_id": found[rows[n - 1]["nip"]].id, "consent_at": now,
                     "linked_at": now, "failed_link_attempts": 0, "created_at": now}
                    for n in PRELINKED
                    if n <= len(rows)
                ],
            )  # fmt: skip
    finally:
        await database.dispose()


# Five demo respondents sit in five units: a threshold of 1 lets the demo show results.
DEMO_SURVEY_MIN_GROUP = 1


@asynccontextmanager
async def demo_world(
    db_path: Path, employees: int = DEMO_EMPLOYEES, out: Out = print, files: Path | None = None
) -> AsyncIterator[DemoWorld]:
    """Start everything on a fresh database at ``db_path``."""
    await asyncio.to_thread(_fresh_file, db_path)
    url = f"sqlite+aiosqlite:///{db_path}"
    await upgrade_async(url)
    generated = generate_rows(employees, 7)
    rows = [generated[i] for i in pick_cast(generated, date.today())]
    await _prepare(url, employees, rows)
    async with running_bot(
        database_url=url, admin_telegram_ids=[DEMO_HR_ID], migrate=False,
        survey_min_group=DEMO_SURVEY_MIN_GROUP, dashboard_enabled=True, dashboard_port=0,
    ) as h:  # fmt: skip
        h.services.outbox.spacing.min_gap = PER_CHAT_GAP_SECONDS
        await h.client.register_chats(
            [DEMO_APPROVER_ID, *(DEMO_EMPLOYEE_ID + n - 1 for n in PRELINKED)]
        )
        hr_user = h.user(DEMO_HR_ID, first_name="Rina")
        hr = ConsoleChat(h, hr_user, "Rina (BKPSDM)", out=out, files_dir=files)
        approver_user = h.user(DEMO_APPROVER_ID, first_name="Hendra")
        approver = ConsoleChat(h, approver_user, "Hendra (PPK)", out=out, files_dir=files)
        world = DemoWorld(h, hr, approver, rows, out, files)
        world.start = world.today()
        yield world
