"""Repeating jobs that run once per tick however many instances poll.

Every instance's JobQueue runs the repeating jobs (survey publishing, idle conversations);
each tick first claims the job's row in ``periodic_runs`` with a compare-and-set that moves
its due time forward, and only the instance that moved it does the work.
"""

from __future__ import annotations

from datetime import timedelta

from storage.db import Database
from storage.models.base import utcnow
from storage.queries import instances

SLACK = 0.2  # a tick may come this share of the interval early (timer jitter between hosts)


async def claim_tick(db: Database, name: str, every: timedelta, owner: str) -> bool:
    """True when this instance runs this tick of job ``name`` (wall clock, once per tick)."""
    async with db.transaction() as session:
        return await instances.claim_tick(session, name, utcnow(), every * (1 - SLACK), owner)
