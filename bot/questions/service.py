"""General questions to BKPSDM: asked by an employee, queued for HR, answered in chat.

A question is due ``QUESTION_TARGET_WORKING_DAYS`` working days after the day it was
asked; HR's queue shows the earliest due first and which are overdue. An answer is stored
once (compare-and-set on "not answered yet") and reaches the employee through the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import queue_message
from bot.followup.rules import is_overdue, page_bounds
from bot.messages import OutgoingMessage
from bot.plans.notices import employee_chat, esc, notify_role
from bot.privacy import mask_nip
from bot.questions import QUESTIONS_PAGE
from bot.questions.rules import add_working_days
from bot.texts import t
from storage.models.questions import GeneralQuestion
from storage.queries import audit
from storage.queries import questions as q
from storage.queries.employees import get_employee


@dataclass(frozen=True)
class Asked:
    """The question went to HR (with its id and due day), or was refused."""

    outcome: Literal["sent", "refused"]
    question_id: int = 0
    due_on: date | None = None


@dataclass(frozen=True)
class QuestionLine:
    """One open question in HR's queue (NIP masked)."""

    question_id: int
    name: str
    masked_nip: str
    unit: str
    text: str
    asked_at: datetime
    due_on: date
    overdue: bool


@dataclass(frozen=True)
class QuestionPage:
    """A page of open questions, the overdue first, with the totals."""

    lines: list[QuestionLine]
    page: int
    pages: int
    total: int
    overdue: int


async def ask(
    session: AsyncSession, now: datetime, today: date, actor_id: int, employee_id: int | None,
    text: str, *, target_days: int, default_locale: str,
) -> Asked:  # fmt: skip
    """Queue an active employee's question for HR and tell every HR officer."""
    employee = await get_employee(session, employee_id) if employee_id is not None else None
    if employee is None or not employee.active:
        return Asked("refused")
    due = add_working_days(today, target_days)
    question = await q.add_question(session, employee.id, text, now, due)
    await audit.record(session, audit.actor_of(actor_id), "question.asked", "question", question.id)
    await notify_role(
        session, now, default_locale, "hr", f"gq{question.id}", "questions.hr_notice",
        id=question.id, days=target_days,
    )  # fmt: skip
    return Asked("sent", question.id, due)


async def open_questions(session: AsyncSession, today: date, page: int) -> QuestionPage:
    """One page of unanswered questions, the earliest due (the overdue) first."""
    total, overdue = await q.count_open(session, today)
    page, pages = page_bounds(total, page, QUESTIONS_PAGE)
    rows = await q.open_questions(session, page * QUESTIONS_PAGE, QUESTIONS_PAGE)
    lines = [
        QuestionLine(
            r.question.id,
            r.employee.name,
            mask_nip(r.employee.nip),
            r.unit or "-",
            r.question.text,
            r.question.asked_at,
            r.question.due_on,
            is_overdue(r.question.due_on, today),
        )
        for r in rows
    ]
    return QuestionPage(lines, page, pages, total, overdue)


async def question(session: AsyncSession, question_id: int) -> GeneralQuestion | None:
    """One question, or None."""
    return await q.get_question(session, question_id)


async def answer(
    session: AsyncSession, now: datetime, actor_id: int, question_id: int, text: str,
    *, default_locale: str,
) -> Literal["sent", "undelivered", "stale"]:  # fmt: skip
    """Store HR's answer once and queue it to the employee (unless unreachable or inactive)."""
    found = await q.get_question(session, question_id)
    values = {"answer": text, "answered_by": actor_id, "answered_at": now}
    if found is None or not await q.update_question(
        session, question_id, {"answered_at": None}, values
    ):
        return "stale"
    await audit.record(
        session, audit.actor_of(actor_id), "question.answered", "question", question_id
    )
    target = await employee_chat(session, found.employee_id, default_locale)
    if target is None:
        return "undelivered"
    chat_id, locale = target
    body = t(locale, "questions.answer_to_employee", question=esc(found.text), answer=esc(text))
    await queue_message(
        session, chat_id, OutgoingMessage(body), f"gqa{question_id}", not_before=now
    )
    return "sent"
