"""Irreversible actions are confirmed or undoable (issue 13, defect 3), end to end.

Submitting a plan, approving a move and accepting an aspiration show a summary to confirm
(nothing changes before "Ya"); an acceptance and a skill deletion can be undone.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.harness import BotHarness
from bot.plans.buttons import ConfirmSubmitPlan
from bot.texts import t
from storage.models import (
    AspirationHistory,
    EmployeeSkill,
    MutationPlan,
    OutboxMessage,
    PlanMove,
)
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.test_aspirations import EMP_ID, _aspirations, _fill_to_summary, _press, _setup
from tests.e2e.test_plans import EMPLOYEES, add_move, person, setup_plan_world
from tests.e2e.test_plans_import import new_plan
from tests.factories import add_employee
from tests.texts import shows, source


async def _plan_status(harness: BotHarness) -> str:
    """The status of the one plan."""
    async with harness.services.db.transaction() as session:
        return str(await session.scalar(select(MutationPlan.status)))


async def _move_status(harness: BotHarness) -> str:
    """The status of the one move."""
    async with harness.services.db.transaction() as session:
        return str(await session.scalar(select(PlanMove.status)))


async def test_plan_submission_and_approval_are_confirmed(harness: BotHarness) -> None:
    """ "Ajukan" and "Setujui" first show what goes; Kembali changes nothing."""
    await setup_plan_world(harness)
    hr, approver = person(harness, HR_ID), person(harness, APPROVER_ID)
    await new_plan(hr, "Mutasi Uji")
    await add_move(hr, EMPLOYEES[0][1])
    await hr.press("📤 Ajukan ke PPK")
    confirm = await hr.reply()
    assert shows(source(confirm), "plans.submit_confirm") and EMPLOYEES[0][2] in confirm.text
    assert await _plan_status(harness) == "draft"
    await hr.press("⬅️ Kembali", message_id=confirm.message_id)
    card = await hr.wait_edit(confirm.message_id)
    assert shows(source(card), "plans.card") and await _plan_status(harness) == "draft"
    await hr.press("📤 Ajukan ke PPK", message_id=card.message_id)
    confirm = await hr.reply()
    await hr.press("📤 Ya, ajukan ke PPK", message_id=confirm.message_id)
    assert shows((await hr.wait_edit(confirm.message_id)).text, "plans.submitted")
    assert await _plan_status(harness) == "submitted"
    await hr.press(data=ConfirmSubmitPlan(1).pack())  # an old "Ya" again: says the status now
    assert shows(source(await hr.reply()), "plans.plan_status_now")
    await approver.reply()  # "a plan waits for you"
    listing = await approver.ask("/persetujuan")
    await approver.press(listing.button_labels[0])
    await approver.wait_edit(listing.message_id)
    async with harness.services.db.transaction() as session:
        move_id = int(await session.scalar(select(PlanMove.id)) or 0)
    await approver.press(f"✅ Setujui #{move_id}", message_id=listing.message_id)
    confirm = await approver.wait_edit(listing.message_id)
    assert shows(source(confirm), "plans.apv_confirm") and EMPLOYEES[0][2] in confirm.text
    assert await _move_status(harness) == "submitted"
    await approver.press("⬅️ Kembali", message_id=listing.message_id)
    page = await approver.wait_edit(listing.message_id)
    assert shows(source(page), "plans.apv_plan") and await _move_status(harness) == "submitted"
    await approver.press(f"✅ Setujui #{move_id}", message_id=listing.message_id)
    await approver.wait_edit(listing.message_id)
    await approver.press(f"✅ Ya, setujui #{move_id}", message_id=listing.message_id)
    assert shows((await approver.reply()).text, "plans.apv_done_approve")
    assert await _move_status(harness) == "approved"


async def test_acceptance_is_confirmed_and_can_be_undone(harness: BotHarness) -> None:
    """HR accepts on a summary; Urungkan before the notice leaves: status back, nobody told."""
    await _setup(harness)
    user, hr = harness.user(EMP_ID), harness.user(HR_ID)
    await _fill_to_summary(user)
    sent = await _press(user, "✅ Kirim")
    [asp] = await _aspirations(harness)
    await hr.ask("/rekap_aspirasi")
    await _press(hr, "📋 Daftar aspirasi")
    await _press(hr, f"1. {asp.reference}")
    confirm = await _press(hr, t("id", "aspr.btn_accept"))
    assert shows(source(confirm), "aspr.confirm_accept") and "Pengembangan karier" in confirm.text
    assert (await _aspirations(harness))[0].status == "submitted"
    done = await _press(hr, t("id", "aspr.btn_accept_yes"))
    assert shows(source(done), "aspr.done_undo") and "↩️ Urungkan" in done.button_labels
    assert (await _aspirations(harness))[0].status == "accepted"
    undone = await _press(hr, "↩️ Urungkan")
    assert shows(source(undone), "aspr.undone")
    assert (await _aspirations(harness))[0].status == "submitted"
    async with harness.services.db.transaction() as session:
        rows = (await session.execute(select(OutboxMessage.status))).scalars().all()
        actions = (await session.execute(select(AspirationHistory.action))).scalars().all()
    assert list(rows) == ["cancelled"] and list(actions) == ["submit", "accept", "undo"]
    await hr.press("↩️ Urungkan", message_id=done.message_id)  # a second time: too late
    assert shows((await hr.reply()).text, "aspr.undo_too_late")
    await asyncio.sleep(0.5)
    later = await hr.client.messages(EMP_ID, after=sent.message_id)
    assert not any(shows(m.text, "asp.notify") for m in later)  # the employee was not told


async def test_deleted_skill_can_be_restored(harness: BotHarness) -> None:
    """🗑 deletes at once and keeps the list open with Urungkan, which puts the skill back."""
    await add_employee(harness.services.db, telegram_id=7720)
    user = harness.user(7720)
    await user.ask("/profil")
    await user.press("➕ Keahlian")
    await user.reply()
    await user.send("pengelolaan arsip digital")
    await user.replies(2)
    await user.press("✏️ Ubah / hapus")
    listing = await user.reply()
    await user.press("🗑 1", message_id=listing.message_id)
    deleted = await user.wait_edit(listing.message_id)
    assert shows(source(deleted), "profile.deleted_item") and "↩️ Urungkan" in deleted.button_labels
    assert "👤 Kembali ke profil" in deleted.button_labels  # the way on
    async with harness.services.db.transaction() as session:
        assert (await session.execute(select(EmployeeSkill))).first() is None
    await user.press("↩️ Urungkan", message_id=listing.message_id)
    restored = await user.wait_edit(listing.message_id)
    assert shows(source(restored), "profile.restored") and "🗑 1" in restored.button_labels
    async with harness.services.db.transaction() as session:
        texts = (await session.execute(select(EmployeeSkill.text))).scalars().all()
    assert list(texts) == ["pengelolaan arsip digital"]
    await user.press(data="profile-restore")  # again: nothing left to restore
    assert shows((await user.reply()).text, "profile.undo_gone")
