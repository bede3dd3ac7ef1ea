"""/aspirasi and /status: employees submit, change and withdraw transfer aspirations.

The commands and the /status card buttons live here; the conversation's questions are in
``handlers.aspirations_steps`` and its buttons in ``handlers.aspirations_actions``. The
workflows themselves are ``bot.aspirations.service`` and ``bot.aspirations.submission``.
"""

from __future__ import annotations

import copy
from typing import Any

from telegram.ext import Application

from bot.aspirations import buttons as b
from bot.aspirations import draft as d
from bot.aspirations import rules, service, submission
from bot.aspirations.labels import ACTION_KEYS, STEP_KEYS
from bot.aspirations.render import card
from bot.aspirations.service import Editing, Fresh, Locked, NotForUnit, NotYours, NoWindow
from bot.aspirations.submission import CannotWithdraw, ConfirmWithdrawal, Withdrawn
from bot.conversations import RESUME_STEP
from bot.messages import Button, OutgoingMessage, rows
from handlers import aspirations_actions, aspirations_steps
from handlers.aspirations_common import escape, status_label, tell_no_window
from handlers.buttons import add_button
from handlers.commands import OpenCommand, add_command
from handlers.context import services_of
from handlers.dates import shown_time
from handlers.flows import resume_step
from handlers.request import Request
from storage.models import ConversationState, Employee

FLOW = aspirations_steps.FLOW


def _employee(request: Request) -> Employee:
    """The linked employee (commands and buttons here require one)."""
    assert request.employee is not None
    return request.employee


async def aspirasi_cmd(request: Request) -> None:
    """Start, resume or change the employee's aspiration in the open window."""
    state = await request.get_state()
    if state is not None and state.flow == FLOW:
        step = resume_step(state, d.ELIG)
        draft = {k: v for k, v in copy.deepcopy(state.data).items() if k != RESUME_STEP}
        request.reply_key("asp.resumed")
        await aspirations_steps.goto(request, step, draft)
        return
    result = await service.begin(
        request.session, request.now(), request.today(), request.settings, _employee(request)
    )
    if isinstance(result, Editing):  # a sent aspiration: show it; a draft only after Ubah
        await status_cmd(request)
        return
    await _show(request, result)


async def _show(request: Request, result: service.Start) -> None:
    """Render what opening an aspiration gave: a draft, the sent one, or why not."""
    match result:
        case NoWindow():
            tell_no_window(request, result.upcoming)
        case NotForUnit():
            request.reply_key("asp.not_for_unit", name=escape(result.window_name))
        case Locked():
            key = "asp.final" if result.final else "asp.window_closed_edit"
            request.reply_key(
                key, ref=result.reference, status=status_label(request, result.status)
            )
        case Editing():
            status = status_label(request, result.status)
            request.reply_key("asp.existing", ref=result.reference, status=status)
            await aspirations_steps.goto(request, d.SUMMARY, result.draft)
        case Fresh():
            await aspirations_steps.goto(request, d.ELIG, result.draft)


async def status_cmd(request: Request) -> None:
    """Show the employee's latest aspiration with what they can still do."""
    state = await request.get_state()
    in_flow = state is not None and state.flow == FLOW
    view = await service.status(request.session, request.now(), _employee(request))
    if state is not None and in_flow:
        in_flow = await _tell_draft(request, state, view)
    if view is None:
        if not in_flow:
            request.reply_key("asp.status_none")
        return
    lines = [card(request.locale, view.aspiration, view.window_name), request.t("asp.history_head")]
    for entry in view.history:
        lines.append(
            request.t(
                "asp.history_line",
                at=shown_time(request, entry.at),
                action=request.t(ACTION_KEYS[entry.action]),
                status=status_label(request, entry.to_status),
            )
        )
    aspiration_id = view.aspiration.id
    change = [Button(request.t("asp.btn_change"), b.ChangeAspiration(aspiration_id))]
    withdraw = [Button(request.t("asp.btn_withdraw"), b.AskWithdraw(aspiration_id))]
    menu = [Button(request.t("common.btn_main_menu"), OpenCommand("menu"))]
    request.send(
        OutgoingMessage(
            "\n".join(lines),
            rows(change if view.may_edit else [], withdraw if view.may_withdraw else [], menu),
        )
    )


async def _tell_draft(
    request: Request, state: ConversationState, view: service.StatusView | None
) -> bool:
    """Say what the conversation holds (a draft, or unsent changes); False once dropped."""
    step = request.t(STEP_KEYS.get(resume_step(state, d.ELIG), STEP_KEYS[d.ELIG]))
    changing = state.data.get("aspiration_id")
    if not changing:
        request.reply_key("asp.status_draft", step=step)
        return True
    ref = escape(str(state.data.get("reference") or "-"))
    if view is not None and view.aspiration.id == changing and not view.may_edit:
        await request.clear_state()
        status = status_label(request, view.aspiration.status)
        request.reply_key("asp.status_changes_dropped", ref=ref, status=status)
        return False
    request.reply_key("asp.status_changing", ref=ref, step=step)
    return True


async def change_pressed(request: Request, data: b.ChangeAspiration) -> None:
    """Open the employee's own aspiration (from /status) as a draft."""
    result = await service.reopen(
        request.session,
        request.now(),
        request.today(),
        request.settings,
        _employee(request),
        data.aspiration_id,
    )
    if isinstance(result, NotYours):
        request.answer(request.t("asp.not_yours"), alert=True)
        return
    request.answer()
    await _show(request, result)


async def withdraw_pressed(request: Request, data: b.AskWithdraw) -> None:
    """Ask the employee to confirm withdrawing their aspiration."""
    await _withdraw(request, data.aspiration_id, confirmed=False)


async def withdraw_confirmed(request: Request, data: b.ConfirmWithdraw) -> None:
    """Withdraw the employee's aspiration."""
    await _withdraw(request, data.aspiration_id, confirmed=True)


async def _withdraw(request: Request, aspiration_id: int, *, confirmed: bool) -> None:
    """Run the withdrawal (or its check) and render the outcome."""
    result = await submission.withdraw(
        request.session,
        request.now(),
        _employee(request),
        request.telegram_id,
        aspiration_id,
        confirmed=confirmed,
    )
    if isinstance(result, NotYours):
        request.answer(request.t("asp.not_yours"), alert=True)
        return
    request.answer()
    match result:
        case CannotWithdraw(status=rules.WITHDRAWN):
            request.reply_key("asp.already_withdrawn")
        case CannotWithdraw():
            request.reply_key("asp.cannot_withdraw", status=status_label(request, result.status))
        case ConfirmWithdrawal():
            yes = Button(request.t("asp.btn_withdraw_yes"), b.ConfirmWithdraw(aspiration_id))
            text = request.t("asp.withdraw_confirm", ref=result.reference)
            request.send(OutgoingMessage(text, rows([yes])))
        case Withdrawn():
            state = await request.get_state()
            if state is not None and state.flow == FLOW:
                await request.clear_state()
            request.reply_key("asp.withdrawn", ref=result.reference)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /aspirasi, /status, their buttons and the conversation steps."""
    add_command(
        app, "aspirasi", aspirasi_cmd, description_key="cmd.aspirasi", menu_key="menu.aspirasi"
    )
    add_command(app, "status", status_cmd, description_key="cmd.status", menu_key="menu.status")
    add_button(app, b.ChangeAspiration, change_pressed, linked=True)
    add_button(app, b.AskWithdraw, withdraw_pressed, linked=True)
    add_button(app, b.ConfirmWithdraw, withdraw_confirmed, linked=True)
    aspirations_actions.register_buttons(app)
    aspirations_steps.register_steps(services_of(app).flows)
