"""Judge a move: gather its facts, run the rule set on a date, record the overrides.

One function (``judge``) reads what the rules need — the roster row, the destination
position and its quota, the freeze periods, the Minister's approval of the move, the
overrides already given — and runs ``bot.rules.checks.evaluate`` on the given date; every
decision point (adding a move, submitting, approving, the decree) calls it. A blocking
result not yet overridden for the move's version needs a written reason:
``record_overrides`` keeps it (one row per rule, and one audit entry).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.rules import checks
from bot.rules.model import (
    BLOCKING,
    OK,
    EmployeeFacts,
    MinisterApproval,
    MoveFacts,
    Point,
    RuleConfig,
    RuleResult,
    TargetFacts,
)
from bot.rules.periods import effective_periods
from storage.models import Employee, MoveRuleOverride, PlanMove
from storage.queries import audit
from storage.queries import plans as qp
from storage.queries import rules as q
from storage.queries.employees import get_employee
from storage.types import MOVE_CANCELLED, MOVE_DONE, MOVE_REJECTED

FINAL_STATUSES = frozenset({MOVE_REJECTED, MOVE_DONE, MOVE_CANCELLED})


@dataclass(frozen=True)
class Override:
    """A rule a move goes ahead despite: at which point, judged on which date, and why."""

    rule: str
    point: str
    judged_on: date
    reason: str
    actor: str
    version: int


@dataclass(frozen=True)
class Judgement:
    """Every rule's result for one move at one decision point, and its overrides."""

    point: Point
    judged_on: date
    results: tuple[RuleResult, ...]
    overrides: tuple[Override, ...] = ()

    @property
    def problems(self) -> list[RuleResult]:
        """The results that are not ok (warnings and blocking), in rule order."""
        return [r for r in self.results if r.outcome != OK]

    @property
    def uncovered(self) -> list[RuleResult]:
        """Blocking results without an override: they need a reason to go ahead."""
        covered = {o.rule for o in self.overrides}
        return [r for r in self.results if r.outcome == BLOCKING and r.rule not in covered]

    def override_of(self, rule: str) -> Override | None:
        """The latest override of ``rule``, if any."""
        found = [o for o in self.overrides if o.rule == rule]
        return found[-1] if found else None


@dataclass(frozen=True)
class NeedsReason:
    """A decision refused until a written reason is given for the blocking rules shown."""

    judgement: Judgement


@dataclass(frozen=True)
class Target:
    """Where a move goes, as the rules need it (``bot.plans.service.Destination`` maps here)."""

    position_ref: int | None = None
    leaves_agency: bool = False


def rule_config(settings: Settings) -> RuleConfig:
    """The configured numbers of the rules."""
    return RuleConfig(
        min_years_in_position=settings.min_years_in_position,
        rotation_due_years=settings.rotation_due_years,
        out_min_service_years=settings.out_of_agency_min_service_years,
        out_years_before_retirement=settings.out_of_agency_years_before_retirement,
        retirement_ages=settings.retirement_age_map,
    )


def employee_facts(e: Employee) -> EmployeeFacts:
    """The roster values the rules read."""
    return EmployeeFacts(
        nip=e.nip, position_kind=e.position_kind, position_title=e.position_title, rank=e.rank,
        education_level=e.education_level, position_tmt=e.position_tmt,
        sanction=e.disciplinary_sanction, sanction_level=e.sanction_level,
        sanction_until=e.sanction_until, under_examination=e.under_examination,
        study_leave=e.study_leave, study_leave_until=e.study_leave_until,
        service_bond_until=e.service_bond_until, skp_last_year=e.skp_last_year,
        skp_year_before=e.skp_year_before,
    )  # fmt: skip


async def _target_facts(
    session: AsyncSession, target: Target, exclude_move: int | None
) -> TargetFacts:
    """The destination's requirements and quota (an open position), or an agency outside."""
    position = (
        await qp.get_position_by_pk(session, target.position_ref)
        if target.position_ref is not None
        else None
    )
    if position is None:
        return TargetFacts(leaves_agency=target.leaves_agency)
    taken = await qp.taken_for_position(session, position.id, exclude_move)
    return TargetFacts(
        leaves_agency=target.leaves_agency, position_kind=position.position_kind,
        position_title=position.title, min_rank=position.min_rank, max_rank=position.max_rank,
        education_level=position.education_level, quota=position.quota, taken=taken,
    )  # fmt: skip


async def judge(
    session: AsyncSession, settings: Settings, *, point: Point, on: date, employee: Employee,
    target: Target, move: PlanMove | None = None, exclude_move: int | None = None,
) -> Judgement:  # fmt: skip
    """Run every rule for moving ``employee`` to ``target`` on ``on`` (see the module).

    ``move``: the stored move (its approval and overrides count, it is not counted against
    the quota); ``exclude_move``: a move being revised (only not counted).
    """
    approval = None
    if move is not None and move.freeze_approval_number and move.freeze_approval_date:
        approval = MinisterApproval(move.freeze_approval_number, move.freeze_approval_date)
    facts = MoveFacts(
        employee=employee_facts(employee),
        target=await _target_facts(session, target, move.id if move else exclude_move),
        freezes=await effective_periods(session, settings),
        approval=approval,
    )
    results = tuple(checks.evaluate(facts, on, rule_config(settings)))
    overrides = await _overrides(session, move) if move is not None else ()
    return Judgement(point, on, results, overrides)


async def judge_move(
    session: AsyncSession, settings: Settings, move: PlanMove, point: Point, on: date | None = None
) -> Judgement:
    """Judge a stored move on ``on`` (default: its SK's TMT, else the proposed TMT)."""
    employee = await get_employee(session, move.employee_id)
    assert employee is not None
    when = on or move.decree_tmt or move.proposed_tmt
    target = Target(move.position_ref, bool(move.to_agency))
    return await judge(
        session, settings, point=point, on=when, employee=employee, target=target, move=move
    )


async def _overrides(session: AsyncSession, move: PlanMove) -> tuple[Override, ...]:
    """The overrides given for the move's current version."""
    return tuple(
        Override(o.rule, o.point, o.judged_on, o.reason, o.actor, o.move_version)
        for o in await q.overrides_of(session, [move.id])
        if o.move_version == move.version
    )


async def record_overrides(
    session: AsyncSession, move: PlanMove, judgement: Judgement, reason: str, actor: str
) -> Judgement:
    """Keep ``reason`` for every uncovered blocking rule of the move (one row per rule, one
    audit entry); the judgement with these overrides."""
    rules = list(dict.fromkeys(r.rule for r in judgement.uncovered))
    if not rules:
        return judgement
    point, on = judgement.point, judgement.judged_on
    await q.add_overrides(session, [
        MoveRuleOverride(move_id=move.id, move_version=move.version, rule=rule, point=point,
                         judged_on=on, reason=reason, actor=actor)
        for rule in rules
    ])  # fmt: skip
    overridden = sorted({*(move.warnings or []), *rules})
    await qp.update_move(session, move.id, {"version": move.version},
                         {"warnings": overridden, "override_reason": reason})  # fmt: skip
    await audit.record(
        session, actor, "move.rule_override", "move", move.id, warnings=rules, reason=reason,
        point=point, judged_on=on.isoformat(), version=move.version,
    )  # fmt: skip
    added = tuple(Override(rule, point, on, reason, actor, move.version) for rule in rules)
    return replace(judgement, overrides=judgement.overrides + added)


async def record_minister_approval(
    session: AsyncSession, actor_id: int, move_id: int, number: str, issued_on: date
) -> bool:
    """Keep the Minister's written approval of a live move (audited); False when not live."""
    move = await qp.get_move(session, move_id, lock=True)
    if move is None or move.status in FINAL_STATUSES:
        return False
    values = {"freeze_approval_number": number, "freeze_approval_date": issued_on}
    if not await qp.update_move(session, move_id, {"version": move.version}, values):
        return False
    await audit.record(
        session, audit.actor_of(actor_id), "move.freeze_approval", "move", move_id,
        number=number, issued_on=issued_on.isoformat(), version=move.version,
    )  # fmt: skip
    return True
