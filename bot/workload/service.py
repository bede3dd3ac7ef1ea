"""The workload view: need, staffed and gap per unit, before and after a plan's moves.

Exports (chart, XLSX) are audited. Texts come in the reader's language.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.spreadsheet import Sheet, write_xlsx
from bot.texts import t
from bot.workload import balance as wb
from bot.workload.chart import render_png
from storage.models import MutationPlan
from storage.queries import audit
from storage.queries import plans as pq
from storage.queries import workload as wq

Export = Literal["chart", "xlsx"]
AUDIT_ACTION: dict[Export, str] = {"chart": "export.workload_chart", "xlsx": "export.workload_xlsx"}
COLUMNS = {
    "unit": "workload.col_unit",
    "need": "workload.col_need",
    "staffed": "workload.col_staffed",
    "gap": "workload.col_gap",
    "leaving": "workload.col_leaving",
    "arriving": "workload.col_arriving",
    "staffed_after": "workload.col_staffed_after",
    "gap_after": "workload.col_gap_after",
    "flag": "workload.col_flag",
}


@dataclass(frozen=True)
class WorkloadView:
    """The table before (plan 0) or after a plan, with the plans offered as "after" views."""

    plan_id: int
    rows: list[wb.UnitBalance]
    flagged: list[str]
    plans: list[MutationPlan]


async def balances(session: AsyncSession, plan_id: int) -> list[wb.UnitBalance]:
    """Balances per unit, after the plan's moves when ``plan_id`` is not 0."""
    rows = wb.by_unit(await wq.all_figures(session))
    if plan_id:
        rows = wb.after_moves(rows, await wq.plan_unit_moves(session, plan_id))
    return rows


async def plan_known(session: AsyncSession, plan_id: int) -> bool:
    """True for 0 (no plan) or an existing plan."""
    return not plan_id or await pq.get_plan(session, plan_id) is not None


async def view(session: AsyncSession, plan_id: int) -> WorkloadView | None:
    """The balance table (after plan ``plan_id`` unless 0); None for an unknown plan."""
    if not await plan_known(session, plan_id):
        return None
    rows = await balances(session, plan_id)
    flagged = wb.flagged(rows) if plan_id else []
    plans = [] if plan_id else await pq.list_plans(session, limit=5)
    return WorkloadView(plan_id, rows, flagged, plans)


async def export(
    session: AsyncSession, actor_id: int, plan_id: int, kind: Export, locale: str
) -> bytes | None:
    """The chart (PNG) or the XLSX of the balance, audited; None without figures."""
    rows = await balances(session, plan_id)
    if not rows:
        return None
    data = await chart_png(rows, locale, plan_id) if kind == "chart" else xlsx(rows, locale)
    await audit.record(
        session, audit.actor_of(actor_id), AUDIT_ACTION[kind],
        "plan" if plan_id else "workload", plan_id or "",
    )  # fmt: skip
    return data


async def chart_png(rows: list[wb.UnitBalance], locale: str, plan_id: int) -> bytes:
    """The chart of ``rows`` (rendered off the event loop)."""
    title = (
        t(locale, "workload.chart_title_after", id=plan_id)
        if plan_id
        else t(locale, "workload.chart_title")
    )
    labels = (t(locale, "workload.label_need"), t(locale, "workload.label_staffed"))
    return await asyncio.to_thread(render_png, rows, title, labels, bool(plan_id))


def xlsx(rows: list[wb.UnitBalance], locale: str) -> bytes:
    """The balance table as a workbook."""
    data = [
        [b.unit, b.need, b.staffed, b.gap, b.leaving, b.arriving, b.staffed_after, b.gap_after,
         "⚠️" if b.widened_shortage else ""]
        for b in rows
    ]  # fmt: skip
    header = [t(locale, key) for key in COLUMNS.values()]
    return write_xlsx([Sheet(t(locale, "workload.sheet"), header, data)])
