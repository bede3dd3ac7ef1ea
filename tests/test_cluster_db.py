"""Two instances on one PostgreSQL database: migrations, scheduled items, repeating jobs,
conversation state and per-user order stay right.

An "instance" is a separate ``Database`` (its own pool, as a second process has) or a real
subprocess. Skipped with the reason when PostgreSQL does not answer.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.services.periodic import claim_tick
from bot.services.scheduler import Scheduler
from storage.db import Database
from storage.models.base import utcnow
from storage.models.delivery import ScheduledItem
from storage.queries import conversation
from storage.queries import scheduling as sq
from tests.cluster_support import pg_database

ROOT = Path(__file__).resolve().parents[1]
UPGRADE = "import sys; from storage.migrate import upgrade; print(upgrade(sys.argv[1]))"


@pytest.fixture
def fresh_pg() -> Iterator[str]:
    """An empty PostgreSQL database (no schema)."""
    with pg_database(migrate=False) as url:
        yield url


@pytest.fixture
async def two(fresh_pg: str) -> AsyncIterator[tuple[Database, Database]]:
    """A migrated database and two instances' pools on it."""
    await asyncio.to_thread(_upgrade_in_process, fresh_pg)
    first, second = Database(fresh_pg), Database(fresh_pg)
    yield first, second
    await first.dispose()
    await second.dispose()


def _upgrade_in_process(url: str) -> None:
    """Migrate to head in a subprocess (Alembic runs its own event loop)."""
    subprocess.run([sys.executable, "-c", UPGRADE, url], cwd=ROOT, check=True)


def test_two_processes_start_together_migrate_once(fresh_pg: str) -> None:
    """Two upgrades at once on an empty database: one applies the revisions, the other
    waits for it under the advisory lock and applies none; both succeed."""
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", UPGRADE, fresh_pg],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err[-800:] for _, err in results]
    assert sorted(out.strip() for out, _ in results) == ["False", "True"]


async def test_scheduled_item_fires_once_across_two_instances(
    two: tuple[Database, Database],
) -> None:
    """Both instances' schedulers fire the same due item at once: its work runs once."""
    fired: list[str] = []

    def scheduler(db: Database, name: str) -> Scheduler:
        """An instance's scheduler whose kind handler records who ran it."""
        sched = Scheduler(db)

        async def work(_db: Database, _session: object, _item: ScheduledItem) -> None:
            """Record the firing, slowly, so the other instance tries meanwhile."""
            fired.append(name)
            await asyncio.sleep(0.2)

        sched.register_kind("probe", work)
        return sched

    first, second = scheduler(two[0], "first"), scheduler(two[1], "second")
    async with two[0].transaction() as session:
        item = await sq.add_item(session, "probe", 1, utcnow() - timedelta(seconds=1))
    results = await asyncio.gather(first.fire_item(item.id), second.fire_item(item.id))
    assert len(fired) == 1
    assert sum(r is not None for r in results) == 1


async def test_repeating_job_tick_runs_once_across_instances(
    two: tuple[Database, Database],
) -> None:
    """Two instances claim the same tick at once: one runs it; the next tick is claimable."""
    every = timedelta(seconds=60)
    claims = await asyncio.gather(
        claim_tick(two[0], "expire-idle", every, "first"),
        claim_tick(two[1], "expire-idle", every, "second"),
    )
    assert sorted(claims) == [False, True]
    assert not await claim_tick(two[1], "expire-idle", every, "second")
    async with two[0].transaction() as session:
        await session.execute(text("UPDATE periodic_runs SET due_at = due_at - interval '1 hour'"))
    assert await claim_tick(two[1], "expire-idle", every, "second")


async def test_one_users_updates_stay_in_order_across_instances(
    two: tuple[Database, Database],
) -> None:
    """Read-modify-write of one user's conversation state from two instances at once,
    each in the update's transaction with the per-user lock: no update is lost."""
    user, each = 4242, 15

    async def step(db: Database) -> None:
        """One update: read the draft counter, think, write it back plus one."""
        async with db.transaction(serialize_key=user) as session:
            state = await conversation.get_state(session, user)
            count = int(state.data["n"]) if state is not None else 0
            await asyncio.sleep(0.005)
            await conversation.set_state(session, user, "probe", "s", {"n": count + 1})

    await asyncio.gather(*(step(two[i % 2]) for i in range(2 * each)))
    async with two[0].transaction() as session:
        state = await conversation.get_state(session, user)
    assert state is not None and state.data["n"] == 2 * each
