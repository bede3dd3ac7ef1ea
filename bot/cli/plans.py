"""``asn-bot plans list|export``.

Workload figures and moves are imported with ``asn-bot import workload|moves FILE``
(``bot/cli/imports.py``).
"""

from __future__ import annotations

import argparse

from bot.cli.common import open_database, run_async, settings_or_exit
from bot.spreadsheet import Sheet, write_xlsx
from bot.texts import t
from storage.queries import audit
from storage.queries import plans as q

MOVE_COLUMNS = ("id", "nip", "name", "from_unit", "to_unit", "to_position", "tmt", "status",
                "version", "answer", "answer_text", "sk")  # fmt: skip


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
                sheets = [Sheet("moves", header, rows), Sheet("audit", audit_header, trail)]
                return write_xlsx(sheets)
        finally:
            await db.dispose()

    data = run_async(_run)
    if data is None:
        print(f"plan {args.plan_id} not found")
        return 1
    args.out.write_bytes(data)
    print(f"written {args.out}")
    return 0
