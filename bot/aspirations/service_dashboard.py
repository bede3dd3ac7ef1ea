"""Read-only views of aspirations for the HR dashboard: windows, a filtered table page.

Decisions and exports go through ``bot.aspirations.review`` like the chat's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.review import current_window
from storage.models import Aspiration, AspirationWindow, Employee
from storage.queries import aspirations as q
from storage.queries import aspirations_dashboard as qd
from storage.queries.aspirations_changes import get_window
from storage.queries.aspirations_dashboard import SORTS, TableFilter

__all__ = ["SORTS", "TableFilter", "TableView", "table", "window_or_current"]


@dataclass(frozen=True)
class TableView:
    """One page of a window's aspirations under the filters, with what the filters offer."""

    window: AspirationWindow
    windows: list[AspirationWindow]
    units: list[tuple[int, str, int]]  # (unit id, name, aspirations) of the window
    rows: list[tuple[Aspiration, Employee, str]]
    total: int
    counts: dict[str, int]  # per status, whole window


async def window_or_current(
    session: AsyncSession, now: datetime, window_id: int | None
) -> AspirationWindow | None:
    """The window asked for, else the one HR works on (open, else latest)."""
    if window_id:
        return await get_window(session, window_id)
    return await current_window(session, now)


async def table(
    session: AsyncSession, now: datetime, where: TableFilter, offset: int, limit: int
) -> TableView | None:
    """The page ``offset``/``limit`` of the filtered table; None without such a window."""
    window = await window_or_current(session, now, where.window_id or None)
    if window is None:
        return None
    where = TableFilter(
        window.id, where.unit_id, where.status, where.eligible, where.kind, where.sort,
        where.descending,
    )  # fmt: skip
    rows, total = await qd.table_page(session, where, offset, limit)
    return TableView(
        window,
        await qd.windows(session),
        await q.units_with_aspirations(session, window.id),
        rows,
        total,
        await q.status_counts(session, window.id),
    )
