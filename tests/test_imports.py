"""The import registry: every kind reads, validates, applies and reports the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from bot.imports.reader import FileError
from bot.imports.registry import ALIASES, KIND_NAMES, all_kinds, get_kind
from bot.imports.render import render_report
from bot.texts import has_key
from storage.db import Database
from tests.imports_support import Case, cases, run_import, seed_for, stored, validate

CASES = cases()
IDS = [c.kind for c in CASES]


def test_registry_names_labels_and_texts() -> None:
    """Every kind is registered under its name, with its texts in both languages."""
    assert [k.name for k in all_kinds()] == list(KIND_NAMES) == IDS
    assert get_kind("employees") is get_kind("roster") and set(ALIASES.values()) <= set(IDS)
    for kind in all_kinds():
        for locale in ("id", "en"):
            assert has_key(locale, kind.label) and has_key(locale, kind.report), kind.name


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_good_file_then_again(db: Database, case: Case) -> None:
    """A good file is applied with its counts; importing it again creates nothing new."""
    await seed_for(db, case.kind)
    lines = case.good.decode().strip().count("\n")
    report = await run_import(db, case.kind, case.good)
    assert report.applied and not report.errors and not report.missing_columns
    assert (report.read, report.created, report.skipped) == (lines, lines, 0)
    assert await stored(db, case.kind) == lines
    again = await run_import(db, case.kind, case.good)
    assert again.created == 0 and await stored(db, case.kind) == lines
    if case.kind == "moves":  # a move is added once: the employees are already in the plan
        assert not again.applied
        assert {e.key for e in again.errors} == {"plans.imp_err_already_in_plan"}
    else:  # the others upsert: every line is unchanged
        assert again.applied and (again.updated, again.unchanged) == (0, lines)


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_errors_file_all_or_nothing_then_partial(db: Database, case: Case) -> None:
    """Rejected lines block the whole file unless partial; the report names each line."""
    await seed_for(db, case.kind)
    report = await run_import(db, case.kind, case.bad)
    assert not report.applied and report.offers_partial
    assert [(e.line, e.column, e.key) for e in report.errors] == case.errors
    assert report.skipped == len(case.errors) and report.created == 0
    assert await stored(db, case.kind) == 0
    text = render_report(report, "id")
    assert f"Impor dibatalkan: {len(case.errors)} baris bermasalah" in text
    assert all(f"Baris {line}:" in text for line, _c, _k in case.errors)
    partial = await run_import(db, case.kind, case.bad, partial=True)
    assert partial.applied and partial.created == case.valid_in_bad
    assert partial.skipped == len(case.errors) and not partial.offers_partial
    assert await stored(db, case.kind) == case.valid_in_bad
    assert f"{len(case.errors)} baris bermasalah dilewati" in render_report(partial, "id")


@pytest.mark.parametrize("kind", IDS)
def test_unreadable_file_and_missing_columns(kind: str) -> None:
    """Every kind refuses a non-table file and names the required columns it misses."""
    with pytest.raises(FileError) as info:
        validate(kind, b"%PDF-1.4", "data.pdf")
    assert info.value.key == "import.file.type"
    missing = validate(kind, b"foo,bar\n1,2\n")
    assert missing.missing_columns and missing.records == [] and missing.read == 1


@pytest.mark.parametrize("locale", ["id", "en"])
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_report_texts_resolve(case: Case, locale: str) -> None:
    """No raw text key is left in a report, in either language."""
    from bot.imports.report import ImportReport

    errors = validate(case.kind, case.bad).errors
    text = render_report(ImportReport(case.kind, errors=errors), locale)
    assert ".err" not in text and "import." not in text
    assert {"id": "Line ", "en": "Baris "}[locale] not in text  # every line in one language


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The CLI on a fresh SQLite file."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("DEFAULT_LOCALE", "id")
    return tmp_path


def test_cli_dry_run_saves_nothing(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--dry-run`` prints the report the import would give and leaves the database as it was."""
    case = CASES[0]
    path = cli_env / "roster.csv"
    path.write_bytes(case.bad)
    assert main(["import", "roster", str(path), "--partial", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Uji coba (--dry-run)" in out and "2 pegawai ditambahkan" in out
    assert main(["import", "employees", str(path), "--partial"]) == 0
    assert "2 pegawai ditambahkan" in capsys.readouterr().out  # nothing was kept by the dry run
    assert main(["import", "roster", str(path), "--plan", "1"]) == 2
    assert "--plan" in capsys.readouterr().out
    moves = cli_env / "usulan.csv"
    moves.write_bytes(CASES[-1].good)
    assert main(["import", "moves", str(moves), "--plan", "7"]) == 1
    assert "Rencana #7 tidak ditemukan" in capsys.readouterr().out
