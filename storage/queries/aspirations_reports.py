"""HR report queries over the aspirations of a window: lists, counts, summaries, exports."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Aspiration,
    AspirationWindow,
    Employee,
    Unit,
)
from storage.types import ASPIRATION_STORED_STATUSES, ExportRecord


async def list_aspirations(
    session: AsyncSession,
    window_id: int,
    *,
    status: str | None = None,
    unit_id: int | None = None,
    offset: int = 0,
    limit: int = 8,
) -> tuple[list[tuple[Aspiration, Employee]], int]:
    """One page of a window's aspirations (filtered by status and current unit) and the total."""
    stmt = (
        select(Aspiration, Employee)
        .join(Employee, Employee.id == Aspiration.employee_id)
        .where(Aspiration.window_id == window_id)
    )
    if status:
        stmt = stmt.where(Aspiration.status == status)
    if unit_id:
        stmt = stmt.where(Employee.unit_id == unit_id)
    total = await session.scalar(select(func.count()).select_from(stmt.subquery()))
    rows = await session.execute(stmt.order_by(Aspiration.id).offset(offset).limit(limit))
    return [(a, e) for a, e in rows.tuples()], int(total or 0)


async def next_to_decide(
    session: AsyncSession, window_id: int, after_id: int, statuses: tuple[str, ...]
) -> int | None:
    """The window's next aspiration in ``statuses`` after ``after_id`` (wrapping), or None."""
    base = select(Aspiration.id).where(
        Aspiration.window_id == window_id,
        Aspiration.status.in_(statuses),
        Aspiration.id != after_id,
    )
    later = await session.scalar(base.where(Aspiration.id > after_id).order_by(Aspiration.id))
    if later is not None:
        return int(later)
    first = await session.scalar(base.order_by(Aspiration.id))
    return int(first) if first is not None else None


async def units_with_aspirations(
    session: AsyncSession, window_id: int
) -> list[tuple[int, str, int]]:
    """(unit id, name, count) of the employees' current units in a window."""
    result = await session.execute(
        select(Unit.id, Unit.name, func.count(Aspiration.id))
        .join(Employee, Employee.unit_id == Unit.id)
        .join(Aspiration, Aspiration.employee_id == Employee.id)
        .where(Aspiration.window_id == window_id)
        .group_by(Unit.id, Unit.name)
        .order_by(func.count(Aspiration.id).desc(), Unit.name)
    )
    return [(int(i), str(n), int(c)) for i, n, c in result.tuples()]


async def _window_rows(
    session: AsyncSession, window_id: int
) -> list[tuple[Aspiration, Employee, str]]:
    """Every aspiration of a window with its employee and current unit name."""
    result = await session.execute(
        select(Aspiration, Employee, Unit.name)
        .join(Employee, Employee.id == Aspiration.employee_id)
        .outerjoin(Unit, Unit.id == Employee.unit_id)
        .where(Aspiration.window_id == window_id)
        .order_by(Aspiration.id)
    )
    return [(a, e, n or "") for a, e, n in result.tuples()]


async def summary_items(session: AsyncSession, window_id: int) -> list[dict[str, Any]]:
    """Plain dicts for :func:`bot.aspirations.export.summarize`."""
    return [
        {
            "unit": unit,
            "target": (a.preferences[0].get("unit") if a.preferences else "") or "-",
            "kind": a.kind,
            "status": a.status,
            "reason_cat": a.reason_category,
            "eligible": a.eligible,
        }
        for a, _e, unit in await _window_rows(session, window_id)
    ]


async def export_records(session: AsyncSession, window: AspirationWindow) -> list[ExportRecord]:
    """The window's aspirations as export records."""
    return [
        ExportRecord(
            reference=a.reference or "",
            window=window.name,
            nip=e.nip,
            name=e.name,
            unit=unit,
            position=e.position_title,
            rank=e.rank,
            kind=a.kind,
            prefs=list(a.preferences or []),
            reason_cat=a.reason_category,
            reason_text=a.reason_text,
            relocate=a.willing_to_relocate,
            relocate_note=a.relocate_note,
            eligible=a.eligible,
            problems=list(a.eligibility_problems or []),
            status=a.status,
            hr_note=a.hr_note,
            submitted_at=a.submitted_at,
            updated_at=a.updated_at,
        )
        for a, e, unit in await _window_rows(session, window.id)
    ]


async def status_counts(session: AsyncSession, window_id: int) -> dict[str, int]:
    """How many aspirations of a window are in each stored status."""
    result = await session.execute(
        select(Aspiration.status, func.count())
        .where(Aspiration.window_id == window_id)
        .group_by(Aspiration.status)
    )
    counts = {s: 0 for s in ASPIRATION_STORED_STATUSES}
    counts.update({str(s): int(c) for s, c in result.tuples()})
    return counts
