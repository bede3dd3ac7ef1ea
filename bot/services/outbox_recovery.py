"""Waiting for a broadcast to settle (tests, CLI); taking over dead rows is ``instance_lease``."""

from __future__ import annotations

import asyncio

from storage.db import Database
from storage.queries.delivery import BroadcastStats, broadcast_stats


async def wait_until_settled(
    db: Database, broadcast_id: int, limit_seconds: float = 60.0, poll: float = 0.1
) -> BroadcastStats:
    """Poll until no row of the broadcast is open (tests, CLI); return its figures."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit_seconds
    while True:
        async with db.transaction() as session:
            stats = await broadcast_stats(session, broadcast_id)
        if stats.pending == 0 or loop.time() >= deadline:
            return stats
        await asyncio.sleep(poll)
