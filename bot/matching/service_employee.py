"""/rekomendasi workflows: an employee's best open positions, and adding one to the draft.

The aspiration draft is the JSON ``data`` of the employee's conversation (see
``bot.aspirations.draft``); the handler passes it in and stores what comes back.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations import draft as d
from bot.aspirations.eligibility import eligibility_of
from bot.aspirations.rules import MAX_PREFERENCES
from bot.config import Settings
from bot.matching.service import MatchingService, Recommendation
from storage.models import Employee
from storage.models.matching import Position
from storage.queries import aspirations as qa
from storage.queries import matching as qm

Refusal = Literal[
    "closed",
    "busy",
    "has_aspiration",
    "not_for_unit",
    "already",
    "full",
    "rotation_other_unit",
]


@dataclass(frozen=True)
class Recommended:
    """The recommendation and, per match, the stored position's primary key (if open)."""

    recommendation: Recommendation
    position_pks: tuple[int | None, ...]


@dataclass(frozen=True)
class OpenDraft:
    """The employee's aspiration draft in progress and the step it is at."""

    data: d.Draft
    step: str


@dataclass(frozen=True)
class Added:
    """The position is the draft's preference number ``count``; continue at ``step``."""

    draft: d.Draft
    step: str
    title: str
    unit: str
    count: int


@dataclass(frozen=True)
class NotAdded:
    """The position cannot be added, because of ``reason``."""

    reason: Refusal


@dataclass(frozen=True)
class NoWindow:
    """No aspiration window is open."""


AddResult = Added | NotAdded | NoWindow


async def recommend(
    matching: MatchingService,
    session: AsyncSession,
    employee: Employee,
    draft: d.Draft | None,
    top: int,
) -> Recommended:
    """The employee's best open positions; units already in the draft give a bonus."""
    units = [str(p.get("unit")) for p in d.prefs(draft or {}) if p.get("unit")]
    rec = await matching.recommend(session, employee, top=top, preferred_units=units)
    pks = (await matching.catalogue(session)).pks if rec.matches else {}
    return Recommended(rec, tuple(pks.get(m.position.position_id) for m in rec.matches))


async def add_to_aspiration(
    session: AsyncSession,
    now: datetime,
    settings: Settings,
    employee: Employee,
    position_pk: int,
    *,
    draft: OpenDraft | None,
    busy: bool,
) -> AddResult:
    """Put an open position (its unit and title) into the aspiration draft.

    ``draft`` is the draft in progress, if any; ``busy`` means the employee is in
    another conversation, which a new draft would overwrite.
    """
    position = await qm.get_position_by_pk(session, position_pk)
    if position is None or not position.open:
        return NotAdded("closed")
    if busy:
        return NotAdded("busy")
    if draft is None:
        fresh = await _new_draft(session, now, settings, employee)
        if not isinstance(fresh, dict):
            return fresh
        data, current = fresh, d.ELIG
    else:
        data, current = copy.deepcopy(draft.data), draft.step
    problem = _preference_problem(employee, data, position)
    if problem is not None:
        return NotAdded(problem)
    if not data.get("kind"):
        data["kind"] = "rotation" if position.unit_id == employee.unit_id else "other_unit"
    following = d.add_preference(data, position.unit_name, position.unit_id, position.title)
    step = following if current in (d.PREF, d.POS) else current
    return Added(data, step, position.title, position.unit_name, len(d.prefs(data)))


async def _new_draft(
    session: AsyncSession, now: datetime, settings: Settings, employee: Employee
) -> d.Draft | NotAdded | NoWindow:
    """A fresh aspiration draft in the open window, or why there cannot be one."""
    window = await qa.open_window(session, now)
    if window is None:
        return NoWindow()
    if await qa.aspiration_for(session, window.id, employee.id) is not None:
        return NotAdded("has_aspiration")
    if window.unit_ids and employee.unit_id not in window.unit_ids:
        return NotAdded("not_for_unit")
    result = eligibility_of(employee, settings, now.astimezone(settings.tz).date())
    problems = [[p.code, asdict(p)["params"]] for p in result.problems]
    return {"window_id": window.id, "prefs": [], "problems": problems}


def _preference_problem(employee: Employee, draft: d.Draft, position: Position) -> Refusal | None:
    """Why the position cannot be added to ``draft``, or None."""
    chosen = d.prefs(draft)
    if any(
        p.get("unit_id") == position.unit_id and p.get("position") == position.title for p in chosen
    ):
        return "already"
    if len(chosen) >= MAX_PREFERENCES:
        return "full"
    if d.is_rotation(draft) and position.unit_id != employee.unit_id:
        return "rotation_other_unit"
    return None
