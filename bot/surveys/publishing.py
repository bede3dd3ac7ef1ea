"""Publishing anonymous answers: waiting answers become responses in shuffled batches.

Answering an anonymous survey stores the answers as *waiting* (``survey_waiting_answers``)
in the same transaction that marks the participation finished, so a confirmed answer is
never lost. A repeating job (and nothing else) moves them into ``survey_responses``:

* the waiting answers of one round and unit are published once at least ``min_group`` of
  them wait; every unit of a round that is ready is written in one transaction, in random
  order, with new random keys;
* when an HR round has closed (``closes_at`` plus a grace period), the answers of units
  that stayed below ``min_group`` are published together *without their unit* if together
  they reach ``min_group``; otherwise they stay withheld.

So a response shares neither its transaction (PostgreSQL ``xmin``) nor its position
(SQLite ``rowid``) with the participation it came from, and every figure HR sees grows in
steps of at least ``min_group`` answers of one unit: comparing results before and after
one more answer shows nothing. Taking answers out is ``DELETE … RETURNING`` in the same
transaction as the insert, so a crash or a second job never writes one twice.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.periodic import claim_tick
from storage.db import Database
from storage.models.surveys import SurveyRound
from storage.queries import survey_waiting as w

CLOSE_GRACE = timedelta(minutes=30)  # answers started just before closing still arrive


@dataclass(frozen=True)
class Batch:
    """Which waiting answers of a round to publish: with their unit, or merged without it."""

    units: list[int | None]
    merged: list[int | None]


def plan_batch(waiting: Mapping[int | None, int], min_group: int, closing: bool) -> Batch:
    """Units with at least ``min_group`` waiting; at closing also the small rest, if enough."""
    ready = [u for u, n in waiting.items() if n >= min_group]
    rest = [u for u, n in waiting.items() if n < min_group]
    enough = closing and sum(waiting[u] for u in rest) >= min_group
    return Batch(ready, rest if enough else [])


def has_closed(rnd: SurveyRound, now: datetime) -> bool:
    """True when an HR round's answering time (plus a grace period) is over."""
    return rnd.kind == "manual" and rnd.closes_at is not None and now >= rnd.closes_at + CLOSE_GRACE


async def publish_round(
    session: AsyncSession,
    round_id: int,
    now: datetime,
    min_group: int,
    rng: random.Random | None = None,
) -> int:
    """Publish the ready waiting answers of one round, shuffled; return how many."""
    rnd = await w.lock_round(session, round_id)
    if rnd is None:
        return 0
    closing = has_closed(rnd, now)
    plan = plan_batch(await w.waiting_per_unit(session, round_id), min_group, closing)
    batch = await w.take_waiting(session, round_id, plan.units) if plan.units else []
    if plan.merged:
        taken = await w.take_waiting(session, round_id, plan.merged)
        batch += [replace(item, unit_id=None) for item in taken]
    if closing and rnd.status == "open":
        rnd.status = "closed"
    (rng or random.SystemRandom()).shuffle(batch)
    await w.write_responses(session, round_id, batch)
    return len(batch)


async def publish_waiting(db: Database, now: datetime, min_group: int) -> int:
    """Publish every round's ready answers, one transaction per round; return how many."""
    async with db.transaction() as session:
        rounds = await w.waiting_rounds(session)
    published = 0
    for round_id in rounds:
        async with db.transaction() as session:
            published += await publish_round(session, round_id, now, min_group)
    return published


async def publish_tick(
    db: Database, worker_id: str, every: timedelta, now: datetime, min_group: int
) -> int:
    """One tick of the publishing job: nothing when another instance runs this tick."""
    if not await claim_tick(db, "survey-publish", every, worker_id):
        return 0
    return await publish_waiting(db, now, min_group)
