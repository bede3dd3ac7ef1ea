"""The dashboard's aspiration table: one filtered, sorted page of a window (never commits)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Aspiration, AspirationWindow, Employee, Unit

SORTS = {
    "id": (Aspiration.id,),
    "submitted": (Aspiration.submitted_at, Aspiration.id),
    "updated": (Aspiration.updated_at, Aspiration.id),
    "name": (Employee.name, Aspiration.id),
    "unit": (Unit.name, Employee.name, Aspiration.id),
    "status": (Aspiration.status, Aspiration.id),
}


@dataclass(frozen=True)
class TableFilter:
    """What the table shows: empty values do not filter."""

    window_id: int
    unit_id: int | None = None
    status: str | None = None
    eligible: bool | None = None
    kind: str | None = None
    sort: str = "id"
    descending: bool = False


async def table_page(
    session: AsyncSession, where: TableFilter, offset: int, limit: int
) -> tuple[list[tuple[Aspiration, Employee, str]], int]:
    """(aspiration, employee, unit name) rows of one page, and the total under the filters."""
    stmt = (
        select(Aspiration, Employee, Unit.name)
        .join(Employee, Employee.id == Aspiration.employee_id)
        .outerjoin(Unit, Unit.id == Employee.unit_id)
        .where(Aspiration.window_id == where.window_id)
    )
    if where.unit_id:
        stmt = stmt.where(Employee.unit_id == where.unit_id)
    if where.status:
        stmt = stmt.where(Aspiration.status == where.status)
    if where.eligible is not None:
        stmt = stmt.where(Aspiration.eligible == where.eligible)
    if where.kind:
        stmt = stmt.where(Aspiration.kind == where.kind)
    total = await session.scalar(select(func.count()).select_from(stmt.subquery()))
    columns = SORTS.get(where.sort, SORTS["id"])
    order = [c.desc() if where.descending else c.asc() for c in columns]
    rows = await session.execute(stmt.order_by(*order).offset(offset).limit(limit))
    return [(a, e, n or "") for a, e, n in rows.tuples()], int(total or 0)


async def windows(session: AsyncSession, limit: int = 20) -> list[AspirationWindow]:
    """The latest windows first."""
    result = await session.execute(
        select(AspirationWindow).order_by(AspirationWindow.starts_at.desc()).limit(limit)
    )
    return list(result.scalars())
