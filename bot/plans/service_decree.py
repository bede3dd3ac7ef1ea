"""The end of a move: keep after objection, decree (SK, TMT), TMT change, done, cancel.

Recording the decree emits ``move.decreed`` inside the same transaction, so campaigns
and surveys that subscribe are scheduled atomically with it; a cancellation emits
``move.cancelled``. Keeping a move despite an objection and a TMT change go back to the
approver first (``bot.plans.service_return``, which emits ``move.tmt_changed`` once
approved). Carrying a move out writes it into the roster (``bot.plans.service_apply``).
Employees are told through the outbox. Every step re-checks the move's version: a move
revised meanwhile is stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.events import MOVE_CANCELLED, MOVE_DECREED, EventBus, MoveEvent
from bot.plans import aspiration_link
from bot.plans import consultation as kc
from bot.plans import status as st
from bot.plans.dates import fmt_date
from bot.plans.jobs import cancel_consultation_jobs
from bot.plans.notices import esc, tell_employee
from bot.plans.service import set_status
from bot.plans.service_apply import apply_move
from bot.plans.service_return import (
    KEEP,
    TMT,
    NoApprover,
    approver_missing,
    carry_overrides,
    point,
    point_of,
    send_back,
)
from bot.rules.service import NeedsReason, Target, judge, judge_move, record_overrides
from storage.models import MutationPlan, PlanMove
from storage.queries import audit
from storage.queries import plans as q
from storage.queries.employees import get_employee

MoveAction = Literal["keep", "decree", "change_tmt", "carry_out", "cancel"]
Problem = Literal["", "unknown", "not_now", "needs_answer", "before_tmt", "no_approver"]
# Actions that send the move back to the approver (refused without one but the actor).
SENDS_BACK: frozenset[MoveAction] = frozenset({"keep", "change_tmt"})
ALLOWED_FROM: dict[MoveAction, frozenset[str]] = {
    "keep": frozenset({st.CONSULTATION}),
    "decree": frozenset({st.CONSULTATION}),
    "change_tmt": frozenset({st.DECREED}),
    "carry_out": frozenset({st.DECREED}),
    "cancel": frozenset(set(st.MOVE_STATUSES) - st.FINAL),
}


@dataclass(frozen=True)
class Checked:
    """Whether an action may start on a move now (``problem`` empty) and the move's state."""

    move_id: int
    version: int = 0
    status: str = ""
    problem: Problem = ""


def move_event(move: PlanMove) -> MoveEvent:
    """The event subscribers receive about a move."""
    tmt = move.decree_tmt or move.proposed_tmt
    return MoveEvent(move.id, move.employee_id, tmt, move.plan_id, move.to_unit_id)


async def check_action(
    session: AsyncSession, move_id: int, action: MoveAction, actor_id: int | None = None
) -> Checked:
    """May HR (``actor_id``) start ``action`` on the move now? A decree needs an answer or a
    kept reason; what goes back to the approver needs an approver other than the actor."""
    move = await q.get_move(session, move_id)
    if move is None:
        return Checked(move_id, problem="unknown")
    if move.status not in ALLOWED_FROM[action]:
        return Checked(move.id, move.version, move.status, "not_now")
    if action == "decree" and not (move.answer in kc.AGREEING or move.kept_reason):
        return Checked(move.id, move.version, move.status, "needs_answer")
    if action in SENDS_BACK and actor_id is not None and await approver_missing(session, actor_id):
        return Checked(move.id, move.version, move.status, "no_approver")
    return Checked(move.id, move.version, move.status)


async def _current(session: AsyncSession, move_id: int, version: int) -> PlanMove | None:
    """The move (row-locked) if it is still at ``version``."""
    move = await q.get_move(session, move_id, lock=True)
    return move if move is not None and move.version == version else None


async def carry_out(
    session: AsyncSession, actor_id: int, move_id: int, today: date | None = None
) -> Checked:
    """Mark a decreed move as carried out and write it into the roster (``service_apply``);
    refused (``before_tmt``) while ``today``, when given, is before its TMT."""
    checked = await check_action(session, move_id, "carry_out")
    if checked.problem:
        return checked
    move = await _current(session, move_id, checked.version)
    actor = audit.actor_of(actor_id)
    if move is not None and today is not None and today < (move.decree_tmt or move.proposed_tmt):
        return Checked(move_id, checked.version, checked.status, "before_tmt")
    if (
        move is None
        or not st.can("carry_out", move.status)
        or not await set_status(session, move, "carry_out", actor)
    ):
        return Checked(move_id, checked.version, checked.status, "not_now")
    await apply_move(session, move, actor)
    return checked


async def keep_move(
    session: AsyncSession, now: datetime, actor_id: int, move_id: int, version: int, reason: str,
    *, default_locale: str,
) -> bool | NoApprover:  # fmt: skip
    """Keep an objected move unchanged, with HR's written reason (audited); it goes back to
    the approver with the objection (``service_return``), HR's overrides still holding.
    ``NoApprover`` (nothing changed) without an approver other than HR."""
    move = await _current(session, move_id, version)
    if move is None or move.status != st.CONSULTATION:
        return False
    after = await point_of(session, move)
    sent = await send_back(
        session, now, actor_id, move, KEEP, values={"kept_reason": reason}, after=after,
        reason=reason, default_locale=default_locale,
    )  # fmt: skip
    if isinstance(sent, NoApprover):
        return sent
    if sent is None:
        return False
    await carry_overrides(session, move, version)
    await audit.record(
        session, audit.actor_of(actor_id), "move.kept", "move", move_id, reason=reason
    )
    await _tell_kept(session, now, default_locale, move_id, version, reason)
    return True


async def _tell_kept(
    session: AsyncSession, now: datetime, default_locale: str, move_id: int, version: int,
    reason: str,
) -> bool:  # fmt: skip
    """Tell the employee their objection was weighed and the move kept, with HR's reason."""
    move = await q.get_move(session, move_id)
    assert move is not None
    return await tell_employee(
        session, now, default_locale, move.employee_id, f"kept{move_id}v{version}",
        "plans.kept_notice", id=move_id, reason=esc(reason),
    )  # fmt: skip


async def decree_move(
    session: AsyncSession, now: datetime, actor_id: int, move_id: int, version: int,
    number: str, tmt: date,
    *, events: EventBus, default_locale: str, settings: Settings, override_reason: str = "",
) -> bool | NeedsReason:  # fmt: skip
    """Record the decree: Ditetapkan, reminders stopped, employee told, MOVE_DECREED emitted.

    The rules are judged on the SK's TMT; a blocking rule not overridden yet for this
    version needs ``override_reason`` (else ``NeedsReason`` and nothing changes).
    """
    move = await _current(session, move_id, version)
    values = {"decree_number": number, "decree_tmt": tmt}
    if move is None or not st.can("decree", move.status):
        return False
    actor = audit.actor_of(actor_id)
    judgement = await judge_move(session, settings, move, "decree", tmt)
    if judgement.uncovered and not override_reason:
        return NeedsReason(judgement)
    await record_overrides(session, move, judgement, override_reason, actor)
    if not await set_status(
        session, move, "decree", actor, values=values, sk=number, tmt=tmt.isoformat()
    ):
        return False
    await cancel_consultation_jobs(session, move.id)
    await events.emit(MOVE_DECREED, session, move_event(move))
    unit = await q.unit_names(session)
    await tell_employee(
        session, now, default_locale, move.employee_id, f"sk{move.id}", "plans.decree_notice",
        sk=esc(number), tmt=fmt_date(tmt), position=esc(move.to_position),
        unit=esc(unit.get(move.to_unit_id or 0) or move.to_agency or "-"),
    )  # fmt: skip
    await aspiration_link.follow(session, now, actor_id, move, "decree", default_locale)
    return True


async def change_tmt(
    session: AsyncSession, now: datetime, actor_id: int, move_id: int, version: int, tmt: date,
    *, default_locale: str, settings: Settings, override_reason: str = "",
) -> bool | NeedsReason | NoApprover:  # fmt: skip
    """Change the TMT of a decreed move: the rules judged on the new TMT (a blocking one needs
    ``override_reason``), then back to the approver (``service_return``; ``NoApprover``
    without one but HR); the employee is told and ``MOVE_TMT_CHANGED`` emitted once the
    approver agrees."""
    move = await _current(session, move_id, version)
    if move is None or not st.can("send_back", move.status) or move.status != st.DECREED:
        return False
    employee = await get_employee(session, move.employee_id)
    assert employee is not None
    target = Target(move.position_ref, bool(move.to_agency))
    judgement = await judge(session, settings, point="decree", on=tmt, employee=employee,
                            target=target, exclude_move=move.id)  # fmt: skip
    if judgement.uncovered and not override_reason:
        return NeedsReason(judgement)
    after = await point(session, move.to_unit_id, move.to_agency, move.to_position, tmt)
    sent = await send_back(
        session, now, actor_id, move, TMT, values={"decree_tmt": tmt}, after=after,
        reason=override_reason, default_locale=default_locale,
    )  # fmt: skip
    if isinstance(sent, NoApprover):
        return sent
    if sent is None:
        return False
    await record_overrides(session, move, judgement, override_reason, audit.actor_of(actor_id))
    return True


async def cancel_move(
    session: AsyncSession, now: datetime, actor_id: int, move_id: int, version: int,
    reason: str, *, events: EventBus, default_locale: str,
) -> bool:  # fmt: skip
    """Cancel one move with a reason; tell a consulted employee; emit MOVE_CANCELLED."""
    move = await _current(session, move_id, version)
    if move is None or not st.can("cancel", move.status):
        return False
    consulted = move.status in (st.CONSULTATION, st.DECREED)
    if not await set_status(session, move, "cancel", audit.actor_of(actor_id), reason=reason):
        return False
    await cancel_consultation_jobs(session, move.id)
    await events.emit(MOVE_CANCELLED, session, move_event(move))
    if consulted:
        await _tell_cancelled(session, now, default_locale, move)
    await aspiration_link.follow(session, now, actor_id, move, "not_take", default_locale)
    return True


async def _tell_cancelled(
    session: AsyncSession, now: datetime, default_locale: str, move: PlanMove
) -> bool:
    """Tell a consulted employee their move was cancelled; False when not linked."""
    return await tell_employee(
        session, now, default_locale, move.employee_id, f"cx{move.id}", "plans.cancel_notice",
        id=move.id,
    )  # fmt: skip


@dataclass(frozen=True)
class PlanCancelled:
    """A plan cancellation: ``ok``, moves cancelled and employees told."""

    ok: bool
    plan_id: int
    cancelled: int = 0
    told: int = 0


async def cancellable_plan(session: AsyncSession, plan_id: int) -> MutationPlan | None:
    """The plan if it exists and is not cancelled yet."""
    plan = await q.get_plan(session, plan_id)
    return plan if plan is not None and plan.status != st.PLAN_CANCELLED else None


async def cancel_plan(
    session: AsyncSession, now: datetime, actor_id: int, plan_id: int, reason: str,
    *, events: EventBus, default_locale: str,
) -> PlanCancelled:  # fmt: skip
    """Cancel every open move of the plan, then the plan itself (audited with the reason)."""
    plan = await cancellable_plan(session, plan_id)
    before_plan = plan.status if plan else ""
    cancelled = {"status": st.PLAN_CANCELLED}
    if plan is None or not await q.update_plan(
        session, plan_id, {"status": before_plan}, cancelled
    ):
        return PlanCancelled(False, plan_id)
    actor = audit.actor_of(actor_id)
    count = told = 0
    for move in await q.moves_of(session, plan_id):
        before = move.status
        if before in st.FINAL or not await set_status(
            session, move, "cancel", actor, reason=reason, plan_cancelled=True
        ):
            continue
        await cancel_consultation_jobs(session, move.id)
        count += 1
        if before == st.DECREED:
            await events.emit(MOVE_CANCELLED, session, move_event(move))
        if before in (st.CONSULTATION, st.DECREED):
            told += await _tell_cancelled(session, now, default_locale, move)
        await aspiration_link.follow(session, now, actor_id, move, "not_take", default_locale)
    await audit.record(
        session, actor, "plan.cancelled", "plan", plan_id, before=before_plan, reason=reason,
        moves_cancelled=count,
    )  # fmt: skip
    return PlanCancelled(True, plan_id, count, told)
