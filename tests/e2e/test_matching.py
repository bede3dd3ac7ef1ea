"""Skill matching in chat: /rekomendasi, /kandidat, /formasi and the positions import."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import openpyxl
from sqlalchemy import select

from bot.harness import BotHarness
from bot.texts import t
from handlers.matching_hr import ExportCandidates
from storage.models import (
    AspirationWindow,
    ConversationState,
    Employee,
    EmployeeSkill,
    utcnow,
)
from storage.queries import users
from tests.conftest import HR_ID
from tests.factories import UNITS, add_employee
from tests.imports_support import run_import

EMP_ID, VAGUE_ID, OTHER_ID = 7001, 7002, 7003
HEADER = "position_id,title,unit,required_skills,education_level,education_fields,min_golongan,max_golongan,quota\n"  # noqa: E501
POSITIONS = HEADER + (
    "P-TI1,Pranata Komputer Ahli Pertama,Dinas Komunikasi dan Informatika,"
    "teknologi informasi; jaringan komputer; pengembangan aplikasi,S1,"
    "Teknik Informatika; Ilmu Komputer,III/a,III/d,2\n"
    "P-ARS,Arsiparis Ahli Pertama,Dinas Kesehatan,kearsipan; tata naskah dinas,S1,,III/a,III/d,1\n"
    "P-TI9,Pranata Komputer Ahli Madya,Dinas Komunikasi dan Informatika,"
    "jaringan komputer; teknologi informasi,S1,,IV/a,IV/c,1\n"
)


async def _positions(harness: BotHarness, csv_text: str = POSITIONS) -> None:
    """Import positions the way the CLI does."""
    await run_import(harness.services.db, "positions", csv_text.encode(), "positions.csv")


async def _window(harness: BotHarness) -> None:
    """An aspiration window open now."""
    now = utcnow()
    async with harness.services.db.transaction() as session:
        session.add(
            AspirationWindow(
                name="Periode Uji", starts_at=now - timedelta(days=1),
                ends_at=now + timedelta(days=10), unit_ids=[],
            )
        )  # fmt: skip


async def _declare(harness: BotHarness, employee_id: int, text: str) -> None:
    """A self-declared skill of an employee."""
    async with harness.services.db.transaction() as session:
        session.add(EmployeeSkill(employee_id=employee_id, kind="skill", text=text))


async def _employee(harness: BotHarness, roster_skills: str, **fields: Any) -> int:
    """An employee from the shared factory with its roster skills replaced."""
    emp_id = await add_employee(harness.services.db, **fields)
    async with harness.services.db.transaction() as session:
        employee = await session.get(Employee, emp_id)
        assert employee is not None
        employee.roster_skills = roster_skills
    return emp_id


async def _it_staff(harness: BotHarness, count: int) -> None:
    """``count`` unlinked IT employees (III/b, S1 Teknik Informatika) with network skills."""
    for i in range(count):
        await _employee(
            harness, "jaringan komputer, teknologi informasi", nip=f"19900101201503{2000 + i}",
            name=f"Pegawai TI {i + 1}", phone=f"628120000{1000 + i}", rank="III/b",
        )  # fmt: skip


async def test_rekomendasi_reasons_and_add_to_aspiration(harness: BotHarness) -> None:
    """Roster + declared skills match a position; the button starts an aspiration draft."""
    await _positions(harness)
    await _window(harness)
    emp = await add_employee(harness.services.db, telegram_id=EMP_ID, unit=UNITS[0])
    await _declare(harness, emp, "bikin aplikasi android")
    user = harness.user(EMP_ID)
    rec = await user.ask("/rekomendasi")
    assert "Pranata Komputer Ahli Pertama" in rec.text
    assert "Kompetensi cocok: " in rec.text and "pengembangan aplikasi" in rec.text
    assert "Golongan III/a dalam rentang III/a–III/d" in rec.text
    assert "P-TI9" not in rec.text and "Arsiparis" not in rec.text  # ineligible / no skill
    assert rec.button_labels == ["➕ Tambahkan 1 ke aspirasi"]
    await user.press("➕ Tambahkan 1 ke aspirasi")
    added, step = await user.replies(2)
    assert "ditambahkan sebagai pilihan ke-1" in added.text
    assert "Langkah 1 dari 6" in step.text
    async with harness.services.db.transaction() as session:
        state = await session.get(ConversationState, EMP_ID)
        assert state is not None and state.flow == "asp"
        assert state.data["prefs"] == [
            {"unit": "Dinas Komunikasi dan Informatika", "unit_id": state.data["prefs"][0]
             ["unit_id"], "position": "Pranata Komputer Ahli Pertama"}
        ]  # fmt: skip
    await user.press("Lanjut ➡️")
    await user.reply()
    await user.press("Pindah ke OPD/unit lain")
    assert "Pilihan ke-2" in (await user.reply()).text
    await user.ask("/cancel")
    await user.send("/rekomendasi")
    await user.reply()
    await user.press("➕ Tambahkan 1 ke aspirasi")
    assert "sudah ada dalam draf" in (await user.reply()).text


async def test_rekomendasi_vague_skills(harness: BotHarness) -> None:
    """Vague skills get advice on how to add skills, not an empty list."""
    await _positions(harness)
    await _employee(harness, "apa saja, siap ditempatkan", telegram_id=VAGUE_ID)
    reply = await harness.user(VAGUE_ID).ask("/rekomendasi")
    assert "belum cukup spesifik" in reply.text and "/profil" in reply.text
    assert "analisis data" in reply.text


async def test_kandidat_search_pages_and_export(harness: BotHarness) -> None:
    """HR searches fuzzily, sees reasons, turns the page and downloads the XLSX."""
    await _positions(harness)
    await _it_staff(harness, 6)
    hr = harness.user(HR_ID)
    assert "Ketik sebagian" in (await hr.ask("/kandidat")).text
    picks = await hr.ask("pranata komputr pertama")
    assert picks.button_labels[0] == "P-TI1 · Pranata Komputer Ahli Pertama"
    await hr.press("P-TI1 · Pranata Komputer Ahli Pertama")
    page = await hr.reply()
    assert "Kandidat 1–5 dari 6" in page.text and "Pegawai TI" in page.text  # one line each
    await hr.press("🔎 1", message_id=page.message_id)  # the details behind a line
    detail = await hr.reply()
    assert "NIP 19900101201503" in detail.text and "Kompetensi cocok" in detail.text
    assert "Kompetensi belum terpenuhi: pengembangan aplikasi" in detail.text
    await hr.press("Berikutnya ➡️", message_id=page.message_id)
    second = await hr.wait_edit(page.message_id)
    assert "Kandidat 6–6 dari 6" in second.text
    await hr.press("📥 Unduh XLSX", message_id=page.message_id)
    doc = await hr.reply()
    assert doc.document and doc.document["file_name"] == "kandidat-P-TI1.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(await hr.download(doc))).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("NIP", "Nama", "Unit kerja") and rows[0][-1] == "Kompetensi kurang"
    assert len(rows) == 7 and all(str(r[0]).startswith("19900101201503") for r in rows[1:])


async def test_kandidat_nobody_fits(harness: BotHarness) -> None:
    """A position outside everyone's golongan says why nobody fits."""
    await _positions(harness)
    await _it_staff(harness, 2)
    hr = harness.user(HR_ID)
    picks = await hr.ask("/kandidat P-TI9")
    assert picks.button_labels == ["P-TI9 · Pranata Komputer Ahli Madya"]
    await hr.press("P-TI9 · Pranata Komputer Ahli Madya")
    reply = await hr.reply()
    assert "Tidak ada pegawai yang memenuhi syarat" in reply.text
    assert "0 dalam rentang golongan IV/a–IV/c" in reply.text


async def test_kandidat_refused_for_employee(harness: BotHarness) -> None:
    """An employee can neither run /kandidat nor press a forged candidate button."""
    await _positions(harness)
    await add_employee(harness.services.db, telegram_id=OTHER_ID)
    user = harness.user(OTHER_ID)
    assert "hanya untuk petugas" in (await user.ask("/kandidat pranata")).text
    await user.ask("/menu")
    await user.press(data=ExportCandidates(1).pack())
    answers = await user.callback_answers(min_count=1)
    assert "hanya untuk petugas" in answers[-1]["text"] and answers[-1]["show_alert"]


async def test_hr_imports_positions_by_chat(harness: BotHarness) -> None:
    """A file with one bad row: report and nothing changed, then the valid rows only."""
    bad = HEADER + (
        "P-NEW,Analis Data,Badan Perencanaan Pembangunan Daerah,analisis data; statistik,"
        "S1,,III/a,III/c,1\n"
        "P-BAD,Perencana,Badan Perencanaan Pembangunan Daerah,perencanaan,S1,,IV/c,III/a,1\n"
    )
    hr = harness.user(HR_ID)
    await hr.upload(bad.encode(), filename="formasi.csv")
    chooser = await hr.reply()
    assert t("id", "import.kind_positions") in chooser.button_labels
    await hr.press(t("id", "import.kind_positions"))
    report = await hr.reply()
    assert "Impor dibatalkan: 1 baris bermasalah" in report.text and "Baris 3" in report.text
    assert "lebih tinggi dari maksimum" in report.text
    await hr.press("Impor baris yang valid saja")
    applied = await hr.reply()
    assert "1 baru" in applied.text
    listing = await hr.ask("/formasi")
    assert "P-NEW" in listing.text and "kuota 1" in listing.text and "P-BAD" not in listing.text
    async with harness.services.db.transaction() as session:
        from storage.models.matching import Position

        codes = list((await session.execute(select(Position.position_id))).scalars())
    assert codes == ["P-NEW"]


async def test_kandidat_step_refused_after_role_removed(harness: BotHarness) -> None:
    """HR starts /kandidat and loses the role: the typed query is refused, the flow ends."""
    await _positions(harness)
    hr = harness.user(HR_ID)
    assert (await hr.ask("/kandidat")).text == t("id", "match.cand.ask")
    async with harness.services.db.transaction() as session:
        # the role goes without the admin service (which would also end the flow):
        # the router itself must refuse the step
        assert await users.revoke_role(session, HR_ID, "hr") == 1
    refused = await hr.ask("pranata komputer")
    assert refused.text == t("id", "common.step_not_allowed") and not refused.button_labels
    async with harness.services.db.transaction() as session:
        assert await session.get(ConversationState, HR_ID) is None
    assert (await hr.ask("pranata")).text == t("id", "common.no_conversation")
