"""Audience queries of the delivery engine: the reachable chats of units, people and roles.

Reading an audience spec (unit names, extra kinds) is the domain's job, in
``bot.delivery.recipients``; these helpers take ids and return chat ids. Never commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.people import BotUser, Employee, RoleGrant, Unit


def _reachable_linked() -> Any:
    """Select chat ids of linked bot users that are not known to be unreachable."""
    return (
        select(BotUser.telegram_id)
        .join(Employee, Employee.id == BotUser.employee_id)
        .where(BotUser.unreachable_at.is_(None), Employee.active.is_(True))
    )


async def _chat_ids(session: AsyncSession, stmt: Any) -> list[int]:
    """The distinct chat ids selected by ``stmt``, sorted."""
    result = await session.execute(stmt)
    return sorted({int(chat_id) for chat_id in result.scalars()})


async def linked_chat_ids(
    session: AsyncSession,
    *,
    unit_ids: Iterable[int] | None = None,
    employee_ids: Iterable[int] | None = None,
) -> list[int]:
    """Chats of reachable linked active employees, optionally only some units or employees."""
    stmt = _reachable_linked()
    if unit_ids is not None:
        stmt = stmt.where(Employee.unit_id.in_(list(unit_ids)))
    if employee_ids is not None:
        stmt = stmt.where(Employee.id.in_(list(employee_ids)))
    return await _chat_ids(session, stmt)


async def role_chat_ids(session: AsyncSession, role: str) -> list[int]:
    """Chats of reachable users holding a granted role (``hr``, ``approver``)."""
    stmt = (
        select(BotUser.telegram_id)
        .join(RoleGrant, RoleGrant.telegram_id == BotUser.telegram_id)
        .where(RoleGrant.role == role, BotUser.unreachable_at.is_(None))
    )
    return await _chat_ids(session, stmt)


async def unit_names(session: AsyncSession) -> list[tuple[int, str]]:
    """(id, name) of every unit."""
    return [(int(i), str(n)) for i, n in (await session.execute(select(Unit.id, Unit.name))).all()]


async def names_of_chats(session: AsyncSession, chat_ids: Iterable[int]) -> dict[int, str]:
    """The employee name of each linked chat among ``chat_ids`` (unlinked chats left out)."""
    ids = list(chat_ids)
    names: dict[int, str] = {}
    for start in range(0, len(ids), 1000):
        stmt = (
            select(BotUser.telegram_id, Employee.name)
            .join(Employee, Employee.id == BotUser.employee_id)
            .where(BotUser.telegram_id.in_(ids[start : start + 1000]))
        )
        names.update((int(chat), str(name)) for chat, name in (await session.execute(stmt)).all())
    return names
