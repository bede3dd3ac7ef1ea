"""Queries of the FAQ and of general questions to BKPSDM. Never commits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Employee, Unit
from storage.models.questions import FaqEntry, GeneralQuestion
from storage.queries.shared import compare_and_set, count_overdue


@dataclass(frozen=True)
class QuestionRow:
    """An open question with the asking employee and the employee's unit name."""

    question: GeneralQuestion
    employee: Employee
    unit: str | None


# -- FAQ -------------------------------------------------------------------------------------


async def faq_entries(session: AsyncSession) -> list[FaqEntry]:
    """Every FAQ entry, in the order they were added."""
    return list((await session.execute(select(FaqEntry).order_by(FaqEntry.id))).scalars())


async def faq_entry(session: AsyncSession, entry_id: int) -> FaqEntry | None:
    """One FAQ entry, or None."""
    return await session.get(FaqEntry, entry_id)


async def add_faq(session: AsyncSession, values: Mapping[str, str], actor: int) -> FaqEntry:
    """Store a new FAQ entry."""
    entry = FaqEntry(**values, updated_by=actor)
    session.add(entry)
    await session.flush()
    return entry


async def update_faq(
    session: AsyncSession, entry_id: int, values: Mapping[str, Any], actor: int, at: datetime
) -> bool:
    """Change fields of a FAQ entry; False when it is gone."""
    changes = {**values, "updated_by": actor, "updated_at": at}
    return await compare_and_set(session, FaqEntry, entry_id, {}, changes)


async def remove_faq(session: AsyncSession, entry_id: int) -> bool:
    """Delete a FAQ entry; False when it was already gone."""
    result = await session.execute(delete(FaqEntry).where(FaqEntry.id == entry_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


# -- general questions ----------------------------------------------------------------------


async def add_question(
    session: AsyncSession, employee_id: int, text: str, asked_at: datetime, due_on: date
) -> GeneralQuestion:
    """Store an employee's question."""
    question = GeneralQuestion(employee_id=employee_id, text=text, asked_at=asked_at, due_on=due_on)
    session.add(question)
    await session.flush()
    return question


async def get_question(session: AsyncSession, question_id: int) -> GeneralQuestion | None:
    """One general question, or None."""
    return await session.get(GeneralQuestion, question_id)


async def open_questions(session: AsyncSession, offset: int, limit: int) -> list[QuestionRow]:
    """Unanswered questions, the earliest due (so the overdue) first."""
    stmt = (
        select(GeneralQuestion, Employee, Unit.name)
        .join(Employee, Employee.id == GeneralQuestion.employee_id)
        .outerjoin(Unit, Unit.id == Employee.unit_id)
        .where(GeneralQuestion.answered_at.is_(None))
        .order_by(GeneralQuestion.due_on, GeneralQuestion.id)
        .offset(offset)
        .limit(limit)
    )
    return [QuestionRow(q, e, u) for q, e, u in (await session.execute(stmt)).tuples()]


async def count_open(session: AsyncSession, today: date) -> tuple[int, int]:
    """(unanswered questions, of which overdue: due before ``today``)."""
    waiting = GeneralQuestion.answered_at.is_(None)
    return await count_overdue(session, waiting, GeneralQuestion.due_on, today)


async def update_question(
    session: AsyncSession, question_id: int, expect: Mapping[str, object], values: Mapping[str, Any]
) -> bool:
    """Compare-and-set on a question (e.g. still unanswered); True when the row changed."""
    return await compare_and_set(session, GeneralQuestion, question_id, expect, values)
