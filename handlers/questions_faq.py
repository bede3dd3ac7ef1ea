"""/faq: HR edits the FAQ employees see in /tanya_bkpsdm (add, edit, remove; audited).

A new entry is typed in steps: the Indonesian question and answer, then the English ones;
``-`` skips a language (at least one is needed). An edit replaces one text (``-`` clears
it) as long as one language keeps both its question and its answer.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.messages import Button, OutgoingMessage
from bot.questions import FAQ_ANSWER_MAX_LEN, FAQ_QUESTION_MAX_LEN, SKIP, faq
from bot.questions.buttons import (
    FaqAdd,
    FaqEdit,
    FaqField,
    FaqList,
    FaqOpen,
    FaqRemove,
    FaqRemoveConfirm,
)
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.followup_cases import send_or_edit
from handlers.request import Request, escape_html
from storage.models import ConversationState

HR = ("hr",)
FLOW = "faq"
Q_ID, A_ID, Q_EN, A_EN, EDIT = "q_id", "a_id", "q_en", "a_en", "edit"
FIELD = {Q_ID: "question_id", A_ID: "answer_id", Q_EN: "question_en", A_EN: "answer_en"}
NEXT: dict[str, str | None] = {Q_ID: A_ID, A_ID: Q_EN, Q_EN: A_EN, A_EN: None}
SKIP_TO: dict[str, str | None] = {Q_ID: Q_EN, Q_EN: None}  # a question skips its language
PROMPT = {Q_ID: "faq.ask_q_id", A_ID: "faq.ask_a_id", Q_EN: "faq.ask_q_en", A_EN: "faq.ask_a_en"}
EDIT_ROWS: tuple[tuple[FaqField, FaqField], ...] = (
    ("question_id", "answer_id"),
    ("question_en", "answer_en"),
)


async def _show_list(request: Request, *, edit: bool = False) -> None:
    """Every entry as a button, and "add"."""
    found = await faq.entries(request.session)
    rows = [
        (Button(request.t("faq.entry_button", id=e.id,
                          question=(e.question_id or e.question_en)[:50]), FaqOpen(e.id)),)
        for e in found
    ]  # fmt: skip
    rows.append((Button(request.t("faq.btn_add"), FaqAdd()),))
    text = request.t("faq.admin_title", count=len(found)) if found else request.t("faq.admin_empty")
    message = OutgoingMessage(text, tuple(rows))
    send_or_edit(request, message, edit=edit)


async def _show_entry(request: Request, entry_id: int) -> None:
    """One entry's four texts with edit, remove and back buttons."""
    found = await faq.entry(request.session, entry_id)
    if found is None:
        request.reply_key("faq.gone")
        return
    empty = request.t("faq.empty_text")
    texts = {name: escape_html(getattr(found, name) or empty) for name in FIELD.values()}
    text = request.t(
        "faq.entry_card", id=found.id, q_id=texts["question_id"], a_id=texts["answer_id"],
        q_en=texts["question_en"], a_en=texts["answer_en"],
    )  # fmt: skip
    rows = [
        tuple(Button(request.t("faq.btn_edit", field=f), FaqEdit(found.id, f)) for f in pair)
        for pair in EDIT_ROWS
    ]
    rows += [
        (Button(request.t("faq.btn_remove"), FaqRemove(found.id)),),
        (Button(request.t("faq.btn_list"), FaqList()),),
    ]
    request.send(OutgoingMessage(text, tuple(rows)))


async def faq_cmd(request: Request) -> None:
    """The FAQ entries, for editing."""
    await _show_list(request)


async def list_pressed(request: Request, _data: FaqList) -> None:
    """Back to the entries."""
    request.answer()
    await _show_list(request, edit=True)


async def open_pressed(request: Request, data: FaqOpen) -> None:
    """One entry."""
    request.answer()
    await _show_entry(request, data.entry_id)


async def add_pressed(request: Request, _data: FaqAdd) -> None:
    """Start a new entry: ask the Indonesian question."""
    request.answer()
    await request.set_state(FLOW, Q_ID, {})
    request.reply_key(PROMPT[Q_ID], limit=FAQ_QUESTION_MAX_LEN)


async def add_step(request: Request, state: ConversationState) -> None:
    """One text of a new entry; ``-`` skips a question with its answer."""
    step = state.step
    text = expect_text(
        request, max_len=FAQ_QUESTION_MAX_LEN if step in SKIP_TO else FAQ_ANSWER_MAX_LEN
    )
    if text is None:
        return
    skipped = text == SKIP
    if skipped and step not in SKIP_TO:
        request.reply_key("faq.answer_required")
        return
    data = {**state.data, FIELD[step]: "" if skipped else text}
    following = SKIP_TO[step] if skipped else NEXT[step]
    if following is not None:
        await request.set_state(FLOW, following, data)
        request.reply_key(PROMPT[following], limit=FAQ_QUESTION_MAX_LEN)
        return
    entry_id = await faq.add_entry(request.session, request.telegram_id, data)
    if entry_id is None:
        await request.set_state(FLOW, Q_ID, {})
        request.reply_key("faq.need_language")
        return
    await request.clear_state()
    request.reply_key("faq.added", id=entry_id)
    await _show_entry(request, entry_id)


async def edit_pressed(request: Request, data: FaqEdit) -> None:
    """Ask for the new text of one field."""
    request.answer()
    found = await faq.entry(request.session, data.entry_id)
    if found is None:
        request.reply_key("faq.gone")
        return
    await request.set_state(FLOW, EDIT, {"entry_id": found.id, "field": data.field})
    current = getattr(found, data.field) or request.t("faq.empty_text")
    request.reply_key("faq.ask_edit", current=escape_html(current))


async def edit_step(request: Request, state: ConversationState) -> None:
    """Replace (or with ``-`` clear) the field; one complete language must remain."""
    field = str(state.data["field"])
    limit = FAQ_QUESTION_MAX_LEN if field.startswith("question") else FAQ_ANSWER_MAX_LEN
    text = expect_text(request, max_len=limit)
    if text is None:
        return
    await request.clear_state()
    entry_id = int(state.data["entry_id"])
    outcome = await faq.edit_entry(
        request.session, request.now(), request.telegram_id, entry_id, field,
        "" if text == SKIP else text,
    )  # fmt: skip
    if outcome == "gone":
        request.reply_key("faq.gone")
        return
    request.reply_key("faq.edited" if outcome == "saved" else "faq.incomplete", id=entry_id)
    await _show_entry(request, entry_id)


async def remove_pressed(request: Request, data: FaqRemove) -> None:
    """Ask to confirm the removal."""
    request.answer()
    buttons = (
        (Button(request.t("faq.btn_remove_yes"), FaqRemoveConfirm(data.entry_id)),),
        (Button(request.t("common.btn_back"), FaqOpen(data.entry_id)),),
    )
    request.send(OutgoingMessage(request.t("faq.confirm_remove", id=data.entry_id), buttons))


async def remove_confirm_pressed(request: Request, data: FaqRemoveConfirm) -> None:
    """Remove the entry and show the list."""
    request.answer()
    if not await faq.remove_entry(request.session, request.telegram_id, data.entry_id):
        request.reply_key("faq.gone")
        return
    request.reply_key("faq.removed", id=data.entry_id)
    await _show_list(request)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /faq, its buttons and the typed steps of adding and editing (HR only)."""
    add_command(app, "faq", faq_cmd, roles=HR, description_key="cmd.faq", menu_key="menu.faq")
    add_button(app, FaqList, list_pressed, roles=HR)
    add_button(app, FaqOpen, open_pressed, roles=HR)
    add_button(app, FaqAdd, add_pressed, roles=HR)
    add_button(app, FaqEdit, edit_pressed, roles=HR)
    add_button(app, FaqRemove, remove_pressed, roles=HR)
    add_button(app, FaqRemoveConfirm, remove_confirm_pressed, roles=HR)
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    for step in (*FIELD, EDIT):
        flow.on(step, edit_step if step == EDIT else add_step, accepts=Accepts.TEXT, roles=HR)
