"""Audience queries of the delivery engine: who a broadcast reaches. Never commits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.audience import AudienceError, pick_unit
from storage.models.people import BotUser, Employee, RoleGrant, Unit

AudienceResolver = Callable[[AsyncSession, dict[str, Any]], Awaitable[list[int]]]
_RESOLVERS: dict[str, AudienceResolver] = {}


def register_audience_resolver(kind: str, resolver: AudienceResolver) -> None:
    """Let another feature add an audience kind (e.g. ``plan``, ``survey_pending``)."""
    _RESOLVERS[kind] = resolver


def _reachable_linked() -> Any:
    """Select chat ids of linked bot users that are not known to be unreachable."""
    return (
        select(BotUser.telegram_id)
        .join(Employee, Employee.id == BotUser.employee_id)
        .where(BotUser.unreachable_at.is_(None), Employee.active.is_(True))
    )


async def resolve_audience(session: AsyncSession, spec: dict[str, Any]) -> list[int]:
    """Chat ids of the reachable recipients of ``spec``, sorted and without duplicates."""
    kind = spec.get("kind")
    stmt: Any
    if kind == "all":
        stmt = _reachable_linked()
    elif kind == "units":
        unit_ids = list(spec.get("unit_ids") or [])
        if not unit_ids:
            unit_ids = [u for u, _ in await resolve_units(session, spec.get("names") or [])]
        stmt = _reachable_linked().where(Employee.unit_id.in_(unit_ids))
    elif kind == "employees":
        stmt = _reachable_linked().where(Employee.id.in_(spec.get("employee_ids") or []))
    elif kind == "role" and spec.get("role") == "employee":
        stmt = _reachable_linked()
    elif kind == "role":
        stmt = (
            select(BotUser.telegram_id)
            .join(RoleGrant, RoleGrant.telegram_id == BotUser.telegram_id)
            .where(RoleGrant.role == spec.get("role"), BotUser.unreachable_at.is_(None))
        )
    elif isinstance(kind, str) and kind in _RESOLVERS:
        return sorted(set(await _RESOLVERS[kind](session, spec)))
    else:
        raise AudienceError("delivery.audience.unknown", value=str(kind))
    result = await session.execute(stmt)
    return sorted({int(chat_id) for chat_id in result.scalars()})


async def resolve_units(session: AsyncSession, names: Iterable[str]) -> list[tuple[int, str]]:
    """Fuzzy-pick one unit per typed name; raise AudienceError when one is unknown."""
    units = (await session.execute(select(Unit.id, Unit.name))).all()
    by_name = {name: uid for uid, name in units}
    picked: dict[int, str] = {}
    for name in names:
        chosen = pick_unit(name, list(by_name))
        picked[by_name[chosen]] = chosen
    return sorted(picked.items())
