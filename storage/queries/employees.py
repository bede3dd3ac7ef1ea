"""Queries about roster employees and units (bulk-friendly for 30k-row imports)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotUser, Employee, Unit

# Stay well below the bind-parameter limits of SQLite (32766) and asyncpg (32767).
_IN_CHUNK = 5000


async def get_employee(session: AsyncSession, employee_id: int) -> Employee | None:
    """Return the employee with primary key ``employee_id``."""
    return await session.get(Employee, employee_id)


async def get_employee_by_nip(session: AsyncSession, nip: str) -> Employee | None:
    """Return the employee with this NIP, if any."""
    result = await session.execute(select(Employee).where(Employee.nip == nip))
    return result.scalar_one_or_none()


async def get_employees_by_nips(session: AsyncSession, nips: Iterable[str]) -> dict[str, Employee]:
    """Map NIP -> Employee for the NIPs that exist (one query per 5,000 NIPs)."""
    wanted = list(dict.fromkeys(nips))
    found: dict[str, Employee] = {}
    for start in range(0, len(wanted), _IN_CHUNK):
        chunk = wanted[start : start + _IN_CHUNK]
        result = await session.execute(select(Employee).where(Employee.nip.in_(chunk)))
        for employee in result.scalars():
            found[employee.nip] = employee
    return found


async def list_units(session: AsyncSession) -> Sequence[Unit]:
    """All units ordered by name."""
    result = await session.execute(select(Unit).order_by(Unit.name))
    return result.scalars().all()


async def get_or_create_units(session: AsyncSession, names: Iterable[str]) -> dict[str, Unit]:
    """Map each name to its Unit, creating missing ones; names match case-insensitively."""
    existing = {unit.name.casefold(): unit for unit in await list_units(session)}
    result: dict[str, Unit] = {}
    created: list[Unit] = []
    for name in dict.fromkeys(names):
        key = name.casefold()
        unit = existing.get(key)
        if unit is None:
            unit = Unit(name=name)
            existing[key] = unit
            created.append(unit)
        result[name] = unit
    if created:
        session.add_all(created)
        await session.flush()
    return result


async def insert_employees(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many employees at once (dicts of Employee column values)."""
    if rows:
        await session.execute(insert(Employee), list(rows))


async def update_employees(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Update many employees by primary key; every dict holds ``id`` and changed columns."""
    if rows:
        await session.execute(update(Employee), list(rows))


async def find_unlinked_employees_by_phone(session: AsyncSession, phone: str) -> list[Employee]:
    """Active employees with this canonical phone that no Telegram user is linked to yet."""
    stmt = (
        select(Employee)
        .outerjoin(BotUser, BotUser.employee_id == Employee.id)
        .where(Employee.phone == phone, Employee.active.is_(True), BotUser.telegram_id.is_(None))
        .order_by(Employee.id)
    )
    result = await session.execute(stmt)
    return list(result.scalars())


async def linked_employee_ids(session: AsyncSession, employee_ids: Iterable[int]) -> set[int]:
    """The subset of ``employee_ids`` that already have a linked BotUser."""
    wanted = list(employee_ids)
    linked: set[int] = set()
    for start in range(0, len(wanted), _IN_CHUNK):
        chunk = wanted[start : start + _IN_CHUNK]
        result = await session.execute(
            select(BotUser.employee_id).where(BotUser.employee_id.in_(chunk))
        )
        linked.update(i for i in result.scalars() if i is not None)
    return linked


async def existing_telegram_ids(session: AsyncSession, telegram_ids: Iterable[int]) -> set[int]:
    """The subset of ``telegram_ids`` that already have a BotUser row."""
    wanted = list(telegram_ids)
    found: set[int] = set()
    for start in range(0, len(wanted), _IN_CHUNK):
        chunk = wanted[start : start + _IN_CHUNK]
        result = await session.execute(
            select(BotUser.telegram_id).where(BotUser.telegram_id.in_(chunk))
        )
        found.update(result.scalars())
    return found


async def insert_bot_users(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many BotUser rows at once (used by the demo-data generator)."""
    if rows:
        await session.execute(insert(BotUser), list(rows))
