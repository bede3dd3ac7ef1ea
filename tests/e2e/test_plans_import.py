"""Moves from a file (chat and CLI) and from /kandidat, and the read-only audit trail."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from bot.cli.main import main
from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.plans.buttons import ProposeMove, ShowAudit
from bot.texts import shows_text
from storage.db import Database
from storage.models import AuditEntry, Employee, MutationPlan, PlanMove, Position
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.test_matching import _it_staff, _positions
from tests.e2e.test_plans import EMPLOYEES, person, setup_plan_world
from tests.factories import UNITS, add_employee

KIND = "🗂 Usulan mutasi (ke rencana Draf terbaru)"
NOT_ALLOWED = "hanya untuk petugas"
JUNIOR_NIP = "199005052015031005"
MOVES_CSV = (
    "nip,Unit Tujuan,JABATAN TUJUAN,kode formasi,TMT,Alasan\n"
    f"{EMPLOYEES[0][1]},,,F-001,2027-02-01,Penguatan layanan TI\n"
    f'{EMPLOYEES[1][1]},"{UNITS[0]}",Analis Kebijakan,,01-02-2027,Rotasi\n'
    "12345,,,F-001,2027-02-01,\n"
    "199101012015031009,,,F-001,2027-02-01,\n"
    f"{JUNIOR_NIP},,,F-001,2027-02-01,Kaderisasi\n"
)


async def new_plan(hr: EmulatedUser, name: str = "Mutasi Maret 2027") -> None:
    """HR creates a Draf plan through /rencana."""
    await hr.ask("/rencana")
    await hr.press("➕ Rencana baru")
    await hr.reply()
    await hr.send(name)
    await hr.replies(2)


async def _moves(harness: BotHarness) -> list[PlanMove]:
    """Every move, in order."""
    async with harness.services.db.transaction() as session:
        return list((await session.execute(select(PlanMove).order_by(PlanMove.id))).scalars())


async def _upload_moves(hr: EmulatedUser, data: bytes, filename: str = "usulan.csv") -> str:
    """Send a moves file, choose the kind, return the report."""
    await hr.upload(data, filename=filename)
    await hr.reply()
    await hr.press(KIND)
    return (await hr.reply()).text


async def test_moves_import_in_chat_and_audit(harness: BotHarness) -> None:
    """No Draf → refused; a bad line blocks all; partial adds the rest with warnings audited."""
    await setup_plan_world(harness)
    await add_employee(
        harness.services.db, nip=JUNIOR_NIP, name="Eko Junior", phone="628110000009", rank="II/c"
    )
    hr = person(harness, HR_ID)
    assert "Tidak ada rencana berstatus Draf" in await _upload_moves(hr, MOVES_CSV.encode())
    await new_plan(hr)
    report = await _upload_moves(hr, MOVES_CSV.encode())
    assert "Rencana tujuan: #1 Mutasi Maret 2027" in report
    assert "Impor dibatalkan: 2 baris bermasalah" in report
    assert "Baris 4: NIP harus 18 digit (ditemukan 5)" in report
    assert "Baris 5: NIP tidak ditemukan" in report
    assert await _moves(harness) == []
    await hr.press("Impor baris yang valid saja")
    done = (await hr.reply()).text
    assert "3 usulan ditambahkan ke rencana #1" in done and "2 baris bermasalah dilewati" in done
    assert "Baris 6: diimpor dengan peringatan: golongan II/c di luar rentang" in done
    moves = await _moves(harness)
    assert [(m.to_position, m.proposed_tmt.isoformat()) for m in moves] == [
        ("Pranata Komputer Ahli Muda", "2027-02-01"),
        ("Analis Kebijakan", "2027-02-01"),
        ("Pranata Komputer Ahli Muda", "2027-02-01"),
    ]
    assert moves[2].warnings == ["rank_range"] and moves[0].warnings == []
    async with harness.services.db.transaction() as session:
        entries = list((await session.execute(select(AuditEntry))).scalars())
    overrides = [e for e in entries if e.action == "move.rule_override"]
    assert [(e.entity_id, e.details["reason"]) for e in overrides] == [
        (str(moves[2].id), "imported with warning")
    ]
    added = [e.details for e in entries if e.action == "move.added"]
    assert [(d["source"], d["line"]) for d in added] == [
        ("import", 2),
        ("import", 3),
        ("import", 6),
    ]
    # Approvers read and export the trail; an employee is refused (there is no edit path).
    approver = person(harness, APPROVER_ID)
    listing = await approver.ask("/audit_rencana")
    await approver.press(listing.button_labels[0])
    trail, doc = await approver.replies(2)
    assert "Jejak audit rencana #1" in trail.text
    assert shows_text(trail.text, "plans.act_move_rule_override")  # in words, not the code
    assert shows_text(trail.text, "plans.reason_imported_with_warning")
    sheet = openpyxl.load_workbook(io.BytesIO(await approver.download(doc))).active
    assert sheet is not None
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row]
    assert any("imported with warning" in c for c in cells)
    ani = person(harness, EMPLOYEES[0][0] or 0)
    assert NOT_ALLOWED in (await ani.ask("/audit_rencana")).text
    await ani.ask("/menu")
    await ani.press(data=ShowAudit(1).pack())
    answers = await ani.callback_answers(min_count=1)
    assert NOT_ALLOWED in answers[-1]["text"]


async def test_usulkan_from_kandidat(harness: BotHarness) -> None:
    """/kandidat → pick → Usulkan → TMT and rationale → the move is in the Draf plan."""
    await _positions(harness)
    await _it_staff(harness, 3)
    hr = harness.user(HR_ID)
    await new_plan(hr, "Mutasi TI")
    picks = await hr.ask("/kandidat P-TI1")
    await hr.press(picks.button_labels[0])
    page = await hr.reply()
    assert "📝 Usulkan 1" in page.button_labels
    await hr.press("📝 Usulkan 1", message_id=page.message_id)
    intro, ask_tmt = await hr.replies(2)
    assert "Mutasi TI" in intro.text and "usulan TMT" in ask_tmt.text
    assert "alasan" in (await hr.ask("01-02-2027")).text
    await hr.send("Kompetensi jaringan sesuai formasi")
    added, card = await hr.replies(2)
    assert "ditambahkan" in added.text and "Rencana #1" in card.text
    async with harness.services.db.transaction() as session:
        move, employee, position = (
            await session.execute(
                select(PlanMove, Employee, Position)
                .join(Employee, Employee.id == PlanMove.employee_id)
                .join(Position, Position.id == PlanMove.position_ref)
            )
        ).one()
        plan = await session.get(MutationPlan, move.plan_id)
    assert position.position_id == "P-TI1" and plan is not None and plan.status == "draft"
    assert employee.name in page.text and move.rationale.startswith("Kompetensi jaringan")
    # Pressing a forged "usulkan" as an employee is refused.
    await add_employee(harness.services.db, telegram_id=7100, nip="199201012015031001")
    emp = harness.user(7100)
    await emp.ask("/menu")
    await emp.press(data=ProposeMove(position.id, employee.id).pack())
    answers = await emp.callback_answers(min_count=1)
    assert NOT_ALLOWED in answers[-1]["text"] and answers[-1]["show_alert"]


def test_cli_import_moves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``asn-bot import moves FILE --plan ID [--partial]`` prints the line-numbered report."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DEFAULT_LOCALE", "id")
    assert main(["plans", "list"]) == 0

    async def seed() -> None:
        db = Database(url)
        for _tg, nip, name in EMPLOYEES[:2]:
            await add_employee(db, nip=nip, name=name, phone=f"62812{nip[-6:]}")
        async with db.transaction() as session:
            session.add(MutationPlan(name="Mutasi CLI", status="draft"))
        await db.dispose()

    asyncio.run(seed())
    path = tmp_path / "usulan.csv"
    path.write_text(MOVES_CSV.replace(",F-001,", ",,").replace(",,,,", f",{UNITS[0]},Analis,,"))
    capsys.readouterr()
    assert main(["import", "moves", str(path), "--plan", "9"]) == 1
    assert "Rencana #9 tidak ditemukan" in capsys.readouterr().out
    assert main(["import", "moves", str(path), "--plan", "1"]) == 1
    assert "Baris 4: NIP harus 18 digit" in capsys.readouterr().out
    assert main(["import", "moves", str(path), "--plan", "1", "--partial"]) == 0
    out = capsys.readouterr().out
    assert "2 usulan ditambahkan ke rencana #1" in out and "Baris 6: NIP tidak ditemukan" in out
