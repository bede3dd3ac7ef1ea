"""``asn-bot demo-data --employees N [--linked] [--seed S] [--out FILE.csv]``.

Loads a generated roster of the fictional Kabupaten Sukamaju into the database (through
the normal roster import) or writes it to a CSV file. ``--linked`` also links a synthetic
Telegram user (id 700000000 + row index) to every employee, for the emulator and
benchmarks only.
"""

from __future__ import annotations

import argparse

from bot.cli.common import open_database, run_async, settings_or_exit
from bot.imports.render import render_report
from bot.roster.demo_data import DemoResult, generate_rows, load_demo, to_csv
from bot.texts import t


def cmd_demo_data(args: argparse.Namespace) -> int:
    """Write the CSV or load the roster into the database and print the report."""
    if args.employees < 1:
        print("--employees must be at least 1")
        return 2
    settings = settings_or_exit()
    locale = settings.default_locale
    if args.out is not None:
        if args.linked:
            print(t(locale, "roster.demo.linked_ignored"))
        args.out.write_bytes(to_csv(generate_rows(args.employees, args.seed)))
        print(t(locale, "roster.demo.written", count=args.employees, path=args.out))
        return 0

    async def _load() -> DemoResult:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                return await load_demo(session, args.employees, seed=args.seed, linked=args.linked)
        finally:
            await db.dispose()

    result = run_async(_load)
    print(render_report(result.report, locale))
    if args.linked:
        print(t(locale, "roster.demo.linked", count=result.linked))
    return 0 if result.report.applied else 1
