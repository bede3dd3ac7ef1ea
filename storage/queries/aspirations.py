"""Queries about aspirations and their history (never commit).

Window queries live in ``storage.queries.aspirations_windows`` and HR report queries in
``storage.queries.aspirations_reports``; both are re-exported here for the callers that use
this module as one namespace. Data-rights export/erase: ``aspirations_privacy``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Aspiration, AspirationHistory, Employee, Position, Unit, utcnow
from storage.queries.aspirations_reports import (
    export_records,
    list_aspirations,
    next_to_decide,
    status_counts,
    summary_items,
    units_with_aspirations,
)
from storage.queries.aspirations_windows import (
    create_window,
    latest_window,
    list_windows,
    next_window,
    open_window,
    pending_windows,
)

__all__ = [
    "ASPIRATION_FLOW",
    "add_history",
    "aspiration_for",
    "aspirations_of_employees",
    "create_window",
    "export_records",
    "history",
    "latest_for_employee",
    "latest_window",
    "list_aspirations",
    "list_windows",
    "next_to_decide",
    "next_window",
    "open_window",
    "pending_windows",
    "position_titles",
    "snapshot",
    "status_counts",
    "summary_items",
    "unit_choices",
    "units_with_aspirations",
]

ASPIRATION_FLOW = "asp"


async def aspiration_for(
    session: AsyncSession, window_id: int, employee_id: int
) -> Aspiration | None:
    """The employee's aspiration in one window."""
    result = await session.execute(
        select(Aspiration).where(
            Aspiration.window_id == window_id, Aspiration.employee_id == employee_id
        )
    )
    return result.scalar_one_or_none()


async def aspirations_of_employees(
    session: AsyncSession, employee_ids: list[int], statuses: Sequence[str]
) -> list[Aspiration]:
    """The aspirations of these employees in ``statuses``, newest first."""
    if not employee_ids or not statuses:
        return []
    result = await session.execute(
        select(Aspiration)
        .where(Aspiration.employee_id.in_(employee_ids), Aspiration.status.in_(list(statuses)))
        .order_by(Aspiration.id.desc())
    )
    return list(result.scalars())


async def latest_for_employee(session: AsyncSession, employee_id: int) -> Aspiration | None:
    """The employee's most recent aspiration in any window."""
    result = await session.execute(
        select(Aspiration)
        .where(Aspiration.employee_id == employee_id)
        .order_by(Aspiration.id.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def add_history(
    session: AsyncSession,
    aspiration: Aspiration,
    *,
    actor: str,
    actor_telegram_id: int | None,
    action: str,
    from_status: str | None,
    note: str = "",
    at: datetime | None = None,
) -> AspirationHistory:
    """Append one history row with a snapshot of the aspiration's answers."""
    entry = AspirationHistory(
        aspiration_id=aspiration.id,
        at=at or utcnow(),
        actor=actor,
        actor_telegram_id=actor_telegram_id,
        action=action,
        from_status=from_status,
        to_status=aspiration.status,
        note=note,
        snapshot=snapshot(aspiration),
    )
    session.add(entry)
    await session.flush()
    return entry


def snapshot(aspiration: Aspiration) -> dict[str, Any]:
    """The employee's answers as a plain dict (also the shape of a draft)."""
    return {
        "kind": aspiration.kind,
        "prefs": [dict(p) for p in aspiration.preferences or []],
        "reason_cat": aspiration.reason_category,
        "reason_text": aspiration.reason_text,
        "relocate": aspiration.willing_to_relocate,
        "relocate_note": aspiration.relocate_note,
    }


async def history(session: AsyncSession, aspiration_id: int) -> list[AspirationHistory]:
    """The history of one aspiration, oldest first."""
    result = await session.execute(
        select(AspirationHistory)
        .where(AspirationHistory.aspiration_id == aspiration_id)
        .order_by(AspirationHistory.id)
    )
    return list(result.scalars())


async def unit_choices(session: AsyncSession) -> list[tuple[int, str]]:
    """Every unit as (id, name), by name."""
    result = await session.execute(select(Unit.id, Unit.name).order_by(Unit.name))
    return [(int(i), str(n)) for i, n in result.tuples()]


async def open_position_titles(session: AsyncSession, unit_id: int) -> list[str]:
    """Titles of the open positions (jabatan lowong) of one unit."""
    stmt = select(Position.title).where(Position.unit_id == unit_id, Position.open.is_(True))
    return sorted({str(t) for t in (await session.execute(stmt)).scalars()})


async def position_titles(session: AsyncSession, unit_id: int | None = None) -> list[str]:
    """Distinct position titles in the roster (of one unit when given)."""
    stmt = select(Employee.position_title).where(Employee.position_title != "").distinct()
    if unit_id is not None:
        stmt = stmt.where(Employee.unit_id == unit_id)
    result = await session.execute(stmt)
    return sorted(str(p) for p in result.scalars())
