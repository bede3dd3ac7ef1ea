"""Roster import end to end on a migrated database (SQLite and PostgreSQL via ``db``)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from bot.imports.reader import FileError
from bot.imports.render import render_report
from bot.imports.report import ImportReport
from bot.imports.rows import Validated
from bot.roster.demo_data import generate_rows, load_demo, to_csv
from bot.roster.validation import parse_nip
from storage.db import Database
from storage.models import AuditEntry, BotUser, Employee, Unit
from storage.queries.employees import (
    find_unlinked_employees_by_phone,
    get_employee_by_nip,
    get_employees_by_nips,
)
from tests.imports_support import run_import, validate

DATA = Path("/work/shared/data")
SAMPLE = DATA / "roster-sample.csv"
WITH_ERRORS = DATA / "roster-with-errors.csv"
EXPECTED_PROBLEMS = [
    (22, "nip", "roster.err.nip_length"),
    (23, "nip", "roster.err.nip_birth_date"),
    (24, "nip", "roster.err.nip_sex"),
    (25, "nip", "roster.err.nip_tmt_too_early"),
    (26, "golongan", "roster.err.rank"),
    (27, "tmt_jabatan", "roster.err.date"),
    (28, "telepon", "roster.err.phone"),
    (29, "nama", "roster.err.name_empty"),
]

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="sample data not available")


def to_xlsx(csv_bytes: bytes) -> bytes:
    """Convert CSV bytes into an XLSX workbook with the same cells (as text)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def parse_roster(data: bytes, name: str) -> Validated[Any]:
    """Read and validate a roster file against today's date."""
    return validate("roster", data, name, today=date.today())


async def import_file(
    db: Database, data: bytes, name: str, *, partial: bool = False
) -> ImportReport:
    """Validate, then apply one roster file in one transaction."""
    return await run_import(db, "roster", data, name, partial=partial, today=date.today())


async def count(db: Database, model: type) -> int:
    """Rows in a table."""
    async with db.transaction() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


def problems_of(parsed: Validated[Any] | ImportReport) -> list[tuple[int, str, str]]:
    """(line, column, text key) of every error."""
    return [(p.line, p.column, p.key) for p in parsed.errors]


def test_errors_file_names_each_bad_line() -> None:
    parsed = parse_roster(WITH_ERRORS.read_bytes(), WITH_ERRORS.name)
    assert problems_of(parsed) == EXPECTED_PROBLEMS
    assert len(parsed.records) == 20 and parsed.read == 28
    text = format_report_for(parsed, "id")
    assert "Baris 22: NIP harus 18 digit (ditemukan 14)" in text
    for line, _column, _key in EXPECTED_PROBLEMS:
        assert f"Baris {line}:" in text
    assert "Line 29: name is empty" in format_report_for(parsed, "en")


def format_report_for(parsed: Validated[Any], locale: str) -> str:
    """The report of a rejected (not applied) import of ``parsed``."""
    return render_report(ImportReport("roster", errors=parsed.errors), locale)


def test_xlsx_gives_same_report() -> None:
    data = WITH_ERRORS.read_bytes()
    from_csv = parse_roster(data, "roster.csv")
    from_xlsx = parse_roster(to_xlsx(data), "roster.xlsx")
    assert from_xlsx.errors == from_csv.errors
    assert from_xlsx.records == from_csv.records


def test_semicolon_bom_and_siasn_headers() -> None:
    rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
    siasn = ["NIP BARU", "NAMA", "NOMOR HP", "UNOR_INDUK_NAMA", "JABATAN NAMA", "Jenis Jabatan",
             "GOL_AKHIR_NAMA", "TINGKAT PENDIDIKAN NAMA", "jurusan", "TMT JABATAN", "hukdis",
             "tubel", "Keahlian"]  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(siasn)
    writer.writerows(rows[1:])
    data = buffer.getvalue().encode("utf-8-sig")
    parsed = parse_roster(data, "siasn.CSV")
    assert parsed.missing_columns == [] and parsed.errors == []
    assert len(parsed.records) == 300
    assert parsed.records == parse_roster(SAMPLE.read_bytes(), "x.csv").records


def test_missing_column_is_named() -> None:
    data = b"NIP,Nama,Jabatan,Golongan\n198501012009011001,Budi,Analis,III/a\n"
    parsed = parse_roster(data, "short.csv")
    assert parsed.missing_columns == ["unit_kerja"]
    assert parsed.records == []


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"whatever", "roster.pdf", "import.file.type"),
        (b"not a zip", "roster.xlsx", "import.file.unreadable"),
        (b"", "roster.csv", "import.file.empty"),
        (b"\xff\xfe\x00\x00", "roster.csv", "import.file.unreadable"),
    ],
)
def test_unreadable_files(data: bytes, name: str, key: str) -> None:
    with pytest.raises(FileError) as info:
        parse_roster(data, name)
    assert info.value.key == key


def test_duplicate_nip_rejects_later_line() -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    data = "\n".join([*lines[:4], lines[2]]).encode()
    parsed = parse_roster(data, "dup.csv")
    assert problems_of(parsed) == [(5, "nip", "roster.err.nip_duplicate")]
    assert parsed.errors[0].params == {"first_line": 3}


async def test_rejected_rows_change_nothing_without_partial(db: Database) -> None:
    report = await import_file(db, WITH_ERRORS.read_bytes(), WITH_ERRORS.name)
    assert not report.applied
    assert problems_of(report) == EXPECTED_PROBLEMS
    assert await count(db, Employee) == 0
    assert await count(db, Unit) == 0
    assert await count(db, AuditEntry) == 0


async def test_partial_then_reimport_is_unchanged(db: Database) -> None:
    report = await import_file(db, WITH_ERRORS.read_bytes(), WITH_ERRORS.name, partial=True)
    assert report.applied and (report.created, report.updated, report.unchanged) == (20, 0, 0)
    assert report.skipped == 8 and report.read == 28
    assert await count(db, Employee) == 20
    again = await import_file(db, WITH_ERRORS.read_bytes(), WITH_ERRORS.name, partial=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 20)
    async with db.transaction() as session:
        entries = (await session.execute(select(AuditEntry))).scalars().all()
    assert [e.action for e in entries] == ["roster.import", "roster.import"]
    assert entries[0].details["added"] == 20
    assert "199803132020022001" not in str(entries[0].details)


async def test_full_sample_then_update(db: Database) -> None:
    report = await import_file(db, SAMPLE.read_bytes(), SAMPLE.name)
    assert report.applied and report.created == 300 and not report.errors
    assert await count(db, Employee) == 300
    changed = SAMPLE.read_text(encoding="utf-8").replace("Tuti Syahputra", "Tuti Syahputri", 1)
    report = await import_file(db, changed.encode(), "sample.csv")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 299)
    async with db.transaction() as session:
        employee = await get_employee_by_nip(session, "199803132020022001")
        assert employee is not None
        assert employee.name == "Tuti Syahputri"
        assert employee.phone == "6284338816302"
        assert employee.rank == "II/b" and employee.education_level == "S1"
        found = await get_employees_by_nips(session, ["199803132020022001", "1" * 18])
        assert list(found) == ["199803132020022001"]
        unlinked = await find_unlinked_employees_by_phone(session, "6284338816302")
        assert [e.nip for e in unlinked] == ["199803132020022001"]
        session.add(BotUser(telegram_id=5, employee_id=employee.id))
        await session.flush()
        assert await find_unlinked_employees_by_phone(session, "6284338816302") == []


async def test_demo_data_is_valid_and_linked(db: Database) -> None:
    rows = generate_rows(400, seed=7)
    assert rows == generate_rows(400, seed=7)
    assert rows != generate_rows(400, seed=8)
    for row in rows:
        parse_nip(row["nip"])
    assert len({r["nip"] for r in rows}) == 400
    assert len({r["telepon"] for r in rows}) == 400
    assert len({r["unit_kerja"] for r in rows}) >= 20
    parsed = parse_roster(to_csv(rows), "demo.csv")
    assert parsed.errors == [] and len(parsed.records) == 400
    async with db.transaction() as session:
        result = await load_demo(session, 400, seed=7, linked=True)
    assert result.report.created == 400 and result.linked == 400
    async with db.transaction() as session:
        again = await load_demo(session, 400, seed=7, linked=True)
    assert again.report.unchanged == 400 and again.linked == 0
    async with db.transaction() as session:
        user = await session.get(BotUser, 700_000_000)
        assert user is not None and user.employee_id is not None
        assert user.consent_at is not None and user.linked_at is not None
