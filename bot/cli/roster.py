"""``asn-bot import employees FILE [--partial]``: load HR's roster into the database.

Exit status: 0 when the import was applied, 1 when rejected rows (or missing columns)
prevented it, 2 when the file could not be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.common import open_database, run_async, settings_or_exit
from bot.roster.importer import (
    ImportReport,
    apply_roster,
    file_error_text,
    format_report,
    parse_roster,
)
from bot.roster.validation import RosterError


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
