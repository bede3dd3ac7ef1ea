"""/periode: HR opens, extends and closes aspiration windows (local dates, optional units)."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.aspirations.windows import (
    CLOSED,
    ENDED,
    NAME_MAX_LEN,
    DateInputError,
    parse_local,
    state_of,
    validate_new_window,
)
from bot.unit_search import NameIndex
from handlers.aspirations_common import escape, now_of, times, when, window_line
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.request import Request, keyboard
from storage.models import AspirationWindow, ConversationState
from storage.queries import aspirations as q
from storage.queries import audit
from storage.queries.conversation import get_state

FLOW = "aper"
UNIT_MATCH = 85.0


async def periode_cmd(request: Request) -> None:
    """Show recent windows and what HR can do with them."""
    now = now_of(request)
    windows = await q.list_windows(request.session, 5)
    lines = [request.t("aper.title")]
    lines += [window_line(request, w, now) for w in windows] or [request.t("aper.none")]
    rows = [[(request.t("aper.btn_new"), cb.build("aper", "new"))]]
    if windows and state_of(times(windows[0]), now) != CLOSED:
        w = windows[0]
        rows.append([(request.t("aper.btn_extend"), cb.build("aper", "extend", w.id))])
        if state_of(times(w), now) != ENDED:
            rows.append([(request.t("aper.btn_close"), cb.build("aper", "close", w.id))])
    request.reply("\n".join(lines), keyboard(rows))


async def period_callback(request: Request) -> None:
    """The /periode buttons (HR role checked when pressed)."""
    data = request.button()
    request.answer()
    now = now_of(request)
    if data.action == "new":
        if await q.pending_windows(request.session, now):
            request.reply_key("aper.already_pending")
            return
        await request.set_state(FLOW, "name", {})
        request.reply_key("aper.ask_name", limit=NAME_MAX_LEN)
        return
    if data.action in ("now", "allunits", "create"):
        await _flow_button(request, data.action)
        return
    window = await request.session.get(AspirationWindow, data.int_arg(0))
    if window is None:
        raise cb.CallbackDataError("no such window")
    if data.action == "extend":
        await request.set_state(FLOW, "extend", {"id": window.id})
        request.reply_key(
            "aper.ask_extend", name=escape(window.name), end=when(request, window.ends_at)
        )
    elif data.action == "close":
        request.reply(
            request.t("aper.close_confirm", name=escape(window.name)),
            keyboard(
                [[(request.t("aper.btn_close_yes"), cb.build("aper", "closeyes", window.id))]]
            ),
        )
    elif data.action == "closeyes":
        if window.closed_at is None:
            window.closed_at = now
            await audit.record(
                request.session,
                audit.actor_of(request.telegram_id),
                "aspiration_window.closed",
                "aspiration_window",
                window.id,
            )
        request.reply_key("aper.closed", name=escape(window.name))
    else:
        raise cb.CallbackDataError("unknown action")


async def _flow_button(request: Request, action: str) -> None:
    """Buttons inside the create conversation: start now, all units, confirm."""
    state = await get_state(request.session, request.telegram_id)
    expected = {"now": "start", "allunits": "units", "create": "confirm"}[action]
    if state is None or state.flow != FLOW or state.step != expected:
        request.answer(request.t("common.stale_button"), alert=True)
        return
    data = copy.deepcopy(state.data)
    if action == "now":
        data["start"] = now_of(request).isoformat()
        await request.set_state(FLOW, "end", data)
        request.reply_key("aper.ask_end")
    elif action == "allunits":
        data["unit_ids"], data["unit_names"] = [], []
        await _confirm(request, data)
    else:
        await _create(request, data)


async def name_step(request: Request, state: ConversationState) -> None:
    """The window's name."""
    name = expect_text(request, max_len=NAME_MAX_LEN)
    if name is None:
        return
    await request.set_state(FLOW, "start", {"name": name})
    request.reply(
        request.t("aper.ask_start"),
        keyboard([[(request.t("aper.btn_now"), cb.build("aper", "now"))]]),
    )


def _read_date(request: Request, *, end_of_day: bool) -> Any:
    """A typed local date as UTC, or None after telling the format."""
    text = expect_text(request, max_len=40)
    if text is None:
        return None
    try:
        return parse_local(text, request.settings.tz, end_of_day=end_of_day)
    except DateInputError:
        request.reply_key("aper.bad_date")
        return None


async def start_step(request: Request, state: ConversationState) -> None:
    """The start date (or the 'now' button)."""
    start = _read_date(request, end_of_day=False)
    if start is None:
        return
    await request.set_state(FLOW, "end", {**state.data, "start": start.isoformat()})
    request.reply_key("aper.ask_end")


async def end_step(request: Request, state: ConversationState) -> None:
    """The last day of the window."""
    end = _read_date(request, end_of_day=True)
    if end is None:
        return
    error = validate_new_window(datetime.fromisoformat(state.data["start"]), end, now_of(request))
    if error:
        request.reply_key("aper.err", error=error)
        return
    await request.set_state(FLOW, "units", {**state.data, "end": end.isoformat()})
    request.reply(
        request.t("aper.ask_units"),
        keyboard([[(request.t("aper.btn_all_units"), cb.build("aper", "allunits"))]]),
    )


async def units_step(request: Request, state: ConversationState) -> None:
    """Limit the window to some units: names or abbreviations separated by commas."""
    text = expect_text(request, max_len=1000)
    if text is None:
        return
    units = await q.unit_choices(request.session)
    index = NameIndex([n for _i, n in units])
    ids, names, unknown = [], [], []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        found = index.search(part, limit=1, cutoff=UNIT_MATCH)
        if found:
            ids.append(units[found[0].index][0])
            names.append(units[found[0].index][1])
        else:
            unknown.append(part)
    if unknown or not ids:
        request.reply_key("aper.unknown_units", units=escape(", ".join(unknown) or text))
        return
    await _confirm(request, {**state.data, "unit_ids": ids, "unit_names": names})


async def _confirm(request: Request, data: dict[str, Any]) -> None:
    """Show the new window and ask to open it."""
    await request.set_state(FLOW, "confirm", data)
    units = ", ".join(data.get("unit_names") or []) or request.t("aper.all_units")
    request.reply(
        request.t(
            "aper.confirm",
            name=escape(data["name"]),
            start=when(request, datetime.fromisoformat(data["start"])),
            end=when(request, datetime.fromisoformat(data["end"])),
            units=escape(units),
        ),
        keyboard([[(request.t("aper.btn_create"), cb.build("aper", "create"))]]),
    )


async def _create(request: Request, data: dict[str, Any]) -> None:
    """Open the window."""
    now = now_of(request)
    if await q.pending_windows(request.session, now):
        await request.clear_state()
        request.reply_key("aper.already_pending")
        return
    window = await q.create_window(
        request.session,
        data["name"],
        datetime.fromisoformat(data["start"]),
        datetime.fromisoformat(data["end"]),
        list(data.get("unit_ids") or []),
        audit.actor_of(request.telegram_id),
    )
    await audit.record(
        request.session,
        audit.actor_of(request.telegram_id),
        "aspiration_window.opened",
        "aspiration_window",
        window.id,
    )
    await request.clear_state()
    request.reply_key("aper.created", line=window_line(request, window, now))


async def extend_step(request: Request, state: ConversationState) -> None:
    """The new last day of a window (reopens a window whose end had passed)."""
    end = _read_date(request, end_of_day=True)
    if end is None:
        return
    window = await request.session.get(AspirationWindow, int(state.data.get("id", 0)))
    if window is None:
        await request.clear_state()
        request.reply_key("common.stale_button")
        return
    error = validate_new_window(window.starts_at, end, now_of(request))
    if error:
        request.reply_key("aper.err", error=error)
        return
    old = window.ends_at
    window.ends_at, window.closed_at = end, None
    await audit.record(
        request.session,
        audit.actor_of(request.telegram_id),
        "aspiration_window.extended",
        "aspiration_window",
        window.id,
        old_end=old.isoformat(),
        new_end=end.isoformat(),
    )
    await request.clear_state()
    request.reply_key("aper.extended", line=window_line(request, window, now_of(request)))


def _hr_only(fn: Any) -> Any:
    """Steps re-check the HR role when the message arrives."""

    async def step(request: Request, state: ConversationState) -> None:
        if not request.has_role("hr"):
            await request.clear_state()
            request.reply_key("common.not_allowed")
            return
        await fn(request, state)

    return step


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /periode, its buttons and the create/extend steps."""
    add_command(
        app,
        "periode",
        periode_cmd,
        description_key="cmd.periode",
        menu_key="menu.periode",
        roles=("hr",),
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=("hr",))(period_callback), pattern=cb.pattern("aper"))
    )
    flows = app.bot_data["services"].flows
    for step, fn in (
        ("name", name_step),
        ("start", start_step),
        ("end", end_step),
        ("units", units_step),
        ("extend", extend_step),
    ):
        flows.on(FLOW, step, _hr_only(fn))
