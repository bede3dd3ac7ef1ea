"""A corrective move from a follow-up case: the employee, prefilled, into a draft plan.

The latest draft plan is used (a new one is created when there is none, through the plans
service); the move itself is then drafted in the plans conversation (destination, TMT,
rationale, the rules checked there), so nothing about moves is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.plans import service as plans
from bot.plans import status as st
from storage.queries import audit
from storage.queries import followup as q
from storage.queries import plans as plans_q


@dataclass(frozen=True)
class Corrective:
    """``ready`` to ask the destination, ``already`` in a live move of plan ``plan_id``, or
    ``refused``."""

    outcome: Literal["ready", "already", "refused"]
    plan_id: int = 0
    plan_name: str = ""
    employee_id: int = 0
    employee_name: str = ""
    created: bool = False  # a new draft plan was created for it
    move_id: int = 0  # ``already``: the employee's live move


async def start_corrective_move(
    session: AsyncSession, actor_id: int, case_id: int, plan_name: str
) -> Corrective:
    """Open (or create) a draft plan for a move of the case's employee; audited."""
    row = await q.case_row(session, case_id)
    if row is None or row.case.status != q.OPEN or not row.employee.active:
        return Corrective("refused")
    employee = row.employee
    busy = await plans.live_move_elsewhere(session, employee)
    if busy is not None:  # the plan it is in, not the draft
        return Corrective("already", busy.plan_id, busy.plan_name, employee.id, employee.name,
                          move_id=busy.move_id)  # fmt: skip
    drafts = await plans_q.list_plans(session, [st.PLAN_DRAFT], limit=1)
    plan = drafts[0] if drafts else await plans.create_plan(session, actor_id, plan_name)
    await audit.record(
        session, audit.actor_of(actor_id), "followup.move_started", "followup", case_id,
        plan_id=plan.id,
    )  # fmt: skip
    return Corrective("ready", plan.id, plan.name, employee.id, employee.name, not drafts)
