"""HR workflows on aspirations: summary, filtered pages, one aspiration, decisions, export.

``decide`` is the one place a decision is taken: it checks the state machine, changes the
status by compare-and-set (two officers cannot both decide), writes history and audit and
queues the employee's notice in the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.actors import actor_labels
from bot.aspirations import changes
from bot.aspirations.export import Summary, summarize, to_csv, to_xlsx
from bot.aspirations.rules import (
    NOTE_REQUIRED,
    SUBMITTED,
    UNDO_WINDOW,
    VERIFIED,
    can,
    hr_actions_for,
)
from storage.models import Aspiration, AspirationHistory, AspirationWindow, Employee
from storage.queries import aspirations as q
from storage.queries import aspirations_changes as qc
from storage.queries import audit
from storage.queries.employees import get_employee

ALL = "all"


async def current_window(session: AsyncSession, now: datetime) -> AspirationWindow | None:
    """The window HR works on: the open one, else the latest."""
    return await q.open_window(session, now) or await q.latest_window(session)


@dataclass(frozen=True)
class SummaryView:
    """Counts of the current window's aspirations."""

    window: AspirationWindow
    summary: Summary


async def summary(session: AsyncSession, now: datetime) -> SummaryView | None:
    """The summary of the current window, or None when there is no window."""
    window = await current_window(session, now)
    if window is None:
        return None
    return SummaryView(window, summarize(await q.summary_items(session, window.id)))


@dataclass(frozen=True)
class PageView:
    """One page of aspirations (with their employees) and the total under the filters."""

    window: AspirationWindow
    items: list[tuple[Aspiration, Employee]]
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        """The number of pages (at least one)."""
        return max(1, -(-self.total // self.size))


async def page(
    session: AsyncSession, now: datetime, status: str, unit_id: int, number: int, size: int
) -> PageView | None:
    """Page ``number`` (from 0) of the current window, filtered (``all`` / unit 0: no filter)."""
    window = await current_window(session, now)
    if window is None:
        return None
    number = max(0, number)
    items, total = await q.list_aspirations(
        session,
        window.id,
        status=None if status == ALL else status,
        unit_id=unit_id or None,
        offset=number * size,
        limit=size,
    )
    return PageView(window, items, total, number, size)


async def units(session: AsyncSession, now: datetime) -> list[tuple[int, str, int]] | None:
    """(unit id, name, count) of the current window's employees, or None without a window."""
    window = await current_window(session, now)
    if window is None:
        return None
    return await q.units_with_aspirations(session, window.id)


@dataclass(frozen=True)
class Detail:
    """One aspiration in full: employee, window, history and the decisions HR may take."""

    aspiration: Aspiration
    employee: Employee | None
    window_name: str | None
    history: list[AspirationHistory]
    decisions: list[str]
    actors: dict[str, str]  # each history actor code in words (name and role)


async def detail(
    session: AsyncSession, aspiration_id: int, locale: str | None = None
) -> Detail | None:
    """One aspiration for HR, or None when the id is unknown."""
    aspiration = await qc.get_aspiration(session, aspiration_id)
    if aspiration is None:
        return None
    window = await qc.get_window(session, aspiration.window_id)
    history = await q.history(session, aspiration.id)
    return Detail(
        aspiration,
        await get_employee(session, aspiration.employee_id),
        window.name if window else None,
        history,
        hr_actions_for(aspiration.status),
        await actor_labels(session, (h.actor for h in history), locale),
    )


@dataclass(frozen=True)
class Missing:
    """No aspiration has that id."""


@dataclass(frozen=True)
class NotNow:
    """The aspiration's status does not allow the decision (any more)."""

    reference: str
    status: str


@dataclass(frozen=True)
class NeedsNote:
    """Returning and rejecting need a note for the employee first."""

    reference: str


@dataclass(frozen=True)
class Decided:
    """The decision was taken; ``notified``: the employee's notice was queued.

    ``entry_id`` is its history entry; ``undo_minutes`` > 0 when HR may still take it back
    (the notice waits that long before it is sent).
    """

    reference: str
    status: str
    notified: bool
    entry_id: int = 0
    undo_minutes: int = 0


async def decide(
    session: AsyncSession,
    now: datetime,
    actor_id: int,
    aspiration_id: int,
    decision: str,
    note: str,
    default_locale: str,
) -> Missing | NotNow | NeedsNote | Decided:
    """Verify, return, accept or reject an aspiration and queue the employee's notice."""
    aspiration = await qc.get_aspiration(session, aspiration_id)
    if aspiration is None:
        return Missing()
    reference = aspiration.reference or "-"
    if not can(decision, aspiration.status):
        return NotNow(reference, aspiration.status)
    if decision in NOTE_REQUIRED and not note:
        return NeedsNote(reference)
    change = await changes.apply(session, now, actor_id, aspiration, decision, note)
    if change is None:
        return NotNow(reference, aspiration.status)
    delay = UNDO_WINDOW.get(decision, timedelta(0))
    notified = await changes.notify_employee(
        session, now, actor_id, aspiration, change, default_locale, delay
    )
    minutes = int(delay.total_seconds() // 60)
    return Decided(reference, aspiration.status, notified, change.entry.id, minutes)


@dataclass(frozen=True)
class Undone:
    """The decision was taken back; the aspiration has its earlier ``status`` again."""

    reference: str
    status: str


@dataclass(frozen=True)
class TooLate:
    """The decision can no longer be taken back (time is up, notice sent, status moved on)."""

    reference: str
    status: str


async def undo(
    session: AsyncSession, now: datetime, actor_id: int, aspiration_id: int, entry_id: int
) -> Missing | Undone | TooLate:
    """Take back a decision while its notice has not left and its undo time has not run out."""
    aspiration = await qc.get_aspiration(session, aspiration_id)
    if aspiration is None:
        return Missing()
    entries = await q.history(session, aspiration.id)
    last = entries[-1] if entries else None
    reference = aspiration.reference or "-"
    window = UNDO_WINDOW.get(last.action if last else "", timedelta(0))
    fresh = last is not None and last.id == entry_id and now <= last.at + window
    if (
        last is None
        or not fresh
        or not await changes.take_back(session, now, actor_id, aspiration, last)
    ):
        return TooLate(reference, aspiration.status)
    return Undone(reference, aspiration.status)


async def next_to_decide(session: AsyncSession, now: datetime, after_id: int) -> int | None:
    """The next aspiration of the current window still waiting for HR, after ``after_id``."""
    window = await current_window(session, now)
    if window is None:
        return None
    return await q.next_to_decide(session, window.id, after_id, (SUBMITTED, VERIFIED))


@dataclass(frozen=True)
class Exported:
    """A window's aspirations as a file."""

    data: bytes
    filename: str
    window_name: str
    rows: int


async def export(
    session: AsyncSession,
    actor_id: int | None,
    window: AspirationWindow,
    fmt: Literal["xlsx", "csv"],
    tz: ZoneInfo,
) -> Exported:
    """The window's aspirations as XLSX or CSV (audited: who exported how many rows)."""
    records = await q.export_records(session, window)
    data = to_xlsx(records, tz) if fmt == "xlsx" else to_csv(records, tz)
    await audit.record(
        session,
        audit.actor_of(actor_id),
        "aspiration.exported",
        "aspiration_window",
        window.id,
        format=fmt,
        rows=len(records),
    )
    return Exported(data, f"aspirasi-{window.id}.{fmt}", window.name, len(records))
