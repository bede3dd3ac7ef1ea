"""Queries about aspiration windows, aspirations and their history (never commit)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.export import ExportRecord
from bot.aspirations.rules import STORED_STATUSES
from storage.models import (
    Aspiration,
    AspirationHistory,
    AspirationWindow,
    BotUser,
    ConversationState,
    Employee,
    Unit,
)

ASPIRATION_FLOW = "asp"


async def create_window(
    session: AsyncSession,
    name: str,
    starts_at: datetime,
    ends_at: datetime,
    unit_ids: list[int],
    created_by: str,
) -> AspirationWindow:
    """Insert a new window."""
    window = AspirationWindow(
        name=name,
        starts_at=starts_at,
        ends_at=ends_at,
        unit_ids=list(unit_ids),
        created_by=created_by,
    )
    session.add(window)
    await session.flush()
    return window


async def open_window(session: AsyncSession, now: datetime) -> AspirationWindow | None:
    """The window accepting submissions at ``now`` (the latest started one)."""
    result = await session.execute(
        select(AspirationWindow)
        .where(AspirationWindow.closed_at.is_(None))
        .where(AspirationWindow.starts_at <= now, AspirationWindow.ends_at > now)
        .order_by(AspirationWindow.starts_at.desc(), AspirationWindow.id.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def next_window(session: AsyncSession, now: datetime) -> AspirationWindow | None:
    """The next window that has not started yet."""
    result = await session.execute(
        select(AspirationWindow)
        .where(AspirationWindow.closed_at.is_(None), AspirationWindow.starts_at > now)
        .order_by(AspirationWindow.starts_at, AspirationWindow.id)
        .limit(1)
    )
    return result.scalar_one_or_none()


async def pending_windows(session: AsyncSession, now: datetime) -> list[AspirationWindow]:
    """Windows open now or still to come (not closed, end not passed)."""
    result = await session.execute(
        select(AspirationWindow)
        .where(AspirationWindow.closed_at.is_(None), AspirationWindow.ends_at > now)
        .order_by(AspirationWindow.starts_at)
    )
    return list(result.scalars())


async def latest_window(session: AsyncSession) -> AspirationWindow | None:
    """The most recently started window (open or not)."""
    result = await session.execute(
        select(AspirationWindow)
        .order_by(AspirationWindow.starts_at.desc(), AspirationWindow.id.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def list_windows(session: AsyncSession, limit: int = 10) -> list[AspirationWindow]:
    """Recent windows, newest first."""
    result = await session.execute(
        select(AspirationWindow)
        .order_by(AspirationWindow.starts_at.desc(), AspirationWindow.id.desc())
        .limit(limit)
    )
    return list(result.scalars())


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
) -> AspirationHistory:
    """Append one history row with a snapshot of the aspiration's answers."""
    entry = AspirationHistory(
        aspiration_id=aspiration.id,
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


async def unit_choices(session: AsyncSession) -> list[tuple[int, str]]:
    """Every unit as (id, name), by name."""
    result = await session.execute(select(Unit.id, Unit.name).order_by(Unit.name))
    return [(int(i), str(n)) for i, n in result.tuples()]


async def position_titles(session: AsyncSession, unit_id: int | None = None) -> list[str]:
    """Distinct position titles in the roster (of one unit when given)."""
    stmt = select(Employee.position_title).where(Employee.position_title != "").distinct()
    if unit_id is not None:
        stmt = stmt.where(Employee.unit_id == unit_id)
    result = await session.execute(stmt)
    return sorted(str(p) for p in result.scalars())


async def status_counts(session: AsyncSession, window_id: int) -> dict[str, int]:
    """How many aspirations of a window are in each stored status."""
    result = await session.execute(
        select(Aspiration.status, func.count())
        .where(Aspiration.window_id == window_id)
        .group_by(Aspiration.status)
    )
    counts = {s: 0 for s in STORED_STATUSES}
    counts.update({str(s): int(c) for s, c in result.tuples()})
    return counts


async def export_for_user(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """Data-rights export: the employee's aspirations with their history."""
    if user.employee_id is None:
        return {}
    result = await session.execute(
        select(Aspiration, AspirationWindow.name)
        .join(AspirationWindow, AspirationWindow.id == Aspiration.window_id)
        .where(Aspiration.employee_id == user.employee_id)
        .order_by(Aspiration.id)
    )
    items = []
    for a, window_name in result.tuples():
        items.append(
            {
                "reference": a.reference,
                "window": window_name,
                "status": a.status,
                **snapshot(a),
                "eligible": a.eligible,
                "hr_note": a.hr_note,
                "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
                "history": [
                    {
                        "at": h.at.isoformat(),
                        "action": h.action,
                        "status": h.to_status,
                        "note": h.note,
                    }
                    for h in await history(session, a.id)
                ],
            }
        )
    return {"aspirations": items} if items else {}


async def erase_for_user(session: AsyncSession, user: BotUser) -> None:
    """On unlink: drop an unsent aspiration draft; submitted aspirations stay as HR records."""
    await session.execute(
        delete(ConversationState).where(
            ConversationState.telegram_id == user.telegram_id,
            ConversationState.flow == ASPIRATION_FLOW,
        )
    )
