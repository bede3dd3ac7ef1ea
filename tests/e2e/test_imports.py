"""The chat upload and ``asn-bot import`` give the same report for the same file."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.harness import BotHarness
from bot.imports.registry import get_kind
from bot.texts import t
from tests.conftest import HR_ID
from tests.imports_support import Case, cases, seed_for, stored

CASES = cases()


async def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run ``asn-bot`` in a worker thread (it runs its own event loop); exit code and output."""
    capsys.readouterr()
    code = await asyncio.to_thread(main, list(argv))
    return code, capsys.readouterr().out.rstrip("\n")


@pytest.mark.parametrize("case", CASES, ids=[c.kind for c in CASES])
async def test_chat_and_cli_reports_match(
    harness: BotHarness,
    db_url: str,
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Rejected file: same report in chat and CLI; partial: chat = CLI dry run + its note."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("DEFAULT_LOCALE", "id")
    db = harness.services.db
    await seed_for(db, case.kind)
    path = tmp_path / f"{case.kind}.csv"
    path.write_bytes(case.bad)
    hr = harness.user(HR_ID)
    await hr.upload(case.bad, filename=path.name)
    chooser = await hr.reply()
    label = t("id", get_kind(case.kind).label)
    assert label in chooser.button_labels
    await hr.press(label)
    chat = (await hr.reply()).text
    code, cli = await _cli(capsys, "import", case.kind, str(path))
    assert code == 1 and cli == chat
    assert "Impor dibatalkan" in chat and f"Baris {case.errors[-1][0]}:" in chat
    code, dry = await _cli(capsys, "import", case.kind, str(path), "--partial", "--dry-run")
    assert code == 0 and await stored(db, case.kind) == 0
    await hr.press(t("id", "import.btn_partial"))
    applied = (await hr.reply()).text
    assert dry == t("id", "import.report.dry_run") + "\n" + applied
    assert await stored(db, case.kind) == case.valid_in_bad
