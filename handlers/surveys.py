"""Answering surveys in chat: one question at a time, back/skip, summary, resumable.

The draft lives in the participation row (and the conversation state only says which
participation is being answered), so a restart or /cancel continues where it was. Every
button carries the participation id and the question index, both re-checked here:
a forged or stale button never stores anything. This module also wires the survey jobs
to the scheduler, the move events and the ``survey_pending`` audience.
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.runtime import add_lifecycle
from bot.surveys import answers as sa
from bot.surveys.definition import SurveyDef, default_survey_path, load_file
from bot.surveys.invitations import attach_jobs
from bot.surveys.views import question_view, summary_view
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import message_text
from handlers.request import Request, keyboard
from storage.models import ConversationState, utcnow
from storage.models.surveys import SurveyParticipation
from storage.queries import surveys as q

FLOW = "survey"
STEP = "q"
Loaded = tuple[SurveyParticipation, SurveyDef]


def _now(request: Request) -> Any:
    """The service clock's now (tests may move it)."""
    clock = request.services.extras.get("clock")
    return clock.now() if clock is not None else utcnow()


async def _load(request: Request, pid: int, *, alert: bool) -> Loaded | None:
    """The employee's open participation ``pid``, or None after telling them why not."""
    loaded = await q.load_participation(request.session, pid)
    employee = request.employee
    problem = None
    if loaded is None or employee is None or loaded[0].employee_id != employee.id:
        problem = "survey.not_yours"
    else:
        part = loaded[0]
        if part.status == "finished":
            problem = "survey.already_done"
        elif part.status == "cancelled":
            problem = "survey.cancelled"
        elif part.status == "closed" or (part.closes_at and _now(request) > part.closes_at):
            if part.status != "closed":
                await q.close_open(request.session, [part.id])
            problem = "survey.closed"
        elif part.status not in ("invited", "started"):
            problem = "survey.not_yours"
    if problem is not None:
        if alert and request.update.callback_query is not None:
            request.answer(request.t(problem), alert=True)
        else:
            request.answer()
            request.reply_key(problem)
        return None
    assert loaded is not None
    return loaded[0], q.definition_of(loaded[2])


def _show(request: Request, part: SurveyParticipation, survey: SurveyDef) -> None:
    """Send the current question, or the summary when every question was passed."""
    draft = part.draft or sa.new_draft()
    if draft["idx"] >= len(survey.questions):
        text, rows = summary_view(request.t, request.locale, survey, part.id, draft)
    else:
        text, rows = question_view(request.t, request.locale, survey, part.id, draft)
    request.reply(text, keyboard(rows) if rows else None)


async def _save(request: Request, part: SurveyParticipation, draft: dict[str, Any]) -> None:
    """Keep the draft and the user's place in the flow."""
    part.draft = draft
    await request.set_state(FLOW, STEP, {"pid": part.id})


async def start(request: Request, pid: int) -> None:
    """Start (with the anonymity statement) or resume a participation."""
    loaded = await _load(request, pid, alert=False)
    if loaded is None:
        return
    part, survey = loaded
    request.answer()
    if part.status == "invited":
        part.status, part.started = "started", True
        anonymity = request.t("survey.anon_yes" if survey.anonymous else "survey.anon_no")
        intro = survey.intro.get(request.locale) or survey.intro.get("id", "")
        request.reply_key(
            "survey.intro", title=survey.title_in(request.locale), intro=intro, anonymity=anonymity
        )
        await _save(request, part, sa.new_draft())
    else:
        request.reply_key("survey.resumed")
        await _save(request, part, part.draft or sa.new_draft())
    _show(request, part, survey)


async def isi_survei_cmd(request: Request) -> None:
    """List (or resume, when there is one) the surveys waiting for the employee."""
    assert request.employee is not None
    now = _now(request)
    open_parts = [
        (p, s)
        for p, _r, s in await q.open_for_employee(request.session, request.employee.id)
        if p.closes_at is None or p.closes_at >= now
    ]
    if not open_parts:
        request.reply_key("survey.none_open")
        return
    if len(open_parts) == 1:
        await start(request, open_parts[0][0].id)
        return
    rows = [
        [(q.definition_of(s).title_in(request.locale)[:60], cb.build("sv", "go", p.id))]
        for p, s in open_parts
    ]
    request.reply(request.t("survey.open_list"), keyboard(rows))


async def _current(request: Request, pid: int, idx: int) -> tuple[Loaded, dict[str, Any]] | None:
    """Load ``pid`` and check the button's question index is the one being asked."""
    loaded = await _load(request, pid, alert=True)
    if loaded is None:
        return None
    part = loaded[0]
    draft = part.draft or sa.new_draft()
    if part.status != "started" or draft["idx"] != idx:
        request.answer(request.t("survey.not_current"), alert=True)
        return None
    return loaded, draft


async def _apply(request: Request, loaded: Loaded, draft: dict[str, Any], change: Any) -> None:
    """Apply a draft change (answer/skip/back); on AnswerError tell why, store nothing."""
    part, survey = loaded
    try:
        new = change(draft)
    except sa.AnswerError as exc:
        request.answer(request.t(exc.key, **exc.params), alert=True)
        return
    request.answer()
    await _save(request, part, new)
    _show(request, part, survey)


async def survey_callback(request: Request) -> None:
    """Every button of the answering flow (``sv:<action>:<pid>[:<idx>[:<value>]]``)."""
    data = request.button()
    pid = data.int_arg(0)
    if data.action == "go":
        await start(request, pid)
        return
    if data.action in ("ok", "ed"):
        await _summary_action(request, pid, data.action)
        return
    found = await _current(request, pid, data.int_arg(1))
    if found is None:
        return
    loaded, draft = found
    survey = loaded[1]
    question = survey.questions[draft["idx"]]
    if data.action == "a":
        value = sa.button_value
        await _apply(
            request,
            loaded,
            draft,
            lambda d: sa.answer(survey, d, value(question, data.arg(2))),
        )
    elif data.action == "t":
        current = draft.get("pending", {}).get(question.key, draft["answers"].get(question.key))
        await _apply(
            request,
            loaded,
            draft,
            lambda d: {**d, "pending": {question.key: sa.toggle(question, current, data.arg(2))}},
        )
    elif data.action == "d":
        chosen = draft.get("pending", {}).get(question.key, draft["answers"].get(question.key))
        await _apply(request, loaded, draft, lambda d: sa.answer(survey, d, chosen))
    elif data.action == "s":
        await _apply(request, loaded, draft, lambda d: sa.skip(survey, d))
    elif data.action == "b":
        await _apply(request, loaded, draft, sa.back)
    else:
        raise cb.CallbackDataError("unknown survey action")


async def _summary_action(request: Request, pid: int, action: str) -> None:
    """Send the answers (``ok``) or go back to the last question (``ed``)."""
    loaded = await _load(request, pid, alert=True)
    if loaded is None:
        return
    part, survey = loaded
    draft = part.draft or sa.new_draft()
    if part.status != "started" or not sa.is_complete(survey, draft):
        request.answer(request.t("survey.not_current"), alert=True)
        return
    request.answer()
    if action == "ed":
        await _save(request, part, sa.back(draft))
        _show(request, part, survey)
        return
    clean = sa.final_answers(survey, draft)
    loaded_all = await q.load_participation(request.session, pid)
    assert loaded_all is not None
    _p, rnd, survey_row = loaded_all
    await q.submit(request.session, part, rnd, survey_row, clean, _now(request).date())
    await request.clear_state()
    request.reply_key("survey.thanks")


async def text_step(request: Request, state: ConversationState) -> None:
    """A typed answer: text questions, or a number for scale questions."""
    pid = int(state.data.get("pid", 0))
    loaded = await _load(request, pid, alert=False)
    if loaded is None:
        await request.clear_state()
        return
    part, survey = loaded
    draft = part.draft or sa.new_draft()
    if draft["idx"] >= len(survey.questions):
        request.reply_key("survey.err_use_buttons")
        return
    question = survey.questions[draft["idx"]]
    text = message_text(request)
    try:
        if text is None:
            raise sa.AnswerError("survey.err_use_buttons")
        new = sa.answer(survey, draft, sa.parse_typed(question, text))
    except sa.AnswerError as exc:
        request.reply_key(exc.key, **exc.params)
        return
    await _save(request, part, new)
    _show(request, part, survey)


async def load_default_survey(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Store the shipped post-mutation survey on first start (never overwrites edits)."""
    definition = await asyncio.to_thread(load_file, default_survey_path())
    async with app.bot_data["services"].db.transaction() as session:
        await q.upsert_survey(session, definition, "system", only_if_missing=True)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /isi_survei, the answering buttons and text step, and the survey jobs."""
    add_command(
        app,
        "isi_survei",
        isi_survei_cmd,
        description_key="cmd.isi_survei",
        menu_key="menu.isi_survei",
    )
    app.add_handler(
        CallbackQueryHandler(handler(linked=True)(survey_callback), pattern=cb.pattern("sv"))
    )
    flows = app.bot_data["services"].flows
    flows.flow(FLOW, keeps_draft=True, resume_command="/isi_survei")
    flows.on(FLOW, STEP, text_step)
    attach_jobs(app.bot_data["services"])
    add_lifecycle(app, on_start=load_default_survey)
