"""/usulan for employees, cancelling a whole plan, and the consultation data rights."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.events import MOVE_CANCELLED, MoveEvent
from bot.harness import BotHarness
from bot.plans.buttons import DecreeMove
from bot.privacy import export_user_data
from storage.models import AuditEntry, BotUser, MoveQuestion, MutationPlan, PlanMove
from storage.queries.privacy import unlink_user
from tests.conftest import HR_ID
from tests.db_scan import tables_holding
from tests.e2e.test_plans import (
    EMPLOYEES,
    draft_and_approve,
    person,
    setup_plan_world,
    start_consultation,
)
from tests.e2e.test_plans_import import _moves


async def test_usulan_cancel_plan_and_privacy(harness: BotHarness) -> None:
    """Own moves only, fresh buttons; plan cancel emits for decreed moves; export and erase."""
    await setup_plan_world(harness)
    cancelled: list[MoveEvent] = []

    async def on_cancel(_session: Any, event: MoveEvent) -> None:
        cancelled.append(event)

    harness.services.events.subscribe(MOVE_CANCELLED, on_cancel)
    moves = await draft_and_approve(harness)
    await start_consultation(harness)
    ani, bayu, citra = (person(harness, tg or 0) for tg, _n, _m in EMPLOYEES[:3])
    for emp in (ani, bayu, citra):
        await emp.reply()
    ani_move, bayu_move = moves[EMPLOYEES[0][1]], moves[EMPLOYEES[1][1]]
    # Ani lost the message: /usulan shows her own move with fresh buttons, and she answers.
    offer = await ani.ask("/usulan")
    assert f"(#{ani_move.id})" in offer.text and f"(#{bayu_move.id})" not in offer.text
    await ani.press("✅ Setuju", message_id=offer.message_id)
    assert "persetujuan Anda dicatat" in (await ani.reply()).text
    again = await ani.ask("/usulan")
    assert "Tanggapan Anda: Setuju" in again.text
    assert again.button_labels == []
    # Bayu objects and asks a question (his data for the export and the erasure).
    await bayu.press("❓ Tanya BKPSDM")
    await bayu.reply()
    await bayu.send("Apakah rumah dinas tersedia?")
    await bayu.reply()
    await bayu.press("⚠️ Keberatan")
    await bayu.reply()
    await bayu.press("Keluarga")
    await bayu.reply()
    await bayu.send("Anak saya sekolah di kecamatan asal")
    await bayu.reply()
    hr = person(harness, HR_ID)
    notices = await hr.replies(2)  # the question and the objection reach HR
    assert any("/tanya" in n.text for n in notices)
    queue = await hr.ask("/tanya")  # HR answers: the answer to Bayu quotes his question
    await hr.press(queue.button_labels[0])
    await hr.reply()
    await hr.send("Ya, tersedia.")
    assert "terkirim ke pegawai" in (await hr.reply()).text
    assert "rumah dinas" in (await bayu.reply()).text
    # HR decrees Ani's move, then cancels the whole plan with a reason.
    await hr.press(data=DecreeMove(ani_move.id).pack())
    await hr.reply()
    await hr.ask("800/1/BKPSDM/2027")
    assert "ditetapkan" in (await hr.ask("01-03-2027")).text
    await ani.reply()
    card = await hr.ask("/rencana")
    await hr.press(card.button_labels[0])
    await hr.wait_edit(card.message_id)
    await hr.press("🚫 Batalkan rencana", message_id=card.message_id)
    assert "Ketik alasan" in (await hr.reply()).text
    done = await hr.ask("Anggaran mutasi ditunda")
    assert "3 usulan dibatalkan, 3 pegawai diberi tahu" in done.text
    for emp in (ani, bayu, citra):
        assert "dibatalkan oleh BKPSDM" in (await emp.reply()).text
    assert [e.move_id for e in cancelled] == [ani_move.id]
    statuses = {m.id: m.status for m in await _moves(harness)}
    assert statuses[moves[EMPLOYEES[3][1]].id] == "rejected"
    assert sorted(set(statuses.values())) == ["cancelled", "rejected"]
    assert "Tidak ada usulan mutasi" in (await citra.ask("/usulan")).text
    async with harness.services.db.transaction() as session:
        plan = await session.get(MutationPlan, ani_move.plan_id)
        entry = (
            await session.execute(select(AuditEntry).where(AuditEntry.action == "plan.cancelled"))
        ).scalar_one()
        assert plan is not None and plan.status == "cancelled"
        assert entry.details["reason"] == "Anggaran mutasi ditunda"
        # Data rights: Bayu's answer and question are exported, then erased; the move stays.
        user = await session.get(BotUser, EMPLOYEES[1][0])
        assert user is not None
        exported = await export_user_data(session, user)
        item = exported["mutation_consultations"][0]
        assert item["answer"] == "object" and "sekolah" in item["answer_text"]
        assert item["questions"][0]["text"] == "Apakah rumah dinas tersedia?"
        await unlink_user(session, user)
    async with harness.services.db.transaction() as session:
        move = await session.get(PlanMove, bayu_move.id)
        question = (await session.execute(select(MoveQuestion))).scalar_one()
        assert move is not None and move.answer == "object" and "sekolah" not in move.answer_text
        assert "sekolah" not in move.answer_text and "rumah dinas" not in question.text
    # Nowhere else either: not in the audit log, not in the messages sent to him.
    assert await tables_holding(harness.services.db, "kecamatan asal", "rumah dinas") == {}
