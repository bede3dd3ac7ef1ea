"""``asn-bot import KIND FILE [--partial|--full] [--dry-run] [--plan ID]``: every import.

KIND is one of ``bot.imports.registry.KIND_NAMES`` (``employees`` is the roster). The file
is read and validated before the database opens; only the writing runs in the transaction
(rolled back with ``--dry-run``). ``--full`` (employees only) treats the file as the whole
roster: the active employees it does not list are deactivated. Exit status: 0 when the
import was applied (or would be, with ``--dry-run``), 1 when rejected lines, missing
columns or a refusal prevented it, 2 when the file or the options do not fit.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.imports.kinds import ImportContext, ImportKind
    from bot.imports.report import ImportReport
    from bot.imports.rows import Validated


def cmd_import(args: argparse.Namespace) -> int:
    """Read and validate the file, apply it in one transaction, print the report."""
    from datetime import datetime

    from bot.cli.common import run_async, settings_or_exit
    from bot.imports.kinds import ImportContext
    from bot.imports.pipeline import validate_file
    from bot.imports.reader import FileError, read_path
    from bot.imports.registry import get_kind
    from bot.imports.render import render_file_error, render_report
    from bot.texts import t

    settings = settings_or_exit()
    locale = args.locale or settings.default_locale
    kind = get_kind(args.kind)
    problem = _option_problem(args, kind)
    if problem is not None:
        print(t(locale, problem))
        return 2
    ctx = ImportContext(
        actor="cli", today=datetime.now(settings.tz).date(), settings=settings,
        filename=args.file.name, partial=args.partial, dry_run=args.dry_run, target=args.plan,
        full=args.full,
    )  # fmt: skip
    try:
        validated = validate_file(kind, read_path(args.file), ctx)
    except FileError as exc:
        print(render_file_error(exc, locale))
        return 2
    report = run_async(lambda: _apply(settings, kind, validated, ctx))
    print(render_report(report, locale))
    return 0 if report.applied else 1


def _option_problem(args: argparse.Namespace, kind: ImportKind[Any]) -> str | None:
    """The text key of an option that does not fit the kind, or None."""
    if args.plan is not None and kind.name != "moves":
        return "import.cli.plan_only_moves"
    if args.full and kind.full is None:
        return "import.cli.full_only_roster"
    if args.full and args.partial:
        return "import.cli.full_not_partial"
    return None


class _RollBack(Exception):
    """Raised inside the transaction of a dry run so that it is rolled back."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("dry run")
        self.report = report


async def _apply(
    settings: Settings, kind: ImportKind[Any], validated: Validated[Any], ctx: ImportContext
) -> ImportReport:
    """Apply the validated file in one transaction (rolled back for a dry run)."""
    from bot.cli.common import open_database
    from bot.imports.pipeline import apply_import

    db = await open_database(settings)
    try:
        async with db.transaction() as session:
            report = await apply_import(session, kind, validated, ctx)
            if ctx.dry_run:
                raise _RollBack(report)
        return report
    except _RollBack as rolled_back:
        return rolled_back.report
    finally:
        await db.dispose()
