"""Plans end to end: authorization, reminders and deadlines on a controllable clock, workload."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.harness import BotHarness
from bot.plans.buttons import (
    AddMove,
    Agree,
    Decide,
    DecreeMove,
    OpenPlan,
    PlanSummary,
    ReviseMove,
)
from storage.models import PlanMove, ScheduledItem, utcnow
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.test_plans import (
    EMPLOYEES,
    draft_and_approve,
    person,
    setup_plan_world,
    start_consultation,
)
from tests.factories import UNITS

NOT_ALLOWED = "hanya untuk petugas"


async def _alert(harness: BotHarness, telegram_id: int, data: str) -> str:
    """Press a (forged) button and return the alert text."""
    user = person(harness, telegram_id)
    before = len(await user.callback_answers())
    await user.press(data=data)
    answers = await user.callback_answers(min_count=before + 1)
    return str(answers[-1]["text"])


async def test_authorization(harness: BotHarness) -> None:
    """Employees see no plans and cannot answer others; HR cannot approve; approver cannot edit."""
    await setup_plan_world(harness)
    moves = await draft_and_approve(harness)
    ani_move, bayu_move = moves[EMPLOYEES[0][1]], moves[EMPLOYEES[1][1]]
    await start_consultation(harness)
    ani = person(harness, EMPLOYEES[0][0] or 0)
    await ani.reply()
    assert NOT_ALLOWED in (await ani.ask("/rencana")).text
    assert NOT_ALLOWED in await _alert(harness, ani.id, OpenPlan(ani_move.plan_id).pack())
    forged = Agree(bayu_move.id, bayu_move.version).pack()
    assert "bukan untuk Anda" in await _alert(harness, ani.id, forged)
    assert NOT_ALLOWED in await _alert(harness, HR_ID, Decide(ani_move.id, "approve", 0).pack())
    for data in (
        ReviseMove(bayu_move.id).pack(),
        DecreeMove(ani_move.id).pack(),
        AddMove(ani_move.plan_id).pack(),
    ):
        assert NOT_ALLOWED in await _alert(harness, APPROVER_ID, data)
    async with harness.services.db.transaction() as session:
        bayu_after = await session.get(PlanMove, bayu_move.id)
        assert bayu_after is not None and bayu_after.answer is None


async def test_reminder_and_deadline_on_fake_clock(harness: BotHarness) -> None:
    """Unanswered consultations get one reminder, then are flagged for HR after the deadline."""
    await setup_plan_world(harness)
    clock = harness.services.clock
    clock.set(utcnow())
    await draft_and_approve(harness)
    await start_consultation(harness)
    ani, bayu, citra = (person(harness, tg or 0) for tg, _n, _m in EMPLOYEES[:3])
    for emp in (ani, bayu, citra):
        await emp.reply()
    await ani.press("✅ Setuju")
    await ani.reply()
    scheduler = harness.services.scheduler
    start = clock.now()
    clock.set(start + timedelta(days=5, minutes=1))
    await scheduler.fire_due(clock.now())
    for emp in (bayu, citra):
        assert "Pengingat" in (await emp.reply()).text
    await scheduler.fire_due(clock.now())  # firing again sends nothing twice
    clock.set(start + timedelta(days=7, minutes=1))
    await scheduler.fire_due(clock.now())
    hr = person(harness, HR_ID)
    notices = await hr.replies(2)
    assert all("batas waktu" in n.text for n in notices)
    async with harness.services.db.transaction() as session:
        moves = list((await session.execute(select(PlanMove).order_by(PlanMove.id))).scalars())
        items = list((await session.execute(select(ScheduledItem))).scalars())
    flags = {m.employee_id: m.overdue for m in moves if m.status == "consultation"}
    assert sorted(flags.values()) == [False, True, True]
    assert all(i.status in ("fired", "cancelled") for i in items)
    assert len(await ani.client.messages(ani.chat_id)) == 2  # offer and thanks, no reminder
    hr_summary_plan = moves[0].plan_id
    await hr.press(data=PlanSummary(hr_summary_plan).pack())
    summary = await hr.reply()
    assert "Lewat batas waktu: 2" in summary.text and "Setuju: 1" in summary.text


WORKLOAD_CSV = (
    "unit,jabatan,kebutuhan,bezetting\n"
    f"{UNITS[0]},Pranata Komputer,4,3\n"
    f"{UNITS[0]},Perawat,10,8\n"
    f"{UNITS[1]},Pranata Komputer,2,4\n"
    f"{UNITS[2]},Perencana,3,3\n"
)


async def test_workload_report_chart_and_flag(harness: BotHarness) -> None:
    """Imported figures give hand-computed gaps; the plan widening a shortage is flagged."""
    await setup_plan_world(harness)
    hr = person(harness, HR_ID)
    await hr.upload(WORKLOAD_CSV.encode(), filename="abk.csv")
    chooser = await hr.reply()
    label = next(b for b in chooser.button_labels if "ABK" in b)
    await hr.press(label)
    assert "4 baru" in (await hr.reply()).text
    table = await hr.ask("/beban_kerja")
    # Dinas Kesehatan: need 14, staffed 11, gap -3; Diskominfo 2/4 +2; Bappeda 3/3 +0.
    assert " 14   11   -3" in table.text and "  2    4   +2" in table.text
    assert "   3    3   +0" in table.text
    await hr.press("📊 Grafik", message_id=table.message_id)
    photo = await hr.reply()
    assert photo.photo, "the chart must be sent as a photo"
    assert (await hr.download(photo))[:8] == b"\x89PNG\r\n\x1a\n"
    await hr.press("📥 XLSX", message_id=table.message_id)
    assert (await hr.download(await hr.reply()))[:2] == b"PK"
    await draft_and_approve(harness)  # four moves out of Dinas Kesehatan into Diskominfo
    after = await hr.ask("/beban_kerja")
    await hr.press(next(b for b in after.button_labels if "Setelah rencana" in b))
    view = await hr.reply()
    # Rejected moves do not count: 3 leave Dinas Kesehatan (-3 → -6), 3 arrive at Diskominfo.
    assert "-3 -3  +0    -6 ⚠️" in view.text and "+2 -0  +3    +5" in view.text
    assert "memperlebar kekurangan" in view.text and UNITS[0] in view.text
