"""Campaign timing (pure) and the campaign service following decreed, re-dated, cancelled moves."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.campaigns.defaults import default_text
from bot.campaigns.timing import OffsetError, format_offset, parse_offset, step_run_at
from bot.events import MOVE_CANCELLED, MOVE_DECREED, MOVE_TMT_CHANGED, EventBus, MoveEvent
from bot.services.campaigns import KIND, CampaignService
from bot.services.clock import FakeClock
from bot.services.scheduler import Scheduler
from storage.db import Database
from storage.models import CampaignStepInstance, OutboxMessage
from storage.queries import scheduling as sq
from storage.queries.users import grant_role
from tests.factories import add_employee

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize(
    ("text", "days", "time"),
    [("D-14", -14, "08:00"), ("-7", -7, "08:00"), ("D+1 09:30", 1, "09:30"), ("H-1", -1, "08:00"),
     ("0 07:15", 0, "07:15")],
)  # fmt: skip
def test_parse_offset(text: str, days: int, time: str) -> None:
    """Offsets HR types are understood."""
    offset = parse_offset(text)
    assert (offset.days, offset.send_time) == (days, time)


@pytest.mark.parametrize("text", ["kemarin", "D-999", "D+1 25:00", ""])
def test_parse_offset_rejects(text: str) -> None:
    """Nonsense is refused."""
    with pytest.raises(OffsetError):
        parse_offset(text)


def test_step_time_local_to_utc() -> None:
    """08:00 WIB on TMT-14 is 01:00 UTC."""
    assert step_run_at(date(2026, 3, 15), -14, "08:00", JAKARTA) == datetime(
        2026, 3, 1, 1, 0, tzinfo=UTC
    )
    assert format_offset(-14) == "H-14" and format_offset(1) == "H+1" and format_offset(0) == "H"
    assert format_offset(-14, "D") == "D-14" and format_offset(0, "D") == "D"


async def test_campaign_follows_tmt_change_and_cancel(db: Database) -> None:
    """Decree schedules future steps (past ones skipped); TMT change moves them; cancel stops."""
    employee_id = await add_employee(db, telegram_id=8001)
    clock = FakeClock(datetime(2026, 3, 10, 0, 0, tzinfo=UTC))
    scheduler = Scheduler(db, clock)
    events = EventBus()
    skipped: list[int] = []
    service = CampaignService(scheduler, JAKARTA, default_text)
    service.on_skipped = lambda ev, n: skipped.append(n)
    service.attach(events)
    event = MoveEvent(1, employee_id, date(2026, 3, 15), 1)
    async with db.transaction() as session:
        await events.emit(MOVE_DECREED, session, event)
    assert skipped == [2]  # D-14 and D-7 had passed on 10 March
    async with db.transaction() as session:
        pending = [i for i in await sq.pending_items(session) if i.kind == KIND]
    assert [i.run_at.date() for i in pending] == [date(2026, 3, 14), date(2026, 3, 16)]
    moved = MoveEvent(1, employee_id, date(2026, 4, 30), 1)
    async with db.transaction() as session:
        await events.emit(MOVE_TMT_CHANGED, session, moved)
    async with db.transaction() as session:
        pending = [i for i in await sq.pending_items(session) if i.kind == KIND]
    assert sorted(i.run_at.date() for i in pending) == [
        date(2026, 4, 16), date(2026, 4, 23), date(2026, 4, 29), date(2026, 5, 1)
    ]  # fmt: skip
    clock.set(datetime(2026, 4, 16, 1, 0, tzinfo=UTC))
    outcomes = await scheduler.fire_due()
    assert [o.outcome for o in outcomes] == ["fired"]
    async with db.transaction() as session:
        rows = (await session.execute(OutboxMessage.__table__.select())).all()
        assert (
            len(rows) == 1 and rows[0].chat_id == 8001 and "30 April 2026" in rows[0].text
        )  # announcements: long date
        await events.emit(MOVE_CANCELLED, session, moved)
    async with db.transaction() as session:
        assert [i for i in await sq.pending_items(session) if i.kind == KIND] == []
        statuses = sorted(
            i.status for i in (await session.execute(CampaignStepInstance.__table__.select())).all()
        )
    assert statuses == ["cancelled", "cancelled", "cancelled", "queued"]


async def test_steps_past_at_decree_are_reported_to_hr_through_the_outbox(db: Database) -> None:
    """HR's note about skipped steps is an outbox row of the decree's transaction."""
    employee_id = await add_employee(db, telegram_id=8001)
    async with db.transaction() as session:
        await grant_role(session, 900001, "hr", granted_by="test")
    scheduler = Scheduler(db, FakeClock(datetime(2026, 3, 10, 0, 0, tzinfo=UTC)))
    events = EventBus()
    CampaignService(scheduler, JAKARTA, default_text).attach(events)
    async with db.transaction() as session:
        await events.emit(MOVE_DECREED, session, MoveEvent(1, employee_id, date(2026, 3, 15), 1))
    async with db.transaction() as session:
        rows = list((await session.execute(select(OutboxMessage))).scalars())
    assert [(r.chat_id, r.dedup_key) for r in rows] == [(900001, "cskip1:900001")]
