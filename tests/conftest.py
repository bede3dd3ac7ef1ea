"""Shared fixtures: a migrated database per backend, and the bot running on the emulator.

Backends come from ``ASN_TEST_BACKENDS`` (default ``sqlite,postgres``). PostgreSQL tests
use ``ASN_TEST_PG_URL`` (default the local server, database ``test``) to create a
private database per test worker; when no server answers they are skipped with a message.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.harness import BotHarness, running_bot
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Base

PG_ADMIN_URL = os.environ.get(
    "ASN_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
HR_ID = 900001
APPROVER_ID = 900002


def _backends() -> list[str]:
    """Backends to run database-dependent tests on."""
    raw = os.environ.get("ASN_TEST_BACKENDS", "sqlite,postgres")
    return [b.strip() for b in raw.split(",") if b.strip()]


async def _pg_admin(sql: str) -> None:
    """Run one statement on the PostgreSQL maintenance database (autocommit)."""
    engine = create_async_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


def _pg_available() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        asyncio.run(asyncio.wait_for(_pg_admin("SELECT 1"), timeout=5))
    except Exception as exc:  # any failure means: skip, saying why
        return f"PostgreSQL not reachable at {PG_ADMIN_URL}: {type(exc).__name__}: {exc}"
    return None


@pytest.fixture(scope="session", params=_backends())
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend of this test run."""
    name = str(request.param)
    if name == "postgres":
        reason = _pg_available()
        if reason and os.environ.get("ASN_REQUIRE_POSTGRES"):
            pytest.fail(reason + " (ASN_REQUIRE_POSTGRES is set)")
        if reason:
            pytest.skip(reason)
    return name


@pytest.fixture(scope="session")
def migrated_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated to head once per session (a template file on SQLite)."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("db") / "template.sqlite3"
        url = f"sqlite+aiosqlite:///{path}"
        upgrade(url)
        yield url
        return
    name = f"asnbot_test_{uuid.uuid4().hex[:10]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        upgrade(url)
        yield url
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def db_url(backend: str, migrated_url: str, tmp_path: Path) -> str:
    """A fresh, migrated, empty database for one test."""
    if backend == "sqlite":
        template = Path(migrated_url.split(":///", 1)[1])
        target = tmp_path / "bot.sqlite3"
        shutil.copyfile(template, target)
        return f"sqlite+aiosqlite:///{target}"
    engine = create_async_engine(migrated_url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()
    return migrated_url


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    """A Database on the fresh test database."""
    database = Database(db_url)
    yield database
    await database.dispose()


@pytest.fixture
async def harness(db_url: str) -> AsyncIterator[BotHarness]:
    """The real bot polling the emulator, with one HR admin configured."""
    async with running_bot(migrate=False, database_url=db_url, admin_telegram_ids=[HR_ID]) as h:
        yield h


def pytest_report_header(config: Any) -> str:
    """Say which database backends this run uses."""
    return f"database backends: {', '.join(_backends())} (ASN_TEST_BACKENDS)"
