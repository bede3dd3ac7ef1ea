"""Configuration errors stop ``asn-bot`` with one line naming the variable and exit code 2.

Each case runs the real command in a fresh process with only the variables it sets (no
``.env``: the working folder is empty) and checks: exit code 2, exactly one line of output,
the variable named, no traceback, and no ``./data/`` folder left behind.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import make_url

from bot.emulator.server import EmulatorServer
from tests.conftest import PG_ADMIN_URL

TOKEN = "123456:TEST-TOKEN"


def asn_bot(
    cwd: Path, *argv: str, timeout: float = 60, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run ``asn-bot ARGV`` in ``cwd`` with only ``env`` (plus PATH/HOME) set."""
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(cwd), **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", *argv], cwd=cwd, env=environment,
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def lines_of(proc: subprocess.CompletedProcess[str]) -> list[str]:
    """Every non-empty output line, stdout and stderr together."""
    return [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]


def assert_stops(proc: subprocess.CompletedProcess[str], variable: str, *words: str) -> str:
    """Exit code 2 and one line naming ``variable`` (and ``words``); returns the line."""
    lines = lines_of(proc)
    assert proc.returncode == 2, lines
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{variable}: "), lines
    assert "Traceback" not in lines[0] and all(w in lines[0] for w in words), lines
    return lines[0]


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """An empty working folder; no ./data/ may appear in it when the configuration fails."""
    yield tmp_path
    assert not (tmp_path / "data").exists()


def _pg_url(database: str, user: str = "") -> str:
    """The test server's URL with another database (and user)."""
    url = make_url(PG_ADMIN_URL)
    url = url.set(database=database, username=user or url.username)
    return url.render_as_string(hide_password=False)


@pytest.mark.parametrize("command", [("db", "upgrade"), ("run",)])
def test_unreachable_database(folder: Path, command: tuple[str, ...]) -> None:
    """Nothing listens on the port: one line with host, port and reason."""
    proc = asn_bot(
        folder, *command, TELEGRAM_BOT_TOKEN=TOKEN,
        DATABASE_URL="postgresql+asyncpg://postgres@127.0.0.1:5999/test",
    )  # fmt: skip
    line = assert_stops(proc, "DATABASE_URL")
    assert line == "DATABASE_URL: cannot connect to 127.0.0.1:5999 (connection refused)"


@pytest.mark.parametrize(
    ("database", "user", "words"),
    [
        ("asnbot_no_such_db", "", ('database "asnbot_no_such_db" does not exist',)),
        ("test", "asnbot_no_such_role", ('role "asnbot_no_such_role" does not exist',)),
    ],
)
def test_unknown_postgres_database_or_role(
    folder: Path, database: str, user: str, words: tuple[str, ...]
) -> None:
    """PostgreSQL answers but refuses the database or the role."""
    if _pg_unavailable():
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}")
    url = _pg_url(database, user)
    assert_stops(asn_bot(folder, "db", "upgrade", DATABASE_URL=url), "DATABASE_URL", *words)


def _pg_unavailable() -> bool:
    """True when the test PostgreSQL server does not answer."""
    from storage.db import DatabaseUnavailable, check_connection

    try:
        asyncio.run(check_connection(PG_ADMIN_URL))
    except DatabaseUnavailable:
        return True
    return False


def test_sqlite_folder_that_cannot_be_created(folder: Path) -> None:
    """The SQLite file's folder lies under a file: the folder is named with the reason."""
    (folder / "blocker").write_text("a file, not a folder")
    url = f"sqlite+aiosqlite:///{folder / 'blocker' / 'db' / 'bot.sqlite3'}"
    line = assert_stops(asn_bot(folder, "db", "upgrade", DATABASE_URL=url), "DATABASE_URL")
    assert "cannot create the folder" in line and "blocker" in line


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("sqlite+aiosqlite://x.db", ("malformed SQLite URL", "three slashes")),
        ("postgresql://", ("empty PostgreSQL URL",)),
        ("postgresql+asyncpg://", ("empty PostgreSQL URL",)),
        ("", ("empty",)),
        ("mysql://u@h/db", ("must start with",)),
    ],
)
def test_malformed_database_urls(folder: Path, url: str, words: tuple[str, ...]) -> None:
    """A URL that cannot name a database is refused before anything is opened."""
    assert_stops(asn_bot(folder, "db", "upgrade", DATABASE_URL=url), "DATABASE_URL", *words)


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"ASPIRATION_FREEZE_FROM": "31-02-2027"}, "ASPIRATION_FREEZE_FROM"),
        ({"ASPIRATION_FREEZE_UNTIL": "besok"}, "ASPIRATION_FREEZE_UNTIL"),
        (
            {"ASPIRATION_FREEZE_FROM": "31-12-2026", "ASPIRATION_FREEZE_UNTIL": "01-12-2026"},
            "ASPIRATION_FREEZE_UNTIL",
        ),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL"),
        ({"TIMEZONE": "Asia/Atlantis"}, "TIMEZONE"),
        ({"TELEGRAM_BOT_TOKEN": ""}, "TELEGRAM_BOT_TOKEN"),
    ],
)
def test_invalid_settings_stop_run(folder: Path, env: dict[str, str], variable: str) -> None:
    """Freeze dates, log level, zone and token are checked before anything is created."""
    values = {"TELEGRAM_BOT_TOKEN": TOKEN, **env}
    assert_stops(asn_bot(folder, "run", **values), variable)


def test_unreachable_bot_api_is_retried_then_stops(folder: Path) -> None:
    """One line per attempt with the reason, a growing pause, then exit code 2."""
    proc = asn_bot(
        folder, "run", TELEGRAM_BOT_TOKEN=TOKEN, STARTUP_ATTEMPTS="2",
        TELEGRAM_API_BASE_URL="http://127.0.0.1:9/bot",
        DATABASE_URL=f"sqlite+aiosqlite:///{folder / 'db' / 'bot.sqlite3'}",
    )  # fmt: skip
    lines = lines_of(proc)
    assert proc.returncode == 2, lines
    assert len(lines) == 2 and all(line.startswith("TELEGRAM_API_BASE_URL: ") for line in lines)
    assert "attempt 1 of 2; next in 1 s" in lines[0] and "attempt 2 of 2" in lines[1]
    assert "connection refused" in lines[0] and TOKEN not in proc.stdout + proc.stderr


async def test_start_logs_one_line_without_secrets(tmp_path: Path) -> None:
    """A good start logs bot username, mode and database kind in one line, and nothing else."""
    server = EmulatorServer(token=TOKEN)
    await server.start()
    env = {
        "PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": server.base_url, "TELEGRAM_FILE_BASE_URL": server.base_file_url,
        "LOG_LEVEL": "info",
    }  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        first = (await asyncio.wait_for(proc.stdout.readline(), timeout=60)).decode()
        for _ in range(600):  # until the bot polls: started, services running
            if server.state.api_calls.get("getUpdates"):
                break
            await asyncio.sleep(0.1)
    finally:
        proc.terminate()
        rest = (await asyncio.wait_for(proc.communicate(), timeout=30))[0].decode()
        await server.stop()
    assert first.strip() == "INFO bot.run: asn-bot starting: @emulator_bot, polling, SQLite"
    assert TOKEN not in first + rest and "Traceback" not in rest
    assert (tmp_path / "data" / "asn_bot.sqlite3").exists()  # made once the settings are valid
