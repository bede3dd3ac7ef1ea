"""Plan operations shared by the chat, the /kandidat button, file imports and the CLI.

Each function works inside the caller's transaction (it never commits) and writes the
audit trail for what it changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.eligibility import eligibility_of
from bot.config import Settings
from bot.plans import status as st
from bot.plans.rules import MoveWarning, Target, check_move
from bot.unit_search import search as search_units
from storage.models import Employee, PlanMove, Position
from storage.queries import audit
from storage.queries import plans as q
from storage.queries.positions import get_position


@dataclass(frozen=True)
class Destination:
    """Where a move goes: a unit and a position title, optionally an open Position."""

    unit_id: int | None
    unit_name: str
    position: str
    position_ref: int | None = None


async def resolve_destination(session: AsyncSession, text: str) -> Destination | None:
    """An open position code ("F-001") or "Unit / Jabatan" (unit matched fuzzily)."""
    text = text.strip()
    position = await get_position(session, text) if "/" not in text else None
    if position is not None:
        return destination_of(position)
    unit_part, _, title = text.partition("/")
    if not title.strip():
        return None
    names = await q.unit_names(session)
    by_name = {name: uid for uid, name in names.items()}
    matches = search_units(unit_part.strip(), list(by_name), limit=1)
    if not matches:
        return None
    unit = matches[0].name
    return Destination(by_name[unit], unit, title.strip())


def destination_of(position: Position) -> Destination:
    """The destination of an open Position."""
    return Destination(position.unit_id, position.unit_name, position.title, position.id)


async def warnings_for(
    session: AsyncSession,
    settings: Settings,
    employee: Employee,
    dest: Destination,
    today: date,
    exclude_move: int | None = None,
) -> list[MoveWarning]:
    """Every rule the move would break (eligibility, quota, golongan range)."""
    eligibility = eligibility_of(employee, settings, today)
    target = Target()
    if dest.position_ref is not None:
        position = await session.get(Position, dest.position_ref)
        if position is not None:
            taken = await q.taken_for_position(session, position.id, exclude_move)
            target = Target(position.quota, taken, position.min_rank, position.max_rank)
    return check_move(eligibility, employee.rank, target)


async def add_move(
    session: AsyncSession,
    *,
    plan_id: int,
    employee: Employee,
    dest: Destination,
    tmt: date,
    rationale: str,
    warnings: list[MoveWarning],
    override_reason: str,
    actor: str,
    source: dict[str, object] | None = None,
) -> PlanMove:
    """Add a draft move and audit it (and any rule HR chose to override, with the reason)."""
    move = await q.add_move(
        session,
        plan_id=plan_id,
        employee_id=employee.id,
        from_unit_id=employee.unit_id,
        from_position=employee.position_title,
        to_unit_id=dest.unit_id,
        to_position=dest.position,
        position_ref=dest.position_ref,
        proposed_tmt=tmt,
        rationale=rationale,
        warnings=[w.code for w in warnings],
        override_reason=override_reason,
        status=st.DRAFT,
        version=1,
    )
    await audit.record(
        session, actor, "move.added", "move", move.id, plan_id=plan_id,
        employee_id=employee.id, to_unit=dest.unit_name, to_position=dest.position,
        tmt=tmt.isoformat(), rationale=rationale, **(source or {"source": "chat"}),
    )  # fmt: skip
    if warnings:
        await audit.record(
            session, actor, "move.rule_override", "move", move.id,
            warnings=[w.code for w in warnings], reason=override_reason,
        )  # fmt: skip
    return move


async def set_status(
    session: AsyncSession, move: PlanMove, action: str, actor: str, **details: object
) -> None:
    """Apply a status action to a move and audit it (TransitionError when not allowed)."""
    before = move.status
    move.status = st.transition(action, move.status)
    await audit.record(
        session, actor, f"move.{action}", "move", move.id, before=before, after=move.status,
        version=move.version, **details,
    )  # fmt: skip


async def refresh_plan_status(session: AsyncSession, plan_id: int, actor: str) -> str:
    """Make a submitted plan active once no move waits for approval; return its status."""
    plan = await q.get_plan(session, plan_id)
    assert plan is not None
    if plan.status != st.PLAN_SUBMITTED:
        return plan.status
    after = st.plan_status_after_decisions([m.status for m in await q.moves_of(session, plan_id)])
    if after != plan.status:
        plan.status = after
        await audit.record(session, actor, "plan.decided", "plan", plan_id, after=after)
    return plan.status
