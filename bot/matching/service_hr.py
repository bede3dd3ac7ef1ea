"""HR matching workflows: find an open position, page and export its candidates, list formasi.

CPU-heavy work (fuzzy search, ranking, the XLSX) runs in a worker thread; the handlers of
/kandidat and /formasi render what these functions return.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.planning import Asked, asked_for
from bot.matching.candidates_xlsx import candidates_workbook
from bot.matching.profiles import PositionSpec
from bot.matching.service import Candidates, Match, MatchingService, search_positions
from storage.models.matching import Position
from storage.queries import audit
from storage.queries import matching as qm
from storage.queries.employees import get_employee, get_employees_by_nips

MAX_CHOICES = 8
FUZZY_CUTOFF = 70.0
TOP_CANDIDATES = 10


@dataclass(frozen=True)
class PositionChoices:
    """Open positions fitting a typed query, with their primary keys (for buttons)."""

    any_open: bool
    found: tuple[tuple[int, PositionSpec], ...]


@dataclass(frozen=True)
class CandidatePage:
    """One page of a position's candidates, and the employee ids of those shown."""

    position_pk: int
    result: Candidates
    page: int
    pages: int
    first: int  # index of the first shown match
    shown: tuple[Match, ...]
    employee_ids: dict[str, int]  # NIP -> Employee.id
    asked: Mapping[int, Asked] = field(default_factory=dict)  # Employee.id -> their wish


@dataclass(frozen=True)
class CandidatesFile:
    """The candidate list as an XLSX document."""

    position: PositionSpec
    data: bytes
    filename: str


@dataclass(frozen=True)
class PositionsPage:
    """One page of open positions."""

    total: int
    page: int
    rows: Sequence[Position]


async def find_positions(
    matching: MatchingService, session: AsyncSession, query: str
) -> PositionChoices:
    """Open positions whose title, unit or code fit ``query`` (typos tolerated)."""
    cat = await matching.catalogue(session)
    if not cat.index.positions:
        return PositionChoices(False, ())
    found = await asyncio.to_thread(
        search_positions, cat.index.positions, query, MAX_CHOICES, FUZZY_CUTOFF
    )
    return PositionChoices(True, tuple((cat.pks[s.position_id], s) for s in found))


async def candidates_of(
    matching: MatchingService, session: AsyncSession, position_pk: int
) -> Candidates | None:
    """The best candidates of an open position (None when it is not open)."""
    position = await qm.get_position_by_pk(session, position_pk)
    if position is None or not position.open:
        return None
    return await matching.candidates(session, position.position_id, top=TOP_CANDIDATES)


async def candidate_page(
    matching: MatchingService, session: AsyncSession, position_pk: int, page: int, size: int
) -> CandidatePage | Candidates | None:
    """One page of candidates; the bare result when nobody fits; None when not open."""
    result = await candidates_of(matching, session, position_pk)
    if result is None or not result.matches:
        return result
    pages = (len(result.matches) + size - 1) // size
    page = min(max(page, 0), pages - 1)
    first = page * size
    shown = result.matches[first : first + size]
    found = await get_employees_by_nips(session, [m.employee.nip for m in shown])
    ids = {nip: employee.id for nip, employee in found.items()}
    asked = await asked_of(session, position_pk, ids.values())
    return CandidatePage(position_pk, result, page, pages, first, shown, ids, asked)


async def asked_of(
    session: AsyncSession, position_pk: int, employee_ids: Iterable[int]
) -> dict[int, Asked]:
    """Which of these employees asked for the position's unit or post in an aspiration."""
    position = await qm.get_position_by_pk(session, position_pk)
    if position is None:
        return {}
    return await asked_for(
        session, employee_ids, position.unit_id, position.unit_name, position.title
    )


@dataclass(frozen=True)
class CandidateDetail:
    """A candidate's place in the list, match, and their aspiration asking for the post."""

    n: int
    match: Match
    asked: Asked | None


async def candidate_detail(
    matching: MatchingService, session: AsyncSession, position_pk: int, employee_id: int
) -> CandidateDetail | None:
    """A candidate's place in the list and match; None when no longer a candidate."""
    result = await candidates_of(matching, session, position_pk)
    employee = await get_employee(session, employee_id)
    if result is None or employee is None:
        return None
    for n, match in enumerate(result.matches, start=1):
        if match.employee.nip == employee.nip:
            asked = await asked_of(session, position_pk, [employee.id])
            return CandidateDetail(n, match, asked.get(employee.id))
    return None


async def export_candidates(
    matching: MatchingService,
    session: AsyncSession,
    actor_id: int,
    position_pk: int,
    locale: str,
) -> CandidatesFile | Candidates | None:
    """The candidates as XLSX (audited); the bare result when nobody fits; None when closed."""
    result = await candidates_of(matching, session, position_pk)
    if result is None or not result.matches:
        return result
    spec = result.position
    data = await asyncio.to_thread(candidates_workbook, result.matches, locale)
    await audit.record(
        session, audit.actor_of(actor_id), "match.candidates_export",
        "position", spec.position_id, rows=len(result.matches),
    )  # fmt: skip
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", spec.position_id)[:40] or "formasi"
    return CandidatesFile(spec, data, f"kandidat-{safe}.xlsx")


async def open_positions_page(session: AsyncSession, page: int, size: int) -> PositionsPage:
    """One page of open positions by code; a page beyond the end shows the last one."""
    page = max(page, 0)
    total, rows = await qm.page_open_positions(session, page * size, size)
    if total and not rows:  # a stale or forged button
        page = (total - 1) // size
        total, rows = await qm.page_open_positions(session, page * size, size)
    return PositionsPage(total, page, rows)
