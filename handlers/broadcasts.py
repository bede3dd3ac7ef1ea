"""/umumkan: HR writes an announcement, attaches a file, picks the audience, sends or schedules.

The draft lives in the HR user's conversation state (``bc`` flow), so the buttons act
only on the presser's own draft; every button and step is re-checked for the ``hr`` role.
Sending and scheduling are ``bot.delivery.service``; the outbox worker sends the rows and
a progress message is edited. /terjadwal and /laporan_kirim live in
``handlers.broadcasts_report``.
"""

from __future__ import annotations

from typing import Any

from telegram import Message
from telegram.ext import Application

from bot.campaigns.preview import preview, sample_employee
from bot.delivery import picker
from bot.delivery import service as broadcasts
from bot.delivery.buttons import (
    BROADCAST_PICKER,
    AbortBroadcast,
    ChooseRefAudience,
    RefAudience,
    ScheduleBroadcast,
    SendBroadcast,
    SkipAttachment,
)
from bot.delivery.compose import MAX_TEXT, markup_problem, with_header
from bot.delivery.template import (
    BROADCAST_PLACEHOLDERS,
    has_placeholders,
    placeholder_list,
    template_error,
)
from bot.messages import Button, OutgoingMessage, rows
from handlers import broadcasts_report
from handlers.audience_picker import AudiencePicker, AudienceTexts
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.dates import shown_time, typed_date
from handlers.flows import Accepts, buttons_only, expect_text
from handlers.request import Request, escape_html
from storage.models import ConversationState

FLOW = "bc"
HR = ("hr",)
REF_AUDIENCES: dict[RefAudience, str] = {"plan": "bc.aud_plan", "survey_pending": "bc.aud_survey"}


async def umumkan_cmd(request: Request) -> None:
    """Start a new announcement draft."""
    await request.set_state(FLOW, "text", {})
    request.reply_key("bc.ask_text", placeholders=placeholder_list(BROADCAST_PLACEHOLDERS))


async def text_step(request: Request, state: ConversationState) -> None:
    """Validate the text (length, Telegram HTML), show the preview, ask for an attachment."""
    text = expect_text(request, max_len=MAX_TEXT)
    if text is None:
        return
    error = template_error(with_header(text), BROADCAST_PLACEHOLDERS)
    if error is not None and error.kind == "placeholder":
        known = placeholder_list(BROADCAST_PLACEHOLDERS)
        request.reply_key("bc.bad_placeholder", unknown=escape_html(error.detail), known=known)
        return
    if error is not None:
        request.reply_key("bc.bad_html", error=markup_problem(error.detail, request.locale))
        return
    await request.set_state(FLOW, "attach", {"text": text})
    shown = with_header(text)
    if has_placeholders(text, BROADCAST_PLACEHOLDERS):
        sample = await sample_employee(request.session, request.today(), request.locale)
        request.reply_key("bc.preview_for", name=escape_html(sample.name))
        shown = preview(shown, sample)
    else:
        request.reply_key("bc.preview_title")
    request.reply(shown)
    skip = Button(request.t("bc.btn_skip"), SkipAttachment())
    request.send(OutgoingMessage(request.t("bc.ask_attach"), rows([skip])))


async def attach_step(request: Request, state: ConversationState) -> None:
    """Keep a document or photo (its file_id) and echo it back."""
    message = request.update.effective_message
    assert isinstance(message, Message)  # the router passes only documents and photos
    if message.document is not None:
        file_id, kind = message.document.file_id, "document"
    else:
        file_id, kind = message.photo[-1].file_id, "photo"
    text = str(state.data.get("text", ""))
    if not broadcasts.caption_fits(text):
        request.reply_key("bc.caption_too_long", length=len(text))
        return
    await request.set_state(FLOW, "audience", {**state.data, "file_id": file_id, "file_kind": kind})
    bot, chat_id = request.context.bot, request.chat_id

    async def echo() -> None:
        """Show the attachment with the caption as recipients will see it."""
        if kind == "photo":
            await bot.send_photo(chat_id, file_id, caption=text)
        else:
            await bot.send_document(chat_id, file_id, caption=text)

    request.reply_key("bc.attached")
    request.later(echo)
    _ask_audience(request)


def _ask_audience(request: Request) -> None:
    """The audience buttons (plan / survey only when those features registered them)."""
    buttons = PICKER.audience_buttons(request)
    buttons += [
        (Button(request.t(key), ChooseRefAudience(kind)),)
        for kind, key in REF_AUDIENCES.items()
        if picker.ref_audience_available(kind)
    ]
    request.send(OutgoingMessage(request.t("bc.choose_audience"), tuple(buttons)))


async def skip_pressed(request: Request, _data: SkipAttachment) -> None:
    """No attachment: go on to the audience."""
    state = await PICKER.draft(request, "attach")
    if state is None:
        return
    await request.set_state(FLOW, "audience", dict(state.data))
    request.answer()
    _ask_audience(request)


async def ref_audience_pressed(request: Request, data: ChooseRefAudience) -> None:
    """Plan / survey audience button: ask for the plan or survey number."""
    if not picker.ref_audience_available(data.kind):
        request.answer(request.t("common.stale_button"), alert=True)
        return
    state = await PICKER.draft(request, *PICKER.audience_steps)
    if state is None:
        return
    request.answer()
    await request.set_state(FLOW, "ref", {**state.data, "ref_kind": data.kind})
    request.reply_key("bc.ask_ref", what=request.t(REF_AUDIENCES[data.kind]))


async def ref_step(request: Request, state: ConversationState) -> None:
    """The plan or survey number of a plan/survey audience."""
    text = expect_text(request, max_len=12)
    if text is None:
        return
    if not text.isdigit():
        request.reply_key("bc.bad_ref")
        return
    spec = picker.ref_audience(str(state.data.get("ref_kind")), int(text))
    await PICKER.confirm(request, state, spec)


async def _show_confirm(
    request: Request, _state: ConversationState, spec: dict[str, Any], count: int
) -> None:
    """Offer send now / schedule / cancel for ``count`` recipients."""
    buttons = rows(
        [Button(request.t("bc.btn_send"), SendBroadcast())],
        [Button(request.t("bc.btn_schedule"), ScheduleBroadcast())],
        [Button(request.t("bc.btn_abort"), AbortBroadcast())],
    )
    request.send(OutgoingMessage(_confirm_text(request, spec, count), buttons))


def _confirm_text(request: Request, spec: dict[str, Any], count: int) -> str:
    """The recipients line of the confirmation."""
    audience = escape_html(PICKER.describe(request, spec))
    return request.t("bc.confirm", count=count, audience=audience)


async def send_pressed(request: Request, _data: SendBroadcast) -> None:
    """Queue every recipient's row now; post the progress message and wake the worker."""
    state = await PICKER.draft(request, "confirm")
    if state is None:
        return
    request.answer()
    draft = broadcasts.BroadcastDraft.of(state.data)
    queued = await broadcasts.send_now(
        request.session, request.now(), request.telegram_id, draft, request.chat_id
    )
    await request.clear_state()
    request.edit_or_reply(_confirm_text(request, draft.audience, queued.count))
    text = request.t("bc.queued", id=queued.broadcast_id, count=queued.count)
    bot, chat_id, services = request.context.bot, request.chat_id, request.services

    async def post_progress() -> None:
        """Send the progress message, remember it, and start sending."""
        message = await bot.send_message(chat_id, text)
        async with services.db.transaction() as session:
            await broadcasts.remember_progress_message(
                session, queued.broadcast_id, message.message_id
            )
        services.outbox.wake()

    request.later(post_progress)


async def schedule_pressed(request: Request, _data: ScheduleBroadcast) -> None:
    """Ask for the local send time."""
    await PICKER.ask_when(request, "bc.ask_when")


async def abort_pressed(request: Request, _data: AbortBroadcast) -> None:
    """Drop the draft; nothing is sent."""
    await PICKER.abort(request, "bc.aborted")


async def when_step(request: Request, state: ConversationState) -> None:
    """The local send time: validate, then schedule the broadcast."""
    typed = typed_date(request, time_rule="required", not_past=True)
    if typed is None:
        return
    at = typed.at()
    draft = broadcasts.BroadcastDraft.of(state.data)
    result = await broadcasts.schedule(
        request.session, request.now(), request.telegram_id, draft, at,
        request.services.scheduler.schedule,
    )  # fmt: skip
    if isinstance(result, broadcasts.NotInFuture):
        request.reply_key("bc.past_time", value=shown_time(request, at))
        return
    await request.clear_state()
    local = shown_time(request, at)
    count = state.data.get("count", 0)
    request.reply_key("bc.scheduled", id=result.broadcast_id, at=local, count=count)


PICKER = AudiencePicker(
    flow=FLOW,
    texts=AudienceTexts(
        stale="bc.stale",
        audiences={"all": "bc.aud_all", "units": "bc.aud_units", "role": "bc.aud_role"},
        roles={"hr": "bc.role_hr", "approver": "bc.role_approver", "employee": "bc.role_employee"},
        choose_role="bc.choose_role",
        ask_unit="bc.ask_unit",
        unit_none="bc.unit_none",
        unit_matches="bc.unit_matches",
        btn_units_done="bc.btn_units_done",
        no_units="bc.no_units",
        no_recipients="bc.no_recipients",
    ),
    buttons=BROADCAST_PICKER,
    then=_show_confirm,
    audience_steps=("audience", "confirm", "units", "ref"),
    extra_audiences=REF_AUDIENCES,
    on_empty=_ask_audience,
)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /umumkan, its buttons and declared steps, and the report commands."""
    add_command(
        app,
        "umumkan",
        umumkan_cmd,
        roles=HR,
        description_key="cmd.umumkan",
        menu_key="menu.umumkan",
    )
    add_button(app, SkipAttachment, skip_pressed, roles=HR)
    add_button(app, ChooseRefAudience, ref_audience_pressed, roles=HR)
    add_button(app, SendBroadcast, send_pressed, roles=HR)
    add_button(app, ScheduleBroadcast, schedule_pressed, roles=HR)
    add_button(app, AbortBroadcast, abort_pressed, roles=HR)
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    flow.on("text", text_step, accepts=Accepts.TEXT)
    flow.on(
        "attach", attach_step, accepts=Accepts.DOCUMENT | Accepts.PHOTO, hint="bc.expect_attach"
    )
    flow.on("ref", ref_step, accepts=Accepts.TEXT)
    flow.on("when", when_step, accepts=Accepts.TEXT)
    flow.on("audience", buttons_only, accepts=Accepts.BUTTONS, hint="bc.use_buttons")
    flow.on("confirm", buttons_only, accepts=Accepts.BUTTONS, hint="bc.use_buttons")
    PICKER.register(app, HR)
    broadcasts_report.register(app)
