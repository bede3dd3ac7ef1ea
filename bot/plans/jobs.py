"""Consultation reminders and deadlines as scheduler items (rows, so a restart keeps them).

A reminder goes to an employee who has not answered two days before the deadline; at the
deadline the move is flagged overdue and HR is told. Both do nothing for a move that was
answered, revised or closed meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.delivery.outbox import queue_message
from bot.plans import consultation as kc
from bot.plans import status as st
from bot.plans.consultation_messages import reminder_message
from bot.plans.notices import employee_chat, notify_role
from bot.services.scheduler import Scheduler
from storage.db import Database
from storage.models import PlanMove, ScheduledItem
from storage.queries import audit
from storage.queries import plans as q
from storage.queries import scheduling as sq

REMINDER = "consultation_reminder"
DEADLINE = "consultation_deadline"
SYSTEM = "system"


async def schedule_consultation_jobs(
    session: AsyncSession, scheduler: Scheduler, move: PlanMove
) -> None:
    """(Re)place the reminder and deadline items of a consulted move."""
    assert move.deadline is not None and move.consulted_at is not None
    for kind in (REMINDER, DEADLINE):
        await sq.cancel_pending(session, kind, move.id, "replaced")
    when = {REMINDER: kc.reminder_time(move.consulted_at, move.deadline), DEADLINE: move.deadline}
    for kind, run_at in when.items():
        await scheduler.schedule(session, kind, move.id, run_at)


async def cancel_consultation_jobs(session: AsyncSession, move_id: int) -> None:
    """Drop pending reminder and deadline items (answered, revised or closed move)."""
    for kind in (REMINDER, DEADLINE):
        await sq.cancel_pending(session, kind, move_id, "closed")


async def _waiting_move(session: AsyncSession, move_id: int) -> PlanMove | None:
    """The move if it still waits for the employee's answer, else None."""
    move = await q.get_move(session, move_id)
    if move is None or move.status != st.CONSULTATION or move.answer is not None:
        return None
    return move


async def remind(session: AsyncSession, move_id: int, now: datetime, settings: Settings) -> None:
    """Remind an employee who has not answered yet (with the answer buttons)."""
    move = await _waiting_move(session, move_id)
    default = settings.default_locale
    target = await employee_chat(session, move.employee_id, default) if move else None
    if move is None or target is None:
        return
    chat_id, locale = target
    message = reminder_message(locale, move, settings.tz)
    key = f"rem{move.id}v{move.version}"
    await queue_message(session, chat_id, message, key, not_before=now)
    await audit.record(session, SYSTEM, "move.reminded", "move", move.id, version=move.version)


async def flag_overdue(
    session: AsyncSession, move_id: int, now: datetime, default_locale: str
) -> None:
    """Flag an unanswered move for HR once its deadline passed."""
    move = await _waiting_move(session, move_id)
    if move is None:
        return
    waiting = {"status": st.CONSULTATION, "answer": None, "version": move.version}
    if not await q.update_move(session, move.id, waiting, {"overdue": True}):
        return
    await audit.record(session, SYSTEM, "move.overdue", "move", move.id, version=move.version)
    await notify_role(
        session, now, default_locale, "hr", f"due{move.id}v{move.version}",
        "plans.overdue_notice", id=move.id, plan=move.plan_id,
    )  # fmt: skip


def register_consultation_jobs(
    scheduler: Scheduler, settings: Settings, wake: Callable[[], None]
) -> None:
    """Teach the scheduler what consultation reminders and deadlines do."""

    async def reminder_due(_db: Database, session: AsyncSession, item: ScheduledItem) -> None:
        """A reminder item fired."""
        await remind(session, item.ref_id, scheduler.clock.now(), settings)

    async def deadline_due(_db: Database, session: AsyncSession, item: ScheduledItem) -> None:
        """A deadline item fired."""
        await flag_overdue(session, item.ref_id, scheduler.clock.now(), settings.default_locale)

    def after(_item: ScheduledItem) -> None:
        """Rows are committed: wake the outbox worker."""
        wake()

    scheduler.register_kind(REMINDER, reminder_due, after)
    scheduler.register_kind(DEADLINE, deadline_due, after)
