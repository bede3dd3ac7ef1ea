"""``asn-bot import employees FILE [--partial]``: load HR's roster into the database.

Exit status: 0 when the import was applied, 1 when rejected rows (or missing columns)
prevented it, 2 when the file could not be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.common import open_database, run_async, settings_or_exit
from bot.roster.importer import (
    ImportReport,
    apply_roster,
    file_error_text,
    format_report,
    parse_roster,
)
from bot.roster.validation import RosterError


def import_group(sub: Any) -> Any:
    """The subparsers of ``asn-bot import``, created once and shared by features."""
    parser = sub.choices.get("import")
    if parser is None:
        parser = sub.add_parser("import", help="import data files (roster, …)")
        parser.set_defaults(func=lambda _args: parser.print_help() or 2)
        return parser.add_subparsers(dest="import_kind", required=True)
    return parser._subparsers._group_actions[0]


def register(sub: Any) -> None:
    """Add ``import employees``."""
    group = import_group(sub)
    p = group.add_parser("employees", help="import the employee roster (CSV or XLSX)")
    p.add_argument("file", type=Path, help="roster file, .csv or .xlsx")
    p.add_argument(
        "--partial", action="store_true", help="import the valid rows even if some are rejected"
    )
    p.add_argument("--locale", default=None, help="report language (id or en)")
    p.set_defaults(func=cmd_import_employees)


def cmd_import_employees(args: argparse.Namespace) -> int:
    """Parse the file, apply it in one transaction, print the report."""
    settings = settings_or_exit()
    locale = args.locale or settings.default_locale
    try:
        parsed = parse_roster(Path(args.file).read_bytes(), Path(args.file).name)
    except OSError as exc:
        error = RosterError("file_unreadable", reason=exc.strerror or type(exc).__name__)
        print(file_error_text(error, locale))
        return 2
    except RosterError as exc:
        print(file_error_text(exc, locale))
        return 2

    async def _apply() -> ImportReport:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                return await apply_roster(session, parsed, partial=args.partial, actor="cli")
        finally:
            await db.dispose()

    report = run_async(_apply)
    print(format_report(report, locale))
    return 0 if report.applied else 1
