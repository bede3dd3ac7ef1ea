"""Read-only candidate views for the HR dashboard: ranked candidates with aspiration marks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.matching.service import Candidates, MatchingService
from bot.matching.service_hr import candidates_of
from storage.queries import matching as qm
from storage.queries.employees import get_employees_by_nips


@dataclass(frozen=True)
class Ranked:
    """The candidates of an open position, each with its employee id and aspiration mark."""

    result: Candidates
    employee_ids: dict[str, int]  # NIP -> Employee.id
    aspiring: frozenset[str]  # NIPs whose latest aspiration asks for the position's unit


async def ranked(
    matching: MatchingService, session: AsyncSession, position_pk: int
) -> Ranked | None:
    """The chat's candidate list of ``position_pk`` (None when it is not open)."""
    result = await candidates_of(matching, session, position_pk)
    if result is None:
        return None
    found = await get_employees_by_nips(session, [m.employee.nip for m in result.matches])
    unit = result.position.unit
    aspiring = {
        nip
        for nip, employee in found.items()
        if unit and unit in await qm.aspiration_units(session, employee.id)
    }
    return Ranked(result, {n: e.id for n, e in found.items()}, frozenset(aspiring))
