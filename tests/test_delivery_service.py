"""Announcement, audience-picker and campaign-edit workflows, called directly with a session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.campaigns import service as campaigns
from bot.delivery import picker
from bot.delivery import service as broadcasts
from bot.delivery import service_report as report
from storage.db import Database
from storage.models import AuditEntry, OutboxMessage
from storage.models.delivery import ScheduledItem
from storage.queries import delivery as dq
from storage.queries import scheduling as sq
from tests.factories import UNITS, add_employee

NOW = datetime(2030, 5, 6, 2, 0, tzinfo=UTC)
HR = 900001


async def _roster(db: Database) -> dict[str, int]:
    """Two linked employees in the first unit, one in the second; unit ids by name."""
    for n, (tid, unit) in enumerate([(7001, UNITS[0]), (7002, UNITS[0]), (7003, UNITS[1])]):
        await add_employee(
            db, nip=f"19900315201503100{n}", phone=f"62812000000{n}", telegram_id=tid, unit=unit
        )
    async with db.transaction() as session:
        return {name: uid for uid, name in await picker.find_units(session, "dinas", limit=10)}


def _draft(audience: dict[str, Any]) -> broadcasts.BroadcastDraft:
    """A plain announcement to ``audience``."""
    return broadcasts.BroadcastDraft.of({"text": "<b>Rapat</b> besok", "audience": audience})


async def _schedule_item(session: Any, kind: str, ref_id: int, run_at: datetime) -> None:
    """Store the scheduled item as the scheduler does (without arming a job)."""
    await sq.add_item(session, kind, ref_id, run_at)


@pytest.mark.parametrize(
    ("audience", "chats"),
    [
        ({"kind": "all"}, [7001, 7002, 7003]),
        ({"kind": "units", "names": [UNITS[0]]}, [7001, 7002]),
        ({"kind": "role", "role": "employee"}, [7001, 7002, 7003]),
        ({"kind": "role", "role": "hr"}, []),
    ],
)
async def test_send_now_queues_one_row_per_recipient(
    db: Database, audience: dict[str, Any], chats: list[int]
) -> None:
    """Sending now writes the broadcast, one HTML row per recipient, progress chat, audit."""
    await _roster(db)
    async with db.transaction() as session:
        queued = await broadcasts.send_now(session, NOW, HR, _draft(audience), HR)
    assert queued.count == len(chats)
    async with db.transaction() as session:
        rows = list((await session.execute(select(OutboxMessage))).scalars())
        broadcast = await dq.get_broadcast(session, queued.broadcast_id)
        audit = list((await session.execute(select(AuditEntry))).scalars())
    assert sorted(r.chat_id for r in rows) == chats
    assert all(r.parse_mode == "HTML" and r.dedup_key for r in rows)
    assert broadcast is not None and broadcast.progress_chat_id == HR
    assert [(a.action, a.actor) for a in audit] == [("broadcast.sent", f"tg:{HR}")]


@pytest.mark.parametrize(
    ("delay", "scheduled"),
    [(timedelta(minutes=-1), False), (timedelta(0), False), (timedelta(hours=1), True)],
)
async def test_schedule_only_in_the_future(db: Database, delay: timedelta, scheduled: bool) -> None:
    """A time not after now is refused and creates nothing; a future one is scheduled."""
    await _roster(db)
    async with db.transaction() as session:
        result = await broadcasts.schedule(
            session, NOW, HR, _draft({"kind": "all"}), NOW + delay, _schedule_item
        )
    async with db.transaction() as session:
        items = list((await session.execute(select(ScheduledItem))).scalars())
        listed = await broadcasts.scheduled_broadcasts(session)
    assert isinstance(result, broadcasts.Scheduled) is scheduled
    assert [b.id for b in listed] == ([result.broadcast_id] if scheduled else [])  # type: ignore[union-attr]
    assert [(i.kind, i.run_at) for i in items] == (
        [("broadcast", NOW + delay)] if scheduled else []
    )


@pytest.mark.parametrize(
    ("status", "ok"), [("scheduled", True), ("queued", False), ("done", False)]
)
async def test_cancel_only_while_scheduled(db: Database, status: str, ok: bool) -> None:
    """Cancelling is a compare-and-set on ``scheduled``; others are left alone."""
    async with db.transaction() as session:
        broadcast = await dq.create_broadcast(session, text="x", audience={"kind": "all"})
        broadcast.status = status
    async with db.transaction() as session:
        result = await broadcasts.cancel_scheduled(session, NOW, HR, broadcast.id)
    async with db.transaction() as session:
        after = await dq.get_broadcast(session, broadcast.id)
    assert result.ok is ok
    assert after is not None and after.status == ("cancelled" if ok else status)


async def test_cancel_unknown_and_report_of_unknown(db: Database) -> None:
    """A broadcast that does not exist is neither cancelled nor reported."""
    async with db.transaction() as session:
        assert not (await broadcasts.cancel_scheduled(session, NOW, HR, 404)).ok
        assert await report.figures(session, 404) is None
        assert await report.export(session, HR, 404, str) is None


async def test_report_figures_and_export(db: Database) -> None:
    """Figures count the rows; the export is a workbook and is audited."""
    await _roster(db)
    async with db.transaction() as session:
        queued = await broadcasts.send_now(session, NOW, HR, _draft({"kind": "all"}), HR)
    async with db.transaction() as session:
        latest = await report.recent(session)
        content = await report.export(session, HR, queued.broadcast_id, str)
    assert [(f.broadcast.id, f.stats.total, f.stats.pending) for f in latest] == [
        (queued.broadcast_id, 3, 3)
    ]
    assert content is not None and content[:2] == b"PK"


async def test_picker_units(db: Database) -> None:
    """Typed letters find units; toggling adds and removes; unknown units are refused."""
    units = await _roster(db)
    health = units[UNITS[0]]
    async with db.transaction() as session:
        assert (await picker.find_units(session, "dinkes"))[0] == (health, UNITS[0])
        assert await picker.toggle_unit(session, [], health) == [health]
        assert await picker.toggle_unit(session, [health], health) == []
        assert await picker.toggle_unit(session, [], 999) is None
        assert await picker.units_audience(session, []) is None
        spec = await picker.units_audience(session, [health])
        assert spec == {"kind": "units", "unit_ids": [health], "names": [UNITS[0]]}
        assert await picker.count_recipients(session, spec) == 2


@pytest.mark.parametrize(
    ("locale", "text", "outcome"),
    [
        ("id", "Persiapan {name}", "saved"),
        ("en", "Getting ready, {name}", "saved"),
        ("id", "<b>rusak", "bad_html"),
    ],
)
async def test_campaign_text_edit(db: Database, locale: str, text: str, outcome: str) -> None:
    """A step's text is saved in HR's language only when it is valid Telegram HTML."""
    async with db.transaction() as session:
        first = (await campaigns.template_view(session, locale)).steps[0]
        result = await campaigns.save_text(session, HR, first.step_id, locale, text)
    async with db.transaction() as session:
        after = (await campaigns.template_view(session, locale)).steps[0]
        other = (await campaigns.template_view(session, "en" if locale == "id" else "id")).steps[0]
    assert result.outcome == outcome
    assert (after.text == text) is (outcome == "saved")
    assert other.text != text


@pytest.mark.parametrize(
    ("typed", "outcome", "timing"),
    [("D-20 09:00", "saved", (-20, "09:00")), ("D+1", "saved", (1, "08:00")),
     ("kemarin", "bad_offset", (-14, "08:00"))],
)  # fmt: skip
async def test_campaign_offset_edit(
    db: Database, typed: str, outcome: str, timing: tuple[int, str]
) -> None:
    """A step's timing is saved when it is understood; the template is reordered by it."""
    async with db.transaction() as session:
        first = (await campaigns.template_view(session, "id")).steps[0]
        result = await campaigns.save_offset(session, HR, first.step_id, typed)
    async with db.transaction() as session:
        steps = (await campaigns.template_view(session, "id")).steps
    edited = next(s for s in steps if s.step_id == first.step_id)
    assert result.outcome == outcome
    assert (edited.offset_days, edited.send_time) == timing


async def test_campaign_edit_of_a_missing_step(db: Database) -> None:
    """An old button's step that is gone is reported, not created."""
    async with db.transaction() as session:
        assert not await campaigns.step_exists(session, 404)
        assert (await campaigns.save_text(session, HR, 404, "id", "x")).outcome == "gone"
        assert (await campaigns.save_offset(session, HR, 404, "D-1")).outcome == "gone"
