"""The move card of /rencana: keep after objection, decree (SK, TMT), TMT change, done, cancel.

The card's buttons start a typed step; each step re-checks the move's version in the
service (``bot.plans.service_decree``), which emits the move events.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans import consultation as kc
from bot.plans import labels, service_decree, views
from bot.plans import status as st
from bot.plans.service_decree import MoveAction
from bot.plans.service_return import NoApprover
from bot.rules.buttons import RecordApproval
from bot.rules.service import NeedsReason
from handlers.buttons import add_button
from handlers.dates import date_example, typed_date
from handlers.flows import Accepts, expect_text
from handlers.plans_common import (
    FLOW,
    HR,
    TEXT_MAX,
    ask_override,
    asked_line,
    esc,
    fmt_date,
    plan_flow,
    reason_step,
    wake_outbox,
    with_rules,
)
from handlers.request import Request
from storage.models import ConversationState

KEEP, SK_NUMBER, SK_TMT, NEW_TMT, CANCEL = "keep", "sk_no", "sk_tmt", "new_tmt", "cancel"
SK_REASON, TMT_REASON = "sk_reason", "tmt_reason"


def card_text(request: Request, row: views.MoveRow) -> str:
    """The move card's text."""
    m, t = row.move, request.t
    text = t(
        "plans.move_card", id=m.id, version=m.version, name=esc(row.employee.name),
        src=esc(row.from_unit), src_pos=esc(m.from_position or "-"), dst=esc(row.to_unit),
        dst_pos=esc(m.to_position), tmt=fmt_date(m.proposed_tmt), why=esc(m.rationale or "-"),
        status=t(labels.MOVE_STATUS[m.status]),
        answer=t(labels.ANSWER[m.answer]) if m.answer else "-",
        answer_text=esc(m.answer_text or "-"), note=esc(m.decision_note or "-"),
        sk=esc(m.decree_number or "-"), questions=row.open_questions,
    )  # fmt: skip
    if m.overdue and m.answer is None:
        text += "\n" + t("plans.overdue_flag")
    return text + asked_line(request, m)


def card_buttons(request: Request, details: views.MoveDetails) -> list[list[Button]]:
    """The actions the move's status allows."""
    row = details.row
    m, t = row.move, request.t
    buttons: list[list[Button]] = []
    if m.status not in st.FINAL and any(r.rule == "freeze" and r.code != "freeze_none"
                                        for r in details.judgement.results):  # fmt: skip
        buttons.append([Button(t("rules.btn_approval"), RecordApproval(m.id))])
    if m.status == st.CONSULTATION:
        if m.answer == kc.OBJECT or (m.overdue and m.answer is None):
            buttons.append([Button(t("plans.btn_revise"), b.ReviseMove(m.id)),
                            Button(t("plans.btn_keep"), b.KeepMove(m.id))])  # fmt: skip
        buttons.append([Button(t("plans.btn_decree"), b.DecreeMove(m.id))])
    if m.status == st.DECREED:
        buttons.append([Button(t("plans.btn_tmt"), b.ChangeTmt(m.id)),
                        Button(t("plans.btn_done"), b.CarryOut(m.id))])  # fmt: skip
    if m.status not in st.FINAL:
        buttons.append([Button(t("plans.btn_cancel_move"), b.CancelMove(m.id))])
    buttons.append([Button(t("common.btn_back"), b.OpenPlan(m.plan_id))])
    return buttons


async def open_move_pressed(request: Request, data: b.OpenMove) -> None:
    """The move card with the actions its status allows."""
    request.answer()
    details = await views.move_details(request.session, request.settings, data.move_id)
    if details is None:
        raise CallbackDataError("unknown move")
    buttons = tuple(map(tuple, card_buttons(request, details)))
    text = with_rules(request, card_text(request, details.row), details.judgement)
    request.send(OutgoingMessage(text, buttons))


async def _start(request: Request, move_id: int, action: MoveAction, step: str, key: str) -> None:
    """Start a typed step on the move if its status allows ``action`` now."""
    request.answer()
    checked = await service_decree.check_action(
        request.session, move_id, action, request.telegram_id
    )
    if checked.problem == "unknown":
        raise CallbackDataError("unknown move")
    if checked.problem == "not_now":
        request.reply_key("plans.not_now", status=request.t(labels.MOVE_STATUS[checked.status]))
    elif checked.problem == "needs_answer":
        request.reply_key("plans.sk_needs_answer")
    elif checked.problem == "no_approver":
        request.reply_key("plans.no_approver")
    else:
        await request.set_state(FLOW, step, {"move_id": move_id, "version": checked.version})
        request.reply_key(key, id=move_id, example=date_example(request))


async def keep_pressed(request: Request, data: b.KeepMove) -> None:
    """Keep an objected move: ask the reason."""
    await _start(request, data.move_id, "keep", KEEP, "plans.ask_keep")


async def decree_pressed(request: Request, data: b.DecreeMove) -> None:
    """Record the decree: ask the SK number."""
    await _start(request, data.move_id, "decree", SK_NUMBER, "plans.ask_sk")


async def tmt_pressed(request: Request, data: b.ChangeTmt) -> None:
    """Change the TMT of a decreed move: ask the new date."""
    await _start(request, data.move_id, "change_tmt", NEW_TMT, "plans.ask_new_tmt")


async def cancel_pressed(request: Request, data: b.CancelMove) -> None:
    """Cancel a move: ask the reason."""
    await _start(request, data.move_id, "cancel", CANCEL, "plans.ask_cancel")


async def done_pressed(request: Request, data: b.CarryOut) -> None:
    """Mark a decreed move as carried out."""
    request.answer()
    checked = await service_decree.carry_out(
        request.session, request.telegram_id, data.move_id, request.today()
    )
    if checked.problem == "unknown":
        raise CallbackDataError("unknown move")
    if checked.problem == "before_tmt":
        request.reply_key("plans.done_before_tmt", id=data.move_id)
        return
    if checked.problem:
        request.reply_key("plans.not_now", status=request.t(labels.MOVE_STATUS[checked.status]))
        return
    request.reply_key("plans.done", id=data.move_id)


async def _finish(request: Request, changed: bool | NoApprover, key: str, **params: object) -> None:
    """Leave the step; confirm the change, or say the move changed meanwhile, or that no
    approver but HR could decide it."""
    await request.clear_state()
    if isinstance(changed, NoApprover):
        request.reply_key("plans.no_approver")
        return
    if not changed:
        request.reply_key("common.stale_button")
        return
    wake_outbox(request)
    request.reply_key(key, **params)


def _move(state: ConversationState) -> tuple[int, int]:
    """(move id, version) the step is about."""
    return int(state.data["move_id"]), int(state.data["version"])


async def keep_step(request: Request, state: ConversationState) -> None:
    """Keep an objected move unchanged, with HR's written reason."""
    reason = expect_text(request, max_len=TEXT_MAX)
    if reason is None:
        return
    move_id, version = _move(state)
    kept = await service_decree.keep_move(
        request.session, request.now(), request.telegram_id, move_id, version, reason,
        default_locale=request.settings.default_locale,
    )  # fmt: skip
    await _finish(request, kept, "plans.kept", id=move_id)


async def sk_number_step(request: Request, state: ConversationState) -> None:
    """Take the decree (SK) number."""
    number = expect_text(request, max_len=100)
    if number is None:
        return
    await request.set_state(FLOW, SK_TMT, {**state.data, "sk": number})
    request.reply_key("plans.ask_sk_tmt", example=date_example(request))


async def sk_tmt_step(request: Request, state: ConversationState) -> None:
    """Take the SK's TMT, then record the decree (the rules are judged on that TMT)."""
    typed = typed_date(request)
    if typed is None:
        return
    await _decree(request, {**state.data, "tmt": typed.day.isoformat()}, "")


async def _decree(request: Request, data: dict[str, Any], reason: str) -> None:
    """Record the decree: status Ditetapkan, the employee told, MOVE_DECREED emitted; or
    show the rules not met on the SK's TMT and ask HR's reason."""
    move_id, version = int(data["move_id"]), int(data["version"])
    number, tmt, services = str(data["sk"]), date.fromisoformat(str(data["tmt"])), request.services
    decreed = await service_decree.decree_move(
        request.session, request.now(), request.telegram_id, move_id, version, number, tmt,
        events=services.events, default_locale=services.settings.default_locale,
        settings=services.settings, override_reason=reason,
    )  # fmt: skip
    if isinstance(decreed, NeedsReason):
        await request.set_state(FLOW, SK_REASON, data)
        ask_override(request, decreed.judgement)
        return
    await _finish(request, decreed, "plans.decreed", id=move_id, sk=esc(number), tmt=fmt_date(tmt))


async def new_tmt_step(request: Request, state: ConversationState) -> None:
    """Take the new TMT of a decreed move; the rules are judged on it."""
    typed = typed_date(request)
    if typed is None:
        return
    await _change_tmt(request, {**state.data, "tmt": typed.day.isoformat()}, "")


async def _change_tmt(request: Request, data: dict[str, Any], reason: str) -> None:
    """Change the TMT: back to the approver (the employee is told once approved); or show
    the rules not met on the new TMT and ask HR's reason."""
    move_id, version = int(data["move_id"]), int(data["version"])
    tmt = date.fromisoformat(str(data["tmt"]))
    changed = await service_decree.change_tmt(
        request.session, request.now(), request.telegram_id, move_id, version, tmt,
        default_locale=request.settings.default_locale, settings=request.settings,
        override_reason=reason,
    )  # fmt: skip
    if isinstance(changed, NeedsReason):
        await request.set_state(FLOW, TMT_REASON, data)
        ask_override(request, changed.judgement)
        return
    await _finish(request, changed, "plans.tmt_changed", id=move_id, tmt=fmt_date(tmt))


async def cancel_step(request: Request, state: ConversationState) -> None:
    """Cancel a move with a reason: a consulted employee told, MOVE_CANCELLED emitted."""
    reason = expect_text(request, max_len=TEXT_MAX)
    if reason is None:
        return
    move_id, version = _move(state)
    services = request.services
    cancelled = await service_decree.cancel_move(
        request.session, request.now(), request.telegram_id, move_id, version, reason,
        events=services.events, default_locale=services.settings.default_locale,
    )  # fmt: skip
    await _finish(request, cancelled, "plans.cancelled", id=move_id)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the move card's buttons and text steps (HR only)."""
    add_button(app, b.OpenMove, open_move_pressed, roles=HR)
    add_button(app, b.KeepMove, keep_pressed, roles=HR)
    add_button(app, b.DecreeMove, decree_pressed, roles=HR)
    add_button(app, b.ChangeTmt, tmt_pressed, roles=HR)
    add_button(app, b.CarryOut, done_pressed, roles=HR)
    add_button(app, b.CancelMove, cancel_pressed, roles=HR)
    flow = plan_flow(app)
    for step, fn in (
        (KEEP, keep_step), (SK_NUMBER, sk_number_step), (SK_TMT, sk_tmt_step),
        (SK_REASON, reason_step(_decree)), (NEW_TMT, new_tmt_step), (CANCEL, cancel_step),
        (TMT_REASON, reason_step(_change_tmt)),
    ):  # fmt: skip
        flow.on(step, fn, accepts=Accepts.TEXT, roles=HR)
