"""/rencana: HR drafts mutation plans, submits them, starts consultation, reads the trail."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.plans import consultation as kc
from bot.plans import status as st
from bot.plans.service import refresh_plan_status, set_status
from handlers import plans_audit, plans_cancel, plans_import, plans_moves
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.plans_common import (
    clock_of,
    esc,
    notify_role,
    register_kinds,
    send_consultation,
    wake_outbox,
)
from handlers.request import Request, keyboard
from storage.models import ConversationState
from storage.queries import audit
from storage.queries import plans as q

FLOW = "plan"
NAME_MAX_LEN = 200


def actor(request: Request) -> str:
    """The audit actor of the request's user."""
    return audit.actor_of(request.telegram_id)


async def rencana_cmd(request: Request) -> None:
    """List recent plans with a button each, and a button for a new plan."""
    plans = await q.list_plans(request.session)
    rows = [
        [
            (
                f"#{p.id} {p.name[:40]} · {request.t('plans.pstatus', status=p.status)}",
                cb.build("rcn", "open", p.id),
            )
        ]
        for p in plans
    ]
    rows.append([(request.t("plans.btn_new"), cb.build("rcn", "new"))])
    text = request.t("plans.list_title") if plans else request.t("plans.list_empty")
    request.reply(text, keyboard(rows))


async def show_plan(request: Request, plan_id: int, *, edit: bool = False) -> None:
    """The plan card: status, moves, and the actions its status allows."""
    plan = await q.get_plan(request.session, plan_id)
    if plan is None:
        request.reply_key("common.stale_button")
        return
    rows = await q.move_rows(request.session, plan_id)
    lines = [
        request.t(
            "plans.card",
            id=plan.id,
            name=esc(plan.name),
            status=request.t("plans.pstatus", status=plan.status),
        )
    ]
    for r in rows:
        flag = " ⚠️" if r.move.warnings else ""
        answer = f" · {request.t('plans.answer', answer=r.move.answer)}" if r.move.answer else ""
        lines.append(
            request.t(
                "plans.move_line", id=r.move.id, name=esc(r.employee.name), src=esc(r.from_unit),
                dst=esc(r.to_unit), status=request.t("plans.status", status=r.move.status),
            ) + answer + flag
        )  # fmt: skip
    if not rows:
        lines.append(request.t("plans.no_moves"))
    buttons: list[list[tuple[str, str]]] = []
    if plan.status == st.PLAN_DRAFT:
        buttons.append([(request.t("plans.btn_add"), cb.build("rcn", "add", plan.id))])
        if rows:
            buttons.append([(request.t("plans.btn_submit"), cb.build("rcn", "submit", plan.id))])
    if plan.status == st.PLAN_ACTIVE and any(r.move.status == st.APPROVED for r in rows):
        buttons.append([(request.t("plans.btn_consult"), cb.build("rcn", "consult", plan.id))])
    if rows:
        buttons.append([(request.t("plans.btn_moves"), cb.build("rcn", "moves", plan.id, 0))])
        buttons.append(
            [
                (request.t("plans.btn_summary"), cb.build("rcn", "sum", plan.id)),
                (request.t("plans.btn_xlsx"), cb.build("rcn", "xlsx", plan.id)),
            ]
        )
        buttons.append(
            [
                (request.t("plans.btn_audit"), cb.build("rcn", "audit", plan.id)),
                (request.t("plans.btn_workload"), cb.build("bk", "plan", plan.id)),
            ]
        )
    if plan.status != st.PLAN_CANCELLED:
        buttons.append([(request.t("plans.btn_cancel_plan"), cb.build("rcn", "pcx", plan.id))])
    text = "\n".join(lines)
    if edit:
        request.edit_or_reply(text, keyboard(buttons))
    else:
        request.reply(text, keyboard(buttons))


async def name_step(request: Request, state: ConversationState) -> None:
    """Create the plan with the typed name."""
    name = expect_text(request, max_len=NAME_MAX_LEN)
    if name is None:
        return
    plan = await q.create_plan(request.session, name, request.telegram_id)
    await audit.record(request.session, actor(request), "plan.created", "plan", plan.id, name=name)
    await request.clear_state()
    request.reply_key("plans.created", id=plan.id)
    await show_plan(request, plan.id)


async def rcn_callback(request: Request) -> None:
    """Every plan-level button of /rencana (HR only)."""
    data = request.button()
    request.answer()
    action = data.action
    if action == "new":
        await request.set_state(FLOW, "name")
        request.reply_key("plans.ask_name")
    elif action == "open":
        await show_plan(request, data.int_arg(0), edit=True)
    elif action == "submit":
        await _submit(request, data.int_arg(0))
    elif action == "consult":
        await _start_consultation(request, data.int_arg(0))
    elif action == "sum":
        await _summary(request, data.int_arg(0))
    elif action == "xlsx":
        await plans_audit.export_plan(request, data.int_arg(0))
    elif action == "audit":
        await plans_audit.send_audit(request, data.int_arg(0))
    elif action == "pcx":
        await plans_cancel.ask_cancel_plan(request, data.int_arg(0))
    else:
        await plans_moves.move_action(request, data)


async def _submit(request: Request, plan_id: int) -> None:
    """Send a draft plan to the approvers."""
    plan = await q.get_plan(request.session, plan_id)
    moves = await q.moves_of(request.session, plan_id)
    if plan is None or plan.status != st.PLAN_DRAFT or not moves:
        request.reply_key("plans.cannot_submit")
        return
    for move in moves:
        if move.status == st.DRAFT:
            await set_status(request.session, move, "submit", actor(request))
    plan.status = st.PLAN_SUBMITTED
    plan.submitted_at = clock_of(request.services).now()
    await audit.record(
        request.session, actor(request), "plan.submitted", "plan", plan.id, moves=len(moves)
    )
    await notify_role(
        request.session, request.services, "approver", f"plan{plan.id}sub", "plans.approver_notice",
        id=plan.id, name=esc(plan.name), count=len(moves),
    )  # fmt: skip
    request.later(_async(wake_outbox, request.services))
    request.reply_key("plans.submitted", id=plan.id, count=len(moves))


def _async(fn: Any, *args: Any) -> Any:
    """Wrap a plain call as a deferred coroutine function."""

    async def run() -> None:
        fn(*args)

    return run


async def _start_consultation(request: Request, plan_id: int) -> None:
    """Send each approved move of the plan to its employee (through the outbox)."""
    now = clock_of(request.services).now()
    sent = unlinked = 0
    for move in await q.moves_of(request.session, plan_id):
        if move.status != st.APPROVED:
            continue
        await set_status(request.session, move, "consult", actor(request))
        move.consulted_at = now
        move.deadline = kc.deadline_from(now)
        if await send_consultation(request.session, request.services, move.id):
            sent += 1
        else:
            unlinked += 1
    request.later(_async(wake_outbox, request.services))
    request.reply_key("plans.consult_started", sent=sent, unlinked=unlinked)


async def _summary(request: Request, plan_id: int) -> None:
    """Answered, agreed, objected, overdue, open questions; objections with reasons."""
    rows = await q.move_rows(request.session, plan_id)
    tally = kc.tally(
        kc.MoveView(r.move.status, r.move.answer, r.move.overdue, r.open_questions) for r in rows
    )
    lines = [request.t("plans.summary", **vars(tally))]
    for r in rows:
        if r.move.answer == kc.OBJECT:
            lines.append(
                request.t(
                    "plans.objection_line", id=r.move.id, name=esc(r.employee.name),
                    category=request.t("plans.cat", category=(r.move.answer_category or "other")),
                    text=esc(r.move.answer_text), kept=esc(r.move.kept_reason or "-"),
                )
            )  # fmt: skip
        elif r.move.overdue and r.move.answer is None:
            lines.append(request.t("plans.overdue_line", id=r.move.id, name=esc(r.employee.name)))
    request.reply("\n".join(lines))


async def plan_decided(request: Request, plan_id: int) -> None:
    """After an approver's decision: activate the plan and tell HR when all are decided."""
    before = await q.get_plan(request.session, plan_id)
    was = before.status if before else ""
    after = await refresh_plan_status(request.session, plan_id, actor(request))
    if was == st.PLAN_SUBMITTED and after == st.PLAN_ACTIVE:
        moves = await q.moves_of(request.session, plan_id)
        approved = sum(m.status == st.APPROVED for m in moves)
        await notify_role(
            request.session, request.services, "hr", f"plan{plan_id}dec", "plans.decided_notice",
            id=plan_id, approved=approved, rejected=len(moves) - approved,
        )  # fmt: skip
    request.later(_async(wake_outbox, request.services))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /rencana, its buttons and steps, and the consultation jobs."""
    services = app.bot_data["services"]
    # handlers.delivery_services (registered earlier) created the scheduler and worker.
    register_kinds(services.extras["scheduler"], services)
    add_command(
        app,
        "rencana",
        rencana_cmd,
        description_key="cmd.rencana",
        menu_key="menu.rencana",
        roles=("hr",),
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=("hr",))(rcn_callback), pattern=cb.pattern("rcn"))
    )
    services.flows.on(FLOW, "name", name_step)
    plans_moves.register_steps(app)
    plans_cancel.register_steps(app)
    plans_import.register(app)
    plans_audit.register(app)
