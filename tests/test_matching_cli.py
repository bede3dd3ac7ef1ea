"""``asn-bot match`` on a small handmade CSV pair, and the positions import rules."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.imports.render import render_report
from bot.imports.report import ImportReport
from storage.db import Database
from storage.models import Base
from storage.models.matching import Position
from tests.imports_support import keys, run_import, validate

POSITIONS_CSV = """position_id,title,unit,required_skills,education_level,education_fields,min_golongan,max_golongan,quota
A1,Arsiparis,Dinas Arsip,Menguasai kearsipan; Sehat jasmani dan rohani,D3,,II/c,III/d,1
P1,Pranata Komputer,Dinas Kominfo,teknologi informasi; jaringan komputer; pengembangan aplikasi,S1,Teknik Informatika,III/a,III/d,2
"""  # noqa: E501
EMPLOYEES_CSV = """nip,name,unit,position,golongan,education_level,education_field,tmt_jabatan,skills_text
199001012015011001,Ani,Dinas A,Staf,III/b,S1,Teknik Informatika,2020-01-01,"TI, jarkom & bikin aplikasi"
199001012015012002,Budi,Dinas B,Staf,III/a,D3,Kearsipan,2020-01-01,"arsip 🙏"
199001012015011003,Citra,Dinas C,Staf,III/a,S1,Manajemen,2020-01-01,apa saja
"""  # noqa: E501


def test_match_cli_writes_predictions(tmp_path: Path) -> None:
    """The CLI reads both files and writes nip,position_id,rank,score rows."""
    (tmp_path / "p.csv").write_text(POSITIONS_CSV, encoding="utf-8")
    (tmp_path / "e.csv").write_text(EMPLOYEES_CSV, encoding="utf-8")
    out = tmp_path / "pred.csv"
    code = main(
        [
            "match",
            "--employees",
            str(tmp_path / "e.csv"),
            "--positions",
            str(tmp_path / "p.csv"),
            "--top",
            "10",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["nip", "position_id", "rank", "score"]
    got = {(r["nip"], r["position_id"], r["rank"]) for r in rows}
    assert ("199001012015011001", "P1", "1") in got
    assert ("199001012015012002", "A1", "1") in got
    assert not any(r["nip"] == "199001012015011003" for r in rows)
    assert not any(r["nip"] == "199001012015012002" and r["position_id"] == "P1" for r in rows)


BAD_CSV = POSITIONS_CSV + (
    "B1,,Dinas X,kearsipan,S1,,III/a,III/b,1\n"
    "B2,Analis,Dinas X,kearsipan,S9,,III/d,III/a,0\n"
    "A1,Dup,Dinas X,kearsipan,S1,,,,1\n"
)


def test_parse_positions_reports_lines() -> None:
    """Each bad line is reported with its number and reasons."""
    report = validate("positions", BAD_CSV.encode(), "positions.csv")
    assert [r.position_id for r in report.records] == ["A1", "P1"]
    codes = set(keys(report))
    assert (4, "match.err.title") in codes
    assert {(5, "match.err.education"), (5, "match.err.quota")} <= codes
    assert (5, "match.err.rank_order") in codes
    assert (6, "match.err.position_id_duplicate") in codes
    text = render_report(ImportReport("positions", errors=report.errors), "id")
    assert "Baris 4" in text


def test_missing_columns() -> None:
    """A file without the required columns is rejected as a whole."""
    report = validate("positions", b"kode,nama\nA,B\n", "x.csv")
    assert "title" in report.missing_columns


async def test_apply_positions_all_or_nothing_and_idempotent(tmp_path: Path) -> None:
    """Without partial nothing changes on errors; re-importing changes nothing."""
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'm.db'}")
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    try:
        report = await run_import(db, "positions", BAD_CSV.encode(), "p.csv")
        assert not report.applied
        async with db.transaction() as s:
            assert (await s.get(Position, 1)) is None
        report = await run_import(db, "positions", BAD_CSV.encode(), "p.csv", partial=True)
        assert (report.created, report.applied) == (2, True)
        again = await run_import(db, "positions", POSITIONS_CSV.encode(), "p.csv")
        assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    finally:
        await db.dispose()


@pytest.mark.parametrize("locale", ["id", "en"])
def test_report_texts_exist(locale: str) -> None:
    """Report texts resolve in both languages."""
    report = validate("positions", BAD_CSV.encode(), "p.csv")
    assert "match.err" not in render_report(ImportReport("positions", errors=report.errors), locale)
