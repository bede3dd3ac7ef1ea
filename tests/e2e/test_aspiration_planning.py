"""Aspirations feed planning, and the employee is kept informed (issue 12, parts 1 and 5).

An accepted aspiration is marked in /kandidat, becomes a move with one tap (destination
from the employee's choice), the approver sees it was requested, and the aspiration follows
the move (in a plan → decreed → not taken) with the employee told each time. An overruled
objection's reason reaches the employee; the decree names unit, position, TMT and SK;
/usulan shows decided moves with "Tanya BKPSDM" until TMT + 30 days, refused after.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.aspirations.buttons import OpenAspiration
from bot.emulator.client import BotMessage, EmulatedUser
from bot.harness import BotHarness
from bot.plans.buttons import CancelMove, DecreeMove, KeepMove, StartConsultation
from bot.texts import shows_text
from storage.models import Aspiration, AspirationWindow, PlanMove, Position, utcnow
from storage.queries.users import grant_role
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.test_matching import _employee, _positions
from tests.e2e.test_plans import (
    EMPLOYEES,
    approve,
    draft_and_approve,
    person,
    setup_plan_world,
    start_consultation,
    submit_plan,
)
from tests.factories import UNITS

EMP_TG = 7101
EMP_NAME = "Rina Wulandari"
POST = "Pranata Komputer Ahli Pertama"


async def _world(harness: BotHarness) -> tuple[int, str]:
    """Open posts, a linked IT employee whose accepted aspiration asks for P-TI1 (first
    choice), an approver; returns (aspiration id, the post's unit)."""
    await _positions(harness)
    employee_id = await _employee(
        harness, "jaringan komputer, teknologi informasi", nip="199105052015032001",
        name=EMP_NAME, phone="6281277770001", rank="III/b", telegram_id=EMP_TG,
    )  # fmt: skip
    db = harness.services.db
    async with db.transaction() as session:
        post = await session.execute(select(Position).where(Position.position_id == "P-TI1"))
        position = post.scalar_one()
        now = utcnow()
        window = AspirationWindow(name="Periode I", starts_at=now, ends_at=now, unit_ids=[])
        session.add(window)
        await session.flush()
        prefs = [{"unit": position.unit_name, "unit_id": position.unit_id, "position": POST}]
        aspiration = Aspiration(
            reference="ASP-2026-000042", window_id=window.id, employee_id=employee_id,
            status="accepted", kind="other_unit", preferences=prefs, reason_category="career",
            reason_text="Ingin mengembangkan karier di bidang TI",
        )  # fmt: skip
        session.add(aspiration)
        await grant_role(session, APPROVER_ID, "approver", granted_by="test")
        await session.flush()
        aspiration_id, unit = aspiration.id, position.unit_name
    await harness.client.register_chats([APPROVER_ID, EMP_TG])
    return aspiration_id, unit


async def _until(user: EmulatedUser, key: str, most: int = 4) -> BotMessage:
    """Read the next replies until one shows ``key`` (rule warnings may come first)."""
    for _ in range(most):
        msg = await user.reply()
        if shows_text(msg.text, key):
            return msg
    raise AssertionError(f"no reply showed {key}")


async def _status(harness: BotHarness) -> str:
    """The aspiration's status."""
    async with harness.services.db.transaction() as session:
        return str((await session.execute(select(Aspiration.status))).scalar_one())


async def _move(harness: BotHarness) -> PlanMove:
    """The one move."""
    async with harness.services.db.transaction() as session:
        return (await session.execute(select(PlanMove))).scalar_one()


async def test_accepted_aspiration_from_candidates_to_decree(harness: BotHarness) -> None:
    """Marked in /kandidat → one tap into a new plan → requested marker for the approver →
    consulted, agreed, decreed → cancelled; the aspiration follows, the employee is told."""
    aspiration_id, unit = await _world(harness)
    hr, approver, emp = (
        person(harness, HR_ID),
        person(harness, APPROVER_ID),
        person(harness, EMP_TG),
    )
    # /kandidat: the employee who asked for the post is marked with the choice and reason.
    await hr.ask("/kandidat pranata")
    await hr.press(f"P-TI1 · {POST}")
    table = await hr.reply()
    [line] = [line for line in table.text.splitlines() if EMP_NAME in line]
    assert shows_text(line, "aspp.asked_flag") and "pilihan 1" in line and "karier" in line
    await hr.press(f"🔎 {line.split('.')[0]}", message_id=table.message_id)
    assert shows_text((await hr.reply()).text, "aspp.asked")
    # HR's review of the accepted aspiration: one tap, destination from the choice.
    await hr.press(data=OpenAspiration(aspiration_id).pack())
    card = await hr.reply()
    [tap] = [label for label in card.button_labels if label.startswith("📋")]
    await hr.press(tap, message_id=card.message_id)
    assert shows_text((await hr.reply()).text, "plans.ask_name")  # no draft plan yet
    await hr.send("Mutasi dari aspirasi")
    assert shows_text((await hr.reply()).text, "plans.created")
    intro = await hr.reply()
    assert shows_text(intro.text, "aspp.intro") and POST in intro.text and unit in intro.text
    await _until(hr, "plans.ask_tmt")
    assert shows_text((await hr.ask("01-02-2027")).text, "plans.ask_why")
    await hr.send("Sesuai aspirasi dan kebutuhan formasi")
    added, _card = await hr.replies(2)
    assert shows_text(added.text, "plans.asked_linked")
    move = await _move(harness)
    assert (move.aspiration_id, move.aspiration_choice, move.position_ref is not None) == (
        aspiration_id, 1, True,
    )  # fmt: skip
    assert await _status(harness) == "planned"
    included = await emp.reply()
    assert shows_text(included.text, "aspp.notice_include") and POST in included.text
    # The approver sees that the employee asked for it.
    await submit_plan(hr)
    await approver.reply()
    listing = await approver.ask("/persetujuan")
    await approver.press(listing.button_labels[0])
    page = await approver.wait_edit(listing.message_id)
    assert shows_text(page.text, "plans.asked_by_employee") and "pilihan 1" in page.text
    await approve(approver, move.id, listing.message_id)
    await hr.reply()  # the plan is decided
    # Consulted, agreed, decreed: the aspiration is decreed and the employee told.
    await hr.press(data=StartConsultation(move.plan_id).pack())
    await hr.reply()
    await emp.reply()
    await emp.press("✅ Setuju")
    await emp.reply()
    await hr.press(data=DecreeMove(move.id).pack())
    await hr.reply()
    await hr.ask("800/7101/BKPSDM/2027")
    assert shows_text((await hr.ask("01-03-2027")).text, "plans.decreed")
    told = [m.text for m in await emp.replies(2)]
    assert any(shows_text(text, "aspp.notice_decree") for text in told)
    assert await _status(harness) == "decreed"
    # The decreed move is cancelled: the aspiration is not taken, and the employee told.
    await hr.press(data=CancelMove(move.id).pack())
    await hr.reply()
    assert shows_text((await hr.ask("Formasi dibatalkan")).text, "plans.cancelled")
    told = [m.text for m in await emp.replies(2)]
    assert any(shows_text(text, "aspp.notice_not_take") for text in told)
    assert await _status(harness) == "not_taken"


async def test_employee_told_kept_reason_decree_and_asks_until_tmt_30(
    harness: BotHarness,
) -> None:
    """An overruled objection's reason reaches the employee; the decree names unit,
    position, TMT and SK; /usulan shows the decided move with "Tanya BKPSDM" until
    TMT + 30 days, and the button is refused after."""
    await setup_plan_world(harness)
    moves = await draft_and_approve(harness)
    await start_consultation(harness)
    hr = person(harness, HR_ID)
    ani, bayu, citra = (person(harness, tg or 0) for tg, _n, _m in EMPLOYEES[:3])
    for emp in (ani, bayu, citra):
        await emp.reply()
    ani_move, bayu_move = moves[EMPLOYEES[0][1]].id, moves[EMPLOYEES[1][1]].id
    # Bayu objects; HR keeps the move with a reason; Bayu reads the reason.
    await bayu.press("⚠️ Keberatan")
    await bayu.reply()
    await bayu.press("Keluarga")
    await bayu.reply()
    await bayu.send("Orang tua saya sakit")
    await bayu.reply()
    await hr.reply()  # the objection notice
    await hr.press(data=KeepMove(bayu_move).pack())
    await hr.reply()
    assert shows_text((await hr.ask("Formasi TI di unit tujuan kosong")).text, "plans.kept")
    kept = await bayu.reply()
    assert shows_text(kept.text, "plans.kept_notice") and "Formasi TI" in kept.text
    # Ani agrees and is decreed: the notice names unit, position, TMT and SK.
    await ani.press("✅ Setuju")
    await ani.reply()
    await hr.press(data=DecreeMove(ani_move).pack())
    await hr.reply()
    await hr.ask("800/7001/BKPSDM/2027")
    await hr.ask("01-03-2027")
    decree = await ani.reply()
    assert shows_text(decree.text, "plans.decree_notice")
    for part in (UNITS[1], "Pranata Komputer Ahli Muda", "01-03-2027", "800/7001/BKPSDM/2027"):
        assert part in decree.text, part
    # /usulan shows the decided move, with "Tanya BKPSDM" until TMT + 30 days.
    shown = await ani.ask("/usulan")
    assert shows_text(shown.text, "plans.usulan_decided") and "800/7001" in shown.text
    assert shows_text(shown.text, "plans.usulan_ask_until") and "31-03-2027" in shown.text
    await ani.press("❓ Tanya BKPSDM", message_id=shown.message_id)
    assert shows_text((await ani.reply()).text, "plans.kons_ask_question")
    assert shows_text((await ani.ask("Kapan serah terima?")).text, "plans.kons_question_sent")
    # After TMT + 30 days the button is refused (server-side) and /usulan says so.
    now = harness.services.clock.now()
    await harness.advance(datetime(2027, 4, 1, 3, 0, tzinfo=UTC) - now)
    assert await harness.settle()
    await ani.latest()
    before = len(await ani.callback_answers())
    await ani.press("❓ Tanya BKPSDM", message_id=shown.message_id)
    answers = await ani.callback_answers(min_count=before + 1)
    assert shows_text(answers[-1]["text"], "plans.ask_too_late")
    closed = await ani.ask("/usulan")
    assert shows_text(closed.text, "plans.usulan_ask_closed") and closed.button_labels == []
