"""``asn-bot aspirations``: open, list, extend, export and close from the shell (SQLite)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from bot.cli.main import main


def test_cli_window_lifecycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Open, refuse a second, extend, export (empty, headers only) and close."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}")
    until = (date.today() + timedelta(days=10)).isoformat()
    assert main(["aspirations", "open", "--name", "Periode CLI", "--until", until]) == 0
    assert "Periode CLI" in capsys.readouterr().out
    assert main(["aspirations", "open", "--name", "Dua", "--until", until]) == 1
    later = (date.today() + timedelta(days=20)).isoformat()
    assert main(["aspirations", "extend", "--until", later]) == 0
    assert main(["aspirations", "list"]) == 0
    assert "dibuka" in capsys.readouterr().out
    out = tmp_path / "aspirasi.xlsx"
    assert main(["aspirations", "export", "--out", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None and sheet["A1"].value == "No. Referensi"
    assert main(["aspirations", "export", "--out", str(tmp_path / "x.txt")]) == 2
    assert main(["aspirations", "close"]) == 0
    assert "ditutup" in capsys.readouterr().out
