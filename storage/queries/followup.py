"""Queries of follow-up cases and their notes. Never commits.

A case names the employee and the survey round only; nothing here reads or writes
survey answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Employee, Unit
from storage.models.followup import FollowupCase, FollowupNote
from storage.models.surveys import Survey, SurveyRound
from storage.queries.shared import compare_and_set, count_overdue

OPEN, CLOSED = "open", "closed"


@dataclass(frozen=True)
class CaseRow:
    """A case with its employee and the employee's unit name."""

    case: FollowupCase
    employee: Employee
    unit: str | None


async def case_of(session: AsyncSession, employee_id: int, round_id: int) -> FollowupCase | None:
    """The employee's case of one survey round, if any."""
    stmt = select(FollowupCase).where(
        FollowupCase.employee_id == employee_id, FollowupCase.round_id == round_id
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def last_owner(session: AsyncSession) -> int | None:
    """The owner of the most recently opened case that has one."""
    stmt = (
        select(FollowupCase.owner_telegram_id)
        .where(FollowupCase.owner_telegram_id.is_not(None))
        .order_by(FollowupCase.id.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def add_case(
    session: AsyncSession,
    *,
    employee_id: int,
    round_id: int,
    created_on: date,
    due_on: date,
    owner: int | None,
) -> FollowupCase:
    """Store a new open case."""
    case = FollowupCase(
        employee_id=employee_id, round_id=round_id, created_on=created_on, due_on=due_on,
        status=OPEN, owner_telegram_id=owner,
    )  # fmt: skip
    session.add(case)
    await session.flush()
    return case


def _with_employee() -> Any:
    """SELECT case, employee, unit name (outer join: a unit may be missing)."""
    return (
        select(FollowupCase, Employee, Unit.name)
        .join(Employee, Employee.id == FollowupCase.employee_id)
        .outerjoin(Unit, Unit.id == Employee.unit_id)
    )


async def case_row(session: AsyncSession, case_id: int) -> CaseRow | None:
    """One case with its employee and unit."""
    row = (await session.execute(_with_employee().where(FollowupCase.id == case_id))).first()
    return CaseRow(row[0], row[1], row[2]) if row is not None else None


async def open_cases(session: AsyncSession, offset: int, limit: int) -> list[CaseRow]:
    """Open cases, the earliest due (so the overdue) first."""
    stmt = (
        _with_employee()
        .where(FollowupCase.status == OPEN)
        .order_by(FollowupCase.due_on, FollowupCase.id)
        .offset(offset)
        .limit(limit)
    )
    return [CaseRow(c, e, u) for c, e, u in (await session.execute(stmt)).tuples()]


async def count_open(session: AsyncSession, today: date) -> tuple[int, int]:
    """(open cases, of which overdue: due before ``today``)."""
    return await count_overdue(session, FollowupCase.status == OPEN, FollowupCase.due_on, today)


async def update_case(
    session: AsyncSession, case_id: int, expect: Mapping[str, object], values: Mapping[str, Any]
) -> bool:
    """Compare-and-set on a case (e.g. still open); True when the row changed."""
    return await compare_and_set(session, FollowupCase, case_id, expect, values)


async def add_note(
    session: AsyncSession, case_id: int, author: int, text: str, at: datetime
) -> FollowupNote:
    """Store one action noted on a case."""
    note = FollowupNote(case_id=case_id, author=author, text=text, at=at)
    session.add(note)
    await session.flush()
    return note


async def notes_of(session: AsyncSession, case_id: int) -> list[FollowupNote]:
    """The notes of a case, oldest first."""
    stmt = select(FollowupNote).where(FollowupNote.case_id == case_id).order_by(FollowupNote.id)
    return list((await session.execute(stmt)).scalars())


async def round_of(session: AsyncSession, round_id: int | None) -> tuple[str, str] | None:
    """(survey title, round label) of a round, or None."""
    if round_id is None:
        return None
    stmt = (
        select(Survey.title, SurveyRound.label)
        .join(SurveyRound, SurveyRound.survey_id == Survey.id)
        .where(SurveyRound.id == round_id)
    )
    row = (await session.execute(stmt)).first()
    return (row[0], row[1]) if row is not None else None
