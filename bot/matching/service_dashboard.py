"""Read-only candidate views for the HR dashboard: ranked candidates with aspiration marks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.planning import Asked
from bot.matching.service import Candidates, MatchingService
from bot.matching.service_hr import asked_of, candidates_of
from storage.queries.employees import get_employees_by_nips


@dataclass(frozen=True)
class Ranked:
    """An open position's candidates with employee ids and aspirations (as /kandidat)."""

    result: Candidates
    employee_ids: dict[str, int]  # NIP -> Employee.id
    asked: dict[int, Asked]  # Employee.id -> their aspiration asking for this unit or post


async def ranked(
    matching: MatchingService, session: AsyncSession, position_pk: int
) -> Ranked | None:
    """The chat's candidate list of ``position_pk`` (None when it is not open)."""
    result = await candidates_of(matching, session, position_pk)
    if result is None:
        return None
    found = await get_employees_by_nips(session, [m.employee.nip for m in result.matches])
    ids = {nip: employee.id for nip, employee in found.items()}
    return Ranked(result, ids, await asked_of(session, position_pk, ids.values()))
