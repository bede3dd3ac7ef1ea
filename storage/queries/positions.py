"""Queries for open positions and HR's competence additions (never commit)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models.matching import CompetenceVariant, CustomCompetence, Position
from storage.models.people import Employee, EmployeeSkill, Unit


async def get_positions_by_codes(
    session: AsyncSession, codes: Iterable[str]
) -> dict[str, Position]:
    """Positions whose ``position_id`` is in ``codes``, keyed by code."""
    wanted = list(dict.fromkeys(codes))
    if not wanted:
        return {}
    result = await session.execute(select(Position).where(Position.position_id.in_(wanted)))
    return {p.position_id: p for p in result.scalars()}


async def insert_positions(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many positions (dicts of Position column values)."""
    if rows:
        await session.execute(insert(Position), list(rows))


async def update_positions(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Update many positions by primary key (each dict holds ``id``)."""
    if rows:
        await session.execute(update(Position), list(rows))


async def open_positions(session: AsyncSession) -> Sequence[Position]:
    """All open positions ordered by code."""
    result = await session.execute(
        select(Position).where(Position.open.is_(True)).order_by(Position.position_id)
    )
    return result.scalars().all()


async def get_position(session: AsyncSession, position_id: str) -> Position | None:
    """One position by its code."""
    result = await session.execute(select(Position).where(Position.position_id == position_id))
    return result.scalar_one_or_none()


async def active_employees_with_skills(
    session: AsyncSession,
) -> list[tuple[Employee, str, str]]:
    """Active employees with their unit name and all skill texts (roster + declared)."""
    emps = (
        await session.execute(
            select(Employee, Unit.name)
            .outerjoin(Unit, Unit.id == Employee.unit_id)
            .where(Employee.active.is_(True))
            .order_by(Employee.id)
        )
    ).all()
    skills: dict[int, list[str]] = {}
    for emp_id, text in (
        await session.execute(select(EmployeeSkill.employee_id, EmployeeSkill.text))
    ).all():
        skills.setdefault(emp_id, []).append(text)
    return [
        (emp, unit or "", "\n".join([emp.roster_skills, *skills.get(emp.id, [])]).strip())
        for emp, unit in emps
    ]


async def custom_competences(session: AsyncSession) -> Sequence[CustomCompetence]:
    """HR's competences with their variants loaded."""
    result = await session.execute(
        select(CustomCompetence)
        .options(selectinload(CustomCompetence.variants))
        .order_by(CustomCompetence.id)
    )
    return result.scalars().all()


async def upsert_custom_competence(
    session: AsyncSession, name: str, name_en: str, variants: Iterable[str]
) -> tuple[bool, int]:
    """Add a competence or extend its variants; returns (created, variants added)."""
    result = await session.execute(
        select(CustomCompetence)
        .options(selectinload(CustomCompetence.variants))
        .where(CustomCompetence.name == name)
    )
    comp = result.scalar_one_or_none()
    created = comp is None
    if comp is None:
        comp = CustomCompetence(name=name, name_en=name_en, variants=[])
        session.add(comp)
    known = {v.text.casefold() for v in comp.variants}
    added = 0
    for text in variants:
        if text.casefold() not in known:
            comp.variants.append(CompetenceVariant(text=text))
            known.add(text.casefold())
            added += 1
    await session.flush()
    return created, added
