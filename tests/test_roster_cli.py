"""The roster CLI commands: exit codes and printed output (SQLite file per test)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.roster.demo_data import generate_rows, to_csv

DATA = Path("/work/shared/data")

pytestmark = pytest.mark.skipif(not DATA.exists(), reason="sample data not available")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the CLI at a fresh SQLite file and no bot username."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("BOT_USERNAME", "")
    monkeypatch.setenv("DEFAULT_LOCALE", "id")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_import_exit_codes(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    errors = str(DATA / "roster-with-errors.csv")
    assert main(["import", "employees", errors]) == 1
    assert "Baris 22: NIP harus 18 digit (ditemukan 14)" in capsys.readouterr().out
    assert main(["import", "employees", errors, "--partial"]) == 0
    assert "20 pegawai ditambahkan" in capsys.readouterr().out
    assert main(["import", "employees", str(env / "missing.csv")]) == 2
    (env / "roster.pdf").write_bytes(b"%PDF")
    assert main(["import", "employees", str(env / "roster.pdf")]) == 2


def test_demo_data_out_and_invite(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = env / "demo.csv"
    assert main(["demo-data", "--employees", "25", "--seed", "3", "--out", str(out)]) == 0
    assert out.read_bytes() == to_csv(generate_rows(25, 3))
    assert main(["demo-data", "--employees", "25", "--seed", "3", "--linked"]) == 0
    assert "25 pegawai ditambahkan" in capsys.readouterr().out
    nip = generate_rows(1, 3)[0]["nip"]
    assert main(["invite", nip]) == 0
    assert "BOT_USERNAME" in capsys.readouterr().out
    monkeypatch.setenv("BOT_USERNAME", "SukamajuBot")
    assert main(["invite", nip]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"https://t\.me/SukamajuBot\?start=[A-Za-z0-9_-]{24}\n", printed)
    assert "WIB" in printed
    assert main(["invite", "1" * 17]) == 1
    assert main(["invite", "199001012015012001"]) == 1
