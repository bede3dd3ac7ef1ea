"""HR sends a CSV/XLSX file to the bot: pick what it is, see the report, apply it.

The kinds on offer are those of ``bot.imports.registry``. When HR presses a kind, the
file is downloaded, read and validated (in a worker thread) *before* the update's
transaction opens; only the writing runs inside it (``bot.imports.service``). Without an
explicit "import the valid rows" press, a file with a rejected line changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from telegram import Document, Update
from telegram.constants import ChatAction
from telegram.ext import Application, CallbackContext, CallbackQueryHandler

from bot.callback_data import CallbackData, CallbackDataError
from bot.imports import service
from bot.imports.reader import FileError
from bot.imports.registry import all_kinds
from bot.imports.render import render_file_error, render_report
from bot.messages import Button, OutgoingMessage
from handlers.base import handler
from handlers.buttons import add_button, record_button
from handlers.context import services_of
from handlers.flows import Accepts, buttons_only
from handlers.paging import send_long
from handlers.request import Request

HR = ("hr",)
MAX_FILE_BYTES = 5 * 1024 * 1024
ALLOWED_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class ChooseKind(CallbackData, prefix="import-kind"):
    """Import the received file as this kind."""

    kind: str


@dataclass(frozen=True)
class ChooseFullRoster(CallbackData, prefix="import-full"):
    """Check the received file as the whole roster: who is absent will be deactivated."""

    kind: str


@dataclass(frozen=True)
class ConfirmFullRoster(CallbackData, prefix="import-full-confirm"):
    """Apply the full roster just checked (deactivating who it does not list)."""


@dataclass(frozen=True)
class ImportValidRows(CallbackData, prefix="import-partial"):
    """Import only the valid lines of the file just checked."""


@dataclass(frozen=True)
class CancelImport(CallbackData, prefix="import-cancel"):
    """Drop the received file."""


async def document_received(request: Request) -> None:
    """A file arrived outside any conversation: HR chooses what it is."""
    message = request.update.effective_message
    document = message.document if message is not None else None
    if document is None:
        return
    if not request.has_role(*HR):
        request.reply_key("import.hr_only")
        return
    problem = _check_document(document)
    if problem:
        request.reply_key(problem, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        return
    name = document.file_name or "file"
    await service.remember_file(request.session, request.telegram_id, document.file_id, name)
    rows = [(Button(request.t(k.label), ChooseKind(k.name)),) for k in all_kinds()]
    rows += [(Button(request.t(k.full.label), ChooseFullRoster(k.name)),)
             for k in all_kinds() if k.full is not None]  # fmt: skip
    rows.append((Button(request.t("common.btn_cancel"), CancelImport()),))
    request.send(OutgoingMessage(request.t("import.choose_kind"), tuple(rows)))


def _check_document(document: Document) -> str | None:
    """Return the text key of what is wrong with the file, or None."""
    suffix = PurePath(document.file_name or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        return "import.bad_type"
    if document.file_size and document.file_size > MAX_FILE_BYTES:
        return "import.too_big"
    return None


async def import_pressed(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """A kind, "valid rows only" or "full roster": fetch and validate the file, then go on."""
    upload = await _fetch(update, context)
    query = update.callback_query
    preview = query is not None and _is_press(ChooseFullRoster, query.data)

    async def import_callback(request: Request) -> None:
        """Write the fetched file (or count a full roster) in this transaction."""
        await _run(request, upload, preview=preview)

    await handler(roles=HR)(import_callback)(update, context)


def _is_press(data_cls: type[CallbackData], data: str | None) -> bool:
    """True when ``data`` is a payload of ``data_cls``."""
    return re.match(data_cls.pattern(), data or "") is not None


def _pressed(data: str | None) -> tuple[str | None, bool]:
    """The kind named by the press (None: the one chosen before) and whether it is full."""
    if data == ImportValidRows().pack():
        return None, False
    if data == ConfirmFullRoster().pack():
        return None, True
    if _is_press(ChooseFullRoster, data):
        return ChooseFullRoster.unpack(data).kind, True
    return ChooseKind.unpack(data).kind, False


async def _fetch(
    update: Update, context: CallbackContext[Any, Any, Any, Any]
) -> service.Upload | None:
    """Download and validate the flow's file for the pressed kind (no transaction held)."""
    query, user, chat = update.callback_query, update.effective_user, update.effective_chat
    if query is None or user is None or chat is None:
        return None
    try:
        kind, full = _pressed(query.data)
    except CallbackDataError:
        return None
    services = services_of(context.application)
    today = services.clock.now().astimezone(services.settings.tz).date()
    pending = await service.pending_upload(
        services.db, user.id, kind, settings=services.settings, today=today, full=full
    )
    if pending is None:
        return None
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    payload = bytes(await (await context.bot.get_file(pending.file_id)).download_as_bytearray())
    return await service.validate_upload(pending, payload)


async def _run(request: Request, upload: service.Upload | None, *, preview: bool) -> None:
    """Apply the upload (or ask to confirm a full roster), or say why not."""
    request.answer()
    if upload is None or not await service.is_current(request.session, request.telegram_id, upload):
        request.reply_key("common.stale_button")
        return
    if isinstance(upload.result, FileError):
        await request.clear_state()
        request.reply(render_file_error(upload.result, request.locale), html=False)
        return
    if preview:
        checked = await service.preview_full(request.session, request.telegram_id, upload)
        if isinstance(checked, service.FullPreview):
            _ask_full_confirmation(request, checked)
        else:
            _show_report(request, checked)
        return
    _show_report(request, await service.apply_upload(request.session, request.telegram_id, upload))


def _ask_full_confirmation(request: Request, preview: service.FullPreview) -> None:
    """Say how many employees the full roster deactivates; apply only on confirmation."""
    text = request.t("import.full.confirm", read=preview.read, count=preview.absent)
    buttons = (
        (Button(request.t("import.full.btn_confirm"), ConfirmFullRoster()),),
        (Button(request.t("common.btn_cancel"), CancelImport()),),
    )
    request.send(OutgoingMessage(text, buttons))


def _show_report(request: Request, applied: service.Applied) -> None:
    """The import report, with the "valid lines only" offer when it applies."""
    text = render_report(applied.report, request.locale)
    buttons: tuple[tuple[Button, ...], ...] = ()
    if applied.offer_partial:
        buttons = (
            (Button(request.t("import.btn_partial"), ImportValidRows()),),
            (Button(request.t("common.btn_cancel"), CancelImport()),),
        )
    report = OutgoingMessage(text, buttons, parse_mode=None)
    send_long(request, report, f"laporan-impor-{applied.report.kind}.txt")


async def cancel_pressed(request: Request, _data: CancelImport) -> None:
    """Drop the received file."""
    request.answer()
    await request.clear_state()
    request.edit_or_reply(request.t("common.cancelled"))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install file handling for HR imports."""
    flows = services_of(app).flows
    flows.document_without_flow = document_received
    flow = flows.flow(service.FLOW, roles=HR)
    for step in (service.CHOOSE, service.CONFIRM, service.CONFIRM_FULL):
        flow.on(step, buttons_only, accepts=Accepts.BUTTONS, hint="import.use_buttons")
    add_button(app, CancelImport, cancel_pressed, roles=HR)
    pressed = (ChooseKind, ImportValidRows, ChooseFullRoster, ConfirmFullRoster)
    for data_cls in pressed:  # roles checked before the download too
        record_button(app, data_cls, roles=HR)
        app.add_handler(CallbackQueryHandler(import_pressed, pattern=data_cls.pattern()))
