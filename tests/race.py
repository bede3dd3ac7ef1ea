"""Two transactions that read the same rows before either commits (lost-update tests).

``race(db, first, second)`` runs ``first`` in one transaction and, before that commits,
starts ``second`` in another: ``second`` reads the rows as they were committed (or waits
for ``first``'s row lock on PostgreSQL), then tries its write, which waits for ``first``'s
lock. ``first`` commits, ``second`` goes on. A read-modify-write would let both succeed;
a compare-and-set lets exactly one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from storage.db import Database, Session

A = TypeVar("A")
B = TypeVar("B")
SETTLE_SECONDS = 0.3  # time for ``second`` to read and reach the lock ``first`` holds


async def race(
    db: Database,
    first: Callable[[Session], Awaitable[A]],
    second: Callable[[Session], Awaitable[B]],
) -> tuple[A, B]:
    """Results of ``first`` and ``second``, overlapping as described above."""

    async def run_second() -> B:
        """``second`` in its own transaction."""
        async with db.transaction() as session:
            return await second(session)

    async with db.transaction() as session:
        result = await first(session)
        later = asyncio.create_task(run_second())
        await asyncio.wait({later}, timeout=SETTLE_SECONDS)
    return result, await later
