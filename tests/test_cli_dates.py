"""Dates typed on the command line: the chat's formats, the past refused, one shown format."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli.common import run_in_transaction
from bot.cli.main import main
from bot.config import load_settings
from bot.i18n.dates import format_date
from bot.texts import t
from storage.models import AspirationWindow, Broadcast, utcnow


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A SQLite file for the CLI, in an empty working folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}")
    return tmp_path


def _stored(model: type) -> list:  # type: ignore[type-arg]
    """Every row of ``model`` in the CLI database."""

    async def rows(session):  # type: ignore[no-untyped-def]
        """Read the rows."""
        return list((await session.execute(select(model))).scalars())

    return run_in_transaction(load_settings(), rows)


def _code(argv: list[str]) -> int:
    """The exit code of ``asn-bot ARGV`` (returned, or raised as SystemExit)."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def test_window_until_reads_words_and_refuses_the_past(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--until kemarin``-like past dates exit 2 with the reason; "lusa" opens the window."""
    today = utcnow().astimezone(load_settings().tz).date()
    yesterday = format_date(today - timedelta(days=1), "id", "short")
    assert _code(["aspirations", "open", "--name", "P", "--until", yesterday]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("⚠️ " + yesterday) and "<" not in err  # plain text, no HTML
    assert _code(["aspirations", "open", "--name", "P", "--until", "30-02-2027"]) == 2
    assert "30-02-2027" in capsys.readouterr().err
    assert main(["aspirations", "open", "--name", "P", "--until", "lusa"]) == 0
    shown = format_date(today + timedelta(days=2), "id", "short") + " 23.59 WIB"
    assert shown in capsys.readouterr().out
    [window] = _stored(AspirationWindow)
    assert window.ends_at.astimezone(load_settings().tz).date() == today + timedelta(days=3)


def test_broadcast_at_needs_a_future_time(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--at`` takes "besok jam 8"; a bare date or a past time exits 2 saying why."""
    send = ["broadcast", "send", "--text", "Rapat", "--audience", "all"]
    assert _code([*send, "--at", "besok"]) == 2
    need = t("id", "dates.need_time", date="X", example="Y").split("X")[0].replace("<i>", "")
    assert capsys.readouterr().err.startswith(need)
    assert _code([*send, "--at", "01-01-2020 08.00"]) == 2
    assert "01-01-2020 08.00 WIB" in capsys.readouterr().err
    assert main([*send, "--at", "besok jam 8"]) == 0
    tomorrow = utcnow().astimezone(load_settings().tz).date() + timedelta(days=1)
    assert f"{format_date(tomorrow, 'id', 'short')} 08.00 WIB" in capsys.readouterr().out
    [broadcast] = _stored(Broadcast)
    assert broadcast.scheduled_at is not None
    local = broadcast.scheduled_at.astimezone(load_settings().tz)
    assert (local.date(), local.hour, local.minute) == (tomorrow, 8, 0)
