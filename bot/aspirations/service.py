"""Employee workflows of aspirations: start or reopen a draft, submit, withdraw, status.

Each function takes the session, ``now`` and plain values, does the checks and writes
(history, audit) and returns a small result the handler renders. The conversation draft
itself (navigation between steps) is :mod:`bot.aspirations.draft`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations import draft as d
from bot.aspirations.eligibility import EligibilitySettings, eligibility_of
from bot.aspirations.render import window_times
from bot.aspirations.rules import (
    FINAL_STATUSES,
    RETURNED,
    employee_may_edit,
    employee_may_withdraw,
)
from bot.aspirations.windows import is_open
from storage.models import Aspiration, AspirationHistory, AspirationWindow, Employee
from storage.queries import aspirations as q
from storage.queries import aspirations_changes as qc


@dataclass(frozen=True)
class NoWindow:
    """No window is open; ``upcoming`` is the next scheduled one, if any."""

    upcoming: AspirationWindow | None


@dataclass(frozen=True)
class NotForUnit:
    """The open window is limited to units that exclude the employee's."""

    window_name: str


@dataclass(frozen=True)
class HasAspiration:
    """The employee already has an aspiration in the open window."""


@dataclass(frozen=True)
class Locked:
    """The aspiration can no longer be changed: decided (``final``) or its window closed."""

    reference: str
    status: str
    final: bool


@dataclass(frozen=True)
class Editing:
    """A sent aspiration reopened as a draft (to continue at the summary)."""

    draft: d.Draft
    reference: str
    status: str


@dataclass(frozen=True)
class Fresh:
    """A new draft in the open window (to continue at the eligibility step)."""

    draft: d.Draft


@dataclass(frozen=True)
class NotYours:
    """The id is not one of the employee's aspirations (old or forged button)."""


Start = NoWindow | NotForUnit | Locked | Editing | Fresh


def window_open(window: AspirationWindow | None, now: datetime) -> bool:
    """True when ``window`` accepts submissions at ``now``."""
    return window is not None and is_open(window_times(window), now)


async def next_window(session: AsyncSession, now: datetime) -> AspirationWindow | None:
    """The next scheduled window, if any (told to employees when none is open)."""
    return await q.next_window(session, now)


def problems_of(employee: Employee, rules: EligibilitySettings, today: date) -> list[list[object]]:
    """The employee's eligibility problems as ``[code, params]`` pairs (stored in the draft)."""
    result = eligibility_of(employee, rules, today)
    return [[p.code, asdict(p)["params"]] for p in result.problems]


async def begin(
    session: AsyncSession,
    now: datetime,
    today: date,
    rules: EligibilitySettings,
    employee: Employee,
) -> Start:
    """What /aspirasi opens: a new draft, the existing aspiration, or why neither."""
    window = await q.open_window(session, now)
    existing = await q.aspiration_for(session, window.id, employee.id) if window else None
    if window is None:
        latest = await q.latest_for_employee(session, employee.id)
        if latest is None or latest.status != RETURNED:
            return NoWindow(await q.next_window(session, now))
        existing, window = latest, await qc.get_window(session, latest.window_id)
    if existing is None and window is not None:
        if window.unit_ids and employee.unit_id not in window.unit_ids:
            return NotForUnit(window.name)
        return Fresh(
            {"window_id": window.id, "prefs": [], "problems": problems_of(employee, rules, today)}
        )
    assert existing is not None
    return _reopen(existing, window_open(window, now), employee, rules, today)


async def new_draft(
    session: AsyncSession,
    now: datetime,
    today: date,
    rules: EligibilitySettings,
    employee: Employee,
) -> Fresh | NoWindow | NotForUnit | HasAspiration:
    """A fresh draft in the open window only (e.g. to add a recommended position)."""
    window = await q.open_window(session, now)
    if window is None:
        return NoWindow(await q.next_window(session, now))
    if await q.aspiration_for(session, window.id, employee.id) is not None:
        return HasAspiration()
    if window.unit_ids and employee.unit_id not in window.unit_ids:
        return NotForUnit(window.name)
    return Fresh(
        {"window_id": window.id, "prefs": [], "problems": problems_of(employee, rules, today)}
    )


def _reopen(
    aspiration: Aspiration,
    is_window_open: bool,
    employee: Employee,
    rules: EligibilitySettings,
    today: date,
) -> Locked | Editing:
    """A sent aspiration as a pre-filled draft, or why it cannot be changed."""
    reference = aspiration.reference or "-"
    if not employee_may_edit(aspiration.status, is_window_open):
        final = aspiration.status in FINAL_STATUSES
        return Locked(reference, aspiration.status, final)
    draft = d.draft_from_record(q.snapshot(aspiration))
    draft.update(
        {"window_id": aspiration.window_id, "aspiration_id": aspiration.id, "reference": reference}
    )
    draft["problems"] = problems_of(employee, rules, today)
    return Editing(draft, reference, aspiration.status)


async def own_aspiration(
    session: AsyncSession, employee: Employee, aspiration_id: int
) -> Aspiration | None:
    """The aspiration if it belongs to ``employee``."""
    aspiration = await qc.get_aspiration(session, aspiration_id)
    if aspiration is None or aspiration.employee_id != employee.id:
        return None
    return aspiration


async def reopen(
    session: AsyncSession,
    now: datetime,
    today: date,
    rules: EligibilitySettings,
    employee: Employee,
    aspiration_id: int,
) -> Locked | Editing | NotYours:
    """Open the employee's own aspiration (from /status) as a draft."""
    aspiration = await own_aspiration(session, employee, aspiration_id)
    if aspiration is None:
        return NotYours()
    window = await qc.get_window(session, aspiration.window_id)
    return _reopen(aspiration, window_open(window, now), employee, rules, today)


@dataclass(frozen=True)
class StatusView:
    """The employee's latest aspiration with its history and what they may still do."""

    aspiration: Aspiration
    window_name: str | None
    history: list[AspirationHistory]
    may_edit: bool
    may_withdraw: bool


async def status(session: AsyncSession, now: datetime, employee: Employee) -> StatusView | None:
    """The employee's latest aspiration, or None when they never sent one."""
    aspiration = await q.latest_for_employee(session, employee.id)
    if aspiration is None:
        return None
    window = await qc.get_window(session, aspiration.window_id)
    is_window_open = window_open(window, now)
    return StatusView(
        aspiration,
        window.name if window else None,
        await q.history(session, aspiration.id),
        employee_may_edit(aspiration.status, is_window_open),
        employee_may_withdraw(aspiration.status, is_window_open),
    )
