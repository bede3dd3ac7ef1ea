"""Employee aspiration workflows as services: begin, submit, resubmit, withdraw (no Telegram)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from bot.aspirations import service, submission
from bot.aspirations.service import Editing, Fresh, Locked, NotForUnit, NotYours, NoWindow
from bot.aspirations.submission import (
    CannotWithdraw,
    ConfirmWithdrawal,
    Incomplete,
    Stale,
    Submitted,
    WindowClosed,
    Withdrawn,
)
from storage.db import Database
from storage.models import Aspiration, AspirationWindow
from tests.aspiration_fixtures import (
    EMP_TG,
    NOW,
    OTHER_TG,
    TZ,
    Rules,
    add_window,
    aspirations,
    complete_draft,
    employee,
    history_actions,
)
from tests.factories import add_employee


async def _submit(db: Database, employee_id: int, draft: dict[str, object]) -> object:
    """Submit ``draft`` for the employee in one transaction."""
    emp = await employee(db, employee_id)
    async with db.transaction() as session:
        return await submission.submit(session, NOW, TZ, EMP_TG, emp, draft)


async def test_submit_stores_reference_history_and_flags(db: Database) -> None:
    """A new aspiration gets a reference of the local year, one history row, its eligibility."""
    emp_id = await add_employee(db, telegram_id=EMP_TG)
    window_id = await add_window(db)
    draft = complete_draft(window_id, problems=[["sanction", {}]])
    result = await _submit(db, emp_id, draft)
    [asp] = await aspirations(db)
    assert result == Submitted(f"ASP-2026-{asp.id:06d}", "submitted")
    assert asp.eligible is False and asp.eligibility_problems == ["sanction"]
    assert asp.submitted_at == NOW
    assert await history_actions(db) == ["submit"]


@pytest.mark.parametrize(
    ("draft_change", "window", "expected"),
    [
        ({"reason_text": ""}, (-1, 10), Incomplete),
        ({}, (-10, -1), WindowClosed),
        ({"window_id": 999}, (-1, 10), WindowClosed),
    ],
)
async def test_submit_refused_writes_nothing(
    db: Database, draft_change: dict[str, object], window: tuple[int, int], expected: type
) -> None:
    """An incomplete draft or a closed (or unknown) window stores nothing."""
    emp_id = await add_employee(db, telegram_id=EMP_TG)
    window_id = await add_window(db, start_days=window[0], end_days=window[1])
    draft = {**complete_draft(window_id), **draft_change}
    result = await _submit(db, emp_id, draft)
    assert isinstance(result, expected)
    assert await aspirations(db) == []


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("submitted", "change"),
        ("verified", "resubmit"),
        ("returned", "resubmit"),
        ("withdrawn", "resubmit"),
    ],
)
async def test_second_submission_changes_or_resubmits(
    db: Database, status: str, action: str
) -> None:
    """Sending again updates the same row: a change, or a resubmission from another status."""
    emp_id = await add_employee(db, telegram_id=EMP_TG)
    window_id = await add_window(db)
    await _submit(db, emp_id, complete_draft(window_id))
    async with db.transaction() as session:
        await session.execute(update(Aspiration).values(status=status))
    result = await _submit(db, emp_id, complete_draft(window_id, relocate=False))
    [asp] = await aspirations(db)
    assert isinstance(result, Submitted) and result.status == "submitted"
    assert asp.status == "submitted" and asp.willing_to_relocate is False
    assert await history_actions(db) == ["submit", action]


async def test_resubmission_loses_to_a_decision_made_meanwhile(db: Database) -> None:
    """The status changed after the aspiration was read: compare-and-set writes nothing."""
    emp_id = await add_employee(db, telegram_id=EMP_TG)
    window_id = await add_window(db)
    await _submit(db, emp_id, complete_draft(window_id))
    emp = await employee(db, emp_id)
    async with db.transaction() as session:
        asp = (await session.execute(select(Aspiration))).scalar_one()
        assert asp.status == "submitted"
        await session.execute(
            update(Aspiration)
            .values(status="accepted")
            .execution_options(synchronize_session=False)
        )
        result = await submission.submit(
            session, NOW, TZ, EMP_TG, emp, complete_draft(window_id, relocate=False)
        )
    assert result == Stale(str(asp.reference), "accepted")
    [stored] = await aspirations(db)
    assert stored.willing_to_relocate is True and stored.status == "accepted"
    assert await history_actions(db) == ["submit"]


async def test_begin_outcomes(db: Database) -> None:
    """No window (with the next), not for the unit, a fresh draft, then the sent one."""
    emp_id = await add_employee(db, telegram_id=EMP_TG, position_tmt=date(2025, 12, 1))
    rules, today = Rules(), NOW.astimezone(TZ).date()
    upcoming = await add_window(db, start_days=5, end_days=9)

    async def begin() -> service.Start:
        """What /aspirasi opens now."""
        emp = await employee(db, emp_id)
        async with db.transaction() as session:
            return await service.begin(session, NOW, today, rules, emp)

    first = await begin()
    assert isinstance(first, NoWindow) and first.upcoming and first.upcoming.id == upcoming
    window_id = await add_window(db, unit_ids=[999])
    assert isinstance(await begin(), NotForUnit)
    await _reset_units(db, window_id)
    fresh = await begin()
    assert isinstance(fresh, Fresh) and fresh.draft["window_id"] == window_id
    assert [code for code, _ in fresh.draft["problems"]] == ["too_short"]
    await _submit(db, emp_id, complete_draft(window_id))
    editing = await begin()
    assert isinstance(editing, Editing) and editing.status == "submitted"
    assert editing.draft["editing"] is True and editing.draft["kind"] == "other_unit"
    async with db.transaction() as session:
        await session.execute(update(Aspiration).values(status="accepted"))
    locked = await begin()
    assert isinstance(locked, Locked) and locked.final


async def _reset_units(db: Database, window_id: int) -> None:
    """Open a window to every unit."""
    async with db.transaction() as session:
        await session.execute(
            update(AspirationWindow).where(AspirationWindow.id == window_id).values(unit_ids=[])
        )


async def test_withdraw_only_own_and_after_confirmation(db: Database) -> None:
    """Someone else's id is refused; the owner confirms, then cannot withdraw twice."""
    emp_id = await add_employee(db, telegram_id=EMP_TG)
    other_id = await add_employee(
        db, nip="199101012015031002", phone="6281100000002", telegram_id=OTHER_TG
    )
    window_id = await add_window(db)
    await _submit(db, emp_id, complete_draft(window_id))
    [asp] = await aspirations(db)

    async def withdraw(who: int, confirmed: bool) -> object:
        """One withdrawal attempt."""
        emp = await employee(db, who)
        async with db.transaction() as session:
            return await submission.withdraw(session, NOW, emp, EMP_TG, asp.id, confirmed=confirmed)

    assert isinstance(await withdraw(other_id, True), NotYours)
    assert await withdraw(emp_id, False) == ConfirmWithdrawal(str(asp.reference))
    assert (await aspirations(db))[0].status == "submitted"
    assert await withdraw(emp_id, True) == Withdrawn(str(asp.reference))
    assert await withdraw(emp_id, True) == CannotWithdraw("withdrawn")
    assert await history_actions(db) == ["submit", "withdraw"]
