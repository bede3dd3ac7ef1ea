"""Follow-up cases, called with a session: opened only by the employee's own yes after an
anonymous survey, named but holding nothing of the answers; owners rotate; HR's actions
are compare-and-set and audited; a corrective move opens a draft plan."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import inspect, select

from bot.followup import CASES_PAGE, corrective
from bot.followup import service as cases
from bot.followup.rules import is_overdue, next_owner
from bot.surveys import service as surveys
from bot.surveys.catalog import upsert_survey
from bot.surveys.definition import parse_definition
from storage.db import Database
from storage.models import (
    AuditEntry,
    BotUser,
    Employee,
    FollowupCase,
    MutationPlan,
    OutboxMessage,
    PlanMove,
)
from storage.models.surveys import SurveyParticipation, SurveyWaitingAnswer
from storage.queries import surveys as sq
from storage.queries.users import grant_role
from tests.factories import add_employee

NOW = datetime(2030, 5, 6, 2, 0, tzinfo=UTC)
TODAY = date(2030, 5, 6)
HR_A, HR_B = 900011, 900012


def _survey(anonymous: bool) -> dict[str, Any]:
    """A one-question survey definition."""
    return {
        "slug": "anon" if anonymous else "named",
        "anonymous": anonymous,
        "title": "Iklim kerja",
        "questions": [{"key": "puas", "kind": "likert", "text": "Saya puas"}],
    }


async def _run(db: Database, call: Callable[[Any], Awaitable[Any]]) -> Any:
    """Run one workflow in its own transaction."""
    async with db.transaction() as session:
        return await call(session)


async def _answered(db: Database, *, anonymous: bool = True, n: int = 0) -> tuple[int, int, int]:
    """(employee id, participation id, round id) of a linked employee who answered."""
    emp = await add_employee(db, nip=f"19900101201503170{n}", name=f"P{n}", telegram_id=8300 + n)
    async with db.transaction() as session:
        row, _ = await upsert_survey(session, parse_definition(_survey(anonymous)), "test")
        rnd = await sq.round_for(session, row.id, "manual", "Mei")
        part = await sq.add_participation(session, rnd.id, emp, 0, None, NOW)
        assert part is not None
        part.status, part.closes_at = "invited", NOW + timedelta(days=14)
        pid, round_id = part.id, rnd.id
    await _run(db, lambda s: surveys.start(s, NOW, emp, pid))
    await _run(db, lambda s: surveys.change(s, NOW, emp, pid, 0, surveys.answer_with("2")))
    done = await _run(db, lambda s: surveys.submit(s, NOW, emp, pid, TODAY))
    assert isinstance(done, surveys.Finished) and done.anonymous is anonymous
    return emp, pid, round_id


async def _contact(db: Database, emp: int | None, pid: int) -> cases.Contact:
    """The employee's yes, in its own transaction."""
    return await _run(
        db,
        lambda s: cases.request_contact(
            s, NOW, TODAY, 8300, emp, pid, due_days=14, default_locale="id"
        ),
    )


async def _hr(db: Database, *officers: int) -> None:
    """Grant the HR role to ``officers``."""
    async with db.transaction() as session:
        for officer in officers:
            session.add(BotUser(telegram_id=officer))
            await session.flush()
            await grant_role(session, officer, "hr", "test")


@pytest.mark.parametrize(
    ("officers", "last", "expected"),
    [
        ((), None, None),
        ((5, 3), None, 3),
        ((5, 3), 3, 5),
        ((5, 3), 5, 3),
        ((5, 3, 9), 4, 5),  # the last owner lost the role: the next one after them
        ((5, 3, 9), 9, 3),
    ],
)
def test_owners_rotate(officers: tuple[int, ...], last: int | None, expected: int | None) -> None:
    """Round-robin over HR officers by Telegram id, wrapping around."""
    assert next_owner(officers, last) == expected


@pytest.mark.parametrize(("today", "late"), [(date(2030, 5, 20), False), (date(2030, 5, 21), True)])
def test_overdue_after_the_due_day(today: date, late: bool) -> None:
    """Due on the 20th: late from the 21st."""
    assert is_overdue(date(2030, 5, 20), today) is late


async def test_yes_opens_one_named_case_without_answers(db: Database) -> None:
    """The case names employee and round, is due in 14 days, owned in turn, told to the owner."""
    await _hr(db, HR_B, HR_A)
    emp, pid, round_id = await _answered(db)
    first = await _contact(db, emp, pid)
    assert first.outcome == "opened"
    assert await _contact(db, emp, pid) == cases.Contact("already", first.case_id)
    other, other_pid, _ = await _answered(db, n=1)
    second = await _contact(db, other, other_pid)
    async with db.transaction() as session:
        rows = list(
            (await session.execute(select(FollowupCase).order_by(FollowupCase.id))).scalars()
        )
        notices = (await session.execute(select(OutboxMessage.chat_id))).scalars().all()
        waiting = (await session.execute(select(SurveyWaitingAnswer))).scalars().all()
    assert [r.id for r in rows] == [first.case_id, second.case_id]
    assert (rows[0].employee_id, rows[0].round_id, rows[0].due_on) == (
        emp,
        round_id,
        date(2030, 5, 20),
    )
    assert [r.owner_telegram_id for r in rows] == [HR_A, HR_B]
    assert sorted(notices) == [HR_A, HR_B]
    assert len(waiting) == 2  # the answers wait for their batch, untouched
    columns = {c.key for c in inspect(FollowupCase).columns}
    assert not columns & {"answers", "score", "response_id", "survey_id", "unit_id"}


async def test_contact_is_refused_unless_own_finished_anonymous_and_active(db: Database) -> None:
    """Named surveys, someone else's or an unfinished participation, inactive employees: no case."""
    emp, pid, _ = await _answered(db, anonymous=False)
    assert (await _contact(db, emp, pid)).outcome == "refused"
    emp, pid, _ = await _answered(db, n=1)
    other, _, _ = await _answered(db, n=2)
    assert (await _contact(db, other, pid)).outcome == "refused"
    assert (await _contact(db, None, pid)).outcome == "refused"
    async with db.transaction() as session:
        employee = await session.get(Employee, emp)
        assert employee is not None
        employee.active = False
    assert (await _contact(db, emp, pid)).outcome == "refused"
    async with db.transaction() as session:
        part = await session.get(SurveyParticipation, pid)
        assert part is not None
        part.status = "started"
    assert (await _contact(db, other, pid)).outcome == "refused"
    async with db.transaction() as session:
        assert (await session.execute(select(FollowupCase))).first() is None


async def _case(db: Database, due: date, n: int = 0, **fields: Any) -> int:
    """A stored open case (due on ``due``); its id."""
    emp = await add_employee(db, nip=f"19900101201503180{n}", name=f"Pegawai {n}", **fields)
    async with db.transaction() as session:
        case = FollowupCase(employee_id=emp, created_on=due - timedelta(days=14), due_on=due)
        session.add(case)
        await session.flush()
        return case.id


async def test_open_cases_overdue_first_and_paged(db: Database) -> None:
    """Earliest due first; counts of open and overdue; NIP masked; closed ones left out."""
    ids = [await _case(db, TODAY + timedelta(days=d), n) for n, d in enumerate((3, -2, 0, 5, 1, 9))]
    assert await _run(db, lambda s: cases.close_case(s, NOW, HR_A, ids[5], "selesai"))
    page = await _run(db, lambda s: cases.open_cases(s, TODAY, 0))
    assert (page.total, page.overdue, page.pages) == (5, 1, -(-5 // CASES_PAGE))
    assert [line.case_id for line in page.lines] == [ids[1], ids[2], ids[4], ids[0], ids[3]][
        :CASES_PAGE
    ]
    assert [line.overdue for line in page.lines][:2] == [True, False]
    assert page.lines[0].masked_nip.endswith("1801") and "1990" not in page.lines[0].masked_nip


async def test_take_note_close_are_guarded_and_audited(db: Database) -> None:
    """Actions apply to open cases only; closing twice does nothing the second time."""
    case_id = await _case(db, TODAY)
    assert await _run(db, lambda s: cases.take_case(s, HR_B, case_id))
    assert await _run(db, lambda s: cases.add_note(s, NOW, HR_B, case_id, "Ditelepon"))
    assert await _run(db, lambda s: cases.close_case(s, NOW, HR_B, case_id, "Selesai"))
    assert not await _run(db, lambda s: cases.close_case(s, NOW, HR_A, case_id, "Lagi"))
    assert not await _run(db, lambda s: cases.add_note(s, NOW, HR_A, case_id, "Terlambat"))
    assert not await _run(db, lambda s: cases.take_case(s, HR_A, case_id))
    card = await _run(db, lambda s: cases.case_card(s, case_id, TODAY + timedelta(days=30)))
    assert card.status == "closed" and card.owner == HR_B and not card.overdue
    assert [text for _, text in card.notes] == ["Ditelepon"] and card.closing_note == "Selesai"
    async with db.transaction() as session:
        audit = (await session.execute(select(AuditEntry.action, AuditEntry.actor))).all()
    assert [tuple(a) for a in audit] == [
        ("followup.taken", f"tg:{HR_B}"), ("followup.noted", f"tg:{HR_B}"),
        ("followup.closed", f"tg:{HR_B}"),
    ]  # fmt: skip


async def test_corrective_move_opens_a_draft_plan(db: Database) -> None:
    """A new draft plan when there is none, the latest draft otherwise; one move per plan."""
    case_id = await _case(db, TODAY)
    first = await _run(db, lambda s: corrective.start_corrective_move(s, HR_A, case_id, "Koreksi"))
    again = await _run(db, lambda s: corrective.start_corrective_move(s, HR_A, case_id, "Lain"))
    assert (first.outcome, first.created, first.plan_name) == ("ready", True, "Koreksi")
    assert (again.outcome, again.created, again.plan_id) == ("ready", False, first.plan_id)
    async with db.transaction() as session:
        plan = await session.get(MutationPlan, first.plan_id)
        assert plan is not None and plan.status == "draft"
        session.add(
            PlanMove(plan_id=plan.id, employee_id=first.employee_id, to_position="X",
                     proposed_tmt=TODAY, status="draft")
        )  # fmt: skip
    already = await _run(db, lambda s: corrective.start_corrective_move(s, HR_A, case_id, "x"))
    assert already.outcome == "already"
    assert await _run(db, lambda s: cases.close_case(s, NOW, HR_A, case_id, "Selesai"))
    closed = await _run(db, lambda s: corrective.start_corrective_move(s, HR_A, case_id, "x"))
    assert closed.outcome == "refused"
