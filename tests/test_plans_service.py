"""The plan workflows as services: a session and plain values in, results out, no Telegram.

Submit, decide, consult and answer, decree and cancel; compare-and-set status changes;
notices as outbox rows (by dedup key); reminders as scheduler items; move events.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select, text

from bot.config import Settings, load_settings
from bot.events import MOVE_CANCELLED, MOVE_DECREED, MOVE_TMT_CHANGED, EventBus, MoveEvent
from bot.plans import buttons, service, service_approval, service_decree, service_questions
from bot.plans import consultation as kc
from bot.plans import service_consultation as sc
from bot.plans.jobs import register_consultation_jobs
from bot.plans.service import Destination
from bot.services.clock import FakeClock
from bot.services.scheduler import Scheduler
from storage.db import Database
from storage.models import AuditEntry, OutboxMessage, PlanMove, ScheduledItem
from storage.queries import plans as q
from storage.queries.employees import get_employee
from storage.queries.users import grant_role
from tests.factories import add_employee

NOW = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)
HR, APPROVER = 900001, 900002
PEOPLE = [(7001, "199001012015031001", "Ani Lestari"), (7002, "199002022015031002", "Bayu")]
DEST = Destination(None, "Bappeda", "Analis Kebijakan")


def _settings() -> Settings:
    """Default settings (Asia/Jakarta, Bahasa Indonesia)."""
    return load_settings(_env_file=None)


async def _plan(db: Database, moves: int = 2) -> int:
    """A draft plan with ``moves`` moves of linked employees; HR and an approver exist."""
    ids = [
        await add_employee(db, nip=nip, name=name, phone=f"62811{tg}", telegram_id=tg)
        for tg, nip, name in PEOPLE[:moves]
    ]
    async with db.transaction() as session:
        await grant_role(session, HR, "hr", "test")
        await grant_role(session, APPROVER, "approver", "test")
        plan = await service.create_plan(session, HR, "Mutasi Januari 2027")
        for employee_id in ids:
            employee = await get_employee(session, employee_id)
            assert employee is not None
            await service.add_move(
                session, _settings(), plan_id=plan.id, employee=employee, dest=DEST,
                tmt=date(2027, 2, 1), rationale="Penguatan layanan", override_reason="",
                actor="tg:1",
            )  # fmt: skip
        return plan.id


async def _rows(db: Database, model: Any) -> list[Any]:
    """Every row of ``model``, in id order."""
    async with db.transaction() as session:
        return list((await session.execute(select(model).order_by(model.id))).scalars())


async def _keys(db: Database) -> set[str]:
    """Dedup keys of the queued outbox rows."""
    return {str(m.dedup_key) for m in await _rows(db, OutboxMessage)}


async def _consulting(db: Database) -> tuple[int, list[PlanMove], Scheduler]:
    """A plan whose two moves were approved and sent for consultation."""
    plan_id = await _plan(db)
    scheduler = Scheduler(db, FakeClock(NOW))
    register_consultation_jobs(scheduler, _settings(), lambda: None)
    async with db.transaction() as session:
        await service.submit_plan(session, NOW, HR, plan_id, settings=_settings())
        for move in await q.moves_of(session, plan_id):
            await service_approval.decide(
                session, NOW, APPROVER, move.id, "approve", "", settings=_settings()
            )
        sent = await sc.start_consultation(
            session, NOW, HR, plan_id, settings=_settings(), scheduler=scheduler
        )
    assert sent == sc.Consulted(2, 0)
    return plan_id, await _rows(db, PlanMove), scheduler


@pytest.mark.parametrize(("moves", "ok"), [(0, False), (2, True)])
async def test_submit_once(db: Database, moves: int, ok: bool) -> None:
    """A draft with moves goes to the approvers once; an empty plan or a repeat is refused."""
    plan_id = await _plan(db, moves)
    async with db.transaction() as session:
        first = await service.submit_plan(session, NOW, HR, plan_id, settings=_settings())
        again = await service.submit_plan(session, NOW, HR, plan_id, settings=_settings())
    assert (first.ok, first.count, again.ok) == (ok, moves, False)
    assert {m.status for m in await _rows(db, PlanMove)} == ({"submitted"} if ok else set())
    assert (f"plan{plan_id}sub:{APPROVER}" in await _keys(db)) is ok


@pytest.mark.parametrize("decision", ["approve", "reject"])
async def test_decide_activates_plan_and_tells_hr(db: Database, decision: Any) -> None:
    """Each move is decided once; the last decision activates the plan and HR is told."""
    plan_id = await _plan(db)
    async with db.transaction() as session:
        await service.submit_plan(session, NOW, HR, plan_id, settings=_settings())
    first, second = await _rows(db, PlanMove)
    async with db.transaction() as session:
        done = await service_approval.decide(
            session, NOW, APPROVER, first.id, decision, "catatan", settings=_settings()
        )
        assert (await q.get_plan(session, plan_id)).status == "submitted"  # type: ignore[union-attr]
        await service_approval.decide(
            session, NOW, APPROVER, second.id, "approve", "", settings=_settings()
        )
        repeat = await service_approval.decide(
            session, NOW, APPROVER, first.id, "approve", "", settings=_settings()
        )
        assert (await q.get_plan(session, plan_id)).status == "active"  # type: ignore[union-attr]
    expected = "approved" if decision == "approve" else "rejected"
    assert done.done and done.status == expected
    assert not repeat.done and repeat.status == expected
    assert f"plan{plan_id}dec:{HR}" in await _keys(db)


@pytest.mark.parametrize(
    ("answer", "category", "hr_told"),
    [(kc.AGREE, "", False), (kc.AGREE_NOTES, "", False), (kc.OBJECT, "family", True)],
)
async def test_answer_once(db: Database, answer: str, category: str, hr_told: bool) -> None:
    """An answer is stored once, stops the move's reminders; objections reach HR."""
    _plan_id, (move, _other), _scheduler = await _consulting(db)
    employee_id = move.employee_id
    async with db.transaction() as session:
        first = await sc.record_answer(
            session, NOW, 7001, employee_id, move.id, 1, answer, category=category,
            text="alasan", default_locale="id",
        )  # fmt: skip
        again = await sc.record_answer(
            session, NOW, 7001, employee_id, move.id, 1, kc.AGREE, default_locale="id"
        )
    assert (first, again) == ("recorded", "already")
    stored = (await _rows(db, PlanMove))[0]
    assert (stored.answer, stored.answer_category) == (answer, category)
    items = {(i.ref_id, i.status) for i in await _rows(db, ScheduledItem)}
    assert items == {(move.id, "cancelled"), (_other.id, "pending")}
    assert (f"obj{move.id}v1:{HR}" in await _keys(db)) is hr_told


@pytest.mark.parametrize(
    ("employee", "version", "outcome"),
    [("other", 1, "not_yours"), (None, 1, "not_yours"), ("own", 2, "outdated")],
)
async def test_answer_refused(
    db: Database, employee: str | None, version: int, outcome: str
) -> None:
    """Someone else's move (a forged button) or an old version is refused, nothing stored."""
    _plan_id, (move, other), _scheduler = await _consulting(db)
    employee_id = {"own": move.employee_id, "other": other.employee_id, None: None}[employee]
    async with db.transaction() as session:
        result = await sc.record_answer(
            session, NOW, 7002, employee_id, move.id, version, kc.AGREE, default_locale="id"
        )
    assert result == outcome
    assert (await _rows(db, PlanMove))[0].answer is None


async def test_status_change_is_compare_and_set(db: Database) -> None:
    """A move changed by someone else after it was read is not changed again (no audit)."""
    plan_id = await _plan(db, 1)
    async with db.transaction() as session:
        await service.submit_plan(session, NOW, HR, plan_id, settings=_settings())
    async with db.transaction() as session:
        move = (await q.moves_of(session, plan_id))[0]
        await session.execute(text("UPDATE plan_moves SET status = 'rejected'"))
        changed = await service.set_status(session, move, "approve", "tg:2")
    assert not changed
    assert (await _rows(db, PlanMove))[0].status == "rejected"
    assert "move.approve" not in {e.action for e in await _rows(db, AuditEntry)}


async def test_decree_tmt_and_cancel_emit_events(db: Database) -> None:
    """Decree, TMT change and plan cancel emit their events; a stale version changes nothing."""
    plan_id, (ani, bayu), _scheduler = await _consulting(db)
    events = EventBus()
    seen: list[tuple[str, MoveEvent]] = []
    for name in (MOVE_DECREED, MOVE_TMT_CHANGED, MOVE_CANCELLED):

        async def record(_session: Any, event: MoveEvent, name: str = name) -> None:
            """Remember the event."""
            seen.append((name, event))

        events.subscribe(name, record)
    kw: dict[str, Any] = {"events": events, "default_locale": "id"}
    decree_kw: dict[str, Any] = {**kw, "settings": _settings()}
    async with db.transaction() as session:
        await sc.record_answer(
            session, NOW, 7001, ani.employee_id, ani.id, 1, kc.AGREE, default_locale="id"
        )
        stale = await service_decree.decree_move(
            session, NOW, HR, ani.id, 9, "SK/1", date(2027, 3, 1), **decree_kw
        )
        decreed = await service_decree.decree_move(
            session, NOW, HR, ani.id, 1, "SK/1", date(2027, 3, 1), **decree_kw
        )
        moved = await service_decree.change_tmt(
            session, NOW, HR, ani.id, 1, date(2027, 4, 1), default_locale="id",
            settings=_settings(),
        )  # fmt: skip
        assert [n for n, _e in seen] == [MOVE_DECREED]  # the new TMT waits for the approver
        approved = await service_approval.decide(
            session, NOW, APPROVER, ani.id, "approve", "", settings=_settings(), events=events
        )
        assert approved.done and (await q.get_move(session, ani.id, lock=True)).status == "decreed"
        cancelled = await service_decree.cancel_plan(session, NOW, HR, plan_id, "ditunda", **kw)
    assert (stale, decreed, moved) == (False, True, True)
    assert cancelled == service_decree.PlanCancelled(True, plan_id, 2, 2)
    assert [(n, e.move_id, e.effective_date) for n, e in seen] == [
        (MOVE_DECREED, ani.id, date(2027, 3, 1)),
        (MOVE_TMT_CHANGED, ani.id, date(2027, 4, 1)),
        (MOVE_CANCELLED, ani.id, date(2027, 4, 1)),
    ]
    assert {f"sk{ani.id}:7001", f"cx{ani.id}:7001", f"cx{bayu.id}:7002"} <= await _keys(db)


async def test_question_answered_once(db: Database) -> None:
    """An employee's question reaches HR; HR's answer is stored and sent once."""
    _plan_id, (move, _other), _scheduler = await _consulting(db)
    async with db.transaction() as session:
        asked = await service_questions.ask_question(
            session,
            NOW,
            NOW.date(),
            7001,
            move.employee_id,
            move.id,
            1,
            "Tunjangan?",
            default_locale="id",
        )
        (question, _employee), *_ = await service_questions.open_questions(session)
        first = await service_questions.answer_question(
            session, NOW, HR, question.id, "Ya.", default_locale="id"
        )
        again = await service_questions.answer_question(
            session, NOW, HR, question.id, "Tidak.", default_locale="id"
        )
    assert (asked, first, again) == ("ok", True, False)
    assert {f"q{question.id}:{HR}", f"qa{question.id}:7001"} <= await _keys(db)


def test_objection_categories_match_the_buttons() -> None:
    """Every objection category of the domain has a typed button value, and back."""
    assert buttons.CATEGORIES == kc.OBJECTION_CATEGORIES
