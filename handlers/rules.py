"""/periode_larangan (election freeze periods), /rotasi (who is due for rotation) and the
Minister's written approval of a move, for HR.

Dates are typed as everywhere (``handlers.dates.typed_date``); every change
goes through ``bot.rules.periods`` or ``bot.rules.service`` and is audited there.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram.ext import Application

from bot.messages import Button, OutgoingMessage
from bot.plans.dates import fmt_date
from bot.rules import periods, rotation
from bot.rules.buttons import AddFreeze, RecordApproval, RemoveFreeze
from bot.rules.service import record_minister_approval
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.dates import date_example, typed_date
from handlers.flows import Accepts, expect_text
from handlers.plans_common import esc
from handlers.request import Request
from storage.models import ConversationState

FLOW = "rules"
HR = ("hr",)
START, END, NAME, APPROVAL_NO, APPROVAL_DATE = "start", "end", "name", "apr_no", "apr_date"
ROTATION_SHOWN = 30


async def freeze_cmd(request: Request) -> None:
    """The freeze periods, a remove button for each stored one, and an add button."""
    listed = await periods.listed_periods(request.session, request.settings)
    lines, rows = [request.t("rules.freeze_title")], []
    for item in listed:
        params = periods.period_params(item.period)
        params["name"] = esc(params["name"])
        if item.period_id is None:
            lines.append(request.t("rules.freeze_line_config", **params))
            continue
        lines.append(request.t("rules.freeze_line", id=item.period_id, **params))
        rows.append((Button(request.t("rules.btn_freeze_remove", id=item.period_id),
                            RemoveFreeze(item.period_id)),))  # fmt: skip
    if not listed:
        lines.append(request.t("rules.freeze_none"))
    rows.append((Button(request.t("rules.btn_freeze_add"), AddFreeze()),))
    request.send(OutgoingMessage("\n".join(lines), tuple(rows)))


async def add_pressed(request: Request, data: AddFreeze) -> None:
    """Ask the first day of a new freeze period."""
    request.answer()
    await request.set_state(FLOW, START)
    request.reply_key("rules.ask_freeze_start", example=date_example(request))


async def start_step(request: Request, state: ConversationState) -> None:
    """Take the first day; ask the last."""
    typed = typed_date(request)
    if typed is not None:
        await request.set_state(FLOW, END, {"start": typed.day.isoformat()})
        request.reply_key("rules.ask_freeze_end", example=date_example(request))


async def end_step(request: Request, state: ConversationState) -> None:
    """Take the last day; ask the name."""
    typed = typed_date(request)
    if typed is not None:
        await request.set_state(FLOW, NAME, {**state.data, "end": typed.day.isoformat()})
        request.reply_key("rules.ask_freeze_name")


async def name_step(request: Request, state: ConversationState) -> None:
    """Store the period (refused when it ends before it starts)."""
    name = expect_text(request, max_len=periods.NAME_MAX)
    if name is None:
        return
    await request.clear_state()
    start, end = (date.fromisoformat(str(state.data[k])) for k in ("start", "end"))
    added = await periods.add_period(request.session, request.telegram_id, name, start, end)
    if added.error:
        request.reply_key("rules.freeze_bad_order")
        return
    request.reply_key("rules.freeze_added", name=esc(name), start=fmt_date(start),
                      end=fmt_date(end))  # fmt: skip


async def remove_pressed(request: Request, data: RemoveFreeze) -> None:
    """Remove a stored freeze period."""
    request.answer()
    removed = await periods.remove_period(request.session, request.telegram_id, data.period_id)
    request.reply_key("rules.freeze_removed" if removed else "common.stale_button")


async def rotasi_cmd(request: Request) -> None:
    """Employees in their position for the rotation limit or longer, longest first."""
    today, settings = request.today(), request.settings
    due = await rotation.rotation_due(request.session, settings, today, ROTATION_SHOWN + 1)
    if not due:
        request.reply_key("rules.rotation_none", years=settings.rotation_due_years)
        return
    lines = [request.t("rules.rotation_title", date=fmt_date(today),
                       years=settings.rotation_due_years)]  # fmt: skip
    lines += [
        request.t("rules.rotation_line", name=esc(d.name), unit=esc(d.unit),
                  position=esc(d.position), since=fmt_date(d.since), years=d.years,
                  months=d.months)
        for d in due[:ROTATION_SHOWN]
    ]  # fmt: skip
    if len(due) > ROTATION_SHOWN:
        lines.append(request.t("rules.rotation_more"))
    request.reply("\n".join(lines))


async def approval_pressed(request: Request, data: RecordApproval) -> None:
    """Ask the number of the Minister's written approval of the move."""
    request.answer()
    await request.set_state(FLOW, APPROVAL_NO, {"move_id": data.move_id})
    request.reply_key("rules.ask_approval_number", id=data.move_id)


async def approval_number_step(request: Request, state: ConversationState) -> None:
    """Take the approval's number; ask its date."""
    number = expect_text(request, max_len=100)
    if number is not None:
        await request.set_state(FLOW, APPROVAL_DATE, {**state.data, "number": number})
        request.reply_key("rules.ask_approval_date", example=date_example(request))


async def approval_date_step(request: Request, state: ConversationState) -> None:
    """Record the approval on the move."""
    typed = typed_date(request)
    if typed is None:
        return
    day = typed.day
    await request.clear_state()
    move_id, number = int(state.data["move_id"]), str(state.data["number"])
    if not await record_minister_approval(request.session, request.telegram_id, move_id, number,
                                          day):  # fmt: skip
        request.reply_key("common.stale_button")
        return
    request.reply_key("rules.approval_recorded", id=move_id, number=esc(number),
                      date=fmt_date(day))  # fmt: skip


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /periode_larangan, /rotasi, their buttons and steps (HR only)."""
    add_command(
        app,
        "periode_larangan",
        freeze_cmd,
        roles=HR,
        description_key="cmd.periode_larangan",
        menu_key="menu.periode_larangan",
    )
    add_command(app, "rotasi", rotasi_cmd, roles=HR, description_key="cmd.rotasi",
                menu_key="menu.rotasi")  # fmt: skip
    add_button(app, AddFreeze, add_pressed, roles=HR)
    add_button(app, RemoveFreeze, remove_pressed, roles=HR)
    add_button(app, RecordApproval, approval_pressed, roles=HR)
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    for step, fn in (
        (START, start_step), (END, end_step), (NAME, name_step),
        (APPROVAL_NO, approval_number_step), (APPROVAL_DATE, approval_date_step),
    ):  # fmt: skip
        flow.on(step, fn, accepts=Accepts.TEXT, roles=HR)
