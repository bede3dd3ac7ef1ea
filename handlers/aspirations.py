"""/aspirasi and /status: employees submit, change and withdraw transfer aspirations.

The entry commands, the status card and the callback dispatcher live here; the step
button actions live in ``handlers.aspirations_actions``.
"""

from __future__ import annotations

import copy
from dataclasses import asdict
from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.aspirations import draft as d
from bot.aspirations.rules import (
    FINAL_STATUSES,
    RETURNED,
    employee_may_edit,
    employee_may_withdraw,
)
from handlers import aspirations_steps as steps
from handlers.aspirations_actions import ACTIONS
from handlers.aspirations_common import (
    card,
    change_status,
    eligibility_of,
    now_of,
    refuse_no_window,
    status_label,
    window_open,
)
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import PAUSED, resume_step
from handlers.request import Request, keyboard
from storage.models import Aspiration, AspirationWindow
from storage.queries import aspirations as q
from storage.queries.conversation import get_state

FLOW = steps.FLOW


async def aspirasi_cmd(request: Request) -> None:
    """Start, resume or change the employee's aspiration in the open window."""
    employee = request.employee
    assert employee is not None
    state = await get_state(request.session, request.telegram_id)
    if state is not None and state.flow == FLOW:
        step = resume_step(state, d.ELIG)
        draft = {k: v for k, v in copy.deepcopy(state.data).items() if k != "_resume_step"}
        request.reply_key("asp.resumed")
        await steps.goto(request, step, draft)
        return
    now = now_of(request)
    window = await q.open_window(request.session, now)
    existing = await q.aspiration_for(request.session, window.id, employee.id) if window else None
    if window is None:
        latest = await q.latest_for_employee(request.session, employee.id)
        if latest is None or latest.status != RETURNED:
            await refuse_no_window(request, now)
            return
        existing = latest
        window = await request.session.get(AspirationWindow, latest.window_id)
    assert window is not None
    if existing is None and window.unit_ids and employee.unit_id not in window.unit_ids:
        request.reply_key("asp.not_for_unit", name=window.name)
        return
    if existing is not None:
        await start_edit(request, existing, window_open(window, now))
        return
    draft = {"window_id": window.id, "prefs": []}
    _set_eligibility(request, draft)
    await steps.goto(request, d.ELIG, draft)


def _set_eligibility(request: Request, draft: d.Draft) -> None:
    """Store the eligibility check in the draft."""
    assert request.employee is not None
    result = eligibility_of(request, request.employee)
    draft["problems"] = [[p.code, asdict(p)["params"]] for p in result.problems]


async def start_edit(request: Request, aspiration: Aspiration, is_open: bool) -> None:
    """Open an existing aspiration as a pre-filled draft at the summary."""
    if not employee_may_edit(aspiration.status, is_open):
        key = "asp.final" if aspiration.status in FINAL_STATUSES else "asp.window_closed_edit"
        request.reply_key(
            key,
            ref=aspiration.reference or "-",
            status=status_label(request.locale, aspiration.status),
        )
        return
    draft = d.draft_from_record(q.snapshot(aspiration))
    draft.update({"window_id": aspiration.window_id, "aspiration_id": aspiration.id})
    _set_eligibility(request, draft)
    request.reply_key(
        "asp.existing",
        ref=aspiration.reference or "-",
        status=status_label(request.locale, aspiration.status),
    )
    await steps.goto(request, d.SUMMARY, draft)


async def status_cmd(request: Request) -> None:
    """Show the employee's latest aspiration with what they can still do."""
    employee = request.employee
    assert employee is not None
    state = await get_state(request.session, request.telegram_id)
    if state is not None and state.flow == FLOW:
        request.reply_key(
            "asp.status_draft", step=request.t("asp.step", step=resume_step(state, d.ELIG))
        )
    aspiration = await q.latest_for_employee(request.session, employee.id)
    if aspiration is None:
        if state is None or state.flow != FLOW:
            request.reply_key("asp.status_none")
        return
    window = await request.session.get(AspirationWindow, aspiration.window_id)
    is_open = window_open(window, now_of(request))
    lines = [card(request.locale, aspiration, window), request.t("asp.history_head")]
    for entry in await q.history(request.session, aspiration.id):
        lines.append(
            request.t(
                "asp.history_line",
                at=entry.at.astimezone(request.settings.tz).strftime("%d-%m-%Y %H:%M"),
                action=request.t("asp.action", action=entry.action),
                status=status_label(request.locale, entry.to_status),
            )
        )
    rows = []
    if employee_may_edit(aspiration.status, is_open):
        rows.append([(request.t("asp.btn_change"), cb.build("asp", "st_edit", aspiration.id))])
    if employee_may_withdraw(aspiration.status, is_open):
        rows.append([(request.t("asp.btn_withdraw"), cb.build("asp", "wd", aspiration.id))])
    request.reply("\n".join(lines), keyboard(rows) if rows else None)


async def asp_callback(request: Request) -> None:
    """Every button of the employee's aspiration conversation and status card."""
    data = request.button()
    if data.action in ("st_edit", "wd", "wdyes"):
        await _owned_action(request, data.action, data.int_arg(0))
        return
    step = data.arg(0)
    state = await get_state(request.session, request.telegram_id)
    if state is None or state.flow != FLOW or state.step != step or step == PAUSED:
        request.answer(request.t("asp.stale"), alert=True)
        return
    action = ACTIONS.get(data.action)
    if action is None:
        raise cb.CallbackDataError("unknown action")
    draft = copy.deepcopy(state.data)
    request.answer()
    next_step = await action(request, draft, data)
    if next_step is not None:
        await steps.goto(request, next_step, draft)


async def _owned_action(request: Request, action: str, aspiration_id: int) -> None:
    """Change or withdraw from /status, only for the employee's own aspiration."""
    employee = request.employee
    assert employee is not None
    aspiration = await request.session.get(Aspiration, aspiration_id)
    if aspiration is None or aspiration.employee_id != employee.id:
        request.answer(request.t("asp.not_yours"), alert=True)
        return
    window = await request.session.get(AspirationWindow, aspiration.window_id)
    is_open = window_open(window, now_of(request))
    request.answer()
    if action == "st_edit":
        await start_edit(request, aspiration, is_open)
        return
    if not employee_may_withdraw(aspiration.status, is_open):
        request.reply_key(
            "asp.cannot_withdraw", status=status_label(request.locale, aspiration.status)
        )
        return
    if action == "wd":
        request.reply(
            request.t("asp.withdraw_confirm", ref=aspiration.reference or "-"),
            keyboard(
                [[(request.t("asp.btn_withdraw_yes"), cb.build("asp", "wdyes", aspiration.id))]]
            ),
        )
        return
    await change_status(request, aspiration, "withdraw")
    state = await get_state(request.session, request.telegram_id)
    if state is not None and state.flow == FLOW:
        await request.clear_state()
    request.reply_key("asp.withdrawn", ref=aspiration.reference or "-")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /aspirasi, /status, their buttons and the conversation steps."""
    add_command(
        app, "aspirasi", aspirasi_cmd, description_key="cmd.aspirasi", menu_key="menu.aspirasi"
    )
    add_command(app, "status", status_cmd, description_key="cmd.status", menu_key="menu.status")
    app.add_handler(
        CallbackQueryHandler(handler(linked=True)(asp_callback), pattern=cb.pattern("asp"))
    )
    steps.register_steps(app.bot_data["services"].flows)
