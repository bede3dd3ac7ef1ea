"""/persetujuan: the authorised official approves or rejects each move (note on rejection)."""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans import consultation as kc
from bot.plans import labels, service_approval, views
from bot.plans import status as st
from bot.plans.service_approval import own_move
from bot.plans.service_return import change_of
from bot.rules.render import problem_lines
from bot.rules.service import Judgement
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.plans_audit import audit_button
from handlers.plans_common import (
    ask_override,
    asked_line,
    esc,
    fmt_date,
    reason_step,
    wake_outbox,
)
from handlers.request import Request, inline_markup
from storage.models import ConversationState, PlanMove

FLOW = "apv"
NOTE_STEP = "note"
REASON_STEP = "reason"
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


def _move_text(request: Request, row: views.MoveRow, judgement: Judgement | None) -> str:
    """One move of the approval page: a change after approval (old → new) and the
    employee's objection, then the rules not met and HR's overrides."""
    m = row.move
    rules = ""
    if judgement is not None and judgement.problems:
        rules = "\n" + problem_lines(request.locale, judgement)
    text = request.t(
        "plans.apv_move", id=m.id, name=esc(row.employee.name), src=esc(row.from_unit),
        src_pos=esc(m.from_position or "-"), dst=esc(row.to_unit), dst_pos=esc(m.to_position),
        tmt=fmt_date(m.decree_tmt or m.proposed_tmt), why=esc(m.rationale or "-"),
        status=request.t(labels.MOVE_STATUS[m.status]),
    )  # fmt: skip
    return text + asked_line(request, m) + _change_lines(request, m) + rules


def _change_lines(request: Request, m: PlanMove) -> str:
    """What changed after the approval, and the employee's objection, for a move back here."""
    kind = change_of(m) if m.status == st.SUBMITTED else None
    if kind is None:
        return ""
    summary, t = m.change_summary, request.t
    before, after = summary.get("before", {}), summary.get("after", {})
    lines = [t("plans.apv_change", kind=kind, reason=esc(summary.get("reason") or "-"))]
    for field, key in (("unit", "plans.apv_change_unit"), ("position", "plans.apv_change_position"),
                       ("tmt", "plans.apv_change_tmt")):  # fmt: skip
        old, new = str(before.get(field, "-")), str(after.get(field, "-"))
        if old != new:
            if field == "tmt":
                old, new = fmt_date(date.fromisoformat(old)), fmt_date(date.fromisoformat(new))
            lines.append(t(key, old=esc(old), new=esc(new)))
    if m.answer == kc.OBJECT:
        lines.append(t("plans.apv_objection", category=t(labels.category_key(m.answer_category)),
                       text=esc(m.answer_text or "-")))  # fmt: skip
    return "\n" + "\n".join(lines)


async def show_page(request: Request, plan_id: int, page: int, *, edit: bool = True) -> None:
    """One page of a plan's moves with approve/reject buttons for the undecided ones."""
    view = await service_approval.approval_page(request.session, request.settings, plan_id, page)
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
        if r.move.status == st.SUBMITTED and not own_move(r.move, request.telegram_id)
    ]  # fmt: skip
    if any(
        own_move(r.move, request.telegram_id) for r in view.rows if r.move.status == st.SUBMITTED
    ):
        title += "\n" + t("plans.apv_own_note")
    nav = []
    if page > 0:
        nav.append(Button(t("common.btn_prev"), b.ApprovalPage(plan_id, page - 1)))
    if page + 1 < view.pages:
        nav.append(Button(t("common.btn_next"), b.ApprovalPage(plan_id, page + 1)))
    if nav:
        buttons.append(tuple(nav))
    buttons.append((audit_button(request, plan_id),))
    moves = (_move_text(request, r, view.judgements.get(r.move.id)) for r in view.rows)
    text = "\n\n".join([title, *moves])
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
    if move.status == st.SUBMITTED and own_move(move, request.telegram_id):
        request.reply_key("plans.apv_own", id=move.id)
        return move, False
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
    details = await views.move_details(request.session, request.settings, move.id)
    if details is None:
        raise CallbackDataError("unknown move")
    text = "\n\n".join(
        [request.t("plans.apv_confirm", id=move.id),
         _move_text(request, details.row, details.judgement)]
    )  # fmt: skip
    buttons = (
        (Button(request.t("plans.apv_btn_yes", id=move.id), b.ConfirmApprove(move.id, data.page)),),
        (Button(request.t("common.btn_back"), b.ApprovalPage(move.plan_id, data.page)),),
    )
    message = OutgoingMessage(text, buttons)
    request.edit_or_reply(message.text, inline_markup(message))


async def approve_confirmed(request: Request, data: b.ConfirmApprove) -> None:
    """Approve the move (confirmed; the rules judged again), then show its page again."""
    request.answer()
    move, waiting = await _undecided(request, data.move_id)
    if waiting and await _decide(request, move.id, "approve", "", page=data.page) is None:
        return
    await show_page(request, move.plan_id, data.page)


async def _approve_with_reason(request: Request, data: dict[str, Any], reason: str) -> None:
    """The approver's reason to approve despite blocking rules, then approve."""
    await request.clear_state()
    move_id, page = int(data["move_id"]), int(data.get("page", 0))
    plan_id = await _decide(request, move_id, "approve", "", page=page, reason=reason)
    if plan_id is not None:
        await show_page(request, plan_id, page, edit=False)


async def note_step(request: Request, state: ConversationState) -> None:
    """The rejection note (required), then reject."""
    note = expect_text(request, max_len=NOTE_MAX)
    if note is None:
        return
    await request.clear_state()
    plan_id = await _decide(request, int(state.data["move_id"]), "reject", note)
    if plan_id is not None:
        await show_page(request, plan_id, int(state.data.get("page", 0)), edit=False)


async def _decide(
    request: Request, move_id: int, decision: b.Decision, note: str, *, page: int = 0,
    reason: str = "",
) -> int | None:  # fmt: skip
    """Apply the decision and confirm it; return the plan id (None when stale, or when the
    rules need the approver's reason first: then it is asked)."""
    result = await service_approval.decide(
        request.session, request.now(), request.telegram_id, move_id, decision, note,
        settings=request.settings, override_reason=reason, events=request.services.events,
    )  # fmt: skip
    if result.own:
        request.reply_key("plans.apv_own", id=move_id)
        return None
    if result.judgement is not None:
        await request.set_state(FLOW, REASON_STEP, {"move_id": move_id, "page": page})
        ask_override(request, result.judgement)
        return None
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
    flow.on(REASON_STEP, reason_step(_approve_with_reason), accepts=Accepts.TEXT, roles=APPROVER)
