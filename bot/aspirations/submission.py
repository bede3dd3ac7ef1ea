"""Employee writes: submit (or resubmit) the draft, withdraw, and the unit/position search.

Submitting an existing aspiration is a compare-and-set on its status, so a decision HR made
while the employee was on the summary is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations import changes
from bot.aspirations import draft as d
from bot.aspirations.rules import (
    employee_may_edit,
    employee_may_withdraw,
    reference_number,
    transition,
)
from bot.aspirations.service import NotYours, own_aspiration, window_open
from bot.unit_search import NameIndex, did_you_mean
from storage.models import AspirationWindow, Employee
from storage.queries import aspirations as q
from storage.queries import aspirations_changes as qc


@dataclass(frozen=True)
class Incomplete:
    """Required answers are missing: ``missing`` names their sections (``draft.SECTIONS``)."""

    missing: tuple[str, ...]


@dataclass(frozen=True)
class WindowClosed:
    """The window closed before the employee sent; ``upcoming`` is the next one, if any."""

    upcoming: AspirationWindow | None


@dataclass(frozen=True)
class Submitted:
    """Stored with its reference number and new status."""

    reference: str
    status: str


@dataclass(frozen=True)
class Stale:
    """The aspiration's status changed meanwhile (e.g. HR decided); nothing was written."""

    reference: str
    status: str


def answers_of(draft: d.Draft) -> dict[str, Any]:
    """The stored columns of a complete draft."""
    problems = [code for code, _params in draft.get("problems", [])]
    return {
        "kind": str(draft["kind"]),
        "preferences": [dict(p) for p in d.prefs(draft)],
        "reason_category": str(draft["reason_cat"]),
        "reason_text": str(draft["reason_text"]),
        "willing_to_relocate": bool(draft["relocate"]),
        "relocate_note": str(draft.get("relocate_note") or ""),
        "eligible": not problems,
        "eligibility_problems": problems,
    }


async def submit(
    session: AsyncSession,
    now: datetime,
    tz: ZoneInfo,
    actor_id: int,
    employee: Employee,
    draft: d.Draft,
) -> Incomplete | WindowClosed | Submitted | Stale:
    """Submit the draft: status Diajukan, a reference number, history and audit."""
    missing = d.missing(draft)
    if missing:
        return Incomplete(tuple(missing))
    window = await qc.get_window(session, int(draft.get("window_id") or 0))
    existing = await q.aspiration_for(session, window.id, employee.id) if window else None
    old = existing.status if existing else None
    if window is None or not employee_may_edit(old, window_open(window, now)):
        return WindowClosed(await q.next_window(session, now))
    new = transition("submit", old)
    answers = answers_of(draft)
    if existing is None:
        aspiration = await qc.insert_aspiration(session, window.id, employee.id, answers, new, now)
        year = now.astimezone(tz).year
        await qc.set_reference(session, aspiration, reference_number(year, aspiration.id))
        action = "submit"
    else:
        assert old is not None
        if not await qc.replace_answers(session, existing.id, old, new, answers, now):
            await session.refresh(existing)
            return Stale(existing.reference or "-", existing.status)
        aspiration, action = existing, ("resubmit" if old != new else "change")
    await changes.record(session, now, actor_id, aspiration, action, old)
    return Submitted(aspiration.reference or "-", new)


@dataclass(frozen=True)
class CannotWithdraw:
    """The status (or the closed window) does not allow withdrawing."""

    status: str


@dataclass(frozen=True)
class ConfirmWithdrawal:
    """Withdrawing is possible; the employee is asked to confirm."""

    reference: str


@dataclass(frozen=True)
class Withdrawn:
    """The aspiration was withdrawn."""

    reference: str


async def withdraw(
    session: AsyncSession,
    now: datetime,
    employee: Employee,
    actor_id: int,
    aspiration_id: int,
    *,
    confirmed: bool,
) -> NotYours | CannotWithdraw | ConfirmWithdrawal | Withdrawn:
    """Withdraw the employee's own aspiration (after ``confirmed``) while its window is open."""
    aspiration = await own_aspiration(session, employee, aspiration_id)
    if aspiration is None:
        return NotYours()
    window = await qc.get_window(session, aspiration.window_id)
    if not employee_may_withdraw(aspiration.status, window_open(window, now)):
        return CannotWithdraw(aspiration.status)
    reference = aspiration.reference or "-"
    if not confirmed:
        return ConfirmWithdrawal(reference)
    if await changes.apply(session, now, actor_id, aspiration, "withdraw") is None:
        return CannotWithdraw(aspiration.status)
    return Withdrawn(reference)


@dataclass(frozen=True)
class UnitSearch:
    """Units matching a typed name: ``[name, id]`` pairs, a guess to confirm, a refusal."""

    suggestions: list[list[Any]]
    did_you_mean: str | None = None  # "Maksud Anda …?" when the best match is a guess
    own_unit: bool = False  # the best match was the employee's own unit (refused)


async def unit_suggestions(
    session: AsyncSession, query: str, limit: int, *, own_unit_id: int | None = None
) -> UnitSearch:
    """The units best matching ``query``; the employee's own unit left out when given."""
    units = await q.unit_choices(session)
    matches = NameIndex([name for _id, name in units]).search(query, limit=limit + 1)
    own_first = bool(matches) and units[matches[0].index][0] == own_unit_id
    kept = [m for m in matches if units[m.index][0] != own_unit_id][:limit]
    return UnitSearch(
        [[units[m.index][1], units[m.index][0]] for m in kept],
        None if own_first else did_you_mean(kept),
        own_first,
    )


@dataclass(frozen=True)
class PositionSearch:
    """Position titles matching a typed name; which are open in the unit; a guess."""

    titles: list[str]
    open_titles: list[str]
    did_you_mean: str | None = None


async def position_suggestions(
    session: AsyncSession, unit_id: int | None, query: str, limit: int
) -> PositionSearch:
    """Position titles best matching ``query``: the unit's open positions first, marked."""
    open_titles = await q.open_position_titles(session, unit_id) if unit_id else []
    titles = list(open_titles)
    titles += [p for p in await q.position_titles(session, unit_id) if p not in titles]
    titles += [p for p in await q.position_titles(session) if p not in titles]
    matches = NameIndex(titles).search(query, limit=limit)
    ranked = sorted(matches, key=lambda m: (m.name not in open_titles, -m.score))
    found = [m.name for m in ranked]
    return PositionSearch(found, [t for t in found if t in open_titles], did_you_mean(matches))


async def unit_name(session: AsyncSession, unit_id: int | None) -> str | None:
    """The name of the employee's unit (the destination of a rotation)."""
    return await qc.unit_name(session, unit_id)
