"""/tanya: employees' questions about their moves, and HR's answers sent back to them.

An employee asks ("Tanya BKPSDM") while the move is under consultation, and after the
decision until TMT + 30 days (checked when the button is pressed and when the question
is sent). An answer is stored once (compare-and-set on "not answered yet") and goes to
the employee through the outbox, with fresh answer buttons while the move still waits.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import queue_message
from bot.messages import OutgoingMessage
from bot.plans import consultation as kc
from bot.plans import status as st
from bot.plans.consultation_messages import consultation_buttons
from bot.plans.notices import answer_or_open, employee_chat, esc, notify_role
from bot.plans.service_consultation import employee_move
from bot.texts import t
from storage.models import Employee, MoveQuestion, PlanMove
from storage.queries import audit
from storage.queries import plans as q

ANSWER_MAX_LEN = 1000
QuestionAccess = Literal["ok", "not_yours", "outdated", "too_late"]


def question_tmt(move: PlanMove) -> date:
    """The TMT the question window runs from: the decree's, else the proposed one."""
    return move.decree_tmt or move.proposed_tmt


async def _askable(
    session: AsyncSession, today: date, actor_id: int, employee_id: int | None, move_id: int,
    version: int,
) -> PlanMove | QuestionAccess:  # fmt: skip
    """The move when its employee may ask about it today, else why not."""
    move = await employee_move(session, actor_id, employee_id, move_id)
    if move is None:
        return "not_yours"
    refusal = kc.question_refusal(
        version, move.version, move.status, move.consulted_at is not None, question_tmt(move),
        today,
    )  # fmt: skip
    return refusal or move


async def check_question(
    session: AsyncSession, today: date, actor_id: int, employee_id: int | None, move_id: int,
    version: int,
) -> QuestionAccess:  # fmt: skip
    """May this employee ask BKPSDM about this move today?"""
    found = await _askable(session, today, actor_id, employee_id, move_id, version)
    return found if isinstance(found, str) else "ok"


async def ask_question(
    session: AsyncSession, now: datetime, today: date, actor_id: int, employee_id: int | None,
    move_id: int, version: int, text: str, *, default_locale: str,
) -> QuestionAccess:  # fmt: skip
    """Queue the employee's question about their move for HR (/tanya), refused after the
    question window (TMT + 30 days) even from an old button or a kept draft."""
    move = await _askable(session, today, actor_id, employee_id, move_id, version)
    if isinstance(move, str):
        return move
    question = await q.add_question(session, move, text)
    await audit.record(
        session, audit.actor_of(actor_id), "move.question", "move", move_id,
        question_id=question.id,
    )  # fmt: skip
    await notify_role(
        session, now, default_locale, "hr", f"q{question.id}", "plans.question_notice",
        id=move_id, keyboard=answer_or_open(question.id, move_id),
    )  # fmt: skip
    return "ok"


async def open_questions(session: AsyncSession) -> list[tuple[MoveQuestion, Employee]]:
    """Unanswered questions, oldest first, with the asking employee."""
    return await q.open_questions(session)


async def question(session: AsyncSession, question_id: int) -> MoveQuestion | None:
    """The question with this id, or None."""
    return await q.get_question(session, question_id)


async def answer_question(
    session: AsyncSession,
    now: datetime,
    actor_id: int,
    question_id: int,
    text: str,
    *,
    default_locale: str,
) -> bool:
    """Store HR's answer and queue it to the employee; False when gone or already answered."""
    found = await q.get_question(session, question_id)
    move = await q.get_move(session, found.move_id) if found else None
    if found is None or move is None:
        return False
    values = {"answer": text, "answered_by": actor_id, "answered_at": now}
    if not await q.update_question(session, question_id, {"answered_at": None}, values):
        return False
    await audit.record(
        session, audit.actor_of(actor_id), "move.question_answered", "move", move.id,
        question_id=question_id,
    )  # fmt: skip
    target = await employee_chat(session, move.employee_id, default_locale)
    if target is None:
        return True
    chat_id, locale = target
    body = t(locale, "plans.answer_to_employee", id=move.id, question=esc(found.text),
             answer=esc(text))  # fmt: skip
    waiting = move.status == st.CONSULTATION and move.answer is None
    buttons = consultation_buttons(locale, move.id, move.version) if waiting else ()
    message = OutgoingMessage(body, buttons)
    await queue_message(session, chat_id, message, f"qa{question_id}", not_before=now)
    return True
