"""HR sends a CSV/XLSX file to the bot: pick what it is, see the report, apply it.

The kinds on offer are those of ``bot.imports.registry``. When HR presses a kind, the
file is downloaded, read and validated (in a worker thread) *before* the update's
transaction opens; only the writing runs inside it. Without an explicit "import the valid
rows" press, a file with a rejected line changes nothing.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from telegram import Document, Update
from telegram.constants import ChatAction
from telegram.ext import Application, CallbackContext, CallbackQueryHandler

from bot import callback_data as cb
from bot.imports.kinds import ImportContext, ImportKind
from bot.imports.pipeline import apply_import, validate_file
from bot.imports.reader import FileError
from bot.imports.registry import all_kinds, find_kind
from bot.imports.render import render_file_error, render_report
from bot.imports.rows import Validated
from handlers.base import handler
from handlers.context import services_of
from handlers.request import Request, keyboard
from storage.models import ConversationState
from storage.queries import audit
from storage.queries.conversation import get_state

FLOW = "import"
MAX_FILE_BYTES = 5 * 1024 * 1024
ALLOWED_SUFFIXES = (".csv", ".xlsx")
REPORT_LINES = 40  # rejected lines listed in the chat; the rest are counted


@dataclass(frozen=True, slots=True)
class Upload:
    """The file of the import flow, fetched and validated for one kind."""

    kind: ImportKind[Any]
    file_id: str
    ctx: ImportContext
    result: Validated[Any] | FileError  # the validated lines, or why the file is unreadable


async def document_received(request: Request) -> None:
    """A file arrived outside any conversation: HR chooses what it is."""
    message = request.update.effective_message
    document = message.document if message is not None else None
    if document is None:
        return
    if not request.has_role("hr"):
        request.reply_key("import.hr_only")
        return
    problem = _check_document(document)
    if problem:
        request.reply_key(problem, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        return
    await request.set_state(
        FLOW, "choose", {"file_id": document.file_id, "filename": document.file_name or "file"}
    )
    rows = [[(request.t(k.label), cb.build("imp", "kind", k.name))] for k in all_kinds()]
    rows.append([(request.t("common.btn_cancel"), cb.build("imp", "cancel"))])
    request.reply(request.t("import.choose_kind"), keyboard(rows))


def _check_document(document: Document) -> str | None:
    """Return the text key of what is wrong with the file, or None."""
    suffix = PurePath(document.file_name or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        return "import.bad_type"
    if document.file_size and document.file_size > MAX_FILE_BYTES:
        return "import.too_big"
    return None


async def import_pressed(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """An import button: fetch and validate the file, then import it in the transaction."""
    upload = await _fetch(update, context)

    async def import_callback(request: Request) -> None:
        """Run the chosen import (all-or-nothing first; partial only when asked)."""
        await _run(request, upload)

    await handler(roles=("hr",))(import_callback)(update, context)


async def _fetch(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> Upload | None:
    """Download and validate the flow's file for the pressed kind (no transaction held)."""
    query, user, chat = update.callback_query, update.effective_user, update.effective_chat
    if query is None or user is None or chat is None:
        return None
    try:
        data = cb.parse(query.data)
        partial = {"kind": False, "partial": True}[data.action]
    except (cb.CallbackDataError, KeyError):
        return None
    services = services_of(context.application)
    async with services.db.transaction() as session:  # a short read, closed before the download
        state = await get_state(session, user.id)
    if state is None or state.flow != FLOW:
        return None
    kind = find_kind(str(state.data.get("kind", "")) if partial else data.arg(0))
    if kind is None:
        return None
    ctx = ImportContext(
        actor=audit.actor_of(user.id), settings=services.settings, partial=partial,
        today=services.clock.now().astimezone(services.settings.tz).date(),
        filename=str(state.data.get("filename", "file")),
    )  # fmt: skip
    file_id = str(state.data["file_id"])
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    payload = bytes(await (await context.bot.get_file(file_id)).download_as_bytearray())
    try:
        result: Validated[Any] | FileError = await asyncio.to_thread(
            validate_file, kind, payload, ctx
        )
    except FileError as exc:
        result = exc
    return Upload(kind, file_id, ctx, result)


def _is_current(state: ConversationState | None, upload: Upload | None) -> bool:
    """True when ``upload`` is the file of the user's import flow right now."""
    return (
        state is not None
        and state.flow == FLOW
        and upload is not None
        and state.data.get("file_id") == upload.file_id
    )


async def _run(request: Request, upload: Upload | None) -> None:
    """Cancel, or write the fetched file in this transaction and show the report."""
    data = request.button()
    request.answer()
    if data.action == "cancel":
        await request.clear_state()
        request.edit_or_reply(request.t("common.cancelled"))
        return
    if data.action not in ("kind", "partial"):
        raise cb.CallbackDataError("unknown import action")
    state = await get_state(request.session, request.telegram_id)
    if state is None or state.flow != FLOW:
        request.reply_key("common.stale_button")
        return
    if upload is None or not _is_current(state, upload):
        raise cb.CallbackDataError("unknown import")
    if isinstance(upload.result, FileError):
        await request.clear_state()
        request.reply(render_file_error(upload.result, request.locale), html=False)
        return
    report = await apply_import(request.session, upload.kind, upload.result, upload.ctx)
    await audit.record(
        request.session, upload.ctx.actor, "import.run", "import", upload.kind.name,
        partial=upload.ctx.partial, applied=report.applied,
    )  # fmt: skip
    text = render_report(report, request.locale, max_lines=REPORT_LINES)
    if report.offers_partial and not upload.ctx.partial:
        await request.set_state(FLOW, "confirm", {**state.data, "kind": upload.kind.name})
        markup = keyboard(
            [
                [(request.t("import.btn_partial"), cb.build("imp", "partial"))],
                [(request.t("common.btn_cancel"), cb.build("imp", "cancel"))],
            ]
        )
        request.reply(text, markup, html=False)
        return
    await request.clear_state()
    request.reply(text, html=False)


async def waiting_step(request: Request, state: ConversationState) -> None:
    """Remind HR to use the buttons (or send the file again)."""
    request.reply_key("import.use_buttons")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install file handling for HR imports."""
    flows = services_of(app).flows
    flows.document_without_flow = document_received
    flows.on(FLOW, "choose", waiting_step)
    flows.on(FLOW, "confirm", waiting_step)
    app.add_handler(CallbackQueryHandler(import_pressed, pattern=cb.pattern("imp")))
