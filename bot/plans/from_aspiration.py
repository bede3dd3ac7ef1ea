"""A move made of an accepted aspiration with one tap: the employee and the destination
of the chosen choice, and the draft plans it may go into.

The move itself is saved by ``service_moves.save_move`` after the usual TMT, rationale and
rule steps; it carries the aspiration (``aspiration_link``), whose status then follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.planning import same_name
from bot.aspirations.rules import can
from bot.plans import status as st
from bot.plans.service import Destination, destination_of
from storage.models import Employee, MutationPlan
from storage.queries import aspirations_changes as qc
from storage.queries import plans as q
from storage.queries.employees import get_employee

DRAFTS_SHOWN = 5


@dataclass(frozen=True)
class Start:
    """What HR plans: whose aspiration, which choice, where to (None: HR types the post)."""

    aspiration_id: int
    reference: str
    choice: int
    employee: Employee
    unit_name: str
    position: str
    dest: Destination | None
    drafts: tuple[MutationPlan, ...]


@dataclass(frozen=True)
class NotPlannable:
    """The aspiration may not become a move now (its status, or the employee left)."""

    reference: str
    status: str


async def destination(session: AsyncSession, kind: str, pref: dict[str, Any]) -> Destination | None:
    """The destination a choice names: its open position when there is one of that title,
    the unit and title otherwise, an agency outside for a move out; None when the choice
    names no position (any post in the unit: HR types it)."""
    unit_id, unit = pref.get("unit_id"), str(pref.get("unit") or "")
    position = str(pref.get("position") or "").strip()
    if not position:
        return None
    if unit_id is None:
        return Destination(None, unit, position, leaves_agency=True) if kind == "out" else None
    for vacant in await q.open_positions_of_unit(session, int(unit_id)):
        if same_name(vacant.title, position):
            return destination_of(vacant)
    return Destination(int(unit_id), unit, position)


async def start(
    session: AsyncSession, aspiration_id: int, choice: int
) -> Start | NotPlannable | None:
    """The move to draft from choice ``choice`` (from 1) of an accepted aspiration; None
    when the aspiration or the choice does not exist."""
    aspiration = await qc.get_aspiration(session, aspiration_id)
    prefs = list(aspiration.preferences or []) if aspiration is not None else []
    if aspiration is None or not 1 <= choice <= len(prefs):
        return None
    reference = aspiration.reference or "-"
    employee = await get_employee(session, aspiration.employee_id)
    if not can("include", aspiration.status) or employee is None or not employee.active:
        return NotPlannable(reference, aspiration.status)
    pref = dict(prefs[choice - 1])
    drafts = await q.list_plans(session, [st.PLAN_DRAFT], limit=DRAFTS_SHOWN)
    return Start(
        aspiration.id, reference, choice, employee, str(pref.get("unit") or "-"),
        str(pref.get("position") or ""), await destination(session, aspiration.kind, pref),
        tuple(drafts),
    )  # fmt: skip
