"""Consultation: sending approved moves to employees and recording their answers.

Each consulted move gets a message (through the outbox) with buttons tied to its version,
a reminder and a deadline (scheduler items). An answer is stored once (compare-and-set on
"not answered yet"), stops the reminders, and an objection is reported to HR.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.delivery.outbox import queue_message
from bot.plans import consultation as kc
from bot.plans import status as st
from bot.plans.consultation_messages import consultation_message
from bot.plans.jobs import cancel_consultation_jobs, schedule_consultation_jobs
from bot.plans.notices import employee_chat, notify_role, open_move
from bot.plans.service import set_status
from bot.services.scheduler import Scheduler
from storage.models import PlanMove
from storage.queries import audit
from storage.queries import plans as q

Refused = Literal["not_yours", "outdated"]
Access = Literal["ok"] | Refused
Answered = Literal["recorded", "already"] | Refused


@dataclass(frozen=True)
class Consulted:
    """How many employees were sent their move, and how many have no linked account."""

    sent: int
    unlinked: int


async def start_consultation(
    session: AsyncSession,
    now: datetime,
    actor_id: int,
    plan_id: int,
    *,
    settings: Settings,
    scheduler: Scheduler,
) -> Consulted:
    """Send each approved move of the plan to its employee, with a deadline."""
    sent = unlinked = 0
    # A revised move approved again is consulted anew: the earlier answer no longer holds.
    values = {
        "consulted_at": now,
        "deadline": kc.deadline_from(now),
        "answer": None,
        "answer_category": "",
        "answer_text": "",
        "answered_at": None,
        "overdue": False,
    }
    for move in await q.moves_of(session, plan_id):
        if move.status != st.APPROVED:
            continue
        if not await set_status(session, move, "consult", audit.actor_of(actor_id), values=values):
            continue
        if await send_consultation(session, now, move.id, settings=settings, scheduler=scheduler):
            sent += 1
        else:
            unlinked += 1
    return Consulted(sent, unlinked)


async def send_consultation(
    session: AsyncSession, now: datetime, move_id: int, *, settings: Settings, scheduler: Scheduler
) -> bool:
    """Queue the consultation of the move's current version; False if not linked."""
    row = await q.move_row(session, move_id)
    assert row is not None
    target = await employee_chat(session, row.employee.id, settings.default_locale)
    if target is None:
        return False
    chat_id, locale = target
    message = await consultation_message(session, settings.tz, locale, row)
    key = f"kons{row.move.id}v{row.move.version}"
    await queue_message(session, chat_id, message, key, not_before=now)
    await schedule_consultation_jobs(session, scheduler, row.move)
    return True


async def employee_move(
    session: AsyncSession, actor_id: int, employee_id: int | None, move_id: int
) -> PlanMove | None:
    """The move (row-locked) when it is the employee's own; else None (the refusal audited)."""
    move = await q.get_move(session, move_id, lock=True)
    if move is None or employee_id is None or move.employee_id != employee_id:
        await audit.record(session, audit.actor_of(actor_id), "access.denied", "move", move_id)
        return None
    return move


async def _own_move(
    session: AsyncSession, actor_id: int, employee_id: int | None, move_id: int, version: int
) -> PlanMove | Refused:
    """The move when it is the employee's own and ``version`` is current, else why not."""
    move = await employee_move(session, actor_id, employee_id, move_id)
    if move is None:
        return "not_yours"
    if kc.is_stale(version, move.version, move.status):
        return "outdated"
    return move


async def check_access(
    session: AsyncSession, actor_id: int, employee_id: int | None, move_id: int, version: int
) -> Access:
    """May this employee answer this version of the move now?"""
    found = await _own_move(session, actor_id, employee_id, move_id, version)
    return found if isinstance(found, str) else "ok"


async def record_answer(
    session: AsyncSession,
    now: datetime,
    actor_id: int,
    employee_id: int | None,
    move_id: int,
    version: int,
    answer: str,
    *,
    category: str = "",
    text: str = "",
    default_locale: str,
) -> Answered:
    """Store the employee's answer once (audited), stop reminders, tell HR of objections."""
    move = await _own_move(session, actor_id, employee_id, move_id, version)
    if isinstance(move, str):
        return move
    unanswered = {"status": st.CONSULTATION, "version": version, "answer": None}
    values = {"answer": answer, "answer_category": category, "answer_text": text}
    if not await q.update_move(session, move_id, unanswered, {**values, "answered_at": now}):
        return "already"
    await audit.record(
        session, audit.actor_of(actor_id), "move.answered", "move", move_id,
        version=version, answer=answer, category=category, reason=text,
    )  # fmt: skip
    await cancel_consultation_jobs(session, move_id)
    if answer == kc.OBJECT:
        await notify_role(
            session, now, default_locale, "hr", f"obj{move_id}v{version}", "plans.objection_notice",
            id=move_id, plan=move.plan_id, keyboard=open_move(move_id),
        )  # fmt: skip
    return "recorded"
