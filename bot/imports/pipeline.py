"""Run an import kind: read and validate the file first, then apply it in a transaction.

Callers (the CLI and the chat upload) read and validate *before* they open the database
transaction (``validate_file`` is synchronous; run it with ``asyncio.to_thread`` for big
files) and call ``apply_import`` inside it. Nothing here commits.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.imports.kinds import ImportContext, ImportKind, ImportRefused
from bot.imports.reader import MAX_ROWS
from bot.imports.report import ImportReport, TextRef
from bot.imports.rows import Validated


def validate_file(kind: ImportKind[Any], data: bytes, ctx: ImportContext) -> Validated[Any]:
    """Parse and validate ``data``; ``FileError`` when it is not a readable table."""
    max_rows = ctx.settings.import_max_rows if ctx.settings is not None else MAX_ROWS
    return kind.validate(kind.parse(data, ctx.filename, max_rows), ctx)


def new_report(
    kind: ImportKind[Any], validated: Validated[Any], ctx: ImportContext
) -> ImportReport:
    """The report of a validated file before anything was written."""
    return ImportReport(
        kind=kind.name,
        read=validated.read,
        errors=list(validated.errors),
        missing_columns=list(validated.missing_columns),
        partial=ctx.partial,
        dry_run=ctx.dry_run,
        full=ctx.full,
    )


def _full_refusal(report: ImportReport) -> TextRef | None:
    """Why a full import must not run: a record absent from it must mean "left", never
    "its line was rejected", and an empty file would deactivate everyone."""
    if report.errors:
        return TextRef("import.full.rejected_lines", {"count": report.skipped})
    if report.read == 0:
        return TextRef("import.full.empty")
    return None


async def apply_import(
    session: AsyncSession, kind: ImportKind[Any], validated: Validated[Any], ctx: ImportContext
) -> ImportReport:
    """Write the valid records in ``session`` (all or nothing unless ``ctx.partial``)."""
    report = new_report(kind, validated, ctx)
    if report.missing_columns:
        return report
    if ctx.full and kind.full is None:
        raise ValueError(f"import kind {kind.name} has no full mode")
    refusal = _full_refusal(report) if ctx.full else None
    if refusal is not None:
        report.refused = refusal
    else:
        try:
            await kind.apply(session, list(validated.records), ctx, report)
        except ImportRefused as refused:
            report.refused = refused.text
    report.errors.sort(key=lambda e: e.line)
    return report


async def import_data(
    session: AsyncSession, kind: ImportKind[Any], data: bytes, ctx: ImportContext
) -> ImportReport:
    """Validate and apply in-process ``data`` (demo rosters, tests) in ``session``."""
    return await apply_import(session, kind, validate_file(kind, data, ctx), ctx)
