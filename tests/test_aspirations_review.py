"""HR aspiration workflows as services: decisions (compare-and-set, outbox notice), windows."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from bot.aspirations import periods, review, submission
from bot.aspirations.periods import Closed, Extended, Invalid, Opened, PendingExists
from bot.aspirations.review import Decided, Missing, NeedsNote, NotNow, TooLate, Undone
from bot.aspirations.rules import UNDO_WINDOW
from bot.texts import t
from storage.db import Database
from storage.models import Aspiration, AuditEntry, BotUser, OutboxMessage
from tests.aspiration_fixtures import (
    EMP_TG,
    HR_TG,
    NOW,
    TZ,
    add_window,
    aspirations,
    complete_draft,
    employee,
    history_actions,
    outbox,
)
from tests.factories import add_employee


async def _submitted(db: Database, *, telegram_id: int | None = EMP_TG) -> int:
    """One submitted aspiration (of a linked employee unless ``telegram_id`` is None)."""
    emp_id = await add_employee(db, telegram_id=telegram_id)
    window_id = await add_window(db)
    emp = await employee(db, emp_id)
    async with db.transaction() as session:
        result = await submission.submit(session, NOW, TZ, EMP_TG, emp, complete_draft(window_id))
    assert isinstance(result, submission.Submitted)
    return (await aspirations(db))[0].id


async def _decide(
    db: Database, aspiration_id: int, decision: str, note: str = "", actor: int = HR_TG
) -> object:
    """One HR decision in one transaction."""
    async with db.transaction() as session:
        return await review.decide(session, NOW, actor, aspiration_id, decision, note, "id")


@pytest.mark.parametrize(
    ("decision", "note", "status"),
    [
        ("verify", "", "verified"),
        ("accept", "", "accepted"),
        ("return", "Lengkapi jabatan.", "returned"),
        ("reject", "Formasi penuh.", "rejected"),
    ],
)
async def test_decision_changes_status_and_queues_notice(
    db: Database, decision: str, note: str, status: str
) -> None:
    """The status, note, history and audit change; the employee's notice is an outbox row."""
    asp_id = await _submitted(db)
    result = await _decide(db, asp_id, decision, note)
    [asp] = await aspirations(db)
    assert isinstance(result, Decided)
    assert (result.reference, result.status, result.notified) == (str(asp.reference), status, True)
    assert asp.status == status and asp.hr_note == note
    assert await history_actions(db) == ["submit", decision]
    [row] = await outbox(db)
    delay = UNDO_WINDOW.get(decision, timedelta(0))  # an acceptance waits: HR may undo it
    assert row.chat_id == EMP_TG and row.status == "pending" and row.next_attempt_at == NOW + delay
    assert result.undo_minutes == delay.total_seconds() // 60
    assert str(asp.reference) in row.text and (note in row.text)
    async with db.transaction() as session:
        audits = (await session.execute(select(AuditEntry.action))).scalars().all()
    assert f"aspiration.{decision}" in audits


async def test_notice_in_the_employees_language(db: Database) -> None:
    """An employee who chose English gets the notice in English."""
    asp_id = await _submitted(db)
    async with db.transaction() as session:
        await session.execute(update(BotUser).values(locale="en"))
    await _decide(db, asp_id, "verify")
    [row] = await outbox(db)
    assert t("en", "asp.notify_next.verify") in row.text
    assert t("id", "asp.notify_next.verify") not in row.text


@pytest.mark.parametrize("decision", ["return", "reject"])
async def test_return_and_reject_need_a_note_first(db: Database, decision: str) -> None:
    """Without a note nothing changes: HR is asked for it."""
    asp_id = await _submitted(db)
    result = await _decide(db, asp_id, decision)
    assert isinstance(result, NeedsNote)
    assert (await aspirations(db))[0].status == "submitted" and await outbox(db) == []


async def test_decided_aspiration_refuses_further_decisions(db: Database) -> None:
    """After acceptance no decision applies; an unknown id is reported missing."""
    asp_id = await _submitted(db)
    await _decide(db, asp_id, "accept")
    assert await _decide(db, asp_id, "reject", "x") == NotNow(
        str((await aspirations(db))[0].reference), "accepted"
    )
    assert isinstance(await _decide(db, 999, "verify"), Missing)
    assert await history_actions(db) == ["submit", "accept"]


async def test_two_officers_cannot_both_decide(db: Database) -> None:
    """The status changed after it was read: the second decision loses, nothing is queued."""
    asp_id = await _submitted(db)
    async with db.transaction() as session:
        asp = await session.get(Aspiration, asp_id)
        assert asp is not None and asp.status == "submitted"
        await session.execute(  # another officer's committed decision
            update(Aspiration)
            .values(status="rejected")
            .execution_options(synchronize_session=False)
        )
        result = await review.decide(session, NOW, HR_TG, asp_id, "accept", "", "id")
    assert result == NotNow(str(asp.reference), "rejected")
    assert await history_actions(db) == ["submit"] and await outbox(db) == []


@pytest.mark.parametrize(("telegram_id", "actor"), [(None, HR_TG), (EMP_TG, EMP_TG)])
async def test_no_notice_without_a_chat_or_to_oneself(
    db: Database, telegram_id: int | None, actor: int
) -> None:
    """An unlinked employee, or an officer deciding their own aspiration, gets no notice."""
    asp_id = await _submitted(db, telegram_id=telegram_id)
    result = await _decide(db, asp_id, "verify", actor=actor)
    assert isinstance(result, Decided) and not result.notified
    assert await outbox(db) == []


async def _undo(db: Database, asp_id: int, entry_id: int, when: datetime = NOW) -> object:
    """HR takes a decision back in one transaction."""
    async with db.transaction() as session:
        return await review.undo(session, when, HR_TG, asp_id, entry_id)


async def test_undo_an_acceptance_before_its_notice_leaves(db: Database) -> None:
    """Undo cancels the waiting notice and restores the status; a second undo is too late."""
    asp_id = await _submitted(db)
    decided = await _decide(db, asp_id, "accept")
    assert isinstance(decided, Decided) and decided.undo_minutes > 0
    result = await _undo(db, asp_id, decided.entry_id, NOW + timedelta(minutes=1))
    assert result == Undone(str((await aspirations(db))[0].reference), "submitted")
    assert (await aspirations(db))[0].status == "submitted"
    [row] = await outbox(db)
    assert row.status == "cancelled"
    assert await history_actions(db) == ["submit", "accept", "undo"]
    assert isinstance(await _undo(db, asp_id, decided.entry_id), TooLate)


@pytest.mark.parametrize("sent", [True, False])
async def test_undo_too_late_once_sent_or_after_the_window(db: Database, sent: bool) -> None:
    """A notice already taken by the worker, or the undo time over: the decision stays."""
    asp_id = await _submitted(db)
    decided = await _decide(db, asp_id, "accept")
    assert isinstance(decided, Decided)
    later = NOW + (timedelta(seconds=30) if sent else UNDO_WINDOW["accept"] + timedelta(seconds=1))
    if sent:
        async with db.transaction() as session:
            await session.execute(update(OutboxMessage).values(status="sent"))
    result = await _undo(db, asp_id, decided.entry_id, later)
    assert isinstance(result, TooLate) and result.status == "accepted"
    assert (await aspirations(db))[0].status == "accepted"
    assert await history_actions(db) == ["submit", "accept"]
    [row] = await outbox(db)
    assert row.status == ("sent" if sent else "pending")


async def test_window_lifecycle(db: Database) -> None:
    """Open one window (a second is refused), reject bad times, extend, close once."""
    end = NOW + timedelta(days=10)

    async def run(action: object) -> object:
        """Run one periods call in a transaction."""
        async with db.transaction() as session:
            return await action(session)  # type: ignore[operator]

    opened = await run(lambda s: periods.open_window(s, NOW, HR_TG, "A", NOW, end, []))
    assert isinstance(opened, Opened)
    again = await run(lambda s: periods.open_window(s, NOW, HR_TG, "B", NOW, end, []))
    assert isinstance(again, PendingExists) and again.window.id == opened.window.id
    past = NOW - timedelta(days=1)
    assert await run(lambda s: periods.open_window(s, NOW, None, "C", NOW, past, [])) == Invalid(
        "end_before_start"
    )
    closed = await run(lambda s: periods.close(s, NOW, HR_TG, opened.window.id))
    assert isinstance(closed, Closed) and closed.changed
    twice = await run(lambda s: periods.close(s, NOW, HR_TG, opened.window.id))
    assert isinstance(twice, Closed) and not twice.changed
    later = end + timedelta(days=5)
    extended = await run(lambda s: periods.extend(s, NOW, None, None, later))
    assert isinstance(extended, Extended) and extended.window.ends_at == later
    assert extended.window.closed_at is None
    async with db.transaction() as session:
        audits = (await session.execute(select(AuditEntry.action, AuditEntry.actor))).all()
    assert [tuple(a) for a in audits] == [
        ("aspiration_window.opened", f"tg:{HR_TG}"),
        ("aspiration_window.closed", f"tg:{HR_TG}"),
        ("aspiration_window.extended", "cli"),
    ]
