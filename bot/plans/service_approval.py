"""/persetujuan: the authorised official approves or rejects each move of a submitted plan.

A decision is compare-and-set on the move's status; once no move waits, the plan becomes
active and HR is told through the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.events import EventBus
from bot.plans import aspiration_link
from bot.plans import status as st
from bot.plans.buttons import Decision
from bot.plans.notices import notify_role
from bot.plans.service import refresh_plan_status, set_status
from bot.plans.service_return import after_decision
from bot.rules.service import Judgement, judge_move, record_overrides
from storage.models import MutationPlan, PlanMove
from storage.queries import audit
from storage.queries import plans as q

PAGE_SIZE = 5


@dataclass(frozen=True)
class ApprovalView:
    """One page of a submitted plan's moves for the approver."""

    plan: MutationPlan
    rows: list[q.MoveRow]
    page: int
    pages: int
    judgements: dict[int, Judgement]  # move id -> the rules on its proposed TMT


@dataclass(frozen=True)
class Decided:
    """A decision attempt: ``done``, or the move's status that prevented it, or the
    blocking rules (``judgement``) an approval needs the approver's reason for, or
    ``own``: the approver submitted this version themselves."""

    done: bool
    move_id: int
    plan_id: int
    status: str
    judgement: Judgement | None = None
    own: bool = False


async def waiting_plans(session: AsyncSession) -> list[MutationPlan]:
    """Plans with a move waiting for a decision (new, or changed after approval), most
    recent first."""
    return await q.plans_waiting(session)


def own_move(move: PlanMove, actor_id: int) -> bool:
    """True when ``actor_id`` sent this version of the move for approval (not theirs to decide)."""
    return move.submitted_by is not None and move.submitted_by == actor_id


async def approval_page(
    session: AsyncSession, settings: Settings, plan_id: int, page: int
) -> ApprovalView | None:
    """The moves of one page (clamped to the pages there are) with their rules judged on
    their TMT (the SK's once decreed) and HR's overrides, or None for an unknown plan."""
    plan = await q.get_plan(session, plan_id)
    if plan is None:
        return None
    rows = await q.move_rows(session, plan_id)
    pages = max(1, (len(rows) + PAGE_SIZE - 1) // PAGE_SIZE)
    page = min(max(page, 0), pages - 1)
    shown = rows[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    judgements = {r.move.id: await judge_move(session, settings, r.move, "approve") for r in shown}
    return ApprovalView(plan, shown, page, pages, judgements)


async def move_to_decide(session: AsyncSession, move_id: int) -> PlanMove | None:
    """The move an approver pressed a button for, or None."""
    return await q.get_move(session, move_id, lock=True)


async def decide(
    session: AsyncSession,
    now: datetime,
    actor_id: int,
    move_id: int,
    decision: Decision,
    note: str,
    *,
    settings: Settings,
    override_reason: str = "",
    events: EventBus | None = None,
) -> Decided:
    """Approve or reject a submitted move (audited); activate the plan when all are decided.

    The plan row is locked first (PostgreSQL; SQLite runs one writer at a time), so two
    approvers deciding the last two moves at once cannot both miss the other's decision
    and leave the plan waiting; the move's status change itself is a compare-and-set.
    An approval judges the rules again on the proposed TMT: a blocking rule that HR did not
    override needs the approver's ``override_reason`` (kept, audited). No one decides a
    move they submitted (``own``), whatever the button says.
    """
    found = await q.get_move(session, move_id)
    if found is None:
        return Decided(False, move_id, 0, "")
    await q.get_plan(session, found.plan_id, lock=True)
    move = await q.get_move(session, move_id, lock=True)
    if move is None:
        return Decided(False, move_id, 0, "")
    actor = audit.actor_of(actor_id)
    if own_move(move, actor_id):
        await audit.record(session, actor, "access.denied", "move", move_id, reason="own")
        return Decided(False, move_id, move.plan_id, move.status, own=True)
    values = {"decision_note": note, "decided_by": actor_id, "decided_at": now}
    if move.status == st.SUBMITTED and decision == "approve":
        judgement = await judge_move(session, settings, move, "approve")
        if judgement.uncovered and not override_reason:
            return Decided(False, move_id, move.plan_id, move.status, judgement)
        await record_overrides(session, move, judgement, override_reason, actor)
    if move.status != st.SUBMITTED or not await set_status(
        session, move, decision, actor, values=values, note=note
    ):
        return Decided(False, move_id, move.plan_id, move.status)
    await after_decision(
        session, now, move, decision == "approve", actor, events=events,
        default_locale=settings.default_locale,
    )  # fmt: skip
    if decision == "reject":
        await aspiration_link.follow(
            session, now, actor_id, move, "not_take", settings.default_locale
        )
    await _plan_decided(session, now, actor, move.plan_id, settings.default_locale)
    return Decided(True, move_id, move.plan_id, move.status)


async def _plan_decided(
    session: AsyncSession, now: datetime, actor: str, plan_id: int, default_locale: str
) -> None:
    """Activate the plan once every move is decided, and tell HR then."""
    before = await q.get_plan(session, plan_id)
    was = before.status if before else ""
    after = await refresh_plan_status(session, plan_id, actor)
    if was != st.PLAN_SUBMITTED or after != st.PLAN_ACTIVE:
        return
    moves = await q.moves_of(session, plan_id)
    approved = sum(m.status == st.APPROVED for m in moves)
    await notify_role(
        session, now, default_locale, "hr", f"plan{plan_id}dec", "plans.decided_notice",
        id=plan_id, approved=approved, rejected=len(moves) - approved,
    )  # fmt: skip
