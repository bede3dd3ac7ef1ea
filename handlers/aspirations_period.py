"""/periode: HR opens, extends and closes aspiration windows (local dates, optional units).

The conversation collects name, start, end and units; ``bot.aspirations.periods`` opens,
extends and closes (the same functions the ``asn-bot aspirations`` CLI uses).
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from telegram.ext import Application

from bot.aspirations import buttons as b
from bot.aspirations import periods
from bot.aspirations.labels import WINDOW_ERROR_KEYS
from bot.aspirations.periods import Extended, Invalid, Missing, Opened, PendingExists
from bot.aspirations.windows import NAME_MAX_LEN, validate_new_window
from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage, rows
from handlers.aspirations_common import escape, when, window_line
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.dates import date_example, typed_date
from handlers.flows import Accepts, expect_text
from handlers.request import Request
from storage.models import ConversationState

FLOW = "aper"
HR = ("hr",)
NAME, START, END, UNITS, CONFIRM, EXTEND = "name", "start", "end", "units", "confirm", "extend"


async def periode_cmd(request: Request) -> None:
    """Show recent windows and what HR can do with them."""
    now = request.now()
    view = await periods.overview(request.session, now)
    lines = [request.t("aper.title")]
    lines += [window_line(request, w, now) for w in view.windows] or [request.t("aper.none")]
    choices = [[Button(request.t("aper.btn_new"), b.NewWindow())]]
    if view.extendable is not None:
        choices.append([Button(request.t("aper.btn_extend"), b.ExtendWindow(view.extendable.id))])
    if view.closable is not None:
        choices.append([Button(request.t("aper.btn_close"), b.CloseWindow(view.closable.id))])
    request.send(OutgoingMessage("\n".join(lines), rows(*choices)))


async def new_pressed(request: Request, data: b.NewWindow) -> None:
    """Start the conversation that opens a window (unless one is pending)."""
    request.answer()
    if await periods.pending(request.session, request.now()) is not None:
        request.reply_key("aper.already_pending")
        return
    await request.set_state(FLOW, NAME, {})
    request.reply_key("aper.ask_name", limit=NAME_MAX_LEN)


async def _draft_at(request: Request, step: str) -> dict[str, Any] | None:
    """The window draft when the user is at ``step``; else answer the button as stale."""
    state = await request.get_state()
    if state is None or state.flow != FLOW or state.step != step:
        request.answer(request.t("common.stale_button"), alert=True)
        return None
    request.answer()
    return copy.deepcopy(state.data)


async def start_now_pressed(request: Request, data: b.StartNow) -> None:
    """The window starts now: ask for its end."""
    draft = await _draft_at(request, START)
    if draft is not None:
        draft["start"] = request.now().isoformat()
        await request.set_state(FLOW, END, draft)
        request.reply_key("aper.ask_end", example=date_example(request))


async def all_units_pressed(request: Request, data: b.AllUnits) -> None:
    """The window is for every unit: confirm it."""
    draft = await _draft_at(request, UNITS)
    if draft is not None:
        draft["unit_ids"], draft["unit_names"] = [], []
        await _confirm(request, draft)


async def create_pressed(request: Request, data: b.CreateWindow) -> None:
    """Open the window as confirmed."""
    draft = await _draft_at(request, CONFIRM)
    if draft is None:
        return
    result = await periods.open_window(
        request.session,
        request.now(),
        request.telegram_id,
        draft["name"],
        datetime.fromisoformat(draft["start"]),
        datetime.fromisoformat(draft["end"]),
        list(draft.get("unit_ids") or []),
    )
    await request.clear_state()
    match result:
        case PendingExists():
            request.reply_key("aper.already_pending")
        case Invalid():
            request.reply_key(WINDOW_ERROR_KEYS[result.error])
        case Opened():
            request.reply_key(
                "aper.created", line=window_line(request, result.window, request.now())
            )


async def extend_pressed(request: Request, data: b.ExtendWindow) -> None:
    """Ask for the window's new last day."""
    window = await periods.window(request.session, data.window_id)
    if window is None:
        raise CallbackDataError("no such window")
    request.answer()
    await request.set_state(FLOW, EXTEND, {"id": window.id})
    request.reply_key(
        "aper.ask_extend", name=escape(window.name), end=when(request, window.ends_at, end=True),
        example=date_example(request),
    )  # fmt: skip


async def close_pressed(request: Request, data: b.CloseWindow) -> None:
    """Ask to confirm closing the window."""
    window = await periods.window(request.session, data.window_id)
    if window is None:
        raise CallbackDataError("no such window")
    request.answer()
    yes = Button(request.t("aper.btn_close_yes"), b.ConfirmClose(window.id))
    text = request.t("aper.close_confirm", name=escape(window.name))
    request.send(OutgoingMessage(text, rows([yes])))


async def close_confirmed(request: Request, data: b.ConfirmClose) -> None:
    """Close the window now."""
    result = await periods.close(
        request.session, request.now(), request.telegram_id, data.window_id
    )
    if isinstance(result, Missing):
        raise CallbackDataError("no such window")
    request.answer()
    request.reply_key("aper.closed", name=escape(result.window.name))


async def name_step(request: Request, state: ConversationState) -> None:
    """The window's name."""
    name = expect_text(request, max_len=NAME_MAX_LEN)
    if name is None:
        return
    await request.set_state(FLOW, START, {"name": name})
    now_button = Button(request.t("aper.btn_now"), b.StartNow())
    prompt = request.t("aper.ask_start", example=date_example(request))
    request.send(OutgoingMessage(prompt, rows([now_button])))


async def start_step(request: Request, state: ConversationState) -> None:
    """The start date (or the 'now' button): today or later, a bare date from its midnight."""
    typed = typed_date(request, time_rule="optional", not_past=True)
    if typed is None:
        return
    start = max(typed.at(), request.now())
    await request.set_state(FLOW, END, {**state.data, "start": start.isoformat()})
    request.reply_key("aper.ask_end", example=date_example(request))


async def end_step(request: Request, state: ConversationState) -> None:
    """The last day of the window (open through that whole day unless a time is typed)."""
    typed = typed_date(request, time_rule="optional", not_past=True)
    if typed is None:
        return
    end = typed.end()
    start = datetime.fromisoformat(state.data["start"])
    error = validate_new_window(start, end, request.now())
    if error:
        request.reply_key(WINDOW_ERROR_KEYS[error])
        return
    await request.set_state(FLOW, UNITS, {**state.data, "end": end.isoformat()})
    all_units = Button(request.t("aper.btn_all_units"), b.AllUnits())
    request.send(OutgoingMessage(request.t("aper.ask_units"), rows([all_units])))


async def units_step(request: Request, state: ConversationState) -> None:
    """Limit the window to some units: names or abbreviations separated by commas."""
    text = expect_text(request, max_len=1000)
    if text is None:
        return
    match = await periods.resolve_units(request.session, text.split(","))
    if match.unknown or not match.ids:
        request.reply_key("aper.unknown_units", units=escape(", ".join(match.unknown) or text))
        return
    await _confirm(request, {**state.data, "unit_ids": match.ids, "unit_names": match.names})


async def confirm_again(request: Request, state: ConversationState) -> None:
    """At the confirmation (after the router's hint): show the new window again."""
    await _confirm(request, copy.deepcopy(state.data))


async def _confirm(request: Request, draft: dict[str, Any]) -> None:
    """Show the new window and ask to open it."""
    await request.set_state(FLOW, CONFIRM, draft)
    units = ", ".join(draft.get("unit_names") or []) or request.t("aper.all_units")
    text = request.t(
        "aper.confirm",
        name=escape(draft["name"]),
        start=when(request, datetime.fromisoformat(draft["start"])),
        end=when(request, datetime.fromisoformat(draft["end"]), end=True),
        units=escape(units),
    )
    create = Button(request.t("aper.btn_create"), b.CreateWindow())
    request.send(OutgoingMessage(text, rows([create])))


async def extend_step(request: Request, state: ConversationState) -> None:
    """The new last day of a window (reopens a window whose end had passed)."""
    typed = typed_date(request, time_rule="optional", not_past=True)
    if typed is None:
        return
    end = typed.end()
    window_id = int(state.data.get("id", 0))
    result = await periods.extend(
        request.session, request.now(), request.telegram_id, window_id, end
    )
    match result:
        case Missing():
            await request.clear_state()
            request.reply_key("common.stale_button")
        case Invalid():
            request.reply_key(WINDOW_ERROR_KEYS[result.error])
        case Extended():
            await request.clear_state()
            line = window_line(request, result.window, request.now())
            request.reply_key("aper.extended", line=line)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /periode, its buttons and the create/extend steps (HR only)."""
    add_command(
        app,
        "periode",
        periode_cmd,
        roles=HR,
        description_key="cmd.periode",
        menu_key="menu.periode",
    )
    add_button(app, b.NewWindow, new_pressed, roles=HR)
    add_button(app, b.StartNow, start_now_pressed, roles=HR)
    add_button(app, b.AllUnits, all_units_pressed, roles=HR)
    add_button(app, b.CreateWindow, create_pressed, roles=HR)
    add_button(app, b.ExtendWindow, extend_pressed, roles=HR)
    add_button(app, b.CloseWindow, close_pressed, roles=HR)
    add_button(app, b.ConfirmClose, close_confirmed, roles=HR)
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    flow.on(NAME, name_step, accepts=Accepts.TEXT)
    flow.on(START, start_step, accepts=Accepts.TEXT)
    flow.on(END, end_step, accepts=Accepts.TEXT)
    flow.on(UNITS, units_step, accepts=Accepts.TEXT)
    flow.on(EXTEND, extend_step, accepts=Accepts.TEXT)
    flow.on(CONFIRM, confirm_again, accepts=Accepts.BUTTONS, reshow=True)
