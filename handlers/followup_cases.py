"""HR's /tindak_lanjut: open follow-up cases, overdue first; take, note, close, correct.

Each case card shows the employee (NIP masked), the survey round and the actions noted;
notes and the closing note are typed steps, and a corrective move continues in the plans
conversation (``handlers.plans_moves``) with the employee prefilled. The workflows are
``bot.followup.service`` and ``bot.followup.corrective``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackData
from bot.followup import NOTE_MAX_LEN, corrective
from bot.followup import service as cases
from bot.followup.buttons import (
    CasesPage,
    CloseCase,
    CorrectiveMove,
    NoteCase,
    OpenCase,
    TakeCase,
)
from bot.i18n.dates import format_date, format_datetime
from bot.messages import Button, OutgoingMessage
from bot.surveys.report import group_name
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.plans_common import FLOW as PLAN_FLOW
from handlers.plans_moves import DEST
from handlers.request import Request, escape_html, inline_markup
from storage.models import ConversationState

HR = ("hr",)
FLOW, NOTE, CLOSE = "followup", "note", "close"


def paged(
    request: Request,
    text: str,
    rows: list[tuple[Button, ...]],
    page: int,
    pages: int,
    make: Callable[[int], CallbackData],
) -> OutgoingMessage:
    """A page of a list: its item buttons, then previous/next where there are more pages."""
    nav = []
    if page > 0:
        nav.append(Button(request.t("common.btn_prev"), make(page - 1)))
    if page + 1 < pages:
        nav.append(Button(request.t("common.btn_next"), make(page + 1)))
    return OutgoingMessage(text, tuple(r for r in [*rows, tuple(nav)] if r))


def send_or_edit(request: Request, message: OutgoingMessage, *, edit: bool) -> None:
    """Replace the message whose button was pressed, or send a new one."""
    if edit:
        request.edit_or_reply(message.text, inline_markup(message))
    else:
        request.send(message)


def _owner(request: Request, owner: int | None) -> str:
    """The owner as a select value of the list line: mine, none or other."""
    if owner is None:
        return "none"
    return "mine" if owner == request.telegram_id else "other"


async def _show_list(request: Request, page: int, *, edit: bool = False) -> None:
    """One page of open cases with a button per case."""
    found = await cases.open_cases(request.session, request.today(), page)
    if not found.total:
        request.reply_key("followup.none")
        return
    lines = [
        request.t(
            "followup.list_title",
            count=found.total,
            overdue=found.overdue,
            page=found.page + 1,
            pages=found.pages,
        )
    ]
    lines += [
        request.t(
            "followup.list_line",
            late="yes" if c.overdue else "no",
            id=c.case_id,
            name=escape_html(c.name),
            nip=c.masked_nip,
            unit=escape_html(c.unit),
            due=format_date(c.due_on, request.locale, "short"),
            owner=_owner(request, c.owner),
        )
        for c in found.lines
    ]
    rows: list[tuple[Button, ...]] = [
        (
            Button(
                request.t("followup.btn_open", id=c.case_id, name=c.name[:30]), OpenCase(c.case_id)
            ),
        )
        for c in found.lines
    ]
    message = paged(request, "\n".join(lines), rows, found.page, found.pages, CasesPage)
    send_or_edit(request, message, edit=edit)


async def tindak_lanjut_cmd(request: Request) -> None:
    """Open follow-up cases, overdue first."""
    await _show_list(request, 0)


async def page_pressed(request: Request, data: CasesPage) -> None:
    """Another page of the list."""
    request.answer()
    await _show_list(request, data.page, edit=True)


def _owner_text(request: Request, owner: int | None) -> str:
    """Who owns the case, for the card."""
    if owner is None:
        return request.t("followup.owner_none")
    if owner == request.telegram_id:
        return request.t("followup.owner_you")
    return request.t("followup.owner_other", id=owner)


def _card_text(request: Request, card: cases.CaseCard) -> str:
    """The card: the employee, the round, dates, owner, actions noted, closing note."""
    locale, tz = request.locale, request.settings.tz
    lines = [
        request.t(
            "followup.card",
            id=card.case_id,
            status=card.status,
            name=escape_html(card.name),
            nip=card.masked_nip,
            unit=escape_html(card.unit),
            position=escape_html(card.position),
            survey=escape_html(card.survey),
            round=escape_html(group_name(request.t, card.round_label)),
            opened=format_date(card.opened_on, locale),
            due=format_date(card.due_on, locale),
            late="yes" if card.overdue else "no",
            owner=_owner_text(request, card.owner),
        ),
        "",
        request.t("followup.notes_title"),
    ]
    lines += [
        request.t("followup.note_line", at=format_datetime(at, locale, tz, "short"),
                  text=escape_html(text))
        for at, text in card.notes
    ] or [request.t("followup.no_notes")]  # fmt: skip
    if card.closing_note:
        lines += ["", request.t("followup.closing_note", text=escape_html(card.closing_note))]
    return "\n".join(lines)


def _card_buttons(request: Request, card: cases.CaseCard) -> tuple[tuple[Button, ...], ...]:
    """The actions of an open case, and back to the list."""
    t, cid = request.t, card.case_id
    rows: list[tuple[Button, ...]] = []
    if card.status == cases.OPEN:
        if card.owner != request.telegram_id:
            rows.append((Button(t("followup.btn_take"), TakeCase(cid)),))
        note, close = NoteCase(cid), CloseCase(cid)
        rows.append((Button(t("followup.btn_note"), note), Button(t("followup.btn_close"), close)))
        rows.append((Button(t("followup.btn_move"), CorrectiveMove(cid)),))
    rows.append((Button(t("followup.btn_list"), CasesPage(0)),))
    return tuple(rows)


async def _show_card(request: Request, case_id: int) -> None:
    """Send the card of one case (or say it is gone)."""
    card = await cases.case_card(request.session, case_id, request.today())
    if card is None:
        request.reply_key("followup.stale")
        return
    request.send(OutgoingMessage(_card_text(request, card), _card_buttons(request, card)))


async def open_pressed(request: Request, data: OpenCase) -> None:
    """The card of one case."""
    request.answer()
    await _show_card(request, data.case_id)


async def take_pressed(request: Request, data: TakeCase) -> None:
    """The officer takes the case."""
    request.answer()
    if not await cases.take_case(request.session, request.telegram_id, data.case_id):
        request.reply_key("followup.stale")
        return
    request.reply_key("followup.taken", id=data.case_id)
    await _show_card(request, data.case_id)


async def note_pressed(request: Request, data: NoteCase) -> None:
    """Ask for the action to note."""
    request.answer()
    await request.set_state(FLOW, NOTE, {"case_id": data.case_id})
    request.reply_key("followup.ask_note", id=data.case_id)


async def close_pressed(request: Request, data: CloseCase) -> None:
    """Ask for the closing note."""
    request.answer()
    await request.set_state(FLOW, CLOSE, {"case_id": data.case_id})
    request.reply_key("followup.ask_close", id=data.case_id)


async def note_step(request: Request, state: ConversationState) -> None:
    """Store the typed action on the case."""
    text = expect_text(request, max_len=NOTE_MAX_LEN)
    if text is None:
        return
    await request.clear_state()
    case_id = int(state.data["case_id"])
    if not await cases.add_note(request.session, request.now(), request.telegram_id, case_id, text):
        request.reply_key("followup.stale")
        return
    request.reply_key("followup.noted", id=case_id)
    await _show_card(request, case_id)


async def close_step(request: Request, state: ConversationState) -> None:
    """Close the case with the typed closing note."""
    text = expect_text(request, max_len=NOTE_MAX_LEN)
    if text is None:
        return
    await request.clear_state()
    case_id = int(state.data["case_id"])
    if not await cases.close_case(
        request.session, request.now(), request.telegram_id, case_id, text
    ):
        request.reply_key("followup.stale")
        return
    request.reply_key("followup.closed", id=case_id)


async def move_pressed(request: Request, data: CorrectiveMove) -> None:
    """Start a corrective move: a draft plan, the employee prefilled; ask the destination."""
    request.answer()
    name = request.t(
        "followup.plan_name", date=format_date(request.today(), request.locale, "short")
    )
    found = await corrective.start_corrective_move(
        request.session, request.telegram_id, data.case_id, name
    )
    if found.outcome == "refused":
        request.reply_key("followup.stale")
        return
    if found.outcome == "already":
        request.reply_key("plans.already_in_plan", name=escape_html(found.employee_name),
                          move=found.move_id, plan=found.plan_id,
                          plan_name=escape_html(found.plan_name))  # fmt: skip
        return
    draft = {"plan_id": found.plan_id, "employee_id": found.employee_id}
    await request.set_state(PLAN_FLOW, DEST, draft)
    request.reply_key(
        "followup.move_intro", id=data.case_id, plan=escape_html(found.plan_name),
        created="yes" if found.created else "no",
    )  # fmt: skip
    request.reply_key("plans.ask_dest", name=escape_html(found.employee_name))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /tindak_lanjut, its buttons and typed steps (HR only)."""
    add_command(
        app, "tindak_lanjut", tindak_lanjut_cmd, roles=HR,
        description_key="cmd.tindak_lanjut", menu_key="menu.tindak_lanjut",
    )  # fmt: skip
    add_button(app, CasesPage, page_pressed, roles=HR)
    add_button(app, OpenCase, open_pressed, roles=HR)
    add_button(app, TakeCase, take_pressed, roles=HR)
    add_button(app, NoteCase, note_pressed, roles=HR)
    add_button(app, CloseCase, close_pressed, roles=HR)
    add_button(app, CorrectiveMove, move_pressed, roles=HR)
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    flow.on(NOTE, note_step, accepts=Accepts.TEXT, roles=HR)
    flow.on(CLOSE, close_step, accepts=Accepts.TEXT, roles=HR)
