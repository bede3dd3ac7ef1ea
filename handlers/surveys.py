"""Answering surveys in chat: one question at a time, back/skip, summary, resumable.

The workflows are ``bot.surveys.service``: the draft lives in the participation row (the
conversation state only says which participation is being answered), so a restart or
/cancel continues where it was. Buttons carry the participation id and question index,
both re-checked by the service. This module also stores the shipped survey at start and
runs the repeating job that publishes anonymous answers in batches (``bot.surveys.publishing``).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.messages import Button, OutgoingMessage
from bot.surveys import PUBLISH_EVERY_SECONDS, publishing
from bot.surveys import service as surveys
from bot.surveys.buttons import (
    AnswerQuestion,
    ConfirmOptions,
    LegacyStartSurvey,
    PreviousQuestion,
    ReviseAnswers,
    SkipQuestion,
    StartSurvey,
    SubmitAnswers,
    ToggleOption,
)
from bot.surveys.definition import default_survey_path, load_file
from bot.surveys.service_hr import store_default_survey
from bot.surveys.views import draft_view
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import BotContext, add_lifecycle, services_of
from handlers.flows import Accepts, message_text
from handlers.followup import ask_contact
from handlers.request import Request
from storage.models import ConversationState

FLOW = "survey"
STEP = "q"
Result = surveys.Asking | surveys.Refused | surveys.Invalid


def _employee_id(request: Request) -> int | None:
    """The pressing user's employee id (None when not linked)."""
    return request.employee.id if request.employee is not None else None


async def _show(request: Request, asking: surveys.Asking) -> None:
    """Remember the participation being answered and show where the draft is."""
    await request.set_state(FLOW, STEP, {"pid": asking.participation_id})
    survey = asking.survey
    request.send(
        draft_view(request.t, request.locale, survey, asking.participation_id, asking.draft)
    )


async def start(request: Request, pid: int) -> None:
    """Start (with the anonymity statement) or resume a participation."""
    result = await surveys.start(request.session, request.now(), _employee_id(request), pid)
    request.answer()
    if isinstance(result, surveys.Refused):
        request.reply_key(result.key)
        return
    survey = result.survey
    if result.started:
        anonymity = request.t("survey.anon_yes" if survey.anonymous else "survey.anon_no")
        intro = survey.intro.get(request.locale) or survey.intro.get("id", "")
        title = survey.title_in(request.locale)
        request.reply_key("survey.intro", title=title, intro=intro, anonymity=anonymity)
    else:
        request.reply_key("survey.resumed")
    await _show(request, result)


async def isi_survei_cmd(request: Request) -> None:
    """List (or resume, when there is one) the surveys waiting for the employee."""
    assert request.employee is not None
    waiting = await surveys.open_surveys(request.session, request.now(), request.employee.id)
    if not waiting:
        request.reply_key("survey.none_open")
        return
    if len(waiting) == 1:
        await start(request, waiting[0][0])
        return
    rows = tuple(
        (Button(survey.title_in(request.locale)[:60], StartSurvey(pid)),) for pid, survey in waiting
    )
    request.send(OutgoingMessage(request.t("survey.open_list"), rows))


async def start_pressed(request: Request, data: StartSurvey) -> None:
    """The invitation's (or the list's) start button."""
    await start(request, data.participation_id)


async def legacy_start_pressed(request: Request, data: LegacyStartSurvey) -> None:
    """The start button of an invitation sent before the typed buttons."""
    await start(request, data.participation_id)


async def _pressed(request: Request, pid: int, index: int, change: surveys.Change) -> None:
    """Apply a question button; refusals and invalid answers come back as alerts."""
    result = await surveys.change(
        request.session, request.now(), _employee_id(request), pid, index, change
    )
    await _render_pressed(request, result)


async def _render_pressed(request: Request, result: Result) -> None:
    """Alert why nothing was stored, or show the next question."""
    if isinstance(result, surveys.Refused):
        request.answer(request.t(result.key), alert=True)
    elif isinstance(result, surveys.Invalid):
        request.answer(request.t(result.key, **result.params), alert=True)
    else:
        request.answer()
        await _show(request, result)


async def answer_pressed(request: Request, data: AnswerQuestion) -> None:
    """A Likert, scale or single-choice answer."""
    change = surveys.answer_with(data.value)
    await _pressed(request, data.participation_id, data.index, change)


async def toggle_pressed(request: Request, data: ToggleOption) -> None:
    """Tick or untick an option of a multiple-choice question."""
    change = surveys.toggle_option(data.option)
    await _pressed(request, data.participation_id, data.index, change)


async def options_done_pressed(request: Request, data: ConfirmOptions) -> None:
    """Answer a multiple-choice question with the ticked options."""
    await _pressed(request, data.participation_id, data.index, surveys.confirm_options)


async def skip_pressed(request: Request, data: SkipQuestion) -> None:
    """Skip an optional question."""
    await _pressed(request, data.participation_id, data.index, surveys.skip_question)


async def back_pressed(request: Request, data: PreviousQuestion) -> None:
    """Go back one question."""
    await _pressed(request, data.participation_id, data.index, surveys.previous_question)


async def revise_pressed(request: Request, data: ReviseAnswers) -> None:
    """From the summary back to the last question."""
    result = await surveys.revise(
        request.session, request.now(), _employee_id(request), data.participation_id
    )
    await _render_pressed(request, result)


async def submit_pressed(request: Request, data: SubmitAnswers) -> None:
    """Send the answers shown in the summary."""
    result = await surveys.submit(
        request.session, request.now(), _employee_id(request), data.participation_id,
        request.today(),
    )  # fmt: skip
    if isinstance(result, surveys.Refused):
        request.answer(request.t(result.key), alert=True)
        return
    request.answer()
    await request.clear_state()
    request.reply_key("survey.thanks")
    if result.anonymous:  # a separate question, answered in its own update
        ask_contact(request, data.participation_id)


async def answer_step(request: Request, state: ConversationState) -> None:
    """A typed answer: text questions, or a number for scale questions."""
    pid = int(state.data.get("pid", 0))
    text = message_text(request) or ""
    result = await surveys.typed_answer(
        request.session, request.now(), _employee_id(request), pid, text
    )
    if isinstance(result, surveys.Refused):
        await request.clear_state()
        request.reply_key(result.key)
    elif isinstance(result, surveys.Invalid):
        request.reply_key(result.key, **result.params)
    else:
        await _show(request, result)


async def load_default_survey(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Store the shipped post-mutation survey on first start (never overwrites edits)."""
    definition = await asyncio.to_thread(load_file, default_survey_path())
    async with services_of(app).db.transaction() as session:
        await store_default_survey(session, definition)


async def publish_job(context: BotContext) -> None:
    """Publish the anonymous answers whose batch is complete (its own transactions)."""
    services = context.services
    every = timedelta(seconds=PUBLISH_EVERY_SECONDS)
    await publishing.publish_tick(
        services.db, services.outbox.worker_id, every, services.clock.now(),
        services.settings.survey_min_group,
    )  # fmt: skip


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /isi_survei, its buttons and typed step, the default survey, the publishing job."""
    add_command(
        app,
        "isi_survei",
        isi_survei_cmd,
        description_key="cmd.isi_survei",
        menu_key="menu.isi_survei",
    )
    add_button(app, StartSurvey, start_pressed, linked=True)
    add_button(app, LegacyStartSurvey, legacy_start_pressed, linked=True)
    add_button(app, AnswerQuestion, answer_pressed, linked=True)
    add_button(app, ToggleOption, toggle_pressed, linked=True)
    add_button(app, ConfirmOptions, options_done_pressed, linked=True)
    add_button(app, SkipQuestion, skip_pressed, linked=True)
    add_button(app, PreviousQuestion, back_pressed, linked=True)
    add_button(app, ReviseAnswers, revise_pressed, linked=True)
    add_button(app, SubmitAnswers, submit_pressed, linked=True)
    flow = services_of(app).flows.flow(FLOW, keeps_draft=True, resume_command="/isi_survei")
    flow.on(STEP, answer_step, accepts=Accepts.TEXT, hint="survey.err_use_buttons")
    add_lifecycle(app, on_start=load_default_survey)
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            publish_job,
            interval=PUBLISH_EVERY_SECONDS,
            first=PUBLISH_EVERY_SECONDS,
            name="survey-publish",
        )
