"""What the HR audience picker decides: recipients now, units by typed letters, chosen units.

Audience specs are the JSON-able dicts of ``bot.delivery.audience``. The picker's chat
side (buttons, the HR user's draft) is ``handlers.audience_picker``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.recipients import _RESOLVERS as EXTRA_RESOLVERS
from bot.delivery.recipients import resolve_audience
from bot.unit_search import NameIndex
from storage.queries.employees import list_units

MAX_UNIT_MATCHES = 5
Spec = dict[str, Any]


async def count_recipients(session: AsyncSession, spec: Spec) -> int:
    """How many reachable people ``spec`` resolves to now."""
    return len(await resolve_audience(session, spec))


async def find_units(
    session: AsyncSession, query: str, limit: int = MAX_UNIT_MATCHES
) -> list[tuple[int, str]]:
    """(id, name) of the units best matching typed letters (abbreviations understood)."""
    units = [(unit.id, unit.name) for unit in await list_units(session)]
    matches = NameIndex([name for _, name in units]).search(query, limit=limit)
    return [units[m.index] for m in matches]


async def unit_names(session: AsyncSession, unit_ids: list[int]) -> list[str]:
    """Names of the chosen units, in choice order (unknown ids left out)."""
    names = {unit.id: unit.name for unit in await list_units(session)}
    return [names[i] for i in unit_ids if i in names]


async def toggle_unit(session: AsyncSession, unit_ids: list[int], unit_id: int) -> list[int] | None:
    """The chosen units with ``unit_id`` added or removed; None when no such unit exists."""
    if not await unit_names(session, [unit_id]):
        return None
    if unit_id in unit_ids:
        return [i for i in unit_ids if i != unit_id]
    return [*unit_ids, unit_id]


async def units_audience(session: AsyncSession, unit_ids: list[int]) -> Spec | None:
    """The spec of the chosen units (names kept for the description); None when none."""
    if not unit_ids:
        return None
    return {"kind": "units", "unit_ids": unit_ids, "names": await unit_names(session, unit_ids)}


def ref_audience(kind: str, ref_id: int) -> Spec:
    """The spec of one plan's employees, or of those who have not finished one survey."""
    key = "plan_id" if kind == "plan" else "survey_id"
    return {"kind": kind, "id": ref_id, key: ref_id}


def ref_audience_available(kind: str) -> bool:
    """True when a feature registered the audience kind ``kind`` (plan, survey_pending)."""
    return kind in EXTRA_RESOLVERS
