"""Mutation plans end to end: draft, approval, consultation, questions, revision, decree."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from bot.emulator.client import EmulatedUser
from bot.events import MOVE_DECREED, MoveEvent
from bot.harness import BotHarness
from bot.plans.buttons import DecreeMove, ExportPlan, PlanSummary, StartConsultation
from storage.models import AuditEntry, PlanMove, Position, Unit
from storage.queries.users import grant_role
from tests.conftest import APPROVER_ID, HR_ID
from tests.factories import UNITS, add_employee
from tests.texts import shows

EMPLOYEES = [
    (7001, "199001012015031001", "Ani Lestari"),
    (7002, "199002022015031002", "Bayu Pratama"),
    (7003, "199003032015032003", "Citra Dewi"),
    (None, "199004042015031004", "Dedi Kurniawan"),
]


_USERS: dict[tuple[int, int], EmulatedUser] = {}


def person(harness: BotHarness, telegram_id: int) -> EmulatedUser:
    """One EmulatedUser per harness and id, so its read position is shared by helpers."""
    key = (id(harness), telegram_id)
    if key not in _USERS:
        _USERS[key] = harness.user(telegram_id)
    return _USERS[key]


async def setup_plan_world(harness: BotHarness) -> None:
    """Four employees (three linked), an open position, an approver."""
    db = harness.services.db
    for i, (tg, nip, name) in enumerate(EMPLOYEES):
        await add_employee(
            db, nip=nip, name=name, phone=f"62811000000{i}", unit=UNITS[0], telegram_id=tg
        )
    async with db.transaction() as session:
        unit = Unit(name=UNITS[1])
        session.add(unit)
        await session.flush()
        session.add(
            Position(
                position_id="F-001", title="Pranata Komputer Ahli Muda", unit_id=unit.id,
                unit_name=unit.name, quota=5, main_duties="Mengelola jaringan dan server",
                min_rank="III/a", max_rank="III/d",
            )
        )  # fmt: skip
        await grant_role(session, APPROVER_ID, "approver", granted_by="test")
    await harness.client.register_chats([APPROVER_ID, *(tg for tg, _n, _m in EMPLOYEES if tg)])


async def add_move(hr: EmulatedUser, nip: str, dest: str = "F-001") -> None:
    """HR adds one move to the open draft plan through the chat."""
    await hr.press("➕ Tambah usulan")
    assert "NIP atau nama" in (await hr.reply()).text
    assert "Tujuan untuk" in (await hr.ask(nip)).text
    assert "usulan TMT" in (await hr.ask(dest)).text
    assert "alasan" in (await hr.ask("01-02-2027")).text
    await hr.send("Penguatan layanan TI")
    added, card = await hr.replies(2)
    assert "ditambahkan" in added.text and "Rencana #" in card.text


async def submit_plan(hr: EmulatedUser) -> None:
    """HR submits the open plan card: a summary to confirm, then the plan goes to the PPK."""
    await hr.press("📤 Ajukan ke PPK")
    confirm = await hr.reply()
    assert shows(confirm.source_text or confirm.text, "plans.submit_confirm")
    await hr.press("📤 Ya, ajukan ke PPK", message_id=confirm.message_id)
    done = await hr.wait_edit(confirm.message_id)
    assert shows(done.text, "plans.submitted") and "🗂 Buka rencana" in done.button_labels


async def approve(approver: EmulatedUser, move_id: int, page_id: int) -> None:
    """The approver approves one move of the page: the move to confirm, then the page again."""
    await approver.press(f"✅ Setujui #{move_id}", message_id=page_id)
    confirm = await approver.wait_edit(page_id)
    assert shows(confirm.source_text or confirm.text, "plans.apv_confirm")
    await approver.press(f"✅ Ya, setujui #{move_id}", message_id=page_id)
    assert shows((await approver.reply()).text, "plans.apv_done_approve")
    await approver.wait_edit(page_id)


async def reply_showing(user: EmulatedUser, key: str, limit: int = 5) -> Any:
    """The next bot message of ``key`` in the user's chat, skipping older unread ones."""
    for _ in range(limit):
        message = await user.reply()
        if shows(message.source_text or message.text, key):
            return message
    raise AssertionError(f"no message {key}")


async def moves_by_employee(harness: BotHarness) -> dict[str, PlanMove]:
    """Moves keyed by the employee NIP."""
    from storage.models import Employee

    async with harness.services.db.transaction() as session:
        rows = (await session.execute(select(PlanMove, Employee.nip).join(Employee))).all()
        return {nip: move for move, nip in rows}


async def draft_and_approve(harness: BotHarness) -> dict[str, PlanMove]:
    """HR drafts a plan of four moves, submits; the approver approves 3, rejects 1."""
    hr, approver = person(harness, HR_ID), person(harness, APPROVER_ID)
    await hr.ask("/rencana")
    await hr.press("➕ Rencana baru")
    await hr.reply()
    await hr.send("Mutasi Januari 2027")
    created, _card = await hr.replies(2)
    assert "Rencana #" in created.text
    for _tg, nip, _name in EMPLOYEES:
        await add_move(hr, nip)
    await submit_plan(hr)
    assert "menunggu persetujuan" in (await approver.reply()).text
    listing = await approver.ask("/persetujuan")
    assert "Mutasi Januari 2027" in listing.button_labels[0]
    await approver.press(listing.button_labels[0])
    page = await approver.wait_edit(listing.message_id)
    assert "halaman 1/1" in page.text and "Dedi Kurniawan" in page.text
    moves = await moves_by_employee(harness)
    for _tg, nip, _name in EMPLOYEES[:3]:
        await approve(approver, moves[nip].id, listing.message_id)
    await approver.press(f"❌ Tolak #{moves[EMPLOYEES[3][1]].id}", message_id=listing.message_id)
    assert "catatan penolakan" in (await approver.reply()).text
    await approver.send("Masa kerja di unit asal masih dibutuhkan")
    assert "ditolak" in (await approver.reply()).text
    assert "sudah diputuskan: 3 disetujui, 1 ditolak" in (await hr.reply()).text
    return await moves_by_employee(harness)


async def start_consultation(harness: BotHarness) -> None:
    """HR opens the plan and sends the consultation."""
    hr = person(harness, HR_ID)
    listing = await hr.ask("/rencana")
    await hr.press(listing.button_labels[0])
    await hr.wait_edit(listing.message_id)
    await hr.press("📨 Kirim konsultasi ke pegawai", message_id=listing.message_id)
    assert "Konsultasi dikirim ke 3 pegawai" in (await hr.reply()).text


async def test_full_plan_flow(harness: BotHarness) -> None:
    """Drafted → submitted → approved/rejected → consulted → answers → revision → decree."""
    await setup_plan_world(harness)
    decreed: list[MoveEvent] = []

    async def on_decree(_session: Any, event: MoveEvent) -> None:
        decreed.append(event)

    moves = await draft_and_approve(harness)
    assert moves[EMPLOYEES[3][1]].status == "rejected"
    assert moves[EMPLOYEES[3][1]].decision_note.startswith("Masa kerja")
    await start_consultation(harness)
    ani, bayu, citra = (person(harness, tg or 0) for tg, _n, _m in EMPLOYEES[:3])
    hr = person(harness, HR_ID)
    for emp in (ani, bayu, citra):
        msg = await emp.reply()
        assert "Usulan mutasi untuk Anda" in msg.text and "Mengelola jaringan" in msg.text
        assert "01-02-2027" in msg.text and "Setuju" in msg.button_labels[0]
    # Ani agrees.
    await ani.press("✅ Setuju")
    assert "persetujuan Anda dicatat" in (await ani.reply()).text
    # Bayu objects with a category and a reason.
    first_offer = await bayu.latest()
    await bayu.press("⚠️ Keberatan")
    await bayu.reply()
    await bayu.press("Keluarga")
    assert "alasan keberatan" in (await bayu.reply()).text
    await bayu.send("Orang tua saya sakit dan tinggal di kecamatan asal")
    assert "keberatan Anda dicatat" in (await bayu.reply()).text
    bayu_move, citra_move = moves[EMPLOYEES[1][1]].id, moves[EMPLOYEES[2][1]].id
    objection = await hr.reply()
    assert shows(objection.source_text or objection.text, "plans.objection_notice")
    assert objection.button_labels == [f"🔎 Buka usulan #{bayu_move}"]
    # A restart between consultation and answer loses nothing.
    await harness.restart_bot()
    harness.services.events.subscribe(MOVE_DECREED, on_decree)
    await citra.press("❓ Tanya BKPSDM")
    await citra.reply()
    await citra.send("Apakah ada tunjangan transportasi?")
    assert "Pertanyaan Anda terkirim" in (await citra.reply()).text
    asked = await hr.reply()
    assert "/tanya" in asked.text and asked.button_labels[1] == f"🔎 Buka usulan #{citra_move}"
    assert asked.button_labels[0].startswith("💬 Jawab P")
    queue = await hr.ask("/tanya")
    assert "tunjangan transportasi" in queue.text
    await hr.press(queue.button_labels[0])
    await hr.reply()
    await hr.send("Ya, sesuai Perbup yang berlaku.")
    assert "terkirim ke pegawai" in (await hr.reply()).text
    answer = await citra.reply()
    assert "Jawaban BKPSDM" in answer.text and "Perbup" in answer.text
    await citra.press("✅ Setuju", message_id=answer.message_id)
    assert "persetujuan Anda dicatat" in (await citra.reply()).text
    # HR revises Bayu's move; his earlier buttons are out of date.
    # One tap on the objection notice opens Bayu's move card.
    await hr.press(f"🔎 Buka usulan #{bayu_move}", message_id=objection.message_id)
    card = await hr.reply()
    assert "Keberatan" in card.text and "✏️ Revisi" in card.button_labels
    await hr.press("✏️ Revisi", message_id=card.message_id)
    current, _ask = await hr.replies(2)  # the destination it has now, then the question
    assert f"{UNITS[1]} / Pranata Komputer Ahli Muda" in current.text
    assert "usulan TMT" in (await hr.ask(f"{UNITS[0]} / Analis Kebijakan")).text
    await hr.ask("01-03-2027")
    revised_reply = await hr.ask("Tetap di unit asal sesuai keberatan")
    assert "direvisi (versi 2)" in revised_reply.text
    # The revision goes back to the PPK, who sees old → new and Bayu's objection.
    approver = person(harness, APPROVER_ID)
    assert shows((await reply_showing(approver, "plans.change_notice")).text, "plans.change_notice")
    listing = await approver.ask("/persetujuan")
    await approver.press(listing.button_labels[0])
    page = await approver.wait_edit(listing.message_id)
    assert shows(page.source_text or page.text, "plans.apv_change")
    assert shows(page.text, "plans.apv_change_unit") and "Analis Kebijakan" in page.text
    assert shows(page.text, "plans.apv_objection") and "Orang tua saya sakit" in page.text
    await approve(approver, bayu_move, listing.message_id)
    assert shows((await hr.reply()).text, "plans.change_decided_notice")
    await hr.press(data=StartConsultation(moves[EMPLOYEES[1][1]].plan_id).pack())
    assert "Konsultasi dikirim ke 1 pegawai" in (await hr.reply()).text
    revised = await bayu.reply()
    assert "direvisi" in revised.text and "Analis Kebijakan" in revised.text
    before = len(await bayu.callback_answers())
    await bayu.press("✅ Setuju", message_id=first_offer.message_id)
    answers = await bayu.callback_answers(min_count=before + 1)
    assert "tidak berlaku" in answers[-1]["text"]
    await bayu.press("✅ Setuju", message_id=revised.message_id)
    assert "persetujuan Anda dicatat" in (await bayu.reply()).text
    # Decree for the three agreed moves; each employee is told.
    for (tg, nip, _name), emp in zip(EMPLOYEES[:3], (ani, bayu, citra), strict=True):
        await hr.press(data=DecreeMove(moves[nip].id).pack())
        assert "nomor SK" in (await hr.reply()).text
        await hr.ask(f"800/{tg}/BKPSDM/2027")
        assert "ditetapkan" in (await hr.ask("01-03-2027")).text
        notice = await emp.reply()
        assert "telah ditetapkan" in notice.text and f"800/{tg}/BKPSDM/2027" in notice.text
    assert sorted(e.move_id for e in decreed) == sorted(moves[n].id for _t, n, _m in EMPLOYEES[:3])
    assert all(e.effective_date == date(2027, 3, 1) for e in decreed)
    # The trail: who did what, and why.
    async with harness.services.db.transaction() as session:
        actions = list(
            (
                await session.execute(select(AuditEntry.action).where(AuditEntry.entity == "move"))
            ).scalars()
        )
    for action in ("move.added", "move.submit", "move.approve", "move.reject", "move.consult",
                   "move.answered", "move.question", "move.revised", "move.decree"):  # fmt: skip
        assert action in actions, action
    # Summary and export.
    await hr.press(data=PlanSummary(moves[EMPLOYEES[0][1]].plan_id).pack())
    summary = await hr.reply()
    assert "Setuju: 3" in summary.text
    await hr.press(data=ExportPlan(moves[EMPLOYEES[0][1]].plan_id).pack())
    doc = await hr.reply()
    assert doc.document is not None and (await hr.download(doc))[:2] == b"PK"
