"""Notices to employees after HR's and approvers' decisions go through the outbox.

An employee who blocked the bot must not turn HR's decision into "try again": the decision
commits, HR gets its confirmation, and the employee's row is marked unreachable.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.harness import BotHarness
from bot.plans.buttons import DecreeMove
from bot.texts import t
from storage.models import MoveQuestion, OutboxMessage, PlanMove
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.outbox import settled_status
from tests.e2e.test_plans import EMPLOYEES, draft_and_approve, person, setup_plan_world
from tests.texts import shows

ERROR = t("id", "common.error")


async def _settled(harness: BotHarness, dedup_key: str) -> str | None:
    """The final status of the outbox row with ``dedup_key`` (None if it never settles)."""
    return await settled_status(harness, OutboxMessage.dedup_key == dedup_key)


async def test_blocked_employees_do_not_fail_hr_decisions(harness: BotHarness) -> None:
    """Consultation, decree, answer to a question and plan cancel all succeed for HR."""
    await setup_plan_world(harness)
    moves = await draft_and_approve(harness)
    (ani_tg, ani_nip, _), (bayu_tg, bayu_nip, _), (citra_tg, citra_nip, _) = EMPLOYEES[:3]
    ani, bayu, hr = (
        person(harness, ani_tg or 0),
        person(harness, bayu_tg or 0),
        person(harness, HR_ID),
    )
    await harness.client.block_chat(citra_tg or 0)  # Citra blocked the bot before the consultation
    listing = await hr.ask("/rencana")
    await hr.press(listing.button_labels[0])
    await hr.wait_edit(listing.message_id)
    await hr.press(t("id", "plans.btn_consult"), message_id=listing.message_id)
    assert shows((await hr.reply()).text, "plans.consult_started")
    assert await _settled(harness, f"kons{moves[citra_nip].id}v1:{citra_tg}") == "unreachable"
    await ani.reply()
    await ani.press(t("id", "plans.kons_btn_ok"))
    await ani.reply()
    await bayu.reply()
    await bayu.press(t("id", "plans.kons_btn_ask"))
    await bayu.reply()
    await bayu.ask("Apakah ada rumah dinas?")
    for blocked in (ani_tg, bayu_tg):
        await harness.client.block_chat(blocked or 0)
    # HR decrees Ani's move: confirmed, and Ani's notice is unreachable, not an error.
    ani_move = moves[ani_nip]
    await hr.replies(1)  # the question notice
    await hr.press(data=DecreeMove(ani_move.id).pack())
    await hr.reply()
    await hr.ask("800/2/BKPSDM/2027")
    assert shows((await hr.ask("01-03-2027")).text, "plans.decreed")
    assert await _settled(harness, f"sk{ani_move.id}:{ani_tg}") == "unreachable"
    # HR answers Bayu's question.
    async with harness.services.db.transaction() as session:
        question = (await session.execute(select(MoveQuestion))).scalar_one()
    await hr.ask("/tanya")
    await hr.press(t("id", "plans.tanya_btn", id=question.id))
    await hr.reply()
    assert shows((await hr.ask("Ya, tersedia.")).text, "plans.tanya_answered")
    assert await _settled(harness, f"qa{question.id}:{bayu_tg}") == "unreachable"
    # HR cancels the whole plan; every consulted employee is told through the outbox.
    card = await hr.ask("/rencana")
    await hr.press(card.button_labels[0])
    await hr.wait_edit(card.message_id)
    await hr.press(t("id", "plans.btn_cancel_plan"), message_id=card.message_id)
    await hr.reply()
    assert shows((await hr.ask("Anggaran ditunda")).text, "plans.plan_cancelled")
    for nip, tg in ((ani_nip, ani_tg), (bayu_nip, bayu_tg)):
        assert await _settled(harness, f"cx{moves[nip].id}:{tg}") == "unreachable"
    for chat in (HR_ID, APPROVER_ID):
        assert all(ERROR not in m.text for m in await harness.client.messages(chat))
    async with harness.services.db.transaction() as session:
        statuses = set((await session.execute(select(PlanMove.status))).scalars())
    assert statuses == {"cancelled", "rejected"}
