"""HR decisions on one aspiration: confirm, note, undo, and the way on to the next one.

Accepting is confirmed on a summary first; its notice to the employee waits a few
minutes (``bot.aspirations.rules.UNDO_WINDOW``), during which "Urungkan" takes it back.
Returning and rejecting ask for the note the employee will read. Every outcome offers the
next aspiration still waiting, the list, and the menu.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.aspirations import buttons as b
from bot.aspirations import review
from bot.aspirations.labels import ASK_NOTE_KEYS
from bot.aspirations.render import card
from bot.aspirations.review import Decided, Detail, Missing, NeedsNote, NotNow, TooLate, Undone
from bot.aspirations.rules import CONFIRM_FIRST, HR_NOTE_MAX_LEN
from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage, rows
from handlers.aspirations_common import escape, status_label, wake_outbox_after_commit
from handlers.buttons import add_button
from handlers.commands import OpenCommand
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.request import Request
from storage.models import ConversationState

FLOW = "aspr"
NOTE = "note"
HR = ("hr",)


def summary_lines(request: Request, view: Detail) -> list[str]:
    """Who sent the aspiration, and the aspiration itself (without its history)."""
    employee = view.employee
    return [
        request.t(
            "aspr.employee_line",
            name=escape(employee.name if employee else "-"),
            nip=employee.nip if employee else "-",
            position=escape(employee.position_title if employee else "-"),
        ),
        card(request.locale, view.aspiration, view.window_name),
    ]


async def way_on(request: Request, aspiration_id: int) -> list[list[Button]]:
    """The next aspiration waiting for HR, the list and the main menu."""
    following = await review.next_to_decide(request.session, request.now(), aspiration_id)
    nxt = (
        [Button(request.t("aspr.btn_next_item"), b.OpenAspiration(following))] if following else []
    )
    listing = b.ListAspirations(b.ALL_STATUSES, 0, 0)
    return [
        nxt,
        [Button(request.t("aspr.btn_back_list"), listing)],
        [Button(request.t("common.btn_main_menu"), OpenCommand("menu"))],
    ]


async def decide_pressed(request: Request, data: b.DecideAspiration) -> None:
    """Verify now; accept after a confirmation; for return or reject ask for the note."""
    request.answer()
    if data.decision not in CONFIRM_FIRST:
        await _decide(request, data.aspiration_id, data.decision, "")
        return
    view = await review.detail(request.session, data.aspiration_id)
    if view is None:
        raise CallbackDataError("no such aspiration")
    if data.decision not in view.decisions:
        status = status_label(request, view.aspiration.status)
        ref = view.aspiration.reference or "-"
        request.reply_key("aspr.not_now", ref=ref, status=status)
        return
    lines = [request.t("aspr.confirm_accept"), *summary_lines(request, view)]
    yes = Button(request.t("aspr.btn_accept_yes"), b.ConfirmAccept(view.aspiration.id))
    back = Button(request.t("common.btn_back"), b.OpenAspiration(view.aspiration.id))
    request.send(OutgoingMessage("\n".join(lines), rows([yes], [back])))


async def accept_confirmed(request: Request, data: b.ConfirmAccept) -> None:
    """Accept the aspiration (confirmed on its summary)."""
    request.answer()
    await _decide(request, data.aspiration_id, "accept", "")


async def note_step(request: Request, state: ConversationState) -> None:
    """The note typed for returning or rejecting an aspiration."""
    note = expect_text(request, max_len=HR_NOTE_MAX_LEN)
    if note is None:
        return
    await request.clear_state()
    decision = str(state.data.get("action", ""))
    if decision not in b.DECISION_VALUES:
        request.reply_key("common.stale_button")
        return
    await _decide(request, int(state.data.get("id", 0)), decision, note)


async def _decide(request: Request, aspiration_id: int, decision: str, note: str) -> None:
    """Take the decision and render the outcome (the employee's notice is in the outbox)."""
    result = await review.decide(
        request.session, request.now(), request.telegram_id, aspiration_id, decision, note,
        request.settings.default_locale,
    )  # fmt: skip
    match result:
        case Missing() | NotNow() if note:
            request.reply_key("common.stale_button")
        case Missing():
            raise CallbackDataError("no such aspiration")
        case NotNow():
            status = status_label(request, result.status)
            request.reply_key("aspr.not_now", ref=result.reference, status=status)
        case NeedsNote():
            await request.set_state(FLOW, NOTE, {"id": aspiration_id, "action": decision})
            key = ASK_NOTE_KEYS[decision]
            request.reply_key(key, ref=result.reference, limit=HR_NOTE_MAX_LEN)
        case Decided():
            await _decided(request, aspiration_id, result)


async def _decided(request: Request, aspiration_id: int, result: Decided) -> None:
    """Say what was decided, with Urungkan while the notice waits, and the way on."""
    status = status_label(request, result.status)
    buttons = await way_on(request, aspiration_id)
    if result.undo_minutes:
        undo = b.UndoDecision(aspiration_id, result.entry_id)
        buttons.insert(0, [Button(request.t("aspr.btn_undo"), undo)])
    ref, minutes = result.reference, result.undo_minutes
    if not result.notified:  # the employee has no chat with the bot: say so, not "told"
        text = request.t("aspr.done_not_told", ref=ref, status=status)
    elif minutes:
        text = request.t("aspr.done_undo", ref=ref, status=status, minutes=minutes)
    else:
        text = request.t("aspr.done", ref=ref, status=status)
    request.send(OutgoingMessage(text, rows(*buttons)))
    wake_outbox_after_commit(request)


async def undo_pressed(request: Request, data: b.UndoDecision) -> None:
    """Take back a decision whose notice has not left yet; otherwise say it is too late."""
    result = await review.undo(
        request.session, request.now(), request.telegram_id, data.aspiration_id, data.entry_id
    )
    if isinstance(result, Missing):
        raise CallbackDataError("no such aspiration")
    request.answer()
    status = status_label(request, result.status)
    if isinstance(result, TooLate):
        request.reply_key("aspr.undo_too_late", ref=result.reference, status=status)
        return
    assert isinstance(result, Undone)
    again = [Button(request.t("aspr.btn_open_again"), b.OpenAspiration(data.aspiration_id))]
    buttons = [again, *await way_on(request, data.aspiration_id)]
    text = request.t("aspr.undone", ref=result.reference, status=status)
    request.send(OutgoingMessage(text, rows(*buttons)))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the decision buttons and the note step (HR only)."""
    add_button(app, b.DecideAspiration, decide_pressed, roles=HR)
    add_button(app, b.ConfirmAccept, accept_confirmed, roles=HR)
    add_button(app, b.UndoDecision, undo_pressed, roles=HR)
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    flow.on(NOTE, note_step, accepts=Accepts.TEXT)
