"""``asn-bot plans list|export`` and ``asn-bot import workload|moves``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.common import open_database, run_async, settings_or_exit
from bot.cli.roster import import_group
from bot.plans.export import workbook
from bot.texts import t
from storage.queries import audit
from storage.queries import plans as q

MOVE_COLUMNS = ("id", "nip", "name", "from_unit", "to_unit", "to_position", "tmt", "status",
                "version", "answer", "answer_text", "sk")  # fmt: skip


def register(sub: Any) -> None:
    """Add ``plans list``, ``plans export``, ``import workload`` and ``import moves``."""
    plans = sub.add_parser("plans", help="mutation plans")
    group = plans.add_subparsers(dest="plans_command", required=True)
    group.add_parser("list", help="list plans").set_defaults(func=cmd_list)
    export = group.add_parser("export", help="export a plan's moves and audit trail to XLSX")
    export.add_argument("plan_id", type=int)
    export.add_argument("--out", type=Path, required=True)
    export.set_defaults(func=cmd_export)
    workload = import_group(sub).add_parser("workload", help="import ABK workload figures")
    workload.add_argument("file", type=Path)
    workload.add_argument("--partial", action="store_true", help="import the valid rows only")
    workload.set_defaults(func=cmd_import_workload)
    moves = import_group(sub).add_parser("moves", help="import proposed moves into a Draf plan")
    moves.add_argument("file", type=Path, help="moves file, .csv or .xlsx")
    moves.add_argument("--plan", type=int, required=True, help="id of the Draf plan")
    moves.add_argument("--partial", action="store_true", help="import the valid rows only")
    moves.set_defaults(func=cmd_import_moves)


def cmd_list(_args: argparse.Namespace) -> int:
    """Print one line per plan."""
    settings = settings_or_exit()

    async def _run() -> list[str]:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                lines = []
                for plan in await q.list_plans(session, limit=200):
                    moves = await q.moves_of(session, plan.id)
                    lines.append(f"#{plan.id}\t{plan.status}\t{len(moves)} moves\t{plan.name}")
                return lines
        finally:
            await db.dispose()

    for line in run_async(_run):
        print(line)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the plan's moves and audit trail to an XLSX file."""
    settings = settings_or_exit()
    locale = settings.default_locale

    async def _run() -> bytes | None:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                if await q.get_plan(session, args.plan_id) is None:
                    return None
                rows = [
                    [r.move.id, r.employee.nip, r.employee.name, r.from_unit, r.to_unit,
                     r.move.to_position, r.move.proposed_tmt.isoformat(), r.move.status,
                     r.move.version, r.move.answer or "", r.move.answer_text, r.move.decree_number]
                    for r in await q.move_rows(session, args.plan_id)
                ]  # fmt: skip
                entries = await q.plan_audit(session, args.plan_id)
                trail = [[e.at.isoformat(), e.actor, e.action, f"{e.entity}#{e.entity_id}",
                          str(e.details)] for e in entries]  # fmt: skip
                await audit.record(session, "cli", "plan.exported", "plan", args.plan_id)
                header = [t(locale, "plans.col", column=c) for c in MOVE_COLUMNS]
                audit_header = ["at", "actor", "action", "entity", "details"]
                return workbook([("moves", header, rows), ("audit", audit_header, trail)])
        finally:
            await db.dispose()

    data = run_async(_run)
    if data is None:
        print(f"plan {args.plan_id} not found")
        return 1
    args.out.write_bytes(data)
    print(f"written {args.out}")
    return 0


def cmd_import_workload(args: argparse.Namespace) -> int:
    """Import a workload file and print the line-numbered report."""
    from handlers.workload import import_workload

    settings = settings_or_exit()
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"cannot read {args.file}: {exc.strerror}")
        return 2

    async def _run() -> Any:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                return await import_workload(
                    session, data, args.file.name, args.partial, "cli", settings.default_locale
                )
        finally:
            await db.dispose()

    outcome = run_async(_run)
    print(outcome.report)
    return 0 if outcome.applied else 1


def cmd_import_moves(args: argparse.Namespace) -> int:
    """Import a moves file into plan ``--plan`` and print the line-numbered report."""
    from datetime import datetime

    from bot.plans import status as st
    from bot.plans.moves_file import parse_moves
    from bot.plans.moves_import import apply_moves, format_moves_report
    from bot.roster.importer import file_error_text
    from bot.roster.validation import RosterError

    settings = settings_or_exit()
    locale = settings.default_locale
    today = datetime.now(settings.tz).date()
    try:
        parsed = parse_moves(args.file.read_bytes(), args.file.name, today=today)
    except OSError as exc:
        print(f"cannot read {args.file}: {exc.strerror}")
        return 2
    except RosterError as exc:
        print(file_error_text(exc, locale))
        return 2

    async def _run() -> str | None:
        db = await open_database(settings)
        try:
            async with db.transaction() as session:
                plan = await q.get_plan(session, args.plan)
                if plan is None or plan.status != st.PLAN_DRAFT:
                    return None
                report = await apply_moves(
                    session, parsed, plan_id=plan.id, partial=args.partial, actor="cli",
                    settings=settings, today=today, filename=args.file.name,
                )  # fmt: skip
                return ("ok:" if report.applied else "no:") + format_moves_report(report, locale)
        finally:
            await db.dispose()

    result = run_async(_run)
    if result is None:
        print(t(locale, "plans.imp_plan_not_draft", id=args.plan))
        return 1
    print(result[3:])
    return 0 if result.startswith("ok:") else 1
