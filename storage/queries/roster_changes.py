"""Queries that apply a carried-out move to the roster: position history (riwayat jabatan),
workload staffed figures (bezetting) and open positions filled. Never commits."""

from __future__ import annotations

from sqlalchemy import case, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import PlanMove, Position, PositionHistory, WorkloadFigure
from storage.types import MOVE_DONE


async def add_history(session: AsyncSession, **values: object) -> PositionHistory:
    """Add one position history row (column values as keywords)."""
    row = PositionHistory(**values)
    session.add(row)
    await session.flush()
    return row


async def history_of(
    session: AsyncSession, employee_id: int, limit: int = 10
) -> list[PositionHistory]:
    """The employee's position history, newest first."""
    stmt = (
        select(PositionHistory)
        .where(PositionHistory.employee_id == employee_id)
        .order_by(PositionHistory.tmt.desc(), PositionHistory.id.desc())
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars())


async def change_staffed(session: AsyncSession, unit_name: str, position: str, delta: int) -> bool:
    """Add ``delta`` to the staffed figure of (unit, position), matched without case, never
    below zero; False when the workload figures have no such row."""
    match = (
        func.lower(WorkloadFigure.unit_name) == unit_name.lower(),
        func.lower(WorkloadFigure.position) == position.lower(),
    )
    after = WorkloadFigure.staffed + delta
    result = await session.execute(
        update(WorkloadFigure)
        .where(*match)
        .values(staffed=case((after < 0, 0), else_=after))
        .execution_options(synchronize_session="fetch")
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def close_if_filled(session: AsyncSession, position_pk: int) -> bool:
    """Close an open position once moves carried out into it fill its quota; True if closed."""
    done = (
        select(func.count(PlanMove.id))
        .where(PlanMove.position_ref == position_pk, PlanMove.status == MOVE_DONE)
        .scalar_subquery()
    )
    result = await session.execute(
        update(Position)
        .where(Position.id == position_pk, Position.open.is_(True), Position.quota <= done)
        .values(open=False)
        .execution_options(synchronize_session="fetch")
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
