"""Queries of the move rules: freeze periods, overrides, who is long in post. Never commits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Employee, FreezePeriod, MoveRuleOverride, Unit


async def freeze_periods(session: AsyncSession) -> list[FreezePeriod]:
    """Every freeze period, earliest first."""
    stmt = select(FreezePeriod).order_by(FreezePeriod.starts_on, FreezePeriod.id)
    return list((await session.execute(stmt)).scalars())


async def add_freeze_period(
    session: AsyncSession, name: str, starts_on: date, ends_on: date, created_by: int | None
) -> FreezePeriod:
    """Add a freeze period."""
    period = FreezePeriod(name=name, starts_on=starts_on, ends_on=ends_on, created_by=created_by)
    session.add(period)
    await session.flush()
    return period


async def delete_freeze_period(session: AsyncSession, period_id: int) -> FreezePeriod | None:
    """Delete a freeze period; the deleted row, or None when there was none."""
    period = await session.get(FreezePeriod, period_id)
    if period is not None:
        await session.delete(period)
        await session.flush()
    return period


async def overrides_of(session: AsyncSession, move_ids: Sequence[int]) -> list[MoveRuleOverride]:
    """The overrides of these moves, oldest first."""
    if not move_ids:
        return []
    stmt = (
        select(MoveRuleOverride)
        .where(MoveRuleOverride.move_id.in_(list(move_ids)))
        .order_by(MoveRuleOverride.id)
    )
    return list((await session.execute(stmt)).scalars())


async def add_overrides(session: AsyncSession, rows: Sequence[MoveRuleOverride]) -> None:
    """Store overrides."""
    session.add_all(rows)
    await session.flush()


async def long_in_post(
    session: AsyncSession, since_before: date, limit: int | None = None
) -> list[tuple[Employee, str]]:
    """Active employees in their position since ``since_before`` or earlier, longest first."""
    stmt = (
        select(Employee, Unit.name)
        .outerjoin(Unit, Unit.id == Employee.unit_id)
        .where(Employee.active.is_(True), Employee.position_tmt <= since_before)
        .order_by(Employee.position_tmt, Employee.name)
        .limit(limit)
    )
    return [(e, name or "-") for e, name in (await session.execute(stmt)).all()]
