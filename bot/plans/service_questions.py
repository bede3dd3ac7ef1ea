"""/tanya: employees' questions about their moves, and HR's answers sent back to them.

An answer is stored once (compare-and-set on "not answered yet") and goes to the
employee through the outbox, with fresh answer buttons while the move still waits.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import queue_message
from bot.messages import OutgoingMessage
from bot.plans import status as st
from bot.plans.consultation_messages import consultation_buttons
from bot.plans.notices import employee_chat, esc
from bot.texts import t
from storage.models import Employee, MoveQuestion
from storage.queries import audit
from storage.queries import plans as q

ANSWER_MAX_LEN = 1000


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
