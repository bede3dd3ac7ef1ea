"""Query helpers shared by features: a guarded UPDATE, counting what is overdue. Never commits."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy import case as sql_case
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.models import Base


async def compare_and_set(
    session: AsyncSession,
    model: type[Base],
    pk: int,
    expect: Mapping[str, object],
    values: Mapping[str, Any],
) -> bool:
    """``UPDATE model SET values WHERE id = pk AND expect``; True when the row changed.

    Loaded objects are refreshed with the new values.
    """
    conditions: list[ColumnElement[bool]] = [model.id == pk]  # type: ignore[attr-defined]
    for name, value in expect.items():
        column = getattr(model, name)
        conditions.append(column.is_(None) if value is None else column == value)
    stmt = (
        update(model)
        .where(*conditions)
        .values(**values)
        .execution_options(synchronize_session="fetch")
    )
    result = await session.execute(stmt)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def count_overdue(
    session: AsyncSession,
    waiting: ColumnElement[bool],
    due_on: InstrumentedAttribute[date],
    today: date,
) -> tuple[int, int]:
    """(rows still ``waiting``, of which overdue: ``due_on`` before ``today``)."""
    overdue = func.sum(sql_case((due_on < today, 1), else_=0))
    stmt = select(func.count(), func.coalesce(overdue, 0)).where(waiting)
    total, late = (await session.execute(stmt)).one()
    return int(total), int(late)
