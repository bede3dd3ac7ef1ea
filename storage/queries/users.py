"""Queries about Telegram users and their roles."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotUser, Employee, RoleGrant

ROLES = ("hr", "approver")


async def get_or_create_user(session: AsyncSession, telegram_id: int) -> BotUser:
    """Return the BotUser for ``telegram_id``, inserting it on first contact."""
    user = await session.get(BotUser, telegram_id)
    if user is None:
        user = BotUser(telegram_id=telegram_id)
        session.add(user)
        await session.flush()
    return user


async def load_identity(
    session: AsyncSession, telegram_id: int
) -> tuple[BotUser, Employee | None, frozenset[str]]:
    """The user (created on first contact), their linked employee and roles, in one query."""
    rows = (
        await session.execute(
            select(BotUser, Employee, RoleGrant.role)
            .outerjoin(Employee, Employee.id == BotUser.employee_id)
            .outerjoin(RoleGrant, RoleGrant.telegram_id == BotUser.telegram_id)
            .where(BotUser.telegram_id == telegram_id)
        )
    ).all()
    if not rows:
        user = await get_or_create_user(session, telegram_id)
        return user, None, await roles_of(session, telegram_id)
    roles = frozenset(row[2] for row in rows if row[2] is not None)
    return rows[0][0], rows[0][1], roles


async def get_user(session: AsyncSession, telegram_id: int) -> BotUser | None:
    """Return the BotUser or None."""
    return await session.get(BotUser, telegram_id)


async def get_user_by_employee(session: AsyncSession, employee_id: int) -> BotUser | None:
    """Return the BotUser linked to an employee, if any."""
    result = await session.execute(select(BotUser).where(BotUser.employee_id == employee_id))
    return result.scalar_one_or_none()


async def user_of_active_employee(session: AsyncSession, employee_id: int) -> BotUser | None:
    """The BotUser linked to an employee who is still active (may receive messages), or None."""
    result = await session.execute(
        select(BotUser)
        .join(Employee, Employee.id == BotUser.employee_id)
        .where(BotUser.employee_id == employee_id, Employee.active.is_(True))
    )
    return result.scalar_one_or_none()


async def linked_employee(session: AsyncSession, user: BotUser) -> Employee | None:
    """Return the employee a BotUser is linked to."""
    if user.employee_id is None:
        return None
    return await session.get(Employee, user.employee_id)


async def roles_of(session: AsyncSession, telegram_id: int) -> frozenset[str]:
    """The privileged roles of a Telegram user."""
    result = await session.execute(
        select(RoleGrant.role).where(RoleGrant.telegram_id == telegram_id)
    )
    return frozenset(result.scalars())


async def grant_role(session: AsyncSession, telegram_id: int, role: str, granted_by: str) -> bool:
    """Grant ``role``; returns False when the user already had it."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    existing = await session.execute(
        select(RoleGrant).where(RoleGrant.telegram_id == telegram_id, RoleGrant.role == role)
    )
    if existing.scalar_one_or_none() is not None:
        return False
    session.add(RoleGrant(telegram_id=telegram_id, role=role, granted_by=granted_by))
    await session.flush()
    return True


async def revoke_role(session: AsyncSession, telegram_id: int, role: str | None = None) -> int:
    """Remove one role (or all when ``role`` is None); returns how many were removed."""
    stmt = delete(RoleGrant).where(RoleGrant.telegram_id == telegram_id)
    if role is not None:
        stmt = stmt.where(RoleGrant.role == role)
    result = await session.execute(stmt)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def env_grants_outside(
    session: AsyncSession, granted_by: str, keep: Collection[int]
) -> list[int]:
    """Users holding a role granted by ``granted_by`` whose id is not in ``keep``."""
    stmt = select(RoleGrant.telegram_id).where(RoleGrant.granted_by == granted_by)
    if keep:
        stmt = stmt.where(RoleGrant.telegram_id.not_in(list(keep)))
    return sorted(set((await session.execute(stmt)).scalars()))


async def list_role_grants(session: AsyncSession) -> Sequence[RoleGrant]:
    """All role grants ordered by role and user."""
    result = await session.execute(
        select(RoleGrant).order_by(RoleGrant.role, RoleGrant.telegram_id)
    )
    return result.scalars().all()


async def users_with_role(session: AsyncSession, role: str) -> list[int]:
    """Telegram ids that hold ``role``."""
    result = await session.execute(select(RoleGrant.telegram_id).where(RoleGrant.role == role))
    return list(result.scalars())


async def sync_menu_roles(session: AsyncSession) -> dict[int, tuple[frozenset[str], str | None]]:
    """Users whose command menu must be (re)published at start: role holders, and users
    whose published menu still shows roles they lost. Records the roles being published."""
    by_user: dict[int, set[str]] = {}
    menus: dict[int, tuple[frozenset[str], str | None]] = {}
    for grant in await list_role_grants(session):
        by_user.setdefault(grant.telegram_id, set()).add(grant.role)
    result = await session.execute(
        select(BotUser).where((BotUser.menu_roles != "") | BotUser.telegram_id.in_(by_user))
    )
    for user in result.scalars():
        held = frozenset(by_user.pop(user.telegram_id, set()))
        user.menu_roles = ",".join(sorted(held))
        menus[user.telegram_id] = (held, user.locale)
    for telegram_id, granted in by_user.items():  # holders who never wrote to the bot
        menus[telegram_id] = (frozenset(granted), None)
    await session.flush()
    return menus


async def detach_employee(session: AsyncSession, employee_id: int) -> BotUser | None:
    """Unlink the Telegram account linked to this employee; that account, or None if none was."""
    user = await get_user_by_employee(session, employee_id)
    if user is None:
        return None
    result = await session.execute(
        update(BotUser)
        .where(BotUser.telegram_id == user.telegram_id, BotUser.employee_id == employee_id)
        .values(employee_id=None, linked_at=None)
    )
    return user if result.rowcount else None  # type: ignore[attr-defined]


async def names_and_roles(
    session: AsyncSession, telegram_ids: Iterable[int]
) -> dict[int, tuple[str | None, frozenset[str]]]:
    """Linked employee name (or None) and roles of each known Telegram id (read only)."""
    ids = sorted(set(telegram_ids))
    if not ids:
        return {}
    rows = await session.execute(
        select(BotUser.telegram_id, Employee.name)
        .outerjoin(Employee, Employee.id == BotUser.employee_id)
        .where(BotUser.telegram_id.in_(ids))
    )
    names = {int(tid): name for tid, name in rows.tuples()}
    grants = await session.execute(
        select(RoleGrant.telegram_id, RoleGrant.role).where(RoleGrant.telegram_id.in_(ids))
    )
    roles: dict[int, set[str]] = {}
    for tid, role in grants.tuples():
        roles.setdefault(int(tid), set()).add(str(role))
    known = set(names) | set(roles)
    return {int(tid): (names.get(tid), frozenset(roles.get(int(tid), ()))) for tid in known}
