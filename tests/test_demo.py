"""The offline demo: the whole process in the script, the demo clock, the console."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.demo.data import POSITIONS, pick_cast, qualifies, window_name
from bot.demo.interactive import Console, parse_jump
from bot.demo.script import run_script
from bot.demo.session import DemoWorld, demo_world
from bot.emulator.botmessage import BotMessage
from bot.roster.demo_data import generate_rows
from bot.services.clock import FakeClock
from bot.services.progress import ProgressTracker
from bot.services.scheduler import Scheduler
from bot.texts import shows_text
from storage.db import Database
from storage.models.delivery import ScheduledItem
from storage.queries import delivery as dq
from storage.queries import scheduling as sq

PNG = b"\x89PNG\r\n\x1a\n"
SCRIPT_BUDGET_SECONDS = 60.0  # README: ~10 s on an idle 2-core machine; slack for CI load


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (":maju 30 hari", timedelta(days=30)),
        (":advance 30d", timedelta(days=30)),
        (":maju 2 jam", timedelta(hours=2)),
        (":advance 1w", timedelta(weeks=1)),
        (":MAJU   7", timedelta(days=7)),
        (":maju 15 menit", timedelta(minutes=15)),
        (":maju besok", None),
        (":maju 3 tahun", None),
        ("maju 3 hari", None),
    ],
)
def test_parse_jump(typed: str, expected: timedelta | None) -> None:
    """The demo clock understands Indonesian and English units."""
    assert parse_jump(typed) == expected


def test_demo_data_reads_true() -> None:
    """The cast qualifies for the positions; names of windows match their dates."""
    rows = generate_rows(300, 7)
    today = datetime(2026, 11, 27).date()
    cast = pick_cast(rows, today)
    for row, position in zip((rows[i] for i in cast), POSITIONS, strict=False):
        assert qualifies(row, position, today)
        assert row["unit_kerja"] != position.unit
    assert sorted(cast) == list(range(300))
    pranata = POSITIONS[0]
    assert pranata.level == "S1" and "Teknik Informatika" in pranata.majors
    assert window_name(today) == "Penjaringan Aspirasi Mutasi November 2026"


async def test_advance_fires_each_item_at_its_own_time(db: Database) -> None:
    """A jump of 40 days fires items due on the way at their times: none is missed."""
    start = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)
    clock = FakeClock(start)
    scheduler = Scheduler(db, clock, grace_minutes=60)
    fired: list[tuple[int, datetime]] = []

    async def record(_db: Database, _session: AsyncSession, item: ScheduledItem) -> None:
        """Remember which item fired when."""
        fired.append((item.ref_id, clock.now()))

    scheduler.register_kind("note", record)
    async with db.transaction() as session:
        for ref, days in ((1, 3), (2, 20), (3, 39), (4, 45)):
            await sq.add_item(session, "note", ref, start + timedelta(days=days))
    outcomes = await scheduler.advance(timedelta(days=40))
    assert [o.outcome for o in outcomes] == ["fired", "fired", "fired"]
    assert [(ref, when - start) for ref, when in fired] == [
        (1, timedelta(days=3)), (2, timedelta(days=20)), (3, timedelta(days=39)),
    ]  # fmt: skip
    assert clock.now() == start + timedelta(days=40)
    async with db.transaction() as session:
        assert [i.ref_id for i in await sq.pending_items(session)] == [4]


async def test_done_broadcast_without_progress_message_does_not_stall(db: Database) -> None:
    """The worker's done hook returns at once for a broadcast nobody watches (no 2 s wait)."""
    async with db.transaction() as session:
        broadcast = await dq.create_broadcast(session, text="x", audience={"kind": "all"})
    tracker = ProgressTracker(db, sender=None, min_interval=2.0)  # type: ignore[arg-type]
    tracker.on_progress({broadcast.id})
    await asyncio.sleep(0.05)  # the lookup found no progress message and waits
    started = time.monotonic()
    await tracker.on_done(broadcast.id)
    assert time.monotonic() - started < 0.5
    await tracker.close()


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[DemoWorld]:
    """The demo world with a small roster, printing into a list."""
    lines: list[str] = []
    async with demo_world(
        tmp_path / "demo.sqlite3", 260, out=lines.append, files=tmp_path / "files"
    ) as running:
        yield running


def _texts(messages: list[BotMessage]) -> str:
    """All texts of some messages."""
    return "\n".join(m.text or "" for m in messages)


async def test_console_digits_are_text_and_hash_presses(world: DemoWorld) -> None:
    """Typed digits go to the bot as text; #1 presses the first button."""
    console = Console(world, world.employee)
    assert await console.handle("/start")
    before = len(await world.employee.user.client.messages(world.employee.user.chat_id))
    assert await console.handle("1")  # a text while buttons wait: the bot asks to press one
    after = await world.employee.user.client.messages(world.employee.user.chat_id)
    assert shows_text(_texts(after[before:]), "common.expect_button")
    assert await console.handle("#1")
    assert shows_text(_texts(list(world.employee.shown.values())), "reg.ask_contact")
    assert await console.handle(":ppk") and console.chat is world.approver
    assert await console.handle(":pegawai 2") and console.chat is world.employee_chat(2)
    assert await console.handle(":hr") and console.chat is world.hr
    assert not await console.handle(":keluar")


async def test_console_jump_moves_the_shared_clock(world: DemoWorld) -> None:
    """:maju moves the clock every part of the bot reads."""
    before = world.now()
    await Console(world, world.hr).handle(":maju 3 hari")
    moved = world.harness.services.scheduler.clock.now() - before
    assert timedelta(days=3) <= moved < timedelta(days=3, minutes=1)


async def test_script_plays_the_whole_process(tmp_path: Path) -> None:
    """Registration, the aspiration marked in /kandidat and planned with one tap, approval,
    objection, decree, the roster at the TMT, the survey with its follow-up case, results
    and a broadcast report, with a saved chart, in time."""
    lines: list[str] = []
    started = time.monotonic()
    async with demo_world(
        tmp_path / "demo.sqlite3", 300, out=lines.append, files=tmp_path / "files"
    ) as world:
        await run_script(world)
        saved, name = world.hr.saved, world.rows[0]["nama"]
    elapsed = time.monotonic() - started
    transcript = "\n".join(lines)
    for key in (
        "reg.linked", "asp.sent", "aspr.done_undo", "asp.notify", "aspp.asked_flag",
        "plans.move_added", "plans.asked_linked", "aspp.notice_include", "plans.apv_done_approve",
        "plans.asked_by_employee", "plans.kons_question_sent", "plans.kept", "plans.apv_objection",
        "plans.decreed", "aspp.notice_decree", "plans.done", "profile.history_header",
        "survey.thanks", "followup.contact_opened", "followup.noted", "followup.closed",
        "survey.res_title", "survey.chart_caption", "delivery.done", "bc.report_title",
    ):  # fmt: skip
        assert shows_text(transcript, key), key
    assert transcript.count("⏩") >= 5  # the demo clock jumped to each step and the survey
    assert saved and all(p.read_bytes().startswith(PNG) for p in saved if p.suffix == ".png")
    assert not re.search(r"tg:\d|skor 0\.", transcript)
    assert f"Yth. {name}," in transcript  # the socialization step filled in for the employee
    assert elapsed < SCRIPT_BUDGET_SECONDS
