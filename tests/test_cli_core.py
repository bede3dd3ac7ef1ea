"""The core CLI: db upgrade on an empty file, admin roles, usage errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli.main import build_parser, main
from storage.db import Database
from storage.queries import users


@pytest.fixture
def empty_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """DATABASE_URL pointing at a file that does not exist yet."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh' / 'bot.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    return url


def test_db_upgrade_on_empty_sqlite(empty_sqlite: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``db upgrade`` creates the file and the schema."""
    assert main(["db", "upgrade"]) == 0
    assert "head" in capsys.readouterr().out
    assert Path(empty_sqlite.split(":///", 1)[1]).exists()


def test_admin_add_list_remove(empty_sqlite: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Roles are granted, listed and removed from the shell."""
    assert main(["admin", "add", "4242", "--role", "approver"]) == 0
    assert main(["admin", "add", "4242", "--role", "hr"]) == 0
    assert main(["admin", "list"]) == 0
    out = capsys.readouterr().out
    assert "4242\tapprover" in out and "4242\thr" in out

    async def roles() -> frozenset[str]:
        db = Database(empty_sqlite)
        async with db.transaction() as session:
            held = await users.roles_of(session, 4242)
        await db.dispose()
        return held

    assert asyncio.run(roles()) == {"hr", "approver"}
    assert main(["admin", "remove", "4242", "--role", "hr"]) == 0
    assert asyncio.run(roles()) == {"approver"}
    assert main(["admin", "remove", "4242", "--role", "hr"]) == 1


def test_every_documented_command_exists() -> None:
    """The command names operators rely on are all registered."""
    parser = build_parser()
    for argv in (
        ["run"],
        ["demo", "--script"],
        ["db", "upgrade"],
        ["import", "employees", "f.csv", "--partial"],
        ["invite", "199003152015031001"],
        ["admin", "list"],
        ["demo-data", "--employees", "10", "--linked"],
        ["emulator", "--port", "0"],
    ):
        args = parser.parse_args(argv)
        assert callable(args.func), argv


def test_bad_config_exits_with_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad variable stops the CLI with exit 2 and names the variable."""
    monkeypatch.setenv("TIMEZONE", "Nowhere/Land")
    with pytest.raises(SystemExit) as exc:
        main(["db", "upgrade"])
    assert exc.value.code == 2
    assert "TIMEZONE" in capsys.readouterr().err
