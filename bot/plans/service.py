"""Plan operations shared by the chat, the /kandidat button, file imports and the CLI.

Each function works inside the caller's transaction (it never commits) and writes the
audit trail for what it changes. Status changes are compare-and-set: the row changes
only while it still has the status (and version) that was read, so two officers pressing
at once cannot both move it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.plans import status as st
from bot.plans.notices import esc, notify_role
from bot.rules.service import Judgement, NeedsReason, Target, judge, judge_move, record_overrides
from bot.unit_search import search as search_units
from storage.models import Employee, MutationPlan, PlanMove, Position
from storage.queries import audit
from storage.queries import plans as q
from storage.queries.positions import get_position
from storage.queries.users import users_with_role

APPROVER = "approver"  # the role that decides plans (PPK)
# A destination typed with one of these prefixes is an agency outside (mutasi keluar).
OUT_PREFIXES = ("keluar:", "out:")


@dataclass(frozen=True)
class Destination:
    """Where a move goes: a unit and a position title, optionally an open Position.

    ``leaves_agency``: the unit is another agency (instansi), named in ``unit_name``.
    """

    unit_id: int | None
    unit_name: str
    position: str
    position_ref: int | None = None
    leaves_agency: bool = False

    @property
    def target(self) -> Target:
        """The destination as the rules read it."""
        return Target(self.position_ref, self.leaves_agency)


@dataclass(frozen=True)
class Blocked:
    """A move whose rules need a written reason before the plan can be submitted."""

    move_id: int
    employee_name: str
    judgement: Judgement


@dataclass(frozen=True)
class Submitted:
    """A submit attempt: ``ok`` with the number of moves sent, or refused (``blocked``, or
    ``no_approver``: no one but the submitter holds the approver role)."""

    ok: bool
    plan_id: int
    count: int = 0
    blocked: tuple[Blocked, ...] = ()
    no_approver: bool = False


async def other_approvers(session: AsyncSession, actor_id: int) -> list[int]:
    """Approvers who may decide what ``actor_id`` submits (no one approves their own)."""
    return [a for a in await users_with_role(session, APPROVER) if a != actor_id]


@dataclass(frozen=True)
class Busy:
    """The employee already has a live move (``move_id``) in plan ``plan_id``."""

    employee_name: str
    move_id: int
    plan_id: int
    plan_name: str


async def live_move_elsewhere(session: AsyncSession, employee: Employee) -> Busy | None:
    """The employee's live move in any plan, as a refusal; the employee's row is held for
    writing first, so two officers adding the same person at once see each other's move."""
    await q.lock_employee(session, employee.id)
    found = await q.live_move_of_employee(session, employee.id)
    if found is None:
        return None
    move, plan = found
    return Busy(employee.name, move.id, plan.id, plan.name)


@dataclass(frozen=True)
class Added:
    """A move added, with the rules judged on its proposed TMT."""

    move: PlanMove
    judgement: Judgement


async def resolve_destination(session: AsyncSession, text: str) -> Destination | None:
    """An open position code ("F-001"), "Unit / Jabatan" (unit matched fuzzily), or an
    agency outside: "keluar: Instansi / Jabatan"."""
    text = text.strip()
    prefix = next((p for p in OUT_PREFIXES if text.lower().startswith(p)), None)
    if prefix is not None:
        agency, _, title = text[len(prefix) :].partition("/")
        if not (agency.strip() and title.strip()):
            return None
        return Destination(None, agency.strip()[:200], title.strip(), leaves_agency=True)
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
    vacant = await q.open_positions_of_unit(session, by_name[unit])
    same = search_units(title.strip(), [p.title for p in vacant], limit=1, cutoff=OPEN_TITLE_MATCH)
    if same:  # "pranata komputer" in Kominfo is its open Pranata Komputer Ahli Pertama
        return destination_of(vacant[same[0].index])
    return Destination(by_name[unit], unit, title.strip())


OPEN_TITLE_MATCH = 90.0  # a typed title this close to an open position's is that position


def destination_of(position: Position) -> Destination:
    """The destination of an open Position."""
    return Destination(position.unit_id, position.unit_name, position.title, position.id)


async def check_new_move(
    session: AsyncSession, settings: Settings, employee: Employee, dest: Destination, tmt: date
) -> Judgement:
    """The rules of a move not stored yet, judged on its proposed TMT."""
    return await judge(
        session, settings, point="add", on=tmt, employee=employee, target=dest.target
    )


async def add_move(
    session: AsyncSession,
    settings: Settings,
    *,
    plan_id: int,
    employee: Employee,
    dest: Destination,
    tmt: date,
    rationale: str,
    override_reason: str,
    actor: str,
    source: dict[str, object] | None = None,
) -> Added | NeedsReason | Busy:
    """Add a draft move and audit it; a blocking rule needs ``override_reason`` (kept).

    Refused (``Busy``) while the employee has a live move in any plan.
    """
    busy = await live_move_elsewhere(session, employee)
    if busy is not None:
        return busy
    judgement = await check_new_move(session, settings, employee, dest, tmt)
    if judgement.uncovered and not override_reason:
        return NeedsReason(judgement)
    move = await q.add_move(
        session,
        plan_id=plan_id,
        employee_id=employee.id,
        from_unit_id=employee.unit_id,
        from_position=employee.position_title,
        to_unit_id=dest.unit_id,
        to_position=dest.position,
        to_agency=dest.unit_name if dest.leaves_agency else "",
        position_ref=dest.position_ref,
        proposed_tmt=tmt,
        rationale=rationale,
        warnings=[],
        override_reason="",
        status=st.DRAFT,
        version=1,
    )
    await audit.record(
        session, actor, "move.added", "move", move.id, plan_id=plan_id,
        employee_id=employee.id, to_unit=dest.unit_name, to_position=dest.position,
        tmt=tmt.isoformat(), rationale=rationale, **(source or {"source": "chat"}),
    )  # fmt: skip
    return Added(move, await record_overrides(session, move, judgement, override_reason, actor))


async def set_status(
    session: AsyncSession,
    move: PlanMove,
    action: str,
    actor: str,
    *,
    values: dict[str, Any] | None = None,
    **details: object,
) -> bool:
    """Apply a status action (and ``values``) if the move is unchanged since read; audit it.

    Raises TransitionError when the action is not allowed from the status that was read;
    returns False when someone else changed the move meanwhile.
    """
    before = move.status
    after = st.transition(action, before)
    expect = {"status": before, "version": move.version}
    if not await q.update_move(session, move.id, expect, {**(values or {}), "status": after}):
        return False
    await audit.record(
        session, actor, f"move.{action}", "move", move.id, before=before, after=after,
        version=move.version, **details,
    )  # fmt: skip
    return True


async def refresh_plan_status(session: AsyncSession, plan_id: int, actor: str) -> str:
    """Make a submitted plan active once no move waits for approval; return its status."""
    plan = await q.get_plan(session, plan_id)
    assert plan is not None
    if plan.status != st.PLAN_SUBMITTED:
        return plan.status
    after = st.plan_status_after_decisions([m.status for m in await q.moves_of(session, plan_id)])
    if after != plan.status and await q.update_plan(
        session, plan_id, {"status": st.PLAN_SUBMITTED}, {"status": after}
    ):
        await audit.record(session, actor, "plan.decided", "plan", plan_id, after=after)
    return plan.status


async def create_plan(session: AsyncSession, actor_id: int, name: str) -> MutationPlan:
    """A new draft plan, audited."""
    plan = await q.create_plan(session, name, actor_id)
    await audit.record(
        session, audit.actor_of(actor_id), "plan.created", "plan", plan.id, name=name
    )
    return plan


async def _blocked_moves(
    session: AsyncSession, settings: Settings, moves: list[PlanMove], reason: str, actor: str
) -> tuple[Blocked, ...]:
    """Judge each draft move on its TMT; keep ``reason`` for what blocks, or list them."""
    blocked = []
    for move in moves:
        if move.status != st.DRAFT:
            continue
        judgement = await judge_move(session, settings, move, "submit", move.proposed_tmt)
        if judgement.uncovered and reason:
            await record_overrides(session, move, judgement, reason, actor)
        elif judgement.uncovered:
            employee = await session.get(Employee, move.employee_id)
            blocked.append(Blocked(move.id, employee.name if employee else "-", judgement))
    return tuple(blocked)


async def submit_plan(
    session: AsyncSession, now: datetime, actor_id: int, plan_id: int, *, settings: Settings,
    override_reason: str = "",
) -> Submitted:  # fmt: skip
    """Send a draft plan with moves to the approvers (each is told through the outbox);
    refused while no approver other than the submitter is configured.

    Every draft move is judged again on its proposed TMT; a blocking rule not overridden
    yet refuses the submission (``blocked``) unless ``override_reason`` is given.
    """
    plan = await q.get_plan(session, plan_id)
    moves = await q.moves_of(session, plan_id)
    if plan is None or plan.status != st.PLAN_DRAFT or not moves:
        return Submitted(False, plan_id)
    if not await other_approvers(session, actor_id):
        return Submitted(False, plan_id, no_approver=True)
    actor = audit.actor_of(actor_id)
    blocked = await _blocked_moves(session, settings, moves, override_reason, actor)
    if blocked:
        return Submitted(False, plan_id, blocked=blocked)
    moves = await q.moves_of(session, plan_id)
    draft = {"status": st.PLAN_DRAFT}
    if not await q.update_plan(
        session, plan_id, draft, {"status": st.PLAN_SUBMITTED, "submitted_at": now}
    ):
        return Submitted(False, plan_id)
    for move in moves:
        if move.status == st.DRAFT:
            await set_status(session, move, "submit", actor, values={"submitted_by": actor_id})
    await audit.record(session, actor, "plan.submitted", "plan", plan_id, moves=len(moves))
    await notify_role(
        session, now, settings.default_locale, APPROVER, f"plan{plan_id}sub",
        "plans.approver_notice", exclude=actor_id,
        id=plan_id, name=esc(plan.name), count=len(moves),
    )  # fmt: skip
    return Submitted(True, plan_id, len(moves))
