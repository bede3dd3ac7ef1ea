"""``asn-bot freeze`` and ``asn-bot rules rotation-due``, and the roster columns the rules read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli.common import run_async
from bot.cli.main import main
from storage.db import Database
from storage.models import Employee

ROSTER = (
    "nip,nama,unit kerja,jabatan,golongan,tmt jabatan,hukuman disiplin,tingkat hukuman,"
    "hukuman selesai,dalam pemeriksaan,tugas belajar selesai,ikatan dinas selesai,"
    "skp tahun lalu,skp dua tahun lalu\n"
    "199003152015031001,Ani,Dinas Kesehatan,Perawat,III/a,2020-01-02,ya,sedang,2027-06-30,"
    "tidak,,2030-12-31,Baik,92\n"
    "199103152015032002,Budi,Dinas Kesehatan,Perawat,III/a,2024-01-02,,,,ya,2026-08-31,,,\n"
)


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh SQLite file for the CLI, in an empty working directory."""
    monkeypatch.chdir(tmp_path)
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_freeze_periods_from_the_shell(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Add (refused when it ends first), list, remove, remove again."""
    assert main(["freeze", "add", "--from", "2027-05-01", "--until", "2027-04-01"]) == 2
    assert main(["freeze", "add", "--from", "2027-13-01", "--until", "2027-04-01"]) == 2
    assert main(["freeze", "add", "--from", "2027-03-01", "--until", "2027-09-30",
                 "--name", "Pilkada 2027"]) == 0  # fmt: skip
    assert main(["freeze", "list"]) == 0
    out = capsys.readouterr().out
    assert "#1 Pilkada 2027: 01-03-2027 s.d. 30-09-2027" in out
    assert main(["freeze", "remove", "1"]) == 0
    assert main(["freeze", "remove", "1"]) == 1


def test_roster_columns_and_rotation_due(
    cli_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The optional rule columns are imported; rotation-due lists 5+ years in post."""
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert main(["import", "roster", str(roster)]) == 0
    assert main(["rules", "rotation-due", "--on", "2025-01-02"]) == 0
    out = capsys.readouterr().out
    assert "1 pegawai" in out and "199003152015031001  Ani" in out and "Budi" not in out
    assert main(["rules", "rotation-due", "--on", "2025-01-01"]) == 0
    assert "0 pegawai" in capsys.readouterr().out

    async def read() -> dict[str, Employee]:
        """The imported employees by name."""
        db = Database(cli_db)
        try:
            async with db.transaction() as session:
                rows = (await session.execute(select(Employee))).scalars()
                return {e.name: e for e in rows}
        finally:
            await db.dispose()

    people = run_async(read)
    ani, budi = people["Ani"], people["Budi"]
    assert (ani.disciplinary_sanction, ani.sanction_level, ani.sanction_until) == (
        True, "sedang", date(2027, 6, 30))  # fmt: skip
    assert (ani.service_bond_until, ani.skp_last_year, ani.skp_year_before) == (
        date(2030, 12, 31), "baik", "sangat baik")  # fmt: skip
    assert (budi.under_examination, budi.study_leave_until, budi.sanction_level) == (
        True, date(2026, 8, 31), "")  # fmt: skip


def test_roster_rule_cells_are_checked(cli_db: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    """An unknown sanction level or SKP rating rejects the line, naming the column."""
    bad = ROSTER.replace(",sedang,", ",parah,").replace(",Baik,", ",lumayan,")
    roster = tmp_path / "bad.csv"
    roster.write_text(bad, encoding="utf-8")
    assert main(["import", "roster", str(roster)]) != 0
    out = capsys.readouterr().out
    assert "tingkat hukuman disiplin" in out and "predikat SKP" in out
