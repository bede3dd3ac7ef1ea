"""A change after approval goes back to the approver.

HR revising a consulted move (destination, TMT), keeping it despite the employee's
objection, or changing the TMT of a decreed move does not bypass the approver: the move
gets a new version, returns to Diajukan (``submitted``) with who sent it, the status it
resumes once approved (``resume_status``) and what changed (``change_summary``: before →
after, HR's reason), and the approvers are told. The employee's objection stays on the
move, so the approver sees it. Once decided:

- approved: a kept move is under consultation again (HR may record the SK); a revised one
  is approved (HR sends the new version to the employee); a decreed move keeps its SK with
  the new TMT (``MOVE_TMT_CHANGED`` emitted, the employee told);
- rejected: the move ends as rejected like any other; a consulted employee is told, and
  the move's scheduled messages stop (``MOVE_CANCELLED``).

Like a submission, a change is refused (``NO_APPROVER``, nothing changed) while no approver
other than the HR officer sending it exists: it would wait for a decision no one can make.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import MOVE_CANCELLED, MOVE_TMT_CHANGED, EventBus, MoveEvent
from bot.plans import status as st
from bot.plans.dates import fmt_date
from bot.plans.jobs import cancel_consultation_jobs
from bot.plans.notices import esc, notify_role, tell_employee
from bot.plans.service import APPROVER, other_approvers, set_status
from storage.models import MoveRuleOverride, PlanMove
from storage.queries import audit
from storage.queries import plans as q
from storage.queries import rules as rq
from storage.queries.employees import get_employee

ChangeKind = Literal["keep", "revise", "tmt"]
KEEP: ChangeKind = "keep"
REVISE: ChangeKind = "revise"
TMT: ChangeKind = "tmt"
# The status a move resumes once its change is approved.
RESUMES: dict[ChangeKind, str] = {KEEP: st.CONSULTATION, REVISE: st.APPROVED, TMT: st.DECREED}


@dataclass(frozen=True)
class NoApprover:
    """Refused: no approver other than the sender could decide the change."""


NO_APPROVER = NoApprover()


async def approver_missing(session: AsyncSession, actor_id: int) -> bool:
    """True when no one but ``actor_id`` could approve what they send back."""
    return not await other_approvers(session, actor_id)


async def point(
    session: AsyncSession, unit_id: int | None, agency: str, position: str, tmt: date
) -> dict[str, str]:
    """Where a move goes and when, as plain text for the change summary."""
    unit = agency or (await q.unit_names(session)).get(unit_id or 0, "-")
    return {"unit": unit, "position": position or "-", "tmt": tmt.isoformat()}


async def point_of(session: AsyncSession, move: PlanMove) -> dict[str, str]:
    """The move's destination and TMT (the SK's once decreed) now."""
    tmt = move.decree_tmt or move.proposed_tmt
    return await point(session, move.to_unit_id, move.to_agency, move.to_position, tmt)


async def send_back(
    session: AsyncSession, now: datetime, actor_id: int, move: PlanMove, kind: ChangeKind,
    *, values: dict[str, Any], after: dict[str, str], reason: str, default_locale: str,
) -> int | NoApprover | None:  # fmt: skip
    """Apply ``values`` as a new version awaiting approval (see the module); the new version,
    None when the move changed meanwhile, or ``NO_APPROVER`` (nothing changed). The caller
    judges the rules first."""
    if await approver_missing(session, actor_id):
        return NO_APPROVER
    before = await point_of(session, move)
    version, was = move.version + 1, move.status
    summary = {"kind": kind, "before": before, "after": after, "reason": reason, "from": was}
    ok = await set_status(
        session, move, "send_back", audit.actor_of(actor_id),
        values={**values, "version": version, "submitted_by": actor_id, "decided_by": None,
                "decided_at": None, "decision_note": "", "resume_status": RESUMES[kind],
                "change_summary": summary},
        kind=kind, old=before, new=after, reason=reason, version_after=version,
    )  # fmt: skip
    if not ok:
        return None
    await cancel_consultation_jobs(session, move.id)
    employee = await get_employee(session, move.employee_id)
    await notify_role(
        session, now, default_locale, APPROVER, f"back{move.id}v{version}",
        "plans.change_notice", exclude=actor_id, id=move.id, plan=move.plan_id, kind=kind,
        name=esc(employee.name if employee else "-"),
    )  # fmt: skip
    return version


async def carry_overrides(session: AsyncSession, move: PlanMove, from_version: int) -> None:
    """Keep the overrides of ``from_version`` for the move's current version (nothing about
    the move's destination or date changed, so HR's reasons still hold)."""
    rows = [o for o in await rq.overrides_of(session, [move.id]) if o.move_version == from_version]
    await rq.add_overrides(session, [
        MoveRuleOverride(move_id=move.id, move_version=move.version, rule=o.rule, point=o.point,
                         judged_on=o.judged_on, reason=o.reason, actor=o.actor)
        for o in rows
    ])  # fmt: skip


def change_of(move: PlanMove) -> ChangeKind | None:
    """The kind of change a move waiting for approval carries, or None (a new move)."""
    kind = (move.change_summary or {}).get("kind") if move.resume_status else None
    return kind if kind in RESUMES else None


async def after_decision(
    session: AsyncSession, now: datetime, move: PlanMove, approved: bool, actor: str,
    *, events: EventBus | None, default_locale: str,
) -> None:  # fmt: skip
    """Finish a decided change (see the module); nothing for a new move."""
    kind = change_of(move)
    if kind is None:
        return
    resume, version = RESUMES[kind], move.version
    if approved and resume != st.APPROVED:
        expect = {"status": st.APPROVED, "version": version}
        await q.update_move(session, move.id, expect, {"status": resume, "resume_status": ""})
    else:
        await q.update_move(session, move.id, {"version": version}, {"resume_status": ""})
    await audit.record(
        session, actor, "move.change_decided", "move", move.id, kind=kind, approved=approved,
        status=resume if approved else st.REJECTED, version=version,
    )  # fmt: skip
    event = MoveEvent(move.id, move.employee_id, move.decree_tmt or move.proposed_tmt,
                      move.plan_id, move.to_unit_id)  # fmt: skip
    if approved and kind == TMT and move.decree_tmt is not None:
        if events is not None:
            await events.emit(MOVE_TMT_CHANGED, session, event)
        await tell_employee(
            session, now, default_locale, move.employee_id, f"tmt{move.id}v{version}",
            "plans.tmt_notice", tmt=fmt_date(move.decree_tmt),
        )  # fmt: skip
    elif not approved:
        if kind == TMT and events is not None:
            await events.emit(MOVE_CANCELLED, session, event)
        await tell_employee(
            session, now, default_locale, move.employee_id, f"cx{move.id}", "plans.cancel_notice",
            id=move.id,
        )  # fmt: skip
    await notify_role(
        session, now, default_locale, "hr", f"chg{move.id}v{version}",
        "plans.change_decided_notice", id=move.id, kind=kind,
        decision="approve" if approved else "reject",
    )  # fmt: skip
