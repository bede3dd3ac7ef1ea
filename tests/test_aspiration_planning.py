"""An aspiration in planning: which choice names a destination, the move's link, and the
aspiration's status following its move (included → decreed, or not taken) with the
employee told; the question window after a decision (TMT + 30 days)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.aspirations.planning import choice_for
from bot.aspirations.rules import UNDO_WINDOW
from bot.events import EventBus
from bot.plans import consultation as kc
from bot.plans import service, service_approval, service_decree, service_moves
from bot.plans import service_consultation as sc
from bot.plans.jobs import register_consultation_jobs
from bot.plans.service import Destination
from bot.services.clock import FakeClock
from bot.services.scheduler import Scheduler
from bot.texts import t
from storage.db import Database
from storage.models import (
    Aspiration,
    AspirationHistory,
    AspirationWindow,
    OutboxMessage,
    PlanMove,
    Unit,
)
from storage.queries.users import grant_role
from tests.factories import add_employee
from tests.test_plans_service import _settings

NOW = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)
HR, APPROVER, EMPLOYEE_TG = 900001, 900002, 7001
TMT = date(2027, 2, 1)


@pytest.mark.parametrize(
    ("prefs", "unit_id", "unit", "position", "expected"),
    [
        ([{"unit": "Bappeda", "unit_id": 5, "position": "Analis"}], 5, "Bappeda", "Analis", 1),
        ([{"unit": "Bappeda", "unit_id": 5, "position": "Analis"}], 5, "X", " analis ", 1),
        ([{"unit": "Bappeda", "unit_id": 5, "position": "Analis"}], 6, "Bappeda", "Analis", None),
        ([{"unit": "Bappeda", "unit_id": 5, "position": "Analis"}], 5, "Bappeda", "Arsip", None),
        ([{"unit": "Bappeda", "unit_id": 5, "position": ""}], 5, "Bappeda", "Arsip", 1),
        ([{"unit": "Dinas A", "unit_id": 4, "position": ""},
          {"unit": "Bappeda", "unit_id": 5, "position": "Analis"}], 5, "Bappeda", "Analis", 2),
        ([{"unit": "Pemprov", "unit_id": None, "position": "Analis"}], None, "pemprov", "Analis",
         1),
        ([], 5, "Bappeda", "Analis", None),
    ],
)  # fmt: skip
def test_choice_for(
    prefs: list[dict[str, Any]], unit_id: int | None, unit: str, position: str, expected: int | None
) -> None:
    """The rank of the first choice naming the unit (by id, else name) and the post."""
    assert choice_for(prefs, unit_id, unit, position) == expected


@pytest.mark.parametrize(
    ("version", "status", "consulted", "today", "expected"),
    [
        (1, "consultation", True, TMT + timedelta(days=90), ""),
        (2, "consultation", True, TMT, "outdated"),
        (1, "decreed", True, TMT + timedelta(days=30), ""),
        (1, "decreed", True, TMT + timedelta(days=31), "too_late"),
        (1, "done", True, TMT + timedelta(days=30), ""),
        (1, "done", True, TMT + timedelta(days=31), "too_late"),
        (1, "approved", True, TMT, ""),
        (1, "approved", False, TMT, "outdated"),  # approved, never consulted: not told yet
        (1, "cancelled", True, TMT, "outdated"),
        (1, "rejected", False, TMT, "outdated"),
    ],
)
def test_question_window(
    version: int, status: str, consulted: bool, today: date, expected: str
) -> None:
    """ "Tanya BKPSDM" during consultation, and after the decision until TMT + 30 days."""
    assert kc.question_refusal(version, 1, status, consulted, TMT, today) == expected


@pytest.mark.parametrize(
    ("status", "today", "shown"),
    [
        ("decreed", TMT + timedelta(days=400), True),
        ("done", TMT + timedelta(days=30), True),
        ("done", TMT + timedelta(days=31), False),
        ("cancelled", TMT, False),
    ],
)
def test_decided_shown(status: str, today: date, shown: bool) -> None:
    """/usulan keeps decreed moves, and carried-out ones until the question window closes."""
    assert kc.decided_shown(status, True, TMT, today) is shown


async def _world(db: Database, status: str = "accepted") -> tuple[int, int, Destination]:
    """A linked employee with an aspiration (first choice: Bappeda / Analis Kebijakan), HR,
    an approver, a draft plan; returns (plan id, aspiration id, the destination)."""
    employee_id = await add_employee(
        db, nip="199001012015031001", name="Ani Lestari", phone="62811001", telegram_id=EMPLOYEE_TG
    )
    async with db.transaction() as session:
        await grant_role(session, HR, "hr", "test")
        await grant_role(session, APPROVER, "approver", "test")
        unit = Unit(name="Bappeda")
        window = AspirationWindow(
            name="Periode I", starts_at=NOW - timedelta(days=30), ends_at=NOW - timedelta(days=1)
        )
        session.add_all([unit, window])
        await session.flush()
        prefs = [
            {"unit": "Dinas Kesehatan", "unit_id": None, "position": "Arsiparis"},
            {"unit": "Bappeda", "unit_id": unit.id, "position": "Analis Kebijakan"},
        ]
        aspiration = Aspiration(
            reference="ASP-2027-000001", window_id=window.id, employee_id=employee_id,
            status=status, kind="other_unit", preferences=prefs, reason_category="family",
        )  # fmt: skip
        session.add(aspiration)
        plan = await service.create_plan(session, HR, "Mutasi Februari 2027")
        await session.flush()
        return plan.id, aspiration.id, Destination(unit.id, unit.name, "Analis Kebijakan")


async def _add(
    db: Database, plan_id: int, dest: Destination, aspiration: tuple[int, int] | None
) -> service_moves.Saved:
    """HR saves the move (from the aspiration, or typed for the same employee)."""
    async with db.transaction() as session:
        move_employee = (await session.execute(select(Aspiration.employee_id))).scalar_one()
        return await service_moves.save_move(
            session, _settings(), HR, plan_id, move_employee, dest, TMT, "Sesuai aspirasi", "",
            now=NOW, aspiration=aspiration,
        )  # fmt: skip


async def _aspiration(db: Database) -> tuple[str, list[str]]:
    """The aspiration's status and its history actions."""
    async with db.transaction() as session:
        status = (await session.execute(select(Aspiration.status))).scalar_one()
        actions = (
            await session.execute(select(AspirationHistory.action).order_by(AspirationHistory.id))
        ).scalars()
        return status, list(actions)


async def _notices(db: Database) -> list[str]:
    """Texts of the aspiration notices queued for the employee, in order."""
    async with db.transaction() as session:
        rows = await session.execute(
            select(OutboxMessage)
            .where(OutboxMessage.chat_id == EMPLOYEE_TG)
            .order_by(OutboxMessage.id)
        )
        return [m.text for m in rows.scalars() if m.dedup_key.startswith("aspiration-notice")]


async def _submit_and_approve(db: Database, plan_id: int, decision: Any = "approve") -> PlanMove:
    """Submit the plan; the approver decides its move."""
    async with db.transaction() as session:
        await service.submit_plan(session, NOW, HR, plan_id, settings=_settings())
        move = (await session.execute(select(PlanMove))).scalar_one()
        await service_approval.decide(
            session, NOW, APPROVER, move.id, decision, "catatan", settings=_settings()
        )
        return move


async def _decree(db: Database, plan_id: int, move: PlanMove) -> None:
    """Consult, the employee agrees, HR records the decree."""
    scheduler = Scheduler(db, FakeClock(NOW))
    register_consultation_jobs(scheduler, _settings(), lambda: None)
    async with db.transaction() as session:
        await sc.start_consultation(
            session, NOW, HR, plan_id, settings=_settings(), scheduler=scheduler
        )
        await sc.record_answer(
            session, NOW, EMPLOYEE_TG, move.employee_id, move.id, 1, kc.AGREE, default_locale="id"
        )
        assert await service_decree.decree_move(
            session, NOW, HR, move.id, 1, "800/1/2027", TMT, events=EventBus(),
            default_locale="id", settings=_settings(),
        )  # fmt: skip


async def _cancel_move(db: Database, plan_id: int, move: PlanMove) -> None:
    """HR cancels the one move."""
    async with db.transaction() as session:
        assert await service_decree.cancel_move(
            session, NOW, HR, move.id, 1, "ditunda", events=EventBus(), default_locale="id"
        )


async def _cancel_plan(db: Database, plan_id: int, move: PlanMove) -> None:
    """HR cancels the whole plan."""
    async with db.transaction() as session:
        done = await service_decree.cancel_plan(
            session, NOW, HR, plan_id, "ditunda", events=EventBus(), default_locale="id"
        )
        assert done.ok


@pytest.mark.parametrize(
    ("explicit", "decision", "then", "status", "last"),
    [
        (True, "approve", _decree, "decreed", "decree"),
        (False, "approve", _decree, "decreed", "decree"),
        (True, "reject", None, "not_taken", "not_take"),
        (True, "approve", _cancel_move, "not_taken", "not_take"),
        (False, "approve", _cancel_plan, "not_taken", "not_take"),
    ],
)
async def test_aspiration_follows_its_move(
    db: Database, explicit: bool, decision: str, then: Any, status: str, last: str
) -> None:
    """The move carries the aspiration (started from it, or found by its destination); the
    aspiration is "in a plan", then decreed or not taken; each step is told to the employee."""
    plan_id, aspiration_id, dest = await _world(db)
    saved = await _add(db, plan_id, dest, (aspiration_id, 2) if explicit else None)
    assert saved.outcome == "added" and saved.asked is not None and saved.asked.choice == 2
    async with db.transaction() as session:
        move = await session.get(PlanMove, saved.move_id)
        assert move is not None and (move.aspiration_id, move.aspiration_choice) == (
            aspiration_id,
            2,
        )
    assert await _aspiration(db) == ("planned", ["include"])
    move = await _submit_and_approve(db, plan_id, decision)
    if then is not None:
        await then(db, plan_id, move)
    assert await _aspiration(db) == (status, ["include", last])
    notices = await _notices(db)
    assert len(notices) == 2 and "Bappeda" in notices[0] and "Analis Kebijakan" in notices[1]


@pytest.mark.parametrize("status", ["submitted", "rejected", "withdrawn"])
async def test_no_link_without_an_accepted_aspiration(db: Database, status: str) -> None:
    """A move for an employee whose aspiration is not accepted carries no aspiration, and a
    forged start from it is ignored; the aspiration keeps its status."""
    plan_id, aspiration_id, dest = await _world(db, status)
    saved = await _add(db, plan_id, dest, (aspiration_id, 2))
    assert saved.outcome == "added" and saved.asked is None
    assert await _aspiration(db) == (status, [])
    assert await _notices(db) == []


async def test_not_taken_can_be_planned_again(db: Database) -> None:
    """After a cancelled move, the aspiration can go into a plan again."""
    plan_id, aspiration_id, dest = await _world(db)
    await _add(db, plan_id, dest, (aspiration_id, 2))
    async with db.transaction() as session:
        move = (await session.execute(select(PlanMove))).scalar_one()
    await _cancel_move(db, plan_id, move)
    again = await _add(db, plan_id, dest, (aspiration_id, 2))
    assert again.outcome == "added" and again.asked is not None
    assert await _aspiration(db) == ("planned", ["include", "not_take", "include"])


async def test_notices_wait_for_a_fresh_acceptance(db: Database) -> None:
    """Accepted a minute ago (its notice waits out the undo time): a move added and then
    cancelled at once is told after the acceptance, "included" before "not taken"."""
    plan_id, aspiration_id, dest = await _world(db)
    accepted_at = NOW - timedelta(minutes=1)
    async with db.transaction() as session:
        session.add(
            AspirationHistory(
                aspiration_id=aspiration_id, at=accepted_at, actor="BKPSDM",
                actor_telegram_id=HR, action="accept", from_status="submitted",
                to_status="accepted",
            )
        )  # fmt: skip
    await _add(db, plan_id, dest, (aspiration_id, 2))
    async with db.transaction() as session:
        move = (await session.execute(select(PlanMove))).scalar_one()
    await _cancel_move(db, plan_id, move)
    async with db.transaction() as session:
        rows = await session.execute(
            select(OutboxMessage)
            .where(OutboxMessage.dedup_key.startswith("aspiration-notice"))
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        )
        due = [(m.text, m.next_attempt_at) for m in rows.scalars()]
    undo_over = (accepted_at + UNDO_WINDOW["accept"]).replace(tzinfo=None)
    assert [at.replace(tzinfo=None) >= undo_over for _text, at in due] == [True, True]
    assert "Bappeda" in due[0][0] and t("id", "asp.status.not_taken") in due[1][0]
