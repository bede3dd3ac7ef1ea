"""HR sends a survey in chat: /survei → "Kirim" → audience → count → now or a local time.

The draft (survey id, chosen units, audience, count) lives in the HR user's conversation
state (``svs`` flow), so buttons act only on the presser's own draft, and every button is
re-checked for the ``hr`` role. Sending goes through :func:`bot.surveys.sending.send_survey`,
the same function the ``asn-bot survey send`` command calls.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.delivery.audience import AudienceError
from bot.delivery.compose import parse_local_time
from bot.surveys.sending import TIME_FORMAT, SendError, send_survey
from handlers.audience_picker import AudiencePicker, AudienceTexts, example_time
from handlers.base import handler
from handlers.flows import expect_text
from handlers.request import Request, keyboard
from storage.models import ConversationState
from storage.models.surveys import Survey
from storage.queries import audit
from storage.queries import surveys as q

FLOW = "svs"
HR = ("hr",)


def send_button(request: Request, survey_id: int) -> tuple[str, str]:
    """The "send" button of one survey in the /survei list."""
    return request.t("survey.btn_send_to", id=survey_id), cb.build(FLOW, "pick", survey_id)


PICKER = AudiencePicker(
    flow=FLOW,
    texts=AudienceTexts(
        stale="survey.send_stale",
        aud="survey.aud",
        role="survey.role",
        choose_role="survey.send_choose_role",
        ask_unit="survey.send_ask_unit",
        unit_none="survey.send_unit_none",
        unit_matches="survey.send_unit_matches",
        btn_units_done="survey.btn_units_done",
        no_units="survey.send_no_units",
        no_recipients="survey.send_no_recipients",
    ),
    escape=html.escape,
)


def _ask_audience(request: Request, title: str) -> None:
    """The audience buttons."""
    rows = PICKER.audience_rows(request)
    rows.append([(request.t("survey.btn_abort"), cb.build(FLOW, "abort"))])
    text = request.t("survey.send_choose_audience", title=html.escape(title))
    request.reply(text, keyboard(rows))


async def _pick(request: Request, survey_id: int) -> None:
    """Start a sending of ``survey_id``."""
    survey = await request.session.get(Survey, survey_id)
    if survey is None:
        request.answer(request.t("survey.unknown_survey"), alert=True)
        return
    request.answer()
    await request.set_state(FLOW, "audience", {"survey_id": survey.id, "unit_ids": []})
    _ask_audience(request, q.definition_of(survey).title_in(request.locale))


async def send_callback(request: Request) -> None:
    """Every button of the sending flow (HR only, on the presser's own draft)."""
    data = request.button()
    action = data.action
    if action == "pick":
        await _pick(request, data.int_arg(0))
    elif action in ("now", "sched", "abort"):
        await _final_action(request, action)
    elif not await PICKER.handle(request, data, _show_confirm):
        raise cb.CallbackDataError("unknown action")


async def _show_confirm(
    request: Request, state: ConversationState, spec: dict[str, Any], count: int
) -> None:
    """Offer send now / schedule / cancel for ``count`` recipients."""
    rows = [
        [(request.t("survey.btn_send_now"), cb.build(FLOW, "now"))],
        [(request.t("survey.btn_send_later"), cb.build(FLOW, "sched"))],
        [(request.t("survey.btn_abort"), cb.build(FLOW, "abort"))],
    ]
    text = request.t(
        "survey.send_confirm",
        id=state.data.get("survey_id"),
        count=count,
        audience=html.escape(describe(request, spec)),
    )
    request.reply(text, keyboard(rows))


def describe(request: Request, spec: dict[str, Any]) -> str:
    """A short human description of an audience spec."""
    return PICKER.describe(request, spec)


async def _final_action(request: Request, action: str) -> None:
    """Send now, ask for a time, or abandon the draft."""
    state = await PICKER.draft(request, *(("confirm",) if action != "abort" else ()))
    if state is None:
        return
    request.answer()
    if action == "abort":
        await request.clear_state()
        request.edit_or_reply(request.t("survey.send_aborted"))
    elif action == "sched":
        await request.set_state(FLOW, "when", dict(state.data))
        example = example_time(request)
        request.reply_key("survey.send_ask_when", tz=request.settings.timezone, example=example)
    else:
        await _send(request, state, None)


async def when_step(request: Request, state: ConversationState) -> None:
    """The local opening time "YYYY-MM-DD HH:MM": validate, then schedule the sending."""
    text = expect_text(request, max_len=40)
    if text is None:
        return
    at = parse_local_time(text, request.settings.tz)
    if at is None:
        value, tz = html.escape(text), request.settings.timezone
        request.reply_key("survey.send_bad_time", value=value, tz=tz)
        return
    await _send(request, state, at)


async def _send(request: Request, state: ConversationState, at: datetime | None) -> None:
    """Create the round through the shared path and confirm with its id."""
    scheduler = request.services.extras["scheduler"]
    try:
        sent = await send_survey(
            request.session,
            int(state.data["survey_id"]),
            dict(state.data["audience"]),
            schedule=scheduler.schedule,
            actor=audit.actor_of(request.telegram_id),
            now=scheduler.clock.now(),
            run_at=at,
            tz=request.settings.tz,
        )
    except (SendError, AudienceError) as exc:
        request.reply_key(exc.key, **exc.params)
        return
    await request.clear_state()
    tz = request.settings.tz
    key = "survey.send_done_later" if at is not None else "survey.send_done_now"
    request.reply_key(
        key,
        round=sent.round_id,
        id=sent.survey_id,
        count=sent.count,
        when=sent.run_at.astimezone(tz).strftime(TIME_FORMAT),
        closes=sent.closes_at.astimezone(tz).strftime(TIME_FORMAT),
        tz=request.settings.timezone,
    )


async def waiting_buttons_step(request: Request, _state: ConversationState) -> None:
    """Text typed while buttons are expected."""
    request.reply_key("survey.send_use_buttons")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the sending buttons and steps (HR only)."""
    app.add_handler(
        CallbackQueryHandler(handler(roles=HR)(send_callback), pattern=cb.pattern(FLOW))
    )
    flows = app.bot_data["services"].flows
    flows.on(FLOW, "units", PICKER.units_step)
    flows.on(FLOW, "when", when_step)
    flows.on(FLOW, "audience", waiting_buttons_step)
    flows.on(FLOW, "confirm", waiting_buttons_step)
