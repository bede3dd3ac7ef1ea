"""The move card of /rencana: keep after objection, decree (SK, TMT), TMT change, done, cancel.

Recording the decree emits ``MOVE_DECREED`` inside the same transaction, so campaigns and
surveys that subscribe are scheduled atomically with it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram.ext import Application

from bot import callback_data as cb
from bot.events import MOVE_CANCELLED, MOVE_DECREED, MOVE_TMT_CHANGED, MoveEvent
from bot.plans import consultation as kc
from bot.plans import status as st
from bot.plans.service import set_status
from handlers.flows import expect_text
from handlers.plans_common import (
    cancel_consultation_jobs,
    employee_chat,
    enqueue,
    esc,
    fmt_date,
    wake_outbox,
)
from handlers.request import Request, keyboard
from storage.models import ConversationState, PlanMove
from storage.queries import audit
from storage.queries import plans as q

FLOW = "plan"
TEXT_MAX = 500


def _actor(request: Request) -> str:
    """The audit actor of the request's user."""
    return audit.actor_of(request.telegram_id)


async def show_move(request: Request, move_id: int) -> None:
    """The move card with the actions its status allows."""
    row = await q.move_row(request.session, move_id)
    if row is None:
        raise cb.CallbackDataError("unknown move")
    m = row.move
    text = request.t(
        "plans.move_card", id=m.id, version=m.version, name=esc(row.employee.name),
        src=esc(row.from_unit), src_pos=esc(m.from_position or "-"), dst=esc(row.to_unit),
        dst_pos=esc(m.to_position), tmt=fmt_date(m.proposed_tmt), why=esc(m.rationale or "-"),
        status=request.t("plans.status", status=m.status),
        answer=request.t("plans.answer", answer=m.answer) if m.answer else "-",
        answer_text=esc(m.answer_text or "-"), note=esc(m.decision_note or "-"),
        sk=esc(m.decree_number or "-"), questions=row.open_questions,
    )  # fmt: skip
    if m.overdue and m.answer is None:
        text += "\n" + request.t("plans.overdue_flag")
    buttons: list[list[tuple[str, str]]] = []
    if m.status == st.CONSULTATION:
        if m.answer == kc.OBJECT or (m.overdue and m.answer is None):
            buttons.append(
                [
                    (request.t("plans.btn_revise"), cb.build("rcn", "rev", m.id)),
                    (request.t("plans.btn_keep"), cb.build("rcn", "keep", m.id)),
                ]
            )
        buttons.append([(request.t("plans.btn_decree"), cb.build("rcn", "sk", m.id))])
    if m.status == st.DECREED:
        buttons.append(
            [
                (request.t("plans.btn_tmt"), cb.build("rcn", "tmt", m.id)),
                (request.t("plans.btn_done"), cb.build("rcn", "done", m.id)),
            ]
        )
    if m.status not in st.FINAL:
        buttons.append([(request.t("plans.btn_cancel_move"), cb.build("rcn", "cancel", m.id))])
    buttons.append([(request.t("common.btn_back"), cb.build("rcn", "open", m.plan_id))])
    request.reply(text, keyboard(buttons))


async def decree_action(request: Request, data: cb.CallbackData) -> None:
    """Buttons of the move card."""
    action = data.action
    move_id = data.int_arg(0)
    move = await q.get_move(request.session, move_id)
    if move is None:
        raise cb.CallbackDataError("unknown move")
    if action == "move":
        await show_move(request, move_id)
        return
    steps = {
        "keep": ("keep", "plans.ask_keep"),
        "sk": ("sk_no", "plans.ask_sk"),
        "tmt": ("new_tmt", "plans.ask_new_tmt"),
        "cancel": ("cancel", "plans.ask_cancel"),
    }
    allowed = {
        "keep": move.status == st.CONSULTATION,
        "sk": move.status == st.CONSULTATION,
        "tmt": move.status == st.DECREED,
        "cancel": move.status not in st.FINAL,
        "done": move.status == st.DECREED,
    }
    if action not in allowed:
        raise cb.CallbackDataError("unknown action")
    if not allowed[action]:
        request.reply_key("plans.not_now", status=request.t("plans.status", status=move.status))
        return
    if action == "sk" and not (move.answer in kc.AGREEING or move.kept_reason):
        request.reply_key("plans.sk_needs_answer")
        return
    if action == "done":
        await set_status(request.session, move, "carry_out", _actor(request))
        request.reply_key("plans.done", id=move.id)
        return
    step, key = steps[action]
    await request.set_state(FLOW, step, {"move_id": move.id, "version": move.version})
    request.reply_key(key, id=move.id)


async def _flow_move(request: Request, state: ConversationState) -> PlanMove | None:
    """The move of the flow if it did not change meanwhile (else say so and leave)."""
    move = await q.get_move(request.session, int(state.data["move_id"]), lock=True)
    if move is None or move.version != int(state.data["version"]):
        await request.clear_state()
        request.reply_key("common.stale_button")
        return None
    return move


async def keep_step(request: Request, state: ConversationState) -> None:
    """Keep an objected move unchanged, with HR's written reason."""
    reason = expect_text(request, max_len=TEXT_MAX)
    move = await _flow_move(request, state) if reason else None
    if move is None or reason is None:
        return
    move.kept_reason = reason
    await audit.record(
        request.session, _actor(request), "move.kept", "move", move.id, reason=reason
    )
    await request.clear_state()
    request.reply_key("plans.kept", id=move.id)


async def sk_no_step(request: Request, state: ConversationState) -> None:
    """Take the decree (SK) number."""
    number = expect_text(request, max_len=100)
    if number is None:
        return
    await request.set_state(FLOW, "sk_tmt", {**state.data, "sk": number})
    request.reply_key("plans.ask_sk_tmt")


def move_event(move: PlanMove) -> MoveEvent:
    """The event subscribers receive about a move."""
    tmt = move.decree_tmt or move.proposed_tmt
    return MoveEvent(move.id, move.employee_id, tmt, move.plan_id, move.to_unit_id)


async def _tell_employee(
    request: Request, move: PlanMove, key: str, text_key: str, **params: Any
) -> None:
    """Queue a notice to the move's employee (if linked) and wake the worker after commit."""
    target = await employee_chat(request.session, request.services, move.employee_id)
    if target is not None:
        chat_id, locale = target
        from bot.texts import t

        await enqueue(
            request.session, request.services, chat_id, t(locale, text_key, **params), key
        )
    services = request.services

    async def wake() -> None:
        wake_outbox(services)

    request.later(wake)


async def _dated_move(request: Request, state: ConversationState) -> tuple[PlanMove, date] | None:
    """The typed TMT and the flow's move; None (after saying why) when either is missing."""
    text = expect_text(request, max_len=20)
    tmt = q.parse_local_date(text) if text else None
    if text is not None and tmt is None:
        request.reply_key("plans.bad_date")
    move = await _flow_move(request, state) if tmt else None
    if move is None or tmt is None:
        return None
    return move, tmt


async def sk_tmt_step(request: Request, state: ConversationState) -> None:
    """Record the decree: status Ditetapkan, tell the employee, emit MOVE_DECREED."""
    found = await _dated_move(request, state)
    if found is None:
        return
    move, tmt = found
    move.decree_number, move.decree_tmt = str(state.data["sk"]), tmt
    await set_status(
        request.session, move, "decree", _actor(request), sk=move.decree_number, tmt=tmt.isoformat()
    )
    await cancel_consultation_jobs(request.session, move.id)
    await request.services.events.emit(MOVE_DECREED, request.session, move_event(move))
    await _tell_employee(
        request, move, f"sk{move.id}", "plans.decree_notice", sk=esc(move.decree_number),
        tmt=fmt_date(tmt), position=esc(move.to_position),
    )  # fmt: skip
    await request.clear_state()
    request.reply_key("plans.decreed", id=move.id, sk=esc(move.decree_number), tmt=fmt_date(tmt))


async def new_tmt_step(request: Request, state: ConversationState) -> None:
    """Change the TMT of a decreed move: tell the employee, emit MOVE_TMT_CHANGED."""
    found = await _dated_move(request, state)
    if found is None:
        return
    move, tmt = found
    before = move.decree_tmt
    move.decree_tmt = tmt
    await set_status(
        request.session,
        move,
        "change_tmt",
        _actor(request),
        before=str(before),
        tmt=tmt.isoformat(),
    )
    await request.services.events.emit(MOVE_TMT_CHANGED, request.session, move_event(move))
    await _tell_employee(
        request, move, f"tmt{move.id}{tmt:%Y%m%d}", "plans.tmt_notice", tmt=fmt_date(tmt)
    )
    await request.clear_state()
    request.reply_key("plans.tmt_changed", id=move.id, tmt=fmt_date(tmt))


async def cancel_step(request: Request, state: ConversationState) -> None:
    """Cancel a move with a reason; tell a consulted employee; emit MOVE_CANCELLED."""
    reason = expect_text(request, max_len=TEXT_MAX)
    move = await _flow_move(request, state) if reason else None
    if move is None or reason is None:
        return
    consulted = move.status in (st.CONSULTATION, st.DECREED)
    await set_status(request.session, move, "cancel", _actor(request), reason=reason)
    await cancel_consultation_jobs(request.session, move.id)
    await request.services.events.emit(MOVE_CANCELLED, request.session, move_event(move))
    if consulted:
        await _tell_employee(request, move, f"cx{move.id}", "plans.cancel_notice", id=move.id)
    await request.clear_state()
    request.reply_key("plans.cancelled", id=move.id)


def register_steps(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the text steps of the move card."""
    flows = app.bot_data["services"].flows
    for step, fn in (
        ("keep", keep_step), ("sk_no", sk_no_step), ("sk_tmt", sk_tmt_step),
        ("new_tmt", new_tmt_step), ("cancel", cancel_step),
    ):  # fmt: skip
        flows.on(FLOW, step, fn)
