"""``asn-bot status``: outbox per status, next scheduled items, last error, schema, instances."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from bot.cli.main import main
from storage.db import Database
from storage.models.base import utcnow
from storage.models.delivery import OutboxMessage, ScheduledItem
from storage.queries.instances import register_instance, renew_lease, stop_instance
from tests.texts import fixed_parts


def _shows_in(out: str, key: str, locale: str) -> bool:
    """True when ``out`` holds the fixed parts of ``key`` in ``locale``, in order."""
    position = 0
    for part in fixed_parts(key, locale):
        position = out.find(part, position)
        if position < 0:
            return False
    return True


async def _seed(url: str) -> None:
    """Two waiting rows, one failed with an error code, one sent; two scheduled items."""
    db = Database(url)
    now = utcnow()
    async with db.transaction() as session:
        for n, status in enumerate(("pending", "pending", "failed", "sent")):
            error = "chat_not_found" if status == "failed" else None
            session.add(
                OutboxMessage(chat_id=100 + n, text="x", status=status, error=error, claimed_at=now)
            )
        session.add(ScheduledItem(kind="broadcast", ref_id=7, run_at=now + timedelta(days=1)))
        session.add(ScheduledItem(kind="survey_open", ref_id=3, run_at=now + timedelta(hours=2)))
    await db.dispose()


async def _set_revision(url: str, revision: str) -> str:
    """Write ``revision`` into alembic_version; the previous one."""
    db = Database(url)
    async with db.transaction() as session:
        before = (await session.execute(text("SELECT version_num FROM alembic_version"))).scalar()
        await session.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})
    await db.dispose()
    return str(before)


@pytest.mark.parametrize("locale", ["id", "en"])
def test_status_text_in_the_operators_locale(
    db_url: str, locale: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every part of the report, in DEFAULT_LOCALE, from the locale files."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("DEFAULT_LOCALE", locale)
    asyncio.run(_seed(db_url))
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    for key in (
        "cli.status.title", "cli.status.schema_current", "cli.status.instances_unknown",
        "cli.status.outbox", "cli.status.upcoming", "cli.status.upcoming_item",
        "cli.status.last_error",
    ):  # fmt: skip
        assert _shows_in(out, key, locale), key
    lines = out.splitlines()
    upcoming = [line for line in lines if "#3" in line or "#7" in line]
    assert "survey_open #3" in upcoming[0] and "broadcast #7" in upcoming[1]
    assert "chat_not_found" in out


def test_status_json_and_an_outdated_schema(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json gives the counts; a schema behind the code exits 1 and says so."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    asyncio.run(_seed(db_url))
    assert main(["status", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {
        "schema", "schema_head", "schema_current", "instances", "outbox", "upcoming", "last_error"
    }  # fmt: skip
    assert report["outbox"] == {
        "pending": 2, "claimed": 0, "sending": 0, "failed": 1, "uncertain": 0, "unreachable": 0
    }  # fmt: skip
    assert [i["kind"] for i in report["upcoming"]] == ["survey_open", "broadcast"]
    assert report["last_error"]["error"] == "chat_not_found" and report["instances"] == []
    current = asyncio.run(_set_revision(db_url, "0001"))
    try:
        monkeypatch.setenv("DEFAULT_LOCALE", "en")
        assert main(["status"]) == 1
        assert _shows_in(capsys.readouterr().out, "cli.status.schema_outdated", "en")
    finally:
        asyncio.run(_set_revision(db_url, current))


async def _instances(url: str) -> None:
    """Three instances: bot1 sends, bot2 stands by, bot3 stopped (not listed)."""
    db = Database(url)
    now, lease = utcnow(), timedelta(seconds=15)
    async with db.transaction() as session:
        for name, pid in (("bot1", 11), ("bot2", 12), ("bot3", 13)):
            await register_instance(session, name, "host-a", pid, now, lease)
        await renew_lease(session, "bot1", now, lease, sending=True)
        await stop_instance(session, "bot3", now)
    await db.dispose()


def test_status_lists_live_instances_and_the_sender(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Instances with a current lease are listed, the outbox sender first; stopped ones not."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    asyncio.run(_instances(db_url))
    assert main(["status", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["instances"]
    assert [(i["name"], i["sending"]) for i in listed] == [("bot1", True), ("bot2", False)]
    monkeypatch.setenv("DEFAULT_LOCALE", "en")
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert _shows_in(out, "cli.status.instances", "en") and "bot1" in out and "bot3" not in out
