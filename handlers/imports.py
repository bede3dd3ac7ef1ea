"""HR sends a CSV/XLSX file to the bot: pick what it is, see the report, apply it.

Each import kind (roster now; positions and workload from their features) is one entry
in ``IMPORT_KINDS``. Without an explicit "import the valid rows" press, a file with a
bad row changes nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Document
from telegram.constants import ChatAction
from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.roster.importer import apply_roster, format_report, parse_roster
from handlers.base import handler
from handlers.request import Request, keyboard
from storage.models import ConversationState
from storage.queries import audit
from storage.queries.conversation import get_state

FLOW = "import"
MAX_FILE_BYTES = 5 * 1024 * 1024
ALLOWED_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: the report text and whether rows were rejected."""

    report: str
    has_rejections: bool
    applied: bool


Importer = Callable[[AsyncSession, bytes, str, bool, str, str], Awaitable[ImportOutcome]]


async def import_roster(
    session: AsyncSession, data: bytes, filename: str, partial: bool, actor: str, locale: str
) -> ImportOutcome:
    """Roster (pegawai) import."""
    parsed = parse_roster(data, filename)
    report = await apply_roster(session, parsed, partial=partial, actor=actor)
    return ImportOutcome(format_report(report, locale), bool(report.rejected), report.applied)


IMPORT_KINDS: dict[str, Importer] = {"roster": import_roster}
IMPORT_LABELS: dict[str, str] = {"roster": "import.kind_roster"}  # kind -> button text key


def add_import_kind(name: str, importer: Importer, label_key: str) -> None:
    """Let a feature offer its own file import (e.g. positions, workload)."""
    IMPORT_KINDS[name] = importer
    IMPORT_LABELS[name] = label_key


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
    rows = [[(request.t(IMPORT_LABELS[k]), cb.build("imp", "kind", k))] for k in IMPORT_KINDS]
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


async def import_callback(request: Request) -> None:
    """Run the chosen import (all-or-nothing first; partial only when asked)."""
    data = request.button()
    request.answer()
    state = await get_state(request.session, request.telegram_id)
    if data.action == "cancel":
        await request.clear_state()
        request.edit_or_reply(request.t("common.cancelled"))
        return
    if state is None or state.flow != FLOW:
        request.reply_key("common.stale_button")
        return
    kind = data.arg(0) if data.action == "kind" else str(state.data.get("kind", ""))
    importer = IMPORT_KINDS.get(kind)
    if importer is None or data.action not in ("kind", "partial"):
        raise cb.CallbackDataError("unknown import")
    partial = data.action == "partial"
    outcome = await _run(request, state, importer, partial)
    await audit.record(
        request.session,
        audit.actor_of(request.telegram_id),
        "import.run",
        "import",
        kind,
        partial=partial,
        applied=outcome.applied,
    )
    if outcome.has_rejections and not outcome.applied:
        await request.set_state(FLOW, "confirm", {**state.data, "kind": kind})
        markup = keyboard(
            [
                [(request.t("import.btn_partial"), cb.build("imp", "partial"))],
                [(request.t("common.btn_cancel"), cb.build("imp", "cancel"))],
            ]
        )
        request.reply(outcome.report, markup, html=False)
        return
    await request.clear_state()
    request.reply(outcome.report, html=False)


async def _run(
    request: Request, state: ConversationState, importer: Importer, partial: bool
) -> ImportOutcome:
    """Download the file and hand it to the importer."""
    await request.context.bot.send_chat_action(request.chat_id, ChatAction.TYPING)
    file = await request.context.bot.get_file(str(state.data["file_id"]))
    payload = bytes(await file.download_as_bytearray())
    return await importer(
        request.session,
        payload,
        str(state.data.get("filename", "file")),
        partial,
        audit.actor_of(request.telegram_id),
        request.locale,
    )


async def waiting_step(request: Request, state: ConversationState) -> None:
    """Remind HR to use the buttons (or send the file again)."""
    request.reply_key("import.use_buttons")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install file handling for HR imports."""
    flows = app.bot_data["services"].flows
    flows.document_without_flow = document_received
    flows.on(FLOW, "choose", waiting_step)
    flows.on(FLOW, "confirm", waiting_step)
    app.add_handler(
        CallbackQueryHandler(handler(roles=("hr",))(import_callback), pattern=cb.pattern("imp"))
    )
