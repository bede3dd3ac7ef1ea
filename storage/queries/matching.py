"""Queries for the chat side of skill matching: cache versions, profiles, preferences."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.aspirations import Aspiration
from storage.models.matching import CompetenceVariant, CustomCompetence, Position
from storage.models.people import Employee, EmployeeSkill, Unit

WITHDRAWN = "withdrawn"


async def catalogue_version(session: AsyncSession) -> tuple[Any, ...]:
    """A value that changes whenever positions or HR's competences change."""
    pos = (
        await session.execute(
            select(func.count(Position.id), func.max(Position.updated_at), func.max(Position.id))
        )
    ).one()
    comp = (
        await session.execute(
            select(func.count(CustomCompetence.id), func.max(CustomCompetence.id))
        )
    ).one()
    var = (
        await session.execute(
            select(func.count(CompetenceVariant.id), func.max(CompetenceVariant.id))
        )
    ).one()
    return (*pos, *comp, *var)


async def declared_skills(session: AsyncSession, employee_id: int) -> list[str]:
    """Texts of one employee's self-declared skills and certifications."""
    result = await session.execute(
        select(EmployeeSkill.text)
        .where(EmployeeSkill.employee_id == employee_id)
        .order_by(EmployeeSkill.id)
    )
    return list(result.scalars())


async def unit_name(session: AsyncSession, unit_id: int | None) -> str:
    """Name of a unit, or an empty string."""
    if unit_id is None:
        return ""
    unit = await session.get(Unit, unit_id)
    return unit.name if unit else ""


async def get_position_by_pk(session: AsyncSession, pk: int) -> Position | None:
    """One position by primary key."""
    return await session.get(Position, pk)


async def page_open_positions(
    session: AsyncSession, offset: int, limit: int
) -> tuple[int, Sequence[Position]]:
    """The total of open positions and one page of them ordered by code."""
    total = (
        await session.execute(select(func.count(Position.id)).where(Position.open.is_(True)))
    ).scalar_one()
    rows = await session.execute(
        select(Position)
        .where(Position.open.is_(True))
        .order_by(Position.position_id)
        .offset(offset)
        .limit(limit)
    )
    return int(total), rows.scalars().all()


async def employees_by_nips(session: AsyncSession, nips: Sequence[str]) -> dict[str, Employee]:
    """Employees keyed by NIP."""
    if not nips:
        return {}
    result = await session.execute(select(Employee).where(Employee.nip.in_(list(nips))))
    return {e.nip: e for e in result.scalars()}


async def aspiration_units(session: AsyncSession, employee_id: int) -> set[str]:
    """Unit names the employee asked for in their latest (not withdrawn) aspiration."""
    result = await session.execute(
        select(Aspiration)
        .where(Aspiration.employee_id == employee_id, Aspiration.status != WITHDRAWN)
        .order_by(Aspiration.id.desc())
        .limit(1)
    )
    aspiration = result.scalar_one_or_none()
    if aspiration is None:
        return set()
    return {str(p.get("unit")) for p in aspiration.preferences or [] if p.get("unit")}
