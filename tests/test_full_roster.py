"""Full roster imports: employees absent from the file become inactive (both databases)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli.main import main
from bot.delivery.outbox import queue_message
from bot.imports.render import render_report
from bot.messages import OutgoingMessage
from bot.roster.demo_data import generate_rows, to_csv
from bot.texts import t
from storage.db import Database
from storage.models import AuditEntry, Employee, OutboxMessage
from storage.queries.users import grant_role
from tests.factories import add_employee
from tests.imports_support import run_import
from tests.texts import shows

ROWS = generate_rows(3, seed=21)
FILE = to_csv(ROWS)
LEFT_NIPS = ("199104202015032002", "198805052012011003")
LEFT_TG, LEFT_HR_TG = 7201, 7202


async def _stored(db: Database) -> dict[str, bool]:
    """NIP -> active of every stored employee."""
    async with db.transaction() as session:
        rows = (await session.execute(select(Employee.nip, Employee.active))).all()
    return {str(nip): bool(active) for nip, active in rows}


async def _with_two_leavers(db: Database) -> None:
    """Two stored employees the file does not list; the second also holds the HR role."""
    await add_employee(db, nip=LEFT_NIPS[0], name="Sari", telegram_id=LEFT_TG)
    await add_employee(db, nip=LEFT_NIPS[1], name="Budi", phone="6281300000001",
                       telegram_id=LEFT_HR_TG)  # fmt: skip
    async with db.transaction() as session:
        await grant_role(session, LEFT_HR_TG, "hr", "test")
        for chat in (LEFT_TG, LEFT_HR_TG):
            await queue_message(session, chat, OutgoingMessage("x"), f"pending{chat}")


@pytest.mark.parametrize("full", [False, True])
async def test_full_roster_deactivates_the_absent(db: Database, full: bool) -> None:
    """Only a full import deactivates; it counts them and cancels their unsent messages."""
    await _with_two_leavers(db)
    report = await run_import(db, "roster", FILE, full=full)
    assert report.applied and report.created == 3
    assert report.deactivated == (2 if full else 0)
    stored = await _stored(db)
    assert all(stored[row["nip"]] for row in ROWS)
    assert [stored[nip] for nip in LEFT_NIPS] == [not full, not full]
    line = t("id", "import.report.deactivated", count=2)
    assert (line in render_report(report, "id")) is full
    async with db.transaction() as session:
        outbox = dict(
            (await session.execute(select(OutboxMessage.chat_id, OutboxMessage.status))).all()
        )
        audit = (
            await session.execute(select(AuditEntry).where(AuditEntry.action == "roster.import"))
        ).scalar_one()
    assert outbox == {LEFT_TG: "cancelled" if full else "pending", LEFT_HR_TG: "pending"}
    assert audit.details["deactivated"] == report.deactivated and audit.details["full"] is full


async def test_next_roster_reactivates(db: Database) -> None:
    """An employee listed again in a later roster is active again."""
    await _with_two_leavers(db)
    await run_import(db, "roster", FILE, full=True)
    again = [*ROWS, {**ROWS[0], "nip": LEFT_NIPS[0], "nama": "Sari", "telepon": "081234567890"}]
    report = await run_import(db, "roster", to_csv(again), full=True)
    assert (report.updated, report.deactivated) == (1, 0)  # Sari is back; Budi already left
    stored = await _stored(db)
    assert stored[LEFT_NIPS[0]] and not stored[LEFT_NIPS[1]]


@pytest.mark.parametrize("problem", ["rejected_line", "empty"])
async def test_full_roster_refused_unless_clean(db: Database, problem: str) -> None:
    """A rejected line (its NIP would look absent) or an empty file changes nothing."""
    await _with_two_leavers(db)
    rows = [{**ROWS[0], "golongan": "V/z"}, *ROWS[1:]] if problem == "rejected_line" else []
    data = to_csv(rows) if rows else FILE.split(b"\n", 1)[0] + b"\n"
    report = await run_import(db, "roster", data, full=True, partial=True)
    assert not report.applied and report.refused is not None
    key = "import.full.rejected_lines" if rows else "import.full.empty"
    assert report.refused.key == key
    assert await _stored(db) == {LEFT_NIPS[0]: True, LEFT_NIPS[1]: True}


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the CLI at a fresh SQLite file."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("DEFAULT_LOCALE", "id")
    (tmp_path / "roster.csv").write_bytes(FILE)
    (tmp_path / "half.csv").write_bytes(to_csv(ROWS[:1]))
    return tmp_path


def test_cli_full_option(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--full`` deactivates (a dry run only counts); it fits neither other kinds nor --partial."""
    roster, half = str(cli_env / "roster.csv"), str(cli_env / "half.csv")
    assert main(["import", "employees", roster]) == 0
    capsys.readouterr()
    assert main(["import", "employees", half, "--full", "--dry-run"]) == 0
    assert shows(capsys.readouterr().out, "import.report.dry_run")
    assert main(["import", "employees", half, "--full"]) == 0
    assert t("id", "import.report.deactivated", count=2) in capsys.readouterr().out
    assert main(["import", "employees", half, "--full", "--partial"]) == 2
    assert shows(capsys.readouterr().out, "import.cli.full_not_partial")
    assert main(["import", "workload", half, "--full"]) == 2
    assert shows(capsys.readouterr().out, "import.cli.full_only_roster")
