"""The HR file-upload workflow: remember the file, fetch and validate it, then apply it.

Reading and validating a file can take seconds, so it happens before the update's
transaction: :func:`pending_upload` reads the flow state in a short transaction of its
own, the handler downloads the bytes, :func:`validate_upload` parses them in a worker
thread, and only :func:`apply_upload` runs inside the update's transaction.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.imports.kinds import ImportContext, ImportKind
from bot.imports.pipeline import apply_import, validate_file
from bot.imports.reader import FileError
from bot.imports.registry import find_kind
from bot.imports.report import ImportReport
from bot.imports.rows import Validated
from storage.db import Database
from storage.queries import audit, conversation, users

FLOW = "import"
CHOOSE, CONFIRM, CONFIRM_FULL = "choose", "confirm", "confirm_full"


@dataclass(frozen=True, slots=True)
class PendingFile:
    """The file an HR officer sent, and the kind chosen for it."""

    file_id: str
    ctx: ImportContext
    kind: ImportKind[Any]


@dataclass(frozen=True, slots=True)
class Upload:
    """A pending file, fetched and validated for its kind."""

    pending: PendingFile
    result: Validated[Any] | FileError  # the validated lines, or why the file is unreadable


@dataclass(frozen=True, slots=True)
class FullPreview:
    """A valid full roster waiting for HR's confirmation: ``read`` lines, ``absent`` to go."""

    read: int
    absent: int


@dataclass(frozen=True, slots=True)
class Applied:
    """The outcome of applying an upload: the report, and whether to offer a partial run."""

    report: ImportReport
    offer_partial: bool


async def remember_file(session: AsyncSession, telegram_id: int, file_id: str, name: str) -> None:
    """Start the import flow for a received file (HR chooses its kind next)."""
    data = {"file_id": file_id, "filename": name}
    await conversation.set_state(session, telegram_id, FLOW, CHOOSE, data)


async def pending_upload(
    db: Database,
    telegram_id: int,
    kind_name: str | None,
    *,
    settings: Settings,
    today: date,
    full: bool = False,
) -> PendingFile | None:
    """The HR user's file and its kind, or None.

    ``kind_name`` None means the kind chosen before: the valid lines only, or with ``full``
    the confirmed full roster. Runs in a short transaction of its own, closed before the
    file is downloaded; the role is checked here too, so nobody else's press makes the bot
    fetch anything.
    """
    async with db.transaction() as session:
        if "hr" not in await users.roles_of(session, telegram_id):
            return None
        state = await conversation.get_state(session, telegram_id)
    if state is None or state.flow != FLOW or "file_id" not in state.data:
        return None
    chosen_before = kind_name is None
    if chosen_before and state.step != (CONFIRM_FULL if full else CONFIRM):
        return None  # a confirmation pressed out of turn (old or forged)
    kind = find_kind(str(state.data.get("kind", "")) if chosen_before else str(kind_name))
    if kind is None or (full and kind.full is None):
        return None
    ctx = ImportContext(
        actor=audit.actor_of(telegram_id), settings=settings, today=today,
        partial=chosen_before and not full, full=full,
        filename=str(state.data.get("filename", "file")),
    )  # fmt: skip
    return PendingFile(str(state.data["file_id"]), ctx, kind)


async def validate_upload(pending: PendingFile, payload: bytes) -> Upload:
    """Parse and validate the downloaded bytes in a worker thread."""
    try:
        result: Validated[Any] | FileError = await asyncio.to_thread(
            validate_file, pending.kind, payload, pending.ctx
        )
    except FileError as exc:
        result = exc
    return Upload(pending, result)


async def is_current(session: AsyncSession, telegram_id: int, upload: Upload) -> bool:
    """True when ``upload`` is still the file of the user's import flow."""
    state = await conversation.get_state(session, telegram_id)
    return (
        state is not None
        and state.flow == FLOW
        and state.data.get("file_id") == upload.pending.file_id
    )


async def preview_full(
    session: AsyncSession, telegram_id: int, upload: Upload
) -> FullPreview | Applied:
    """Count who a valid full roster would deactivate and wait for HR's confirmation.

    A file with rejected lines or missing columns is not confirmed: its report is returned.
    """
    assert not isinstance(upload.result, FileError)
    kind, validated = upload.pending.kind, upload.result
    if validated.errors or validated.missing_columns or not validated.records:
        return await apply_upload(session, telegram_id, upload)
    assert kind.full is not None
    absent = await kind.full.count_absent(session, list(validated.records))
    state = await conversation.get_state(session, telegram_id)
    data = {**(state.data if state else {}), "kind": kind.name}
    await conversation.set_state(session, telegram_id, FLOW, CONFIRM_FULL, data)
    return FullPreview(validated.read, absent)


async def apply_upload(session: AsyncSession, telegram_id: int, upload: Upload) -> Applied:
    """Write a validated upload (all-or-nothing unless partial), audit it, move the flow on."""
    assert not isinstance(upload.result, FileError)
    pending = upload.pending
    report = await apply_import(session, pending.kind, upload.result, pending.ctx)
    await audit.record(
        session, pending.ctx.actor, "import.run", "import", pending.kind.name,
        partial=pending.ctx.partial, full=pending.ctx.full, applied=report.applied,
    )  # fmt: skip
    offer = report.offers_partial and not pending.ctx.partial
    if offer:
        state = await conversation.get_state(session, telegram_id)
        data = {**(state.data if state else {}), "kind": pending.kind.name}
        await conversation.set_state(session, telegram_id, FLOW, CONFIRM, data)
    else:
        await conversation.clear_state(session, telegram_id)
    return Applied(report, offer)
