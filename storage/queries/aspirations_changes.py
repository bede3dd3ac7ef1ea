"""Writes to aspirations and windows: inserts and compare-and-set updates. Never commits.

Status changes are ``UPDATE … WHERE status = :old``: the caller learns from the returned
flag whether it won, so two officers deciding the same aspiration at once cannot both
succeed, and an employee's resubmission cannot overwrite a decision made meanwhile.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Aspiration, AspirationWindow, Unit

# The answer columns an employee fills in (what a submission writes).
ANSWER_COLUMNS = (
    "kind",
    "preferences",
    "reason_category",
    "reason_text",
    "willing_to_relocate",
    "relocate_note",
    "eligible",
    "eligibility_problems",
)


async def get_aspiration(session: AsyncSession, aspiration_id: int) -> Aspiration | None:
    """One aspiration by id."""
    return await session.get(Aspiration, aspiration_id)


async def get_window(session: AsyncSession, window_id: int) -> AspirationWindow | None:
    """One window by id."""
    return await session.get(AspirationWindow, window_id)


async def unit_name(session: AsyncSession, unit_id: int | None) -> str | None:
    """The name of a unit, or None."""
    unit = await session.get(Unit, unit_id) if unit_id else None
    return unit.name if unit else None


def _answers(answers: dict[str, Any]) -> dict[str, Any]:
    """Only the answer columns of ``answers`` (a KeyError names a missing one)."""
    return {column: answers[column] for column in ANSWER_COLUMNS}


async def insert_aspiration(
    session: AsyncSession,
    window_id: int,
    employee_id: int,
    answers: dict[str, Any],
    status: str,
    now: datetime,
) -> Aspiration:
    """Insert a submitted aspiration (its id is known on return)."""
    aspiration = Aspiration(
        window_id=window_id,
        employee_id=employee_id,
        status=status,
        submitted_at=now,
        created_at=now,
        updated_at=now,
        **_answers(answers),
    )
    session.add(aspiration)
    await session.flush()
    return aspiration


async def set_reference(session: AsyncSession, aspiration: Aspiration, reference: str) -> None:
    """Give a new aspiration its public reference number."""
    aspiration.reference = reference
    await session.flush()


async def replace_answers(
    session: AsyncSession,
    aspiration_id: int,
    old_status: str,
    new_status: str,
    answers: dict[str, Any],
    now: datetime,
) -> bool:
    """Store new answers and status if the status is still ``old_status``; True if it was."""
    result = await session.execute(
        update(Aspiration)
        .where(Aspiration.id == aspiration_id, Aspiration.status == old_status)
        .values(status=new_status, submitted_at=now, updated_at=now, **_answers(answers))
        .execution_options(synchronize_session="fetch")
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def set_status(
    session: AsyncSession,
    aspiration_id: int,
    old_status: str,
    new_status: str,
    now: datetime,
    *,
    hr_note: str | None = None,
) -> bool:
    """Move an aspiration from ``old_status`` to ``new_status``; False if it had moved on."""
    values: dict[str, Any] = {"status": new_status, "updated_at": now}
    if hr_note is not None:
        values["hr_note"] = hr_note
    result = await session.execute(
        update(Aspiration)
        .where(Aspiration.id == aspiration_id, Aspiration.status == old_status)
        .values(**values)
        .execution_options(synchronize_session="fetch")
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def close_window(session: AsyncSession, window_id: int, now: datetime) -> bool:
    """Close a window that is not closed yet; False when it already was."""
    result = await session.execute(
        update(AspirationWindow)
        .where(AspirationWindow.id == window_id, AspirationWindow.closed_at.is_(None))
        .values(closed_at=now)
        .execution_options(synchronize_session="fetch")
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def set_window_end(session: AsyncSession, window_id: int, ends_at: datetime) -> None:
    """Move a window's end (and reopen it if HR had closed it)."""
    await session.execute(
        update(AspirationWindow)
        .where(AspirationWindow.id == window_id)
        .values(ends_at=ends_at, closed_at=None)
        .execution_options(synchronize_session="fetch")
    )
