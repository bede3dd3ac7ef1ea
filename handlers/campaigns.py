"""/sosialisasi: HR edits the socialization template; moves' campaigns follow the events.

``register(app)`` wires :class:`bot.services.campaigns.CampaignService` to the event bus
(``move.decreed`` / ``move.tmt_changed`` / ``move.cancelled``) and the scheduler created by
``handlers.delivery_services``; it is stored in ``services.extras["campaigns"]``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.campaigns.defaults import default_text
from bot.campaigns.timing import OffsetError, format_offset, parse_offset
from bot.delivery.compose import MAX_TEXT, html_error
from bot.events import MoveEvent
from bot.services.campaigns import CampaignService
from bot.texts import t
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.request import Request, escape_html, keyboard
from storage.models import CampaignStep, ConversationState
from storage.queries import campaigns as cq
from storage.queries import users

log = logging.getLogger(__name__)
FLOW = "camp"
HR = ("hr",)
PREVIEW = 70


def _text_of(locale: str, key: str) -> str:
    """Raw locale text (placeholders kept) for seeding the default template."""
    return default_text(locale, key)


async def campaigns_cmd(request: Request) -> None:
    """Show the default template's steps with edit buttons."""
    template = await cq.default_template(request.session, _text_of)
    steps = await cq.steps_of(request.session, template.id)
    lines = [request.t("campaigns.title", name=escape_html(template.name))]
    rows = []
    for n, step in enumerate(steps, start=1):
        text = step.text_en if request.locale == "en" else step.text_id
        preview = escape_html(text[:PREVIEW] + ("…" if len(text) > PREVIEW else ""))
        lines.append(
            request.t(
                "campaigns.step_line",
                n=n,
                offset=format_offset(step.offset_days),
                time=step.send_time,
                preview=preview,
            )
        )
        rows.append(
            [
                (request.t("campaigns.btn_text", n=n), cb.build(FLOW, "text", step.id, n)),
                (request.t("campaigns.btn_offset", n=n), cb.build(FLOW, "offset", step.id, n)),
            ]
        )
    request.reply("\n".join(lines), keyboard(rows))


async def campaigns_callback(request: Request) -> None:
    """Edit buttons: ask for a step's new text or offset."""
    data = request.button()
    step = await request.session.get(CampaignStep, data.int_arg(0))
    if step is None or data.action not in ("text", "offset"):
        raise cb.CallbackDataError("unknown step")
    request.answer()
    n = data.int_arg(1)
    await request.set_state(FLOW, data.action, {"step_id": step.id, "n": n})
    if data.action == "text":
        lang = "English" if request.locale == "en" else "Bahasa Indonesia"
        request.reply_key("campaigns.ask_text", n=n, lang=lang)
    else:
        request.reply_key("campaigns.ask_offset", n=n)


async def _flow_step(request: Request, state: ConversationState) -> CampaignStep | None:
    """The campaign step the flow edits; None (state cleared, user told) when it is gone."""
    step = await request.session.get(CampaignStep, int(state.data["step_id"]))
    if step is None:
        await request.clear_state()
        request.reply_key("common.stale_button")
    return step


async def text_step(request: Request, state: ConversationState) -> None:
    """Save a step's new text in the HR user's language."""
    text = expect_text(request, max_len=MAX_TEXT)
    if text is None:
        return
    error = html_error(text)
    if error is not None:
        request.reply_key("campaigns.bad_html", error=escape_html(error))
        return
    step = await _flow_step(request, state)
    if step is None:
        return
    if request.locale == "en":
        step.text_en = text
    else:
        step.text_id = text
    step.updated_by = request.telegram_id
    await request.clear_state()
    request.reply_key("campaigns.saved")
    await campaigns_cmd(request)


async def offset_step(request: Request, state: ConversationState) -> None:
    """Save a step's new offset (and send time)."""
    text = expect_text(request, max_len=20)
    if text is None:
        return
    step = await _flow_step(request, state)
    if step is None:
        return
    try:
        offset = parse_offset(text, step.send_time)
    except OffsetError:
        request.reply_key("campaigns.bad_offset", value=escape_html(text))
        return
    step.offset_days, step.send_time = offset.days, offset.send_time
    step.updated_by = request.telegram_id
    await request.clear_state()
    request.reply_key("campaigns.saved")
    await campaigns_cmd(request)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Wire the campaign service to the events and scheduler; install /sosialisasi."""
    services = app.bot_data["services"]
    # handlers.delivery_services (registered earlier) created the scheduler and worker.
    service = CampaignService(
        services.extras["scheduler"],
        services.settings.tz,
        _text_of,
        services.settings.default_locale,
        wake=services.extras["outbox"].wake,
    )
    service.on_skipped = _skip_reporter(app, service)
    service.attach(services.events)
    services.extras["campaigns"] = service
    add_command(
        app,
        "sosialisasi",
        campaigns_cmd,
        description_key="cmd.sosialisasi",
        menu_key="menu.sosialisasi",
        roles=HR,
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=HR)(campaigns_callback), pattern=cb.pattern(FLOW))
    )
    services.flows.on(FLOW, "text", text_step)
    services.flows.on(FLOW, "offset", offset_step)


def _skip_reporter(app: Application[Any, Any, Any, Any, Any, Any], service: CampaignService) -> Any:
    """A callback telling HR (after the decree commits) which steps were skipped."""
    tasks: set[asyncio.Task[None]] = set()

    def report(ev: MoveEvent, count: int) -> None:
        """Queue the HR notice; it is sent only when there is a running loop."""

        async def send() -> None:
            """Message every HR user."""
            services = app.bot_data["services"]
            async with services.db.transaction() as session:
                hr_ids = await users.users_with_role(session, "hr")
            text = t(
                services.settings.default_locale, "campaigns.skipped_report", move=ev.move_id,
                count=count, tmt=ev.effective_date.strftime("%d-%m-%Y"),
            )  # fmt: skip
            for chat_id in hr_ids:
                await app.bot.send_message(chat_id, text)

        task = asyncio.get_running_loop().create_task(send())
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    return report
