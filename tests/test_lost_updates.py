"""Status changes are compare-and-set: two transactions read the same row, exactly one wins.

Each test runs two workflows in overlapping transactions (``tests.race``) on SQLite and
PostgreSQL. SQLite ignores ``FOR UPDATE``, so only an ``UPDATE … WHERE status = :old``
whose row count is checked keeps the second writer from overwriting the first.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.aspirations import review, submission
from bot.aspirations.review import Decided
from bot.delivery import recipients
from bot.delivery import service as broadcasts
from bot.events import EventBus
from bot.plans import consultation as kc
from bot.plans import service, service_approval, service_decree
from bot.plans import service_consultation as sc
from bot.surveys import service as surveys
from storage.db import Database, Session
from storage.models import Broadcast, OutboxMessage, PlanMove
from storage.models.surveys import SurveyParticipation, SurveyResponse
from storage.queries import plans as q
from tests.aspiration_fixtures import (
    EMP_TG,
    HR_TG,
    NOW,
    TZ,
    aspirations,
    complete_draft,
    employee,
    history_actions,
    outbox,
)
from tests.factories import add_employee
from tests.race import race
from tests.test_aspirations_review import _submitted
from tests.test_plans_service import APPROVER, HR, _consulting, _plan, _settings
from tests.test_plans_service import NOW as PLAN_NOW
from tests.test_surveys_service import NOW as SURVEY_NOW
from tests.test_surveys_service import _invited

OTHER_HR = HR_TG + 1


async def _count(db: Database, model: Any) -> int:
    """Rows of ``model``."""
    async with db.transaction() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


# -- aspirations -------------------------------------------------------------------------


async def test_two_officers_decide_one_aspiration(db: Database) -> None:
    """Accept and reject at once: one decision, one history entry, one notice."""
    asp_id = await _submitted(db)
    accepted, rejected = await race(
        db,
        lambda s: review.decide(s, NOW, HR_TG, asp_id, "accept", "", "id"),
        lambda s: review.decide(s, NOW, OTHER_HR, asp_id, "reject", "Formasi penuh.", "id"),
    )
    assert isinstance(accepted, Decided) and not isinstance(rejected, Decided)
    assert (await aspirations(db))[0].status == "accepted"
    assert await history_actions(db) == ["submit", "accept"]
    assert len(await outbox(db)) == 1


@pytest.mark.parametrize("first", ["employee", "hr"])
async def test_withdraw_against_a_decision(db: Database, first: str) -> None:
    """The employee withdraws while HR accepts: the first wins, the other changes nothing."""
    asp_id = await _submitted(db)
    emp = await employee(db, (await aspirations(db))[0].employee_id)

    def withdraw(s: Session) -> Any:
        return submission.withdraw(s, NOW, emp, EMP_TG, asp_id, confirmed=True)

    def accept(s: Session) -> Any:
        return review.decide(s, NOW, HR_TG, asp_id, "accept", "", "id")

    calls = (withdraw, accept) if first == "employee" else (accept, withdraw)
    won, lost = await race(db, *calls)
    assert isinstance(won, submission.Withdrawn | Decided)
    assert not isinstance(lost, submission.Withdrawn | Decided)
    expected = "withdrawn" if first == "employee" else "accepted"
    assert (await aspirations(db))[0].status == expected
    assert await history_actions(db) == ["submit", "withdraw" if first == "employee" else "accept"]


async def test_resubmission_against_a_rejection(db: Database) -> None:
    """A returned aspiration is resubmitted while HR rejects it: exactly one of them happens."""
    asp_id = await _submitted(db)
    async with db.transaction() as session:
        await review.decide(session, NOW, HR_TG, asp_id, "return", "Lengkapi.", "id")
    stored = (await aspirations(db))[0]
    emp = await employee(db, stored.employee_id)
    draft = complete_draft(stored.window_id, relocate=False)
    resubmitted, rejected = await race(
        db,
        lambda s: submission.submit(s, NOW, TZ, EMP_TG, emp, draft),
        lambda s: review.decide(s, NOW, HR_TG, asp_id, "reject", "Tidak memenuhi.", "id"),
    )
    assert isinstance(resubmitted, submission.Submitted) and not isinstance(rejected, Decided)
    [after] = await aspirations(db)
    assert after.status == "submitted" and after.willing_to_relocate is False
    assert await history_actions(db) == ["submit", "return", "resubmit"]


# -- plans -------------------------------------------------------------------------------


async def _submitted_plan(db: Database, moves: int) -> tuple[int, list[PlanMove]]:
    """A plan with ``moves`` moves waiting for the approver."""
    plan_id = await _plan(db, moves)
    async with db.transaction() as session:
        await service.submit_plan(session, PLAN_NOW, HR, plan_id, settings=_settings())
        return plan_id, await q.moves_of(session, plan_id)


def _approval(approver: int, move_id: int, decision: Any, note: str = "") -> Any:
    """An approver's decision on a move (a workflow for ``race``)."""
    return lambda s: service_approval.decide(
        s, PLAN_NOW, approver, move_id, decision, note, settings=_settings()
    )


async def test_two_approvers_decide_one_move(db: Database) -> None:
    """Approve and reject one move at once: one decision stands."""
    _plan_id, [move] = await _submitted_plan(db, 1)
    approved, rejected = await race(
        db, _approval(APPROVER, move.id, "approve"), _approval(APPROVER + 1, move.id, "reject", "X")
    )
    assert approved.done and not rejected.done
    async with db.transaction() as session:
        assert (await q.get_move(session, move.id)).status == "approved"  # type: ignore[union-attr]


async def test_the_last_two_decisions_at_once_activate_the_plan(db: Database) -> None:
    """Two approvers decide the last two moves together: the plan still becomes active."""
    plan_id, (first, second) = await _submitted_plan(db, 2)
    one, two = await race(
        db, _approval(APPROVER, first.id, "approve"), _approval(APPROVER + 1, second.id, "approve")
    )
    assert one.done and two.done
    async with db.transaction() as session:
        assert (await q.get_plan(session, plan_id)).status == "active"  # type: ignore[union-attr]


async def _decree_ready(db: Database) -> PlanMove:
    """A move in consultation the employee agreed to."""
    _plan_id, (ani, _bayu), _scheduler = await _consulting(db)
    async with db.transaction() as session:
        await sc.record_answer(
            session, PLAN_NOW, 7001, ani.employee_id, ani.id, 1, kc.AGREE, default_locale="id"
        )
    return ani


def _decree(move_id: int, number: str) -> Any:
    """Record decree ``number`` for the move (a workflow for ``race``)."""
    kw: dict[str, Any] = {"events": EventBus(), "default_locale": "id", "settings": _settings()}
    return lambda s: service_decree.decree_move(
        s, PLAN_NOW, HR, move_id, 1, number, date(2027, 3, 1), **kw
    )


async def test_two_officers_decree_one_move(db: Database) -> None:
    """Two decrees for one move at once: one SK number is kept."""
    ani = await _decree_ready(db)
    first, second = await race(db, _decree(ani.id, "SK/1"), _decree(ani.id, "SK/2"))
    assert (first, second) == (True, False)
    async with db.transaction() as session:
        move = await q.get_move(session, ani.id)
    assert move is not None and (move.status, move.decree_number) == ("decreed", "SK/1")


@pytest.mark.parametrize("first", ["carry_out", "cancel"])
async def test_carry_out_against_cancel(db: Database, first: str) -> None:
    """A decreed move is marked done while another officer cancels it: exactly one happens."""
    ani = await _decree_ready(db)
    async with db.transaction() as session:
        assert await _decree(ani.id, "SK/1")(session)
    kw: dict[str, Any] = {"events": EventBus(), "default_locale": "id"}

    async def carry_out(s: Session) -> bool:
        return not (await service_decree.carry_out(s, HR, ani.id)).problem

    def cancel(s: Session) -> Any:
        return service_decree.cancel_move(s, PLAN_NOW, HR + 1, ani.id, 1, "ditunda", **kw)

    won, lost = await race(
        db, *((carry_out, cancel) if first == "carry_out" else (cancel, carry_out))
    )
    assert (won, lost) == (True, False)
    async with db.transaction() as session:
        move = await q.get_move(session, ani.id)
    assert move is not None and move.status == ("done" if first == "carry_out" else "cancelled")


# -- broadcasts --------------------------------------------------------------------------


@pytest.mark.parametrize("first", ["cancel", "send"])
async def test_cancel_against_the_scheduled_send(db: Database, first: str) -> None:
    """HR cancels a scheduled announcement as it fires: cancelled with no rows, or sent."""
    await add_employee(db, telegram_id=7301)
    now = datetime(2030, 1, 1, tzinfo=UTC)
    draft = broadcasts.BroadcastDraft.of({"text": "Rapat", "audience": {"kind": "all"}})

    async def no_schedule(*_args: Any) -> None:
        """The scheduler row is not needed here."""

    async with db.transaction() as session:
        made = await broadcasts.schedule(
            session, now, HR, draft, now + timedelta(hours=1), no_schedule
        )
    bid = made.broadcast_id  # type: ignore[union-attr]

    def cancel(s: Session) -> Any:
        return broadcasts.cancel_scheduled(s, now, HR, bid)

    def send(s: Session) -> Any:
        return recipients.materialize_broadcast(s, bid, now)

    won, lost = await race(db, *((cancel, send) if first == "cancel" else (send, cancel)))
    async with db.transaction() as session:
        status = (await session.get(Broadcast, bid)).status  # type: ignore[union-attr]
    rows = await _count(db, OutboxMessage)
    if first == "cancel":
        assert won.ok and lost == 0 and status == "cancelled" and rows == 0
    else:
        assert won == 1 and not lost.ok and status == "queued" and rows == 1


# -- surveys -----------------------------------------------------------------------------


async def test_survey_submitted_twice_at_once(db: Database) -> None:
    """The same answers sent from two devices at once are stored once."""
    [(emp, pid)] = await _invited(db)
    async with db.transaction() as session:
        await surveys.start(session, SURVEY_NOW, emp, pid)
    async with db.transaction() as session:
        await surveys.change(session, SURVEY_NOW, emp, pid, 0, surveys.answer_with("4"))
    async with db.transaction() as session:
        await surveys.change(session, SURVEY_NOW, emp, pid, 1, surveys.skip_question)
    today = SURVEY_NOW.date()
    one, two = await race(
        db,
        lambda s: surveys.submit(s, SURVEY_NOW, emp, pid, today),
        lambda s: surveys.submit(s, SURVEY_NOW, emp, pid, today),
    )
    assert isinstance(one, surveys.Finished) and isinstance(two, surveys.Refused)
    assert await _count(db, SurveyResponse) == 1
    async with db.transaction() as session:
        part = await session.get(SurveyParticipation, pid)
    assert part is not None and part.status == "finished"
