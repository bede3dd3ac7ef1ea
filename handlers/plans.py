"""/rencana: HR drafts mutation plans, submits them, starts consultation, cancels them.

This module registers the whole plans family for HR: the move steps (``plans_moves``),
the move card (``plans_decree``), the trail and export (``plans_audit``), the moves file
import and the consultation reminder and deadline jobs.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans import consultation as kc
from bot.plans import labels, service, service_consultation, service_decree, service_moves, views
from bot.plans import status as st
from bot.plans.jobs import register_consultation_jobs
from handlers import plans_audit, plans_decree, plans_moves
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.plans_common import (
    FLOW,
    HR,
    TEXT_MAX,
    ask_blocked_moves,
    continue_proposal,
    esc,
    move_line,
    plan_flow,
    reason_step,
    show_plan,
    wake_outbox,
)
from handlers.request import Request, inline_markup
from storage.models import ConversationState

NAME_MAX_LEN = 200
NAME_STEP = "name"
CANCEL_STEP = "plan_cancel"
SUBMIT_REASON_STEP = "submit_reason"


async def rencana_cmd(request: Request) -> None:
    """List recent plans with a button each, and a button for a new plan."""
    plans = await views.recent_plans(request.session)
    rows = [
        (
            Button(
                f"#{p.id} {p.name[:40]} · {request.t(labels.PLAN_STATUS[p.status])}",
                b.OpenPlan(p.id),
            ),
        )
        for p in plans
    ]
    rows.append((Button(request.t("plans.btn_new"), b.NewPlan()),))
    text = request.t("plans.list_title") if plans else request.t("plans.list_empty")
    request.send(OutgoingMessage(text, tuple(rows)))


async def new_pressed(request: Request, data: b.NewPlan) -> None:
    """Ask the name of a new plan."""
    request.answer()
    await request.set_state(FLOW, NAME_STEP)
    request.reply_key("plans.ask_name")


async def new_for_proposal_pressed(request: Request, data: b.NewPlanForProposal) -> None:
    """No draft plan for a /kandidat proposal: ask the new plan's name, then continue it."""
    request.answer()
    found = await service_moves.proposal(request.session, data.position_id, data.employee_id)
    if found == "unknown":
        request.reply_key("plans.proposal_gone")
    elif found == "no_draft":
        await request.set_state(FLOW, NAME_STEP, {"propose": [data.position_id, data.employee_id]})
        request.reply_key("plans.ask_name")
    else:  # a draft plan exists by now: the proposal goes there
        await continue_proposal(request, found)


async def name_step(request: Request, state: ConversationState) -> None:
    """Create the plan with the typed name (and continue a waiting /kandidat proposal)."""
    name = expect_text(request, max_len=NAME_MAX_LEN)
    if name is None:
        return
    plan = await service.create_plan(request.session, request.telegram_id, name)
    await request.clear_state()
    request.reply_key("plans.created", id=plan.id)
    propose = state.data.get("propose")
    if propose:
        found = await service_moves.proposal(request.session, int(propose[0]), int(propose[1]))
        if not isinstance(found, str):
            await continue_proposal(request, found)
            return
    await show_plan(request, plan.id)


async def open_pressed(request: Request, data: b.OpenPlan) -> None:
    """Show the plan card in place of the list."""
    request.answer()
    await show_plan(request, data.plan_id, edit=True)


async def submit_pressed(request: Request, data: b.SubmitPlan) -> None:
    """Before sending a draft plan to the approvers, show what goes and ask to confirm."""
    request.answer()
    card = await views.plan_card(request.session, data.plan_id)
    if card is None or card.plan.status != st.PLAN_DRAFT or not card.rows:
        await _not_submittable(request, data.plan_id)
        return
    warned = sum(1 for r in card.rows if r.move.warnings)
    lines = [
        request.t(
            "plans.submit_confirm", id=card.plan.id, name=esc(card.plan.name),
            count=len(card.rows), warned=warned,
        )
    ]  # fmt: skip
    lines += [move_line(request, r) for r in card.rows]
    buttons = (
        (Button(request.t("plans.btn_submit_yes"), b.ConfirmSubmitPlan(card.plan.id)),),
        (Button(request.t("common.btn_back"), b.OpenPlan(card.plan.id)),),
    )
    request.send(OutgoingMessage("\n".join(lines), buttons))


async def submit_confirmed(request: Request, data: b.ConfirmSubmitPlan) -> None:
    """Send a draft plan to the approvers (confirmed; the rules are judged again first)."""
    request.answer()
    await _submit(request, data.plan_id, "")


async def _submit_with_reason(request: Request, data: dict[str, Any], reason: str) -> None:
    """HR submits despite the blocking rules shown, with a written reason."""
    await _submit(request, int(data["plan_id"]), reason)


async def _submit(request: Request, plan_id: int, reason: str) -> None:
    """Submit the plan, or show the moves whose rules need HR's reason and ask it."""
    result = await service.submit_plan(
        request.session, request.now(), request.telegram_id, plan_id,
        settings=request.settings, override_reason=reason,
    )  # fmt: skip
    if result.blocked:
        await request.set_state(FLOW, SUBMIT_REASON_STEP, {"plan_id": plan_id})
        ask_blocked_moves(request, result.blocked)
        return
    await request.clear_state()
    if result.no_approver:
        request.reply_key("plans.no_approver")
        return
    if not result.ok:
        await _not_submittable(request, plan_id)
        return
    wake_outbox(request)
    text = request.t("plans.submitted", id=result.plan_id, count=result.count)
    back = ((Button(request.t("plans.btn_open_plan"), b.OpenPlan(result.plan_id)),),)
    message = OutgoingMessage(text, back)
    request.edit_or_reply(message.text, inline_markup(message))


async def _not_submittable(request: Request, plan_id: int) -> None:
    """Why the plan cannot be submitted now: its status (an old button), or no moves."""
    card = await views.plan_card(request.session, plan_id)
    if card is None or card.plan.status == st.PLAN_DRAFT:
        request.reply_key("plans.cannot_submit")
        return
    status = request.t(labels.PLAN_STATUS[card.plan.status])
    text = request.t("plans.plan_status_now", id=plan_id, status=status)
    request.send(
        OutgoingMessage(text, ((Button(request.t("plans.btn_open_plan"), b.OpenPlan(plan_id)),),))
    )


async def consult_pressed(request: Request, data: b.StartConsultation) -> None:
    """Send each approved move of the plan to its employee."""
    request.answer()
    services = request.services
    result = await service_consultation.start_consultation(
        request.session, request.now(), request.telegram_id, data.plan_id,
        settings=services.settings, scheduler=services.scheduler,
    )  # fmt: skip
    wake_outbox(request)
    request.reply_key("plans.consult_started", sent=result.sent, unlinked=result.unlinked)


async def summary_pressed(request: Request, data: b.PlanSummary) -> None:
    """Answered, agreed, objected, overdue, open questions; objections with reasons."""
    request.answer()
    summary = await views.summary(request.session, data.plan_id)
    lines = [request.t("plans.summary", **vars(summary.tally))]
    for r in summary.rows:
        if r.move.answer == kc.OBJECT:
            lines.append(
                request.t(
                    "plans.objection_line", id=r.move.id, name=esc(r.employee.name),
                    category=request.t(labels.category_key(r.move.answer_category)),
                    text=esc(r.move.answer_text), kept=esc(r.move.kept_reason or "-"),
                )
            )  # fmt: skip
        elif r.move.overdue and r.move.answer is None:
            lines.append(request.t("plans.overdue_line", id=r.move.id, name=esc(r.employee.name)))
    request.reply("\n".join(lines))


async def cancel_plan_pressed(request: Request, data: b.CancelPlan) -> None:
    """Ask HR for the reason before cancelling the plan."""
    request.answer()
    plan = await service_decree.cancellable_plan(request.session, data.plan_id)
    if plan is None:
        request.reply_key("plans.plan_not_cancellable")
        return
    await request.set_state(FLOW, CANCEL_STEP, {"plan_id": plan.id})
    request.reply_key("plans.ask_cancel_plan", id=plan.id, name=esc(plan.name))


async def cancel_plan_step(request: Request, state: ConversationState) -> None:
    """Cancel every open move of the plan, then the plan itself."""
    reason = expect_text(request, max_len=TEXT_MAX)
    if reason is None:
        return
    await request.clear_state()
    services = request.services
    result = await service_decree.cancel_plan(
        request.session, request.now(), request.telegram_id, int(state.data["plan_id"]), reason,
        events=services.events, default_locale=services.settings.default_locale,
    )  # fmt: skip
    if not result.ok:
        request.reply_key("plans.plan_not_cancellable")
        return
    wake_outbox(request)
    request.reply_key(
        "plans.plan_cancelled", id=result.plan_id, count=result.cancelled, told=result.told
    )


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /rencana, its buttons and steps, the plans family and the consultation jobs."""
    services = services_of(app)
    # handlers.delivery_services (registered earlier) created the scheduler and worker.
    register_consultation_jobs(services.scheduler, services.settings, services.outbox.wake)
    add_command(
        app,
        "rencana",
        rencana_cmd,
        roles=HR,
        description_key="cmd.rencana",
        menu_key="menu.rencana",
    )
    add_button(app, b.NewPlan, new_pressed, roles=HR)
    add_button(app, b.OpenPlan, open_pressed, roles=HR)
    add_button(app, b.SubmitPlan, submit_pressed, roles=HR)
    add_button(app, b.ConfirmSubmitPlan, submit_confirmed, roles=HR)
    add_button(app, b.NewPlanForProposal, new_for_proposal_pressed, roles=HR)
    add_button(app, b.StartConsultation, consult_pressed, roles=HR)
    add_button(app, b.PlanSummary, summary_pressed, roles=HR)
    add_button(app, b.CancelPlan, cancel_plan_pressed, roles=HR)
    flow = plan_flow(app)
    flow.on(NAME_STEP, name_step, accepts=Accepts.TEXT, roles=HR)
    flow.on(CANCEL_STEP, cancel_plan_step, accepts=Accepts.TEXT, roles=HR)
    flow.on(SUBMIT_REASON_STEP, reason_step(_submit_with_reason), accepts=Accepts.TEXT, roles=HR)
    plans_moves.register(app)
    plans_decree.register(app)
    plans_audit.register(app)
