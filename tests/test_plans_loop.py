"""The approval loop and the decree applied, as services (a session, no Telegram).

A change after approval (keep despite objection, revision, new TMT after the SK) goes back
to the approver with old → new and the objection, the rules judged again on the new TMT;
no one approves what they submitted; no submission without an approver; a carried-out move
changes the roster (unit, position, kind, TMT), writes the position history, moves the
staffed figures and fills the open position; one live move per employee, also in a race.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import delete, select

from bot.events import MOVE_TMT_CHANGED, EventBus, MoveEvent
from bot.plans import consultation as kc
from bot.plans import service, service_approval, service_decree, service_moves
from bot.plans import service_consultation as sc
from bot.plans.service import Busy, Destination
from bot.plans.service_return import NoApprover
from bot.rules.service import NeedsReason
from storage.db import Database, Session
from storage.models import (
    Employee,
    FreezePeriod,
    PlanMove,
    Position,
    PositionHistory,
    RoleGrant,
    Unit,
    WorkloadFigure,
)
from storage.queries import plans as q
from storage.queries.employees import get_employee
from storage.queries.users import grant_role
from tests.factories import UNITS, add_employee
from tests.race import race
from tests.test_plans_service import APPROVER, HR, NOW, _consulting, _keys, _plan, _rows, _settings

SK_TMT = date(2027, 3, 1)


async def _answer(db: Database, move: PlanMove, answer: str) -> None:
    """The employee answers the consultation (an objection with a reason)."""
    async with db.transaction() as session:
        await sc.record_answer(
            session, NOW, 7001, move.employee_id, move.id, move.version, answer,
            category="family", text="Orang tua sakit", default_locale="id",
        )  # fmt: skip


async def _decreed(db: Database, move: PlanMove) -> None:
    """The employee agreed and HR recorded the SK."""
    await _answer(db, move, kc.AGREE)
    async with db.transaction() as session:
        done = await service_decree.decree_move(
            session, NOW, HR, move.id, move.version, "SK/1", SK_TMT, events=EventBus(),
            default_locale="id", settings=_settings(),
        )  # fmt: skip
    assert done is True


async def _change(db: Database, kind: str, move: PlanMove) -> Any:
    """HR changes the approved move: keeps it despite the objection, revises it, or moves
    the SK's TMT."""
    async with db.transaction() as session:
        if kind == "keep":
            return await service_decree.keep_move(
                session, NOW, HR, move.id, move.version, "Kebutuhan mendesak", default_locale="id"
            )
        if kind == "revise":
            dest = Destination(None, "Bappeda", "Perencana Ahli Pertama")
            revised = await service_moves.revise_move(
                session, NOW, HR, move.id, dest, date(2027, 4, 1), "Sesuai keberatan", "",
                settings=_settings(),
            )  # fmt: skip
            return revised.version is not None
        return await service_decree.change_tmt(
            session, NOW, HR, move.id, move.version, date(2027, 4, 1), default_locale="id",
            settings=_settings(),
        )  # fmt: skip


CHANGES = [
    # kind, the employee's answer first, status after approval, what the approver sees change
    ("keep", kc.OBJECT, "consultation", {}),
    ("revise", kc.OBJECT, "approved", {"position": "Perencana Ahli Pertama", "tmt": "2027-04-01"}),
    ("tmt", kc.AGREE, "decreed", {"tmt": "2027-04-01"}),
]


@pytest.mark.parametrize(("kind", "answer", "resumes", "changed"), CHANGES)
@pytest.mark.parametrize("decision", ["approve", "reject"])
async def test_change_after_approval_goes_back_to_the_approver(
    db: Database, kind: str, answer: str, resumes: str, changed: dict[str, str], decision: Any
) -> None:
    """A new version awaits the approver, with old → new and the objection kept; the
    approver is told; once decided it resumes (or ends rejected, the employee told)."""
    _plan_id, (move, _other), _scheduler = await _consulting(db)
    events, seen = EventBus(), []

    async def record(_session: Any, event: MoveEvent) -> None:
        """Remember the TMT change."""
        seen.append(event.effective_date)

    events.subscribe(MOVE_TMT_CHANGED, record)
    if kind == "tmt":
        await _decreed(db, move)
    else:
        await _answer(db, move, answer)
    assert await _change(db, kind, move) is True
    back = (await _rows(db, PlanMove))[0]
    summary = back.change_summary
    assert (back.status, back.version, back.submitted_by) == ("submitted", 2, HR)
    assert summary["kind"] == kind
    assert {k: v for k, v in summary["after"].items() if summary["before"][k] != v} == changed
    assert back.answer == answer  # the objection stays for the approver to read
    assert f"back{move.id}v2:{APPROVER}" in await _keys(db)
    async with db.transaction() as session:
        assert [p.id for p in await service_approval.waiting_plans(session)] == [move.plan_id]
        decided = await service_approval.decide(
            session, NOW, APPROVER, move.id, decision, "Tidak", settings=_settings(),
            events=events,
        )  # fmt: skip
    after = (await _rows(db, PlanMove))[0]
    assert decided.done and after.resume_status == ""
    assert after.status == (resumes if decision == "approve" else "rejected")
    assert f"chg{move.id}v2:{HR}" in await _keys(db)
    assert seen == ([date(2027, 4, 1)] if kind == "tmt" and decision == "approve" else [])
    told = f"cx{move.id}:7001" in await _keys(db)
    assert told is (decision == "reject")


@pytest.mark.parametrize(
    ("new_tmt", "blocked"),
    [(date(2027, 5, 31), False), (date(2027, 6, 1), True), (date(2027, 6, 30), True),
     (date(2027, 7, 1), False)],
)  # fmt: skip
async def test_new_tmt_of_a_decreed_move_is_judged_again(
    db: Database, new_tmt: date, blocked: bool
) -> None:
    """Changing the SK's TMT judges the rules on the new date (a freeze period from 1 to 30
    June): a blocking rule needs HR's reason, kept for the new version."""
    _plan_id, (move, _other), _scheduler = await _consulting(db)
    await _decreed(db, move)
    async with db.transaction() as session:
        session.add(FreezePeriod(name="Pilkada", starts_on=date(2027, 6, 1),
                                 ends_on=date(2027, 6, 30)))  # fmt: skip
    kw: dict[str, Any] = {"default_locale": "id", "settings": _settings()}
    async with db.transaction() as session:
        first = await service_decree.change_tmt(session, NOW, HR, move.id, 1, new_tmt, **kw)
    assert isinstance(first, NeedsReason) is blocked
    if blocked:
        assert [r.rule for r in first.judgement.uncovered] == ["freeze"]  # type: ignore[union-attr]
        async with db.transaction() as session:
            again = await service_decree.change_tmt(
                session, NOW, HR, move.id, 1, new_tmt, override_reason="Izin Mendagri", **kw
            )
        assert again is True
    back = (await _rows(db, PlanMove))[0]
    assert (back.status, back.version, back.decree_tmt) == ("submitted", 2, new_tmt)
    async with db.transaction() as session:
        judged = await service_approval.decide(
            session, NOW, APPROVER, move.id, "approve", "", settings=_settings()
        )
    assert judged.done  # HR's reason for this version covers the approval


@pytest.mark.parametrize("forged", ["approve", "reject"])
async def test_no_one_approves_what_they_submitted(db: Database, forged: Any) -> None:
    """An officer with both roles submits; their own decision is refused whatever the
    button says; another approver decides."""
    plan_id = await _plan(db)
    async with db.transaction() as session:
        await grant_role(session, HR, "approver", "test")
        assert (await service.submit_plan(session, NOW, HR, plan_id, settings=_settings())).ok
    move = (await _rows(db, PlanMove))[0]
    async with db.transaction() as session:
        own = await service_approval.decide(
            session, NOW, HR, move.id, forged, "x", settings=_settings()
        )
    assert own.own and not own.done
    assert (await _rows(db, PlanMove))[0].status == "submitted"
    async with db.transaction() as session:
        other = await service_approval.decide(
            session, NOW, APPROVER, move.id, forged, "x", settings=_settings()
        )
    assert other.done


@pytest.mark.parametrize("kind", ["keep", "revise", "tmt"])
@pytest.mark.parametrize("approvers", [(), (HR,)])
async def test_change_without_another_approver_is_refused(
    db: Database, kind: str, approvers: tuple[int, ...]
) -> None:
    """A change that would go back to an approver no one but HR could be is refused, like a
    submission (``no_approver``), at the button and at the service; nothing changes."""
    _plan_id, (move, _other), _scheduler = await _consulting(db)
    if kind == "tmt":
        await _decreed(db, move)
    else:
        await _answer(db, move, kc.OBJECT)
    before = (await _rows(db, PlanMove))[0]
    keys = await _keys(db)
    async with db.transaction() as session:
        await session.execute(delete(RoleGrant).where(RoleGrant.role == "approver"))
        for telegram_id in approvers:
            await grant_role(session, telegram_id, "approver", "test")
        if kind == "revise":
            assert isinstance(await service_moves.revisable_move(session, move.id, HR), NoApprover)
        else:
            action = "keep" if kind == "keep" else "change_tmt"
            checked = await service_decree.check_action(session, move.id, action, HR)
            assert checked.problem == "no_approver"
    refused = await _change(db, kind, move)
    assert refused is False if kind == "revise" else isinstance(refused, NoApprover)
    after = (await _rows(db, PlanMove))[0]
    assert (after.status, after.version, after.change_summary) == (
        before.status, before.version, before.change_summary)  # fmt: skip
    assert await _keys(db) == keys


@pytest.mark.parametrize(
    ("approvers", "ok"), [((), False), ((HR,), False), ((APPROVER,), True), ((HR, APPROVER), True)]
)
async def test_submission_needs_another_approver(
    db: Database, approvers: tuple[int, ...], ok: bool
) -> None:
    """Without an approver other than the submitter the plan stays a draft (no_approver)."""
    plan_id = await _plan(db)
    async with db.transaction() as session:
        await session.execute(delete(RoleGrant).where(RoleGrant.role == "approver"))
        for telegram_id in approvers:
            await grant_role(session, telegram_id, "approver", "test")
        submitted = await service.submit_plan(session, NOW, HR, plan_id, settings=_settings())
    assert (submitted.ok, submitted.no_approver) == (ok, not ok)
    assert {m.status for m in await _rows(db, PlanMove)} == {"submitted" if ok else "draft"}


async def _world(db: Database, *, quota: int) -> tuple[int, int]:
    """An employee in UNITS[0] and an open position (kind: pelaksana) in UNITS[1] with
    workload figures for both; returns (employee id, position pk)."""
    employee_id = await add_employee(db, telegram_id=7001)  # a fungsional post
    async with db.transaction() as session:
        unit = Unit(name=UNITS[1])
        session.add(unit)
        await session.flush()
        position = Position(
            position_id="F-9", title="Pranata Komputer Ahli Muda", position_kind="pelaksana",
            unit_id=unit.id, unit_name=unit.name, quota=quota,
        )  # fmt: skip
        session.add_all([
            position,
            WorkloadFigure(unit_name=UNITS[0], position="Pranata Komputer Ahli Pertama", need=3,
                           staffed=3),
            WorkloadFigure(unit_name=UNITS[1], position="Pranata Komputer Ahli Muda", need=2,
                           staffed=0),
        ])  # fmt: skip
        await grant_role(session, APPROVER, "approver", "test")
        await session.flush()
        return employee_id, position.id


async def _decreed_move(db: Database, employee_id: int, position_pk: int) -> PlanMove:
    """The employee's move into the open position, approved, agreed and decreed."""
    async with db.transaction() as session:
        position = await q.get_position_by_pk(session, position_pk)
        employee = await get_employee(session, employee_id)
        assert position is not None and employee is not None
        plan = await service.create_plan(session, HR, "Mutasi")
        added = await service.add_move(
            session, _settings(), plan_id=plan.id, employee=employee,
            dest=service.destination_of(position), tmt=date(2027, 2, 1), rationale="x",
            override_reason="", actor="tg:1",
        )  # fmt: skip
        assert isinstance(added, service.Added)
        await service.submit_plan(session, NOW, HR, plan.id, settings=_settings())
        await service_approval.decide(
            session, NOW, APPROVER, added.move.id, "approve", "", settings=_settings()
        )
        values = {"status": "consultation", "answer": kc.AGREE}
        await q.update_move(session, added.move.id, {"status": "approved"}, values)
        move = await q.get_move(session, added.move.id, lock=True)
        assert move is not None
        decreed = await service_decree.decree_move(
            session, NOW, HR, move.id, move.version, "800/1/2027", SK_TMT, events=EventBus(),
            default_locale="id", settings=_settings(),
        )  # fmt: skip
        assert decreed is True
        return move


@pytest.mark.parametrize(("quota", "closed"), [(1, True), (2, False)])
async def test_carried_out_move_changes_the_roster(db: Database, quota: int, closed: bool) -> None:
    """Unit, position, kind and TMT in position change; a history row keeps the old ones;
    staffed −1 at the old unit and position, +1 at the new; a filled position closes."""
    employee_id, position_pk = await _world(db, quota=quota)
    move = await _decreed_move(db, employee_id, position_pk)
    async with db.transaction() as session:
        early = await service_decree.carry_out(session, HR, move.id, date(2027, 2, 28))
        done = await service_decree.carry_out(session, HR, move.id, SK_TMT)
    assert (early.problem, done.problem) == ("before_tmt", "")
    employee = (await _rows(db, Employee))[0]
    units = {u.id: u.name for u in await _rows(db, Unit)}
    assert (units[employee.unit_id], employee.position_title, employee.position_kind,
            employee.position_tmt) == (UNITS[1], "Pranata Komputer Ahli Muda", "pelaksana",
                                       SK_TMT)  # fmt: skip
    (history,) = await _rows(db, PositionHistory)
    assert (history.unit_name, history.position, history.tmt, history.decree_number,
            history.previous_unit_name, history.previous_position, history.previous_tmt) == (
        UNITS[1], "Pranata Komputer Ahli Muda", SK_TMT, "800/1/2027", UNITS[0],
        "Pranata Komputer Ahli Pertama", date(2019, 1, 1))  # fmt: skip
    staffed = {(w.unit_name, w.position): w.staffed for w in await _rows(db, WorkloadFigure)}
    assert staffed == {(UNITS[0], "Pranata Komputer Ahli Pertama"): 2,
                       (UNITS[1], "Pranata Komputer Ahli Muda"): 1}  # fmt: skip
    assert (await _rows(db, Position))[0].open is not closed


FIRST_STATUSES = [
    ("draft", True), ("submitted", True), ("approved", True), ("consultation", True),
    ("decreed", True), ("rejected", False), ("cancelled", False), ("done", False),
]  # fmt: skip


@pytest.mark.parametrize(("first_status", "busy"), FIRST_STATUSES)
async def test_a_live_move_blocks_the_employee_in_another_plan(
    db: Database, first_status: str, busy: bool
) -> None:
    """While a move is live (not rejected, cancelled or done) no other plan takes the person;
    the refusal names the plan."""
    plan_id = await _plan(db, 1)
    move = (await _rows(db, PlanMove))[0]
    async with db.transaction() as session:
        await q.update_move(session, move.id, {}, {"status": first_status})
        other = await service.create_plan(session, HR, "Rencana kedua")
        saved = await service_moves.save_move(
            session, _settings(), HR, other.id, move.employee_id, service_moves.Destination(
                None, "Bappeda", "Analis"), date(2027, 2, 1), "x", "",
            now=datetime(2026, 11, 27, tzinfo=UTC),
        )  # fmt: skip
    assert (saved.outcome == "already") is busy
    if busy:
        assert saved.busy == Busy("Ani Lestari", move.id, plan_id, "Mutasi Januari 2027")


async def test_two_officers_add_one_employee_to_two_plans_at_once(db: Database) -> None:
    """Both read "no live move" before either commits; the employee's row is held, so the
    second sees the first move and is refused."""
    employee_id = await add_employee(db)
    async with db.transaction() as session:
        plans = [(await service.create_plan(session, HR, f"R{i}")).id for i in (1, 2)]

    def adder(plan_id: int) -> Any:
        async def add(session: Session) -> str:
            employee = await get_employee(session, employee_id)
            assert employee is not None
            added = await service.add_move(
                session, _settings(), plan_id=plan_id, employee=employee,
                dest=Destination(None, "Bappeda", "Analis"), tmt=date(2027, 2, 1),
                rationale="x", override_reason="", actor="tg:1",
            )  # fmt: skip
            return type(added).__name__

        return add

    first, second = await race(db, adder(plans[0]), adder(plans[1]))
    assert (first, second) == ("Added", "Busy")
    async with db.transaction() as session:
        rows = (await session.execute(select(PlanMove.plan_id))).scalars().all()
    assert list(rows) == [plans[0]]


async def test_carried_out_move_out_of_the_agency(db: Database) -> None:
    """A move to another agency: history row naming the agency, the old unit's staffed −1,
    the employee inactive in the roster (unit and position as they were)."""
    employee_id = await add_employee(db)
    async with db.transaction() as session:
        session.add(WorkloadFigure(unit_name=UNITS[0], position="Pranata Komputer Ahli Pertama",
                                   need=3, staffed=3))  # fmt: skip
        employee = await get_employee(session, employee_id)
        assert employee is not None
        plan = await service.create_plan(session, HR, "Mutasi keluar")
        added = await service.add_move(
            session, _settings(), plan_id=plan.id, employee=employee,
            dest=Destination(None, "Pemprov Jawa Barat", "Analis", leaves_agency=True),
            tmt=date(2027, 2, 1), rationale="x", override_reason="Permintaan Pemprov",
            actor="tg:1",
        )  # fmt: skip
        assert isinstance(added, service.Added)
        values = {"status": "decreed", "decree_tmt": SK_TMT, "decree_number": "800/9"}
        await q.update_move(session, added.move.id, {}, values)
        done = await service_decree.carry_out(session, HR, added.move.id, SK_TMT)
    assert done.problem == ""
    employee = (await _rows(db, Employee))[0]
    (history,) = await _rows(db, PositionHistory)
    assert (employee.active, employee.position_title) == (False, "Pranata Komputer Ahli Pertama")
    assert (history.unit_name, history.position, history.decree_number) == (
        "Pemprov Jawa Barat", "Analis", "800/9")  # fmt: skip
    assert [w.staffed for w in await _rows(db, WorkloadFigure)] == [2]
