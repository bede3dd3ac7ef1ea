"""/umumkan: HR writes an announcement, attaches a file, picks the audience, sends or schedules.

The draft lives in the HR user's conversation state (``bc`` flow), so the buttons act
only on the presser's own draft; every button is re-checked for the ``hr`` role. Sending
writes the broadcast and one outbox row per recipient in the update's transaction; the
outbox worker (``handlers.delivery_services``) sends them and a progress message is edited.
/terjadwal and /laporan_kirim live in ``handlers.broadcasts_report``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from telegram import Message
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.delivery.compose import MAX_CAPTION, MAX_TEXT, html_error, parse_local_time
from handlers import broadcasts_report
from handlers.audience_picker import AudiencePicker, AudienceTexts, example_time
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.request import Request, escape_html, keyboard
from storage.models import ConversationState
from storage.queries import delivery as dq
from storage.queries.audiences import _RESOLVERS as EXTRA_RESOLVERS

FLOW = "bc"
HR = ("hr",)
EXTRA_AUDIENCES = {"plan": "bc.aud_plan", "survey_pending": "bc.aud_survey"}


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
        request.reply_key("bc.bad_html", error=escape_html(error))
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
    rows = PICKER.audience_rows(request)
    rows += [
        [(request.t(key), cb.build(FLOW, "aud", kind))]
        for kind, key in EXTRA_AUDIENCES.items()
        if kind in EXTRA_RESOLVERS
    ]
    request.reply(request.t("bc.choose_audience"), keyboard(rows))


PICKER = AudiencePicker(
    flow=FLOW,
    texts=AudienceTexts(
        stale="bc.stale",
        aud="bc.aud",
        role="bc.role",
        choose_role="bc.choose_role",
        ask_unit="bc.ask_unit",
        unit_none="bc.unit_none",
        unit_matches="bc.unit_matches",
        btn_units_done="bc.btn_units_done",
        no_units="bc.no_units",
        no_recipients="bc.no_recipients",
    ),
    escape=escape_html,
    audience_steps=("audience", "confirm", "units", "ref"),
    extra_audiences=EXTRA_AUDIENCES,
    on_empty=_ask_audience,
)


async def bc_callback(request: Request) -> None:
    """Every button of the compose flow (HR only, on the presser's own draft)."""
    data = request.button()
    action = data.action
    if action == "aud" and data.arg(0) in EXTRA_AUDIENCES and data.arg(0) in EXTRA_RESOLVERS:
        await _choose_ref_audience(request, data.arg(0))
        return
    if await PICKER.handle(request, data, _show_confirm):
        return
    if action == "skip":
        state = await PICKER.draft(request, "attach")
        if state is None:
            return
        await request.set_state(FLOW, "audience", dict(state.data))
        request.answer()
        _ask_audience(request)
    elif action == "send":
        await _send_now(request)
    elif action == "sched":
        state = await PICKER.draft(request, "confirm")
        if state is None:
            return
        request.answer()
        await request.set_state(FLOW, "when", dict(state.data))
        example = example_time(request)
        request.reply_key("bc.ask_when", tz=request.settings.timezone, example=example)
    elif action == "abort":
        if await PICKER.draft(request) is None:
            return
        await request.clear_state()
        request.answer()
        request.edit_or_reply(request.t("bc.aborted"))
    else:
        raise cb.CallbackDataError("unknown action")


async def _choose_ref_audience(request: Request, kind: str) -> None:
    """Plan / survey audience button: ask for the plan or survey number."""
    state = await PICKER.draft(request, *PICKER.audience_steps)
    if state is None:
        return
    request.answer()
    await request.set_state(FLOW, "ref", {**state.data, "ref_kind": kind})
    request.reply_key("bc.ask_ref", what=request.t(EXTRA_AUDIENCES[kind]))


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
    await PICKER.confirm(request, state, spec, _show_confirm)


async def _show_confirm(
    request: Request, _state: ConversationState, spec: dict[str, Any], count: int
) -> None:
    """Offer send now / schedule / cancel for ``count`` recipients."""
    rows = [
        [(request.t("bc.btn_send"), cb.build(FLOW, "send"))],
        [(request.t("bc.btn_schedule"), cb.build(FLOW, "sched"))],
        [(request.t("bc.btn_abort"), cb.build(FLOW, "abort"))],
    ]
    request.reply(
        request.t("bc.confirm", count=count, audience=escape_html(describe(request, spec))),
        keyboard(rows),
    )


def describe(request: Request, spec: dict[str, Any]) -> str:
    """A short human description of an audience spec."""
    return PICKER.describe(request, spec)


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
    state = await PICKER.draft(request, "confirm")
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
            "bc.confirm", count=count, audience=escape_html(describe(request, broadcast.audience))
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
        request.reply_key("bc.bad_time", value=escape_html(text), tz=settings.timezone)
        return
    scheduler = request.services.extras["scheduler"]
    if at <= scheduler.clock.now():
        request.reply_key("bc.past_time", value=escape_html(text))
        return
    broadcast = await _create(request, dict(state.data), at)
    await scheduler.schedule(request.session, "broadcast", broadcast.id, at)
    await request.clear_state()
    local = at.astimezone(settings.tz).strftime("%Y-%m-%d %H:%M")
    request.reply_key("bc.scheduled", id=broadcast.id, at=local, count=state.data.get("count", 0))


async def waiting_buttons_step(request: Request, _state: ConversationState) -> None:
    """Text typed while buttons are expected."""
    request.reply_key("bc.use_buttons")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /umumkan, its buttons and steps, and the report commands."""
    add_command(
        app,
        "umumkan",
        umumkan_cmd,
        description_key="cmd.umumkan",
        menu_key="menu.umumkan",
        roles=HR,
    )
    app.add_handler(CallbackQueryHandler(handler(roles=HR)(bc_callback), pattern=cb.pattern(FLOW)))
    flows = app.bot_data["services"].flows
    flows.on(FLOW, "text", text_step)
    flows.on(FLOW, "attach", attach_step)
    flows.on(FLOW, "units", PICKER.units_step)
    flows.on(FLOW, "ref", ref_step)
    flows.on(FLOW, "when", when_step)
    flows.on(FLOW, "audience", waiting_buttons_step)
    flows.on(FLOW, "confirm", waiting_buttons_step)
    broadcasts_report.register(app)
