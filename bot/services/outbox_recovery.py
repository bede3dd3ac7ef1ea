"""Outbox recovery and settling: requeue a dead worker's rows, wait for a broadcast to end."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from storage.db import Database
from storage.queries import delivery as q
from storage.queries.delivery import BroadcastStats, broadcast_stats

log = logging.getLogger(__name__)


async def recover_rows(
    db: Database, worker_id: str, now: datetime, lease: timedelta, resend_uncertain: bool
) -> tuple[int, int]:
    """Recover rows of a previous run; return (claimed rows requeued, in-flight rows)."""
    async with db.transaction() as session:
        recovered = await q.reclaim_stale(session, worker_id, now, lease, resend_uncertain)
    if any(recovered):
        log.warning(
            "outbox recovery: %d claimed rows requeued, %d in-flight rows %s",
            recovered[0],
            recovered[1],
            "requeued" if resend_uncertain else "marked uncertain",
        )
    return recovered


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
