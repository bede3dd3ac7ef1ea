"""/beban_kerja: need, staffed and gap per unit (ABK), before and after a plan's moves.

Shown in chat as a table, as a chart (PNG) and as XLSX; workload figures are imported from
CSV/XLSX through the HR file upload (kind ``workload``) or ``asn-bot import workload``.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.plans.export import workbook
from bot.roster.validation import RosterError
from bot.texts import t
from bot.workload import balance as wb
from bot.workload.chart import render_png
from bot.workload.importer import ParsedWorkload, parse_workload
from handlers.base import handler
from handlers.commands import add_command
from handlers.imports import ImportOutcome, add_import_kind
from handlers.plans_common import esc
from handlers.request import Request, keyboard
from storage.queries import audit
from storage.queries import plans as q
from storage.queries import workload as wq

ROLES = ("hr", "approver")
NAME_WIDTH = 18


async def balances(request: Request, plan_id: int) -> list[wb.UnitBalance]:
    """Balances per unit, after the plan's moves when ``plan_id`` is not 0."""
    rows = wb.by_unit(await wq.all_figures(request.session))
    if plan_id:
        rows = wb.after_moves(rows, await wq.plan_unit_moves(request.session, plan_id))
    return rows


def table_text(request: Request, rows: list[wb.UnitBalance], after: bool) -> str:
    """A monospace table: unit, need, staffed, gap (and after-plan columns)."""
    if after:
        head = request.t("workload.head_after")
        lines = [
            f"{b.unit[:NAME_WIDTH]:<{NAME_WIDTH}} {b.need:>4} {b.staffed:>4} {b.gap:>+4} "
            f"-{b.leaving:<2} +{b.arriving:<2} {b.gap_after:>+4}"
            + (" ⚠️" if b.widened_shortage else "")
            for b in rows
        ]
    else:
        head = request.t("workload.head")
        lines = [
            f"{b.unit[:NAME_WIDTH]:<{NAME_WIDTH}} {b.need:>4} {b.staffed:>4} {b.gap:>+4}"
            for b in rows
        ]
    return "<pre>" + esc("\n".join([head, *lines])) + "</pre>"


async def beban_cmd(request: Request) -> None:
    """The workload table now, with chart/XLSX buttons and 'after plan' buttons."""
    await show(request, 0)


async def show(request: Request, plan_id: int) -> None:
    """The table (before, or after plan ``plan_id``) with its buttons."""
    rows = await balances(request, plan_id)
    if not rows:
        request.reply_key("workload.empty")
        return
    parts = [
        request.t("workload.title_after", id=plan_id) if plan_id else request.t("workload.title"),
        table_text(request, rows, bool(plan_id)),
        request.t("workload.legend"),
    ]
    flagged = wb.flagged(rows) if plan_id else []
    if flagged:
        parts.append(request.t("workload.flagged", units=esc(", ".join(flagged))))
    buttons = [
        [
            (request.t("workload.btn_chart"), cb.build("bk", "chart", plan_id)),
            (request.t("workload.btn_xlsx"), cb.build("bk", "xlsx", plan_id)),
        ]
    ]
    if not plan_id:
        for plan in await q.list_plans(request.session, limit=5):
            label = request.t("workload.btn_after", id=plan.id, name=plan.name[:30])
            buttons.append([(label, cb.build("bk", "plan", plan.id))])
    request.reply("\n".join(parts), keyboard(buttons))


async def bk_callback(request: Request) -> None:
    """Chart, XLSX, or the after-plan view."""
    data = request.button()
    request.answer()
    plan_id = data.int_arg(0)
    if plan_id and await q.get_plan(request.session, plan_id) is None:
        raise cb.CallbackDataError("unknown plan")
    if data.action == "plan":
        await show(request, plan_id)
        return
    rows = await balances(request, plan_id)
    if not rows:
        request.reply_key("workload.empty")
        return
    if data.action == "chart":
        title = (
            request.t("workload.chart_title_after", id=plan_id)
            if plan_id
            else request.t("workload.chart_title")
        )
        labels = (request.t("workload.label_need"), request.t("workload.label_staffed"))
        png = await asyncio.to_thread(render_png, rows, title, labels, bool(plan_id))
        request.send_photo(png, "beban-kerja.png", request.t("workload.chart_caption"))
    elif data.action == "xlsx":
        request.send_document(_xlsx(request, rows), "beban-kerja.xlsx")
    else:
        raise cb.CallbackDataError("unknown action")
    await audit.record(
        request.session, audit.actor_of(request.telegram_id), f"workload.{data.action}",
        "plan" if plan_id else "workload", plan_id or "",
    )  # fmt: skip


def _xlsx(request: Request, rows: list[wb.UnitBalance]) -> bytes:
    """The balance table as a workbook."""
    cols = ("unit", "need", "staffed", "gap", "leaving", "arriving", "staffed_after", "gap_after",
            "flag")  # fmt: skip
    data = [
        [b.unit, b.need, b.staffed, b.gap, b.leaving, b.arriving, b.staffed_after, b.gap_after,
         "⚠️" if b.widened_shortage else ""]
        for b in rows
    ]  # fmt: skip
    header = [request.t("workload.col", column=c) for c in cols]
    return workbook([(request.t("workload.sheet"), header, data)])


def report_text(
    parsed: ParsedWorkload, locale: str, added: int, updated: int, applied: bool
) -> str:
    """The line-numbered import report."""
    if parsed.missing_columns:
        return t(locale, "workload.missing_columns", columns=", ".join(parsed.missing_columns))
    lines = [
        t(locale, "workload.imported", added=added, updated=updated)
        if applied
        else t(locale, "workload.not_applied", count=len(parsed.problems))
    ]
    lines += [
        t(
            locale,
            "workload.line",
            line=p.line,
            problem=t(locale, "workload.err", error=p.code, value=p.value),
        )
        for p in parsed.problems
    ]
    return "\n".join(lines)


async def import_workload(
    session: AsyncSession, data: bytes, filename: str, partial: bool, actor: str, locale: str
) -> ImportOutcome:
    """Workload import: all-or-nothing unless ``partial``."""
    try:
        parsed = parse_workload(data, filename)
    except RosterError as exc:
        return ImportOutcome(t(locale, "roster.err", error=exc.code, **exc.params), False, False)
    apply = not parsed.missing_columns and (partial or not parsed.problems)
    added = updated = 0
    if apply:
        added, updated = await wq.upsert_figures(session, [f for _line, f in parsed.figures])
        await audit.record(session, actor, "workload.imported", "workload", "", added=added,
                           updated=updated, rejected=len(parsed.problems))  # fmt: skip
    text = report_text(parsed, locale, added, updated, apply)
    return ImportOutcome(text, bool(parsed.problems), apply)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /beban_kerja, its buttons and the workload file import."""
    add_command(
        app,
        "beban_kerja",
        beban_cmd,
        description_key="cmd.beban_kerja",
        menu_key="menu.beban_kerja",
        roles=ROLES,
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=ROLES)(bk_callback), pattern=cb.pattern("bk"))
    )
    add_import_kind("workload", import_workload, "import.kind_workload")
