"""Queries of mutation plans, their moves and employees' questions. Never commits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.models import (
    AuditEntry,
    Employee,
    MoveQuestion,
    MutationPlan,
    PlanMove,
    Position,
    Unit,
)
from storage.queries.shared import compare_and_set as _compare_and_set
from storage.types import (
    MOVE_CONSULTATION,
    MOVE_DONE,
    MOVE_NOT_COUNTED,
    MOVE_SUBMITTED,
    PLAN_CANCELLED,
    PLAN_DRAFT,
)

MOVE_NOT_LIVE = (*MOVE_NOT_COUNTED, MOVE_DONE)  # moves that no longer hold the employee

NAME_CUTOFF = 70.0


@dataclass(frozen=True)
class MoveRow:
    """A move with what a card or an export shows about it."""

    move: PlanMove
    employee: Employee
    from_unit: str
    to_unit: str
    open_questions: int


async def create_plan(session: AsyncSession, name: str, created_by: int | None) -> MutationPlan:
    """Add a draft plan."""
    plan = MutationPlan(name=name, status=PLAN_DRAFT, created_by=created_by)
    session.add(plan)
    await session.flush()
    return plan


async def get_plan(
    session: AsyncSession, plan_id: int, *, lock: bool = False
) -> MutationPlan | None:
    """The plan with this id (row-locked on PostgreSQL and read afresh when ``lock``), or None."""
    return await session.get(
        MutationPlan, plan_id, with_for_update=lock or None, populate_existing=lock
    )


async def list_plans(
    session: AsyncSession, statuses: Sequence[str] | None = None, limit: int = 20
) -> list[MutationPlan]:
    """Most recent plans first (optionally only some statuses)."""
    stmt = select(MutationPlan).order_by(MutationPlan.id.desc()).limit(limit)
    if statuses is not None:
        stmt = stmt.where(MutationPlan.status.in_(list(statuses)))
    return list((await session.execute(stmt)).scalars())


async def add_move(session: AsyncSession, **values: Any) -> PlanMove:
    """Add a move (column values as keywords)."""
    move = PlanMove(**values)
    session.add(move)
    await session.flush()
    return move


async def get_move(session: AsyncSession, move_id: int, *, lock: bool = False) -> PlanMove | None:
    """The move with this id (row-locked on PostgreSQL and read afresh when ``lock``), or None."""
    return await session.get(
        PlanMove, move_id, with_for_update=lock or None, populate_existing=lock
    )


async def moves_of(session: AsyncSession, plan_id: int) -> list[PlanMove]:
    """The moves of a plan in the order they were added."""
    result = await session.execute(
        select(PlanMove).where(PlanMove.plan_id == plan_id).order_by(PlanMove.id)
    )
    return list(result.scalars())


async def move_rows(
    session: AsyncSession, plan_id: int, statuses: Sequence[str] | None = None
) -> list[MoveRow]:
    """A plan's moves with employee, unit names and open-question counts."""
    src, dst = aliased(Unit), aliased(Unit)
    open_q = (
        select(func.count(MoveQuestion.id))
        .where(MoveQuestion.move_id == PlanMove.id, MoveQuestion.answered_at.is_(None))
        .scalar_subquery()
    )
    stmt = (
        select(PlanMove, Employee, src.name, dst.name, open_q)
        .join(Employee, Employee.id == PlanMove.employee_id)
        .outerjoin(src, src.id == PlanMove.from_unit_id)
        .outerjoin(dst, dst.id == PlanMove.to_unit_id)
        .where(PlanMove.plan_id == plan_id)
        .order_by(PlanMove.id)
    )
    if statuses is not None:
        stmt = stmt.where(PlanMove.status.in_(list(statuses)))
    rows = (await session.execute(stmt)).all()
    # A move to another agency names the agency instead of a unit of ours.
    return [MoveRow(m, e, f or "-", t or m.to_agency or "-", int(q or 0)) for m, e, f, t, q in rows]


async def move_row(session: AsyncSession, move_id: int) -> MoveRow | None:
    """One move with its display data."""
    move = await session.get(PlanMove, move_id)
    if move is None:
        return None
    for row in await move_rows(session, move.plan_id):
        if row.move.id == move_id:
            return row
    return None


async def consultation_rows_of_employee(
    session: AsyncSession, employee_id: int, statuses: Sequence[str] = (MOVE_CONSULTATION,)
) -> list[MoveRow]:
    """The employee's own moves in ``statuses`` (under consultation now), oldest first."""
    ids = (
        await session.execute(
            select(PlanMove.id)
            .where(PlanMove.employee_id == employee_id, PlanMove.status.in_(list(statuses)))
            .order_by(PlanMove.id)
        )
    ).scalars()
    rows = [await move_row(session, move_id) for move_id in list(ids)]
    return [row for row in rows if row is not None]


async def taken_for_position(session: AsyncSession, position_ref: int, exclude: int | None) -> int:
    """Live moves (not rejected or cancelled) that already target a position."""
    stmt = select(func.count(PlanMove.id)).where(
        PlanMove.position_ref == position_ref, PlanMove.status.not_in(MOVE_NOT_COUNTED)
    )
    if exclude is not None:
        stmt = stmt.where(PlanMove.id != exclude)
    return int((await session.execute(stmt)).scalar_one())


async def lock_employee(session: AsyncSession, employee_id: int) -> None:
    """Hold the employee's row for writing until the transaction ends.

    A no-op ``UPDATE`` (PostgreSQL: a row lock; SQLite: the database's one write lock, taken
    before any read that follows, so that read sees every committed move): two officers
    adding the same employee to two plans at once are served one after the other.
    """
    await session.execute(
        update(Employee)
        .where(Employee.id == employee_id)
        .values(updated_at=Employee.updated_at)
        .execution_options(synchronize_session=False)
    )


async def live_move_of_employee(
    session: AsyncSession, employee_id: int, exclude: int | None = None
) -> tuple[PlanMove, MutationPlan] | None:
    """The employee's live move (not rejected, cancelled or done) in any plan, with its plan:
    one employee has at most one live move."""
    stmt = (
        select(PlanMove, MutationPlan)
        .join(MutationPlan, MutationPlan.id == PlanMove.plan_id)
        .where(PlanMove.employee_id == employee_id, PlanMove.status.not_in(MOVE_NOT_LIVE))
        .order_by(PlanMove.id)
    )
    if exclude is not None:
        stmt = stmt.where(PlanMove.id != exclude)
    row = (await session.execute(stmt)).first()
    return (row[0], row[1]) if row is not None else None


async def plans_waiting(session: AsyncSession, limit: int = 20) -> list[MutationPlan]:
    """Plans with a move waiting for the approver (a new plan, or a move changed after its
    approval), most recent first."""
    waiting = select(PlanMove.plan_id).where(PlanMove.status == MOVE_SUBMITTED)
    stmt = (
        select(MutationPlan)
        .where(MutationPlan.id.in_(waiting), MutationPlan.status != PLAN_CANCELLED)
        .order_by(MutationPlan.id.desc())
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars())


async def find_employees(session: AsyncSession, query: str, limit: int = 5) -> list[Employee]:
    """Active employees whose NIP starts with the typed digits, or by fuzzy name (best first)."""
    query = query.strip()
    if query.isdigit():
        result = await session.execute(
            select(Employee)
            .where(Employee.nip.startswith(query), Employee.active.is_(True))
            .order_by(Employee.nip)
            .limit(limit)
        )
        return list(result.scalars())
    names = (
        await session.execute(select(Employee.id, Employee.name).where(Employee.active.is_(True)))
    ).all()
    choices = {eid: name for eid, name in names}
    found = process.extract(
        query, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=NAME_CUTOFF
    )
    ids = [key for _name, _score, key in found]
    if not ids:
        return []
    rows = {
        e.id: e
        for e in (await session.execute(select(Employee).where(Employee.id.in_(ids)))).scalars()
    }
    return [rows[i] for i in ids if i in rows]


async def unit_names(session: AsyncSession) -> dict[int, str]:
    """Every unit's name by id."""
    return {uid: name for uid, name in (await session.execute(select(Unit.id, Unit.name))).all()}


async def add_question(session: AsyncSession, move: PlanMove, text: str) -> MoveQuestion:
    """Queue an employee's question about their move."""
    question = MoveQuestion(move_id=move.id, move_version=move.version, text=text, answer="")
    session.add(question)
    await session.flush()
    return question


async def get_question(session: AsyncSession, question_id: int) -> MoveQuestion | None:
    """The question with this id, or None."""
    return await session.get(MoveQuestion, question_id)


async def open_questions(
    session: AsyncSession, limit: int = 20
) -> list[tuple[MoveQuestion, Employee]]:
    """Unanswered questions, oldest first, with the asking employee."""
    result = await session.execute(
        select(MoveQuestion, Employee)
        .join(PlanMove, PlanMove.id == MoveQuestion.move_id)
        .join(Employee, Employee.id == PlanMove.employee_id)
        .where(MoveQuestion.answered_at.is_(None))
        .order_by(MoveQuestion.id)
        .limit(limit)
    )
    return [(q, e) for q, e in result.all()]


async def plan_audit(session: AsyncSession, plan_id: int, limit: int = 2000) -> list[AuditEntry]:
    """The audit trail of a plan and of every move in it, oldest first."""
    move_ids = [
        str(m)
        for m in (
            await session.execute(select(PlanMove.id).where(PlanMove.plan_id == plan_id))
        ).scalars()
    ]
    stmt = (
        select(AuditEntry)
        .where(
            or_(
                (AuditEntry.entity == "plan") & (AuditEntry.entity_id == str(plan_id)),
                (AuditEntry.entity == "move") & AuditEntry.entity_id.in_(move_ids),
            )
        )
        .order_by(AuditEntry.id)
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars())


async def get_position_by_pk(session: AsyncSession, position_pk: int) -> Position | None:
    """The open position with this primary key (a move's ``position_ref``), or None."""
    return await session.get(Position, position_pk)


async def update_move(
    session: AsyncSession, move_id: int, expect: Mapping[str, object], values: Mapping[str, Any]
) -> bool:
    """Compare-and-set: ``UPDATE plan_moves SET values WHERE id AND expect``; True if changed."""
    return await _compare_and_set(session, PlanMove, move_id, expect, values)


async def update_plan(
    session: AsyncSession, plan_id: int, expect: Mapping[str, object], values: Mapping[str, Any]
) -> bool:
    """Compare-and-set on a plan (e.g. its status); True when the row changed."""
    return await _compare_and_set(session, MutationPlan, plan_id, expect, values)


async def update_question(
    session: AsyncSession, question_id: int, expect: Mapping[str, object], values: Mapping[str, Any]
) -> bool:
    """Compare-and-set on a question (e.g. still unanswered); True when the row changed."""
    return await _compare_and_set(session, MoveQuestion, question_id, expect, values)


async def open_positions_of_unit(session: AsyncSession, unit_id: int) -> list[Position]:
    """The open positions (jabatan lowong) of one unit, by code."""
    stmt = (
        select(Position)
        .where(Position.unit_id == unit_id, Position.open.is_(True))
        .order_by(Position.position_id)
    )
    return list((await session.execute(stmt)).scalars())
