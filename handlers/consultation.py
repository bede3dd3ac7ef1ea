"""The employee's answer to a proposed move, /usulan, and /tanya: HR answers questions.

Buttons carry the move id and version: a forged payload for someone else's move is refused,
and buttons of an earlier version (the move was revised) say they are out of date.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans import consultation as kc
from bot.plans import employee_view, labels, service_consultation, service_questions
from bot.plans.service_consultation import Answered
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.paging import show_blocks
from handlers.plans_common import HR, esc, wake_outbox
from handlers.request import Request
from storage.models import ConversationState

FLOW = "kons"
NOTE, OBJECTION, QUESTION = "note", "objection", "question"
TANYA, TANYA_ANSWER = "tanya", "answer"
Versioned = b.Agree | b.AgreeWithNote | b.Object | b.ObjectionCategory
ASK_REFUSED = {
    "not_yours": "plans.kons_not_yours",
    "outdated": "plans.kons_outdated",
    "too_late": "plans.ask_too_late",
}


async def _may_answer(request: Request, data: Versioned) -> bool:
    """True when the move is the user's own and the button current; else an alert."""
    access = await service_consultation.check_access(
        request.session, request.telegram_id, _employee_id(request), data.move_id, data.version
    )
    if access == "not_yours":
        request.answer(request.t("plans.kons_not_yours"), alert=True)
    elif access == "outdated":
        request.answer(request.t("plans.kons_outdated"), alert=True)
    else:
        request.answer()
    return access == "ok"


def _employee_id(request: Request) -> int | None:
    """The linked employee's id."""
    return request.employee.id if request.employee else None


async def _answer(
    request: Request, move_id: int, version: int, answer: str, category: str = "", text: str = ""
) -> Answered:
    """Record the answer and tell the employee the outcome."""
    outcome = await service_consultation.record_answer(
        request.session, request.now(), request.telegram_id, _employee_id(request), move_id,
        version, answer, category=category, text=text,
        default_locale=request.settings.default_locale,
    )  # fmt: skip
    if outcome == "recorded":
        wake_outbox(request)
        request.reply_key(labels.THANKS[answer])
    elif outcome == "already":
        request.reply_key("plans.kons_already")
    return outcome


async def agree_pressed(request: Request, data: b.Agree) -> None:
    """Setuju."""
    if await _may_answer(request, data):
        await _answer(request, data.move_id, data.version, kc.AGREE)


async def note_pressed(request: Request, data: b.AgreeWithNote) -> None:
    """Setuju dengan catatan: ask the note."""
    if await _may_answer(request, data):
        await request.set_state(FLOW, NOTE, {"move_id": data.move_id, "version": data.version})
        request.reply_key("plans.kons_ask_note")


async def object_pressed(request: Request, data: b.Object) -> None:
    """Keberatan: offer the objection categories."""
    if not await _may_answer(request, data):
        return
    rows = tuple(
        (Button(request.t(labels.CATEGORY[c]), b.ObjectionCategory(data.move_id, data.version, c)),)
        for c in b.CATEGORIES
    )
    request.send(OutgoingMessage(request.t("plans.kons_ask_category"), rows))


async def category_pressed(request: Request, data: b.ObjectionCategory) -> None:
    """The objection's category: ask the reason."""
    if await _may_answer(request, data):
        draft = {"move_id": data.move_id, "version": data.version, "category": data.category}
        await request.set_state(FLOW, OBJECTION, draft)
        request.reply_key("plans.kons_ask_objection")


async def ask_pressed(request: Request, data: b.Ask) -> None:
    """Tanya BKPSDM: ask the question (during consultation, and after the decision until
    TMT + 30 days)."""
    access = await service_questions.check_question(
        request.session, request.today(), request.telegram_id, _employee_id(request),
        data.move_id, data.version,
    )  # fmt: skip
    if access != "ok":
        request.answer(request.t(ASK_REFUSED[access]), alert=True)
        return
    request.answer()
    await request.set_state(FLOW, QUESTION, {"move_id": data.move_id, "version": data.version})
    request.reply_key("plans.kons_ask_question")


async def _answer_step(
    request: Request, state: ConversationState, answer: str, category: str = ""
) -> None:
    """Record a typed answer (note or objection reason), leaving the step."""
    text = expect_text(request, max_len=kc.TEXT_MAX_LEN)
    if text is None:
        return
    await request.clear_state()
    move_id, version = int(state.data["move_id"]), int(state.data["version"])
    if await _answer(request, move_id, version, answer, category, text) in (
        "not_yours",
        "outdated",
    ):
        request.reply_key("plans.kons_outdated")


async def note_step(request: Request, state: ConversationState) -> None:
    """Agree with notes."""
    await _answer_step(request, state, kc.AGREE_NOTES)


async def objection_step(request: Request, state: ConversationState) -> None:
    """Object, with the category chosen and the typed reason."""
    await _answer_step(request, state, kc.OBJECT, str(state.data["category"]))


async def question_step(request: Request, state: ConversationState) -> None:
    """Queue the employee's question for HR (/tanya)."""
    text = expect_text(request, max_len=kc.TEXT_MAX_LEN)
    if text is None:
        return
    await request.clear_state()
    move_id, version = int(state.data["move_id"]), int(state.data["version"])
    access = await service_questions.ask_question(
        request.session, request.now(), request.today(), request.telegram_id,
        _employee_id(request), move_id, version, text,
        default_locale=request.settings.default_locale,
    )  # fmt: skip
    if access != "ok":
        request.reply_key(ASK_REFUSED[access])
        return
    wake_outbox(request)
    request.reply_key("plans.kons_question_sent")


async def usulan_cmd(request: Request) -> None:
    """The employee's consultations and decided moves, each as its own message."""
    employee_id = _employee_id(request)
    messages = (
        await employee_view.employee_moves(
            request.session, employee_id, request.locale, request.settings.tz, request.today()
        )
        if employee_id is not None
        else []
    )
    if not messages:
        request.reply_key("plans.usulan_none")
    for message in messages:
        request.send(message)


# -- /tanya: HR's queue of questions -------------------------------------------------------


async def tanya_cmd(request: Request) -> None:
    """HR's queue of open questions, oldest first."""
    await _questions(request, 0, edit=False)


async def questions_page_pressed(request: Request, data: b.QuestionsPage) -> None:
    """Turn to another page of the open questions."""
    request.answer()
    await _questions(request, data.page, edit=True)


async def _questions(request: Request, page: int, *, edit: bool) -> None:
    """One page of the open questions, each with its answer button."""
    items = await service_questions.open_questions(request.session)
    if not items:
        request.reply_key("plans.tanya_none")
        return
    blocks = []
    for question, employee in items:
        text = request.t(
            "plans.tanya_line", id=question.id, move=question.move_id, name=esc(employee.name),
            text=esc(question.text),
        )  # fmt: skip
        answer = Button(request.t("plans.tanya_btn", id=question.id), b.AnswerQuestion(question.id))
        blocks.append(OutgoingMessage(text, ((answer,),)))
    title = request.t("plans.tanya_title", count=len(items))
    show_blocks(request, title, blocks, page, b.QuestionsPage, edit=edit)


async def answer_pressed(request: Request, data: b.AnswerQuestion) -> None:
    """Start answering one question."""
    request.answer()
    question = await service_questions.question(request.session, data.question_id)
    if question is None:
        raise CallbackDataError("unknown question")
    if question.answered_at is not None:
        request.reply_key("plans.tanya_already", id=question.id)
        return
    await request.set_state(TANYA, TANYA_ANSWER, {"question_id": question.id})
    request.reply_key("plans.tanya_ask_answer", id=question.id, text=esc(question.text))


async def answer_step(request: Request, state: ConversationState) -> None:
    """Store HR's answer and send it to the employee, threaded to the move."""
    text = expect_text(request, max_len=service_questions.ANSWER_MAX_LEN)
    if text is None:
        return
    await request.clear_state()
    question_id = int(state.data["question_id"])
    if not await service_questions.answer_question(
        request.session, request.now(), request.telegram_id, question_id, text,
        default_locale=request.settings.default_locale,
    ):  # fmt: skip
        request.reply_key("common.stale_button")
        return
    wake_outbox(request)
    request.reply_key("plans.tanya_answered", id=question_id)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the consultation buttons and steps, /usulan, and /tanya."""
    flows = services_of(app).flows
    add_button(app, b.Agree, agree_pressed, linked=True)
    add_button(app, b.AgreeWithNote, note_pressed, linked=True)
    add_button(app, b.Object, object_pressed, linked=True)
    add_button(app, b.ObjectionCategory, category_pressed, linked=True)
    add_button(app, b.Ask, ask_pressed, linked=True)
    consult = flows.flow(FLOW)
    for step, fn in ((NOTE, note_step), (OBJECTION, objection_step), (QUESTION, question_step)):
        consult.on(step, fn, accepts=Accepts.TEXT)
    add_command(
        app, "usulan", usulan_cmd, linked=True, description_key="cmd.usulan", menu_key="menu.usulan"
    )
    add_command(
        app, "tanya", tanya_cmd, roles=HR, description_key="cmd.tanya", menu_key="menu.tanya"
    )
    add_button(app, b.AnswerQuestion, answer_pressed, roles=HR)
    add_button(app, b.QuestionsPage, questions_page_pressed, roles=HR)
    flows.flow(TANYA, roles=HR).on(TANYA_ANSWER, answer_step, accepts=Accepts.TEXT, roles=HR)
