"""/beban_kerja: need, staffed and gap per unit (ABK), before and after a plan's moves.

Shown in chat as a table, as a chart (PNG) and as XLSX; workload figures are imported from
CSV/XLSX through the HR file upload (kind ``workload``, ``bot/workload/importer.py``) or
``asn-bot import workload``.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.messages import Button, OutgoingMessage
from bot.workload import balance as wb
from bot.workload import service
from bot.workload.buttons import ShowWorkload, WorkloadChart, WorkloadXlsx
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.request import Request
from handlers.request import escape_html as esc

ROLES = ("hr", "approver")
NAME_WIDTH = 18


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
    view = await service.view(request.session, plan_id)
    if view is None:
        raise CallbackDataError("unknown plan")
    if not view.rows:
        request.reply_key("workload.empty")
        return
    parts = [
        request.t("workload.title_after", id=plan_id) if plan_id else request.t("workload.title"),
        table_text(request, view.rows, bool(plan_id)),
        request.t("workload.legend"),
    ]
    if view.flagged:
        parts.append(request.t("workload.flagged", units=esc(", ".join(view.flagged))))
    buttons: list[tuple[Button, ...]] = [
        (Button(request.t("workload.btn_chart"), WorkloadChart(plan_id)),
         Button(request.t("workload.btn_xlsx"), WorkloadXlsx(plan_id)))
    ]  # fmt: skip
    for plan in view.plans:
        label = request.t("workload.btn_after", id=plan.id, name=plan.name[:30])
        buttons.append((Button(label, ShowWorkload(plan.id)),))
    request.send(OutgoingMessage("\n".join(parts), tuple(buttons)))


async def show_pressed(request: Request, data: ShowWorkload) -> None:
    """The table after a plan's moves."""
    request.answer()
    await show(request, data.plan_id)


async def _export(request: Request, plan_id: int, kind: service.Export) -> bytes | None:
    """The chart or XLSX bytes, or None after saying why not."""
    request.answer()
    if not await service.plan_known(request.session, plan_id):
        raise CallbackDataError("unknown plan")
    data = await service.export(request.session, request.telegram_id, plan_id, kind, request.locale)
    if data is None:
        request.reply_key("workload.empty")
    return data


async def chart_pressed(request: Request, data: WorkloadChart) -> None:
    """The balance as a chart (PNG)."""
    png = await _export(request, data.plan_id, "chart")
    if png is not None:
        request.send_photo(png, "beban-kerja.png", request.t("workload.chart_caption"))


async def xlsx_pressed(request: Request, data: WorkloadXlsx) -> None:
    """The balance as XLSX."""
    book = await _export(request, data.plan_id, "xlsx")
    if book is not None:
        request.send_document(book, "beban-kerja.xlsx")


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /beban_kerja and its buttons."""
    add_command(
        app,
        "beban_kerja",
        beban_cmd,
        roles=ROLES,
        description_key="cmd.beban_kerja",
        menu_key="menu.beban_kerja",
    )
    add_button(app, ShowWorkload, show_pressed, roles=ROLES)
    add_button(app, WorkloadChart, chart_pressed, roles=ROLES)
    add_button(app, WorkloadXlsx, xlsx_pressed, roles=ROLES)
