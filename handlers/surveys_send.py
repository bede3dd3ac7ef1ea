"""HR sends a survey in chat: /survei → "Kirim" → audience → count → now or a local time.

The draft (survey id, chosen units, audience, count) lives in the HR user's conversation
state (``svs`` flow), so buttons act only on the presser's own draft, and every button
and step is re-checked for the ``hr`` role. Sending goes through
:func:`bot.surveys.sending.send_survey`, the same function ``asn-bot survey send`` calls.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from telegram.ext import Application

from bot.delivery.audience import AudienceError
from bot.messages import Button, OutgoingMessage, rows
from bot.surveys.buttons import (
    SEND_PICKER,
    AbortSurveySending,
    PickSurveyToSend,
    SendSurveyLater,
    SendSurveyNow,
)
from bot.surveys.sending import SendError, send_from_chat, sendable
from handlers.audience_picker import AudiencePicker, AudienceTexts
from handlers.buttons import add_button
from handlers.context import services_of
from handlers.dates import shown_time, typed_date
from handlers.flows import Accepts, buttons_only
from handlers.request import Request, escape_html
from storage.models import ConversationState

FLOW = "svs"
HR = ("hr",)


def _abort_button(request: Request) -> Button:
    """Drop the sending draft."""
    return Button(request.t("survey.btn_abort"), AbortSurveySending())


async def pick_pressed(request: Request, data: PickSurveyToSend) -> None:
    """Start a sending of one survey: ask for the audience."""
    survey = await sendable(request.session, data.survey_id)
    if survey is None:
        request.answer(request.t("survey.unknown_survey"), alert=True)
        return
    request.answer()
    await request.set_state(FLOW, "audience", {"survey_id": data.survey_id, "unit_ids": []})
    buttons = [*PICKER.audience_buttons(request), (_abort_button(request),)]
    title = escape_html(survey.title_in(request.locale))
    text = request.t("survey.send_choose_audience", title=title)
    request.send(OutgoingMessage(text, tuple(buttons)))


async def _show_confirm(
    request: Request, state: ConversationState, spec: dict[str, Any], count: int
) -> None:
    """Offer send now / schedule / cancel for ``count`` recipients."""
    buttons = rows(
        [Button(request.t("survey.btn_send_now"), SendSurveyNow())],
        [Button(request.t("survey.btn_send_later"), SendSurveyLater())],
        [_abort_button(request)],
    )
    text = request.t(
        "survey.send_confirm",
        id=state.data.get("survey_id"),
        count=count,
        audience=escape_html(PICKER.describe(request, spec)),
    )
    request.send(OutgoingMessage(text, buttons))


async def now_pressed(request: Request, _data: SendSurveyNow) -> None:
    """Open the sending now."""
    state = await PICKER.draft(request, "confirm")
    if state is None:
        return
    request.answer()
    await _send(request, state, None)


async def later_pressed(request: Request, _data: SendSurveyLater) -> None:
    """Ask for the local opening time."""
    await PICKER.ask_when(request, "survey.send_ask_when")


async def abort_pressed(request: Request, _data: AbortSurveySending) -> None:
    """Drop the draft."""
    await PICKER.abort(request, "survey.send_aborted")


async def when_step(request: Request, state: ConversationState) -> None:
    """The local opening time (a date with a time, not past): then schedule the sending."""
    typed = typed_date(request, time_rule="required", not_past=True)
    if typed is not None:
        await _send(request, state, typed.at())


async def _send(request: Request, state: ConversationState, at: datetime | None) -> None:
    """Create the round through the shared path and confirm with its id."""
    try:
        sent = await send_from_chat(
            request.session,
            request.telegram_id,
            int(state.data["survey_id"]),
            dict(state.data["audience"]),
            schedule=request.services.scheduler.schedule,
            now=request.now(),
            run_at=at,
            tz=request.settings.tz,
        )
    except (SendError, AudienceError) as exc:
        request.reply_key(exc.key, **exc.params)
        return
    await request.clear_state()
    key = "survey.send_done_later" if at is not None else "survey.send_done_now"
    request.reply_key(
        key,
        round=sent.round_id,
        id=sent.survey_id,
        count=sent.count,
        when=shown_time(request, sent.run_at),
        closes=shown_time(request, sent.closes_at),
    )


PICKER = AudiencePicker(
    flow=FLOW,
    texts=AudienceTexts(
        stale="survey.send_stale",
        audiences={"all": "survey.aud_all", "units": "survey.aud_units", "role": "survey.aud_role"},
        roles={
            "hr": "survey.role_hr",
            "approver": "survey.role_approver",
            "employee": "survey.role_employee",
        },
        choose_role="survey.send_choose_role",
        ask_unit="survey.send_ask_unit",
        unit_none="survey.send_unit_none",
        unit_matches="survey.send_unit_matches",
        btn_units_done="survey.btn_units_done",
        no_units="survey.send_no_units",
        no_recipients="survey.send_no_recipients",
    ),
    buttons=SEND_PICKER,
    then=_show_confirm,
)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the sending buttons and declared steps (HR only)."""
    add_button(app, PickSurveyToSend, pick_pressed, roles=HR)
    add_button(app, SendSurveyNow, now_pressed, roles=HR)
    add_button(app, SendSurveyLater, later_pressed, roles=HR)
    add_button(app, AbortSurveySending, abort_pressed, roles=HR)
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    flow.on("when", when_step, accepts=Accepts.TEXT)
    hint = "survey.send_use_buttons"
    flow.on("audience", buttons_only, accepts=Accepts.BUTTONS, hint=hint)
    flow.on("confirm", buttons_only, accepts=Accepts.BUTTONS, hint=hint)
    PICKER.register(app, HR)
