"""One guarded UPDATE (compare-and-set) for any model with an integer ``id``. Never commits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base


async def compare_and_set(
    session: AsyncSession,
    model: type[Base],
    pk: int,
    expect: Mapping[str, object],
    values: Mapping[str, Any],
) -> bool:
    """``UPDATE model SET values WHERE id = pk AND expect``; True when the row changed."""
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
