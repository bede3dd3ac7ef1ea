"""Queries of the scheduler's source of truth, the ``scheduled_items`` table. Never commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.delivery import ScheduledItem


async def add_item(
    session: AsyncSession, kind: str, ref_id: int, run_at: datetime
) -> ScheduledItem:
    """Insert a pending item and flush it so it has an id."""
    item = ScheduledItem(
        kind=kind, ref_id=ref_id, run_at=run_at, status="pending", late=False, reason=""
    )
    session.add(item)
    await session.flush()
    return item


async def pending_items(
    session: AsyncSession, until: datetime | None = None
) -> list[ScheduledItem]:
    """Pending items (due before ``until`` when given), earliest first."""
    stmt = select(ScheduledItem).where(ScheduledItem.status == "pending")
    if until is not None:
        stmt = stmt.where(ScheduledItem.run_at <= until)
    stmt = stmt.order_by(ScheduledItem.run_at, ScheduledItem.id)
    return list((await session.execute(stmt)).scalars())


async def claim_item(session: AsyncSession, item_id: int, now: datetime, late: bool) -> bool:
    """Atomically move a pending item to ``fired``; False when someone else already did."""
    result = await session.execute(
        update(ScheduledItem)
        .where(ScheduledItem.id == item_id, ScheduledItem.status == "pending")
        .values(status="fired", fired_at=now, late=late)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def close_item(session: AsyncSession, item_id: int, status: str, reason: str) -> bool:
    """Move a pending item to ``missed``/``cancelled``/``failed`` with a reason."""
    result = await session.execute(
        update(ScheduledItem)
        .where(ScheduledItem.id == item_id, ScheduledItem.status.in_(("pending", "fired")))
        .values(status=status, reason=reason[:200])
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def items_for_ref(session: AsyncSession, kind: str, ref_id: int) -> list[ScheduledItem]:
    """Every item of one referenced object, any status."""
    stmt = (
        select(ScheduledItem)
        .where(ScheduledItem.kind == kind, ScheduledItem.ref_id == ref_id)
        .order_by(ScheduledItem.id)
    )
    return list((await session.execute(stmt)).scalars())


async def move_pending(
    session: AsyncSession, kind: str, ref_id: int, run_at: datetime
) -> list[int]:
    """Set a new time on the pending items of one object; return their ids."""
    result = await session.execute(
        update(ScheduledItem)
        .where(
            ScheduledItem.kind == kind,
            ScheduledItem.ref_id == ref_id,
            ScheduledItem.status == "pending",
        )
        .values(run_at=run_at)
        .returning(ScheduledItem.id)
        .execution_options(synchronize_session=False)
    )
    return [int(i) for i in result.scalars()]


async def cancel_pending(session: AsyncSession, kind: str, ref_id: int, reason: str) -> int:
    """Cancel the pending items of one object; return how many."""
    result = await session.execute(
        update(ScheduledItem)
        .where(
            ScheduledItem.kind == kind,
            ScheduledItem.ref_id == ref_id,
            ScheduledItem.status == "pending",
        )
        .values(status="cancelled", reason=reason[:200])
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
