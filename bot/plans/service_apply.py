"""A move carried out ("Dilaksanakan") changes the roster.

The employee's unit, position, position kind and TMT in position become the move's (the
kind from the open position when the move names one, else the one the employee had), a
position history row (riwayat jabatan) keeps what was before, the workload figures follow
(staffed −1 at the old unit and position, +1 at the new) and an open position whose quota
the moves carried out into it fill is closed. A move out of the agency records the history
row, leaves the old unit's staffed figure and makes the employee inactive in the roster.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import PlanMove
from storage.queries import audit
from storage.queries import plans as q
from storage.queries import roster_changes as rq
from storage.queries.employees import get_employee


@dataclass(frozen=True)
class Applied:
    """What the roster got: the history row, and which staffed figures moved."""

    history_id: int
    left: bool  # the old unit's figure went down
    joined: bool  # the new unit's figure went up
    closed_position: bool  # the open position is filled now


async def apply_move(session: AsyncSession, move: PlanMove, actor: str) -> Applied:
    """Write the carried-out ``move`` into the roster (see the module); audited."""
    employee = await get_employee(session, move.employee_id)
    assert employee is not None
    units = await q.unit_names(session)
    position = await q.get_position_by_pk(session, move.position_ref) if move.position_ref else None
    old_unit, old_position = units.get(employee.unit_id or 0, ""), employee.position_title
    new_unit = move.to_agency or units.get(move.to_unit_id or 0, "")
    kind = position.position_kind if position and position.position_kind else employee.position_kind
    tmt = move.decree_tmt or move.proposed_tmt
    history = await rq.add_history(
        session, employee_id=employee.id, move_id=move.id, unit_name=new_unit,
        position=move.to_position, position_kind=kind, tmt=tmt, previous_unit_name=old_unit,
        previous_position=old_position, previous_tmt=employee.position_tmt,
        decree_number=move.decree_number,
    )  # fmt: skip
    left = bool(old_unit) and await rq.change_staffed(session, old_unit, old_position, -1)
    joined = False
    if move.to_agency:
        employee.active = False
    else:
        employee.unit_id, employee.position_title = move.to_unit_id, move.to_position
        employee.position_kind, employee.position_tmt = kind, tmt
        joined = await rq.change_staffed(session, new_unit, move.to_position, +1)
    closed = position is not None and await rq.close_if_filled(session, position.id)
    await session.flush()
    await audit.record(
        session, actor, "employee.position_changed", "employee", employee.id, move_id=move.id,
        history_id=history.id, tmt=tmt.isoformat(), left_agency=bool(move.to_agency),
        staffed_left=left, staffed_joined=joined, position_closed=closed,
    )  # fmt: skip
    return Applied(history.id, left, joined, closed)
