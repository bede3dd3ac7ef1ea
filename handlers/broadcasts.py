"""/umumkan: HR writes an announcement, attaches a file, picks the audience, sends or schedules.

The draft lives in the HR user's conversation state (``bc`` flow), so the buttons act
only on the presser's own draft; every button is re-checked for the ``hr`` role. Sending
writes the broadcast and one outbox row per recipient in the update's transaction; the
outbox worker (``handlers.delivery_services``) sends them and a progress message is edited.
/terjadwal and /laporan_kirim live in ``handlers.broadcasts_report``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from telegram import Message
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.delivery.audience import ROLES
from bot.delivery.compose import MAX_CAPTION, MAX_TEXT, html_error, parse_local_time
from bot.unit_search import NameIndex
from handlers import broadcasts_report
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.request import Request, keyboard
from storage.models import ConversationState, Unit
from storage.queries import conversation
from storage.queries import delivery as dq
from storage.queries.delivery import _RESOLVERS as EXTRA_RESOLVERS

FLOW = "bc"
HR = ("hr",)
EXTRA_AUDIENCES = {"plan": "bc.aud_plan", "survey_pending": "bc.aud_survey"}
MAX_UNIT_BUTTONS = 5


async def umumkan_cmd(request: Request) -> None:
    """Start a new announcement draft."""
    await request.set_state(FLOW, "text", {})
    request.reply_key("bc.ask_text")


async def text_step(request: Request, state: ConversationState) -> None:
    """Validate the text (length, Telegram HTML), show the preview, ask for an attachment."""
    text = expect_text(request, max_len=MAX_TEXT)
    if text is None:
        return
    error = html_error(text)
    if error is not None:
        request.reply_key("bc.bad_html", error=_escape(error))
        return
    await request.set_state(FLOW, "attach", {"text": text})
    request.reply_key("bc.preview_title")
    request.reply(text)
    request.reply(
        request.t("bc.ask_attach"), keyboard([[(request.t("bc.btn_skip"), cb.build(FLOW, "skip"))]])
    )


async def attach_step(request: Request, state: ConversationState) -> None:
    """Keep a document or photo (its file_id) and echo it back."""
    message = request.update.effective_message
    file_id, kind = None, None
    if isinstance(message, Message) and message.document is not None:
        file_id, kind = message.document.file_id, "document"
    elif isinstance(message, Message) and message.photo:
        file_id, kind = message.photo[-1].file_id, "photo"
    if file_id is None or kind is None:
        request.reply_key("bc.expect_attach")
        return
    text = str(state.data.get("text", ""))
    if len(text) > MAX_CAPTION:
        request.reply_key("bc.caption_too_long", length=len(text))
        return
    await request.set_state(FLOW, "audience", {**state.data, "file_id": file_id, "file_kind": kind})
    bot, chat_id = request.context.bot, request.chat_id

    async def echo() -> None:
        """Show the attachment with the caption as recipients will see it."""
        if kind == "photo":
            await bot.send_photo(chat_id, file_id, caption=text, parse_mode=ParseMode.HTML)
        else:
            await bot.send_document(chat_id, file_id, caption=text, parse_mode=ParseMode.HTML)

    request.reply_key("bc.attached")
    request.later(echo)
    _ask_audience(request)


def _ask_audience(request: Request) -> None:
    """The audience buttons (plan / survey only when those features registered them)."""
    rows = [
        [(request.t("bc.aud_all"), cb.build(FLOW, "aud", "all"))],
        [(request.t("bc.aud_units"), cb.build(FLOW, "aud", "units"))],
        [(request.t("bc.aud_role"), cb.build(FLOW, "aud", "role"))],
    ]
    rows += [
        [(request.t(key), cb.build(FLOW, "aud", kind))]
        for kind, key in EXTRA_AUDIENCES.items()
        if kind in EXTRA_RESOLVERS
    ]
    request.reply(request.t("bc.choose_audience"), keyboard(rows))


async def _draft(request: Request, *steps: str) -> ConversationState | None:
    """The presser's own draft when it is at one of ``steps``; else say it is stale."""
    state = await conversation.get_state(request.session, request.telegram_id)
    if state is None or state.flow != FLOW or (steps and state.step not in steps):
        request.answer(request.t("bc.stale"), alert=True)
        return None
    return state


async def bc_callback(request: Request) -> None:
    """Every button of the compose flow (HR only, on the presser's own draft)."""
    query = request.update.callback_query
    data = cb.parse(query.data if query else None)
    action = data.action
    if action == "skip":
        state = await _draft(request, "attach")
        if state is None:
            return
        await request.set_state(FLOW, "audience", dict(state.data))
        request.answer()
        _ask_audience(request)
    elif action == "aud":
        await _choose_audience(request, data.arg(0))
    elif action == "role":
        await _choose_role(request, data.arg(0))
    elif action == "unit":
        await _toggle_unit(request, data.int_arg(0))
    elif action == "units_done":
        state = await _draft(request, "units")
        if state is None:
            return
        request.answer()
        unit_ids = list(state.data.get("unit_ids") or [])
        if not unit_ids:
            request.reply_key("bc.no_units")
            return
        names = await _unit_names(request, unit_ids)
        await _confirm(request, state, {"kind": "units", "unit_ids": unit_ids, "names": names})
    elif action == "send":
        await _send_now(request)
    elif action == "sched":
        state = await _draft(request, "confirm")
        if state is None:
            return
        request.answer()
        await request.set_state(FLOW, "when", dict(state.data))
        example = (datetime.now(request.settings.tz) + timedelta(days=1)).strftime("%Y-%m-%d 08:00")
        request.reply_key("bc.ask_when", tz=request.settings.timezone, example=example)
    elif action == "abort":
        if await _draft(request) is None:
            return
        await request.clear_state()
        request.answer()
        request.edit_or_reply(request.t("bc.aborted"))
    else:
        raise cb.CallbackDataError("unknown action")


async def _choose_audience(request: Request, kind: str) -> None:
    """Audience button: all, units (type names), role (buttons), plan / survey (type an id)."""
    state = await _draft(request, "audience", "confirm", "units", "ref")
    if state is None:
        return
    request.answer()
    if kind == "all":
        await _confirm(request, state, {"kind": "all"})
    elif kind == "units":
        await request.set_state(FLOW, "units", {**state.data, "unit_ids": []})
        request.reply_key("bc.ask_unit", chosen="-")
    elif kind == "role":
        rows = [[(request.t(f"bc.role_{r}"), cb.build(FLOW, "role", r))] for r in ROLES]
        request.reply(request.t("bc.choose_role"), keyboard(rows))
    elif kind in EXTRA_AUDIENCES and kind in EXTRA_RESOLVERS:
        await request.set_state(FLOW, "ref", {**state.data, "ref_kind": kind})
        request.reply_key("bc.ask_ref", what=request.t(EXTRA_AUDIENCES[kind]))
    else:
        raise cb.CallbackDataError("unknown audience")


async def _choose_role(request: Request, role: str) -> None:
    """Role button."""
    if role not in ROLES:
        raise cb.CallbackDataError("unknown role")
    state = await _draft(request, "audience", "confirm")
    if state is not None:
        request.answer()
        await _confirm(request, state, {"kind": "role", "role": role})


async def units_step(request: Request, state: ConversationState) -> None:
    """Typed letters of a unit name: offer the best fuzzy matches as buttons."""
    query = expect_text(request, max_len=100)
    if query is None:
        return
    units = list((await request.session.execute(_unit_rows())).all())
    matches = NameIndex([name for _, name in units]).search(query, limit=MAX_UNIT_BUTTONS)
    chosen = await _unit_names(request, list(state.data.get("unit_ids") or []))
    if not matches:
        request.reply_key("bc.unit_none", query=_escape(query))
        return
    rows = [[(units[m.index][1][:60], cb.build(FLOW, "unit", units[m.index][0]))] for m in matches]
    rows.append([(request.t("bc.btn_units_done"), cb.build(FLOW, "units_done"))])
    request.reply(
        request.t("bc.unit_matches", chosen=_escape(", ".join(chosen) or "-")), keyboard(rows)
    )


async def _toggle_unit(request: Request, unit_id: int) -> None:
    """Add or remove a unit from the draft's audience."""
    state = await _draft(request, "units")
    if state is None:
        return
    if await request.session.get(Unit, unit_id) is None:
        raise cb.CallbackDataError("unknown unit")
    ids = list(state.data.get("unit_ids") or [])
    ids = [i for i in ids if i != unit_id] if unit_id in ids else [*ids, unit_id]
    await request.set_state(FLOW, "units", {**state.data, "unit_ids": ids})
    names = await _unit_names(request, ids)
    request.answer(", ".join(names)[:190] or "-")
    request.reply(
        request.t("bc.ask_unit", chosen=_escape(", ".join(names) or "-")),
        keyboard([[(request.t("bc.btn_units_done"), cb.build(FLOW, "units_done"))]]),
    )


async def ref_step(request: Request, state: ConversationState) -> None:
    """The plan or survey number of a plan/survey audience."""
    text = expect_text(request, max_len=12)
    if text is None:
        return
    if not text.isdigit():
        request.reply_key("bc.bad_ref")
        return
    kind = str(state.data.get("ref_kind"))
    spec: dict[str, Any] = {"kind": kind, "id": int(text)}
    spec["plan_id" if kind == "plan" else "survey_id"] = int(text)
    await _confirm(request, state, spec)


async def _confirm(request: Request, state: ConversationState, spec: dict[str, Any]) -> None:
    """Count the recipients and offer send now / schedule / cancel."""
    count = len(await dq.resolve_audience(request.session, spec))
    if count == 0:
        await request.set_state(FLOW, "audience", dict(state.data))
        request.reply_key("bc.no_recipients")
        _ask_audience(request)
        return
    await request.set_state(FLOW, "confirm", {**state.data, "audience": spec, "count": count})
    rows = [
        [(request.t("bc.btn_send"), cb.build(FLOW, "send"))],
        [(request.t("bc.btn_schedule"), cb.build(FLOW, "sched"))],
        [(request.t("bc.btn_abort"), cb.build(FLOW, "abort"))],
    ]
    request.reply(
        request.t("bc.confirm", count=count, audience=_escape(describe(request, spec))),
        keyboard(rows),
    )


def describe(request: Request, spec: dict[str, Any]) -> str:
    """A short human description of an audience spec."""
    kind = spec.get("kind")
    if kind == "units":
        return ", ".join(spec.get("names") or [])
    if kind == "role":
        return request.t(f"bc.role_{spec.get('role')}")
    if kind in EXTRA_AUDIENCES:
        return f"{request.t(EXTRA_AUDIENCES[str(kind)])} #{spec.get('id')}"
    return request.t("bc.aud_all")


async def _create(request: Request, data: dict[str, Any], at: datetime | None) -> Any:
    """Write the broadcast of the draft (scheduled when ``at`` is given)."""
    return await dq.create_broadcast(
        request.session,
        text=str(data["text"]),
        audience=dict(data["audience"]),
        parse_mode=ParseMode.HTML,
        attachment_file_id=data.get("file_id"),
        attachment_kind=data.get("file_kind"),
        created_by=request.telegram_id,
        scheduled_at=at,
    )


async def _send_now(request: Request) -> None:
    """Queue every recipient's row now; post the progress message and wake the worker."""
    state = await _draft(request, "confirm")
    if state is None:
        return
    request.answer()
    broadcast = await _create(request, dict(state.data), None)
    count = await dq.materialize_broadcast(
        request.session, broadcast.id, request.services.extras["clock"].now()
    )
    broadcast.progress_chat_id = request.chat_id
    await request.clear_state()
    text = request.t("bc.queued", id=broadcast.id, count=count)
    request.edit_or_reply(
        request.t(
            "bc.confirm", count=count, audience=_escape(describe(request, broadcast.audience))
        )
    )
    broadcast_id, bot, chat_id, services = (
        broadcast.id,
        request.context.bot,
        request.chat_id,
        request.services,
    )

    async def post_progress() -> None:
        """Send the progress message, remember it, and start sending."""
        message = await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)
        async with services.db.transaction() as session:
            row = await dq.get_broadcast(session, broadcast_id)
            if row is not None:
                row.progress_message_id = message.message_id
        services.extras["outbox"].wake()

    request.later(post_progress)


async def when_step(request: Request, state: ConversationState) -> None:
    """The local send time: validate, then schedule the broadcast."""
    text = expect_text(request, max_len=40)
    if text is None:
        return
    settings = request.settings
    at = parse_local_time(text, settings.tz)
    if at is None:
        request.reply_key("bc.bad_time", value=_escape(text), tz=settings.timezone)
        return
    scheduler = request.services.extras["scheduler"]
    if at <= scheduler.clock.now():
        request.reply_key("bc.past_time", value=_escape(text))
        return
    broadcast = await _create(request, dict(state.data), at)
    await scheduler.schedule(request.session, "broadcast", broadcast.id, at)
    await request.clear_state()
    local = at.astimezone(settings.tz).strftime("%Y-%m-%d %H:%M")
    request.reply_key("bc.scheduled", id=broadcast.id, at=local, count=state.data.get("count", 0))


async def waiting_buttons_step(request: Request, _state: ConversationState) -> None:
    """Text typed while buttons are expected."""
    request.reply_key("bc.use_buttons")


def _unit_rows() -> Any:
    """Select (id, name) of every unit."""
    return select(Unit.id, Unit.name).order_by(Unit.name)


async def _unit_names(request: Request, unit_ids: list[int]) -> list[str]:
    """Names of the chosen units, in choice order."""
    names = []
    for unit_id in unit_ids:
        unit = await request.session.get(Unit, unit_id)
        if unit is not None:
            names.append(unit.name)
    return names


def _escape(text: str) -> str:
    """Escape user text for HTML parse mode."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /umumkan, its buttons and steps, and the report commands."""
    add_command(app, "umumkan", umumkan_cmd, roles=HR)
    app.add_handler(CallbackQueryHandler(handler(roles=HR)(bc_callback), pattern=cb.pattern(FLOW)))
    flows = app.bot_data["services"].flows
    flows.on(FLOW, "text", text_step)
    flows.on(FLOW, "attach", attach_step)
    flows.on(FLOW, "units", units_step)
    flows.on(FLOW, "ref", ref_step)
    flows.on(FLOW, "when", when_step)
    flows.on(FLOW, "audience", waiting_buttons_step)
    flows.on(FLOW, "confirm", waiting_buttons_step)
    broadcasts_report.register(app)
