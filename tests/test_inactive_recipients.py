"""Inactive employees (left the roster) receive nothing: every resolver and sender skips them.

Each test links two employees, deactivates one, and checks the resolver or the sender on
both databases: broadcast audiences, survey chats, invitations and the ``survey_pending``
audience, consultation and plan notices, campaign steps and aspiration notices.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.campaigns.defaults import default_text
from bot.delivery.recipients import resolve_audience
from bot.events import MOVE_DECREED, EventBus, MoveEvent
from bot.plans.notices import employee_chat, tell_employee
from bot.services.campaigns import CampaignService
from bot.services.clock import FakeClock
from bot.services.scheduler import Scheduler
from bot.surveys.catalog import upsert_survey
from bot.surveys.definition import parse_definition
from bot.surveys.invitations import SurveyJobs
from storage.db import Database
from storage.models import CampaignStepInstance, OutboxMessage
from storage.queries import surveys as sq
from storage.queries.employees import deactivate_employees
from storage.queries.users import user_of_active_employee
from tests.factories import UNITS, add_employee

NOW = datetime(2026, 3, 10, 0, 0, tzinfo=UTC)
ACTIVE_TG, GONE_TG = 7101, 7102
SURVEY = {
    "slug": "iklim", "anonymous": False, "title": "Iklim kerja",
    "questions": [{"key": "puas", "kind": "likert", "text": "Saya puas"}],
}  # fmt: skip


async def _two_linked(db: Database) -> tuple[int, int]:
    """Two linked employees of one unit; the second one is then deactivated."""
    active = await add_employee(db, telegram_id=ACTIVE_TG)
    gone = await add_employee(db, nip="199104202015032002", name="Sari", telegram_id=GONE_TG)
    async with db.transaction() as session:
        await deactivate_employees(session, [gone])
    return active, gone


async def _outbox_chats(db: Database) -> list[int]:
    """The chats of every outbox row."""
    async with db.transaction() as session:
        return list((await session.execute(select(OutboxMessage.chat_id))).scalars())


async def _survey_round(session: AsyncSession) -> int:
    """A named one-question survey with an open round; its round id."""
    survey, _ = await upsert_survey(session, parse_definition(SURVEY), "test")
    rnd = await sq.add_round(session, survey.id, "Mei", {"kind": "all"}, NOW, NOW, "test")
    return rnd.id


async def _pending_survey_chats(session: AsyncSession, ids: tuple[int, int]) -> list[int]:
    """The ``survey_pending`` audience after inviting both employees."""
    round_id = await _survey_round(session)
    for employee_id in ids:
        part = await sq.add_participation(session, round_id, employee_id, 0, None, NOW)
        assert part is not None
        part.status = "invited"
    return await sq.pending_chat_ids(session, {"kind": "survey_pending", "round_id": round_id})


async def _chats_of(session: AsyncSession, ids: tuple[int, int], find: Any) -> list[int]:
    """The chat each employee resolves to through ``find`` (None: no chat)."""
    chats = [await find(session, employee_id) for employee_id in ids]
    return [chat if isinstance(chat, int) else chat[0] for chat in chats if chat is not None]


async def _linked_users(session: AsyncSession, ids: tuple[int, int]) -> list[int]:
    """The linked users that may receive messages (aspiration notices use this)."""
    users = [await user_of_active_employee(session, employee_id) for employee_id in ids]
    return [user.telegram_id for user in users if user is not None]


Resolver = Callable[[AsyncSession, tuple[int, int]], Awaitable[list[int]]]
RESOLVERS: dict[str, Resolver] = {
    "audience all": lambda s, ids: resolve_audience(s, {"kind": "all"}),
    "audience unit": lambda s, ids: resolve_audience(s, {"kind": "units", "names": [UNITS[0]]}),
    "audience employees": lambda s, ids: resolve_audience(
        s, {"kind": "employees", "employee_ids": list(ids)}
    ),
    "audience role employee": lambda s, ids: resolve_audience(
        s, {"kind": "role", "role": "employee"}
    ),
    "survey_pending": _pending_survey_chats,
    "survey chat": lambda s, ids: _chats_of(s, ids, sq.chat_of),
    "plans chat": lambda s, ids: _chats_of(s, ids, lambda s2, e: employee_chat(s2, e, "id")),
    "aspiration notice user": _linked_users,
}


@pytest.mark.parametrize("name", list(RESOLVERS))
async def test_resolvers_skip_inactive_employees(db: Database, name: str) -> None:
    """Every way of finding recipients returns the active employee's chat only."""
    ids = await _two_linked(db)
    async with db.transaction() as session:
        assert await RESOLVERS[name](session, ids) == [ACTIVE_TG]


async def test_plan_notice_not_queued_for_inactive(db: Database) -> None:
    """Consultations, reminders, answers and notices all go through ``employee_chat``."""
    active, gone = await _two_linked(db)
    async with db.transaction() as session:
        told = [
            await tell_employee(session, NOW, "id", e, f"n{e}", "common.cancelled")
            for e in (active, gone)
        ]
    assert told == [True, False]
    assert await _outbox_chats(db) == [ACTIVE_TG]


async def test_survey_invitation_not_sent_to_inactive(db: Database) -> None:
    """A scheduled invitation of an inactive employee queues nothing."""
    active, gone = await _two_linked(db)
    scheduled: list[tuple[str, int]] = []

    async def schedule(_s: AsyncSession, kind: str, ref: int, _at: datetime) -> None:
        scheduled.append((kind, ref))

    jobs = SurveyJobs(schedule, ZoneInfo("Asia/Jakarta"), "id")
    async with db.transaction() as session:
        round_id = await _survey_round(session)
        parts = [
            await sq.add_participation(session, round_id, e, 0, None, NOW) for e in (active, gone)
        ]
    for part in parts:
        assert part is not None
        async with db.transaction() as session:
            await jobs.fire_invite(session, part.id, NOW)
    assert await _outbox_chats(db) == [ACTIVE_TG]


async def test_campaign_step_skipped_for_inactive(db: Database) -> None:
    """A campaign step due for an employee who left is skipped, not sent."""
    _active, gone = await _two_linked(db)
    clock = FakeClock(datetime(2026, 3, 1, 0, 0, tzinfo=UTC))
    scheduler = Scheduler(db, clock)
    events = EventBus()
    CampaignService(scheduler, ZoneInfo("Asia/Jakarta"), default_text).attach(events)
    async with db.transaction() as session:
        await events.emit(MOVE_DECREED, session, MoveEvent(1, gone, date(2026, 3, 15), 1))
    clock.set(datetime(2026, 3, 1, 1, 0, tzinfo=UTC))  # D-14 at 08:00 WIB
    fired = await scheduler.fire_due()
    assert fired and {o.outcome for o in fired} == {"fired"}
    assert await _outbox_chats(db) == []
    async with db.transaction() as session:
        instances = (await session.execute(select(CampaignStepInstance))).scalars().all()
    assert "employee_inactive" in {i.reason for i in instances if i.status == "skipped"}
