"""Transfer aspirations end to end: submitting, navigation, drafts, windows, HR review, export."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import openpyxl
from sqlalchemy import select

from bot.aspirations import draft as d
from bot.aspirations.buttons import (
    Back,
    ChooseKind,
    ConfirmWithdraw,
    ExportAspirations,
    ListAspirations,
    OpenAspiration,
)
from bot.emulator.client import BotMessage, EmulatedUser
from bot.harness import BotHarness
from storage.models import Aspiration, AspirationHistory, AspirationWindow, AuditEntry, utcnow
from tests.conftest import HR_ID
from tests.factories import UNITS, add_employee
from tests.texts import shows

EMP_ID, OTHER_ID = 6101, 6102


async def _setup(harness: BotHarness, *, open_window: bool = True, **employee: Any) -> None:
    """Employees in every sample unit (two linked) and, by default, an open window."""
    db = harness.services.db
    fields: dict[str, Any] = {"unit": UNITS[2], "telegram_id": EMP_ID}
    fields.update(employee)
    await add_employee(db, **fields)
    await add_employee(
        db,
        nip="199101012015031002",
        name="Budi",
        phone="6281100000002",
        unit=UNITS[0],
        telegram_id=OTHER_ID,
    )
    await add_employee(
        db,
        nip="199101012015031003",
        name="Citra",
        phone="6281100000003",
        unit=UNITS[1],
        position="Pranata Humas Ahli Muda",
    )
    if open_window:
        await _window(harness, "Periode Uji", -1, 10)


async def _window(harness: BotHarness, name: str, start_days: float, end_days: float) -> int:
    """Insert a window relative to now."""
    now = utcnow()
    async with harness.services.db.transaction() as session:
        window = AspirationWindow(
            name=name,
            starts_at=now + timedelta(days=start_days),
            ends_at=now + timedelta(days=end_days),
            unit_ids=[],
        )
        session.add(window)
        await session.flush()
        return window.id


async def _press(user: EmulatedUser, label: str) -> BotMessage:
    """Press a button and return the bot's next message."""
    await user.press(label)
    return await user.reply()


async def _fill_to_summary(user: EmulatedUser) -> BotMessage:
    """A full run from /aspirasi to the summary with fuzzy-picked units."""
    elig = await user.ask("/aspirasi")
    assert "memenuhi syarat" in elig.text
    kind = await _press(user, "Lanjut ➡️")
    assert "Jenis mutasi" in kind.text
    ask = await _press(user, "Pindah ke OPD/unit lain")
    assert "Pilihan ke-1" in ask.text
    found = await user.ask("kominfo")
    assert found.button_labels[0] == "Dinas Komunikasi dan Informatika"
    pos = await _press(user, "Dinas Komunikasi dan Informatika")
    assert "Jabatan" in pos.text
    ask2 = await _press(user, "Jabatan apa saja")
    assert "Pilihan ke-2" in ask2.text
    found = await user.ask("dinkes")
    assert found.button_labels[0] == "Dinas Kesehatan"
    await _press(user, "Dinas Kesehatan")
    positions = await user.ask("pranata komp")
    assert "Pranata Komputer Ahli Pertama" in positions.button_labels
    ask3 = await _press(user, "Pranata Komputer Ahli Pertama")
    assert "Pilihan ke-3" in ask3.text
    reason = await _press(user, "✅ Cukup, lanjut")
    assert "alasan utama" in reason.text
    text = await _press(user, "Pengembangan karier")
    assert "500 karakter" in text.text
    relocate = await user.ask("Ingin mengembangkan karier di bidang TI.")
    assert "kota" in relocate.text
    await _press(user, "Ya")
    summary = await _press(user, "Lewati")
    assert "Ringkasan" in summary.text
    return summary


async def _aspirations(harness: BotHarness) -> list[Aspiration]:
    """All stored aspirations."""
    async with harness.services.db.transaction() as session:
        return list((await session.execute(select(Aspiration).order_by(Aspiration.id))).scalars())


async def test_complete_submission_with_fuzzy_units(harness: BotHarness) -> None:
    """A full conversation stores one aspiration with a reference, history and audit."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    summary = await _fill_to_summary(user)
    assert "Pilihan 1: Dinas Komunikasi dan Informatika" in summary.text
    assert "Pilihan 2: Dinas Kesehatan — Pranata Komputer Ahli Pertama" in summary.text
    sent = await _press(user, "✅ Kirim")
    assert "ASP-20" in sent.text and "Diajukan" in sent.text
    [asp] = await _aspirations(harness)
    assert asp.status == "submitted" and asp.kind == "other_unit" and asp.eligible
    assert [p["unit"] for p in asp.preferences] == [
        "Dinas Komunikasi dan Informatika",
        "Dinas Kesehatan",
    ]
    assert asp.reference and asp.reference in sent.text
    status = await user.ask("/status")
    assert asp.reference in status.text and "Diajukan" in status.text
    async with harness.services.db.transaction() as session:
        history = (await session.execute(select(AspirationHistory))).scalars().all()
        audits = (
            (await session.execute(select(AuditEntry).where(AuditEntry.entity == "aspiration")))
            .scalars()
            .all()
        )
    assert [h.action for h in history] == ["submit"]
    assert [a.action for a in audits] == ["aspiration.submit"]


async def test_back_button_returns_one_step(harness: BotHarness) -> None:
    """Back from the kind question shows eligibility; back after a pick re-asks that choice."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    await user.ask("/aspirasi")
    await _press(user, "Lanjut ➡️")
    elig = await _press(user, "⬅️ Kembali")
    assert "Langkah 1" in elig.text
    await _press(user, "Lanjut ➡️")
    await _press(user, "Pindah ke OPD/unit lain")
    await user.ask("dinkes")  # another unit: the employee's own (Bappeda) is refused here
    await _press(user, "Dinas Kesehatan")
    ask2 = await _press(user, "Jabatan apa saja")
    assert "Pilihan ke-2" in ask2.text
    again = await _press(user, "⬅️ Kembali")
    assert "Pilihan ke-1" in again.text
    kind = await _press(user, "⬅️ Kembali")
    assert "Jenis mutasi" in kind.text


async def test_cancel_then_resume_and_restart_mid_conversation(harness: BotHarness) -> None:
    """/cancel keeps the draft; /aspirasi resumes at the same step, also after a restart."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    await user.ask("/aspirasi")
    await _press(user, "Lanjut ➡️")
    await _press(user, "Rotasi di dalam unit kerja")
    await _press(user, "Jabatan apa saja")
    await _press(user, "✅ Cukup, lanjut")
    text = await _press(user, "Alasan kesehatan")
    assert "Alasan kesehatan" in text.text
    cancelled = await user.ask("/cancel")
    assert "/aspirasi" in cancelled.text
    stale = await user.ask("hello")
    assert "tidak sedang menunggu" in stale.text
    await user.send("/aspirasi")
    resumed, question = await user.replies(2)
    assert "Melanjutkan" in resumed.text and "500 karakter" in question.text
    await harness.restart_bot()
    relocate = await user.ask("Dekat dengan rumah sakit rujukan.")
    assert "kota" in relocate.text
    await _press(user, "Tidak")
    summary = await _press(user, "Lewati")
    assert "Rotasi" in summary.text and "Dekat dengan rumah sakit" in summary.text


async def test_edit_and_withdraw(harness: BotHarness) -> None:
    """A sent aspiration can be changed (history kept) and withdrawn while the window is open."""
    await _setup(harness)
    user = harness.user(EMP_ID)
    await _fill_to_summary(user)
    await _press(user, "✅ Kirim")
    status = await user.ask("/status")
    assert "✏️ Ubah aspirasi" in status.button_labels
    await user.press("✏️ Ubah aspirasi")
    _existing, summary = await user.replies(2)
    assert shows(summary.source_text or summary.text, "asp.summary_editing")
    await _press(user, "✏️ Ubah")
    await _press(user, "Kesediaan pindah kota")
    await _press(user, "Tidak")
    summary = await _press(user, "Lewati")
    assert "Bersedia pindah kota: Tidak" in summary.text
    sent = await _press(user, "✅ Kirim")
    assert "Diajukan" in sent.text
    [asp] = await _aspirations(harness)
    assert asp.willing_to_relocate is False
    await user.ask("/status")
    confirm = await _press(user, "🗑 Batalkan aspirasi")
    done = await _press(user, "Ya, batalkan aspirasi")
    assert "dibatalkan" in done.text and str(asp.reference) in confirm.text
    async with harness.services.db.transaction() as session:
        actions = (
            (await session.execute(select(AspirationHistory.action).order_by(AspirationHistory.id)))
            .scalars()
            .all()
        )
    assert list(actions) == ["submit", "change", "withdraw"]
    assert (await _aspirations(harness))[0].status == "withdrawn"


async def test_closed_window_refused_with_next_opening(harness: BotHarness) -> None:
    """Outside a window the employee learns when the next one opens; sending late is refused."""
    await _setup(harness, open_window=False)
    user = harness.user(EMP_ID)
    none = await user.ask("/aspirasi")
    assert "belum ada jadwal" in none.text
    window_id = await _window(harness, "Periode Kedua", -1, 5)
    await _window(harness, "Periode Berikutnya", 20, 30)
    await _fill_to_summary(user)
    async with harness.services.db.transaction() as session:
        window = await session.get(AspirationWindow, window_id)
        assert window is not None
        window.closed_at = utcnow()
    await user.press("✅ Kirim")
    refused, nxt = await user.replies(2)
    assert "sudah ditutup" in refused.text
    assert "Periode Berikutnya" in nxt.text
    assert await _aspirations(harness) == []


async def test_ineligible_employee_sees_why_and_is_flagged(harness: BotHarness) -> None:
    """Too short in position and a sanction are both explained; the aspiration is flagged."""
    recent = date.today() - timedelta(days=200)
    await _setup(harness, position_tmt=recent, disciplinary_sanction=True)
    user = harness.user(EMP_ID)
    elig = await user.ask("/aspirasi")
    assert "belum memenuhi syarat" in elig.text
    assert "minimal 2 tahun" in elig.text and "hukuman disiplin" in elig.text
    await _press(user, "Lanjut ➡️")
    await _press(user, "Lainnya")
    await user.send("Kementerian Luar")
    no_match, offer = await user.replies(2)
    assert "Tidak ada unit" in no_match.text
    assert "✍️ Pakai “Kementerian Luar”" in offer.button_labels
    pos = await _press(user, "✍️ Pakai “Kementerian Luar”")
    assert "Kementerian Luar" in pos.text
    await _press(user, "Jabatan apa saja")
    await _press(user, "✅ Cukup, lanjut")
    await _press(user, "Lainnya")
    await user.ask("Alasan pribadi.")
    await _press(user, "Tidak")
    await _press(user, "Lewati")
    await _press(user, "✅ Kirim")
    [asp] = await _aspirations(harness)
    assert asp.eligible is False
    assert asp.eligibility_problems == ["too_short", "sanction"]


async def test_bad_input_changes_nothing(harness: BotHarness) -> None:
    """Over-long, empty, photo, stale, forged and someone else's buttons: clear refusals."""
    await _setup(harness)
    user, other = harness.user(EMP_ID), harness.user(OTHER_ID)
    await user.ask("/aspirasi")
    await _press(user, "Lanjut ➡️")
    typed = await user.ask("saya mau pindah")
    assert "tombol" in typed.text
    await user.reply()  # the question again
    await _press(user, "Pindah ke OPD/unit lain")
    await user.ask("kominfo")
    await _press(user, "Dinas Komunikasi dan Informatika")
    await _press(user, "Jabatan apa saja")
    await _press(user, "✅ Cukup, lanjut")
    await _press(user, "Beban kerja")
    too_long = await user.ask("x" * 501)
    assert "501 karakter" in too_long.text and "500" in too_long.text
    empty = await user.ask("   ")
    assert "kosong" in empty.text
    await user.send_photo()
    assert "bukan foto" in (await user.reply()).text
    await user.press(data=ChooseKind("rotation").pack())  # stale: belongs to an earlier step
    await user.press(data="aspiration-reason:bogus")  # forged argument
    await other.press(data=Back(d.REASON_TEXT).pack(), chat_id=EMP_ID)
    answers = await user.callback_answers(min_count=8)
    alerts = [a.get("text") or "" for a in answers if a.get("show_alert")]
    assert any(shows(a, "asp.stale_step") for a in alerts)  # an earlier step's button
    assert any(shows(a, "common.stale_button") for a in alerts)  # a forged value
    other_answers = await other.callback_answers(min_count=1)  # a press in someone else's chat
    assert any(shows(a.get("text") or "", "common.not_allowed") for a in other_answers)
    ok = await user.ask("Beban kerja terlalu tinggi.")
    assert "kota" in ok.text
    await _press(user, "Ya")
    await _press(user, "Lewati")
    await _press(user, "✅ Kirim")
    [asp] = await _aspirations(harness)
    await other.ask("/status")
    await other.press(data=ConfirmWithdraw(asp.id).pack(), chat_id=EMP_ID)
    refused = await other.callback_answers(min_count=2)
    assert sum(shows(a.get("text") or "", "common.not_allowed") for a in refused) == 2
    assert (await _aspirations(harness))[0].status == "submitted"


async def test_hr_returns_employee_fixes_and_resubmits(harness: BotHarness) -> None:
    """HR returns with a note; the employee is told, fixes via /aspirasi and resubmits."""
    await _setup(harness)
    user, hr = harness.user(EMP_ID), harness.user(HR_ID)
    await _fill_to_summary(user)
    await _press(user, "✅ Kirim")
    summary = await hr.ask("/rekap_aspirasi")
    assert (
        "Jumlah aspirasi: <b>1</b>" in (summary.source_text or summary.text) or "1" in summary.text
    )
    listing = await _press(hr, "📋 Daftar aspirasi")
    [asp] = await _aspirations(harness)
    assert str(asp.reference) in listing.text
    card = await _press(hr, f"1. {asp.reference}")
    assert "Pengembangan karier" in card.text
    ask = await _press(hr, "↩️ Kembalikan untuk perbaikan")
    assert "catatan" in ask.text.lower()
    done = await hr.ask("Mohon lengkapi jabatan pada pilihan 1.")
    assert "Dikembalikan" in done.text
    note = await user.reply()
    assert "Dikembalikan" in note.text and "lengkapi jabatan" in note.text
    sent_card = await user.ask("/aspirasi")  # the sent aspiration, with the HR note
    assert "lengkapi jabatan" in sent_card.text and "✏️ Ubah aspirasi" in sent_card.button_labels
    await user.press("✏️ Ubah aspirasi")
    _existing, _summary = await user.replies(2)
    await _press(user, "✏️ Ubah")
    choices = await _press(user, "Pilihan unit/jabatan")
    assert "Dinas Komunikasi dan Informatika" in choices.text
    await _press(user, "🔁 Ganti pilihan 1")
    await user.ask("kominfo")
    await _press(user, "Dinas Komunikasi dan Informatika")
    await user.ask("humas")
    choices = await _press(user, "Pranata Humas Ahli Muda")
    assert "Pranata Humas Ahli Muda" in choices.text and "Dinas Kesehatan" in choices.text
    summary = await _press(user, "✅ Selesai")
    assert "Pranata Humas Ahli Muda" in summary.text
    sent = await _press(user, "✅ Kirim")
    assert "Diajukan" in sent.text
    [asp] = await _aspirations(harness)
    assert asp.status == "submitted"
    async with harness.services.db.transaction() as session:
        actions = (
            (await session.execute(select(AspirationHistory.action).order_by(AspirationHistory.id)))
            .scalars()
            .all()
        )
    assert list(actions) == ["submit", "return", "resubmit"]


async def test_export_xlsx_and_employee_refused(harness: BotHarness) -> None:
    """HR's XLSX has one row per aspiration; employees cannot list, open or export."""
    await _setup(harness)
    user, hr, other = harness.user(EMP_ID), harness.user(HR_ID), harness.user(OTHER_ID)
    await _fill_to_summary(user)
    await _press(user, "✅ Kirim")
    [asp] = await _aspirations(harness)
    await hr.ask("/rekap_aspirasi")
    doc = await _press(hr, "📥 Ekspor XLSX")
    assert doc.document is not None
    sheet = openpyxl.load_workbook(io.BytesIO(await hr.download(doc))).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    header, row = rows
    assert header[0] == "No. Referensi" and "Jenis Mutasi" in header
    record = dict(zip(header, row, strict=True))
    assert record["No. Referensi"] == asp.reference
    assert record["Pilihan 1 - Unit Kerja"] == "Dinas Komunikasi dan Informatika"
    assert record["Status"] == "Diajukan" and record["Kategori Alasan"] == "Pengembangan karier"
    refused = await other.ask("/rekap_aspirasi")
    assert "hanya untuk petugas" in refused.text
    forged = (
        ListAspirations("all", 0, 0),
        OpenAspiration(asp.id),
        ExportAspirations("xlsx"),
        ExportAspirations("csv"),
    )
    for data in forged:
        await other.press(data=data.pack(), chat_id=HR_ID)
    answers = await other.callback_answers(min_count=4)
    assert all("hanya untuk petugas" in (a.get("text") or "") for a in answers)
    later = await other.client.messages(OTHER_ID, after=refused.message_id)
    assert all(m.document is None and str(asp.reference) not in m.text for m in later)


async def test_hr_opens_window_in_chat(harness: BotHarness) -> None:
    """/periode creates a window from local dates, limited to units typed as abbreviations."""
    await _setup(harness, open_window=False)
    hr = harness.user(HR_ID)
    await hr.ask("/periode")
    await _press(hr, "➕ Buka periode baru")
    await hr.ask("Penjaringan Semester I")
    await _press(hr, "Mulai sekarang")
    end = (date.today() + timedelta(days=14)).isoformat()
    await hr.ask(end)
    confirm = await hr.ask("dinkes, bappeda")
    assert "Dinas Kesehatan" in confirm.text and "Badan Perencanaan" in confirm.text
    created = await _press(hr, "✅ Buka periode")
    assert "dibuka" in created.text
    elig = await harness.user(EMP_ID).ask("/aspirasi")
    assert "Langkah 1" in elig.text
    refused = await harness.user(OTHER_ID).ask("/aspirasi")
    assert "Langkah 1" in refused.text  # Dinas Kesehatan is included
