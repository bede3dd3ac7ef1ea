"""Declared steps of the plan conversations: a user who loses the role mid-flow is refused.

One test per family of HR and approver steps (plans, approvals, the /tanya answers): the
officer starts the step, the role is removed, the typed answer gets
``common.step_not_allowed`` and nothing is saved.
"""

from __future__ import annotations

from sqlalchemy import func, select

from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.texts import t
from storage.models import ConversationState, MoveQuestion, MutationPlan, PlanMove
from storage.queries.users import revoke_role
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.test_plans import (
    EMPLOYEES,
    add_move,
    draft_and_approve,
    person,
    setup_plan_world,
    start_consultation,
    submit_plan,
)

REFUSED = t("id", "common.step_not_allowed")


async def _refused_after_revoke(
    harness: BotHarness, user: EmulatedUser, role: str, typed: str
) -> None:
    """Remove ``role`` from ``user``, type ``typed``: refused and out of the conversation."""
    async with harness.services.db.transaction() as session:
        await revoke_role(session, user.id, role)
    assert (await user.ask(typed)).text == REFUSED
    async with harness.services.db.transaction() as session:
        assert await session.get(ConversationState, user.id) is None


async def test_plan_step_needs_hr(harness: BotHarness) -> None:
    """HR starts a new plan, loses the role, types the name: no plan is created."""
    hr = person(harness, HR_ID)
    await hr.ask("/rencana")
    await hr.press("➕ Rencana baru")
    assert "nama rencana" in (await hr.reply()).text
    await _refused_after_revoke(harness, hr, "hr", "Mutasi Januari 2027")
    async with harness.services.db.transaction() as session:
        assert await session.scalar(select(func.count(MutationPlan.id))) == 0


async def test_rejection_note_needs_approver(harness: BotHarness) -> None:
    """The approver starts a rejection, loses the role, types the note: the move stays."""
    await setup_plan_world(harness)
    hr, approver = person(harness, HR_ID), person(harness, APPROVER_ID)
    await hr.ask("/rencana")
    await hr.press("➕ Rencana baru")
    await hr.reply()
    await hr.send("Mutasi Januari 2027")
    await hr.replies(2)
    await add_move(hr, EMPLOYEES[0][1])
    await submit_plan(hr)
    await approver.reply()
    listing = await approver.ask("/persetujuan")
    await approver.press(listing.button_labels[0])
    await approver.wait_edit(listing.message_id)
    async with harness.services.db.transaction() as session:
        move = (await session.execute(select(PlanMove))).scalar_one()
    await approver.press(f"❌ Tolak #{move.id}", message_id=listing.message_id)
    assert "catatan penolakan" in (await approver.reply()).text
    await _refused_after_revoke(harness, approver, "approver", "Masih dibutuhkan")
    async with harness.services.db.transaction() as session:
        after = await session.get(PlanMove, move.id)
        assert after is not None and after.status == "submitted" and after.decision_note == ""


async def test_question_answer_needs_hr(harness: BotHarness) -> None:
    """HR starts answering a question, loses the role, types the answer: it stays open."""
    await setup_plan_world(harness)
    await draft_and_approve(harness)
    await start_consultation(harness)
    citra = person(harness, EMPLOYEES[2][0] or 0)
    await citra.reply()
    await citra.press("❓ Tanya BKPSDM")
    await citra.reply()
    await citra.send("Apakah ada tunjangan transportasi?")
    await citra.reply()
    hr = person(harness, HR_ID)
    await hr.reply()
    queue = await hr.ask("/tanya")
    await hr.press(queue.button_labels[0])
    assert "Ketik jawaban" in (await hr.reply()).text
    await _refused_after_revoke(harness, hr, "hr", "Ya, sesuai Perbup.")
    async with harness.services.db.transaction() as session:
        question = (await session.execute(select(MoveQuestion))).scalar_one()
        assert question.answered_at is None and question.answer == ""
