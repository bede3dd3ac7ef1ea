"""The approval loop and the decree applied, end to end through the emulator.

Keep despite an objection and a new TMT after the SK go back to the PPK, who sees old → new
and the objection; the employee learns the new TMT once approved; at the TMT "Dilaksanakan"
changes the roster, writes the position history that /profil shows and moves the staffed
figures. No one approves what they submitted (also with forged buttons); no submission
without an approver; a second live plan for one employee is refused, naming the plan.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select

from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.plans.buttons import (
    CarryOut,
    ChangeTmt,
    ConfirmApprove,
    Decide,
    DecreeMove,
    KeepMove,
    OpenPlan,
    ReviseMove,
)
from storage.models import Employee, PlanMove, PositionHistory, RoleGrant, Unit, WorkloadFigure
from storage.queries.users import grant_role
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.test_plans import (
    EMPLOYEES,
    add_move,
    approve,
    draft_and_approve,
    moves_by_employee,
    person,
    reply_showing,
    setup_plan_world,
    start_consultation,
    submit_plan,
)
from tests.factories import UNITS
from tests.texts import shows

OLD_POSITION, NEW_POSITION = "Pranata Komputer Ahli Pertama", "Pranata Komputer Ahli Muda"


async def _approve_change(harness: BotHarness, move_id: int, *keys: str) -> None:
    """The PPK is told, opens the plan, sees ``keys`` on the page and approves the move."""
    approver = person(harness, APPROVER_ID)
    await reply_showing(approver, "plans.change_notice")
    listing = await approver.ask("/persetujuan")
    await approver.press(listing.button_labels[0])
    page = await approver.wait_edit(listing.message_id)
    for key in keys:
        assert shows(page.source_text or page.text, key), key
    await approve(approver, move_id, listing.message_id)


async def _object(employee: EmulatedUser, hr: EmulatedUser, reason: str) -> None:
    """The employee objects to the consultation (family reasons); HR gets the notice."""
    await employee.reply()
    await employee.press("⚠️ Keberatan")
    await employee.reply()
    await employee.press("Keluarga")
    await employee.reply()
    await employee.send(reason)
    await employee.reply()
    await reply_showing(hr, "plans.objection_notice")


async def test_changes_go_back_to_the_ppk_and_the_decree_applies(harness: BotHarness) -> None:
    """Objection → kept → PPK approves → SK → new TMT → PPK approves → employee told → at the
    TMT carried out: roster, position history, /profil, staffed figures."""
    await setup_plan_world(harness)
    async with harness.services.db.transaction() as session:
        session.add_all([
            WorkloadFigure(unit_name=UNITS[0], position=OLD_POSITION, need=4, staffed=4),
            WorkloadFigure(unit_name=UNITS[1], position=NEW_POSITION, need=3, staffed=1),
        ])  # fmt: skip
    moves = await draft_and_approve(harness)
    await start_consultation(harness)
    hr, bayu = person(harness, HR_ID), person(harness, EMPLOYEES[1][0] or 0)
    move_id = moves[EMPLOYEES[1][1]].id
    await _object(bayu, hr, "Orang tua saya sakit dan tinggal di kecamatan asal")
    # HR keeps it despite the objection: back to the PPK, with the objection shown.
    await hr.press(data=KeepMove(move_id).pack())
    assert shows((await hr.reply()).text, "plans.ask_keep")
    assert shows((await hr.ask("Kebutuhan layanan mendesak")).text, "plans.kept")
    await hr.press(data=DecreeMove(move_id).pack())
    assert shows((await hr.reply()).text, "plans.not_now")  # not before the PPK decides
    await _approve_change(harness, move_id, "plans.apv_change", "plans.apv_objection")
    await reply_showing(hr, "plans.change_decided_notice")
    await hr.press(data=DecreeMove(move_id).pack())
    assert shows((await hr.reply()).text, "plans.ask_sk")
    await hr.ask("800/7002/BKPSDM/2027")
    assert shows((await hr.ask("01-03-2027")).text, "plans.decreed")
    await reply_showing(bayu, "plans.decree_notice")
    # A new TMT after the SK: back to the PPK (old → new), the employee told once approved.
    await hr.press(data=ChangeTmt(move_id).pack())
    await hr.reply()
    assert shows((await hr.ask("01-04-2027")).text, "plans.tmt_changed")
    await _approve_change(harness, move_id, "plans.apv_change_tmt")
    assert "01-04-2027" in (await reply_showing(bayu, "plans.tmt_notice")).text
    # "Dilaksanakan" waits for the TMT; then the roster follows.
    clock = harness.services.clock
    clock.set(datetime(2027, 3, 31, 3, 0, tzinfo=UTC))
    await hr.press(data=CarryOut(move_id).pack())
    await reply_showing(hr, "plans.done_before_tmt")
    clock.set(datetime(2027, 4, 1, 3, 0, tzinfo=UTC))
    await hr.press(data=CarryOut(move_id).pack())
    await reply_showing(hr, "plans.done")
    profile = await bayu.ask("/profil")
    assert shows(profile.text, "profile.history_header") and UNITS[1] in profile.text
    assert "800/7002/BKPSDM/2027" in profile.text and "01-04-2027" in profile.text
    async with harness.services.db.transaction() as session:
        employee = (
            await session.execute(select(Employee).where(Employee.nip == EMPLOYEES[1][1]))
        ).scalar_one()
        unit = await session.get(Unit, employee.unit_id)
        history = (await session.execute(select(PositionHistory))).scalars().all()
        staffed = {
            (w.unit_name, w.position): w.staffed
            for w in (await session.execute(select(WorkloadFigure))).scalars()
        }
    assert unit is not None and unit.name == UNITS[1]
    assert (employee.position_title, employee.position_tmt.isoformat()) == (  # type: ignore[union-attr]
        NEW_POSITION, "2027-04-01")  # fmt: skip
    assert [(h.previous_unit_name, h.unit_name, h.move_id) for h in history] == [
        (UNITS[0], UNITS[1], move_id)
    ]
    assert staffed == {(UNITS[0], OLD_POSITION): 3, (UNITS[1], NEW_POSITION): 2}


async def test_no_approver_then_no_self_approval(harness: BotHarness) -> None:
    """Without another approver the plan is refused with how to add one; an officer who is
    also PPK cannot approve what they submitted, not even with forged buttons."""
    await setup_plan_world(harness)
    db = harness.services.db
    async with db.transaction() as session:
        await session.execute(delete(RoleGrant).where(RoleGrant.role == "approver"))
        await grant_role(session, HR_ID, "approver", granted_by="test")
    hr = person(harness, HR_ID)
    await hr.ask("/rencana")
    await hr.press("➕ Rencana baru")
    await hr.reply()
    await hr.send("Mutasi Maret 2027")
    await hr.replies(2)
    await add_move(hr, EMPLOYEES[0][1])
    await hr.press("📤 Ajukan ke PPK")
    confirm = await hr.reply()
    await hr.press("📤 Ya, ajukan ke PPK", message_id=confirm.message_id)
    refused = await hr.reply()
    assert shows(refused.source_text or refused.text, "plans.no_approver")
    assert "asn-bot admin add" in refused.text
    async with db.transaction() as session:
        await grant_role(session, APPROVER_ID, "approver", granted_by="test")
    move = next(iter((await moves_by_employee(harness)).values()))
    await hr.press(data=OpenPlan(move.plan_id).pack())
    await hr.latest()
    await submit_plan(hr)
    listing = await hr.ask("/persetujuan")
    await hr.press(listing.button_labels[0])
    page = await hr.wait_edit(listing.message_id)
    assert shows(page.text, "plans.apv_own_note")
    assert not any("Setujui" in label for label in page.button_labels)
    forged_buttons = (
        Decide(move.id, "approve", 0),
        ConfirmApprove(move.id, 0),
        Decide(move.id, "reject", 0),
    )
    for forged in forged_buttons:
        await hr.press(data=forged.pack())
        assert shows((await reply_showing(hr, "plans.apv_own")).text, "plans.apv_own")
    async with db.transaction() as session:
        after = await session.get(PlanMove, move.id)
    assert after is not None and after.status == "submitted"


async def test_change_without_another_approver_is_refused(harness: BotHarness) -> None:
    """After an objection, with HR the only approver left, keeping or revising the move is
    refused with how to add an approver, and the move stays as it was."""
    await setup_plan_world(harness)
    moves = await draft_and_approve(harness)
    await start_consultation(harness)
    hr, bayu = person(harness, HR_ID), person(harness, EMPLOYEES[1][0] or 0)
    move_id = moves[EMPLOYEES[1][1]].id
    await _object(bayu, hr, "Orang tua saya sakit")
    db = harness.services.db
    async with db.transaction() as session:
        await session.execute(delete(RoleGrant).where(RoleGrant.role == "approver"))
        await grant_role(session, HR_ID, "approver", granted_by="test")
    for pressed in (KeepMove(move_id), ReviseMove(move_id)):
        await hr.press(data=pressed.pack())
        refused = await reply_showing(hr, "plans.no_approver")
        assert "asn-bot admin add" in refused.text
    async with db.transaction() as session:
        after = await session.get(PlanMove, move_id)
    assert after is not None and (after.status, after.version) == ("consultation", 1)


async def test_second_live_plan_for_one_employee_is_refused(harness: BotHarness) -> None:
    """Ani's move is live in the first plan: adding her to a second plan names that plan."""
    await setup_plan_world(harness)
    hr = person(harness, HR_ID)
    for name in ("Mutasi Pertama", "Mutasi Kedua"):
        await hr.ask("/rencana")
        await hr.press("➕ Rencana baru")
        await hr.reply()
        await hr.send(name)
        await hr.replies(2)
        if name == "Mutasi Pertama":
            await add_move(hr, EMPLOYEES[0][1])
    await hr.press("➕ Tambah usulan")
    await hr.reply()
    await hr.ask(EMPLOYEES[0][1])
    await hr.ask("F-001")
    await hr.ask("01-02-2027")
    refused = await hr.ask("Penguatan layanan TI")
    assert shows(refused.source_text or refused.text, "plans.already_in_plan")
    assert "Mutasi Pertama" in refused.text
    assert len(await moves_by_employee(harness)) == 1
