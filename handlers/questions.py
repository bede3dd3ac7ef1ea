"""General questions: /tanya_bkpsdm (the FAQ first, then a typed question) and HR's /pertanyaan.

The FAQ is ``bot.questions.faq`` (edited with /faq, ``handlers.questions_faq``); questions,
their due dates and HR's answers are ``bot.questions.service``. HR's queue shows the
response-time target and which questions are overdue; an answer reaches the employee
through the outbox.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.i18n.dates import format_date, format_datetime
from bot.messages import Button, OutgoingMessage
from bot.questions import ANSWER_MAX_LEN, QUESTION_MAX_LEN, faq
from bot.questions import service as questions
from bot.questions.buttons import (
    AnswerGeneralQuestion,
    AskOwnQuestion,
    FaqMenu,
    QuestionsPage,
    ShowFaq,
)
from handlers import questions_faq
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.followup_cases import paged, send_or_edit
from handlers.plans_common import wake_outbox
from handlers.request import Request, escape_html, inline_markup
from storage.models import ConversationState

HR = ("hr",)
ASK_FLOW, ASK_STEP = "tanya_bkpsdm", "question"
ANSWER_FLOW, ANSWER_STEP = "pertanyaan", "answer"
BUTTON_LABEL = 60

# -- the employee: /tanya_bkpsdm -------------------------------------------------------------


async def _show_faq(request: Request, *, edit: bool = False) -> None:
    """The FAQ as buttons, then "my question is not here"."""
    items = await faq.faq_for(request.session, request.locale)
    rows = [(Button(i.question[:BUTTON_LABEL], ShowFaq(i.entry_id)),) for i in items]
    ask = "questions.btn_not_here" if items else "questions.btn_ask"
    rows.append((Button(request.t(ask), AskOwnQuestion()),))
    text = request.t("questions.faq_title" if items else "questions.faq_empty")
    message = OutgoingMessage(text, tuple(rows))
    send_or_edit(request, message, edit=edit)


async def tanya_bkpsdm_cmd(request: Request) -> None:
    """The FAQ first; a typed question for HR from there."""
    await _show_faq(request)


async def faq_menu_pressed(request: Request, _data: FaqMenu) -> None:
    """Back to the FAQ list."""
    request.answer()
    await _show_faq(request, edit=True)


async def show_faq_pressed(request: Request, data: ShowFaq) -> None:
    """The answer of one FAQ entry."""
    request.answer()
    item = await faq.faq_item(request.session, data.entry_id, request.locale)
    if item is None:
        request.reply_key("questions.faq_gone")
        return
    text = request.t(
        "questions.faq_answer", question=escape_html(item.question), answer=escape_html(item.answer)
    )
    buttons = (
        (Button(request.t("questions.btn_not_here"), AskOwnQuestion()),),
        (Button(request.t("questions.btn_faq"), FaqMenu()),),
    )
    request.edit_or_reply(text, inline_markup(OutgoingMessage(text, buttons)))


async def ask_pressed(request: Request, _data: AskOwnQuestion) -> None:
    """ "My question is not here": ask for the typed question."""
    request.answer()
    await request.set_state(ASK_FLOW, ASK_STEP)
    days = request.settings.question_target_working_days
    request.reply_key("questions.ask", limit=QUESTION_MAX_LEN, days=days)


async def question_step(request: Request, _state: ConversationState) -> None:
    """Send the typed question to HR's queue."""
    text = expect_text(request, max_len=QUESTION_MAX_LEN)
    if text is None:
        return
    await request.clear_state()
    employee_id = request.employee.id if request.employee is not None else None
    settings = request.settings
    asked = await questions.ask(
        request.session, request.now(), request.today(), request.telegram_id, employee_id, text,
        target_days=settings.question_target_working_days, default_locale=settings.default_locale,
    )  # fmt: skip
    if asked.outcome == "refused" or asked.due_on is None:
        request.reply_key("questions.refused")
        return
    wake_outbox(request)
    due = format_date(asked.due_on, request.locale)
    request.reply_key("questions.sent", id=asked.question_id, due=due)


# -- HR: /pertanyaan -------------------------------------------------------------------------


def _line(request: Request, line: questions.QuestionLine) -> str:
    """One open question of the queue."""
    locale = request.locale
    return request.t(
        "questions.queue_line", late="yes" if line.overdue else "no", id=line.question_id,
        name=escape_html(line.name), nip=line.masked_nip, unit=escape_html(line.unit),
        asked=format_datetime(line.asked_at, locale, request.settings.tz, "short"),
        due=format_date(line.due_on, locale, "short"), text=escape_html(line.text[:300]),
    )  # fmt: skip


async def _show_queue(request: Request, page: int, *, edit: bool = False) -> None:
    """One page of open questions, overdue first, with the target and an answer button each."""
    found = await questions.open_questions(request.session, request.today(), page)
    if not found.total:
        request.reply_key("questions.queue_none")
        return
    title = request.t(
        "questions.queue_title", count=found.total, overdue=found.overdue, page=found.page + 1,
        pages=found.pages, days=request.settings.question_target_working_days,
    )  # fmt: skip
    rows: list[tuple[Button, ...]] = [
        (Button(request.t("questions.btn_answer", id=q.question_id),
                AnswerGeneralQuestion(q.question_id)),)
        for q in found.lines
    ]  # fmt: skip
    text = "\n\n".join([title, *(_line(request, q) for q in found.lines)])
    message = paged(request, text, rows, found.page, found.pages, QuestionsPage)
    send_or_edit(request, message, edit=edit)


async def pertanyaan_cmd(request: Request) -> None:
    """HR's queue of general questions."""
    await _show_queue(request, 0)


async def page_pressed(request: Request, data: QuestionsPage) -> None:
    """Another page of the queue."""
    request.answer()
    await _show_queue(request, data.page, edit=True)


async def answer_pressed(request: Request, data: AnswerGeneralQuestion) -> None:
    """Start answering one question."""
    request.answer()
    found = await questions.question(request.session, data.question_id)
    if found is None or found.answered_at is not None:
        request.reply_key("questions.already", id=data.question_id)
        return
    await request.set_state(ANSWER_FLOW, ANSWER_STEP, {"question_id": found.id})
    request.reply_key("questions.ask_answer", id=found.id, text=escape_html(found.text))


async def answer_step(request: Request, state: ConversationState) -> None:
    """Store HR's answer and send it to the employee."""
    text = expect_text(request, max_len=ANSWER_MAX_LEN)
    if text is None:
        return
    await request.clear_state()
    question_id = int(state.data["question_id"])
    outcome = await questions.answer(
        request.session, request.now(), request.telegram_id, question_id, text,
        default_locale=request.settings.default_locale,
    )  # fmt: skip
    if outcome == "stale":
        request.reply_key("questions.already", id=question_id)
    elif outcome == "undelivered":
        request.reply_key("questions.answered_undelivered", id=question_id)
    else:
        wake_outbox(request)
        request.reply_key("questions.answered", id=question_id)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /tanya_bkpsdm, /pertanyaan, /faq, their buttons and typed steps."""
    flows = services_of(app).flows
    add_command(
        app, "tanya_bkpsdm", tanya_bkpsdm_cmd, linked=True,
        description_key="cmd.tanya_bkpsdm", menu_key="menu.tanya_bkpsdm",
    )  # fmt: skip
    add_button(app, ShowFaq, show_faq_pressed, linked=True)
    add_button(app, FaqMenu, faq_menu_pressed, linked=True)
    add_button(app, AskOwnQuestion, ask_pressed, linked=True)
    flows.flow(ASK_FLOW).on(ASK_STEP, question_step, accepts=Accepts.TEXT)
    add_command(
        app, "pertanyaan", pertanyaan_cmd, roles=HR,
        description_key="cmd.pertanyaan", menu_key="menu.pertanyaan",
    )  # fmt: skip
    add_button(app, QuestionsPage, page_pressed, roles=HR)
    add_button(app, AnswerGeneralQuestion, answer_pressed, roles=HR)
    flows.flow(ANSWER_FLOW, roles=HR).on(ANSWER_STEP, answer_step, accepts=Accepts.TEXT, roles=HR)
    questions_faq.register(app)
