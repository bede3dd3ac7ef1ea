"""/sosialisasi: HR edits the socialization template; moves' campaigns follow the events.

The edits are ``bot.campaigns.service``. :class:`bot.services.campaigns.CampaignService`
(``services.campaigns``) is wired to the event bus and the scheduler by ``handlers.wiring``;
it tells HR through the outbox about steps already past at the decree.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.campaigns import service as campaigns
from bot.campaigns.buttons import EditStepOffset, EditStepText
from bot.campaigns.timing import format_offset
from bot.delivery.compose import MAX_TEXT, markup_problem
from bot.delivery.template import CAMPAIGN_PLACEHOLDERS, placeholder_list
from bot.i18n.dates import format_clock
from bot.messages import Button, OutgoingMessage
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.request import Request, escape_html
from storage.models import ConversationState

FLOW = "camp"
HR = ("hr",)
PREVIEW = 70


def _clock(request: Request, send_time: str) -> str:
    """A step's local send time as shown everywhere: ``08.00 WIB``."""
    return format_clock(time.fromisoformat(send_time), request.locale, request.settings.tz,
                        request.today())  # fmt: skip


async def campaigns_cmd(request: Request) -> None:
    """Show the default template's steps with edit buttons."""
    view = await campaigns.template_view(request.session, request.locale)
    lines = [request.t("campaigns.title", name=escape_html(view.name))]
    buttons = []
    for step in view.steps:
        preview = escape_html(step.text[:PREVIEW] + ("…" if len(step.text) > PREVIEW else ""))
        offset = format_offset(step.offset_days, request.t("campaigns.day_letter"))
        lines.append(
            request.t(
                "campaigns.step_line",
                n=step.n,
                offset=offset,
                time=_clock(request, step.send_time),
                preview=preview,
            )
        )
        buttons.append(
            (
                Button(
                    request.t("campaigns.btn_text", n=step.n), EditStepText(step.step_id, step.n)
                ),
                Button(
                    request.t("campaigns.btn_offset", n=step.n),
                    EditStepOffset(step.step_id, step.n),
                ),
            )
        )
    request.send(OutgoingMessage("\n".join(lines), tuple(buttons)))


async def edit_text_pressed(request: Request, data: EditStepText) -> None:
    """Ask for a step's new text in HR's language, showing the current one to copy."""
    step = await campaigns.step_of(request.session, data.step_id, data.n, request.locale)
    if step is None:
        raise CallbackDataError("unknown step")
    request.answer()
    await request.set_state(FLOW, "text", {"step_id": data.step_id, "n": data.n})
    language = request.t("campaigns.language_name")
    known = placeholder_list(CAMPAIGN_PLACEHOLDERS)
    request.reply_key(
        "campaigns.ask_text", n=data.n, lang=language, placeholders=known,
        current=escape_html(step.text),
    )  # fmt: skip


async def edit_offset_pressed(request: Request, data: EditStepOffset) -> None:
    """Ask for a step's new timing, showing the current one."""
    step = await campaigns.step_of(request.session, data.step_id, data.n, request.locale)
    if step is None:
        raise CallbackDataError("unknown step")
    request.answer()
    await request.set_state(FLOW, "offset", {"step_id": data.step_id, "n": data.n})
    current = f"{format_offset(step.offset_days)} {step.send_time}"
    request.reply_key("campaigns.ask_offset", n=data.n, current=current)


async def text_step(request: Request, state: ConversationState) -> None:
    """Save a step's new text in the HR user's language."""
    text = expect_text(request, max_len=MAX_TEXT)
    if text is None:
        return
    step_id = int(state.data["step_id"])
    result = await campaigns.save_text(
        request.session, request.telegram_id, step_id, request.locale, text, request.today()
    )
    await _edited(request, result)


async def offset_step(request: Request, state: ConversationState) -> None:
    """Save a step's new offset (and send time)."""
    text = expect_text(request, max_len=20)
    if text is None:
        return
    step_id = int(state.data["step_id"])
    result = await campaigns.save_offset(request.session, request.telegram_id, step_id, text)
    if result.outcome == "bad_offset":
        request.reply_key("campaigns.bad_offset", value=escape_html(text))
        return
    await _edited(request, result)


async def _edited(request: Request, result: campaigns.Edited) -> None:
    """Render an edit: bad HTML (step kept), gone (flow left) or saved (template shown)."""
    if result.outcome == "bad_html":
        request.reply_key("campaigns.bad_html", error=markup_problem(result.error, request.locale))
        return
    if result.outcome == "bad_placeholder":
        known = placeholder_list(CAMPAIGN_PLACEHOLDERS)
        request.reply_key(
            "campaigns.bad_placeholder", unknown=escape_html(result.error), known=known
        )
        return
    if result.outcome == "bad_placeholder":
        known = placeholder_list(CAMPAIGN_PLACEHOLDERS)
        request.reply_key(
            "campaigns.bad_placeholder", unknown=escape_html(result.error), known=known
        )
        return
    await request.clear_state()
    if result.outcome == "gone":
        request.reply_key("common.stale_button")
        return
    request.reply_key("campaigns.saved")
    if result.preview:
        request.reply_key("campaigns.preview_title", name=escape_html(result.sample))
        request.reply(result.preview)
    await campaigns_cmd(request)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /sosialisasi, its buttons and steps."""
    services = services_of(app)
    add_command(
        app,
        "sosialisasi",
        campaigns_cmd,
        roles=HR,
        description_key="cmd.sosialisasi",
        menu_key="menu.sosialisasi",
    )
    add_button(app, EditStepText, edit_text_pressed, roles=HR)
    add_button(app, EditStepOffset, edit_offset_pressed, roles=HR)
    flow = services.flows.flow(FLOW, roles=HR)
    flow.on("text", text_step, accepts=Accepts.TEXT)
    flow.on("offset", offset_step, accepts=Accepts.TEXT)
