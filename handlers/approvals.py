"""/persetujuan: the authorised official approves or rejects each move (note on rejection)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans import labels, service_approval, views
from bot.plans import status as st
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.plans_audit import audit_button
from handlers.plans_common import esc, fmt_date, wake_outbox
from handlers.request import Request, inline_markup
from storage.models import ConversationState, PlanMove

FLOW = "apv"
NOTE_STEP = "note"
APPROVER = ("approver",)
NOTE_MAX = 500


async def persetujuan_cmd(request: Request) -> None:
    """Plans waiting for a decision, one button each."""
    plans = await service_approval.waiting_plans(request.session)
    if not plans:
        request.reply_key("plans.apv_none")
        return
    rows = tuple((Button(f"#{p.id} {p.name[:45]}", b.ApprovalPage(p.id, 0)),) for p in plans)
    request.send(OutgoingMessage(request.t("plans.apv_title"), rows))


def _move_text(request: Request, row: views.MoveRow) -> str:
    """One move of the approval page (with the override reason when a rule is broken)."""
    m = row.move
    warn = "\n⚠️ " + esc(m.override_reason) if m.warnings else ""
    return request.t(
        "plans.apv_move", id=m.id, name=esc(row.employee.name), src=esc(row.from_unit),
        src_pos=esc(m.from_position or "-"), dst=esc(row.to_unit), dst_pos=esc(m.to_position),
        tmt=fmt_date(m.proposed_tmt), why=esc(m.rationale or "-"),
        status=request.t(labels.MOVE_STATUS[m.status]),
    ) + warn  # fmt: skip


async def show_page(request: Request, plan_id: int, page: int, *, edit: bool = True) -> None:
    """One page of a plan's moves with approve/reject buttons for the undecided ones."""
    view = await service_approval.approval_page(request.session, plan_id, page)
    if view is None:
        raise CallbackDataError("unknown plan")
    page, t = view.page, request.t
    title = t(
        "plans.apv_plan", id=plan_id, name=esc(view.plan.name), page=page + 1, pages=view.pages
    )
    buttons: list[tuple[Button, ...]] = [
        (Button(t("plans.apv_btn_ok", id=r.move.id), b.Decide(r.move.id, "approve", page)),
         Button(t("plans.apv_btn_no", id=r.move.id), b.Decide(r.move.id, "reject", page)))
        for r in view.rows
        if r.move.status == st.SUBMITTED
    ]  # fmt: skip
    nav = []
    if page > 0:
        nav.append(Button(t("common.btn_prev"), b.ApprovalPage(plan_id, page - 1)))
    if page + 1 < view.pages:
        nav.append(Button(t("common.btn_next"), b.ApprovalPage(plan_id, page + 1)))
    if nav:
        buttons.append(tuple(nav))
    buttons.append((audit_button(request, plan_id),))
    text = "\n\n".join([title, *(_move_text(request, r) for r in view.rows)])
    message = OutgoingMessage(text, tuple(buttons))
    if edit:
        request.edit_or_reply(message.text, inline_markup(message))
    else:
        request.send(message)


async def page_pressed(request: Request, data: b.ApprovalPage) -> None:
    """Page through a submitted plan."""
    request.answer()
    await show_page(request, data.plan_id, data.page)


async def _undecided(request: Request, move_id: int) -> tuple[PlanMove, bool]:
    """The move, and whether it still waits for a decision (else its status is told)."""
    move = await service_approval.move_to_decide(request.session, move_id)
    if move is None:
        raise CallbackDataError("unknown move")
    if move.status == st.SUBMITTED:
        return move, True
    status = request.t(labels.MOVE_STATUS[move.status])
    request.reply_key("plans.apv_already", id=move.id, status=status)
    return move, False


async def decide_pressed(request: Request, data: b.Decide) -> None:
    """Show the move to confirm its approval, or ask the (required) note before rejecting."""
    request.answer()
    move, waiting = await _undecided(request, data.move_id)
    if not waiting:
        return
    if data.decision == "reject":
        await request.set_state(FLOW, NOTE_STEP, {"move_id": move.id, "page": data.page})
        request.reply_key("plans.apv_ask_note", id=move.id)
        return
    row = await views.move_card(request.session, move.id)
    if row is None:
        raise CallbackDataError("unknown move")
    text = "\n\n".join([request.t("plans.apv_confirm", id=move.id), _move_text(request, row)])
    buttons = (
        (Button(request.t("plans.apv_btn_yes", id=move.id), b.ConfirmApprove(move.id, data.page)),),
        (Button(request.t("common.btn_back"), b.ApprovalPage(move.plan_id, data.page)),),
    )
    message = OutgoingMessage(text, buttons)
    request.edit_or_reply(message.text, inline_markup(message))


async def approve_confirmed(request: Request, data: b.ConfirmApprove) -> None:
    """Approve the move (confirmed), then show its page again with what is left to decide."""
    request.answer()
    move, waiting = await _undecided(request, data.move_id)
    if waiting and await _decide(request, move.id, "approve", "") is None:
        return
    await show_page(request, move.plan_id, data.page)


async def note_step(request: Request, state: ConversationState) -> None:
    """The rejection note (required), then reject."""
    note = expect_text(request, max_len=NOTE_MAX)
    if note is None:
        return
    await request.clear_state()
    plan_id = await _decide(request, int(state.data["move_id"]), "reject", note)
    if plan_id is not None:
        await show_page(request, plan_id, int(state.data.get("page", 0)), edit=False)


async def _decide(request: Request, move_id: int, decision: b.Decision, note: str) -> int | None:
    """Apply the decision and confirm it; return the plan id (None when stale)."""
    result = await service_approval.decide(
        request.session, request.now(), request.telegram_id, move_id, decision, note,
        default_locale=request.settings.default_locale,
    )  # fmt: skip
    if not result.done:
        request.reply_key("common.stale_button")
        return None
    request.reply_key(labels.DECIDED[decision], id=move_id)
    wake_outbox(request)
    return result.plan_id


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /persetujuan, its buttons and the rejection note step (approvers only)."""
    add_command(
        app,
        "persetujuan",
        persetujuan_cmd,
        roles=APPROVER,
        description_key="cmd.persetujuan",
        menu_key="menu.persetujuan",
    )
    add_button(app, b.ApprovalPage, page_pressed, roles=APPROVER)
    add_button(app, b.Decide, decide_pressed, roles=APPROVER)
    add_button(app, b.ConfirmApprove, approve_confirmed, roles=APPROVER)
    flow = services_of(app).flows.flow(FLOW, roles=APPROVER)
    flow.on(NOTE_STEP, note_step, accepts=Accepts.TEXT, roles=APPROVER)
