"""/persetujuan: the authorised official approves or rejects each move (note on rejection)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.plans import status as st
from bot.plans.service import set_status
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.plans import plan_decided
from handlers.plans_audit import audit_button
from handlers.plans_common import clock_of, esc, fmt_date
from handlers.request import Request, keyboard
from storage.models import ConversationState
from storage.queries import audit
from storage.queries import plans as q

FLOW = "apv"
PAGE = 5
NOTE_MAX = 500


async def persetujuan_cmd(request: Request) -> None:
    """Plans waiting for a decision, one button each."""
    plans = await q.list_plans(request.session, [st.PLAN_SUBMITTED])
    if not plans:
        request.reply_key("plans.apv_none")
        return
    rows = [[(f"#{p.id} {p.name[:45]}", cb.build("apv", "open", p.id, 0))] for p in plans]
    request.reply(request.t("plans.apv_title"), keyboard(rows))


async def show_page(request: Request, plan_id: int, page: int, *, edit: bool = True) -> None:
    """One page of a plan's moves with approve/reject buttons for the undecided ones."""
    plan = await q.get_plan(request.session, plan_id)
    if plan is None:
        raise cb.CallbackDataError("unknown plan")
    rows = await q.move_rows(request.session, plan_id)
    pages = max(1, (len(rows) + PAGE - 1) // PAGE)
    page = min(max(page, 0), pages - 1)
    lines = [
        request.t("plans.apv_plan", id=plan.id, name=esc(plan.name), page=page + 1, pages=pages)
    ]
    buttons: list[list[tuple[str, str]]] = []
    for r in rows[page * PAGE : (page + 1) * PAGE]:
        m = r.move
        warn = "\n⚠️ " + esc(m.override_reason) if m.warnings else ""
        lines.append(
            request.t(
                "plans.apv_move", id=m.id, name=esc(r.employee.name), src=esc(r.from_unit),
                src_pos=esc(m.from_position or "-"), dst=esc(r.to_unit), dst_pos=esc(m.to_position),
                tmt=fmt_date(m.proposed_tmt), why=esc(m.rationale or "-"),
                status=request.t("plans.status", status=m.status),
            ) + warn
        )  # fmt: skip
        if m.status == st.SUBMITTED:
            buttons.append(
                [
                    (request.t("plans.apv_btn_ok", id=m.id), cb.build("apv", "ok", m.id, page)),
                    (request.t("plans.apv_btn_no", id=m.id), cb.build("apv", "no", m.id, page)),
                ]
            )
    nav = []
    if page > 0:
        nav.append((request.t("common.btn_prev"), cb.build("apv", "open", plan_id, page - 1)))
    if page + 1 < pages:
        nav.append((request.t("common.btn_next"), cb.build("apv", "open", plan_id, page + 1)))
    if nav:
        buttons.append(nav)
    buttons.append([audit_button(request, plan_id)])
    text = "\n\n".join(lines)
    if edit:
        request.edit_or_reply(text, keyboard(buttons))
    else:
        request.reply(text, keyboard(buttons))


async def apv_callback(request: Request) -> None:
    """Approve, start a rejection, or page through a plan (approvers only)."""
    data = request.button()
    request.answer()
    if data.action == "open":
        await show_page(request, data.int_arg(0), data.int_arg(1))
        return
    if data.action not in ("ok", "no"):
        raise cb.CallbackDataError("unknown action")
    move = await q.get_move(request.session, data.int_arg(0), lock=True)
    if move is None:
        raise cb.CallbackDataError("unknown move")
    if move.status != st.SUBMITTED:
        request.reply_key(
            "plans.apv_already", id=move.id, status=request.t("plans.status", status=move.status)
        )
        return
    if data.action == "no":
        await request.set_state(FLOW, "note", {"move_id": move.id, "page": data.int_arg(1)})
        request.reply_key("plans.apv_ask_note", id=move.id)
        return
    await _decide(request, move.id, "approve", "")
    await show_page(request, move.plan_id, data.int_arg(1))


async def note_step(request: Request, state: ConversationState) -> None:
    """The rejection note (required), then reject."""
    note = expect_text(request, max_len=NOTE_MAX)
    if note is None:
        return
    await request.clear_state()
    move = await _decide(request, int(state.data["move_id"]), "reject", note)
    if move is not None:
        await show_page(request, move, int(state.data.get("page", 0)), edit=False)


async def _decide(request: Request, move_id: int, action: str, note: str) -> int | None:
    """Apply the decision, audit it, update the plan; return the plan id."""
    move = await q.get_move(request.session, move_id, lock=True)
    if move is None or move.status != st.SUBMITTED:
        request.reply_key("common.stale_button")
        return None
    move.decision_note = note
    move.decided_by = request.telegram_id
    move.decided_at = clock_of(request.services).now()
    await set_status(request.session, move, action, audit.actor_of(request.telegram_id), note=note)
    request.reply_key("plans.apv_done", action=action, id=move.id)
    await plan_decided(request, move.plan_id)
    return move.plan_id


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /persetujuan, its buttons and the rejection note step."""
    add_command(
        app,
        "persetujuan",
        persetujuan_cmd,
        description_key="cmd.persetujuan",
        menu_key="menu.persetujuan",
        roles=("approver",),
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=("approver",))(apv_callback), pattern=cb.pattern("apv"))
    )
    app.bot_data["services"].flows.on(FLOW, "note", note_step)
