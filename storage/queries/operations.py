"""What an operator watches: outbox rows per status, upcoming scheduled items, the last
send error, and the schema revision the database is at. Read-only; never commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.delivery import OutboxMessage, ScheduledItem

OPEN_STATUSES = ("pending", "claimed", "sending")  # waiting for, or on their way to, Telegram
PROBLEM_STATUSES = ("failed", "uncertain", "unreachable")


@dataclass(frozen=True)
class UpcomingItem:
    """A scheduled item not fired yet: what it is and when it is due."""

    id: int
    kind: str
    ref_id: int
    run_at: datetime


@dataclass(frozen=True)
class LastError:
    """The newest outbox row that ended badly: its status, error code and time."""

    status: str
    error: str
    at: datetime | None


async def outbox_counts(
    session: AsyncSession, statuses: tuple[str, ...] = OPEN_STATUSES + PROBLEM_STATUSES
) -> dict[str, int]:
    """Rows per status, every status of ``statuses`` present (0 when none)."""
    result = await session.execute(
        select(OutboxMessage.status, func.count())
        .where(OutboxMessage.status.in_(statuses))
        .group_by(OutboxMessage.status)
    )
    counts = dict.fromkeys(statuses, 0)
    counts.update({str(status): int(n) for status, n in result.all()})
    return counts


async def upcoming_items(session: AsyncSession, limit: int = 5) -> list[UpcomingItem]:
    """The next pending scheduled items, earliest first."""
    result = await session.execute(
        select(ScheduledItem.id, ScheduledItem.kind, ScheduledItem.ref_id, ScheduledItem.run_at)
        .where(ScheduledItem.status == "pending")
        .order_by(ScheduledItem.run_at, ScheduledItem.id)
        .limit(limit)
    )
    return [UpcomingItem(int(i), str(k), int(r), at) for i, k, r, at in result.all()]


async def last_error(session: AsyncSession) -> LastError | None:
    """The newest failed, uncertain or unreachable outbox row, if any."""
    result = await session.execute(
        select(OutboxMessage.status, OutboxMessage.error, OutboxMessage.claimed_at)
        .where(OutboxMessage.status.in_(PROBLEM_STATUSES))
        .order_by(OutboxMessage.claimed_at.desc(), OutboxMessage.id.desc())
        .limit(1)
    )
    row = result.first()
    return None if row is None else LastError(str(row[0]), str(row[1] or ""), row[2])


async def schema_revision(session: AsyncSession) -> str | None:
    """The Alembic revision the database is at (None before the first migration)."""
    try:
        async with session.begin_nested():
            result = await session.execute(text("SELECT version_num FROM alembic_version"))
    except DBAPIError:
        return None
    return result.scalar_one_or_none()
