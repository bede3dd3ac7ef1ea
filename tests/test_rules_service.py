"""The rule set at each decision point, with a session: adding a move, submitting the plan,
the approval and the decree each judge the rules on the move's date and refuse to go on
while a blocking rule has neither an override nor (for the freeze) the Minister's approval.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from bot.config import Settings, load_settings
from bot.events import EventBus
from bot.plans import service, service_approval, service_decree
from bot.plans.service import Destination
from bot.rules import periods
from bot.rules.model import Point
from bot.rules.service import NeedsReason, record_minister_approval
from storage.db import Database
from storage.models import AuditEntry, MoveRuleOverride, PlanMove
from storage.queries import plans as q
from storage.queries.employees import get_employee
from storage.queries.users import grant_role
from tests.factories import add_employee

NOW = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)
HR, APPROVER = 900001, 900002
FREEZE = (date(2027, 3, 1), date(2027, 9, 30))
INSIDE = Destination(None, "Bappeda", "Analis Kebijakan")
OUTSIDE = Destination(None, "Pemerintah Provinsi Jawa Barat", "Analis Kebijakan", None, True)
STATUS_BEFORE: dict[Point, str] = {
    "submit": "draft",
    "approve": "submitted",
    "decree": "consultation",
}
STATUS_AFTER: dict[Point, str] = {"submit": "submitted", "approve": "approved", "decree": "decreed"}


@dataclass(frozen=True)
class Case:
    """One boundary: the employee, the date judged on, the rule expected to block (or None)."""

    on: date
    blocked: str | None
    employee: dict[str, Any] = field(default_factory=dict)
    freeze: bool = False
    approval: bool = False
    out: bool = False


SANCTION = {"disciplinary_sanction": True, "sanction_until": date(2027, 2, 1)}
CASES = {
    "2y-day-before": Case(date(2027, 1, 31), "time_in_position",
                          {"position_tmt": date(2025, 2, 1)}),
    "2y-day-of": Case(date(2027, 2, 1), None, {"position_tmt": date(2025, 2, 1)}),
    "2y-day-after": Case(date(2027, 2, 2), None, {"position_tmt": date(2025, 2, 1)}),
    "sanction-last-day": Case(date(2027, 2, 1), "sanction", SANCTION),
    "sanction-day-after": Case(date(2027, 2, 2), None, SANCTION),
    "freeze-day-before": Case(date(2027, 2, 28), None, freeze=True),
    "freeze-first-day": Case(date(2027, 3, 1), "freeze", freeze=True),
    "freeze-last-day": Case(date(2027, 9, 30), "freeze", freeze=True),
    "freeze-day-after": Case(date(2027, 10, 1), None, freeze=True),
    "freeze-approved-first-day": Case(date(2027, 3, 1), None, freeze=True, approval=True),
    "freeze-approved-last-day": Case(date(2027, 9, 30), None, freeze=True, approval=True),
    "10y-day-before": Case(date(2027, 2, 28), "out_min_service",
                           {"nip": "199003152017031001"}, out=True),
    "10y-reached": Case(date(2027, 3, 1), None, {"nip": "199003152017031001"}, out=True),
    "retirement-day-before": Case(date(2027, 3, 31), None, {"nip": "196903151995031001"}),
    "retirement-reached": Case(date(2027, 4, 1), "retirement", {"nip": "196903151995031001"}),
}  # fmt: skip
POINTS: tuple[Point, ...] = ("add", "submit", "approve", "decree")


def _settings() -> Settings:
    """Default settings (Asia/Jakarta, Bahasa Indonesia, no freeze in the environment)."""
    return load_settings(_env_file=None)


async def _world(db: Database, case: Case) -> tuple[int, int]:
    """HR, an approver, the employee, the freeze period when the case has one, a draft plan."""
    employee_id = await add_employee(db, **case.employee)
    async with db.transaction() as session:
        await grant_role(session, HR, "hr", "test")
        await grant_role(session, APPROVER, "approver", "test")
        if case.freeze:
            await periods.add_period(session, HR, "Pilkada 2027", *FREEZE)
        plan = await service.create_plan(session, HR, "Mutasi 2027")
        return plan.id, employee_id


async def _stored_move(
    session: Any, plan_id: int, employee_id: int, case: Case, point: Point, proposed: date
) -> PlanMove:
    """A move waiting for ``point`` (with the Minister's approval when the case has one)."""
    dest = OUTSIDE if case.out else INSIDE
    return await q.add_move(
        session, plan_id=plan_id, employee_id=employee_id, to_position=dest.position,
        to_agency=dest.unit_name if dest.leaves_agency else "", proposed_tmt=proposed,
        status=STATUS_BEFORE[point], version=1, answer="agree" if point == "decree" else None,
        freeze_approval_number="100/123/OTDA" if case.approval else "",
        freeze_approval_date=date(2027, 2, 15) if case.approval else None,
    )  # fmt: skip


async def _decide(
    session: Any, point: Point, move: PlanMove, on: date, reason: str = ""
) -> tuple[bool, list[str]]:
    """Take the decision of ``point``: (went through, blocking rules still needing a reason)."""
    settings = _settings()
    if point == "submit":
        submitted = await service.submit_plan(
            session, NOW, HR, move.plan_id, settings=settings, override_reason=reason
        )
        blocked = [r.rule for b in submitted.blocked for r in b.judgement.uncovered]
        return submitted.ok, blocked
    if point == "approve":
        decided = await service_approval.decide(
            session, NOW, APPROVER, move.id, "approve", "", settings=settings,
            override_reason=reason,
        )  # fmt: skip
        return decided.done, [
            r.rule for r in decided.judgement.uncovered
        ] if decided.judgement else []
    result = await service_decree.decree_move(
        session, NOW, HR, move.id, 1, "SK/1/2027", on, events=EventBus(), default_locale="id",
        settings=settings, override_reason=reason,
    )  # fmt: skip
    if isinstance(result, NeedsReason):
        return False, [r.rule for r in result.judgement.uncovered]
    return result, []


async def _at_point(db: Database, case: Case, point: Point, reason: str = "") -> list[str]:
    """Run one decision on the case's date; the blocking rules that stopped it."""
    plan_id, employee_id = await _world(db, case)
    async with db.transaction() as session:
        if point == "add":
            employee = await get_employee(session, employee_id)
            assert employee is not None
            added = await service.add_move(
                session, _settings(), plan_id=plan_id, employee=employee,
                dest=OUTSIDE if case.out else INSIDE, tmt=case.on, rationale="Penyegaran",
                override_reason=reason, actor="tg:1",
            )  # fmt: skip
            return [r.rule for r in added.judgement.uncovered] if isinstance(
                added, NeedsReason) else []  # fmt: skip
        move = await _stored_move(session, plan_id, employee_id, case, point, case.on)
        done, blocked = await _decide(session, point, move, case.on, reason)
        assert done is not bool(blocked)
        return blocked


@pytest.mark.parametrize("point", POINTS)
@pytest.mark.parametrize("name", list(CASES))
async def test_rules_at_each_decision_point(db: Database, name: str, point: Point) -> None:
    """Each boundary, judged on the move's date, at each of the four decision points."""
    case = CASES[name]
    expected = case.blocked
    if point == "add" and case.approval:
        expected = "freeze"  # the approval is recorded on the stored move, after adding it
    assert await _at_point(db, case, point) == ([expected] if expected else [])
    moves = list(await _rows(db, PlanMove))
    if expected is None:
        assert [m.status for m in moves] == ["draft" if point == "add" else STATUS_AFTER[point]]


@pytest.mark.parametrize("point", POINTS)
async def test_a_reason_overrides_and_is_kept(db: Database, point: Point) -> None:
    """With a written reason the decision goes on; the override is stored and audited."""
    case = CASES["freeze-first-day"]
    assert await _at_point(db, case, point, reason="Penugasan khusus Bupati") == []
    (override,) = await _rows(db, MoveRuleOverride)
    assert (override.rule, override.point, override.judged_on, override.reason) == (
        "freeze", point, case.on, "Penugasan khusus Bupati")  # fmt: skip
    audits = [e for e in await _rows(db, AuditEntry) if e.action == "move.rule_override"]
    assert [(a.details["warnings"], a.details["point"]) for a in audits] == [(["freeze"], point)]
    (move,) = await _rows(db, PlanMove)
    assert move.warnings == ["freeze"]


async def test_hr_override_carries_to_the_approver(db: Database) -> None:
    """HR's override at adding covers submitting and approving; the approver sees it."""
    case = CASES["sanction-last-day"]
    plan_id, employee_id = await _world(db, case)
    settings = _settings()
    async with db.transaction() as session:
        employee = await get_employee(session, employee_id)
        assert employee is not None
        await service.add_move(
            session, settings, plan_id=plan_id, employee=employee, dest=INSIDE, tmt=case.on,
            rationale="Penyegaran", override_reason="Kebutuhan mendesak", actor="tg:1",
        )  # fmt: skip
        submitted = await service.submit_plan(session, NOW, HR, plan_id, settings=settings)
        view = await service_approval.approval_page(session, settings, plan_id, 0)
        assert submitted.ok and view is not None
        (judgement,) = view.judgements.values()
        override = judgement.override_of("sanction")
        assert override is not None and override.reason == "Kebutuhan mendesak"
        assert (override.point, judgement.judged_on) == ("add", case.on)
        assert [r.rule for r in judgement.problems] == ["sanction"] and not judgement.uncovered
        decided = await service_approval.decide(
            session, NOW, APPROVER, view.rows[0].move.id, "approve", "", settings=settings
        )
    assert decided.done


async def test_a_freeze_added_later_stops_the_submission(db: Database) -> None:
    """A rule that starts to apply after the move was added blocks at the next decision."""
    case = CASES["freeze-first-day"]
    plan_id, employee_id = await _world(db, Case(case.on, None))
    settings = _settings()
    async with db.transaction() as session:
        employee = await get_employee(session, employee_id)
        assert employee is not None
        added = await service.add_move(
            session, settings, plan_id=plan_id, employee=employee, dest=INSIDE, tmt=case.on,
            rationale="Penyegaran", override_reason="", actor="tg:1",
        )  # fmt: skip
        assert not isinstance(added, NeedsReason)
        await periods.add_period(session, HR, "Pilkada 2027", *FREEZE)
        submitted = await service.submit_plan(session, NOW, HR, plan_id, settings=settings)
    assert not submitted.ok
    assert [(b.employee_name, [r.rule for r in b.judgement.uncovered]) for b in
            submitted.blocked] == [("Andi Saputra", ["freeze"])]  # fmt: skip


async def test_the_decree_is_judged_on_the_sk_tmt(db: Database) -> None:
    """Proposed before the freeze, decreed inside it: blocked until the approval is recorded."""
    case = CASES["freeze-first-day"]
    plan_id, employee_id = await _world(db, case)
    async with db.transaction() as session:
        move = await _stored_move(session, plan_id, employee_id, case, "decree", date(2027, 2, 1))
        done, blocked = await _decide(session, "decree", move, case.on)
        assert (done, blocked) == (False, ["freeze"])
        assert await record_minister_approval(session, HR, move.id, "100/9/OTDA", date(2027, 2, 20))
        assert await _decide(session, "decree", move, case.on) == (True, [])
    audits = {e.action for e in await _rows(db, AuditEntry)}
    assert {"move.freeze_approval", "move.decree"} <= audits


async def test_freeze_periods_fall_back_to_the_environment(db: Database) -> None:
    """The env window counts until HR stores a period; then only the stored ones count."""
    settings = load_settings(_env_file=None, aspiration_freeze_from="2027-01-01",
                             aspiration_freeze_until="2027-01-31")  # fmt: skip
    async with db.transaction() as session:
        fallback = await periods.listed_periods(session, settings)
        assert [(p.period_id, p.period.starts_on) for p in fallback] == [(None, date(2027, 1, 1))]
        refused = await periods.add_period(session, HR, "Salah", date(2027, 5, 1), date(2027, 4, 1))
        added = await periods.add_period(session, HR, "Pilkada", *FREEZE)
        stored = await periods.effective_periods(session, settings)
        removed = await periods.remove_period(session, HR, added.period_id or 0)
        again = await periods.remove_period(session, HR, added.period_id or 0)
    assert refused.error == "order" and added.period_id is not None
    assert [(p.starts_on, p.ends_on) for p in stored] == [FREEZE]
    assert (removed, again) == (True, False)
    actions = [e.action for e in await _rows(db, AuditEntry)]
    assert actions == ["freeze.added", "freeze.removed"]


async def _rows(db: Database, model: Any) -> list[Any]:
    """Every row of ``model``, in id order."""
    async with db.transaction() as session:
        return list((await session.execute(select(model).order_by(model.id))).scalars())


async def test_moves_file_to_another_agency_and_position_kinds(db: Database) -> None:
    """``instansi_tujuan`` makes a move out (10-year rule judged); ``jenis_jabatan`` sets
    the kind whose requirements apply (administrator: golongan III/c at least)."""
    from tests.imports_support import run_import

    await add_employee(db, nip="199003152017031001", rank="III/a")
    async with db.transaction() as session:
        await service.create_plan(session, HR, "Mutasi 2027")
    positions = (
        "position_id,title,unit,required_skills,jenis_jabatan\n"
        "A-1,Kepala Bagian Umum,Sekretariat Daerah,administrasi,administrator\n"
    )
    assert (await run_import(db, "positions", positions.encode())).created == 1
    moves = (
        "nip,instansi tujuan,jabatan tujuan,kode formasi,tmt\n"
        "199003152017031001,Pemerintah Provinsi Jawa Barat,Analis,,2027-02-01\n"
    )
    report = await run_import(db, "moves", moves.encode(), "m.csv")
    assert [w.key for w in report.warnings] == ["rules.res_out_too_early"]
    (move,) = await _rows(db, PlanMove)
    assert (move.to_agency, move.to_unit_id, move.warnings) == (
        "Pemerintah Provinsi Jawa Barat", None, ["out_min_service"])  # fmt: skip
    # another employee: the first one's move is live, so no second plan may hold them
    await add_employee(db, nip="199003152017031002", rank="III/a")
    again = moves.replace(",Pemerintah Provinsi Jawa Barat,Analis,,", ",,,A-1,")
    again = again.replace("199003152017031001", "199003152017031002")
    async with db.transaction() as session:
        plan = await service.create_plan(session, HR, "Mutasi 2027 B")
    report = await run_import(db, "moves", again.encode(), "m2.csv", target=plan.id)
    assert [w.key for w in report.warnings] == ["rules.res_rank_range"]
