"""HR cancels a whole plan with a reason: its open moves are cancelled, the trail kept.

Decreed moves emit ``MOVE_CANCELLED`` (campaigns and surveys drop what they scheduled);
employees who were already consulted are told.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.events import MOVE_CANCELLED
from bot.plans import status as st
from bot.plans.service import set_status
from bot.texts import t
from handlers.context import services_of
from handlers.flows import expect_text
from handlers.plans_common import cancel_consultation_jobs, employee_chat, enqueue, wake_outbox
from handlers.plans_decree import move_event
from handlers.request import Request
from storage.models import ConversationState
from storage.queries import audit
from storage.queries import plans as q

FLOW = "plan"
STEP = "plan_cancel"
REASON_MAX = 500


async def ask_cancel_plan(request: Request, plan_id: int) -> None:
    """Ask HR for the reason before cancelling the plan."""
    plan = await q.get_plan(request.session, plan_id)
    if plan is None or plan.status == st.PLAN_CANCELLED:
        request.reply_key("plans.plan_not_cancellable")
        return
    await request.set_state(FLOW, STEP, {"plan_id": plan.id})
    request.reply_key("plans.ask_cancel_plan", id=plan.id, name=plan.name)


async def cancel_plan_step(request: Request, state: ConversationState) -> None:
    """Cancel every open move of the plan, then the plan itself (audited with the reason)."""
    reason = expect_text(request, max_len=REASON_MAX)
    if reason is None:
        return
    await request.clear_state()
    plan = await q.get_plan(request.session, int(state.data["plan_id"]))
    if plan is None or plan.status == st.PLAN_CANCELLED:
        request.reply_key("plans.plan_not_cancellable")
        return
    actor = audit.actor_of(request.telegram_id)
    cancelled = told = 0
    for move in await q.moves_of(request.session, plan.id):
        if move.status in st.FINAL:
            continue
        before = move.status
        await set_status(request.session, move, "cancel", actor, reason=reason, plan_cancelled=True)
        await cancel_consultation_jobs(request.session, move.id)
        cancelled += 1
        if before == st.DECREED:
            await request.services.events.emit(MOVE_CANCELLED, request.session, move_event(move))
        if before in (st.CONSULTATION, st.DECREED):
            told += await _tell(request, move.id, move.employee_id)
    before_plan, plan.status = plan.status, st.PLAN_CANCELLED
    await audit.record(
        request.session, actor, "plan.cancelled", "plan", plan.id, before=before_plan,
        reason=reason, moves_cancelled=cancelled,
    )  # fmt: skip
    services = request.services

    async def wake() -> None:
        wake_outbox(services)

    request.later(wake)
    request.reply_key("plans.plan_cancelled", id=plan.id, count=cancelled, told=told)


async def _tell(request: Request, move_id: int, employee_id: int) -> int:
    """Queue the cancellation notice to a consulted employee; 1 when queued."""
    target = await employee_chat(request.session, request.services, employee_id)
    if target is None:
        return 0
    chat_id, locale = target
    text = t(locale, "plans.cancel_notice", id=move_id)
    await enqueue(request.session, request.services, chat_id, text, f"cx{move_id}")
    return 1


def register_steps(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the reason step of cancelling a plan."""
    services_of(app).flows.on(FLOW, STEP, cancel_plan_step)
