"""Queries about roster employees and units (bulk-friendly for 30k-row imports)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, any_, bindparam, insert, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.models import BotUser, Employee, EmployeeSkill, RoleGrant, Unit, utcnow

# Bulk lookups: on PostgreSQL ``col = ANY(:array)`` with one array parameter (PostgreSQL
# hashes a constant array; a long ``IN ($1, …, $n)`` list is scanned linearly per row and
# was measured 30-50x slower right after a bulk insert, before statistics exist).
# On SQLite an IN list per 900 values, below its bind-parameter limit.
_PG_CHUNK = 10000
_SQLITE_CHUNK = 900


def _matching(
    session: AsyncSession, column: InstrumentedAttribute[Any], values: Iterable[Any]
) -> Iterator[ColumnElement[bool]]:
    """WHERE clauses that together select the rows whose ``column`` is in ``values``."""
    wanted = list(dict.fromkeys(values))
    postgres = session.get_bind().dialect.name == "postgresql"
    size = _PG_CHUNK if postgres else _SQLITE_CHUNK
    for start in range(0, len(wanted), size):
        chunk = wanted[start : start + size]
        if postgres:
            yield column == any_(bindparam(None, chunk, type_=ARRAY(column.type)))
        else:
            yield column.in_(chunk)


async def get_employee(session: AsyncSession, employee_id: int) -> Employee | None:
    """Return the employee with primary key ``employee_id``."""
    return await session.get(Employee, employee_id)


async def get_employee_by_nip(session: AsyncSession, nip: str) -> Employee | None:
    """Return the employee with this NIP, if any."""
    result = await session.execute(select(Employee).where(Employee.nip == nip))
    return result.scalar_one_or_none()


async def get_employees_by_nips(session: AsyncSession, nips: Iterable[str]) -> dict[str, Employee]:
    """Map NIP -> Employee for the NIPs that exist (one query per 10,000 NIPs on PostgreSQL)."""
    found: dict[str, Employee] = {}
    for clause in _matching(session, Employee.nip, nips):
        result = await session.execute(select(Employee).where(clause))
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
    linked: set[int] = set()
    for clause in _matching(session, BotUser.employee_id, employee_ids):
        result = await session.execute(select(BotUser.employee_id).where(clause))
        linked.update(i for i in result.scalars() if i is not None)
    return linked


async def existing_telegram_ids(session: AsyncSession, telegram_ids: Iterable[int]) -> set[int]:
    """The subset of ``telegram_ids`` that already have a BotUser row."""
    found: set[int] = set()
    for clause in _matching(session, BotUser.telegram_id, telegram_ids):
        result = await session.execute(select(BotUser.telegram_id).where(clause))
        found.update(result.scalars())
    return found


async def insert_bot_users(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many BotUser rows at once (used by the demo-data generator)."""
    if rows:
        await session.execute(insert(BotUser), list(rows))


async def employee_skills(session: AsyncSession, employee_id: int) -> list[EmployeeSkill]:
    """One employee's self-declared skills and certifications, oldest first."""
    result = await session.execute(
        select(EmployeeSkill)
        .where(EmployeeSkill.employee_id == employee_id)
        .order_by(EmployeeSkill.id)
    )
    return list(result.scalars())


async def get_employee_skill(session: AsyncSession, item_id: int) -> EmployeeSkill | None:
    """One self-declared item by primary key."""
    return await session.get(EmployeeSkill, item_id)


async def add_employee_skill(
    session: AsyncSession, employee_id: int, kind: str, text: str
) -> EmployeeSkill:
    """Store a self-declared skill or certification."""
    item = EmployeeSkill(employee_id=employee_id, kind=kind, text=text)
    session.add(item)
    await session.flush()
    return item


async def delete_employee_skill(session: AsyncSession, item: EmployeeSkill) -> None:
    """Delete one self-declared item."""
    await session.delete(item)
    await session.flush()


async def active_ids_by_nip(session: AsyncSession) -> dict[str, int]:
    """NIP -> id of every active employee (a full roster deactivates those it lacks)."""
    stmt = select(Employee.nip, Employee.id).where(Employee.active.is_(True))
    result = await session.execute(stmt)
    return {str(nip): int(employee_id) for nip, employee_id in result.all()}


async def deactivate_employees(session: AsyncSession, employee_ids: Sequence[int]) -> None:
    """Mark these employees inactive (they left the roster)."""
    for clause in _matching(session, Employee.id, employee_ids):
        stmt = update(Employee).where(clause).values(active=False, updated_at=utcnow())
        await session.execute(stmt)


async def chats_of_employees_without_role(
    session: AsyncSession, employee_ids: Iterable[int]
) -> list[int]:
    """Telegram ids linked to these employees that hold no office role (hr, approver)."""
    with_role = select(RoleGrant.telegram_id)
    chats: set[int] = set()
    for clause in _matching(session, BotUser.employee_id, employee_ids):
        stmt = select(BotUser.telegram_id).where(clause, BotUser.telegram_id.not_in(with_role))
        chats.update(int(i) for i in (await session.execute(stmt)).scalars())
    return sorted(chats)
