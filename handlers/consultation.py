"""The employee's answer to a proposed move, and /tanya: HR answers employees' questions.

Buttons carry the move id and version: a forged payload for someone else's move is refused,
and buttons of an earlier version (the move was revised) say they are out of date.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.plans import consultation as kc
from handlers import plans_employee
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.plans_common import (
    cancel_consultation_jobs,
    clock_of,
    consultation_buttons,
    employee_chat,
    enqueue,
    esc,
    notify_role,
    wake_outbox,
)
from handlers.request import Request, keyboard
from storage.models import ConversationState, PlanMove
from storage.queries import audit
from storage.queries import plans as q

FLOW = "kons"
TANYA = "tanya"


def _wake(request: Request) -> None:
    """Wake the outbox worker after commit."""
    services = request.services

    async def run() -> None:
        wake_outbox(services)

    request.later(run)


async def _own_current_move(request: Request, move_id: int, version: int) -> PlanMove | None:
    """The move if it is the user's own and the button is current; else answer and None."""
    move = await q.get_move(request.session, move_id, lock=True)
    if move is None or request.employee is None or move.employee_id != request.employee.id:
        await audit.record(
            request.session, audit.actor_of(request.telegram_id), "access.denied", "move", move_id
        )
        request.answer(request.t("plans.kons_not_yours"), alert=True)
        return None
    if kc.is_stale(version, move.version, move.status):
        request.answer(request.t("plans.kons_outdated"), alert=True)
        return None
    return move


async def kons_callback(request: Request) -> None:
    """Setuju / Setuju dengan catatan / Keberatan (+ category) / Tanya BKPSDM."""
    data = request.button()
    move = await _own_current_move(request, data.int_arg(0), data.int_arg(1))
    if move is None:
        return
    request.answer()
    draft = {"move_id": move.id, "version": move.version}
    if data.action == "ok":
        await _record_answer(request, move, kc.AGREE, "", "")
    elif data.action == "note":
        await request.set_state(FLOW, "note", draft)
        request.reply_key("plans.kons_ask_note")
    elif data.action == "obj":
        rows = [
            [
                (
                    request.t("plans.cat", category=c),
                    cb.build("kons", "cat", move.id, move.version, c),
                )
            ]
            for c in kc.OBJECTION_CATEGORIES
        ]
        request.reply(request.t("plans.kons_ask_category"), keyboard(rows))
    elif data.action == "cat":
        category = data.arg(2)
        if category not in kc.OBJECTION_CATEGORIES:
            raise cb.CallbackDataError("unknown category")
        await request.set_state(FLOW, "objection", {**draft, "category": category})
        request.reply_key("plans.kons_ask_objection")
    elif data.action == "ask":
        await request.set_state(FLOW, "question", draft)
        request.reply_key("plans.kons_ask_question")
    else:
        raise cb.CallbackDataError("unknown action")


async def _flow_move(request: Request, state: ConversationState) -> PlanMove | None:
    """The move of the step, if still the user's own current version."""
    move = await q.get_move(request.session, int(state.data["move_id"]), lock=True)
    if (
        move is None
        or request.employee is None
        or move.employee_id != request.employee.id
        or kc.is_stale(int(state.data["version"]), move.version, move.status)
    ):
        await request.clear_state()
        request.reply_key("plans.kons_outdated")
        return None
    return move


async def note_step(request: Request, state: ConversationState) -> None:
    """Agree with notes."""
    text = expect_text(request, max_len=kc.TEXT_MAX_LEN)
    move = await _flow_move(request, state) if text else None
    if move is not None and text is not None:
        await request.clear_state()
        await _record_answer(request, move, kc.AGREE_NOTES, "", text)


async def objection_step(request: Request, state: ConversationState) -> None:
    """Object, with the category chosen and the typed reason."""
    text = expect_text(request, max_len=kc.TEXT_MAX_LEN)
    move = await _flow_move(request, state) if text else None
    if move is not None and text is not None:
        await request.clear_state()
        await _record_answer(request, move, kc.OBJECT, str(state.data["category"]), text)


async def _record_answer(
    request: Request, move: PlanMove, answer: str, category: str, text: str
) -> None:
    """Store the answer (audited), stop reminders, tell HR of objections."""
    if move.answer is not None:
        request.reply_key("plans.kons_already")
        return
    move.answer, move.answer_category, move.answer_text = answer, category, text
    move.answered_at = clock_of(request.services).now()
    await audit.record(
        request.session, audit.actor_of(request.telegram_id), "move.answered", "move", move.id,
        version=move.version, answer=answer, category=category, reason=text,
    )  # fmt: skip
    await cancel_consultation_jobs(request.session, move.id)
    if answer == kc.OBJECT:
        await notify_role(
            request.session, request.services, "hr", f"obj{move.id}v{move.version}",
            "plans.objection_notice", id=move.id, plan=move.plan_id,
        )  # fmt: skip
        _wake(request)
    request.reply_key("plans.kons_thanks", answer=answer)


async def question_step(request: Request, state: ConversationState) -> None:
    """Queue the employee's question for HR (/tanya)."""
    text = expect_text(request, max_len=kc.TEXT_MAX_LEN)
    move = await _flow_move(request, state) if text else None
    if move is None or text is None:
        return
    question = await q.add_question(request.session, move, text)
    await audit.record(
        request.session, audit.actor_of(request.telegram_id), "move.question", "move", move.id,
        question_id=question.id,
    )  # fmt: skip
    await notify_role(
        request.session, request.services, "hr", f"q{question.id}", "plans.question_notice",
        id=move.id,
    )  # fmt: skip
    await request.clear_state()
    _wake(request)
    request.reply_key("plans.kons_question_sent")


async def tanya_cmd(request: Request) -> None:
    """HR's queue of open questions, oldest first."""
    items = await q.open_questions(request.session)
    if not items:
        request.reply_key("plans.tanya_none")
        return
    lines = [request.t("plans.tanya_title", count=len(items))]
    rows = []
    for question, employee in items:
        lines.append(
            request.t("plans.tanya_line", id=question.id, move=question.move_id,
                      name=esc(employee.name), text=esc(question.text))
        )  # fmt: skip
        rows.append(
            [(request.t("plans.tanya_btn", id=question.id), cb.build("tny", "ans", question.id))]
        )
    request.reply("\n\n".join(lines), keyboard(rows))


async def tny_callback(request: Request) -> None:
    """Start answering one question."""
    data = request.button()
    request.answer()
    question = await q.get_question(request.session, data.int_arg(0))
    if data.action != "ans" or question is None:
        raise cb.CallbackDataError("unknown question")
    if question.answered_at is not None:
        request.reply_key("plans.tanya_already", id=question.id)
        return
    await request.set_state(TANYA, "answer", {"question_id": question.id})
    request.reply_key("plans.tanya_ask_answer", id=question.id, text=esc(question.text))


async def answer_step(request: Request, state: ConversationState) -> None:
    """Store HR's answer and send it to the employee, threaded to the move."""
    text = expect_text(request, max_len=1000)
    if text is None:
        return
    question = await q.get_question(request.session, int(state.data["question_id"]))
    move = await q.get_move(request.session, question.move_id) if question else None
    await request.clear_state()
    if question is None or move is None or question.answered_at is not None:
        request.reply_key("common.stale_button")
        return
    question.answer, question.answered_by = text, request.telegram_id
    question.answered_at = clock_of(request.services).now()
    await audit.record(
        request.session, audit.actor_of(request.telegram_id), "move.question_answered", "move",
        move.id, question_id=question.id,
    )  # fmt: skip
    target = await employee_chat(request.session, request.services, move.employee_id)
    if target is not None:
        chat_id, locale = target
        from bot.texts import t

        body = t(locale, "plans.answer_to_employee", id=move.id, question=esc(question.text),
                 answer=esc(text))  # fmt: skip
        markup = (
            consultation_buttons(locale, move.id, move.version)
            if move.status == "consultation" and move.answer is None
            else None
        )
        await enqueue(request.session, request.services, chat_id, body, f"qa{question.id}", markup)
        _wake(request)
    request.reply_key("plans.tanya_answered", id=question.id)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the consultation buttons, their steps, and /tanya."""
    flows = app.bot_data["services"].flows
    app.add_handler(
        CallbackQueryHandler(handler(linked=True)(kons_callback), pattern=cb.pattern("kons"))
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=("hr",))(tny_callback), pattern=cb.pattern("tny"))
    )
    add_command(
        app, "tanya", tanya_cmd, description_key="cmd.tanya", menu_key="menu.tanya", roles=("hr",)
    )
    flows.on(FLOW, "note", note_step)
    flows.on(FLOW, "objection", objection_step)
    flows.on(FLOW, "question", question_step)
    flows.on(TANYA, "answer", answer_step)
    plans_employee.register(app)
