"""General questions and the FAQ, called with a session: working-day targets, HR's queue
(overdue first), one answer through the outbox, and FAQ entries in one language or two."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.questions import faq
from bot.questions import service as questions
from bot.questions.rules import add_working_days, shown_language
from storage.db import Database
from storage.models import AuditEntry, BotUser, Employee, OutboxMessage
from storage.queries.users import grant_role
from tests.factories import add_employee

NOW = datetime(2030, 5, 10, 2, 0, tzinfo=UTC)  # a Friday
TODAY = date(2030, 5, 10)
HR_A, HR_B, EMP_TG = 900021, 900022, 8401


async def _run(db: Database, call: Callable[[Any], Awaitable[Any]]) -> Any:
    """Run one workflow in its own transaction."""
    async with db.transaction() as session:
        return await call(session)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2030, 5, 6), 3, date(2030, 5, 9)),  # Monday → Thursday
        (date(2030, 5, 10), 3, date(2030, 5, 15)),  # Friday → Wednesday
        (date(2030, 5, 11), 1, date(2030, 5, 13)),  # Saturday → Monday
        (date(2030, 5, 12), 5, date(2030, 5, 17)),  # Sunday → Friday
        (date(2030, 5, 10), 0, date(2030, 5, 10)),
    ],
)
def test_working_days_skip_weekends(start: date, days: int, due: date) -> None:
    """The target counts Monday to Friday only."""
    assert add_working_days(start, days) == due


@pytest.mark.parametrize(
    ("values", "locale", "shown"),
    [
        ({"question_id": "T", "answer_id": "J"}, "en", "id"),
        ({"question_id": "T", "answer_id": "J", "question_en": "Q", "answer_en": "A"}, "en", "en"),
        ({"question_id": "T", "answer_id": "J", "question_en": "Q"}, "en", "id"),  # half English
        ({"question_en": "Q", "answer_en": "A"}, "id", "en"),
        ({"question_id": "T"}, "id", None),
    ],
)
def test_faq_language_shown(values: dict[str, str], locale: str, shown: str | None) -> None:
    """The reader's language when complete there, else the other complete one."""
    assert shown_language(values, locale) == shown


async def _asker(db: Database) -> int:
    """A linked employee and two HR officers; the employee's id."""
    emp = await add_employee(db, name="Dewi", telegram_id=EMP_TG)
    async with db.transaction() as session:
        for officer in (HR_A, HR_B):
            session.add(BotUser(telegram_id=officer))
            await session.flush()
            await grant_role(session, officer, "hr", "test")
    return emp


async def _ask(db: Database, emp: int | None, text: str, now: datetime = NOW) -> questions.Asked:
    """The employee's typed question, in its own transaction."""
    today = now.date()
    return await _run(
        db,
        lambda s: questions.ask(
            s, now, today, EMP_TG, emp, text, target_days=3, default_locale="id"
        ),
    )


async def test_asking_sets_the_target_and_tells_hr(db: Database) -> None:
    """Due three working days later; every HR officer is told; inactive employees cannot ask."""
    emp = await _asker(db)
    asked = await _ask(db, emp, "Cara cuti besar?")
    assert asked.outcome == "sent" and asked.due_on == date(2030, 5, 15)
    async with db.transaction() as session:
        chats = sorted((await session.execute(select(OutboxMessage.chat_id))).scalars())
        employee = await session.get(Employee, emp)
        assert employee is not None
        employee.active = False
    assert chats == [HR_A, HR_B]
    assert (await _ask(db, emp, "Lagi")).outcome == "refused"
    assert (await _ask(db, None, "Tanpa akun")).outcome == "refused"


async def test_queue_overdue_first_then_one_answer(db: Database) -> None:
    """The overdue question leads the queue; the answer is stored once and sent to the employee."""
    emp = await _asker(db)
    old = await _ask(db, emp, "Lama", NOW - timedelta(days=7))
    new = await _ask(db, emp, "Baru")
    page = await _run(db, lambda s: questions.open_questions(s, TODAY, 0))
    assert (page.total, page.overdue) == (2, 1)
    assert [(q.question_id, q.overdue) for q in page.lines] == [
        (old.question_id, True), (new.question_id, False),
    ]  # fmt: skip

    def answer(session: Any) -> Awaitable[str]:
        """HR answers the old question."""
        return questions.answer(session, NOW, HR_A, old.question_id, "Jawaban", default_locale="id")

    assert await _run(db, answer) == "sent"
    assert await _run(db, answer) == "stale"
    async with db.transaction() as session:
        sent = (
            await session.execute(select(OutboxMessage).where(OutboxMessage.chat_id == EMP_TG))
        ).scalar_one()
        actions = (await session.execute(select(AuditEntry.action))).scalars().all()
    assert "Lama" in sent.text and "Jawaban" in sent.text
    assert actions.count("question.answered") == 1
    page = await _run(db, lambda s: questions.open_questions(s, TODAY, 0))
    assert [q.question_id for q in page.lines] == [new.question_id]


async def test_answer_to_an_inactive_employee_is_kept_not_sent(db: Database) -> None:
    """An employee who left gets nothing; HR is told it was not delivered."""
    emp = await _asker(db)
    asked = await _ask(db, emp, "Pertanyaan")
    async with db.transaction() as session:
        employee = await session.get(Employee, emp)
        assert employee is not None
        employee.active = False
    outcome = await _run(
        db, lambda s: questions.answer(s, NOW, HR_A, asked.question_id, "J", default_locale="id")
    )
    assert outcome == "undelivered"
    async with db.transaction() as session:
        to_employee = await session.execute(
            select(OutboxMessage).where(OutboxMessage.chat_id == EMP_TG)
        )
        assert to_employee.first() is None


async def test_faq_entries_keep_one_complete_language(db: Database) -> None:
    """Adding needs one complete language; an edit leaving none is refused; removal audited."""
    half = {"question_id": "Kapan?", "question_en": "When?"}
    assert await _run(db, lambda s: faq.add_entry(s, HR_A, half)) is None
    entry_id = await _run(db, lambda s: faq.add_entry(s, HR_A, {**half, "answer_id": "Juli"}))
    assert entry_id is not None
    items = await _run(db, lambda s: faq.faq_for(s, "en"))
    assert [(i.question, i.answer) for i in items] == [("Kapan?", "Juli")]  # id fallback

    async def edit(field: str, text: str) -> str:
        """Edit one field of the entry in its own transaction."""
        return str(await _run(db, lambda s: faq.edit_entry(s, NOW, HR_A, entry_id, field, text)))

    assert await edit("answer_id", "") == "incomplete"
    assert await edit("answer_en", "July") == "saved"
    assert await edit("answer_id", "") == "saved"  # English is complete now
    item = await _run(db, lambda s: faq.faq_item(s, entry_id, "id"))
    assert (item.question, item.answer) == ("When?", "July")
    assert await edit("nonsense", "x") == "gone"
    assert await _run(db, lambda s: faq.remove_entry(s, HR_A, entry_id))
    assert not await _run(db, lambda s: faq.remove_entry(s, HR_A, entry_id))
    assert await _run(db, lambda s: faq.faq_for(s, "id")) == []
    async with db.transaction() as session:
        actions = (await session.execute(select(AuditEntry.action))).scalars().all()
    assert actions == ["faq.added", "faq.edited", "faq.edited", "faq.removed"]
